# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_tcp_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
ON_API = {'id': 100001, 'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443,
          'billing_plancode': 'UBM - A/A', 'timeout': 30}


def test_bad_input_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, name='web', port=70000, ipv4='nope'), session, capsys)
    assert failed
    assert result['msg'] == ("port must be between 1 and 65535, got 70000; "
                             "ipv4 must be an IPv4 address such as 203.0.113.5, got 'nope'")
    assert session.requests == []


def test_missing_credentials_fail_before_any_request(capsys, monkeypatch):
    for name in ('ALERTSITE_USERNAME', 'ALERTSITE_PASSWORD', 'ALERTSITE_ACCESS_TOKEN'):
        monkeypatch.delenv(name, raising=False)
    session = FakeSession()
    result, failed = run_module(main, {'name': 'web', 'port': 80}, session, capsys)
    assert failed and result['msg'].startswith('either access_token, or username and password, are required')
    assert session.requests == []


def test_environment_supplies_the_connection(capsys, monkeypatch):
    monkeypatch.setenv('ALERTSITE_API_URL', 'https://env.test/api/v3')
    monkeypatch.setenv('ALERTSITE_ACCESS_TOKEN', 'env-token')
    session = FakeSession(page([ON_API]))
    result, failed = run_module(main, {'name': 'web', 'port': 443}, session, capsys)
    assert not failed and result['changed'] is False
    assert session.requests[0]['url'] == 'https://env.test/api/v3/monitors'
    assert session.requests[0]['headers']['Authorization'] == 'Bearer env-token'


def test_update_reports_diff_and_message(capsys):
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100001'}), (200, dict(ON_API, port=8443)))
    args = dict(AUTH, name='web', port=8443, _ansible_diff=True)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Updated tcp monitor 'web' (id 100001): port"
    assert result['diff']['before'] == {'port': 443} and result['diff']['after'] == {'port': 8443}
    assert result['monitor']['port'] == 8443
    assert session.writes() == [('PATCH', '/monitors/tcp/100001')]


def test_check_mode_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([]))
    args = dict(AUTH, name='new', billing_plancode='P', hostname='h.example.com', port=22, _ansible_check_mode=True)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Would create tcp monitor 'new'"
    assert result['monitor']['port'] == 22
    assert session.writes() == []


def test_unknown_id_with_state_present_fails(capsys):
    session = FakeSession(token_reply(), (404, {'errors': [{'code': 404, 'message': 'Record not found'}]}))
    result, failed = run_module(main, dict(AUTH, id='9', name='web'), session, capsys)
    assert failed and result['msg'].startswith('id 9: no monitor with this id exists')
    assert session.writes() == []


def test_id_of_another_type_is_refused(capsys):
    session = FakeSession(token_reply(), (200, dict(ON_API, type='ping')))
    result, failed = run_module(main, dict(AUTH, id='100001', name='web'), session, capsys)
    assert failed and result['msg'] == 'id 100001 is a ping monitor, not tcp: the API cannot change the type of a monitor'


def test_rename_by_id(capsys):
    # one listing checks that no other tcp monitor has the new name before the PATCH
    session = FakeSession(token_reply(), (200, ON_API), page([ON_API]), (200, {'id': '100001'}), (200, dict(ON_API, name='web-https')))
    result, failed = run_module(main, dict(AUTH, id=100001, name='web-https'), session, capsys)
    assert not failed and result['changed']
    assert session.requests[3]['json'] == {'name': 'web-https'}


def test_rename_by_id_onto_a_name_in_use_is_refused_before_any_write(capsys):
    other = dict(ON_API, id=100002, name='web-https')
    session = FakeSession(token_reply(), (200, ON_API), page([ON_API, other]))
    result, failed = run_module(main, dict(AUTH, id=100001, name='web-https'), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == ("cannot rename tcp monitor 'web' (id 100001) to 'web-https': "
                             "tcp monitor 'web-https' (id 100002) already has that name")


def test_absent_by_id_needs_no_name_and_names_the_monitor_as_the_api_holds_it(capsys):
    session = FakeSession(token_reply(), (200, ON_API), (204, None))
    result, failed = run_module(main, dict(AUTH, id=' 100001 ', state='absent'), session, capsys)
    assert not failed and session.writes() == [('DELETE', '/monitors/100001')]
    assert result['msg'] == "Deleted tcp monitor 'web' (id 100001)"
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, state='absent'), session, capsys)
    assert failed and result['msg'] == 'name is required, or id to select an existing monitor' and session.requests == []


@pytest.mark.parametrize('state', ['present', 'absent'])
def test_api_error_is_one_clear_message_and_secret_free(capsys, state):
    session = FakeSession(token_reply(), page([ON_API]), (403, {'errors': [{'code': 403, 'message': 'Forbidden'}]}))
    args = dict(AUTH, name='web', port=1, state=state)
    result, failed = run_module(main, args, session, capsys)
    assert failed
    method = 'PATCH /monitors/tcp/100001' if state == 'present' else 'DELETE /monitors/100001'
    assert result['msg'] == '%s failed with HTTP 403: Forbidden' % method
    assert 'Sup3rSecret!' not in str(result)
