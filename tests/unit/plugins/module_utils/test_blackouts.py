# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A blackout task's input, checked before any request, and the kind's declaration (names, read aliases)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import BLACKOUT, canonical
from ansible_collections.community.alertsite.plugins.module_utils.blackouts import Request

UTC = datetime.timezone.utc
NOON = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)  # a Wednesday


# -- the request, checked before any request -------------------------------------------------------------------

def params(**values):
    base = dict(state='present', type='Monitor', monitors=[{'id': 5, 'name': None, 'type': None}], recipients=None,
                start_day=None, start_time=None, end_day=None, end_time=None, from_date=None, thru_date=None,
                start=None, minutes=None, note=None, timezone='UTC', parallel_writes=4)
    base.update(values)
    return base


def test_a_weekly_request_by_day_names_and_minutes():
    request = Request(params(start_day='Saturday', start_time='23:00', minutes=180, note='backup'), NOON)
    assert request.problems == [] and request.mode == 'weekly'
    assert dict(request.values_for(5)) == {
        'assoc_id': 5, 'type': 'Monitor', 'persistent': True, 'start_day': 7, 'start_time': '23:00', 'end_day': 1,
        'end_time': '02:00', 'note': 'backup'}


def test_a_dated_request_is_normalised_to_the_api_form():
    request = Request(params(from_date='2030-06-01T22:00', thru_date='2030-06-02 01:00:00'), NOON)
    assert request.problems == [] and request.mode == 'dated' and not request.named
    assert request.schedule == {'from_date': '2030-06-01 22:00:00', 'thru_date': '2030-06-02 01:00:00'}
    assert Request(params(from_date='2030-06-01T22:00', thru_date='2030-06-02 01:00:00', note='move'), NOON).named


@pytest.mark.parametrize('values, problem', [
    (dict(start_day=8, start_time='02:00', end_day=1, end_time='04:00'), 'start_day must be a day: 1-7 with Sunday=1'),
    (dict(start_day=1, start_time=1320, end_day=1, end_time='23:00'),
     "start_time must be a quoted time such as '22:00': YAML reads an unquoted 22:00 as the number 1320"),
    (dict(start_day=1, start_time='02:00'), 'missing: end_day, end_time'),
    (dict(start_day=1, start_time='02:00', end_day=1, end_time='02:00'), 'starts and ends at the same moment'),
    (dict(start_day=1, start_time='02:00', minutes=10080), 'minutes must be less than a week (10080)'),
    (dict(start_day=1, start_time='02:00', end_day=1, minutes=60), 'minutes computes end_day and end_time'),
    (dict(start_day=1, from_date='2030-06-01 10:00:00'), 'give one or the other'),
    (dict(from_date='2030-06-01 10:00:00', thru_date='2030-06-01 09:00:00'), 'must be before thru_date'),
    (dict(from_date='2001-01-01 10:00:00', thru_date='2001-01-01 11:00:00'), 'is in the past (it is 2026-12-02 12:00:00 in UTC)'),
    (dict(from_date='1 June', thru_date='2030-06-01 11:00:00'), "from_date must be a date as the API takes it"),
    (dict(start='now', minutes=30), 'start=now needs note'),
    (dict(start='2030-06-01 10:00'), 'start needs minutes'),
    (dict(start='2030-06-01 10:00', minutes=0), 'minutes must be at least 1, got 0'),
    (dict(start='2001-06-01 10:00', minutes=30), 'is in the past'),
    (dict(start='2030-06-01 10:00', minutes=30, from_date='2030-06-01 10:00:00'), 'give one pair or the other'),
    (dict(note=''), 'note must not be empty'),
    (dict(), 'the window needs a schedule'),
    (dict(state='absent'), 'state=absent needs the window'),
    (dict(timezone='Europe/Berlinn', start='2030-06-01 10:00', minutes=5, note='x'), 'timezone must be an IANA time zone name'),
    (dict(monitors=None), 'monitors is required with type=Monitor'),
    (dict(monitors=[]), 'monitors must name at least one monitor'),
    (dict(type='Notifier', monitors=[{'id': 5}]), 'type=Notifier silences recipients: give recipients, not monitors'),
    (dict(monitors=[{'id': 5}, {'id': 5}]), 'monitors names monitor 5 more than once'),
    (dict(monitors=[{'name': 'web', 'type': 'tcpp'}]), 'monitors[0]: type must be one of'),
])
def test_bad_requests_are_refused(values, problem):
    request = Request(params(**values), NOON)
    assert any(problem in found for found in request.problems), request.problems


def test_a_past_window_may_be_deleted_by_its_dates():
    request = Request(params(state='absent', from_date='2001-01-01 10:00:00', thru_date='2001-01-01 11:00:00'), NOON)
    assert request.problems == []


def test_the_kind_names_windows_readably():
    weekly = {'type': 'Monitor', 'assoc_id': 5, 'persistent': True, 'start_day': 1, 'start_time': '02:00', 'end_day': 1,
              'end_time': '04:00', 'note': 'patching'}
    once = {'type': 'Alert', 'assoc_id': 5, 'persistent': False, 'from_date': '2030-06-01 10:00:00',
            'thru_date': '2030-06-01 11:00:00', 'note': 'deploy 1'}
    assert BLACKOUT.label('Monitor', weekly, 7) == 'weekly Monitor blackout of monitor 5, Sunday 02:00 to Sunday 04:00 (id 7)'
    assert BLACKOUT.label('Alert', once) == ("one-time Alert blackout 'deploy 1' of monitor 5, "
                                             "2030-06-01 10:00:00 to 2030-06-01 11:00:00")
    assert BLACKOUT.label('Notifier', {'assoc_id': 9}) == 'Notifier blackout of recipient 9'


def test_a_reply_type_recipient_reads_as_notifier():
    assert canonical({'type': 'Recipient', 'id': 1}) == {'type': 'Notifier', 'id': 1}
    assert BLACKOUT.by_name['type'].normalise('Recipient') == 'Notifier'
