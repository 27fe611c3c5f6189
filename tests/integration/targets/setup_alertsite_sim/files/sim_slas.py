# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""SLAs in the AlertSite API simulator (reference section 14).

``GET /slas`` (``monitor_id``, ``select``; paged like every list), ``GET``/``PATCH``/``DELETE /slas/{id}``,
``POST /slas``, ``POST /slas/bulk-edit``.

* One SLA per monitor: a create for a monitor that has one, or for an unknown monitor, is refused (400).
  ``monitor_id`` is required on create and ignored by a PATCH. ``name``, ``availability`` and ``response_time``
  are required on create; ``description`` defaults to the monitor's name.
* ``availability`` and ``uptime``: 0 < x <= 100, rounded to 3 decimals; ``response_time`` and
  ``secondary_response_time``: 0 <= x <= 300, rounded to 2 decimals.
* ``operating_periods`` and ``exclusions`` are replaced whole by a PATCH; every item gets a new id. A new SLA has
  the one 24x7 period. Exclusions: ``from_date`` < ``thru_date`` (``YYYY-MM-DD HH:MM:SS``), ``location_id`` null
  or one of the monitor's locations, ``note`` at most 255 characters.
* ``GET /slas?monitor_id=`` answers the list envelope (this simulator's reading; the dialects
  ``sla-filter-object`` and ``sla-filter-404`` give the bare object or 404 instead); the monitor's ``has_sla`` and
  ``sla_id`` follow its SLA. With ``sla-no-fullpage`` no monitor is a full-page one: ``use_fullpage_time`` is
  accepted and never shown.
* ``POST /slas/bulk-edit`` with ``update_exclusions`` and ``update_exclusions_action: append`` appends the
  exclusions to every listed monitor's SLA (``update``: replaces them); a monitor without an SLA rejects the whole
  request (400). It answers 200 ``{}``.
"""

import copy
import datetime

from sim_dialects import SLA_FILTER_404, SLA_FILTER_OBJECT, SLA_NO_FULLPAGE
from sim_store import ApiError, Errors, ObjectKind, Reply, int_param, screen_body, select_fields

FIELD_TYPES = {
    'monitor_id': 'int', 'name': 'string', 'description': 'string', 'availability': 'any', 'uptime': 'any',
    'response_time': 'any', 'secondary_response_time': 'any', 'use_fullpage_time': 'bool',
    'operating_periods': 'list', 'exclusions': 'list',
}
RANGES = {'availability': (False, 100, 3), 'uptime': (False, 100, 3), 'response_time': (True, 300, 2),
          'secondary_response_time': (True, 300, 2)}
ALWAYS = {'exclude': False, 'from_day': 1, 'from_time': '00:00', 'thru_day': 7, 'thru_time': '23:59'}
DATE_FORMAT = '%Y-%m-%d %H:%M:%S'


def number_error(key, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 'invalid type: expected a number'
    zero_ok, top, dummy = RANGES[key]
    if value < 0 or (value == 0 and not zero_ok) or value > top:
        return 'out of range'
    return None


def time_ok(value):
    try:
        datetime.datetime.strptime(value, '%H:%M')
    except (TypeError, ValueError):
        return False
    return len(value) == 5


def date_of(value):
    try:
        return datetime.datetime.strptime(value, DATE_FORMAT)
    except (TypeError, ValueError):
        return None


class Slas(ObjectKind, path='slas', first_id=700001):
    """SLAs, one per monitor."""

    def __init__(self, sim):
        super().__init__(sim)
        self.next_item_id = 1

    def item_id(self):
        self.next_item_id += 1
        return self.next_item_id - 1

    def monitor(self, monitor_id):
        return self.sim.kinds['monitors'].records.get(monitor_id)

    def check_period(self, item):
        if not isinstance(item, dict):
            return 'every operating period must be an object'
        days = [item.get('from_day'), item.get('thru_day')]
        if not all(isinstance(day, int) and not isinstance(day, bool) and 1 <= day <= 7 for day in days):
            return 'from_day and thru_day must be 1-7'
        if not (time_ok(item.get('from_time')) and time_ok(item.get('thru_time'))):
            return 'from_time and thru_time must be hh:mm'
        if not isinstance(item.get('exclude', False), bool):
            return 'exclude must be a boolean'
        return None

    def check_exclusion(self, item, monitor):
        if not isinstance(item, dict):
            return 'every exclusion must be an object'
        start, end = date_of(item.get('from_date')), date_of(item.get('thru_date'))
        if start is None or end is None:
            return 'from_date and thru_date must be YYYY-MM-DD HH:MM:SS'
        if start >= end:
            return 'from_date must be earlier than thru_date'
        location = item.get('location_id')
        held = [entry.get('id') for entry in (monitor or {}).get('locations') or []]
        if location is not None and location not in held:
            return 'location_id %r is not a location of the monitor' % (location,)
        if len(item.get('note') or '') > 255:
            return 'note must be at most 255 characters'
        return None

    def stored_items(self, key, items, monitor, errors):
        check = self.check_period if key == 'operating_periods' else (lambda item: self.check_exclusion(item, monitor))
        for item in items:
            problem = check(item)
            if problem:
                errors.add(problem, [key])
                return None
        keys = ALWAYS if key == 'operating_periods' else ('from_date', 'thru_date', 'location_id', 'note')
        return [dict(dict((name, item.get(name, ALWAYS.get(name) if key == 'operating_periods' else None))
                          for name in keys), id=self.item_id()) for item in items]

    def check_field(self, monitor):
        def check(key, value, data, errors):
            if key in RANGES:
                problem = number_error(key, value)
                if problem:
                    errors.add(problem, [key])
                else:
                    data[key] = round(value, RANGES[key][2])
            elif key in ('name', 'description') and not value.strip():
                errors.add('must be non-empty', [key])
            elif key in ('operating_periods', 'exclusions'):
                data[key] = self.stored_items(key, value, monitor, errors)
        return check

    def validate(self, body, stored=None):
        errors = Errors()
        body = dict(body)
        if stored is not None:
            body.pop('monitor_id', None)  # cannot be changed: ignored
            monitor = self.monitor(stored['monitor_id'])
        else:
            monitor = self.monitor(body.get('monitor_id'))
        required = [] if stored is not None else ['monitor_id', 'name', 'availability', 'response_time']
        data = screen_body(body, FIELD_TYPES, errors, lenient=self.lenient, required=required,
                           check=self.check_field(monitor))
        if stored is None and not errors:
            if monitor is None:
                errors.add('monitor %r does not exist' % body.get('monitor_id'), ['monitor_id'])
            elif any(record['monitor_id'] == body['monitor_id'] for record in self.records.values()):
                errors.add('the monitor already has an SLA', ['monitor_id'])
        errors.raise_any()
        return data

    def new_fields(self, fields, request):
        monitor = self.monitor(fields['monitor_id'])
        defaults = {'description': monitor.get('name', ''), 'secondary_response_time': 0, 'uptime': 99,
                    'use_fullpage_time': False, 'exclusions': [], 'operating_periods': [dict(ALWAYS, id=self.item_id())]}
        return dict(defaults, **fields)

    def after_write(self, record):
        monitor = self.monitor(record['monitor_id'])
        if monitor is not None:
            monitor['has_sla'], monitor['sla_id'] = True, record['id']

    def forget(self, record_ids):
        for record_id in record_ids:
            monitor = self.monitor((self.records.get(record_id) or {}).get('monitor_id'))
            if monitor is not None:
                monitor['has_sla'], monitor['sla_id'] = False, None
        super().forget(record_ids)

    def forget_for(self, kind_path, record_ids):
        if kind_path == 'monitors':  # a monitor's SLA goes with it (inferred)
            gone = set(record_ids)
            for record_id in [key for key, record in self.records.items() if record['monitor_id'] in gone]:
                self.records.pop(record_id, None)

    def filters(self, query):
        monitor_id = int_param(query, 'monitor_id')
        return lambda record: monitor_id is None or record['monitor_id'] == monitor_id

    def seed_fields(self, item):
        fields = dict((key, copy.deepcopy(item[key])) for key in FIELD_TYPES if key in item)
        fields.setdefault('operating_periods', [dict(ALWAYS, id=self.item_id())])
        for key in ('operating_periods', 'exclusions'):
            fields[key] = [dict(entry, id=entry.get('id') or self.item_id()) for entry in fields.get(key) or []]
        return dict({'name': '', 'availability': 99, 'response_time': 5, 'secondary_response_time': 0,
                     'uptime': 99, 'use_fullpage_time': False, 'description': ''}, **fields)

    def view(self, record):
        monitor = self.monitor(record['monitor_id']) or {}
        shown = copy.deepcopy(record)
        shown['monitor_name'] = monitor.get('name')
        shown['uptime_allowed'] = monitor.get('mode') == 'SLA'
        shown['use_fullpage_time_allowed'] = False
        if SLA_NO_FULLPAGE in self.sim.dialects:
            shown.pop('use_fullpage_time', None)
        for item in shown.get('exclusions') or []:
            item['location_description'] = '-- All --' if item.get('location_id') is None else 'location %s' % item['location_id']
        return shown

    # -- bulk edit ------------------------------------------------------------------------------------------

    def api_bulk_edit(self, request):
        """POST /slas/bulk-edit: exclusions appended to (or replacing) those of every listed monitor's SLA."""
        body = request.object_body()
        monitors = body.get('monitors')
        if not isinstance(monitors, list) or not monitors:
            raise ApiError(400, 'monitors: required and is empty', fields=['monitors'])
        if not any(body.get(flag) is True for flag in ('update_sla_objectives', 'update_operating_periods',
                                                       'update_exclusions')):
            raise ApiError(400, 'at least one of the update_* fields must be true')
        if body.get('update_sla_objectives') or body.get('update_operating_periods'):
            raise ApiError(400, 'this simulator edits exclusions only')
        action = body.get('update_exclusions_action')
        if action not in ('append', 'update'):
            raise ApiError(400, 'update_exclusions_action must be append or update', fields=['update_exclusions_action'])
        by_monitor = dict((record['monitor_id'], record) for record in self.records.values())
        lacking = [monitor_id for monitor_id in monitors if monitor_id not in by_monitor]
        if lacking:
            raise ApiError(400, 'monitors without an SLA: %s' % lacking, fields=['monitors'])
        prepared = []
        for monitor_id in monitors:
            errors = Errors()
            items = self.stored_items('exclusions', body.get('exclusions') or [], self.monitor(monitor_id), errors)
            errors.raise_any()
            prepared.append((by_monitor[monitor_id], items))
        for record, items in prepared:
            record['exclusions'] = (record.get('exclusions') or [] if action == 'append' else []) + items
        return Reply(200, {})

    def api_list(self, request):
        """GET /slas; with ``monitor_id`` under the dialects ``sla-filter-object`` or ``sla-filter-404``: the bare
        SLA or 404 (no SLA) instead of the list envelope."""
        monitor_id = int_param(request.query, 'monitor_id')
        dialect = set([SLA_FILTER_OBJECT, SLA_FILTER_404]) & self.sim.dialects
        if monitor_id is None or not dialect:
            return super().api_list(request)
        found = [record for record in self.ordered() if record['monitor_id'] == monitor_id]
        if not found:
            raise ApiError(404, 'monitor %s has no SLA' % monitor_id)
        if SLA_FILTER_OBJECT in dialect:
            return Reply(200, select_fields(self.view(found[0]), request.query))
        return super().api_list(request)

    def routes(self, parts):
        if parts == ['bulk-edit']:
            return {'POST': self.api_bulk_edit}
        return super().routes(parts)
