# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_recipient import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
HOOK_PASSWORD = 'H00k-0ne-S3cret'
NEW_HOOK_PASSWORD = 'H00k-Tw0-S3cret'
HOOK = dict(AUTH, name='chat-hook', method='web_post_json', recipient='https://chat.example.com/hooks/as',
            recipient_username='alertsite', recipient_password=HOOK_PASSWORD, notify_on_clear=True)
# what GET returns: the password as null, read-only extras
HOOK_ON_API = {'id': 500001, 'name': 'chat-hook', 'method_id': 16, 'method_description': 'POST JSON to web server',
               'recipient': 'https://chat.example.com/hooks/as', 'username': 'alertsite', 'password': None,
               'availability_alert': True, 'notify_on_clear': True, 'attach_screen_capture': False,
               'attach_server_response': False, 'start_threshold': 1, 'stop_threshold': 10, 'performance_alert': False,
               'blackout_ids': None, 'notifier_groups': None}
MAIL_ON_API = dict(HOOK_ON_API, id=500002, name='oncall', method_id=12, method_description='E-mail (HTML format)',
                   recipient='oncall@example.com', username='')


def assert_no_password(result):
    text = json.dumps(result)
    assert HOOK_PASSWORD not in text and NEW_HOOK_PASSWORD not in text
    exposed = json.dumps(dict((key, value) for key, value in result.items() if key != 'invocation'))
    assert 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' not in exposed
    assert 'password' not in result.get('recipient', {})


def test_create_sends_the_api_names_and_the_method_number(capsys):
    session = FakeSession(token_reply(), page([MAIL_ON_API]), (200, {'id': '500001'}), (200, HOOK_ON_API))
    result, failed = run_module(main, dict(HOOK, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/recipients'), ('POST', '/recipients'),
                               ('GET', '/recipients/500001')]
    assert session.requests[2]['json'] == {'name': 'chat-hook', 'method_id': 16, 'recipient': 'https://chat.example.com/hooks/as',
                                           'username': 'alertsite', 'password': HOOK_PASSWORD, 'notify_on_clear': True}
    assert result['msg'] == "Created recipient 'chat-hook' (id 500001)"
    assert result['recipient']['method_id'] == 16
    assert result['diff']['after']['recipient_password'] == '********'
    assert result['diff']['after']['recipient_username'] == 'alertsite'
    assert_no_password(result)


@pytest.mark.parametrize('method', [16, '16', 'web_post_json'])
def test_the_method_by_number_or_name_is_the_same_and_a_rerun_writes_nothing(capsys, method):
    session = FakeSession(token_reply(), page([HOOK_ON_API, MAIL_ON_API]))
    args = dict(HOOK, _ansible_diff=True)
    del args['method']
    args['method_id'] = method
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "recipient 'chat-hook' (id 500001) is up to date"
    assert session.writes() == []
    assert_no_password(result)


def test_one_changed_option_is_one_patch_without_the_password(capsys):
    session = FakeSession(token_reply(), page([HOOK_ON_API]), (200, {'id': '500001'}),
                          (200, dict(HOOK_ON_API, start_threshold=3)))
    result, failed = run_module(main, dict(HOOK, start_threshold=3, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/recipients/500001')]
    assert session.requests[2]['json'] == {'start_threshold': 3}
    assert result['diff'] == {'before': {'start_threshold': 1}, 'after': {'start_threshold': 3},
                              'before_header': "recipient 'chat-hook' (id 500001)",
                              'after_header': "recipient 'chat-hook' (id 500001)"}
    assert_no_password(result)


@pytest.mark.parametrize('check_mode', [False, True])
def test_update_password_always_resends_only_the_password(capsys, check_mode):
    replies = [token_reply(), page([HOOK_ON_API])]
    if not check_mode:
        replies += [(200, {'id': '500001'}), (200, HOOK_ON_API)]
    session = FakeSession(*replies)
    args = dict(HOOK, recipient_password=NEW_HOOK_PASSWORD, update_password='always', _ansible_diff=True,
                _ansible_check_mode=check_mode)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'].endswith("recipient 'chat-hook' (id 500001): recipient_password")
    assert result['diff']['after'] == {'recipient_password': '********'}
    assert result['diff']['before'] == {'recipient_password': None}
    if check_mode:
        assert session.writes() == []
    else:
        assert session.requests[2]['json'] == {'password': NEW_HOOK_PASSWORD}
    assert_no_password(result)


def test_an_email_method_needs_an_address_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, name='x', method='email_text', recipient='https://x.example.com'),
                                session, capsys)
    assert failed and session.requests == []
    assert result['msg'] == ("method email_text (1) sends e-mail, so recipient must be an email address such as "
                             "monitor@example.com, got 'https://x.example.com'")


def test_a_new_recipient_without_method_is_checked_against_the_api_default(capsys):
    session = FakeSession(token_reply(), page([MAIL_ON_API]))
    result, failed = run_module(main, dict(AUTH, name='x', recipient='https://x.example.com/hook'), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == ("method email_html (12) sends e-mail, so recipient must be an email address such as "
                             "monitor@example.com, got 'https://x.example.com/hook' (a new recipient gets "
                             "method_id=12 from the API when it is not set)")


def test_an_existing_recipient_is_checked_with_its_own_method(capsys):
    session = FakeSession(token_reply(), page([HOOK_ON_API]))
    result, failed = run_module(main, dict(AUTH, name='chat-hook', recipient='hooks@example.com'), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'].startswith('method web_post_json (16) posts to a web server, so recipient must be an '
                                    "http:// or https:// URL, got 'hooks@example.com'")


def test_pagerduty_cannot_be_created_but_an_existing_one_can_change(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='pd', method='pagerduty', recipient='abc'), session, capsys)
    assert failed and session.writes() == []
    assert 'PagerDuty recipients (method pagerduty, 14) cannot be created through the AlertSite API' in result['msg']
    pager = dict(HOOK_ON_API, id=7, name='pd', method_id=14, recipient='svc-key', username='')
    session = FakeSession(token_reply(), page([pager]), (200, {'id': '7'}), (200, dict(pager, start_threshold=3)))
    result, failed = run_module(main, dict(AUTH, name='pd', method='pagerduty', start_threshold=3), session, capsys)
    assert not failed and session.writes() == [('PATCH', '/recipients/7')]
    assert session.requests[2]['json'] == {'start_threshold': 3}


@pytest.mark.parametrize('method', ['splunk', 'servicenow'])
def test_splunk_and_servicenow_need_a_login_to_be_created(capsys, method):
    session = FakeSession(token_reply(), page([]))
    args = dict(AUTH, name='s', method=method, recipient='https://s.example.com', recipient_username='u')
    result, failed = run_module(main, args, session, capsys)
    assert failed and session.writes() == []
    assert result['msg'].startswith('method %s (%d) needs recipient_password to create a recipient'
                                    % (method, 15 if method == 'splunk' else 17))


def test_two_recipients_with_one_name_fail_and_list_their_ids(capsys):
    session = FakeSession(token_reply(), page([HOOK_ON_API, dict(HOOK_ON_API, id=500009)]))
    result, failed = run_module(main, dict(HOOK), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == "2 recipients are named 'chat-hook' (ids 500001, 500009): set id to choose one"


def test_delete_names_the_groups_the_recipient_leaves(capsys):
    on_api = dict(MAIL_ON_API, notifier_groups=['payments', 'web'])
    session = FakeSession(token_reply(), page([on_api]), (204, None))
    result, failed = run_module(main, dict(AUTH, name='oncall', state='absent', _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('DELETE', '/recipients/500002')]
    assert result['msg'] == ("Deleted recipient 'oncall' (id 500002); it was in the recipient groups payments, web, "
                             "which no longer alert it: a group left without recipients needs another one")
    assert result['recipient'] == {}


def test_an_api_refusal_keeps_status_and_api_errors(capsys):
    refused = FakeResponse(400, {'errors': [{'code': 400, 'fields': ['recipient'], 'message': 'invalid phone number'}]})
    session = FakeSession(token_reply(), page([]), refused)
    result, failed = run_module(main, dict(AUTH, name='sms', method='sms', recipient='12'), session, capsys)
    assert failed
    assert result['status'] == 400 and result['api_errors'] == ['recipient: invalid phone number']


def test_names_with_surrounding_space_are_refused(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(HOOK, name=' chat-hook'), session, capsys)
    assert failed and session.requests == []
    assert result['msg'] == "name must not start or end with white space, got ' chat-hook'"


def test_remote_commands_that_does_not_read_back_is_sent_only_with_always(capsys):
    args = dict(AUTH, name='oncall', remote_commands=True)
    session = FakeSession(token_reply(), page([MAIL_ON_API]), (200, MAIL_ON_API))
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []
    # (warnings of earlier modules run in this process may be listed before it)
    warnings = [warning['event']['msg'] if isinstance(warning, dict) else warning for warning in result['warnings']]
    assert warnings[-1] == ("remote_commands: the API does not return it, so it cannot be compared with what recipient "
                            "'oncall' (id 500002) holds, and it was not sent; set update_password=always to send it")
    session = FakeSession(token_reply(), page([MAIL_ON_API]), (200, MAIL_ON_API), (200, {'id': '500002'}), (200, MAIL_ON_API))
    result, failed = run_module(main, dict(args, update_password='always'), session, capsys)
    assert not failed and session.writes() == [('PATCH', '/recipients/500002')]
    assert session.requests[3]['json'] == {'remote_commands': True}
