# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_recipient_info and alertsite_recipient_group_info."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.modules import alertsite_recipient_group_info as group_info
from ansible_collections.community.alertsite.plugins.modules import alertsite_recipient_info as recipient_info
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
RECIPIENTS = [{'id': 1, 'name': 'mail', 'method_id': 12, 'recipient': 'a@example.com', 'password': None},
              {'id': 2, 'name': 'hook', 'method_id': 16, 'recipient': 'https://h.example.com', 'password': None},
              {'id': 3, 'name': 'mail', 'method_id': 1, 'recipient': 'b@example.com', 'password': None}]
GROUPS = [{'id': 10, 'name': 'payments', 'monitors': [{'id': 100001, 'step_number': 0}], 'recipients': [{'id': 1}]},
          {'id': 11, 'name': 'web', 'monitors': [{'id': 100002, 'step_number': 0}], 'recipients': [{'id': 1}, {'id': 2}]}]


def test_recipients_by_method_name_are_filtered_by_the_api_and_again_here(capsys):
    session = FakeSession(token_reply(), page(RECIPIENTS))
    result, failed = run_module(recipient_info.main, dict(AUTH, method='email_html', type='Availability'), session, capsys)
    assert not failed and result['changed'] is False
    params = session.requests[1]['params']
    assert (params['type'], params['method_id']) == ('Availability', 12)
    assert [recipient['id'] for recipient in result['recipients']] == [1]
    assert 'password' not in result['recipients'][0]
    assert result['msg'] == 'Found 1 recipient'


def test_recipients_by_name_and_by_id(capsys):
    session = FakeSession(token_reply(), page(RECIPIENTS))
    result, failed = run_module(recipient_info.main, dict(AUTH, name='mail'), session, capsys)
    assert [recipient['id'] for recipient in result['recipients']] == [1, 3] and result['msg'] == 'Found 2 recipients'
    session = FakeSession(token_reply(), FakeResponse(404, {'errors': [{'code': 404, 'message': 'Record not found'}]}))
    result, failed = run_module(recipient_info.main, dict(AUTH, id='77'), session, capsys)
    assert not failed and result['recipients'] == [] and session.calls()[-1] == ('GET', '/recipients/77')


def test_an_unknown_method_is_refused_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(recipient_info.main, dict(AUTH, method='carrier_pigeon'), session, capsys)
    assert failed and session.requests == []
    assert result['msg'].startswith("method_id or method must be one of email_text (1), ")


def test_groups_by_monitor_send_both_spellings_and_are_checked_here(capsys):
    session = FakeSession(token_reply(), page(GROUPS))
    result, failed = run_module(group_info.main, dict(AUTH, monitor_id=100002), session, capsys)
    assert not failed
    params = session.requests[1]['params']
    assert params['monidor_id'] == 100002 and params['monitor_id'] == 100002
    assert [group['name'] for group in result['recipient_groups']] == ['web']
    session = FakeSession(token_reply(), page(GROUPS))
    result, failed = run_module(group_info.main, dict(AUTH, recipient_id=1, name='payments'), session, capsys)
    assert session.requests[1]['params']['recipient_id'] == 1
    assert [group['name'] for group in result['recipient_groups']] == ['payments']
    assert result['msg'] == 'Found 1 recipient group'


def test_group_filters_are_checked_before_any_request(capsys):
    session = FakeSession()
    result, failed = run_module(group_info.main, dict(AUTH, monitor_id=0, id='x1'), session, capsys)
    assert failed and session.requests == []
    assert result['msg'] == "id must be a recipient group id (digits only), got 'x1'; monitor_id must be at least 1, got 0"
