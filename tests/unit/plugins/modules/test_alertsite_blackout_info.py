# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_blackout_info against a scripted API: the filters sent, the paging, and active/upcoming judged at a
fixed time in the time zone given."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import blackouts
from ansible_collections.community.alertsite.plugins.modules.alertsite_blackout_info import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'access_token': 't0k3n'}
NOON = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=datetime.timezone.utc)  # a Wednesday

WEEKLY_NOW = {'id': 1, 'type': 'Monitor', 'assoc_id': 10, 'persistent': True, 'start_day': 4, 'start_time': '11:00',
              'end_day': 4, 'end_time': '13:00', 'from_date': None, 'thru_date': None}
WEEKLY_WRAP = dict(WEEKLY_NOW, id=2, start_day=7, start_time='23:00', end_day=1, end_time='02:00')
ONCE_NOW = {'id': 3, 'type': 'Alert', 'assoc_id': 10, 'persistent': False, 'from_date': '2026-12-02 11:30:00',
            'thru_date': '2026-12-02 12:30:00'}
ONCE_LATER = dict(ONCE_NOW, id=4, from_date='2026-12-03 11:30:00', thru_date='2026-12-03 12:30:00')
ONCE_OVER = dict(ONCE_NOW, id=5, from_date='2026-12-01 11:30:00', thru_date='2026-12-01 12:30:00')
RECIPIENT_LATER = dict(ONCE_LATER, id=6, type='Recipient', assoc_id=77)
ALL = [WEEKLY_NOW, WEEKLY_WRAP, ONCE_NOW, ONCE_LATER, ONCE_OVER, RECIPIENT_LATER]


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(blackouts, 'utc_now', lambda: NOON)


def ids(result):
    return [obj['id'] for obj in result['blackouts']]


def test_every_window_over_several_pages(capsys):
    session = FakeSession(page(ALL[:4], count=6), page(ALL[4:], count=6, offset=4))
    result, failed = run_module(main, dict(AUTH), session, capsys)
    assert not failed and not result['changed']
    assert ids(result) == [1, 2, 3, 4, 5, 6] and result['msg'] == 'Found 6 blackouts'
    assert [request['params']['offset'] for request in session.requests] == [0, 4]
    assert result['blackouts'][5]['type'] == 'Notifier'


@pytest.mark.parametrize('args, found', [
    (dict(active=True), [1, 3]),
    (dict(upcoming=True), [2, 4, 6]),
    (dict(active=True, upcoming=True), [1, 2, 3, 4, 6]),
    # in Tokyo it is 21:00: the one-time window of noon has ended and no weekly window is in force
    (dict(active=True, timezone='Asia/Tokyo'), []),
    # in Los Angeles it is 04:00: the window of noon has not started
    (dict(upcoming=True, timezone='America/Los_Angeles'), [1, 2, 3, 4, 6]),
])
def test_active_and_upcoming_at_the_time_in_the_zone(args, found, capsys):
    result, failed = run_module(main, dict(AUTH, **args), FakeSession(page(ALL)), capsys)
    assert not failed and ids(result) == found


def test_filters_are_sent_to_the_api_and_checked_again(capsys):
    session = FakeSession(page([WEEKLY_NOW, ONCE_NOW]))
    result, failed = run_module(main, dict(AUTH, type='Monitor', monitors=[{'id': 10}], recurring_only=True), session, capsys)
    assert not failed and ids(result) == [1]
    assert session.requests[0]['params'] == {'type': 'Monitor', 'assoc_id': 10, 'persistent': 'true', 'limit': 100, 'offset': 0}


def test_recipients_by_name_keep_recipient_windows_only(capsys):
    session = FakeSession(page([{'id': 77, 'name': 'On-call phone'}]), page([RECIPIENT_LATER, dict(ONCE_NOW, assoc_id=77)]))
    result, failed = run_module(main, dict(AUTH, recipients=[{'name': 'On-call phone'}]), session, capsys)
    assert not failed and ids(result) == [6]
    assert session.calls() == [('GET', '/recipients'), ('GET', '/blackouts')]
    assert session.requests[1]['params']['assoc_id'] == 77


def test_one_by_id_and_an_unknown_id(capsys):
    result, failed = run_module(main, dict(AUTH, id=' 4 '), FakeSession((200, ONCE_LATER)), capsys)
    assert not failed and ids(result) == [4]
    session = FakeSession(FakeResponse(404, {'errors': [{'code': 404, 'message': 'Record not found'}]}))
    result, failed = run_module(main, dict(AUTH, id='9'), session, capsys)
    assert not failed and result['blackouts'] == [] and session.calls() == [('GET', '/blackouts/9')]


def test_an_api_failure_keeps_status_and_api_errors(capsys):
    session = FakeSession(FakeResponse(403, {'errors': [{'code': 403, 'message': 'Forbidden'}]}))
    result, failed = run_module(main, dict(AUTH), session, capsys)
    assert failed and result['status'] == 403 and result['api_errors'] == ['Forbidden']
    assert 't0k3n' not in str(result)
