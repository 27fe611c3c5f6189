# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The alert routing kinds, the engine hooks they use, and the documents and role built around them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import re
from collections import OrderedDict

import pytest
import yaml

from ansible_collections.community.alertsite.plugins.module_utils.bulk import definition_spec
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    create_problems,
    input_problems,
    plan_message,
    plan_object,
    resolve_values,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import (
    METHOD,
    METHODS,
    RECIPIENT,
    RECIPIENT_GROUP,
    RECIPIENT_GROUPS,
    RECIPIENTS,
)
from ansible_collections.community.alertsite.plugins.module_utils.runners import resource_argument_spec
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import page

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..')


def wanted(kind, **values):
    params = dict((name, None) for name in resource_argument_spec(kind))
    params.update(values)
    return wanted_values(kind, params)


def test_recipient_options_are_the_api_fields_but_the_login():
    spec = resource_argument_spec(RECIPIENT)
    assert spec['method_id'] == {'type': 'raw', 'aliases': ['method']}
    assert spec['recipient_password']['no_log'] is True
    assert spec['update_password']['choices'] == ['on_create', 'always']
    assert RECIPIENT.by_name['recipient_username'].api_name == 'username'
    assert RECIPIENT.by_name['recipient_password'].api_name == 'password'
    assert [field.name for field in RECIPIENT.write_only_fields] == ['recipient_password']


@pytest.mark.parametrize('given, code', [(12, 12), ('12', 12), ('email_html', 12), (' sms ', 6), (17, 17)])
def test_methods_by_number_or_name(given, code):
    assert METHOD.normalise(given) == code and METHOD.problem(METHOD.normalise(given)) is None


@pytest.mark.parametrize('given', [7, 13, 'mail', True, 1.5, {'id': 12}])
def test_undocumented_methods_are_refused(given):
    assert METHOD.problem(METHOD.normalise(given)).startswith('method_id or method must be one of email_text (1), ')


def test_every_documented_method_has_a_name():
    assert sorted(METHODS) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 17]
    assert len(set(METHODS.values())) == len(METHODS)


def test_create_checks_see_the_api_default_method_and_only_run_on_create():
    values = wanted(RECIPIENT, name='hook', recipient='https://hooks.example.com/in')
    assert input_problems(RECIPIENT, values) == []  # the method is not known before the lookup
    assert create_problems(RECIPIENT, values) == [
        "method email_html (12) sends e-mail, so recipient must be an email address such as monitor@example.com, got "
        "'https://hooks.example.com/in' (a new recipient gets method_id=12 from the API when it is not set)"]
    with pytest.raises(InputError):
        plan_object(RECIPIENT, None, values, None)
    splunk = wanted(RECIPIENT, name='s', method_id='splunk', recipient='https://s.example.com')
    assert create_problems(RECIPIENT, splunk) == [
        'method splunk (15) needs recipient_username and recipient_password to create a recipient']
    existing = {'id': 3, 'name': 's', 'method_id': 15, 'recipient': 'https://s.example.com', 'username': 'u', 'password': None}
    assert plan_object(RECIPIENT, None, splunk, existing).action == 'none'


def test_group_members_are_checked_as_given_then_resolved_to_sets(fake_client):
    values = wanted(RECIPIENT_GROUP, name='g', monitors=[{'name': 'web', 'type': 'tcp', 'id': None, 'step_number': None},
                                                         {'id': 5, 'name': None, 'type': None, 'step_number': 2}],
                    recipients=[{'id': 9, 'name': None}, {'id': 9, 'name': None}])
    assert values['monitors'] == [{'name': 'web', 'type': 'tcp'}, {'id': 5, 'step_number': 2}]
    assert input_problems(RECIPIENT_GROUP, values) == []
    client, session = fake_client(page([{'id': 11, 'type': 'tcp', 'name': 'web'}]))
    resolved = resolve_values(client, RECIPIENT_GROUP, values)
    assert resolved['monitors'] == [(5, 2), (11, 0)]
    assert resolved['recipients'] == [9]
    assert session.calls() == [('GET', '/monitors')]


def test_a_group_without_names_needs_no_request(fake_client):
    client, session = fake_client()
    values = wanted(RECIPIENT_GROUP, name='g', monitors=[{'id': 5}], recipients=[{'id': 9}], errortypes=[2, 1])
    resolved = resolve_values(client, RECIPIENT_GROUP, values)
    assert resolved == OrderedDict([('name', 'g'), ('monitors', [(5, 0)]), ('recipients', [9]), ('errortypes', [1, 2])])
    assert session.requests == []


def test_notes_are_added_to_the_message():
    on_api = {'id': 4, 'name': 'g', 'is_default': True, 'monitors': [{'id': 5}], 'recipients': [{'id': 9}]}
    plan = plan_object(RECIPIENT_GROUP, None, wanted(RECIPIENT_GROUP, name='g', is_default=False), on_api)
    assert plan_message(plan) == ("Updated recipient group 'g' (id 4): is_default; it was the default recipient group: "
                                  "there is now no default, so monitors in no group alert every recipient")
    plan = plan_object(RECIPIENT_GROUP, None, wanted(RECIPIENT_GROUP, name='g', is_default=True), on_api)
    assert plan_message(plan) == "recipient group 'g' (id 4) is up to date"


def test_becoming_the_default_names_the_group_that_stops_being_it(fake_client):
    on_api = {'id': 4, 'name': 'g', 'is_default': False, 'monitors': [{'id': 5}], 'recipients': [{'id': 9}]}
    plan = plan_object(RECIPIENT_GROUP, None, wanted(RECIPIENT_GROUP, name='g', is_default=True), on_api)
    listing = [dict(on_api), {'id': 7, 'name': 'other', 'is_default': True}, {'id': 8, 'name': 'third', 'is_default': False}]
    client, session = fake_client(page(listing))
    assert RECIPIENT_GROUP.api_notes(client, plan, False) == [
        "it is now the default recipient group, which the API keeps one of: recipient group 'other' (id 7) is no "
        "longer the default (a task that makes it the default again undoes this one)"]
    assert [request['url'] for request in session.requests] == ['https://alertsite.test/api/v3/notifier-groups']
    # a plan that leaves is_default alone reads nothing
    unchanged = plan_object(RECIPIENT_GROUP, None, wanted(RECIPIENT_GROUP, name='g'), on_api)
    client, session = fake_client()
    assert RECIPIENT_GROUP.api_notes(client, unchanged, True) == [] and session.requests == []


# -- the documents and the role ----------------------------------------------------------------------------------

def read(*parts):
    with open(os.path.join(ROOT, *parts)) as handle:
        return handle.read()


def test_the_guide_shows_the_example_file_as_it_is():
    guide = read('docs', 'docsite', 'rst', 'guide_alert_routing.rst')
    example = read('docs', 'examples', 'alert_routing_vars.yml')
    block = re.search(r'\n   ---\n(.*?)\n\S', guide, re.S).group(1)
    shown = '---\n' + '\n'.join(line[3:] for line in block.split('\n')).rstrip() + '\n'
    assert shown == example


def test_the_role_takes_exactly_the_options_of_the_modules():
    role_vars = yaml.safe_load(read('roles', 'alerting', 'vars', 'main.yml'))
    connection = set(['api_url', 'username', 'password', 'access_token', 'validate_certs', 'ca_path', 'api_timeout',
                      'api_retries'])
    recipient = set(resource_argument_spec(RECIPIENT)) - connection | set(['method'])
    group = set(resource_argument_spec(RECIPIENT_GROUP)) - connection
    assert set(role_vars['__alerting_recipient_options']) == recipient
    assert set(role_vars['__alerting_group_options']) == group
    # the role hands its definitions (less state and update_password, which are the tasks') to the resource modules
    items = dict((family, definition_spec(family)) for family in (RECIPIENTS, RECIPIENT_GROUPS))
    recipient_item = set(items[RECIPIENTS]) | set(alias for spec in items[RECIPIENTS].values() for alias in spec.get('aliases', []))
    assert recipient - set(['state', 'update_password']) <= recipient_item
    assert group - set(['state']) <= set(items[RECIPIENT_GROUPS])
    tasks = read('roles', 'alerting', 'tasks', 'main.yml')
    for module in ('alertsite_recipients', 'alertsite_monitors', 'alertsite_recipient_groups'):
        assert '      community.alertsite.%s:\n        config: ' % module in tasks, module
