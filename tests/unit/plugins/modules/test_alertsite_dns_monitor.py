# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.modules.alertsite_dns_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
CREATE = dict(AUTH, name='ns1-www', billing_plancode='UBM - A/A', hostname='ns1.example.com',
              name_to_resolve='www.example.com')
# as the vendor's example shows it: name_to_resolve_id and an empty port string, which are not options
ON_API = {'id': 100004, 'type': 'name-server', 'name': 'ns1-www', 'billing_plancode': 'UBM - A/A',
          'hostname': 'ns1.example.com', 'name_to_resolve': 'www.example.com', 'name_to_resolve_id': 0, 'port': '',
          'ipv4': '', 'resolve_dns': True, 'interval': 15, 'timeout': 30, 'enabled': True}


def test_bad_input_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, name_to_resolve='www example.com', timeout=0), session, capsys)
    assert failed
    assert result['msg'] == ("timeout must be at least 1, got 0; name_to_resolve must be a host name or IP address "
                             "without spaces or slashes, got 'www example.com'")
    assert session.requests == []


def test_port_is_not_an_option(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, port=53), session, capsys)
    assert failed and 'Unsupported parameters' in result['msg'] and 'port' in result['msg']
    assert session.requests == []


def test_create_posts_to_the_name_server_endpoint(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100004'}), (200, ON_API))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[1]['params']['type'] == 'name-server'
    assert session.writes() == [('POST', '/monitors/name-server')]
    assert session.requests[2]['json'] == {'name': 'ns1-www', 'billing_plancode': 'UBM - A/A',
                                           'hostname': 'ns1.example.com', 'name_to_resolve': 'www.example.com'}
    assert result['msg'] == "Created name-server monitor 'ns1-www' (id 100004)"
    assert result['monitor']['name_to_resolve_id'] == 0


def test_name_to_resolve_is_not_required_to_create(capsys):
    created = dict(ON_API, name_to_resolve='')
    session = FakeSession(token_reply(), page([]), (200, {'id': '100004'}), (200, created))
    args = dict(CREATE)
    del args['name_to_resolve']
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert 'name_to_resolve' not in session.requests[2]['json']


def test_unchanged_rerun_sends_no_write_whatever_port_and_name_to_resolve_id_hold(capsys):
    session = FakeSession(token_reply(), page([dict(ON_API, name_to_resolve_id=7, port='53')]))
    result, failed = run_module(main, dict(CREATE, interval=15), session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "name-server monitor 'ns1-www' (id 100004) is up to date"
    assert session.writes() == []


def test_one_changed_option_is_one_patch_of_that_option(capsys):
    changed = dict(ON_API, name_to_resolve='shop.example.com')
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100004'}), (200, changed))
    result, failed = run_module(main, dict(CREATE, name_to_resolve='shop.example.com', _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/name-server/100004')]
    assert session.requests[2]['json'] == {'name_to_resolve': 'shop.example.com'}
    assert result['diff']['before'] == {'name_to_resolve': 'www.example.com'}
    assert result['diff']['after'] == {'name_to_resolve': 'shop.example.com'}
    assert result['msg'] == "Updated name-server monitor 'ns1-www' (id 100004): name_to_resolve"


def test_check_mode_predicts_and_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(CREATE, _ansible_check_mode=True), session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Would create name-server monitor 'ns1-www'"
    assert result['monitor']['type'] == 'name-server'
    assert session.writes() == []


def test_absent_deletes_and_again_does_nothing(capsys):
    session = FakeSession(token_reply(), page([ON_API]), (204, None))
    result, failed = run_module(main, dict(AUTH, name='ns1-www', state='absent'), session, capsys)
    assert not failed and result['changed'] is True and result['monitor'] == {}
    assert session.writes() == [('DELETE', '/monitors/100004')]

    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='ns1-www', state='absent'), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_api_error_is_one_clear_message_and_secret_free(capsys):
    session = FakeSession(token_reply(), page([ON_API]), (403, {'errors': [{'code': 403, 'message': 'Forbidden'}]}))
    result, failed = run_module(main, dict(CREATE, timeout=10), session, capsys)
    assert failed
    assert result['msg'] == 'PATCH /monitors/name-server/100004 failed with HTTP 403: Forbidden'
    assert 'Sup3rSecret!' not in str(result)
