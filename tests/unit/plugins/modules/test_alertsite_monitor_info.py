# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_monitor_info import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
SEEDED_PASSWORD = 'Se3ded-Mailb0x-Secret'
MONITORS = [
    {'id': 100001, 'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443},
    {'id': 100002, 'type': 'tcp', 'name': 'shared', 'hostname': 'shared.example.com', 'port': 25},
    {'id': 100003, 'type': 'email-smtp', 'name': 'shared', 'hostname': 'shared.example.com'},
    {'id': 100004, 'type': 'email-round-trip', 'name': 'rt', 'email': 'monitor@example.com',
     'email_password': SEEDED_PASSWORD},
    {'id': 100005, 'type': 'ping', 'name': 'ping'},
]


def listing_calls(session):
    return [request for request in session.requests if request['url'].endswith('/api/v3/monitors')]


@pytest.mark.parametrize('check_mode', [False, True])
def test_no_filter_reads_every_page(capsys, check_mode):
    session = FakeSession(token_reply(), page(MONITORS[:2], count=5), page(MONITORS[2:4], count=5, offset=2),
                          page(MONITORS[4:], count=5, offset=4))
    result, failed = run_module(main, dict(AUTH, _ansible_check_mode=check_mode), session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == 'Found 5 monitors'
    assert [monitor['id'] for monitor in result['monitors']] == [100001, 100002, 100003, 100004, 100005]
    pages = listing_calls(session)
    assert [request['params']['offset'] for request in pages] == [0, 2, 4]
    assert all('type' not in request['params'] and 'name' not in request['params'] for request in pages)
    assert session.writes() == []


def test_type_filter_is_sent_to_the_server_and_applied(capsys):
    # an API that ignored the filter: the module still returns only the types asked for
    session = FakeSession(token_reply(), page(MONITORS))
    result, failed = run_module(main, dict(AUTH, type=['tcp', 'ping']), session, capsys)
    assert not failed
    assert listing_calls(session)[0]['params']['type'] == 'tcp,ping'
    assert [monitor['id'] for monitor in result['monitors']] == [100001, 100002, 100005]
    assert result['msg'] == 'Found 3 monitors'


def test_name_filter_is_applied_here_over_every_type(capsys):
    session = FakeSession(token_reply(), page(MONITORS))
    result, failed = run_module(main, dict(AUTH, name='shared'), session, capsys)
    assert not failed
    assert listing_calls(session)[0]['params'] == {'limit': 100, 'offset': 0}
    assert [(monitor['type'], monitor['id']) for monitor in result['monitors']] == [('tcp', 100002), ('email-smtp', 100003)]


def test_name_and_type_filters_combine(capsys):
    session = FakeSession(token_reply(), page([MONITORS[2]]))
    result, failed = run_module(main, dict(AUTH, name='shared', type=['email-smtp']), session, capsys)
    assert not failed
    assert listing_calls(session)[0]['params']['type'] == 'email-smtp'
    assert [monitor['id'] for monitor in result['monitors']] == [100003]
    assert result['msg'] == 'Found 1 monitor'


def test_id_is_one_get_and_no_listing(capsys):
    session = FakeSession(token_reply(), (200, MONITORS[3]))
    result, failed = run_module(main, dict(AUTH, id='100004'), session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors/100004')]
    assert result['monitors'] == [{'id': 100004, 'type': 'email-round-trip', 'name': 'rt', 'email': 'monitor@example.com'}]
    assert SEEDED_PASSWORD not in json.dumps(result)


def test_unknown_id_is_an_empty_list(capsys):
    session = FakeSession(token_reply(), (404, {'errors': [{'code': 404, 'message': 'Record not found'}]}))
    result, failed = run_module(main, dict(AUTH, id='999999'), session, capsys)
    assert not failed and result['changed'] is False
    assert result['monitors'] == [] and result['msg'] == 'Found 0 monitors'
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors/999999')]


@pytest.mark.parametrize('extra', [{'name': 'other'}, {'type': ['ping']}])
def test_id_with_filters_that_do_not_match_is_an_empty_list(capsys, extra):
    session = FakeSession(token_reply(), (200, MONITORS[0]))
    result, failed = run_module(main, dict(AUTH, id='100001', **extra), session, capsys)
    assert not failed and result['monitors'] == []
    assert listing_calls(session) == []


def test_secrets_never_leave_the_module(capsys):
    session = FakeSession(token_reply(), page(MONITORS))
    result, failed = run_module(main, dict(AUTH, type=['email-round-trip']), session, capsys)
    assert not failed
    assert [monitor['name'] for monitor in result['monitors']] == ['rt']
    assert 'email_password' not in result['monitors'][0]
    assert SEEDED_PASSWORD not in json.dumps(result)


def test_empty_name_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, name='  '), session, capsys)
    assert failed and result['msg'] == 'name must not be empty'
    assert session.requests == []


def test_api_error_is_one_clear_message(capsys):
    session = FakeSession(token_reply(), (403, {'errors': [{'code': 403, 'message': 'Forbidden'}]}))
    result, failed = run_module(main, AUTH, session, capsys)
    assert failed
    assert result['msg'] == 'GET /monitors failed with HTTP 403: Forbidden'
