# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The contract check's live part: the site-status report's shape always, a test on demand's start and progress
shapes only with contract_check_run_test; shapes, never values."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import io

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import contract_tests
from ansible_collections.community.alertsite.plugins.module_utils.contract import run
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse, FakeSession, page

ENV = {'ALERTSITE_API_URL': 'https://alertsite.test/api/v3', 'ALERTSITE_ACCESS_TOKEN': 'abcdef0123456789'}
ROW = {'monitor_id': '100001', 'device_name': 'secret-shop', 'last_status': '0', 'dt_last_status': '2026-12-06 10:00:00'}
LISTINGS = 39  # the list endpoints of every managed kind, as the check reads them (test_contract.py)


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(contract_tests, 'POLL_DELAYS', (0,) * contract_tests.POLLS)


def checked(env, *live):
    session = FakeSession(*([page([]) for dummy in range(LISTINGS)] + list(live)))
    out = io.StringIO()
    status = run(env, out, session=session)
    text = ' '.join(out.getvalue().split())
    assert 'secret-shop' not in text and '100001' not in text and 'T-77' not in text
    assert session.replies == []
    return status, text, session


def test_the_site_status_shape_is_always_reported_and_no_test_runs_unless_asked():
    status, text, session = checked(ENV, page([ROW]))
    assert status == 0
    assert session.calls()[-1] == ('GET', '/report-sitestatus')
    assert 'Site status: GET /report-sitestatus?limit=2&offset=0 -> object {metadata:' in text
    assert 'results: array of 1 objects {device_name: string, dt_last_status: string, last_status: string of digits, ' \
           'monitor_id: string of digits}' in text
    assert 'Tests on demand: not run (set contract_check_run_test to a monitor id' in text


def test_a_test_is_started_once_and_polled_until_it_ends():
    running = {'progress': 1, 'progress_desc': 'Test In Progress', 'status': -1, 'status_desc': ''}
    done = {'progress': 2, 'progress_desc': 'Test Successful', 'status': 0, 'status_desc': 'Site is OK Now!'}
    env = dict(ENV, ALERTSITE_CONTRACT_RUN_TEST='100001')
    status, text, session = checked(env, page([ROW]), FakeResponse(200, {'test_id': 'T-77', 'result_url': 'https://x/T-77'}),
                                    FakeResponse(200, running), FakeResponse(200, running), FakeResponse(200, done))
    assert status == 0
    assert session.calls()[-4:] == [('GET', '/tests'), ('GET', '/tests/T-77'), ('GET', '/tests/T-77'), ('GET', '/tests/T-77')]
    assert session.requests[-4]['params'] == {'monitor_id': '100001'}
    assert 'GET /tests?monitor_id=(the monitor) -> object {result_url: string, test_id: string} read as a test id' in text
    # the second "running" reply has the same shape: reported once
    assert text.count('(still running)') == 1 and text.count('(ended)') == 1


def test_a_start_answered_500_is_not_sent_again_and_an_unread_shape_is_not_polled():
    env = dict(ENV, ALERTSITE_CONTRACT_RUN_TEST='100001')
    status, text, dummy = checked(env, page([ROW]), FakeResponse(500, {}))
    assert status == 0 and 'GET /tests?monitor_id=(the monitor) failed: HTTP 500' in text
    status, text, dummy = checked(env, page([ROW]), FakeResponse(200, {'result_url': 'https://x/T-77'}))
    assert 'object {result_url: string}' in text and 'nothing polled' in text


@pytest.mark.parametrize('value', ['abc', '0', '-3', '1.5'])
def test_a_bad_monitor_id_is_refused_before_any_request(value):
    session = FakeSession()
    out = io.StringIO()
    assert run(dict(ENV, ALERTSITE_CONTRACT_RUN_TEST=value), out, session=session) == 2
    assert 'ALERTSITE_CONTRACT_RUN_TEST (contract_check_run_test) must be a monitor id' in out.getvalue()
    assert session.requests == []
