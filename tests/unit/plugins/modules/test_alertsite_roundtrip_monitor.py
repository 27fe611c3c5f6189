# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_roundtrip_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
MAILBOX_PASSWORD = 'Mailb0x-0ne-S3cret'
NEW_MAILBOX_PASSWORD = 'Mailb0x-Tw0-S3cret'
CREATE = dict(AUTH, name='mail-rt', billing_plancode='UBM - A/A', smtp_hostname='smtps://smtp.example.com:465',
              pop3_hostname='pop3s://mail.example.com:995', email='monitor@example.com', email_username='monitor',
              email_password=MAILBOX_PASSWORD, interval=15, timeout=300)
# what GET returns: never the password
RT_ON_API = {'id': 100003, 'type': 'email-round-trip', 'name': 'mail-rt', 'billing_plancode': 'UBM - A/A',
             'smtp_hostname': 'smtps://smtp.example.com:465', 'pop3_hostname': 'pop3s://mail.example.com:995',
             'email': 'monitor@example.com', 'email_username': 'monitor', 'interval': 15, 'timeout': 300,
             'enabled': True}


def assert_no_password(result):
    text = json.dumps(result)
    assert MAILBOX_PASSWORD not in text
    assert NEW_MAILBOX_PASSWORD not in text
    # Ansible masks a no_log value that reaches the result with this marker: outside the echoed module
    # arguments, it must not be needed
    exposed = json.dumps(dict((key, value) for key, value in result.items() if key != 'invocation'))
    assert 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' not in exposed
    assert 'email_password' not in result.get('monitor', {})


@pytest.mark.parametrize('interval, timeout', [(1, 300), (5, 300), (1, 60)])
def test_interval_not_longer_than_timeout_fails_before_any_request(capsys, interval, timeout):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, interval=interval, timeout=timeout), session, capsys)
    assert failed
    assert result['msg'] == ('interval (%d minutes) must be longer than timeout (%d seconds) for round-trip email '
                             'monitors' % (interval, timeout))
    assert session.requests == []
    assert_no_password(result)


def test_bad_hosts_and_address_fail_before_any_request(capsys):
    session = FakeSession()
    args = dict(CREATE, smtp_hostname='pop3://smtp.example.com', pop3_hostname='pop3s://:995', email='monitor')
    result, failed = run_module(main, args, session, capsys)
    assert failed
    assert result['msg'] == ("smtp_hostname must be a host name or a URL starting with smtp:// or smtps://, got "
                             "'pop3://smtp.example.com'; pop3_hostname has no valid host name in 'pop3s://:995'; "
                             "email must be an email address such as monitor@example.com, got 'monitor'")
    assert session.requests == []


def test_create_sends_the_password_and_url_forms_once(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100003'}), (200, RT_ON_API))
    result, failed = run_module(main, dict(CREATE, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[1]['params']['type'] == 'email-round-trip'
    assert session.writes() == [('POST', '/monitors/email-round-trip')]
    assert session.requests[2]['json'] == {
        'name': 'mail-rt', 'billing_plancode': 'UBM - A/A', 'interval': 15, 'timeout': 300,
        'smtp_hostname': 'smtps://smtp.example.com:465', 'pop3_hostname': 'pop3s://mail.example.com:995',
        'email': 'monitor@example.com', 'email_username': 'monitor', 'email_password': MAILBOX_PASSWORD,
    }
    assert result['diff']['after']['email_password'] == '********'
    assert result['monitor']['smtp_hostname'] == 'smtps://smtp.example.com:465'
    assert_no_password(result)


def test_plain_host_names_are_accepted(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100003'}), (200, RT_ON_API))
    args = dict(CREATE, smtp_hostname='smtp.example.com', pop3_hostname='pop3://mail.example.com:110')
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[2]['json']['smtp_hostname'] == 'smtp.example.com'
    assert session.requests[2]['json']['pop3_hostname'] == 'pop3://mail.example.com:110'


def test_rerun_with_on_create_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([RT_ON_API]))
    result, failed = run_module(main, dict(CREATE, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "email-round-trip monitor 'mail-rt' (id 100003) is up to date"
    assert session.writes() == []
    assert_no_password(result)


def test_a_changed_option_is_patched_without_the_password(capsys):
    session = FakeSession(token_reply(), page([RT_ON_API]), (200, {'id': '100003'}),
                          (200, dict(RT_ON_API, email_username='monitor@example.com')))
    result, failed = run_module(main, dict(CREATE, email_username='monitor@example.com'), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/email-round-trip/100003')]
    assert session.requests[2]['json'] == {'email_username': 'monitor@example.com'}
    assert_no_password(result)


@pytest.mark.parametrize('check_mode', [False, True])
def test_update_password_always_resends_only_the_password(capsys, check_mode):
    replies = [token_reply(), page([RT_ON_API])]
    if not check_mode:
        replies += [(200, {'id': '100003'}), (200, RT_ON_API)]
    session = FakeSession(*replies)
    args = dict(CREATE, email_password=NEW_MAILBOX_PASSWORD, update_password='always', _ansible_diff=True,
                _ansible_check_mode=check_mode)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    verb = 'Would update' if check_mode else 'Updated'
    assert result['msg'] == "%s email-round-trip monitor 'mail-rt' (id 100003): email_password" % verb
    assert result['diff']['after'] == {'email_password': '********'}
    assert list(result['diff']['before']) == ['email_password']
    if check_mode:
        assert session.writes() == []
    else:
        assert session.writes() == [('PATCH', '/monitors/email-round-trip/100003')]
        assert session.requests[2]['json'] == {'email_password': NEW_MAILBOX_PASSWORD}
    assert_no_password(result)


def test_interval_against_the_existing_timeout_fails_without_a_write(capsys):
    session = FakeSession(token_reply(), page([RT_ON_API]))
    result, failed = run_module(main, dict(AUTH, name='mail-rt', interval=5), session, capsys)
    assert failed
    assert result['msg'] == ("interval (5 minutes) must be longer than timeout (300 seconds) for round-trip email "
                             "monitors (with the values email-round-trip monitor 'mail-rt' (id 100003) already has)")
    assert session.writes() == []


def test_create_without_required_options_names_them(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='mail-rt', email_password=MAILBOX_PASSWORD), session, capsys)
    assert failed
    assert result['msg'] == ("missing required options to create email-round-trip monitor 'mail-rt': "
                             "billing_plancode, smtp_hostname, pop3_hostname, email")
    assert session.writes() == []
    assert_no_password(result)


def test_api_error_on_the_password_patch_keeps_the_password_out(capsys):
    session = FakeSession(token_reply(), page([RT_ON_API]),
                          (400, {'errors': [{'code': 400, 'fields': ['email_password'], 'message': 'rejected'}]}))
    args = dict(CREATE, email_password=NEW_MAILBOX_PASSWORD, update_password='always')
    result, failed = run_module(main, args, session, capsys)
    assert failed
    assert result['msg'] == 'PATCH /monitors/email-round-trip/100003 failed with HTTP 400: email_password: rejected'
    assert_no_password(result)
