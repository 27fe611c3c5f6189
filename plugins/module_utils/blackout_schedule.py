# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The schedule arithmetic of blackouts (maintenance windows): time zones, weekly slots, one-time windows and
where a window stands at a given moment.

Pure functions: nothing here reads the clock. The current time is read once per task by the runner
(:mod:`.blackouts`) and passed in as ``now`` (an aware datetime), so one task judges every window against the
same moment. Dates are written as the API writes them, without a UTC offset, in the time zone the user names
(the API does not say which zone its dates are in).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import re
from collections import OrderedDict

try:
    import zoneinfo
    HAS_ZONEINFO = True
except ImportError:  # pragma: no cover - Python before 3.9
    HAS_ZONEINFO = False

from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError

# Days as the API counts them: 1-7, Sunday=1.
DAY_NAMES = ('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')
MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
WEEKLY_KEYS = ('start_day', 'start_time', 'end_day', 'end_time')

API_DATE_FORMAT = '%Y-%m-%d %H:%M:%S'
# A date as the API takes it (a T for the space and no seconds are accepted too), without a UTC offset.
API_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$')
# The same, with an optional UTC offset (Z, +02:00, -0500): what start takes.
START_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$')
CLOCK = re.compile(r'^(\d{1,2}):(\d{2})(?::(\d{2}))?$')

# start: now begins the window this many seconds after the moment it is created: the API only takes windows
# that start in the future.
NOW_LEAD_SECONDS = 10


# -- time zones and "now" ----------------------------------------------------------------------------------

def get_zone(name):
    """The tzinfo of an IANA time zone name; raises InputError for an unknown one."""
    if name in ('UTC', 'Etc/UTC', 'Z'):
        return datetime.timezone.utc
    if not HAS_ZONEINFO:
        raise InputError('timezone %r needs Python 3.9 or later (zoneinfo) on the host that runs the module; '
                         'only UTC works here' % name)
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InputError('timezone must be an IANA time zone name such as Europe/Berlin or America/New_York, got %r '
                         '(if the name is right, the host that runs the module lacks the time zone database: '
                         'install tzdata)' % name)


def local_now(zone, now):
    """``now`` (aware) in ``zone``, naive, to the second: how the API's dates are compared with it."""
    return now.astimezone(zone).replace(tzinfo=None, microsecond=0)


def is_now(start):
    """Whether a ``start`` option means the moment the window is created."""
    return isinstance(start, str) and start.strip().lower() == 'now'


# -- days, times and dates ------------------------------------------------------------------------------------

def parse_day(value):
    """A day as the API counts it (1-7, Sunday=1) from a number or a day name (``Sunday``, ``sun``, any case);
    None when the value is no day."""
    if isinstance(value, bool):
        return None
    number = as_int(value)
    if isinstance(number, int):
        return number if 1 <= number <= 7 else None
    if isinstance(value, str):
        text = value.strip().lower()
        for position, name in enumerate(DAY_NAMES):
            if len(text) >= 3 and name.lower().startswith(text):
                return position + 1
    return None


def parse_clock(value):
    """``HH:MM`` from ``H:MM``, ``HH:MM`` or ``HH:MM:00``; None when the value is no time of day."""
    if not isinstance(value, str):
        return None
    match = CLOCK.match(value.strip())
    if not match:
        return None
    hours, minutes, seconds = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59 or seconds:
        return None
    return '%02d:%02d' % (hours, minutes)


def parse_api_date(value):
    """A naive datetime from a date as the API writes it; None when it is not one."""
    match = API_DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return datetime.datetime(*(int(part or 0) for part in match.groups()))
    except ValueError:
        return None


def format_api_date(value):
    return value.strftime(API_DATE_FORMAT)


def day_text(day):
    return DAY_NAMES[day - 1] if isinstance(day, int) and 1 <= day <= 7 else str(day)


# -- weekly windows -------------------------------------------------------------------------------------------

def week_minute(day, clock):
    """Minutes since Sunday 00:00 of a weekly day (1-7) and time ``HH:MM``."""
    hours, minutes = clock.split(':')
    return (day - 1) * MINUTES_PER_DAY + int(hours) * 60 + int(minutes)


def weekly_end(start_day, start_time, minutes):
    """``(end_day, end_time)`` of a weekly window of ``minutes`` that starts on ``start_day`` at ``start_time``;
    past Saturday midnight it wraps to Sunday (1)."""
    end = (week_minute(start_day, start_time) + minutes) % MINUTES_PER_WEEK
    return end // MINUTES_PER_DAY + 1, '%02d:%02d' % divmod(end % MINUTES_PER_DAY, 60)


def api_day(moment):
    """The API's day number (Sunday=1) of a datetime."""
    return (moment.weekday() + 1) % 7 + 1


def weekly_in_force(start_day, start_time, end_day, end_time, moment):
    """Whether a weekly window is in force at ``moment`` (a naive datetime in the API's time zone). A window whose
    end comes before its start in the week wraps over Saturday midnight."""
    start = week_minute(start_day, start_time)
    end = week_minute(end_day, end_time)
    now = week_minute(api_day(moment), '%02d:%02d' % (moment.hour, moment.minute))
    if start < end:
        return start <= now < end
    return now >= start or now < end


# -- one-time windows -----------------------------------------------------------------------------------------

def parse_start(value, zone):
    """The aware start of a one-time window from a date: without a UTC offset it is a time in ``zone``, with one
    it is converted into ``zone``. Raises InputError for a malformed date or a wall-clock time that does not
    exist in ``zone`` (the hour skipped when the clocks go forward)."""
    match = START_DATE.match(value.strip())
    if not match:
        raise InputError("start must be now or a date such as '2025-06-01 22:00' (a T for the space, seconds and a "
                         "UTC offset such as +02:00 or Z are allowed), got %r" % value)
    parts = [int(part or 0) for part in match.groups()[:6]]
    try:
        naive = datetime.datetime(*parts)
    except ValueError as exc:
        raise InputError('start is not a valid date: %r (%s)' % (value, exc))
    offset = match.group(7)
    if offset:
        if offset == 'Z':
            delta = datetime.timedelta(0)
        else:
            digits = offset[1:].replace(':', '')
            delta = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            delta = -delta if offset[0] == '-' else delta
        return naive.replace(tzinfo=datetime.timezone(delta)).astimezone(zone)
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(datetime.timezone.utc).astimezone(zone).replace(tzinfo=None) != naive:
        raise InputError('start %s does not exist in %s: the clocks go forward over that hour'
                         % (naive.strftime('%Y-%m-%d %H:%M'), zone))
    return aware


def one_time_window(start, minutes, zone, now=None):
    """``(from_date, thru_date)`` as the API takes them, for a window of ``minutes`` from ``start``.

    :param start: ``now`` (``now`` plus :data:`NOW_LEAD_SECONDS`, to the second) or a date for
        :func:`parse_start`.
    :param zone: the tzinfo the API's dates are written in.
    :param now: the current time (aware); needed for ``start: now``.

    The duration is real time: a window over a change of the clocks ends ``minutes`` after it starts, which on
    the wall clock is an hour more or less. A window whose end would read as no later than its start (a short
    window over the hour the clocks go back) cannot be written in dates without an offset: InputError.
    """
    if is_now(start):
        begin = now.astimezone(zone).replace(microsecond=0) + datetime.timedelta(seconds=NOW_LEAD_SECONDS)
    else:
        begin = parse_start(start, zone)
    end = (begin.astimezone(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)).astimezone(zone)
    begin = begin.astimezone(datetime.timezone.utc).astimezone(zone)
    first, last = begin.replace(tzinfo=None), end.replace(tzinfo=None)
    if last <= first:
        raise InputError('a window of %d minutes from %s ends at %s on the wall clock of %s, because the clocks go back '
                         'in between: AlertSite dates carry no UTC offset, so give a longer window, or from_date and '
                         'thru_date' % (minutes, format_api_date(first), format_api_date(last), zone))
    return format_api_date(first), format_api_date(last)


# -- where a window stands ------------------------------------------------------------------------------------

def window_state(obj, now):
    """``ended``, ``active`` or ``upcoming``: where a blackout stands at ``now`` (naive, in the API's time zone).
    A weekly window never ends; it is active while in force, else upcoming."""
    if is_recurring(obj):
        days = [parse_day(obj.get(key)) for key in ('start_day', 'end_day')]
        clocks = [parse_clock(as_clock_text(obj.get(key))) for key in ('start_time', 'end_time')]
        if None in days or None in clocks:
            return 'upcoming'
        return 'active' if weekly_in_force(days[0], clocks[0], days[1], clocks[1], now) else 'upcoming'
    first, last = parse_api_date(obj.get('from_date')), parse_api_date(obj.get('thru_date'))
    if last is not None and last <= now:
        return 'ended'
    if first is not None and first <= now:
        return 'active'
    return 'upcoming'


def as_clock_text(value):
    return value if isinstance(value, str) else ''


def is_recurring(obj):
    """Whether an API blackout is weekly: ``persistent``, or (when the API leaves it out) it has no dates."""
    persistent = obj.get('persistent')
    if persistent is None:
        return obj.get('from_date') in (None, '') and obj.get('start_day') not in (None, '')
    return persistent in (True, 'true', 'True', 1, '1')


# -- the user's schedule ----------------------------------------------------------------------------------------

def weekly_schedule(given, minutes=None):
    """The weekly schedule as the API takes it, from the user's ``start_day``, ``start_time``, ``end_day`` and
    ``end_time`` (``given``, None for those not set), or ``minutes`` instead of the end.

    :returns: ``(schedule, problems)``: the four values normalised (empty when they cannot be computed), and
        what is wrong with the input.
    """
    problems, days, clocks = [], {}, {}
    for name in ('start_day', 'end_day'):
        if given[name] is not None:
            days[name] = parse_day(given[name])
            if days[name] is None:
                problems.append('%s must be a day: 1-7 with Sunday=1 (as the API counts), or a day name such as '
                                'Sunday or sun, got %r' % (name, given[name]))
    for name in ('start_time', 'end_time'):
        if given[name] is not None:
            clocks[name] = parse_clock(given[name])
            if clocks[name] is None:
                problems.append(clock_problem(name, given[name]))
    if minutes is not None:
        if given['end_day'] is not None or given['end_time'] is not None:
            problems.append('minutes computes end_day and end_time: give one or the other')
        elif minutes >= MINUTES_PER_WEEK:
            problems.append('minutes must be less than a week (%d) for a weekly window, got %d' % (MINUTES_PER_WEEK, minutes))
    missing = [name for name in WEEKLY_KEYS if given[name] is None
               and not (minutes is not None and name in ('end_day', 'end_time'))]
    if missing:
        problems.append('a weekly window needs start_day, start_time, end_day and end_time (or minutes instead of '
                        'end_day and end_time); missing: %s' % ', '.join(missing))
    if problems or minutes is not None and minutes < 1:
        return {}, problems
    if minutes is not None:
        days['end_day'], clocks['end_time'] = weekly_end(days['start_day'], clocks['start_time'], minutes)
    if (days['start_day'], clocks['start_time']) == (days['end_day'], clocks['end_time']):
        return {}, ['the weekly window starts and ends at the same moment (%s %s)'
                    % (day_text(days['start_day']), clocks['start_time'])]
    return OrderedDict([('start_day', days['start_day']), ('start_time', clocks['start_time']),
                        ('end_day', days['end_day']), ('end_time', clocks['end_time'])]), []


def clock_problem(name, value):
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 60)
        return ("%s must be a quoted time such as '%02d:%02d': YAML reads an unquoted %d:%02d as the number %d, got %d"
                % (name, hours % 24, minutes, hours, minutes, value, value))
    return "%s must be a time of day 'HH:MM' from 00:00 to 23:59, got %r" % (name, value)


def dated_schedule(from_date, thru_date):
    """The dates of a one-time window as the API takes them, from the user's (None for those not set).

    :returns: ``(schedule, problems)`` as :func:`weekly_schedule`.
    """
    problems, parsed = [], {}
    for name, value in (('from_date', from_date), ('thru_date', thru_date)):
        if value is None:
            problems.append('a one-time window needs from_date and thru_date (or start and minutes); missing: %s' % name)
            continue
        parsed[name] = parse_api_date(value)
        if parsed[name] is None:
            problems.append("%s must be a date as the API takes it, 'YYYY-MM-DD HH:MM:SS', got %r" % (name, value))
    if problems:
        return {}, problems
    if parsed['from_date'] >= parsed['thru_date']:
        return {}, ['from_date (%s) must be before thru_date (%s)'
                    % (format_api_date(parsed['from_date']), format_api_date(parsed['thru_date']))]
    return OrderedDict((name, format_api_date(parsed[name])) for name in ('from_date', 'thru_date')), []


def past_problem(schedule, now, zone_name):
    """Why a one-time window cannot be created because it ends by ``now`` (naive, in the API's zone), or None."""
    if parse_api_date(schedule['thru_date']) > now:
        return None
    return ('the window %s to %s is in the past (it is %s in %s): AlertSite only takes windows in the future'
            % (schedule['from_date'], schedule['thru_date'], format_api_date(now), zone_name))
