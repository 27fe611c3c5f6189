# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Blackouts (maintenance windows): the :data:`BLACKOUT` kind, the schedule computations, and the runners of
``alertsite_blackout`` and ``alertsite_blackout_info``.

A blackout stops monitoring (``Monitor``) or alerting (``Alert``) of one monitor, or silences one recipient
(``Notifier``), every week (recurring, ``persistent``) or once. What is particular to blackouts lives here, on
top of the engine (:mod:`.engine`), which stays generic:

- one task names several targets (``monitors`` or ``recipients``, resolved to ids with one listing by
  :mod:`.references`) and manages one window per target: one POST per new window;
- which window is "the same": a weekly window is identified by its target, its type and its four schedule
  values; a one-time window by its note when it has one (a deploy pipeline's "deploy 1234"), else by its dates;
- one-time windows cannot be modified (a change is a DELETE and a POST), windows that ended cannot be deleted
  (reported unchanged, with a warning), and a window wholly in the past is refused before any request;
- dates are compared with the current time in the time zone named by ``timezone``, because the API does not
  say which zone its dates are in.

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

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    FailedOutcome,
    apply_plan,
    clean_id,
    current_values,
    get_object,
    id_problems,
    plan_diff,
    plan_message,
    plan_object,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems, resolve_references
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, ResourceKind
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse

# The blackout types, as the API names them; one vendor example reads a recipient blackout back as "Recipient".
TYPES = ('Monitor', 'Alert', 'Notifier')
READ_ALIASES = {'Recipient': 'Notifier'}

# Days as the API counts them: 1-7, Sunday=1.
DAY_NAMES = ('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')
MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

API_DATE_FORMAT = '%Y-%m-%d %H:%M:%S'
# A date as the API takes it (a T for the space and no seconds are accepted too), without a UTC offset.
API_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$')
# The same, with an optional UTC offset (Z, +02:00, -0500): what start takes.
START_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$')
CLOCK = re.compile(r'^(\d{1,2}):(\d{2})(?::(\d{2}))?$')

# start: now begins the window this many seconds after the moment it is created: the API only takes windows
# that start in the future.
NOW_LEAD_SECONDS = 10


# -- the clock -----------------------------------------------------------------------------------------------

def utc_now():
    """The current time, aware, in UTC (the one place the module reads the clock; tests replace it)."""
    return datetime.datetime.now(datetime.timezone.utc)


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


def local_now(zone, now=None):
    """The current time in ``zone``, naive, to the second: how the API's dates are compared with it."""
    return (now or utc_now()).astimezone(zone).replace(tzinfo=None, microsecond=0)


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

    :param start: ``now`` (the current time plus :data:`NOW_LEAD_SECONDS`, to the second) or a date for
        :func:`parse_start`.
    :param zone: the tzinfo the API's dates are written in.
    :param now: the current time (aware), for tests.

    The duration is real time: a window over a change of the clocks ends ``minutes`` after it starts, which on
    the wall clock is an hour more or less. A window whose end would read as no later than its start (a short
    window over the hour the clocks go back) cannot be written in dates without an offset: InputError.
    """
    if start.strip().lower() == 'now':
        begin = (now or utc_now()).astimezone(zone).replace(microsecond=0) + datetime.timedelta(seconds=NOW_LEAD_SECONDS)
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


# -- the kind --------------------------------------------------------------------------------------------------

class BlackoutTypeField(Field):
    """``type``: Monitor, Alert or Notifier; a reply's ``Recipient`` reads as Notifier."""

    def normalise(self, value):
        value = super(BlackoutTypeField, self).normalise(value)
        return READ_ALIASES.get(value, value)


class DayField(Field):
    """A weekly day, 1-7 with Sunday=1, given as a number or a day name."""

    def __init__(self, name):
        super(DayField, self).__init__(name, 'int')

    def normalise(self, value):
        if value in (None, ''):
            return None
        day = parse_day(value)
        return value if day is None else day


class ClockField(Field):
    """A weekly time of day, ``HH:MM`` (``H:MM`` and ``HH:MM:00`` read the same)."""

    def normalise(self, value):
        if value in (None, ''):
            return None
        return parse_clock(value) or value


class DateField(Field):
    """A one-time window's date, ``YYYY-MM-DD HH:MM:SS``."""

    def normalise(self, value):
        if value in (None, ''):
            return None
        parsed = parse_api_date(value)
        return value if parsed is None else format_api_date(parsed)


def target_noun(api_type):
    return 'recipient' if api_type == 'Notifier' else 'monitor'


def schedule_text(values):
    """The schedule of a window in words: ``Sunday 02:00 to Sunday 04:00`` or ``<from_date> to <thru_date>``."""
    if values.get('from_date') or values.get('thru_date'):
        return '%s to %s' % (values.get('from_date'), values.get('thru_date'))
    if values.get('start_day') is not None:
        return '%s %s to %s %s' % (day_text(values.get('start_day')), values.get('start_time'),
                                   day_text(values.get('end_day')), values.get('end_time'))
    return ''


def describe(api_type, values):
    """How messages name a blackout: ``one-time Alert blackout 'deploy 1234' of monitor 100001, <from> to <thru>``."""
    once = values.get('persistent') is False or bool(values.get('from_date'))
    weekly = values.get('persistent') is True or values.get('start_day') is not None
    words = ['one-time' if once else 'weekly' if weekly else '', '%s blackout' % api_type if api_type else 'blackout']
    label = ' '.join(word for word in words if word)
    if values.get('note') and not weekly:  # a one-time window's note names it
        label += " '%s'" % values['note']
    if values.get('assoc_id') is not None:
        label += ' of %s %s' % (target_noun(api_type), values['assoc_id'])
    schedule = schedule_text(values)
    return '%s, %s' % (label, schedule) if schedule else label


BLACKOUT = ResourceKind(
    noun='blackout',
    module='alertsite_blackout',
    list_path='/blackouts',
    item_path='/blackouts/{id}',
    api_types=OrderedDict((name, name) for name in TYPES),
    selector='type',
    type_filter='type',
    fields=[
        Field('assoc_id', 'int', required_on_create=True, minimum=1),
        BlackoutTypeField('type', required_on_create=True, choices=TYPES),
        Field('persistent', 'bool'),
        DateField('from_date'),
        DateField('thru_date'),
        DayField('start_day'),
        ClockField('start_time'),
        DayField('end_day'),
        ClockField('end_time'),
        Field('note', max_length=255),
    ],
    # A weekly window: its target and its four schedule values; a one-time window found by its dates: its
    # target and its dates (the type is the key's API type).
    identity=('assoc_id', 'start_day', 'start_time', 'end_day', 'end_time', 'from_date', 'thru_date'),
    describe=describe,
)

SCHEDULE_OPTIONS = ('start_day', 'start_time', 'end_day', 'end_time')
ONE_TIME_OPTIONS = ('from_date', 'thru_date', 'start')


def canonical(obj):
    """A listed or read blackout with ``type`` as this collection names it (``Recipient`` reads as Notifier)."""
    if isinstance(obj, dict) and obj.get('type') in READ_ALIASES:
        return dict(obj, type=READ_ALIASES[obj['type']])
    return obj


# -- the user's side -------------------------------------------------------------------------------------------

def reference_spec(typed):
    options = OrderedDict(id=dict(type='int'), name=dict(type='str'))
    if typed:
        options['type'] = dict(type='str')
    return dict(type='list', elements='dict', options=options)


def blackout_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        state=dict(type='str', default='present', choices=['present', 'absent']),
        type=dict(type='str', required=True, choices=list(TYPES)),
        monitors=reference_spec(typed=True),
        recipients=reference_spec(typed=False),
        start_day=dict(type='raw'),
        start_time=dict(type='raw'),
        end_day=dict(type='raw'),
        end_time=dict(type='raw'),
        from_date=dict(type='str'),
        thru_date=dict(type='str'),
        start=dict(type='str'),
        minutes=dict(type='int'),
        note=dict(type='str'),
        timezone=dict(type='str', default='UTC'),
        parallel_writes=dict(type='int', default=4),
    )
    return spec


class Request(object):
    """What the task asks for, checked and computed before any request.

    :ivar mode: ``weekly``, ``dated`` (a one-time window with dates), ``now`` (a one-time window from now) or
        ``named`` (state=absent with only a note: every window of the targets with that note).
    :ivar schedule: the normalised schedule values to send (weekly: days and times; dated: from/thru).
    """

    def __init__(self, params, now=None):
        self.params = params
        self.state = params['state']
        self.api_type = params['type']
        self.note = params['note']
        self.now_utc = now or utc_now()
        self.zone = None
        self.mode = None
        self.schedule = OrderedDict()
        self.problems = []
        self.check()

    @property
    def named(self):
        """The window is found by its note (a one-time window with a note), not by its schedule."""
        return self.mode in ('now', 'named') or (self.mode == 'dated' and self.note not in (None, ''))

    @property
    def local_now(self):
        return local_now(self.zone, self.now_utc)

    @property
    def target_option(self):
        return 'recipients' if self.api_type == 'Notifier' else 'monitors'

    def check(self):
        params, problems = self.params, self.problems
        try:
            self.zone = get_zone(params['timezone'])
        except InputError as exc:
            problems.append(str(exc))
        self.check_targets()
        if params['note'] is not None:
            if not params['note'].strip():
                problems.append('note must not be empty: it names the window (leave it out for none)')
            elif len(params['note']) > 255:
                problems.append('note must be at most 255 characters, got %d' % len(params['note']))
        if params['minutes'] is not None and params['minutes'] < 1:
            problems.append('minutes must be at least 1, got %d' % params['minutes'])
        if params.get('parallel_writes') is not None and params['parallel_writes'] < 1:
            problems.append('parallel_writes must be at least 1, got %d' % params['parallel_writes'])
        weekly = [name for name in SCHEDULE_OPTIONS if params[name] is not None]
        once = [name for name in ONE_TIME_OPTIONS if params[name] is not None]
        if weekly and once:
            problems.append('%s make a weekly window and %s a one-time window: give one or the other'
                            % (', '.join(weekly), ', '.join(once)))
        elif weekly:
            self.check_weekly()
        elif once:
            self.check_one_time()
        elif params['minutes'] is not None:
            problems.append('minutes needs start (a one-time window) or start_day and start_time (a weekly window)')
        elif self.state == 'absent' and self.note not in (None, ''):
            self.mode = 'named'
        elif self.state == 'absent':
            problems.append('state=absent needs the window: note (every window with that note), or its schedule')
        else:
            problems.append('the window needs a schedule: start_day, start_time, end_day and end_time (weekly, or '
                            'minutes instead of end_day and end_time), or from_date and thru_date, or start and '
                            'minutes (once)')

    def check_targets(self):
        params, problems = self.params, self.problems
        wanted, other = ('recipients', 'monitors') if self.api_type == 'Notifier' else ('monitors', 'recipients')
        if params[other] is not None:
            problems.append('type=%s silences %s: give %s, not %s' % (self.api_type, wanted, wanted, other))
        items = params[wanted]
        if items is None:
            problems.append('%s is required with type=%s' % (wanted, self.api_type))
            return
        if not items:
            problems.append('%s must name at least one %s' % (wanted, wanted[:-1]))
            return
        if wanted == 'monitors':
            problems.extend(reference_problems('monitors', items, typed=True, type_choices=API_TYPES))
        else:
            problems.extend(reference_problems('recipients', items))
        ids = [as_int(item['id']) for item in items if item.get('id') not in (None, '')]
        repeated = sorted(set(str(found) for found in ids if ids.count(found) > 1))
        if repeated:
            problems.append('%s names %s %s more than once' % (wanted, wanted[:-1], ', '.join(repeated)))

    def check_weekly(self):
        params, problems = self.params, self.problems
        self.mode = 'weekly'
        days, clocks = {}, {}
        for name in ('start_day', 'end_day'):
            if params[name] is not None:
                days[name] = parse_day(params[name])
                if days[name] is None:
                    problems.append('%s must be a day: 1-7 with Sunday=1 (as the API counts), or a day name such as '
                                    'Sunday or sun, got %r' % (name, params[name]))
        for name in ('start_time', 'end_time'):
            if params[name] is not None:
                clocks[name] = parse_clock(params[name])
                if clocks[name] is None:
                    problems.append(clock_problem(name, params[name]))
        minutes = params['minutes']
        if minutes is not None:
            if params['end_day'] is not None or params['end_time'] is not None:
                problems.append('minutes computes end_day and end_time: give one or the other')
            elif minutes >= MINUTES_PER_WEEK:
                problems.append('minutes must be less than a week (%d) for a weekly window, got %d' % (MINUTES_PER_WEEK, minutes))
        missing = [name for name in SCHEDULE_OPTIONS if params[name] is None
                   and not (minutes is not None and name in ('end_day', 'end_time'))]
        if missing:
            problems.append('a weekly window needs start_day, start_time, end_day and end_time (or minutes instead of '
                            'end_day and end_time); missing: %s' % ', '.join(missing))
        if missing or None in days.values() or None in clocks.values() or problems:
            return
        if minutes is not None and minutes >= 1:
            days['end_day'], clocks['end_time'] = weekly_end(days['start_day'], clocks['start_time'], minutes)
        if (days['start_day'], clocks['start_time']) == (days['end_day'], clocks['end_time']):
            problems.append('the weekly window starts and ends at the same moment (%s %s)'
                            % (day_text(days['start_day']), clocks['start_time']))
        self.schedule = OrderedDict([('start_day', days['start_day']), ('start_time', clocks['start_time']),
                                     ('end_day', days['end_day']), ('end_time', clocks['end_time'])])

    def check_one_time(self):
        params, problems = self.params, self.problems
        dates = [name for name in ('from_date', 'thru_date') if params[name] is not None]
        if params['start'] is not None:
            if dates:
                problems.append('start and minutes compute from_date and thru_date: give one pair or the other')
                return
            if params['minutes'] is None:
                problems.append('start needs minutes (how long the window lasts)')
                return
            now = params['start'].strip().lower() == 'now'
            self.mode = 'now' if now else 'dated'
            if now and self.note in (None, ''):
                problems.append('start=now needs note to name the window, so that a rerun finds it instead of adding '
                                'another window')
            if self.zone is None or params['minutes'] < 1 or problems:
                return
            if now:
                return  # computed when each window is created (see Request.now_window)
            try:
                first, last = one_time_window(params['start'], params['minutes'], self.zone, self.now_utc)
            except InputError as exc:
                problems.append(str(exc))
                return
            self.schedule = OrderedDict([('from_date', first), ('thru_date', last)])
        else:
            self.mode = 'dated'
            if params['minutes'] is not None:
                problems.append('minutes goes with start; with from_date and thru_date the window is set by its dates')
            parsed = {}
            for name in ('from_date', 'thru_date'):
                if params[name] is None:
                    problems.append('a one-time window needs from_date and thru_date (or start and minutes); '
                                    'missing: %s' % name)
                    continue
                parsed[name] = parse_api_date(params[name])
                if parsed[name] is None:
                    problems.append("%s must be a date as the API takes it, 'YYYY-MM-DD HH:MM:SS', got %r"
                                    % (name, params[name]))
            if len(parsed) < 2 or None in parsed.values():
                return
            if parsed['from_date'] >= parsed['thru_date']:
                problems.append('from_date (%s) must be before thru_date (%s)'
                                % (format_api_date(parsed['from_date']), format_api_date(parsed['thru_date'])))
                return
            self.schedule = OrderedDict((name, format_api_date(parsed[name])) for name in ('from_date', 'thru_date'))
        if self.state == 'present' and self.zone is not None and self.schedule:
            thru = parse_api_date(self.schedule['thru_date'])
            if thru <= self.local_now:
                problems.append('the window %s to %s is in the past (it is %s in %s): AlertSite only takes windows in '
                                'the future' % (self.schedule['from_date'], self.schedule['thru_date'],
                                                format_api_date(self.local_now), self.params['timezone']))

    def now_window(self, now=None):
        """``(from_date, thru_date)`` of a ``start: now`` window created at ``now`` (default: the clock)."""
        return one_time_window('now', self.params['minutes'], self.zone, now)

    def values_for(self, assoc_id, now=None):
        """The values of the window of one target, normalised: what a create sends."""
        values = OrderedDict([('assoc_id', assoc_id), ('type', self.api_type)])
        if self.mode != 'named':
            values['persistent'] = self.mode == 'weekly'
        if self.mode == 'now':
            values['from_date'], values['thru_date'] = self.now_window(now)
        else:
            values.update(self.schedule)
        if self.note not in (None, ''):
            values['note'] = self.note
        return wanted_values(BLACKOUT, values)


def clock_problem(name, value):
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 60)
        return ("%s must be a quoted time such as '%02d:%02d': YAML reads an unquoted %d:%02d as the number %d, got %d"
                % (name, hours % 24, minutes, hours, minutes, value, value))
    return "%s must be a time of day 'HH:MM' from 00:00 to 23:59, got %r" % (name, value)


# -- finding the windows -------------------------------------------------------------------------------------

def listing_params(request, target_ids):
    """The API's filters for the blackouts the task may touch."""
    params = OrderedDict(type=request.api_type)
    if len(target_ids) == 1:
        params['assoc_id'] = target_ids[0]
    if request.mode == 'weekly':
        params['persistent'] = 'true'
    return params


def list_blackouts(client, params):
    """One paged listing of ``GET /blackouts`` with the API's filters; ``Recipient`` read as Notifier."""
    return [canonical(obj) for obj in client.get_all(BLACKOUT.list_path, params=params)]


def resolve_targets(client, request):
    """The target ids, in the order given, each once: names resolved with one listing."""
    return target_ids(client, request.target_option, request.params[request.target_option])


def target_ids(client, option, items):
    """The ids of ``monitors`` or ``recipients`` items, in the order given, each once (names resolved with one
    listing)."""
    if option == 'monitors':
        resolved = resolve_references(client, ANY_MONITOR, option, items, typed=True)
    else:
        resolved = resolve_references(client, RECIPIENT, option, items)
    ids = []
    for item in resolved:
        if item['id'] not in ids:
            ids.append(item['id'])
    return ids


class TargetPlan(object):
    """What the task does to the windows of one target.

    :ivar plans: engine plans, applied in order (a replaced one-time window: a delete, then a create).
    :ivar ended: windows that match but ended (a state=absent task cannot delete them).
    :ivar kept: windows that match and stay as they are, besides the plans' (more than one matched).
    """

    def __init__(self, assoc_id, plans=(), ended=(), kept=(), replace=False):
        self.assoc_id = assoc_id
        self.plans = list(plans)
        self.ended = list(ended)
        self.kept = list(kept)
        self.replace = replace


def same_target(request, assoc_id, obj):
    return (BLACKOUT.by_name['type'].normalise(obj.get('type')) == request.api_type
            and str(obj.get('assoc_id')) == str(assoc_id))


def plan_target(request, assoc_id, listing):
    """The :class:`TargetPlan` of one target from the listing (its windows and others)."""
    now = request.local_now
    wanted = request.values_for(assoc_id, request.now_utc)
    mine = [obj for obj in listing if same_target(request, assoc_id, obj)]
    if request.named:
        found = [obj for obj in mine if not is_recurring(obj) and obj.get('note') == request.note]
        if request.mode == 'named' and request.state == 'absent':
            found += [obj for obj in mine if is_recurring(obj) and obj.get('note') == request.note]
    else:
        index = Index(lambda api_type: BLACKOUT, mine)
        found = index.matches(BLACKOUT, request.api_type, wanted)
    ended = [obj for obj in found if window_state(obj, now) == 'ended']
    live = [obj for obj in found if window_state(obj, now) != 'ended']
    if request.state == 'absent':
        plans = [plan_object(BLACKOUT, request.api_type, wanted, obj, 'absent') for obj in live]
        if not plans and not ended:
            plans = [plan_object(BLACKOUT, request.api_type, wanted, None, 'absent')]
        return TargetPlan(assoc_id, plans, ended)
    if request.mode == 'now' and live:
        # a named window from "now" that is in force or to come is the pipeline's window: nothing to do
        return TargetPlan(assoc_id, [plan_object(BLACKOUT, request.api_type, OrderedDict(), live[0])], kept=live[1:])
    if request.named and len(live) > 1:
        exact = [obj for obj in live if plan_object(BLACKOUT, request.api_type, wanted, obj).action == 'none']
        if not exact:
            raise InputError('%d %ss are named %r (ids %s): delete them (state=absent) before giving the window a new '
                             'schedule' % (len(live), describe(request.api_type, dict(assoc_id=assoc_id, persistent=False)),
                                           request.note, ', '.join(str(obj.get('id')) for obj in live)))
        live = exact + [obj for obj in live if obj not in exact]
    if not live:
        return TargetPlan(assoc_id, [creation(request, wanted, now)])
    plan = plan_object(BLACKOUT, request.api_type, wanted, live[0])
    if plan.action == 'update' and request.mode != 'weekly':
        # one-time windows cannot be modified: delete it, create the new one
        delete = plan_object(BLACKOUT, request.api_type, wanted, live[0], 'absent')
        return TargetPlan(assoc_id, [delete, creation(request, wanted, now)], kept=live[1:], replace=True)
    return TargetPlan(assoc_id, [plan], kept=live[1:])


def creation(request, wanted, now):
    """The plan that creates the window; a one-time window must start in the future."""
    if request.mode == 'dated' and parse_api_date(wanted['from_date']) <= now:
        raise InputError('%s cannot be created: from_date has passed (it is %s in %s) and AlertSite only takes windows '
                         'that start in the future' % (describe(request.api_type, wanted), format_api_date(now),
                                                       request.params['timezone']))
    return plan_object(BLACKOUT, request.api_type, wanted, None)


# -- reporting ----------------------------------------------------------------------------------------------

def replace_diff(target, object_id=None):
    delete, create = target.plans
    before = plan_diff(delete)['before']
    after = plan_diff(create, object_id)['after']
    header = create.label_for(object_id)
    return dict(before=before, after=after, before_header=delete.label, after_header=header)


def target_message(target, outcomes, check_mode, state):
    """One sentence about one target."""
    if target.replace:
        delete, create = target.plans
        new_id = outcomes[1].object_id if len(outcomes) > 1 else None
        if check_mode:
            return ('Would replace %s with %s: a one-time blackout cannot be modified, so it would be deleted and '
                    'created again' % (delete.label, create.label_for(new_id)))
        return ('Replaced %s with %s: a one-time blackout cannot be modified, so it was deleted and created again'
                % (delete.label, create.label_for(new_id)))
    sentences = [plan_message(outcome.plan, check_mode, state, outcome.object_id) for outcome in outcomes
                 if outcome.plan.changed or not target.ended]
    sentences += ['%s ended and stays: the API cannot delete windows that ended' % BLACKOUT.label(
        obj.get('type'), current_values(BLACKOUT, obj), obj.get('id')) for obj in target.ended]
    return '; '.join(sentence for sentence in sentences if sentence)


def task_message(request, targets, outcomes_by_target, check_mode, failures):
    """One sentence for the task: the one target's, or counts over several targets."""
    if len(targets) == 1 and not failures:
        return target_message(targets[0], outcomes_by_target[0], check_mode, request.state)
    counts = OrderedDict((word, 0) for word in ('created', 'updated', 'replaced', 'deleted', 'unchanged', 'ended'))
    words = {'create': 'created', 'update': 'updated', 'delete': 'deleted'}
    for target, outcomes in zip(targets, outcomes_by_target):
        if any(isinstance(outcome, FailedOutcome) for outcome in outcomes):
            continue  # told among the failures
        changed = [outcome.plan.action for outcome in outcomes if outcome.plan.changed]
        if target.replace:
            counts['replaced'] += 1
        for action in [] if target.replace else changed:
            counts[words[action]] += 1
        counts['ended'] += len(target.ended)
        if not changed and not target.ended:
            counts['unchanged'] += 1
    sample = dict(request.schedule, persistent=request.mode == 'weekly' if request.mode != 'named' else None)
    if request.note:
        sample['note'] = request.note
    what = describe(request.api_type, sample)
    parts = ['%d %s' % (count, word) for word, count in counts.items() if count]
    message = '%s on %d %ss: %s' % (what, len(targets), target_noun(request.api_type), ', '.join(parts))
    if counts['replaced']:
        message += ' (a one-time blackout cannot be modified: %s deleted and created again)' % (
            'each was' if not check_mode else 'each would be')
    if counts['ended']:
        message += ' (windows that ended stay: the API cannot delete them)'
    if check_mode:
        message += ' (check mode: nothing was sent)'
    if failures:
        message += '; %d failed: %s' % (len(failures), '; '.join(failures))
    return message


# -- alertsite_blackout -----------------------------------------------------------------------------------------

def apply_target(client, request, target, check_mode, read_back):
    """Carry out one target's plans in order; a failure stops that target's later plans. Returns
    ``(outcomes, error)``."""
    outcomes = []
    for plan in target.plans:
        if plan.action == 'create' and request.mode == 'now' and not check_mode:
            # the window starts a few seconds after it is sent, whatever the requests before took
            fresh = request.values_for(target.assoc_id)
            plan.changes.update((key, fresh[key]) for key in ('from_date', 'thru_date'))
            plan.values.update(plan.changes)
        if outcomes and isinstance(outcomes[-1], FailedOutcome):
            outcomes.append(FailedOutcome(plan))
            continue
        try:
            outcomes.append(apply_plan(client, plan, check_mode, read_back=read_back))
        except AlertSiteError as exc:
            outcomes.append(FailedOutcome(plan))
            return outcomes, exc
    return outcomes, None


def run_blackout_module():
    """alertsite_blackout: one window per target, created, changed, replaced or deleted."""
    module = new_module(blackout_argument_spec())
    params = module.params
    request = Request(params)
    refuse(module, request.problems + connection_problems(params))
    client = client_from_module(module)
    try:
        target_ids = resolve_targets(client, request)
        listing = list_blackouts(client, listing_params(request, target_ids))
        targets = [plan_target(request, assoc_id, listing) for assoc_id in target_ids]
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    # one read-back per written window, or one listing when the task writes several
    writes = sum(1 for target in targets for plan in target.plans if plan.action in ('create', 'update'))
    read_back = writes <= 1
    all_outcomes, failures, errors = [], [], []
    done = run_ordered(lambda target: apply_target(client, request, target, module.check_mode, read_back), targets,
                       params['parallel_writes'])
    for target, result in zip(targets, done):
        if isinstance(result, Failed):  # not an API error: a fault of the module, told as it is
            result = ([FailedOutcome(plan) for plan in target.plans], result.error)
        outcomes, error = result
        all_outcomes.append(outcomes)
        if error is not None:
            errors.append(error)
            failures.append(failure_message(target, outcomes, error))
    if not read_back and not module.check_mode and writes:
        try:
            read_back_listing(client, listing_params(request, target_ids), all_outcomes)
        except AlertSiteError as exc:
            errors.append(exc)
            failures.append('reading the windows back: %s' % exc)
    for outcome in (outcome for outcomes in all_outcomes for outcome in outcomes):
        if not isinstance(outcome, FailedOutcome):
            for warning in outcome_warnings(outcome, module.check_mode):
                module.warn(warning)
    for target in targets:
        for obj in target.ended:
            module.warn('%s ended at %s and cannot be deleted: the API keeps past one-time blackouts'
                        % (BLACKOUT.label(obj.get('type'), current_values(BLACKOUT, obj), obj.get('id')),
                           obj.get('thru_date')))
    result = dict(changed=any(outcome.plan.changed and not isinstance(outcome, FailedOutcome)
                              for outcomes in all_outcomes for outcome in outcomes),
                  blackouts=result_blackouts(targets, all_outcomes))
    if module._diff:
        result['diff'] = task_diff(targets, all_outcomes)
    if len(errors) == 1 and len(targets) == 1:
        fail(module, AlertSiteError(failures[0], status=getattr(errors[0], 'status', None),
                                    messages=getattr(errors[0], 'messages', None)), **result)
    result['msg'] = task_message(request, targets, all_outcomes, module.check_mode, failures)
    if errors:
        fail(module, AlertSiteError(result.pop('msg'), status=getattr(errors[0], 'status', None) if len(errors) == 1 else None,
                                    messages=[message for exc in errors for message in getattr(exc, 'messages', [])]),
             **result)
    module.exit_json(**result)


def failure_message(target, outcomes, error):
    """What failed for one target, after what was done before it (a replaced window's delete)."""
    done = [plan_message(outcome.plan, False, 'present', outcome.object_id) for outcome in outcomes
            if outcome.plan.changed and not isinstance(outcome, FailedOutcome)]
    if done:
        return '%s, then %s' % ('; '.join(done), error)
    return str(error)


def read_back_listing(client, params, all_outcomes):
    """After several writes: the written windows as one listing shows them."""
    after = dict((str(obj.get('id')), obj) for obj in list_blackouts(client, params))
    for outcomes in all_outcomes:
        for outcome in outcomes:
            if outcome.plan.action in ('create', 'update') and not isinstance(outcome, FailedOutcome):
                outcome.object = after.get(str(outcome.object_id))


def result_blackouts(targets, all_outcomes):
    """The windows of every target as the API holds them after the task (predicted in check mode)."""
    blackouts = []
    for target, outcomes in zip(targets, all_outcomes):
        blackouts.extend(canonical(outcome.object) for outcome in outcomes if outcome.object)
        blackouts.extend(target.kept)
        blackouts.extend(target.ended)
    return blackouts


def task_diff(targets, all_outcomes):
    """``before``/``after`` of every changed window, for ``--diff``: a replaced window as one change."""
    diffs = []
    for target, outcomes in zip(targets, all_outcomes):
        if target.replace:
            diffs.append(replace_diff(target, outcomes[1].object_id if len(outcomes) > 1 else None))
        else:
            diffs.extend(plan_diff(outcome.plan, outcome.object_id) for outcome in outcomes if outcome.plan.changed)
    return diffs


# -- alertsite_blackout_info -------------------------------------------------------------------------------------

def blackout_info_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'),
        type=dict(type='str', choices=list(TYPES)),
        monitors=reference_spec(typed=True),
        recipients=reference_spec(typed=False),
        recurring_only=dict(type='bool', default=False),
        active=dict(type='bool', default=False),
        upcoming=dict(type='bool', default=False),
        timezone=dict(type='str', default='UTC'),
    )
    return spec


def info_problems(params):
    problems = id_problems(params['id'], 'blackout')
    try:
        get_zone(params['timezone'])
    except InputError as exc:
        problems.append(str(exc))
    if params['monitors'] is not None and params['recipients'] is not None:
        problems.append('give monitors or recipients, not both')
    if params['type'] == 'Notifier' and params['monitors'] is not None:
        problems.append('type=Notifier blackouts silence recipients: give recipients, not monitors')
    if params['type'] in ('Monitor', 'Alert') and params['recipients'] is not None:
        problems.append('type=%s blackouts silence monitors: give monitors, not recipients' % params['type'])
    if params['monitors'] is not None:
        problems.extend(reference_problems('monitors', params['monitors'], typed=True, type_choices=API_TYPES))
    if params['recipients'] is not None:
        problems.extend(reference_problems('recipients', params['recipients']))
    if params['id'] is not None and any(params[name] for name in ('monitors', 'recipients')):
        problems.append('id finds one blackout: it does not combine with monitors or recipients')
    return problems


def select_blackouts(blackouts, now, api_types=None, targets=None, recurring_only=False, active=False,
                     upcoming=False):
    """The windows that pass every filter. ``active`` and ``upcoming`` together keep every window that has not
    ended.

    :param now: the current time, naive, in the API's time zone.
    :param api_types: the blackout types kept (None: all).
    :param targets: the target ids kept (None: all).
    """
    states = set(name for name, wanted in (('active', active), ('upcoming', upcoming)) if wanted)
    targets = None if targets is None else set(str(target) for target in targets)
    return [obj for obj in blackouts
            if (api_types is None or obj.get('type') in api_types)
            and (targets is None or str(obj.get('assoc_id')) in targets)
            and (not recurring_only or is_recurring(obj))
            and (not states or window_state(obj, now) in states)]


def info_query(params, targets):
    """The API's filters of the listing."""
    query = OrderedDict()
    if params['type']:
        query['type'] = params['type']
    if targets is not None and len(targets) == 1:
        query['assoc_id'] = targets[0]
    if params['recurring_only']:
        query['persistent'] = 'true'
    return query


def run_blackout_info_module():
    """alertsite_blackout_info: read only, the same in check mode."""
    module = new_module(blackout_info_argument_spec())
    params = module.params
    refuse(module, info_problems(params) + connection_problems(params))
    now = local_now(get_zone(params['timezone']))
    api_types = [params['type']] if params['type'] else None
    client = client_from_module(module)
    targets = None
    try:
        for option, types in (('monitors', ['Monitor', 'Alert']), ('recipients', ['Notifier'])):
            if params[option]:
                targets = target_ids(client, option, params[option])
                api_types = api_types or types
        if clean_id(params['id']):
            found = get_object(client, BLACKOUT, clean_id(params['id']))
            listing = [canonical(found)] if found else []
        else:
            listing = list_blackouts(client, info_query(params, targets))
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    blackouts = select_blackouts(listing, now, api_types, targets, params['recurring_only'], params['active'],
                                 params['upcoming'])
    module.exit_json(changed=False, blackouts=blackouts,
                     msg='Found %d blackout%s' % (len(blackouts), '' if len(blackouts) == 1 else 's'))
