# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The site-status report read as one status per monitor: OK codes, ISO 8601 times, rows matched to monitors by
id, obj_device or an unshared name, several rows per monitor, 100 ids a request."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import site_status as ss
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteClient
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, page

WEB = {'id': 1, 'name': 'web', 'type': 'tcp'}
SHOP = {'id': 2, 'name': 'shop', 'type': 'website-ssl'}
TWIN_A = {'id': 3, 'name': 'twin', 'type': 'tcp'}
TWIN_B = {'id': 4, 'name': 'twin', 'type': 'ping'}


@pytest.mark.parametrize('status, ok', [
    ('0', True), (0, True), (' 0', True), ('51', False), (51, False), (None, False), ('', False), (False, False),
    ('0.0', False),
])
def test_ok_codes(status, ok):
    assert ss.is_ok(status) is ok


@pytest.mark.parametrize('value, expected, warned', [
    ('2026-12-06 10:00:00', '2026-12-06T10:00:00', False),
    ('2026-12-06T10:00:00', '2026-12-06T10:00:00', False),
    ('2026-12-06T10:00:00Z', '2026-12-06T10:00:00Z', False),
    ('2026-12-06T10:00:00+01:00', '2026-12-06T10:00:00+01:00', False),
    ('06/12/2026 10:00', '06/12/2026 10:00', True),
    (None, None, False),
    ('', None, False),
])
def test_times_in_iso_8601(value, expected, warned):
    warnings = []
    assert ss.iso_time(value, warnings.append) == expected
    assert bool(warnings) is warned


def test_rows_match_by_id_obj_device_or_unshared_name():
    by_name = {'web': [WEB], 'shop': [SHOP], 'twin': [TWIN_A, TWIN_B]}
    rows = [{'monitor_id': '1', 'device_name': 'x'}, {'obj_device': 2}, {'device_name': 'web'},
            {'device_name': 'twin'}, {'device_name': 'gone'}]
    assigned, ambiguous = ss.assign_rows(rows, by_name)
    assert assigned == {'1': [rows[0], rows[2]], '2': [rows[1]]}
    assert ambiguous == {'twin': [TWIN_A, TWIN_B]}


def test_several_rows_ok_only_together_first_bad_row_and_latest_time():
    rows = [{'last_status': '0', 'last_status_desc': 'OK', 'dt_last_status': '2026-12-06 10:00:00'},
            {'last_status': '2', 'last_status_desc': 'Test timed out', 'dt_last_status': '2026-12-06 09:00:00'},
            {'last_status': '51', 'last_status_desc': 'Unable to resolve', 'dt_last_status': '2026-12-06 11:00:00'}]
    status = ss.status_of(WEB, rows, [].append)
    assert status['ok'] is False and status['status'] == '2' and status['status_desc'] == 'Test timed out'
    assert status['last_check'] == '2026-12-06T11:00:00'
    assert ss.status_of(WEB, rows[:1], [].append)['ok'] is True


def test_a_monitor_without_a_row_is_not_ok_with_a_warning():
    warnings = []
    status = ss.status_of(SHOP, [], warnings.append)
    assert status['status'] is None and status['ok'] is False
    assert warnings == ["the site-status report has no row for website-ssl monitor 'shop' (id 2)"]


def client(session):
    return AlertSiteClient(api_url='https://alertsite.test/api/v3', access_token='t0k3n', session=session,
                           sleep=lambda seconds: None)


def test_gather_named_monitors_asks_the_report_for_their_ids():
    session = FakeSession(page([WEB, SHOP, TWIN_A, TWIN_B]),
                          page([{'monitor_id': '2', 'device_name': 'shop', 'last_status': '0'}]))
    found = ss.gather(client(session), None, {'monitors': [{'name': 'shop', 'type': 'website-ssl'}]}, [].append)
    assert [status['id'] for status in found] == [2] and found[0]['ok'] is True
    assert session.requests[1]['params']['monitors'] == '2'


def test_gather_refuses_a_name_two_monitors_share_when_rows_carry_no_id():
    session = FakeSession(page([WEB, TWIN_A, TWIN_B]), page([{'device_name': 'twin', 'last_status': '0'}]))
    with pytest.raises(InputError) as caught:
        ss.gather(client(session), '3', {}, [].append)
    assert "2 monitors are named 'twin' (ids 3, 4)" in str(caught.value)


def test_more_than_100_monitors_are_asked_for_100_at_a_time():
    monitors = [{'id': number, 'name': 'm%d' % number, 'type': 'tcp'} for number in range(1, 151)]
    session = FakeSession(page(monitors[:100], count=150), page(monitors[100:], count=150, offset=100), page([]), page([]))
    refs = [{'id': monitor['id']} for monitor in monitors]
    found = ss.gather(client(session), None, {'monitors': refs}, [].append)
    assert len(found) == 150
    asked = [request['params']['monitors'].split(',') for request in session.requests[2:]]
    assert [len(ids) for ids in asked] == [100, 50]
