# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: blackout_drift
short_description: Compare blackout definitions with an account's listing of blackouts
version_added: 1.1.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Compares blackout definitions (the options of M(community.alertsite.alertsite_blackout), as in the variable
    C(alertsite_blackouts) of the role P(community.alertsite.alerting#role)) with the blackouts of an account, as
    M(community.alertsite.alertsite_blackout_info) lists them, without any request.
  - One window per target of each definition. A weekly window is matched by its type, target and schedule, and
    differs when a note is given and is not the window's; a one-time window is matched by its note when it has
    one (then its dates are compared), else by its dates. Windows that ended are history and are ignored.
  - A definition with C(state=absent) stands for windows to delete (when they exist).
  - Windows of the listing that no definition stands for are extra (to delete) when their note matches one of the
    O(prune) patterns (at its start; a window without a note has an empty one).
  - A definition whose targets are not all known by id or by an unambiguous name, or that is given as
    C(start)/C(minutes) from now, cannot be judged here; it is returned in RV(_value.todo) for the module to
    judge.
  - Used by the role P(community.alertsite.alerting#role) to find the windows to delete when the blackouts are pruned
    only in part (by the patterns of their notes).
options:
  _input:
    description: The blackout definitions.
    type: list
    elements: dict
    required: true
  listed:
    description: The account's blackouts, as M(community.alertsite.alertsite_blackout_info) returns them.
    type: list
    elements: dict
    required: true
  monitors:
    description: Known monitors, each with C(id), C(name) and C(type), to resolve targets given by name.
    type: list
    elements: dict
    default: []
  recipients:
    description: Known recipients, each with C(id) and C(name), to resolve targets given by name.
    type: list
    elements: dict
    default: []
  now:
    description: The current time in the time zone of the blackout dates, C(YYYY-MM-DD HH:MM:SS); windows that ended before are ignored.
    type: str
  prune:
    description: Patterns of the notes of the extra windows to report for deletion; none reports none.
    type: list
    elements: str
    default: []
'''

EXAMPLES = r'''
- name: Which blackouts differ from the definitions
  ansible.builtin.set_fact:
    blackout_plan: >-
      {{ alertsite_blackouts | community.alertsite.blackout_drift(listed.blackouts, monitors=monitors.monitors,
         recipients=recipients.recipients, prune=['.*']) }}
'''

RETURN = r'''
_value:
  description: The comparison.
  type: dict
  contains:
    objects:
      description:
        - One entry per window, with C(name) (a label of type, target and schedule), C(action) (V(create),
          V(update), V(delete), V(none), or V(unknown) when it could not be judged), C(changes) (the differing
          option names), C(definition) (the position of its definition, or None for an extra window) and
          C(id) (the window's id when it exists).
      type: list
      elements: dict
    todo:
      description: The positions of the definitions that are not in sync or could not be judged.
      type: list
      elements: int
    deletions:
      description:
        - One item per extra window, with C(label) (as in RV(_value.objects)) and C(options), the options of
          M(community.alertsite.alertsite_blackout) (with C(state=absent)) that delete the window.
      type: list
      elements: dict
'''

import re

from ansible.errors import AnsibleFilterError

from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    day_text,
    format_api_date,
    parse_api_date,
    parse_clock,
    parse_day,
    weekly_end,
)

WEEKLY = ('start_day', 'start_time', 'end_day', 'end_time')


def api_type(value):
    return 'Notifier' if value in ('Notifier', 'Recipient') else value


def as_date(value):
    moment = parse_api_date(value) if isinstance(value, str) else None
    return format_api_date(moment) if moment else value


def clock(value):
    if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1 reads 22:00 as 1320
        return '%02d:%02d' % divmod(value, 60)
    return parse_clock(value) or value


def weekly_of(item):
    """``(start_day, start_time, end_day, end_time)`` of a weekly window or definition, normalised."""
    start_day, start_time = parse_day(item.get('start_day')), clock(item.get('start_time'))
    if item.get('minutes') not in (None, '') and item.get('end_day') in (None, ''):
        try:
            end_day, end_time = weekly_end(start_day, start_time, int(item['minutes']))
        except (TypeError, ValueError, AttributeError):
            end_day, end_time = None, None
    else:
        end_day, end_time = parse_day(item.get('end_day')), clock(item.get('end_time'))
    return (start_day, start_time, end_day, end_time)


def is_weekly(item):
    return item.get('persistent') in (True, 'true') or item.get('start_day') not in (None, '')


def usable(objects):
    """The objects with an id that are not being deleted (a module's results hold those too)."""
    return [obj for obj in objects or [] if isinstance(obj, dict) and obj.get('id') not in (None, '')
            and obj.get('action') != 'delete' and not obj.get('failed')]


class Known(object):
    """Monitor and recipient ids by name (None where a name is unknown or ambiguous)."""

    def __init__(self, monitors, recipients):
        self.monitors, self.recipients, self.labels = {}, {}, {}
        for obj in usable(monitors):
            key = (obj.get('type'), obj.get('name'))
            self.monitors[key] = None if key in self.monitors else str(obj.get('id'))
            self.labels[('m', str(obj.get('id')))] = '%s monitor %s' % (obj.get('type'), obj.get('name'))
        for obj in usable(recipients):
            key = obj.get('name')
            self.recipients[key] = None if key in self.recipients else str(obj.get('id'))
            self.labels[('r', str(obj.get('id')))] = 'recipient %s' % obj.get('name')

    def targets(self, definition):
        """The ids of the definition's targets, or None when one of them is not known."""
        notifier = api_type(definition.get('type')) == 'Notifier'
        items = definition.get('recipients' if notifier else 'monitors') or []
        ids = []
        for item in items:
            if not isinstance(item, dict):
                return None
            if item.get('id') not in (None, ''):
                ids.append(str(item['id']))
            elif notifier:
                ids.append(self.recipients.get(item.get('name')))
            else:
                ids.append(self.monitors.get((item.get('type'), item.get('name'))))
        return None if not ids or None in ids else ids

    def label(self, kind, assoc_id):
        letter = 'r' if kind == 'Notifier' else 'm'
        return self.labels.get((letter, str(assoc_id)), '%s %s' % ('recipient' if letter == 'r' else 'monitor', assoc_id))


def schedule_label(item):
    if is_weekly(item):
        start_day, start_time, end_day, end_time = weekly_of(item)
        text = 'weekly %s %s - %s %s' % (day_text(start_day), start_time, day_text(end_day), end_time)
    else:
        text = 'once %s - %s' % (as_date(item.get('from_date')), as_date(item.get('thru_date')))
    return text + (' %r' % item['note'] if item.get('note') else '')


def window_matches(definition, window):
    """Whether ``window`` (listed) is the one ``definition`` stands for, and the names of the options that differ."""
    if is_weekly(definition) != is_weekly(window):
        return False, []
    if is_weekly(definition):
        if weekly_of(definition) != weekly_of(window):
            return False, []
        differs = definition.get('note') is not None and (definition.get('note') or '') != (window.get('note') or '')
        return True, ['note'] if differs else []
    dates = [key for key in ('from_date', 'thru_date') if as_date(definition.get(key)) != as_date(window.get(key))]
    if definition.get('note'):
        return (window.get('note') or '') == definition['note'], dates
    return not dates, []


def ended(window, now):
    return not is_weekly(window) and now is not None and as_date(window.get('thru_date') or '') <= now


def deletion(window):
    """Options of alertsite_blackout that delete this window."""
    kind = api_type(window.get('type'))
    options = {'state': 'absent', 'type': kind,
               ('recipients' if kind == 'Notifier' else 'monitors'): [{'id': int(window['assoc_id'])}]}
    keys = WEEKLY if is_weekly(window) else ('from_date', 'thru_date', 'note')
    for key in keys:
        if window.get(key) not in (None, ''):
            options[key] = window[key]
    return options


def blackout_drift(definitions, listed, monitors=None, recipients=None, now=None, prune=None):
    if not isinstance(definitions, list) or not isinstance(listed, list):
        raise AnsibleFilterError('blackout_drift takes a list of definitions and a list of blackouts')
    known = Known(monitors, recipients)
    windows = [window for window in listed if isinstance(window, dict) and not ended(window, now)]
    used, objects, todo = set(), [], []
    for position, definition in enumerate(definitions):
        if not isinstance(definition, dict):
            continue
        absent = definition.get('state', 'present') == 'absent'
        kind = api_type(definition.get('type'))
        ids = known.targets(definition)
        if ids is None or definition.get('start') not in (None, ''):
            todo.append(position)
            objects.append(dict(name='%s blackout %s' % (kind, schedule_label(definition)), action='unknown', changes=[],
                                definition=position, id=None))
            continue
        for assoc_id in ids:
            found, changes = None, []
            for window in windows:
                if id(window) in used or api_type(window.get('type')) != kind or str(window.get('assoc_id')) != assoc_id:
                    continue
                matched, changes = window_matches(definition, window)
                if matched:
                    found = window
                    break
            if absent:
                action, changes = ('none' if found is None else 'delete'), []
            else:
                action = 'create' if found is None else ('update' if changes else 'none')
            if found is not None:
                used.add(id(found))
            if action != 'none' and position not in todo:
                todo.append(position)
            objects.append(dict(name='%s blackout of %s, %s' % (kind, known.label(kind, assoc_id), schedule_label(definition)),
                                action=action, changes=changes if found is not None else [], definition=position,
                                id=None if found is None else found.get('id')))
    pattern = re.compile('|'.join('(?:%s)' % item for item in prune)) if prune else None
    deletions = []
    for window in windows:
        if id(window) in used or pattern is None or not pattern.match(window.get('note') or ''):
            continue
        kind = api_type(window.get('type'))
        objects.append(dict(name='%s blackout of %s, %s' % (kind, known.label(kind, window.get('assoc_id')), schedule_label(window)),
                            action='delete', changes=[], definition=None, id=window.get('id')))
        deletions.append(dict(label=objects[-1]['name'], options=deletion(window)))
    return dict(objects=objects, todo=sorted(todo), deletions=deletions)


class FilterModule(object):
    def filters(self):
        return {'blackout_drift': blackout_drift}
