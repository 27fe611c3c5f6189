# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Blackouts (maintenance windows) in the AlertSite API simulator (reference section 8).

``GET /blackouts`` (filters ``type``, ``assoc_id``, ``persistent=true`` for recurring ones only, ``limit``,
``offset``, ``select``), ``GET``/``PATCH``/``DELETE /blackouts/{id}``, ``POST /blackouts``.

* ``type`` is ``Monitor`` or ``Alert`` (``assoc_id`` a monitor id) or ``Notifier`` (a recipient id); an unknown
  ``assoc_id`` is refused (400). A seeded ``Recipient`` blackout counts as ``Notifier``.
* One-time windows (``persistent: false``) need ``from_date`` and ``thru_date`` ("YYYY-MM-DD HH:MM:SS"), both in
  the future, ``from_date`` before ``thru_date``; recurring ones (``persistent: true``) need ``start_day`` and
  ``end_day`` (1-7, Sunday = 1) and ``start_time`` and ``end_time`` ("hh:mm"). The fields of the other kind must
  be absent or null. ``persistent`` may be omitted: it is inferred from the fields given. A recurring window may
  wrap the week or midnight (the reference does not say it may not).
* ``note`` up to 255 characters or null; ``login`` (the user of the token) and ``date_added`` (ISO 8601, UTC) are
  filled by the server. Unknown fields are refused (400 ``unknown field``).
* PATCH works on recurring blackouts only (400 for a one-time one) and takes ``assoc_id``, ``type``, the
  recurring fields and ``note``. DELETE refuses one-time windows that already ended (400).
* Dates are read in UTC against the simulator's clock (real UTC time moved forward by ``/_sim/clock``);
  the time zone of the real API is not documented.
* The monitors and recipients show the ids of their blackouts (strings) in ``blackout_ids``; deleting a monitor
  or a recipient deletes its blackouts.
"""

import datetime
import re

from sim_dialects import RECIPIENT_TYPE
from sim_store import ApiError, Errors, ObjectKind, int_param, is_blank, screen_body

BLACKOUT_TYPES = ('Monitor', 'Alert', 'Notifier')
MONITOR_TYPES = ('Monitor', 'Alert')
# "Recipient" appears for a recipient blackout in one vendor example
RECIPIENT_TYPES = ('Notifier', 'Recipient')
ONE_TIME_FIELDS = ('from_date', 'thru_date')
RECURRING_FIELDS = ('start_day', 'start_time', 'end_day', 'end_time')
FIELD_TYPES = {
    'assoc_id': 'int', 'type': 'string', 'persistent': 'bool', 'from_date': 'string', 'thru_date': 'string',
    'start_day': 'int', 'end_day': 'int', 'start_time': 'string', 'end_time': 'string', 'note': 'string',
}
EDIT_TYPES = dict((key, FIELD_TYPES[key]) for key in ('assoc_id', 'type', 'note') + RECURRING_FIELDS)
NULLABLE = frozenset(ONE_TIME_FIELDS + RECURRING_FIELDS + ('note',))
DATE_FORMAT = '%Y-%m-%d %H:%M:%S'
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$')
TIME_RE = re.compile(r'^([01]\d|2[0-3]):[0-5]\d$')
NOTE_MAX = 255
EMPTY = dict((key, None) for key in ONE_TIME_FIELDS + RECURRING_FIELDS + ('note',))


def parse_date(value):
    """The datetime of a "YYYY-MM-DD HH:MM:SS" string, or None when it is not one."""
    if not isinstance(value, str) or not DATE_RE.match(value):
        return None
    try:
        return datetime.datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        return None


def check_field(key, value, data, errors):  # pylint: disable=unused-argument
    """The format rules of one blackout field (its type is already right)."""
    if key in ONE_TIME_FIELDS and parse_date(value) is None:
        errors.add('%s must be a date and time "YYYY-MM-DD HH:MM:SS"' % key, [key])
    elif key in ('start_day', 'end_day') and not 1 <= value <= 7:
        errors.add('%s must be between 1 (Sunday) and 7 (Saturday)' % key, [key])
    elif key in ('start_time', 'end_time') and not TIME_RE.match(value):
        errors.add('%s must be a time "hh:mm"' % key, [key])
    elif key == 'type' and value not in BLACKOUT_TYPES:
        errors.add('type must be one of %s' % ', '.join(BLACKOUT_TYPES), [key])
    elif key == 'note' and len(value) > NOTE_MAX:
        errors.add('note must be at most %d characters' % NOTE_MAX, [key])


def given(data, keys):
    """The keys of ``data`` among ``keys`` that hold a value (not None)."""
    return [key for key in keys if data.get(key) is not None]


def is_past(record, now):
    """True for a one-time blackout whose window has ended."""
    thru = parse_date(record.get('thru_date'))
    return not record.get('persistent') and thru is not None and thru <= now


class Blackouts(ObjectKind, path='blackouts', first_id=300001):
    """Monitor, alert and recipient blackouts."""

    def validate(self, body, stored=None):
        errors = Errors()
        if stored is not None:
            return self.validate_edit(body, stored, errors)
        data = screen_body(body, FIELD_TYPES, errors, lenient=self.lenient, required=('assoc_id', 'type'),
                           nullable=NULLABLE, check=check_field)
        if data.get('persistent') is None:
            data['persistent'] = self.infer_persistent(data, errors)
        if data['persistent'] is True:
            self.check_kind_fields(data, errors, RECURRING_FIELDS, ONE_TIME_FIELDS, 'recurring')
        elif data['persistent'] is False:
            self.check_one_time(data, errors)
        if not errors:
            self.check_assoc(data, errors)
        errors.raise_any()
        return data

    def validate_edit(self, body, stored, errors):
        """The rules of a PATCH: recurring blackouts only, editable fields only."""
        if not stored.get('persistent'):
            raise ApiError(400, 'Only recurring (persistent) blackouts can be modified; delete a one-time blackout '
                                'and create it again')
        fixed = sorted(key for key in body if key in FIELD_TYPES and key not in EDIT_TYPES)
        if fixed:
            errors.add('cannot be modified', fixed)
        data = screen_body(body, EDIT_TYPES, errors, lenient=self.lenient, nullable=('note',), check=check_field,
                           required=[key for key in ('assoc_id', 'type') + RECURRING_FIELDS if key in body],
                           ignored=fixed)
        if not errors:
            self.check_assoc(dict(stored, **data), errors)
        errors.raise_any()
        return data

    @staticmethod
    def infer_persistent(data, errors):
        """``persistent`` from the fields given (True, False, or None with an error)."""
        one_time, recurring = given(data, ONE_TIME_FIELDS), given(data, RECURRING_FIELDS)
        if one_time and not recurring:
            return False
        if recurring and not one_time:
            return True
        errors.add('persistent cannot be inferred: give from_date and thru_date (one-time) or start_day, start_time, '
                   'end_day and end_time (recurring)', ['persistent'] + one_time + recurring)
        return None

    @staticmethod
    def check_kind_fields(data, errors, needed, other, label):
        """A new window of one kind needs its ``needed`` fields and none of the ``other`` kind's."""
        missing = [key for key in needed if is_blank(data.get(key))]
        if missing:
            errors.add('required and is empty', missing)
        extra = given(data, other)
        if extra:
            errors.add('not allowed for a %s blackout' % label, extra)

    def check_one_time(self, data, errors):
        """The rules of a new one-time window."""
        self.check_kind_fields(data, errors, ONE_TIME_FIELDS, RECURRING_FIELDS, 'one-time')
        start, end = parse_date(data.get('from_date')), parse_date(data.get('thru_date'))
        now = self.sim.now()
        for key, value in (('from_date', start), ('thru_date', end)):
            if value is not None and value <= now:
                errors.add('%s must be in the future' % key, [key])
        if start is not None and end is not None and start >= end:
            errors.add('from_date must be before thru_date', ['from_date', 'thru_date'])

    def check_assoc(self, merged, errors):
        """``assoc_id`` must name an existing monitor (Monitor, Alert) or recipient (Notifier)."""
        if merged.get('type') in MONITOR_TYPES:
            label, kind = 'monitor', self.sim.kinds.get('monitors')
        else:
            label, kind = 'recipient', self.sim.kinds.get('recipients')
        if kind is None or kind.find(merged['assoc_id']) is None:
            errors.add('unknown %s id %s' % (label, merged['assoc_id']), ['assoc_id'])

    def new_fields(self, fields, request):
        record = dict(EMPTY, **fields)
        record['login'] = request.user
        record['date_added'] = self.sim.now().strftime('%Y-%m-%dT%H:%M:%SZ')
        return record

    def seed_fields(self, item):
        record = dict(EMPTY, login='demo', date_added=self.sim.now().strftime('%Y-%m-%dT%H:%M:%SZ'))
        record.update(dict((key, value) for key, value in item.items() if key != 'id'))
        if record.get('persistent') is None:
            record['persistent'] = bool(given(record, RECURRING_FIELDS)) and not given(record, ONE_TIME_FIELDS)
        return record

    def view(self, record):
        order = ('id', 'assoc_id', 'type', 'persistent') + ONE_TIME_FIELDS + RECURRING_FIELDS + ('note', 'login', 'date_added')
        result = dict((key, record.get(key)) for key in order)
        result.update(record)
        if RECIPIENT_TYPE in self.sim.dialects and result['type'] in RECIPIENT_TYPES:
            result['type'] = 'Recipient'
        return result

    def filters(self, query):
        wanted_type = query.get('type', '')
        if wanted_type in RECIPIENT_TYPES:
            wanted_types = RECIPIENT_TYPES
        else:
            wanted_types = (wanted_type,) if wanted_type else None
        assoc_id = int_param(query, 'assoc_id')
        recurring_only = query.get('persistent', '').lower() == 'true'

        def keep(record):
            return ((wanted_types is None or record.get('type') in wanted_types)
                    and (assoc_id is None or record.get('assoc_id') == assoc_id)
                    and (not recurring_only or record.get('persistent') is True))
        return keep

    def api_delete(self, request, record_id):
        if is_past(self.require(record_id), self.sim.now()):
            raise ApiError(400, 'Past one-time blackouts cannot be deleted: this window ended at %s'
                           % self.records[record_id]['thru_date'])
        return super().api_delete(request, record_id)

    def of(self, kind_path, assoc_ids):
        """The blackouts of these monitors (``kind_path`` ``monitors``) or recipients (``recipients``)."""
        types = {'monitors': MONITOR_TYPES, 'recipients': RECIPIENT_TYPES}.get(kind_path, ())
        return [record for record in self.ordered() if record.get('type') in types and record.get('assoc_id') in assoc_ids]

    def ids_for(self, kind_path, assoc_id):
        """The ids (strings) of the blackouts of a monitor or recipient."""
        return [str(record['id']) for record in self.of(kind_path, [assoc_id])]

    def forget_for(self, kind_path, record_ids):
        """Deleting monitors or recipients deletes their blackouts."""
        self.forget([record['id'] for record in self.of(kind_path, record_ids)])
