# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: drift_report
short_description: A drift report, as data, JSON-ready and JUnit XML, from check-mode runs of the resource modules
version_added: 2.0.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Turns the results of check-mode runs of M(community.alertsite.alertsite_recipients),
    M(community.alertsite.alertsite_monitors), M(community.alertsite.alertsite_recipient_groups) and
    M(community.alertsite.alertsite_blackouts) into one report -
    one entry per object with its kind, its action (V(create), V(update), V(delete), V(none), V(error),
    V(unknown)) and the names of the options that differ, a summary per kind, and a JUnit XML text with one test
    case per object (class name the kind), failed when the object drifts.
  - The report holds names of objects and of options, never a value, so no secret can be in it.
  - Used by the playbook C(community.alertsite.drift).
options:
  _input:
    description:
      - The registered results by kind, a dictionary with the keys C(recipients), C(monitors), C(recipient_groups)
        and C(blackouts), each the registered result of the module's task. A kind left out is not reported.
    type: dict
    required: true
  prune:
    description:
      - Per kind, the patterns of the names whose extra objects count as drift (to delete), matched at the start of
        the name (for blackouts, of the note). The deletions a module reports for other names are left out of the
        report. A kind left out keeps every deletion the module reports.
    type: dict
    default: {}
  blackouts_listed:
    description:
      - The blackouts as M(community.alertsite.alertsite_blackout_info) lists them, to name the windows of the
        blackouts module's results by type, target, schedule and note (its results name a window by its target's
        id, and hold no window for one to delete), and to match the notes of the windows to delete with the
        C(blackouts) patterns of O(prune).
    type: list
    elements: dict
  suite:
    description: The name of the JUnit test suites.
    type: str
    default: alertsite drift
'''

EXAMPLES = r'''
- name: Make the report
  ansible.builtin.set_fact:
    report: >-
      {{ {'recipients': recipients_check, 'monitors': monitors_check, 'recipient_groups': groups_check,
          'blackouts': blackouts_check} | community.alertsite.drift_report(prune=alertsite_alerting_prune) }}
'''

RETURN = r'''
_value:
  description: The report.
  type: dict
  contains:
    drift:
      description: Whether anything drifts (an object to create, update or delete, or an error).
      type: bool
    summary:
      description: Per kind, how many objects are to create, to update, to delete, in sync, in error or not judged.
      type: dict
    objects:
      description: One entry per object - C(kind), C(name), C(type) (monitors), C(id), C(action), C(changes) and C(message).
      type: list
      elements: dict
    junit:
      description: The JUnit XML text, one test case per object.
      type: str
'''

import re
import xml.etree.ElementTree as ET

from ansible.errors import AnsibleFilterError

from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    day_text,
    format_api_date,
    parse_api_date,
    parse_clock,
    parse_day,
)

KINDS = ('recipients', 'monitors', 'recipient_groups', 'blackouts')
ACTIONS = ('create', 'update', 'delete', 'none', 'error', 'unknown')
WORDS = {'create': 'to create', 'update': 'to update', 'delete': 'to delete', 'none': 'in sync', 'error': 'error',
         'unknown': 'not judged'}


def message(action, changes, kind):
    if action == 'create':
        return 'missing from the account: to create'
    if action == 'update':
        return 'differs from the vars file in %s: to update' % ', '.join(changes)
    if action == 'delete':
        return 'not in the vars file: to delete'
    if action == 'unknown':
        return 'cannot be judged without a request of the module (targets by name unknown, or a window from now)'
    return 'in sync'


def pattern_of(patterns):
    return re.compile('|'.join('(?:%s)' % item for item in patterns)) if patterns else None


def module_objects(kind, result, prune, labels=None):
    """Entries from a resource module's registered result (blackouts named by ``labels``)."""
    objects = []
    results = (result or {}).get('results') if isinstance(result, dict) else None
    if results is None:
        if isinstance(result, dict) and (result.get('failed') or result.get('msg')) and not result.get('skipped'):
            return [entry(kind, {'name': '(the task)'}, 'error', [], 'the check failed: %s' % result.get('msg', ''))]
        return []
    scope = pattern_of(prune.get(kind)) if kind in prune else None
    for item in results:
        if not isinstance(item, dict):
            continue
        action = item.get('action', 'none')
        if labels is not None:
            item = labels.relabel(item)
        scoped = item['scope_name'] if 'scope_name' in item else str(item.get('name') or '')
        if action == 'delete' and kind in prune and (scope is None or not scope.match(scoped)):
            continue
        changes = [str(name) for name in item.get('changes') or []]
        if item.get('failed') or item.get('skipped'):
            objects.append(entry(kind, item, 'error', changes, item.get('msg') or 'failed'))
            continue
        if action not in ACTIONS:
            action = 'update' if item.get('changed') else 'none'
        objects.append(entry(kind, item, action, changes, message(action, changes, kind)))
    return objects


# -- names of windows (alertsite_blackouts' results name a window by its target's id) -------------------------------

def api_type(value):
    return 'Notifier' if value in ('Notifier', 'Recipient') else value


def as_date(value):
    moment = parse_api_date(value) if isinstance(value, str) else None
    return format_api_date(moment) if moment else value


def clock(value):
    if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1 reads 22:00 as 1320
        return '%02d:%02d' % divmod(value, 60)
    return parse_clock(value) or value


def schedule_label(window):
    """``weekly Monday 22:00 - Tuesday 02:00 'patching'`` or ``once <from> - <thru> 'note'``."""
    if window.get('persistent') in (True, 'true') or window.get('start_day') not in (None, ''):
        text = 'weekly %s %s - %s %s' % (day_text(parse_day(window.get('start_day'))), clock(window.get('start_time')),
                                         day_text(parse_day(window.get('end_day'))), clock(window.get('end_time')))
    else:
        text = 'once %s - %s' % (as_date(window.get('from_date')), as_date(window.get('thru_date')))
    return text + (' %r' % window['note'] if window.get('note') else '')


class Known(object):
    """How a report names a monitor or recipient by its id, from the results of the monitors and recipients tasks."""

    def __init__(self, monitors, recipients):
        self.labels = {}
        for letter, objects in (('m', monitors), ('r', recipients)):
            for obj in objects or []:
                if isinstance(obj, dict) and obj.get('id') not in (None, '') and obj.get('action') != 'delete' \
                        and not obj.get('failed'):
                    self.labels[(letter, str(obj['id']))] = ('%s monitor %s' % (obj.get('type'), obj.get('name'))
                                                             if letter == 'm' else 'recipient %s' % obj.get('name'))

    def label(self, kind, assoc_id):
        letter = 'r' if kind == 'Notifier' else 'm'
        return self.labels.get((letter, str(assoc_id)), '%s %s' % ('recipient' if letter == 'r' else 'monitor', assoc_id))


class BlackoutLabels(object):
    """Names for the windows of alertsite_blackouts' results (which name a window by its target's id): type, target,
    schedule and note, from the listing of the blackouts (or the window a create would make)."""

    def __init__(self, listed, monitors, recipients):
        self.windows = dict((str(window.get('id')), window) for window in listed or [] if isinstance(window, dict))
        self.known = Known(monitors, recipients)

    def relabel(self, item):
        window = self.windows.get(str(item.get('id'))) if item.get('id') is not None else None
        window = window or item.get('blackout') or {}
        kind = api_type(window.get('type') or item.get('type'))
        target = window.get('assoc_id', item.get('name'))
        name = '%s blackout of %s, %s' % (kind, self.known.label(kind, target), schedule_label(window)) if window else \
            '%s blackout of %s' % (kind, self.known.label(kind, target))
        return dict(item, name=name, type=None, scope_name=window.get('note') or '')


def entry(kind, item, action, changes, text):
    obj = dict(kind=kind, name=str(item.get('name') if item.get('name') is not None else item.get('id')))
    if item.get('type'):
        obj['type'] = item['type']
    obj['id'] = None if item.get('id') is None else str(item['id'])
    obj['action'] = action
    obj['changes'] = changes
    obj['message'] = text
    return obj


def junit(objects, suite):
    suites = ET.Element('testsuites', name=suite)
    totals = dict(tests=0, failures=0, errors=0)
    for kind in KINDS:
        cases = [obj for obj in objects if obj['kind'] == kind]
        if not cases:
            continue
        node = ET.SubElement(suites, 'testsuite', name=kind)
        counts = dict(tests=len(cases), failures=0, errors=0)
        for obj in cases:
            name = '%s/%s' % (obj['type'], obj['name']) if obj.get('type') else obj['name']
            case = ET.SubElement(node, 'testcase', classname=kind, name=name)
            if obj['action'] == 'error':
                counts['errors'] += 1
                ET.SubElement(case, 'error', message=obj['message'], type='error').text = obj['message']
            elif obj['action'] in ('create', 'update', 'delete'):
                counts['failures'] += 1
                failure = ET.SubElement(case, 'failure', message=obj['message'], type=obj['action'])
                fields = ' (fields: %s)' % ', '.join(obj['changes']) if obj['changes'] else ''
                failure.text = '%s %s: %s%s' % (kind, name, obj['message'], fields)
            elif obj['action'] == 'unknown':
                ET.SubElement(case, 'skipped', message=obj['message'])
        for key, value in counts.items():
            node.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    if hasattr(ET, 'indent'):
        ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding='unicode') + '\n'


def drift_report(results, prune=None, suite='alertsite drift', blackouts_listed=None):
    if not isinstance(results, dict):
        raise AnsibleFilterError('drift_report takes a dictionary of results by kind')
    prune = dict((key, list(value or [])) for key, value in (prune or {}).items())
    objects = []
    for kind in KINDS:
        if kind not in results:
            continue
        if kind == 'blackouts':
            labels = BlackoutLabels(blackouts_listed, (results.get('monitors') or {}).get('results'),
                                    (results.get('recipients') or {}).get('results'))
            objects.extend(module_objects(kind, results[kind], prune, labels))
        else:
            objects.extend(module_objects(kind, results[kind], prune))
    summary = {}
    for kind in KINDS:
        if kind in results:
            summary[kind] = dict((WORDS[action].replace(' ', '_'), sum(1 for obj in objects
                                                                       if obj['kind'] == kind and obj['action'] == action))
                                 for action in ACTIONS)
    drift = any(obj['action'] in ('create', 'update', 'delete', 'error') for obj in objects)
    return dict(drift=drift, summary=summary, objects=objects, junit=junit(objects, suite))


class FilterModule(object):
    def filters(self):
        return {'drift_report': drift_report}
