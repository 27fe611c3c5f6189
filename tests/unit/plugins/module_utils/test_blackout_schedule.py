# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The schedule arithmetic of blackouts: days, times, dates, time zones, durations over midnight, the end of
the week, the end of the year and changes of the clocks, and where a window stands at a given moment."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    dated_schedule,
    get_zone,
    local_now,
    one_time_window,
    parse_clock,
    parse_day,
    past_problem,
    weekly_end,
    weekly_in_force,
    weekly_schedule,
    window_state,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError

UTC = datetime.timezone.utc
NOON = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)  # a Wednesday


# -- days and times ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize('value, day', [
    (1, 1), ('7', 7), (' 3 ', 3), ('Sunday', 1), ('sun', 1), ('SATURDAY', 7), ('Sat', 7), ('wed', 4), ('thurs', 5),
    (0, None), (8, None), ('Funday', None), ('su', None), (True, None), ('', None), (None, None), ([1], None),
])
def test_days_count_from_sunday_as_the_api_does(value, day):
    assert parse_day(value) == day


@pytest.mark.parametrize('value, clock', [
    ('02:00', '02:00'), ('2:00', '02:00'), ('23:59', '23:59'), ('00:00:00', '00:00'), (' 7:05 ', '07:05'),
    ('24:00', None), ('12:60', None), ('12:00:30', None), ('noon', None), (1320, None), ('1320', None),
])
def test_times_of_day(value, clock):
    assert parse_clock(value) == clock


# -- weekly windows -------------------------------------------------------------------------------------------

@pytest.mark.parametrize('start_day, start_time, minutes, end', [
    (1, '02:00', 120, (1, '04:00')),      # within a day
    (2, '23:00', 120, (3, '01:00')),      # over midnight: Monday into Tuesday
    (7, '23:00', 180, (1, '02:00')),      # over the end of the week: Saturday into Sunday
    (7, '00:00', 1440, (1, '00:00')),     # the whole of Saturday ends at Sunday midnight
    (4, '12:00', 10079, (4, '11:59')),    # the longest weekly window: a week less a minute
])
def test_a_weekly_duration_computes_the_end(start_day, start_time, minutes, end):
    assert weekly_end(start_day, start_time, minutes) == end


@pytest.mark.parametrize('moment, in_force', [
    (datetime.datetime(2026, 12, 5, 22, 59), False),   # Saturday, before the start
    (datetime.datetime(2026, 12, 5, 23, 0), True),     # Saturday, at the start
    (datetime.datetime(2026, 12, 6, 1, 30), True),     # Sunday, after the week wrapped
    (datetime.datetime(2026, 12, 6, 2, 0), False),     # Sunday, at the end
    (datetime.datetime(2026, 12, 2, 12, 0), False),    # Wednesday
])
def test_a_weekly_window_over_the_end_of_the_week(moment, in_force):
    assert weekly_in_force(7, '23:00', 1, '02:00', moment) is in_force


def test_a_weekly_window_within_the_week():
    monday_night = (2, '22:00', 3, '06:00')
    assert weekly_in_force(*monday_night, moment=datetime.datetime(2026, 11, 30, 23, 0))      # Monday 23:00
    assert weekly_in_force(*monday_night, moment=datetime.datetime(2026, 12, 1, 5, 59))       # Tuesday 05:59
    assert not weekly_in_force(*monday_night, moment=datetime.datetime(2026, 12, 1, 6, 0))    # Tuesday 06:00


# -- one-time windows ---------------------------------------------------------------------------------------------

def test_now_starts_a_few_seconds_ahead_in_the_named_time_zone():
    assert one_time_window('now', 30, get_zone('UTC'), NOON) == ('2026-12-02 12:00:10', '2026-12-02 12:30:10')
    assert one_time_window('now', 30, get_zone('Europe/Berlin'), NOON) == ('2026-12-02 13:00:10', '2026-12-02 13:30:10')
    assert one_time_window('NOW', 60, get_zone('America/New_York'), NOON) == ('2026-12-02 07:00:10', '2026-12-02 08:00:10')


def test_now_drops_the_fraction_of_a_second():
    moment = datetime.datetime(2026, 12, 2, 12, 0, 0, 999999, tzinfo=UTC)
    assert one_time_window('now', 1, get_zone('UTC'), moment) == ('2026-12-02 12:00:10', '2026-12-02 12:01:10')


@pytest.mark.parametrize('start, minutes, zone, window', [
    # over midnight, the end of a month and the end of the year
    ('2030-12-31 23:30', 90, 'UTC', ('2030-12-31 23:30:00', '2031-01-01 01:00:00')),
    ('2030-02-28T22:00:00', 180, 'UTC', ('2030-02-28 22:00:00', '2030-03-01 01:00:00')),
    # a whole week, Saturday night into the next Saturday night
    ('2030-06-01 23:00', 7 * 1440, 'Asia/Tokyo', ('2030-06-01 23:00:00', '2030-06-08 23:00:00')),
    # an offset is converted into the API's time zone
    ('2030-06-01T10:00:00Z', 30, 'Europe/Berlin', ('2030-06-01 12:00:00', '2030-06-01 12:30:00')),
    ('2030-06-01 22:00+02:00', 60, 'UTC', ('2030-06-01 20:00:00', '2030-06-01 21:00:00')),
    ('2030-06-01T08:00-0500', 60, 'Asia/Kolkata', ('2030-06-01 18:30:00', '2030-06-01 19:30:00')),
    # into the next day in the API's zone, though not in the offset's
    ('2030-06-01 20:00-04:00', 60, 'Europe/Berlin', ('2030-06-02 02:00:00', '2030-06-02 03:00:00')),
])
def test_a_start_and_a_duration_make_the_dates(start, minutes, zone, window):
    assert one_time_window(start, minutes, get_zone(zone)) == window


def test_a_window_over_the_spring_change_lasts_its_minutes():
    # New York, 9 March 2025: 02:00 EST becomes 03:00 EDT. 60 minutes from 01:30 end at 03:30 on the wall clock.
    assert one_time_window('2025-03-09 01:30', 60, get_zone('America/New_York')) == ('2025-03-09 01:30:00', '2025-03-09 03:30:00')
    # Berlin, 30 March 2025: 02:00 CET becomes 03:00 CEST.
    assert one_time_window('2025-03-30 00:00', 240, get_zone('Europe/Berlin')) == ('2025-03-30 00:00:00', '2025-03-30 05:00:00')


def test_a_window_over_the_autumn_change_lasts_its_minutes():
    # New York, 2 November 2025: 02:00 EDT becomes 01:00 EST. 120 minutes from 00:30 end at 01:30 EST.
    assert one_time_window('2025-11-02 00:30', 120, get_zone('America/New_York')) == ('2025-11-02 00:30:00', '2025-11-02 01:30:00')


def test_now_over_the_autumn_change():
    # 05:00 UTC is 01:00 EDT, the first of the two 01:00s; 90 minutes later it is 01:30 EST.
    moment = datetime.datetime(2025, 11, 2, 5, 0, 0, tzinfo=UTC)
    assert one_time_window('now', 90, get_zone('America/New_York'), moment) == ('2025-11-02 01:00:10', '2025-11-02 01:30:10')


def test_a_short_window_that_would_read_backwards_is_refused():
    with pytest.raises(InputError) as err:
        one_time_window('2025-11-02 01:30', 30, get_zone('America/New_York'))
    assert 'because the clocks go back in between' in str(err.value)


def test_a_start_the_clocks_skip_is_refused():
    with pytest.raises(InputError) as err:
        one_time_window('2025-03-09 02:30', 30, get_zone('America/New_York'))
    assert str(err.value) == 'start 2025-03-09 02:30 does not exist in America/New_York: the clocks go forward over that hour'


@pytest.mark.parametrize('start', ['tomorrow', '2030-06-01', '01.06.2030 22:00', '2030-13-01 10:00', '2030-06-31 10:00'])
def test_a_start_that_is_no_date_is_refused(start):
    with pytest.raises(InputError) as err:
        one_time_window(start, 30, get_zone('UTC'))
    assert str(err.value).startswith('start ')


def test_unknown_time_zone():
    with pytest.raises(InputError) as err:
        get_zone('Mars/Olympus_Mons')
    assert str(err.value).startswith('timezone must be an IANA time zone name')


def test_local_now_is_naive_in_the_zone():
    assert local_now(get_zone('Asia/Tokyo'), NOON) == datetime.datetime(2026, 12, 2, 21, 0, 0)


# -- where a window stands -----------------------------------------------------------------------------------------

ONCE = {'persistent': False, 'from_date': '2026-12-02 11:00:00', 'thru_date': '2026-12-02 13:00:00'}


@pytest.mark.parametrize('moment, state', [
    (datetime.datetime(2026, 12, 2, 10, 59, 59), 'upcoming'),
    (datetime.datetime(2026, 12, 2, 11, 0, 0), 'active'),
    (datetime.datetime(2026, 12, 2, 12, 59, 59), 'active'),
    (datetime.datetime(2026, 12, 2, 13, 0, 0), 'ended'),
])
def test_one_time_window_state(moment, state):
    assert window_state(ONCE, moment) == state


def test_a_weekly_window_never_ends():
    weekly = {'persistent': True, 'start_day': 4, 'start_time': '11:00', 'end_day': 4, 'end_time': '13:00'}
    assert window_state(weekly, datetime.datetime(2026, 12, 2, 12, 0)) == 'active'
    assert window_state(weekly, datetime.datetime(2026, 12, 2, 13, 0)) == 'upcoming'
    # without persistent, a window without dates is weekly
    assert window_state(dict(weekly, persistent=None, from_date=None), datetime.datetime(2026, 12, 2, 12, 0)) == 'active'


# -- the user's schedule, in the API's form -------------------------------------------------------------------

def test_a_weekly_schedule_from_day_names_and_a_duration():
    given = dict(start_day='sat', start_time='23:00', end_day=None, end_time=None)
    assert weekly_schedule(given, 180) == ({'start_day': 7, 'start_time': '23:00', 'end_day': 1, 'end_time': '02:00'}, [])
    assert list(weekly_schedule(given, 180)[0]) == ['start_day', 'start_time', 'end_day', 'end_time']


def test_a_weekly_schedule_with_problems_is_empty():
    schedule, problems = weekly_schedule(dict(start_day=8, start_time='2:00', end_day=None, end_time='25:00'))
    assert schedule == {}
    assert [problem.split(' ')[0] for problem in problems] == ['start_day', 'end_time', 'a']  # and what is missing
    assert problems[-1].endswith('missing: end_day')


def test_dates_are_written_as_the_api_takes_them():
    assert dated_schedule('2030-06-01T22:00', '2030-06-02 01:00') == (
        {'from_date': '2030-06-01 22:00:00', 'thru_date': '2030-06-02 01:00:00'}, [])
    assert dated_schedule('2030-06-01 22:00:00', None) == (
        {}, ['a one-time window needs from_date and thru_date (or start and minutes); missing: thru_date'])
    assert dated_schedule('2030-06-02 01:00', '2030-06-01 22:00')[1] == [
        'from_date (2030-06-02 01:00:00) must be before thru_date (2030-06-01 22:00:00)']


def test_a_window_that_ends_by_now_is_in_the_past():
    schedule = {'from_date': '2026-12-02 11:00:00', 'thru_date': '2026-12-02 12:00:00'}
    assert past_problem(schedule, datetime.datetime(2026, 12, 2, 11, 59, 59), 'UTC') is None
    assert past_problem(schedule, datetime.datetime(2026, 12, 2, 12, 0, 0), 'Europe/Berlin') == (
        'the window 2026-12-02 11:00:00 to 2026-12-02 12:00:00 is in the past (it is 2026-12-02 12:00:00 in '
        'Europe/Berlin): AlertSite only takes windows in the future')
