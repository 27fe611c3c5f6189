# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The site-status report (``GET /report-sitestatus``) read as one status per monitor: the declaration of
``alertsite_monitor_status_info`` (:data:`SITE_STATUS`, its filters) and what turns the report's rows into
monitors.

The decisions for what the vendor does not document are those of the API reference (section 12 and "Decisions
for the unknowns"): the monitors are listed once (names resolved, and every row named); the report is asked
for with ``monitors=<ids>`` (at most 100 a request) or for all; a row belongs to a monitor by ``monitor_id``,
else ``obj_device``, else ``device_name`` (a name two monitors share is never guessed); several rows of one
monitor are OK only together; ``last_status`` ``"0"``/``0`` is OK; ``dt_last_status`` is returned in ISO 8601.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re
from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.monitor_tests import pick_monitors
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, ResourceKind, namesakes_message

REPORT_PATH = '/report-sitestatus'
IDS_PER_REQUEST = 100
ROW_ID_KEYS = ('monitor_id', 'obj_device')
API_DATE = re.compile(r'^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$')
ISO_DATE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$')

SITE_STATUS = ResourceKind(noun='monitor', module='alertsite_monitor_status_info', fields=[Field('name')],
                           list_path=REPORT_PATH, item_path=REPORT_PATH, result_key='monitor')


def reference_spec():
    return dict(type='list', elements='dict', options=OrderedDict([
        ('id', dict(type='int')), ('name', dict(type='str')), ('type', dict(type='str', choices=list(API_TYPES)))]))


# -- one row ---------------------------------------------------------------------------------------------------

def is_ok(status):
    """``"0"`` and ``0`` are OK; anything else is not, and null or ``""`` is unknown (not OK)."""
    return not isinstance(status, bool) and as_int(status) == 0 and str(status).strip() == '0'


def iso_time(value, warn):
    """``dt_last_status`` in ISO 8601: ``YYYY-MM-DD HH:MM:SS`` becomes ``YYYY-MM-DDTHH:MM:SS`` (no offset: the API's
    time zone is not documented); ISO 8601 is kept; anything else is passed on, with a warning."""
    if value in (None, ''):
        return None
    text = str(value)
    match = API_DATE.match(text)
    if match:
        return '%sT%s' % match.groups()
    if not ISO_DATE.match(text):
        warn('dt_last_status %r of the site-status report is not a date and time YYYY-MM-DD HH:MM:SS; returned as '
             'it is' % text)
    return text


def row_monitor_id(row):
    for key in ROW_ID_KEYS:
        if row.get(key) not in (None, ''):
            return str(as_int(row[key]))
    return None


# -- rows to monitors ------------------------------------------------------------------------------------------

def assign_rows(rows, by_name):
    """``(rows by monitor id, names seen only in rows without an id that several monitors share)``."""
    assigned, ambiguous = OrderedDict(), {}
    for row in rows:
        monitor_id = row_monitor_id(row)
        if monitor_id is None:
            namesakes = by_name.get(row.get('device_name'), [])
            if len(namesakes) > 1:
                ambiguous[row.get('device_name')] = namesakes
                continue
            monitor_id = str(namesakes[0].get('id')) if namesakes else None
        if monitor_id is not None:
            assigned.setdefault(monitor_id, []).append(row)
    return assigned, ambiguous


def status_of(monitor, rows, warn):
    """One monitor's status from its rows: OK only if every row is OK; the first non-OK row's code and
    description; the latest time of a check."""
    status = OrderedDict([('id', as_int(monitor.get('id'))), ('name', monitor.get('name')), ('type', monitor.get('type'))])
    if not rows:
        warn("the site-status report has no row for %s monitor '%s' (id %s)"
             % (monitor.get('type'), monitor.get('name'), monitor.get('id')))
        return dict(status, status=None, status_desc=None, info_msg=None, last_check=None, ok=False)
    bad = [row for row in rows if not is_ok(row.get('last_status'))]
    shown = bad[0] if bad else rows[0]
    times = [iso_time(row.get('dt_last_status'), warn) for row in rows]
    return dict(status, status=shown.get('last_status'), status_desc=shown.get('last_status_desc'),
                info_msg=shown.get('info_msg'), last_check=max([time for time in times if time] or [None]), ok=not bad)


def wanted_monitors(index, refs, object_id):
    """The monitors the task reports on, each once: those named (by id or name and type), or every one."""
    if object_id is not None:
        return pick_monitors(index, [{'id': object_id}], None)
    return pick_monitors(index, refs) if refs else list(index.objects)


def read_rows(client, monitors, every):
    """The report's rows: for every monitor (one paged listing), or for these, 100 ids a request."""
    if every:
        return client.get_all(REPORT_PATH)
    ids = [str(monitor.get('id')) for monitor in monitors]
    rows = []
    for start in range(0, len(ids), IDS_PER_REQUEST):
        rows.extend(client.get_all(REPORT_PATH, {'monitors': ','.join(ids[start:start + IDS_PER_REQUEST])}))
    return rows


def gather(client, object_id, context, warn):
    """Every monitor the task reports on, with its status: one listing of the monitors, then the report."""
    refs = context.get('monitors')
    index = Index.load(client, ANY_MONITOR)
    monitors = wanted_monitors(index, refs, object_id)
    rows = read_rows(client, monitors, every=object_id is None and not refs) if monitors else []
    by_name = {}
    for monitor in index.objects:
        by_name.setdefault(monitor.get('name'), []).append(monitor)
    assigned, ambiguous = assign_rows(rows, by_name)
    for monitor in monitors:
        namesakes = ambiguous.get(monitor.get('name'))
        if namesakes and str(monitor.get('id')) not in assigned:
            raise InputError('the site-status report names monitors only by name, and %s' % namesakes_message(
                'monitor', monitor.get('name'), namesakes, 'rename them to tell their statuses apart'))
    return [status_of(monitor, assigned.get(str(monitor.get('id')), []), warn) for monitor in monitors]
