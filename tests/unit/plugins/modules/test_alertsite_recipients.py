# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_recipients import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, run_module, with_invocation
from ansible_collections.community.alertsite.tests.unit.plugins.modules.routing_api import RoutingApi

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
SECRET = 'HookPw!42'
MAIL = {'name': 'oncall', 'method': 'email_html', 'recipient': 'oncall@example.com'}
HOOK = {'name': 'hook', 'method': 'web_post_json', 'recipient': 'https://hooks.example.com/a',
        'recipient_username': 'probe', 'recipient_password': SECRET}
HELD = [
    {'id': 11, 'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com', 'notify_on_clear': False},
    {'id': 12, 'name': 'old', 'method_id': 1, 'recipient': 'old@example.com'},
    {'id': 13, 'name': 'twin', 'method_id': 1, 'recipient': 'a@example.com'},
    {'id': 14, 'name': 'twin', 'method_id': 1, 'recipient': 'b@example.com'},
]

# bad input, refused before any request: (task arguments besides the connection, text of the refusal)
BAD_INPUT = [
    (dict(config=['oncall']), 'config[0] must be a dictionary, got str'),
    (dict(config=[{'recipient': 'a@example.com'}]), 'name is required, or id to select an existing recipient'),
    (dict(config=[dict(MAIL, id='12a')]), 'id must be a recipient id (digits only)'),
    (dict(config=[dict(MAIL, method='carrier_pigeon')]), 'method_id or method must be one of'),
    (dict(config=[dict(MAIL, recipient='not-an-address')]), 'method email_html (12) sends e-mail, so recipient'),
    (dict(config=[dict(HOOK, recipient='ftp://hooks.example.com')]), 'posts to a web server, so recipient'),
    (dict(config=[dict(MAIL, start_threshold=0)]), 'start_threshold must be'),
    (dict(config=[dict(MAIL, stop_threshold=-1)]), 'stop_threshold must be'),
    (dict(config=[dict(MAIL, name=' oncall')]), "config[0] (recipient ' oncall'): name"),
    (dict(config=[dict(MAIL, name='')]), 'name must not be empty'),
    (dict(config=[MAIL, dict(MAIL, recipient='other@example.com')]), "config[0] and config[1] both define recipient 'oncall'"),
    (dict(config=[dict(MAIL, id='5'), dict(HOOK, id=' 5')]), 'config[0] and config[1] both define recipient id 5'),
    (dict(config=[MAIL], parallel_writes=0), 'parallel_writes must be at least 1, got 0'),
    (dict(config=[], state='overridden'), 'state=overridden with an empty config deletes every recipient'),
    (dict(state='parsed'), 'state=parsed needs running_config (a GET /recipients reply, or its results)'),
    (dict(config=[MAIL], running_config=[]), 'running_config only applies to state=parsed'),
    (dict(config=[MAIL], state='parsed', running_config=[]), 'config does not apply to state=parsed'),
    (dict(config=[MAIL], state='present'), 'value of state must be one of'),
    (dict(config=[dict(MAIL, start_threshold=True)]), 'config[0].start_threshold must be an integer, got a boolean'),
    (dict(config=[dict(MAIL, name=['oncall'])]), 'config[0].name must be a string, got a list'),
    (dict(config=[dict(MAIL, colour='red')]), 'colour'),
    (dict(config=[MAIL], update_password='sometimes'), 'value of update_password must be one of'),
    (dict(config=[MAIL], return_unchanged='sometimes'), "argument 'return_unchanged' is of type"),
    (dict(config=[MAIL], types=['tcp']), 'types'),
    (dict(config=[dict(name='pd', method='pagerduty', recipient='x')], state='rendered'),
     'PagerDuty recipients (method pagerduty, 14) cannot be created through the AlertSite API'),
    (dict(config=[dict(name='splunk', method='splunk', recipient='https://splunk.example.com')], state='rendered'),
     'method splunk (15) needs recipient_username and recipient_password to create a recipient'),
    (dict(config=[MAIL], api_url='ftp://alertsite.test'), 'api_url'),
]


@pytest.mark.parametrize('args, message', BAD_INPUT, ids=[row[1][:50] for row in BAD_INPUT])
def test_bad_input_is_refused_before_any_request(args, message, capsys, clean_environment):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, **args), session, capsys)
    assert failed and message in result['msg'], result
    assert session.requests == []
    assert SECRET not in json.dumps(result)


def test_enough_bad_input_rows():
    assert len(BAD_INPUT) >= 15


def test_create_rerun_and_secret(capsys):
    api = RoutingApi()
    result, failed = run_module(main, dict(AUTH, config=[MAIL, HOOK], parallel_writes=1, _ansible_diff=True), api, capsys)
    assert not failed and result['changed'] is True
    assert api.writes() == [('POST', '/recipients'), ('POST', '/recipients')]
    assert api.requests[2]['json'] == {'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com'}
    assert api.requests[3]['json']['password'] == SECRET  # sent to the API, shown nowhere
    assert result['commands'][1]['body']['password'] == '********'
    assert [(item['name'], item['action'], item['changes']) for item in result['results']] == [
        ('oncall', 'create', ['name', 'method_id', 'recipient']),
        ('hook', 'create', ['name', 'method_id', 'recipient', 'recipient_username', 'recipient_password'])]
    assert result['results'][0]['recipient']['id'] == int(result['results'][0]['id'])
    assert result['msg'] == 'merged 2 recipients: 2 created, 0 updated, 0 deleted, 0 unchanged'
    assert SECRET not in json.dumps(result)
    api.requests = []
    rerun, failed = run_module(main, dict(AUTH, config=[MAIL, HOOK]), api, capsys)
    assert not failed and rerun['changed'] is False and api.writes() == []
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/recipients')]
    assert 'after' not in rerun and [item['action'] for item in rerun['results']] == ['none', 'none']


def test_update_password_always_sends_the_password_again(capsys):
    api = RoutingApi(recipients=[dict(HELD[0], id=21, name='hook', method_id=16, recipient=HOOK['recipient'],
                                      username='probe')])
    result, failed = run_module(main, dict(AUTH, config=[HOOK], update_password='always'), api, capsys)
    assert not failed and api.writes() == [('PATCH', '/recipients/21')]
    assert api.requests[2]['json'] == {'password': SECRET}
    assert result['results'][0]['changes'] == ['recipient_password'] and SECRET not in json.dumps(result)


def test_gathered_feeds_back_without_writes_under_every_state(capsys):
    api = RoutingApi(recipients=HELD)
    gathered, failed = run_module(main, dict(AUTH, state='gathered'), api, capsys)
    assert not failed and gathered['msg'] == 'gathered 4 recipients'
    assert gathered['gathered'][0] == {'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com',
                                       'notify_on_clear': False}
    # namesakes carry their id, so that each is chosen
    assert [item.get('id') for item in gathered['gathered']] == [None, None, '13', '14']
    for state in ('merged', 'replaced', 'overridden'):
        api.requests = []
        result, failed = run_module(main, dict(AUTH, state=state, config=gathered['gathered']), api, capsys)
        assert not failed and result['changed'] is False and api.writes() == [], (state, result)
        assert api.calls() == [('POST', '/access-tokens'), ('GET', '/recipients')]


def test_overridden_deletes_the_unlisted_after_the_writes(capsys):
    api = RoutingApi(recipients=HELD[:2])
    result, failed = run_module(main, dict(AUTH, state='overridden', config=[dict(MAIL, notify_on_clear=True), HOOK],
                                           parallel_writes=1), api, capsys)
    assert not failed
    assert api.writes() == [('PATCH', '/recipients/11'), ('POST', '/recipients'), ('DELETE', '/recipients/12')]
    assert [(item['name'], item['action']) for item in result['results']] == [
        ('oncall', 'update'), ('hook', 'create'), ('old', 'delete')]
    assert result['results'][0]['changes'] == ['notify_on_clear']
    assert [item['name'] for item in result['before']] == ['oncall', 'old']
    assert [item['name'] for item in result['after']] == ['oncall', 'hook']


def test_overridden_with_a_failed_create_deletes_nothing(capsys):
    api = RoutingApi(recipients=HELD[:2], fail=[('POST', '/recipients')])
    result, failed = run_module(main, dict(AUTH, state='overridden', config=[MAIL, HOOK]), api, capsys)
    assert failed and api.writes() == [('POST', '/recipients')]
    assert result['status'] == 400 and result['api_errors'] == ['refused by the test']
    deletion = result['results'][2]
    assert (deletion['name'], deletion['action'], deletion['skipped'], deletion['changed']) == ('old', 'delete', True, False)
    assert result['msg'].endswith('1 deletion skipped because a create or update failed')
    assert SECRET not in json.dumps(result)


def test_check_mode_writes_nothing_and_predicts(capsys):
    api = RoutingApi(recipients=HELD[:2])
    result, failed = run_module(main, dict(AUTH, state='overridden', config=[MAIL, HOOK], _ansible_check_mode=True,
                                           _ansible_diff=True), api, capsys)
    assert not failed and result['changed'] is True and api.writes() == []
    assert [(item['name'], item['action']) for item in result['results']] == [
        ('oncall', 'none'), ('hook', 'create'), ('old', 'delete')]
    assert result['msg'].endswith('(check mode: nothing was sent)')
    assert [diff['before_header'] for diff in result['diff']] == ["recipient 'hook'", "recipient 'old' (id 12)"]
    assert result['diff'][0]['after']['recipient_password'] == '********' and SECRET not in json.dumps(result)


def test_identity_by_id_renames_and_namesakes_fail_alone(capsys):
    api = RoutingApi(recipients=HELD)
    config = [{'id': '12', 'name': 'older'}, {'name': 'twin', 'notify_on_clear': True}, {'id': '99', 'name': 'x'}]
    result, failed = run_module(main, dict(AUTH, config=config), api, capsys)
    assert failed and api.writes() == [('PATCH', '/recipients/12')]
    assert [request['json'] for request in api.requests if request['method'] == 'PATCH'] == [{'name': 'older'}]
    assert "2 recipients are named 'twin' (ids 13, 14)" in result['results'][1]['msg']
    assert result['results'][2]['msg'] == 'id 99: no recipient with this id exists (omit id to create a recipient by name)'


def test_deleted_deletes_the_listed_ones(capsys):
    api = RoutingApi(recipients=HELD)
    result, failed = run_module(main, dict(AUTH, state='deleted', config=[{'name': 'old'}, {'name': 'gone'}]), api, capsys)
    assert not failed and api.writes() == [('DELETE', '/recipients/12')]
    assert [(item['name'], item['action']) for item in result['results']] == [('old', 'delete'), ('gone', 'none')]


def test_rendered_and_parsed_send_nothing_and_hide_the_password(capsys):
    session = FakeSession()
    rendered, failed = run_module(main, with_invocation(dict(state='rendered', config=[HOOK])), session, capsys)
    assert not failed and rendered['rendered'] == [{'method': 'POST', 'path': '/recipients', 'body': {
        'name': 'hook', 'method_id': 16, 'recipient': 'https://hooks.example.com/a', 'username': 'probe',
        'password': '********'}}]
    listing = {'results': [dict(HELD[0], password=SECRET)]}
    parsed, failed = run_module(main, with_invocation(dict(state='parsed', running_config=listing)), session, capsys)
    assert not failed and parsed['parsed'] == [{'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com',
                                                'notify_on_clear': False}]
    assert session.requests == [] and SECRET not in json.dumps([rendered, parsed])


def test_an_empty_config_sends_nothing(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, config=[]), session, capsys)
    assert not failed and result['changed'] is False and session.requests == []


def test_unchanged_recipients_hold_their_object_only_with_return_unchanged(capsys):
    api = RoutingApi()
    created, failed = run_module(main, dict(AUTH, config=[MAIL, HOOK], parallel_writes=1), api, capsys)
    assert not failed and all('recipient' in item for item in created['results'])
    changed_mail = dict(MAIL, notify_on_clear=True)
    shapes, befores = {}, {}
    for return_unchanged in (False, True):
        api.requests = []
        result, failed = run_module(main, dict(AUTH, config=[changed_mail, HOOK], return_unchanged=return_unchanged),
                                    api, capsys)
        assert not failed and [item['action'] for item in result['results']] == ['update' if not shapes else 'none', 'none']
        shapes[return_unchanged], befores[return_unchanged] = result['results'], result['before']
        assert SECRET not in json.dumps(result)
    assert sorted(shapes[False][1]) == ['action', 'changed', 'changes', 'id', 'name']
    assert shapes[False][0]['recipient']['notify_on_clear'] is True  # a changed one always has its object
    assert shapes[True][0]['recipient']['notify_on_clear'] is True  # unchanged now, with the option: its object
    assert shapes[True][1]['recipient']['id'] == int(shapes[True][1]['id'])
    assert shapes[True][1]['recipient']['name'] == 'hook' and 'password' not in shapes[True][1]['recipient']
    # the first run changed oncall alone; the second changed nothing and lists both with return_unchanged
    assert [item['name'] for item in befores[False]] == ['oncall']
    assert [item['name'] for item in befores[True]] == ['oncall', 'hook']
