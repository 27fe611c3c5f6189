# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_account_info against a small in-memory API: one listing per kind, the same output as the gathered
state of each resource module, and the bad input it refuses before any request."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules import (
    alertsite_account_info,
    alertsite_blackouts,
    alertsite_monitors,
    alertsite_recipient_groups,
    alertsite_recipients,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITOR_KINDS
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, page, run_module
from ansible_collections.community.alertsite.tests.unit.plugins.modules.routing_api import RoutingApi
from ansible_collections.community.alertsite.tests.unit.plugins.modules.test_no_secret_returned import (
    assert_no_secret,
    objects_of,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
TOKEN = {'api_url': 'https://alertsite.test/api/v3', 'access_token': 't0k3n'}
MONITORS = [{'id': 1, 'type': 'tcp', 'name': 'db', 'host': 'db.example.com', 'port': 5432},
            {'id': 2, 'type': 'website-ssl', 'name': 'shop', 'url': 'https://shop.example.com/'},
            {'id': 3, 'type': 'tcp', 'name': 'twin', 'host': 'a.example.com', 'port': 22},
            {'id': 4, 'type': 'tcp', 'name': 'twin', 'host': 'b.example.com', 'port': 22},
            {'id': 5, 'type': 'selenium', 'name': 'browser'}]
RECIPIENTS = [{'id': 11, 'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com'},
              {'id': 12, 'name': 'splunk', 'method_id': 15, 'recipient': 'https://splunk.example.com/',
               'username': 'hec', 'stored_password': 'Splunk-S3cret'}]
GROUPS = [{'id': 21, 'name': 'payments', 'is_default': False, 'monitors': [{'id': 1}, {'id': 3}],
           'recipients': [{'id': 11}, {'id': 12}], 'errortypes': [{'id': 1}], 'templates': []}]
EMPTY = dict((key, None) for key in ('from_date', 'thru_date', 'start_day', 'start_time', 'end_day', 'end_time', 'note'))
BLACKOUTS = [dict(EMPTY, id=31, type='Monitor', assoc_id=1, persistent=True, start_day=1, start_time='02:00', end_day=1,
                  end_time='04:00', note='patching'),
             dict(EMPTY, id=32, type='Monitor', assoc_id=2, persistent=True, start_day=1, start_time='02:00', end_day=1,
                  end_time='04:00', note='patching'),
             dict(EMPTY, id=33, type='Notifier', assoc_id=11, persistent=False, from_date='2099-01-01 00:00:00',
                  thru_date='2099-01-02 00:00:00', note='holiday'),
             dict(EMPTY, id=34, type='Alert', assoc_id=3, persistent=False, from_date='2020-01-01 00:00:00',
                  thru_date='2020-01-02 00:00:00', note='old release')]
KINDS = ['recipients', 'monitors', 'recipient_groups', 'blackouts']
MODULES = dict(recipients=alertsite_recipients, monitors=alertsite_monitors, recipient_groups=alertsite_recipient_groups,
               blackouts=alertsite_blackouts)

BAD_INPUT = [
    (dict(kinds=['alerts']), 'kinds must name only recipients, monitors, recipient_groups, blackouts, got alerts'),
    (dict(kinds=['monitors', 'sla']), 'kinds must name only recipients, monitors, recipient_groups, blackouts, got sla'),
    (dict(kinds=[]), 'kinds must name at least one kind of object'),
    (dict(kinds=['monitors', 'monitors']), 'kinds names a kind more than once: monitors, monitors'),
    (dict(scripts_dest=__file__), 'scripts_dest must be a directory, and %s is a file' % __file__),
    (dict(kinds=['recipients'], scripts_dest='/tmp'), 'scripts_dest applies only when kinds holds monitors'),
    (dict(timezone='Mars/Olympus_Mons'), 'timezone must be an IANA time zone name'),
    (dict(username=None, password=None), 'either access_token, or username and password, are required'),
    (dict(password=None), 'password is required with username'),
    (dict(api_url='ftp://alertsite.test/api/v3'), 'api_url must start with http:// or https://'),
    (dict(api_url='https://ops:Pw@alertsite.test/api/v3'), 'api_url must not hold a user name or password'),
    (dict(api_url='https://alertsite.test/api/v3?debug=1'), 'api_url must be the base of the API, without a query string'),
    (dict(api_url='https://alertsite.test/api/v3#top'), 'api_url must be the base of the API, without a query string'),
    (dict(api_timeout=0), 'api_timeout must be at least 1 second, got 0'),
    (dict(api_retries=-1), 'api_retries must be 0 or more, got -1'),
    (dict(state='gathered'), 'Unsupported parameters'),
    (dict(kinds=['monitors'], config=[]), 'Unsupported parameters'),
    (dict(kinds='monitors,recipient_groups,alerts'), 'kinds must name only'),
]


@pytest.mark.parametrize('args, message', BAD_INPUT, ids=[row[1][:50] for row in BAD_INPUT])
def test_bad_input_is_refused_before_any_request(args, message, capsys, clean_environment):
    session = FakeSession()
    result, failed = run_module(alertsite_account_info.main, dict(AUTH, **args), session, capsys)
    assert failed and message in result['msg'], result
    assert session.requests == []


def test_enough_bad_input_rows():
    assert len(BAD_INPUT) >= 15


def account_api():
    return RoutingApi(monitors=MONITORS, recipients=RECIPIENTS, groups=GROUPS, blackouts=BLACKOUTS)


def test_every_kind_is_listed_once_and_gathered_as_its_resource_module_gathers_it(capsys):
    api = account_api()
    result, failed = run_module(alertsite_account_info.main, dict(AUTH), api, capsys)
    assert not failed and result['changed'] is False
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/recipients'), ('GET', '/monitors'),
                           ('GET', '/notifier-groups'), ('GET', '/blackouts')]
    assert list(result['gathered']) == KINDS
    assert result['msg'] == 'gathered 2 recipients, 4 monitors, 1 recipient group, 2 blackouts'
    for kind in KINDS:
        alone, failed = run_module(MODULES[kind].main, dict(AUTH, state='gathered'), account_api(), capsys)
        assert not failed
        assert result['gathered'][kind] == alone['gathered'], kind
        assert result['not_gathered'][kind] == alone['not_gathered'], kind
    # references by name where unambiguous (the two tcp monitors named twin stay ids), from the same listings
    assert result['gathered']['recipient_groups'][0]['monitors'] == [{'name': 'db', 'type': 'tcp'}, {'id': 3}]
    assert result['gathered']['recipient_groups'][0]['recipients'] == [{'name': 'oncall'}, {'name': 'splunk'}]
    assert result['gathered']['blackouts'][0]['monitors'] == [
        {'name': 'db', 'type': 'tcp'}, {'name': 'shop', 'type': 'website-ssl'}]
    assert result['not_gathered']['monitors'] == [{'type': 'selenium', 'name': 'browser', 'id': 5}]
    assert [window['id'] for window in result['not_gathered']['blackouts']] == [34]
    assert 'Splunk-S3cret' not in capsys.readouterr().out + str(result)


def test_a_kind_gathered_alone_lists_the_kinds_it_names(capsys):
    api = account_api()
    result, failed = run_module(alertsite_account_info.main, dict(AUTH, kinds=['recipient_groups']), api, capsys)
    assert not failed and list(result['gathered']) == ['recipient_groups']
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/notifier-groups'), ('GET', '/monitors'),
                           ('GET', '/recipients')]
    assert result['gathered']['recipient_groups'][0]['recipients'] == [{'name': 'oncall'}, {'name': 'splunk'}]


def test_the_kinds_are_gathered_in_their_order_whatever_the_order_given(capsys):
    api = account_api()
    result, failed = run_module(alertsite_account_info.main, dict(AUTH, kinds=['blackouts', 'monitors']), api, capsys)
    assert not failed and list(result['gathered']) == ['monitors', 'blackouts']
    # the windows on a recipient name it from a listing of the recipients, made for them
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/monitors'), ('GET', '/blackouts'),
                           ('GET', '/recipients')]


def test_a_failed_listing_fails_with_its_status(capsys):
    api = account_api()
    api.fail = set([('GET', '/notifier-groups')])
    result, failed = run_module(alertsite_account_info.main, dict(AUTH), api, capsys)
    assert failed and result['status'] == 400 and 'refused by the test' in result['msg']
    assert 'gathered' not in result


@pytest.mark.parametrize('kind, kinds', [('monitors', MONITOR_KINDS), ('recipients', (RECIPIENT,))])
def test_no_secret_is_returned(capsys, kind, kinds):
    """Objects of every type of the kind, each with every secret field set, as the API would list them if it
    showed secrets: none of their values and none of their keys is in the result."""
    objects = objects_of(kinds)
    result, failed = run_module(alertsite_account_info.main, dict(TOKEN, kinds=[kind]), FakeSession(page(objects)),
                                capsys)
    assert not failed and len(result['gathered'][kind]) == len(objects)
    assert_no_secret(result['gathered'], kinds)
