# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_ping_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
CREATE = dict(AUTH, name='gw', billing_plancode='UBM - A/A', hostname='gw.example.com')
ON_API = {'id': 100003, 'type': 'ping', 'name': 'gw', 'billing_plancode': 'UBM - A/A', 'hostname': 'gw.example.com',
          'ipv4': '', 'resolve_dns': True, 'interval': 5, 'timeout': 30, 'enabled': True}


def test_bad_input_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, hostname='gw example.com', ipv4='203.0.113'), session, capsys)
    assert failed
    assert result['msg'] == ("hostname must be a host name or IP address without spaces or slashes, got "
                             "'gw example.com'; ipv4 must be an IPv4 address such as 203.0.113.5, got '203.0.113'")
    assert session.requests == []


def test_port_is_not_an_option(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, port=7), session, capsys)
    assert failed and 'Unsupported parameters' in result['msg'] and 'port' in result['msg']
    assert session.requests == []


def test_create_posts_exactly_the_options_set_and_reads_back(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100003'}), (200, ON_API))
    result, failed = run_module(main, dict(CREATE, locations=[20, 10], _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[1]['params']['type'] == 'ping'
    assert session.writes() == [('POST', '/monitors/ping')]
    assert session.requests[2]['json'] == {'name': 'gw', 'billing_plancode': 'UBM - A/A', 'hostname': 'gw.example.com',
                                           'locations': [{'id': 10}, {'id': 20}]}
    assert session.calls()[-1] == ('GET', '/monitors/100003')
    assert result['msg'] == "Created ping monitor 'gw' (id 100003)"
    assert result['monitor'] == ON_API
    assert result['diff']['before'] == {} and result['diff']['after']['hostname'] == 'gw.example.com'


def test_missing_required_options_fail_after_the_lookup_without_writing(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='gw', interval=5), session, capsys)
    assert failed
    assert result['msg'] == "missing required options to create ping monitor 'gw': billing_plancode, hostname"
    assert session.writes() == []


def test_unchanged_rerun_sends_no_write(capsys):
    # numbers and booleans as strings, as the legacy API sends them, compare equal
    session = FakeSession(token_reply(), page([dict(ON_API, interval='5', resolve_dns='true')]))
    result, failed = run_module(main, dict(CREATE, interval=5, resolve_dns=True), session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "ping monitor 'gw' (id 100003) is up to date"
    assert session.writes() == []


def test_fixed_address_is_one_patch_of_the_three_options(capsys):
    fixed = dict(ON_API, hostname='203.0.113.1', ipv4='203.0.113.1', resolve_dns=False)
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100003'}), (200, fixed))
    args = dict(AUTH, name='gw', hostname='203.0.113.1', ipv4='203.0.113.1', resolve_dns=False, _ansible_diff=True)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/ping/100003')]
    assert session.requests[2]['json'] == {'hostname': '203.0.113.1', 'ipv4': '203.0.113.1', 'resolve_dns': False}
    assert result['diff']['before'] == {'hostname': 'gw.example.com', 'ipv4': '', 'resolve_dns': True}
    assert result['msg'] == "Updated ping monitor 'gw' (id 100003): hostname, ipv4, resolve_dns"


def test_check_mode_predicts_and_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(main, dict(CREATE, timeout=10, _ansible_check_mode=True), session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Would update ping monitor 'gw' (id 100003): timeout"
    assert result['monitor']['timeout'] == 10
    assert session.writes() == []


def test_id_of_another_type_is_refused(capsys):
    session = FakeSession(token_reply(), (200, dict(ON_API, type='tcp', port=443)))
    result, failed = run_module(main, dict(AUTH, id='100003', name='gw'), session, capsys)
    assert failed
    assert result['msg'] == 'id 100003 is a tcp monitor, not ping: the API cannot change the type of a monitor'
    assert session.writes() == []


@pytest.mark.parametrize('listed, deletes', [([ON_API], [('DELETE', '/monitors/100003')]), ([], [])])
def test_absent_deletes_once(capsys, listed, deletes):
    session = FakeSession(token_reply(), page(listed), (204, None))
    result, failed = run_module(main, dict(AUTH, name='gw', state='absent', _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is bool(deletes)
    assert result['monitor'] == {}
    assert session.writes() == deletes
    if deletes:
        assert result['diff']['after'] == {} and result['diff']['before']['hostname'] == 'gw.example.com'
    else:
        assert result['msg'] == "No ping monitor 'gw' exists: nothing to delete"


def test_api_error_is_one_clear_message_and_secret_free(capsys):
    session = FakeSession(token_reply(), page([]), (400, {'errors': [{'code': 400, 'fields': ['billing_plancode'],
                                                                      'message': 'unknown billing plan'}]}))
    result, failed = run_module(main, CREATE, session, capsys)
    assert failed
    assert result['msg'] == 'POST /monitors/ping failed with HTTP 400: billing_plancode: unknown billing plan'
    assert result['status'] == 400
    assert 'Sup3rSecret!' not in str(result)
