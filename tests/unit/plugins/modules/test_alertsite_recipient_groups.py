# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.gathered import gathered_definitions
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUPS
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR
from ansible_collections.community.alertsite.plugins.modules.alertsite_recipient_groups import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, run_module
from ansible_collections.community.alertsite.tests.unit.plugins.modules.routing_api import RoutingApi

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
MONITORS = [{'id': 1, 'type': 'tcp', 'name': 'db'}, {'id': 2, 'type': 'website-ssl', 'name': 'shop'},
            {'id': 3, 'type': 'tcp', 'name': 'twin'}, {'id': 4, 'type': 'tcp', 'name': 'twin'},
            {'id': 5, 'type': 'ping', 'name': 'db'}]
RECIPIENTS = [{'id': 11, 'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com'},
              {'id': 12, 'name': 'hook', 'method_id': 16, 'recipient': 'https://hooks.example.com/a'}]
GROUPS = [{'id': 21, 'name': 'payments', 'is_default': False, 'monitors': [{'id': 1, 'step_number': 0}],
           'recipients': [{'id': 11}], 'errortypes': [{'id': 1}], 'templates': []},
          {'id': 22, 'name': 'legacy', 'is_default': False, 'monitors': [{'id': 3, 'step_number': 2}, {'id': 99}],
           'recipients': [{'id': 12}], 'errortypes': [], 'templates': []}]
PAYMENTS = {'name': 'payments', 'monitors': [{'name': 'db', 'type': 'tcp'}], 'recipients': [{'name': 'oncall'}],
            'errortypes': [1]}
SHOP = {'name': 'shop', 'monitors': [{'name': 'shop', 'type': 'website-ssl'}, {'id': 1, 'step_number': 1}],
        'recipients': [{'name': 'oncall'}, {'id': 12}]}

BAD_INPUT = [
    (dict(config=[dict(PAYMENTS, monitors=[])]), 'monitors must not be empty'),
    (dict(config=[dict(PAYMENTS, monitors=[{'step_number': 1}])]), 'monitors[0]: give id or name'),
    (dict(config=[dict(PAYMENTS, monitors=[{'name': 'db'}])]), 'monitors[0]: name needs type'),
    (dict(config=[dict(PAYMENTS, monitors=[{'id': 1, 'name': 'db', 'type': 'tcp'}])]), 'monitors[0]: give id or name, not both'),
    (dict(config=[dict(PAYMENTS, monitors=[{'id': 0}])]), 'monitors[0]: id must be a positive id, got 0'),
    (dict(config=[dict(PAYMENTS, monitors=[{'name': 'db', 'type': 'gopher'}])]), 'value of type must be one of'),
    (dict(config=[dict(PAYMENTS, monitors=[{'id': 1, 'step_number': -1}])]), 'monitors[0]: step_number must be 0 or more'),
    (dict(config=[dict(PAYMENTS, recipients=[])]), 'recipients must not be empty'),
    (dict(config=[dict(PAYMENTS, recipients=[{}])]), 'recipients[0]: give id or name'),
    (dict(config=[dict(PAYMENTS, errortypes=[1000])]), 'errortypes must be AlertSite error codes from 1 to 999'),
    (dict(config=[dict(PAYMENTS, templates=[0])]), 'templates must be a list of positive ids'),
    (dict(config=[dict(PAYMENTS, name='n' * 129)]), 'name must be at most 128 characters'),
    (dict(config=[{'monitors': [{'id': 1}], 'recipients': [{'id': 11}]}]), 'name is required, or id to select an existing recipient group'),
    (dict(config=[PAYMENTS, dict(PAYMENTS, errortypes=[2])]), "config[0] and config[1] both define recipient group 'payments'"),
    (dict(config=[dict(PAYMENTS, id='x1')]), 'id must be a recipient group id (digits only)'),
    (dict(config=[PAYMENTS], state='rendered'), 'state=rendered makes no request, so recipient group'),
    (dict(config=[{'name': 'new', 'monitors': [{'id': 1}]}], state='rendered'),
     "missing required options to create recipient group 'new': recipients"),
    (dict(config=[], state='overridden'), 'state=overridden with an empty config deletes every recipient group'),
    (dict(config=[dict(PAYMENTS, is_default='maybe')]), 'is_default'),
    (dict(config=[PAYMENTS], parallel_writes=0), 'parallel_writes must be at least 1, got 0'),
    (dict(config=[PAYMENTS], update_password='always'), 'update_password'),
    (dict(config=[PAYMENTS], scope={'custom_properties': {'Team': 'a'}}), 'scope'),
    (dict(config=[12]), 'config[0] must be a dictionary, got int'),
    (dict(state='parsed', running_config='{not json'), 'running_config is not JSON'),
    (dict(state='parsed', running_config={'results': 'x'}),
     'running_config must be a GET /notifier-groups reply (an object with results) or a list of recipient groups'),
]


@pytest.mark.parametrize('args, message', BAD_INPUT, ids=[row[1][:50] for row in BAD_INPUT])
def test_bad_input_is_refused_before_any_request(args, message, capsys, clean_environment):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, **args), session, capsys)
    assert failed and message in result['msg'], result
    assert session.requests == []


def test_enough_bad_input_rows():
    assert len(BAD_INPUT) >= 15


def routing_api(groups=(), **more):
    return RoutingApi(monitors=MONITORS, recipients=RECIPIENTS, groups=groups, **more)


def test_names_are_resolved_with_one_listing_per_kind_for_every_definition(capsys):
    api = routing_api()
    result, failed = run_module(main, dict(AUTH, config=[PAYMENTS, SHOP], parallel_writes=1), api, capsys)
    assert not failed and result['msg'] == 'merged 2 recipient groups: 2 created, 0 updated, 0 deleted, 0 unchanged'
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/notifier-groups'), ('GET', '/monitors'),
                           ('GET', '/recipients'), ('POST', '/notifier-groups'), ('POST', '/notifier-groups'),
                           ('GET', '/notifier-groups')]
    assert api.requests[2]['params']['type'] == 'tcp,website-ssl'
    assert api.requests[4]['json'] == {'name': 'payments', 'monitors': [{'id': 1, 'step_number': 0}],
                                       'recipients': [{'id': 11}], 'errortypes': [{'id': 1}]}
    assert api.requests[5]['json']['monitors'] == [{'id': 1, 'step_number': 1}, {'id': 2, 'step_number': 0}]
    assert [item['changes'] for item in result['results']] == [['name', 'monitors', 'recipients', 'errortypes'],
                                                               ['name', 'monitors', 'recipients']]
    api.requests = []
    rerun, failed = run_module(main, dict(AUTH, config=[PAYMENTS, SHOP]), api, capsys)
    assert not failed and rerun['changed'] is False and api.writes() == []


def test_gathered_names_what_is_unambiguous_and_feeds_back(capsys):
    api = routing_api(GROUPS)
    gathered, failed = run_module(main, dict(AUTH, state='gathered'), api, capsys)
    assert not failed
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/notifier-groups'), ('GET', '/monitors'),
                           ('GET', '/recipients')]
    assert gathered['gathered'] == [
        {'name': 'payments', 'is_default': False, 'monitors': [{'name': 'db', 'type': 'tcp'}],
         'recipients': [{'name': 'oncall'}], 'errortypes': [1]},
        # twin: two tcp monitors have that name; 99: no monitor has that id
        {'name': 'legacy', 'is_default': False, 'monitors': [{'id': 3, 'step_number': 2}, {'id': 99}],
         'recipients': [{'name': 'hook'}]}]
    for state in ('merged', 'replaced', 'overridden'):
        api.requests = []
        result, failed = run_module(main, dict(AUTH, state=state, config=gathered['gathered']), api, capsys)
        assert not failed and result['changed'] is False and api.writes() == [], (state, result)


def test_overridden_deletes_an_extra_group_and_nothing_when_a_create_fails(capsys):
    api = routing_api(GROUPS, fail=[('POST', '/notifier-groups')])
    result, failed = run_module(main, dict(AUTH, state='overridden', config=[PAYMENTS, SHOP]), api, capsys)
    assert failed and api.writes() == [('POST', '/notifier-groups')]
    assert [(item['name'], item['action'], item.get('skipped', False)) for item in result['results']] == [
        ('payments', 'none', False), ('shop', 'create', False), ('legacy', 'delete', True)]
    api.fail = set()
    api.requests = []
    result, failed = run_module(main, dict(AUTH, state='overridden', config=[PAYMENTS, SHOP]), api, capsys)
    assert not failed and api.writes() == [('POST', '/notifier-groups'), ('DELETE', '/notifier-groups/22')]


def test_an_unknown_name_fails_its_definition_alone(capsys):
    api = routing_api(GROUPS)
    config = [dict(PAYMENTS, monitors=[{'name': 'nope', 'type': 'tcp'}]),
              {'name': 'legacy', 'recipients': [{'name': 'oncall'}]}]
    result, failed = run_module(main, dict(AUTH, config=config), api, capsys)
    assert failed and api.writes() == [('PATCH', '/notifier-groups/22')]
    assert result['results'][0]['msg'] == "monitors[0]: no tcp monitor 'nope' exists"
    assert [request['json'] for request in api.requests if request['method'] == 'PATCH'] == [{'recipients': [{'id': 11}]}]


def test_parsed_gives_references_by_id():
    assert gathered_definitions(GROUPS[:1], None, RECIPIENT_GROUPS) == [
        {'name': 'payments', 'is_default': False, 'monitors': [{'id': 1}], 'recipients': [{'id': 11}], 'errortypes': [1]}]
    monitors = Index(lambda api_type: ANY_MONITOR, MONITORS)
    named = gathered_definitions(GROUPS[:1], None, RECIPIENT_GROUPS, {'/monitors': monitors})
    assert named[0]['monitors'] == [{'name': 'db', 'type': 'tcp'}] and named[0]['recipients'] == [{'id': 11}]


def test_rendered_with_ids_sends_nothing(capsys):
    session = FakeSession()
    config = [{'name': 'ops', 'monitors': [{'id': 5, 'step_number': 2}, {'id': 1}], 'recipients': [{'id': 12}, {'id': 11}]}]
    result, failed = run_module(main, dict(state='rendered', config=config), session, capsys)
    assert not failed and session.requests == []
    assert result['rendered'] == [{'method': 'POST', 'path': '/notifier-groups', 'body': {
        'name': 'ops', 'monitors': [{'id': 1, 'step_number': 0}, {'id': 5, 'step_number': 2}],
        'recipients': [{'id': 11}, {'id': 12}]}}]
    assert result['msg'] == 'rendered 1 recipient group (no request was made)'
