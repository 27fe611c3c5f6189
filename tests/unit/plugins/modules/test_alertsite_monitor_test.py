# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_monitor_test and alertsite_monitor_status_info against a scripted API: bad input refused with no
request, check mode starting nothing, one result per monitor and location, statuses per monitor."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules import alertsite_monitor_status_info as status_module
from ansible_collections.community.alertsite.plugins.modules import alertsite_monitor_test as test_module
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse, FakeSession, page, run_module

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'access_token': 't0k3n'}
WEB = {'id': 7, 'name': 'web', 'type': 'tcp', 'home_location': 10, 'locations': [{'id': 10}, {'id': 20}]}
SHOP = {'id': 8, 'name': 'shop', 'type': 'website-ssl', 'home_location': 20, 'locations': [{'id': 20}]}


@pytest.mark.parametrize('args, message', [
    ({}, 'give the monitors to test'),
    ({'id': '7', 'monitors': [{'id': 7}]}, 'not several'),
    ({'id': '7', 'name': 'web'}, 'give id or name, not both'),
    ({'name': 'web'}, 'name needs type'),
    ({'id': '7', 'type': 'tcp'}, 'type goes with name'),
    ({'monitors': [{'id': 7, 'name': 'web'}]}, 'monitors[0]: give id or name, not both'),
    ({'monitors': [{'name': 'web'}]}, 'monitors[0]: name needs type'),
    ({'monitors': [{'id': -1}]}, 'monitors[0]: id must be a positive id'),
    ({'id': '7', 'locations': [0]}, 'locations must be positive location ids'),
    ({'id': '7', 'locations': []}, 'locations must not be empty'),
    ({'id': '7', 'timeout': 0}, 'timeout must be 1 to 3600 seconds'),
    ({'id': '7', 'poll_delay': 11}, 'poll_delay must be 0.1 to 10 seconds'),
    ({'id': '7', 'concurrency': 17}, 'concurrency must be 1 to 16'),
    ({'id': 'x7'}, 'id must be a positive id'),
    ({'id': '7', 'api_retries': -1}, 'api_retries must be 0 or more'),
])
def test_monitor_test_bad_input_sends_nothing(args, message, capsys):
    session = FakeSession()
    result, failed = run_module(test_module.main, dict(AUTH, **args), session, capsys)
    assert failed and message in result['msg']
    assert session.requests == []


def test_check_mode_lists_the_tests_and_starts_none(capsys):
    session = FakeSession(page([WEB, SHOP]))
    args = dict(AUTH, monitors=[{'id': 7}, {'name': 'shop', 'type': 'website-ssl'}], locations=[20], _ansible_check_mode=True)
    result, failed = run_module(test_module.main, args, session, capsys)
    assert not failed and not result['changed']
    assert result['msg'] == 'Check mode: 2 tests would run; nothing was started'
    assert [(test['monitor_name'], test['location'], test['outcome']) for test in result['tests']] == [
        ('web', 20, None), ('shop', 20, None)]
    assert session.calls() == [('GET', '/monitors')]


def test_a_passing_and_a_failing_test(capsys):
    done = {'progress': 2, 'status': 0, 'status_desc': 'Site is OK Now!'}
    failed_reply = {'progress': 3, 'status': 51, 'status_desc': 'Warning-Unable to resolve IP'}
    session = FakeSession(page([WEB, SHOP]), FakeResponse(200, {'id': 'a'}), FakeResponse(200, {'id': 'b'}),
                          FakeResponse(200, done), FakeResponse(200, failed_reply))
    args = dict(AUTH, monitors=[{'id': 7}, {'id': 8}], concurrency=1, poll_delay=0.1)
    result, failed = run_module(test_module.main, args, session, capsys)
    assert failed and not result['changed']
    assert [test['outcome'] for test in result['tests']] == ['passed', 'failed']
    assert result['tests'][1]['location'] == 20 and result['tests'][1]['home_location']
    assert result['msg'] == ("2 tests: 1 passed, 1 failed. Did not pass: website-ssl monitor 'shop' (id 8) at its home "
                             "location 20: failed: status 51, Warning-Unable to resolve IP")


def test_status_info_only_failing(capsys):
    rows = [{'monitor_id': '7', 'device_name': 'web', 'last_status': '0', 'dt_last_status': '2026-12-06 10:00:00'},
            {'monitor_id': '8', 'device_name': 'shop', 'last_status': '2', 'last_status_desc': 'Test timed out',
             'dt_last_status': '2026-12-06 10:01:00'}]
    session = FakeSession(page([WEB, SHOP]), page(rows))
    result, failed = run_module(status_module.main, dict(AUTH, only_failing=True), session, capsys)
    assert not failed and result['msg'] == 'Found 1 monitor'
    assert result['monitors'] == [{'id': 8, 'name': 'shop', 'type': 'website-ssl', 'status': '2',
                                   'status_desc': 'Test timed out', 'info_msg': None,
                                   'last_check': '2026-12-06T10:01:00', 'ok': False}]
    assert 'monitors' not in session.requests[1]['params']


@pytest.mark.parametrize('args, message', [
    ({'monitors': []}, 'monitors must not be empty'),
    ({'monitors': [{'type': 'tcp'}]}, 'monitors[0]: give id or name'),
    ({'id': '7', 'monitors': [{'id': 7}]}, 'id finds one monitor: it does not combine with monitors'),
    ({'id': '7 8'}, 'id must be'),
])
def test_status_info_bad_input_sends_nothing(args, message, capsys):
    session = FakeSession()
    result, failed = run_module(status_module.main, dict(AUTH, **args), session, capsys)
    assert failed and message in result['msg'] and session.requests == []
