# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_email_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
CREATE = dict(AUTH, protocol='smtp', name='mx', billing_plancode='UBM - A/A', hostname='smtp.example.com', port=587)
SMTP_ON_API = {'id': 100002, 'type': 'email-smtp', 'name': 'mx', 'billing_plancode': 'UBM - A/A',
               'hostname': 'smtp.example.com', 'port': 587, 'interval': 5, 'timeout': 30, 'enabled': True}
EMAIL_TYPES = 'email-imap,email-pop,email-smtp'


@pytest.fixture(autouse=True)
def fresh_warnings():
    """Module warnings are kept in a process-wide store; start each test with it empty."""
    from ansible.module_utils.common import warnings
    store = getattr(warnings, '_global_warnings', None)
    if store is not None:
        store.clear()
    yield


def warning_texts(result):
    """The text of each warning in a module result (plain strings, or summaries with an event)."""
    return [item['event']['msg'] if isinstance(item, dict) else item for item in result.get('warnings', [])]


def test_bad_input_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, port=0, hostname='smtp.example.com/25'), session, capsys)
    assert failed
    assert result['msg'] == ("hostname must be a host name or IP address without spaces or slashes, got "
                             "'smtp.example.com/25'; port must be between 1 and 65535, got 0")
    assert session.requests == []


def test_unknown_protocol_fails_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, protocol='exchange'), session, capsys)
    assert failed
    assert result['msg'] == 'value of protocol must be one of: imap, pop3, smtp, got: exchange'
    assert session.requests == []


@pytest.mark.parametrize('protocol, api_type', [('imap', 'email-imap'), ('pop3', 'email-pop'), ('smtp', 'email-smtp')])
def test_protocol_selects_the_endpoint(capsys, protocol, api_type):
    created = dict(SMTP_ON_API, type=api_type)
    session = FakeSession(token_reply(), page([]), (200, {'id': '100002'}), (200, created))
    result, failed = run_module(main, dict(CREATE, protocol=protocol), session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Created %s monitor 'mx' (id 100002)" % api_type
    # the lookup lists the three email types at once, filtered on the server
    assert session.requests[1]['params']['type'] == EMAIL_TYPES
    assert session.writes() == [('POST', '/monitors/%s' % api_type)]
    assert session.requests[2]['json'] == {'name': 'mx', 'billing_plancode': 'UBM - A/A',
                                           'hostname': 'smtp.example.com', 'port': 587}
    assert session.calls()[-1] == ('GET', '/monitors/100002')
    assert result['monitor']['type'] == api_type
    assert warning_texts(result) == []


def test_namesake_under_another_protocol_warns_and_stays_apart(capsys):
    imap = dict(SMTP_ON_API, id=100001, type='email-imap', port=143)
    session = FakeSession(token_reply(), page([imap]), (200, {'id': '100002'}), (200, SMTP_ON_API))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is True
    # the IMAP monitor is another monitor: a new SMTP one is created, the IMAP one is left alone
    assert session.writes() == [('POST', '/monitors/email-smtp')]
    warnings = warning_texts(result)
    assert len(warnings) == 1
    assert warnings[0].startswith("email-imap monitor 'mx' (id 100001) also exists; a monitor cannot change its type")


def test_same_protocol_and_name_is_found_and_left_alone(capsys):
    session = FakeSession(token_reply(), page([dict(SMTP_ON_API, type='email-pop', id=100003), SMTP_ON_API]))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "email-smtp monitor 'mx' (id 100002) is up to date"
    assert result['monitor']['id'] == 100002
    assert session.writes() == []
    warnings = warning_texts(result)
    assert len(warnings) == 1 and warnings[0].startswith("email-pop monitor 'mx' (id 100003) also exists")


def test_two_monitors_of_one_protocol_and_name_fail_with_their_ids(capsys):
    session = FakeSession(token_reply(), page([SMTP_ON_API, dict(SMTP_ON_API, id=100009)]))
    result, failed = run_module(main, CREATE, session, capsys)
    assert failed
    assert result['msg'] == "2 email-smtp monitors are named 'mx' (ids 100002, 100009): set id to choose one"
    assert session.writes() == []


def test_one_changed_option_is_one_patch_of_that_option(capsys):
    session = FakeSession(token_reply(), page([SMTP_ON_API]), (200, {'id': '100002'}), (200, dict(SMTP_ON_API, port=465)))
    result, failed = run_module(main, dict(CREATE, port=465, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/email-smtp/100002')]
    assert session.requests[2]['json'] == {'port': 465}
    assert result['diff']['before'] == {'port': 587} and result['diff']['after'] == {'port': 465}
    assert result['msg'] == "Updated email-smtp monitor 'mx' (id 100002): port"


def test_check_mode_predicts_and_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([SMTP_ON_API]))
    result, failed = run_module(main, dict(CREATE, port=465, _ansible_check_mode=True), session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Would update email-smtp monitor 'mx' (id 100002): port"
    assert result['monitor']['port'] == 465
    assert session.writes() == []


def test_absent_deletes_the_monitor_of_that_protocol_only(capsys):
    imap = dict(SMTP_ON_API, id=100001, type='email-imap')
    session = FakeSession(token_reply(), page([imap, SMTP_ON_API]), (204, None))
    result, failed = run_module(main, dict(AUTH, protocol='smtp', name='mx', state='absent'), session, capsys)
    assert not failed and result['changed'] is True and result['monitor'] == {}
    assert session.writes() == [('DELETE', '/monitors/100002')]

    session = FakeSession(token_reply(), page([imap]))
    result, failed = run_module(main, dict(AUTH, protocol='smtp', name='mx', state='absent'), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_id_of_another_protocol_is_refused(capsys):
    session = FakeSession(token_reply(), (200, dict(SMTP_ON_API, type='email-imap')))
    result, failed = run_module(main, dict(AUTH, id='100002', protocol='smtp', name='mx'), session, capsys)
    assert failed
    assert result['msg'] == ('id 100002 is a email-imap monitor, not email-smtp: the API cannot change the type of '
                             'a monitor')
    assert session.writes() == []
