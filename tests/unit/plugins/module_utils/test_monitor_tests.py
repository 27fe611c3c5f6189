# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Tests on demand: the accepted reply shapes, the progress codes, which starts are sent again, the polling
clock, and the jobs a task plans."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
import requests
from urllib3.exceptions import NewConnectionError

from ansible_collections.community.alertsite.plugins.module_utils import monitor_tests as mt
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteClient, AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse, FakeSession

TCP = {'id': 7, 'name': 'web', 'type': 'tcp', 'home_location': 10, 'locations': [{'id': 10}, {'id': 20}]}
SHOP = {'id': 8, 'name': 'shop', 'type': 'website-ssl', 'home_location': 20, 'locations': [{'id': 20}]}


def client(session, retries=3):
    waits = []
    made = AlertSiteClient(api_url='https://alertsite.test/api/v3', access_token='t0k3n', session=session,
                           retries=retries, sleep=waits.append)
    return made, waits


@pytest.mark.parametrize('body, expected', [
    ({'id': '55'}, ('55', None)),
    ({'test_id': 'ab/c', 'result_url': 'https://x/r'}, ('ab/c', 'https://x/r')),
    ({'id': 55}, ('55', None)),
    ({'results': [{'id': '9'}]}, ('9', None)),
    ({'metadata': {'resultset': {'count': 1}}, 'results': [{'test_id': 9, 'result_url': 'u'}]}, ('9', 'u')),
])
def test_accepted_start_replies(body, expected):
    assert mt.parse_start(body) == expected


@pytest.mark.parametrize('body, words', [
    ({'result_url': 'https://secret.example/r?k=v'}, 'holds no test id (keys result_url)'),
    ({'id': ''}, 'holds no test id (keys id)'),
    ({'id': {'x': 1}}, 'holds no test id (keys id)'),
    ({'results': []}, 'holds 0 results, not one test'),
    ({'results': [{'id': 1}, {'id': 2}]}, 'holds 2 results, not one test'),
    ({'results': 'x'}, 'holds no list of results'),
    (['55'], 'holds no test id (a JSON list)'),
    (None, 'holds no test id (a JSON null)'),
])
def test_other_start_replies_fail_naming_keys_not_values(body, words):
    with pytest.raises(mt.ReplyError) as caught:
        mt.parse_start(body)
    assert words in str(caught.value)
    assert 'secret.example' not in str(caught.value)


@pytest.mark.parametrize('body, expected', [
    ({'progress': 1, 'status': -1, 'status_desc': ''}, (None, -1, '')),
    ({'progress': 2, 'status': 0, 'status_desc': 'Site is OK Now!'}, ('passed', 0, 'Site is OK Now!')),
    ({'progress': '3', 'status': '51', 'status_desc': 'Warning'}, ('failed', 51, 'Warning')),
    ({'progress': 0, 'status': -1, 'status_desc': ''}, ('not_found', -1, '')),
])
def test_progress_codes(body, expected):
    assert mt.parse_progress(body) == expected


@pytest.mark.parametrize('body, words', [
    ({'progress': 4}, 'has progress 4, not 0, 1, 2 or 3'),
    ({'progress': 'done'}, "has progress 'done'"),
    ({'state': 2}, 'holds no progress (keys state)'),
    ([], 'holds no progress (a JSON list)'),
])
def test_unknown_progress_fails(body, words):
    with pytest.raises(mt.ReplyError) as caught:
        mt.parse_progress(body)
    assert words in str(caught.value)


def test_start_after_429_is_sent_again_after_the_pause():
    session = FakeSession(FakeResponse(429, {}, headers={'Retry-After': '3'}), FakeResponse(200, {'id': '1'}))
    made, waits = client(session)
    assert mt.start_test(made, mt.Job(TCP, 20), None) == ('1', None)
    assert [r['params'] for r in session.requests] == [{'monitor_id': '7', 'location_id': '20'}] * 2
    assert waits == [3.0]


def test_start_that_never_reached_the_api_is_sent_again():
    never = requests.exceptions.ConnectionError(NewConnectionError(None, 'refused'))
    session = FakeSession(never, FakeResponse(200, {'id': '1'}))
    made, waits = client(session)
    assert mt.start_test(made, mt.Job(TCP, None), None) == ('1', None)
    assert len(session.requests) == 2 and len(waits) == 1


@pytest.mark.parametrize('reply', [
    FakeResponse(500, {'errors': [{'message': 'boom'}]}),
    FakeResponse(503, {}),
    requests.exceptions.ReadTimeout('slow'),
    requests.exceptions.ConnectionError('connection reset by peer'),
])
def test_start_that_may_have_started_is_never_sent_again(reply):
    session = FakeSession(reply)
    made, waits = client(session)
    with pytest.raises(AlertSiteError) as caught:
        mt.start_test(made, mt.Job(TCP, None), None)
    assert 'not started again, because the test may have started' in str(caught.value)
    assert len(session.requests) == 1 and waits == []


def test_start_refused_by_the_api_is_not_sent_again():
    session = FakeSession(FakeResponse(400, {'errors': [{'message': 'bad location'}]}))
    made, dummy = client(session)
    with pytest.raises(AlertSiteError) as caught:
        mt.start_test(made, mt.Job(TCP, 20), None)
    assert caught.value.status == 400 and len(session.requests) == 1


def test_test_type_only_for_web_monitors():
    assert mt.start_params(mt.Job(SHOP, None), 'Fullpage') == {'monitor_id': '8', 'test_type': 'Fullpage'}
    assert mt.start_params(mt.Job(TCP, None), 'Fullpage') == {'monitor_id': '7'}


class Clock(object):
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def started(*jobs):
    runs = []
    for number, job in enumerate(jobs):
        run = mt.Run(job, 100.0)
        run.test_id = 'id/%d' % number
        runs.append(run)
    return runs


def test_polling_backs_off_and_quotes_the_id():
    running = {'progress': 1, 'status': -1, 'status_desc': ''}
    session = FakeSession(*([FakeResponse(200, running)] * 3 + [FakeResponse(200, {'progress': 2, 'status': 0})]))
    made, dummy = client(session)
    clock = Clock()
    runs = mt.poll_all(made, started(mt.Job(TCP, None)), 60, 1.0, clock=clock, sleep=clock.sleep)
    assert runs[0].outcome == 'passed'
    assert session.requests[0]['url'].endswith('/tests/id%2F0')
    # first poll after 1 s, then 1.5, 2.25, 3.375 s
    assert runs[0].ended == pytest.approx(100 + 1 + 1.5 + 2.25 + 3.375)


def test_a_test_that_never_ends_times_out_at_the_deadline():
    running = {'progress': 1, 'status': -1, 'status_desc': ''}
    session = FakeSession(*[FakeResponse(200, running)] * 50)
    made, dummy = client(session)
    clock = Clock()
    runs = mt.poll_all(made, started(mt.Job(TCP, 20)), 30, 1.0, clock=clock, sleep=clock.sleep)
    assert runs[0].outcome == 'timed_out' and runs[0].ended == pytest.approx(130)
    assert "tcp monitor 'web' (id 7) at location 20: timed out" in mt.failure_message(runs)


def test_jobs_refuse_bitbar_and_foreign_locations_and_dedupe():
    with pytest.raises(InputError) as caught:
        mt.plan_jobs([TCP, SHOP, {'id': 9, 'name': 'flow', 'type': 'bitbar', 'locations': []}], [20, 10])
    assert "website-ssl monitor 'shop' (id 8) has no location 10 (its locations: 20)" in str(caught.value)
    assert "bitbar monitor 'flow' (id 9) cannot be tested on demand" in str(caught.value)
    assert mt.plan_jobs([TCP, SHOP], [20, 20]) == [mt.Job(TCP, 20), mt.Job(SHOP, 20)]
    assert mt.plan_jobs([TCP], None) == [mt.Job(TCP, None)]


def test_summary_counts_outcomes():
    results = [{'outcome': 'passed'}, {'outcome': 'failed'}, {'outcome': 'passed'}, {'outcome': 'timed_out'}]
    assert mt.summary(results) == '4 tests: 2 passed, 1 failed, 1 timed out'
