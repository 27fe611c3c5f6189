# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bad input, refused before any request: the tables of the ``bad_input`` integration target.

The rows are read from ``tests/integration/targets/bad_input/vars/``, so the unit tests and the
integration target check exactly the same input. A row's module arguments are built as the target
builds them: the connection options the target sets through ``module_defaults``, then the table's
base (less the options the row lists in ``without``), then the row's ``args``. The module must fail,
its message must contain the row's ``expect``, and not one HTTP request may be sent.

The rows of ``lookup.yml`` can only be refused after a lookup: they run against a small fake API
that holds the same monitors as the simulator, and must fail without any write.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import importlib
import os
import re

import pytest
import yaml

from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
)

VARS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'integration', 'targets',
                        'bad_input', 'vars')

# The only templates the tables hold: a long text, such as "{{ 'n' * 256 }}".
REPEAT_TEMPLATE = re.compile(r"^\{\{ '(.)' \* (\d+) \}\}$")

# What module_defaults give every task of the target (the simulator's address and login).
CONNECTION = {'api_url': 'http://127.0.0.1:9/api/v3', 'username': 'demo', 'password': 'demo-password'}

# The target sets these to empty strings, so that nothing from the environment fills in credentials.

# vars file, table (its base, when it has one, is named <table>_base), module
TABLES = [
    ('tcp.yml', 'bad_input_tcp', 'alertsite_tcp_monitor'),
    ('email.yml', 'bad_input_email', 'alertsite_email_monitor'),
    ('roundtrip.yml', 'bad_input_roundtrip', 'alertsite_roundtrip_monitor'),
    ('ping.yml', 'bad_input_ping', 'alertsite_ping_monitor'),
    ('dns.yml', 'bad_input_dns', 'alertsite_dns_monitor'),
    ('website.yml', 'bad_input_website', 'alertsite_website_monitor'),
    ('monitors.yml', 'bad_input_monitors', 'alertsite_monitors'),
    ('monitors_types.yml', 'bad_input_monitors_types', 'alertsite_monitors'),
    ('info.yml', 'bad_input_info', 'alertsite_monitor_info'),
    ('access_token.yml', 'bad_input_access_token', 'alertsite_access_token'),
    ('recipient.yml', 'bad_input_recipient', 'alertsite_recipient'),
    ('recipient_group.yml', 'bad_input_recipient_group', 'alertsite_recipient_group'),
    ('recipient_info.yml', 'bad_input_recipient_info', 'alertsite_recipient_info'),
    ('recipient_info.yml', 'bad_input_recipient_group_info', 'alertsite_recipient_group_info'),
    ('blackout.yml', 'bad_input_blackout', 'alertsite_blackout'),
    ('blackout.yml', 'bad_input_blackout_info', 'alertsite_blackout_info'),
    ('custom_property.yml', 'bad_input_custom_property', 'alertsite_custom_property'),
    ('custom_property.yml', 'bad_input_custom_property_info', 'alertsite_custom_property_info'),
    ('sla.yml', 'bad_input_sla', 'alertsite_sla'),
    ('sla.yml', 'bad_input_sla_info', 'alertsite_sla_info'),
]
LOOKUP_TABLES = [
    ('bad_input_tcp_lookup', 'alertsite_tcp_monitor'),
    ('bad_input_email_lookup', 'alertsite_email_monitor'),
    ('bad_input_roundtrip_lookup', 'alertsite_roundtrip_monitor'),
    ('bad_input_monitors_lookup', 'alertsite_monitors'),
]
MINIMUM_ROWS = 15  # invalid inputs per module, at the least


def load_vars(filename):
    with open(os.path.join(VARS_DIR, filename)) as handle:
        return yaml.safe_load(handle)


def rendered(value):
    """The value as Ansible passes it to the module: the templates of the vars files rendered."""
    if isinstance(value, dict):
        return dict((key, rendered(item)) for key, item in value.items())
    if isinstance(value, list):
        return [rendered(item) for item in value]
    if isinstance(value, str) and '{{' in value:
        match = REPEAT_TEMPLATE.match(value)
        assert match, 'the tables may only use templates like "{{ \'n\' * 256 }}", not %r' % value
        return match.group(1) * int(match.group(2))
    return value


def module_main(module):
    return importlib.import_module('ansible_collections.community.alertsite.plugins.modules.%s' % module).main


def module_args(row, base=None):
    """module_defaults, then the task's own arguments (which win, null included)."""
    args = dict(CONNECTION)
    args.update((key, value) for key, value in (base or {}).items() if key not in row.get('without', []))
    args.update(rendered(row['args']))
    return args


def row_params(tables):
    params = []
    for filename, table, module in tables:
        tables_vars = load_vars(filename)
        for position, row in enumerate(tables_vars[table]):
            params.append(pytest.param(module, row, tables_vars.get(table + '_base'),
                                       id='%s-%d-%s' % (module, position, row['expect'][:40])))
    return params


def test_every_module_has_enough_rows():
    counts = {}
    for filename, table, module in TABLES:
        counts[module] = counts.get(module, 0) + len(load_vars(filename)[table])
    assert min(counts.values()) >= MINIMUM_ROWS, counts


@pytest.mark.parametrize('module, row, base', row_params(TABLES))
def test_bad_input_is_refused_before_any_request(module, row, base, capsys, clean_environment):
    session = FakeSession()
    result, failed = run_module(module_main(module), module_args(row, base), session, capsys)
    assert failed, result
    assert row['expect'] in result['msg']
    assert session.requests == []


# -- input only a lookup can prove wrong ------------------------------------------------------------

class FakeApi(FakeSession):
    """A read-only API holding ``monitors``: login, listing (filtered by type) and GET by id; no writes."""

    def __init__(self, monitors):
        super(FakeApi, self).__init__()
        self.monitors = [dict(monitor) for monitor in monitors]

    def request(self, method, url, params=None, json=None, headers=None, timeout=None, verify=None):
        self.requests.append(dict(method=method, url=url, params=dict(params or {}), json=json,
                                  headers=dict(headers or {}), timeout=timeout, verify=verify))
        path = url.split('/api/v3', 1)[-1]
        if (method, path) == ('POST', '/access-tokens'):
            return token_reply()
        if (method, path) == ('GET', '/monitors'):
            types = [name for name in (params or {}).get('type', '').split(',') if name]
            return page([monitor for monitor in self.monitors if not types or monitor['type'] in types])
        if method == 'GET' and path.startswith('/monitors/'):
            found = [monitor for monitor in self.monitors if str(monitor['id']) == path.split('/')[-1]]
            if found:
                return FakeResponse(200, found[0])
            return FakeResponse(404, {'errors': [{'code': 404, 'message': 'Record not found'}]})
        return FakeResponse(405, {'errors': [{'code': 405, 'message': 'this test API takes no writes'}]})


def lookup_params():
    lookup = load_vars('lookup.yml')
    return [pytest.param(module, row, id='%s-%d' % (module, position))
            for table, module in LOOKUP_TABLES for position, row in enumerate(lookup[table])]


@pytest.mark.parametrize('module, row', lookup_params())
def test_input_only_a_lookup_can_refuse_fails_without_writes(module, row, capsys, clean_environment):
    session = FakeApi(load_vars('lookup.yml')['bad_input_seed'])
    result, failed = run_module(module_main(module), module_args(row), session, capsys)
    assert failed, result
    assert row['expect'] in result['msg']
    assert session.requests, 'the lookup was expected to ask the API'
    assert session.writes() == []
