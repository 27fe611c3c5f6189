# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The declaration of blackouts (maintenance windows): the :data:`BLACKOUT` kind, its field types, how messages
name a window, and the options of ``alertsite_blackout`` built from the fields.

A blackout stops monitoring (``Monitor``) or alerting (``Alert``) of one monitor, or silences one recipient
(``Notifier``), every week (recurring, ``persistent``) or once. A weekly window is identified by its target,
its type and its four schedule values; a one-time window by its dates (the runner finds a named one by its
note). This module declares; it imports no runner, no connection and no ``AnsibleModule``.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    WEEKLY_KEYS,
    day_text,
    format_api_date,
    parse_api_date,
    parse_clock,
    parse_day,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems
from ansible_collections.community.alertsite.plugins.module_utils.resource import Family, ResourceKind

# The blackout types, as the API names them; one vendor example reads a recipient blackout back as "Recipient".
TYPES = ('Monitor', 'Alert', 'Notifier')
READ_ALIASES = {'Recipient': 'Notifier'}

SCHEDULE_OPTIONS = WEEKLY_KEYS
ONE_TIME_OPTIONS = ('from_date', 'thru_date', 'start')


# -- field types -----------------------------------------------------------------------------------------------

class BlackoutTypeField(Field):
    """``type``: Monitor, Alert or Notifier; a reply's ``Recipient`` reads as Notifier."""

    def normalise(self, value):
        value = super(BlackoutTypeField, self).normalise(value)
        return READ_ALIASES.get(value, value)


class DayField(Field):
    """A weekly day, 1-7 with Sunday=1, given as a number or a day name."""

    def __init__(self, name):
        super(DayField, self).__init__(name, 'int')

    def argument_spec(self):
        return dict(type='raw')  # a number or a day name, judged by the runner with a readable message

    def normalise(self, value):
        if value in (None, ''):
            return None
        day = parse_day(value)
        return value if day is None else day


class ClockField(Field):
    """A weekly time of day, ``HH:MM`` (``H:MM`` and ``HH:MM:00`` read the same)."""

    def argument_spec(self):
        return dict(type='raw')  # an unquoted 22:00 arrives as the number 1320: the runner says so

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


# -- naming ----------------------------------------------------------------------------------------------------

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


# -- the kind --------------------------------------------------------------------------------------------------

def canonical(obj):
    """A listed or read blackout with ``type`` as this collection names it (``Recipient`` reads as Notifier)."""
    if isinstance(obj, dict) and obj.get('type') in READ_ALIASES:
        return dict(obj, type=READ_ALIASES[obj['type']])
    return obj


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
    canonical=canonical,
)


# -- the options of alertsite_blackout ---------------------------------------------------------------------------

# Fields the module sets itself: assoc_id from each target, persistent from the kind of schedule.
COMPUTED_FIELDS = ('assoc_id', 'persistent')


def reference_spec(typed):
    """``monitors`` (``{id}`` or ``{name, type}``) or ``recipients`` (``{id}`` or ``{name}``)."""
    options = OrderedDict(id=dict(type='int'), name=dict(type='str'))
    if typed:
        options['type'] = dict(type='str')
    return dict(type='list', elements='dict', options=options)


# The options that are no field of a blackout: the targets, and what the runner computes a schedule from.
TARGET_OPTIONS = OrderedDict([('monitors', reference_spec(typed=True)), ('recipients', reference_spec(typed=False))])
TASK_OPTIONS = OrderedDict([
    ('start', dict(type='str')),
    ('minutes', dict(type='int')),
    ('timezone', dict(type='str', default='UTC')),
    ('parallel_writes', dict(type='int', default=4)),
])


def target_problems(api_type, monitors, recipients):
    """What is wrong with the targets of a task of ``api_type`` (``monitors`` or ``recipients``, as given)."""
    wanted, other = ('recipients', 'monitors') if api_type == 'Notifier' else ('monitors', 'recipients')
    items = recipients if wanted == 'recipients' else monitors
    problems = []
    if (monitors if other == 'monitors' else recipients) is not None:
        problems.append('type=%s silences %s: give %s, not %s' % (api_type, wanted, wanted, other))
    if items is None:
        return problems + ['%s is required with type=%s' % (wanted, api_type)]
    if not items:
        return problems + ['%s must name at least one %s' % (wanted, wanted[:-1])]
    if wanted == 'monitors':
        problems.extend(reference_problems('monitors', items, typed=True, type_choices=API_TYPES))
    else:
        problems.extend(reference_problems('recipients', items))
    ids = [as_int(item['id']) for item in items if item.get('id') not in (None, '')]
    repeated = sorted(set(str(found) for found in ids if ids.count(found) > 1))
    if repeated:
        problems.append('%s names %s %s more than once' % (wanted, wanted[:-1], ', '.join(repeated)))
    return problems


def blackout_options():
    """The options of ``alertsite_blackout`` besides the connection's: ``state``, the targets, the fields of
    :data:`BLACKOUT` the user sets (``type`` required), then the task's own options."""
    spec = OrderedDict(state=dict(type='str', default='present', choices=['present', 'absent']))
    spec.update(TARGET_OPTIONS)
    for field in BLACKOUT.fields:
        if field.name not in COMPUTED_FIELDS:
            spec[field.name] = field.argument_spec()
    spec[BLACKOUT.selector_option]['required'] = True  # every task says what its windows silence
    spec.update(TASK_OPTIONS)
    return spec


# -- alertsite_blackouts ---------------------------------------------------------------------------------------

# The options of the task, not of one window: a config item of alertsite_blackouts takes all the others.
TASK_ONLY_OPTIONS = ('state', 'parallel_writes')


def item_options():
    """The options of one ``config`` item of ``alertsite_blackouts``: those of ``alertsite_blackout`` less
    :data:`TASK_ONLY_OPTIONS`; an item's ``timezone`` has no default (the task's applies)."""
    spec = blackout_options()
    for name in TASK_ONLY_OPTIONS:
        spec.pop(name)
    spec['timezone'] = dict(type='str')
    return spec


ITEM_OPTIONS = tuple(item_options())


# Blackouts listed as alertsite_blackouts lists them: one listing of every window, unfiltered (the API filters by
# one type at a time), each read as the kind reads it.
BLACKOUT_LISTING = copy.copy(BLACKOUT)
BLACKOUT_LISTING.type_filter = None

# The family of alertsite_blackouts: the three types of windows, each item with a required type. Its config items
# are windows per target, not objects: the runner takes the blackout steps of .blackout_items for those.
BLACKOUTS = Family('blackout', 'blackouts', OrderedDict((name, BLACKOUT) for name in TYPES), BLACKOUT_LISTING, typed=True)
