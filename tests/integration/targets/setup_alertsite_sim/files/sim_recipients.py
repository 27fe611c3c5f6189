# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Alert recipients in the AlertSite API simulator (reference section 9).

``GET /recipients`` (filters ``type`` = Availability | Performance, ``method_id``, ``limit``, ``offset``,
``select``), ``GET``/``PATCH``/``DELETE /recipients/{id}``, ``POST /recipients``.

* ``recipient`` is required on create; every other field has a default (``method_id`` 12, availability alerts
  on, performance alerts off, ...), filled in on GET. ``method_id`` must be a documented method; PagerDuty (14)
  cannot be created (nor an existing recipient turned into one). Splunk (15) and ServiceNow (17) need
  ``username`` and ``password``. For the e-mail methods (1, 4, 12) ``recipient`` must look like an e-mail address;
  other formats are not documented and not checked.
* ``password`` is write-only: GET shows ``"password": null``. ``remote_commands`` is editable but, as in the
  vendor's GET example, not shown on GET. Read-only on GET: ``method_description``, ``blackout_ids`` and
  ``notifier_groups`` (ids as strings, null when none). Unknown fields are refused (400 ``unknown field``).
* Deleting a recipient deletes its blackouts and takes it out of every recipient group; a group may be left
  without recipients (the vendor advises checking ``GET /notifier-groups?recipient_id=`` first). Under the dialect
  ``recipient-in-group`` the deletion of a recipient that a group still names is refused (409) instead.
"""

import re

from sim_dialects import RECIPIENT_IN_GROUP
from sim_store import ApiError, Errors, ObjectKind, int_param, screen_body

METHODS = {
    1: 'E-mail (text format)',
    2: 'Alphanumeric (text) pager',
    3: 'Numeric pager (pause after dial method)',
    4: 'E-mail to wireless device',
    5: 'Numeric pager (wait for quiet method)',
    6: 'SMS message',
    8: 'SNMP trap (snmpv1)',
    9: 'SNMP trap (snmpv2c)',
    10: 'POST request to web server',
    11: 'Telephone message (voip)',
    12: 'E-mail (HTML format)',
    14: 'PagerDuty',
    15: 'Splunk',
    16: 'POST JSON request to web server',
    17: 'ServiceNow',
}
PAGERDUTY = 14
EMAIL_METHODS = (1, 4, 12)
CREDENTIAL_METHODS = (15, 17)
EMAIL_RE = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')

FIELD_TYPES = {
    'name': 'string', 'method_id': 'int', 'recipient': 'string', 'username': 'string', 'password': 'string',
    'availability_alert': 'bool', 'notify_on_clear': 'bool', 'attach_screen_capture': 'bool',
    'attach_server_response': 'bool', 'start_threshold': 'int', 'stop_threshold': 'int', 'performance_alert': 'bool',
    'performance_alert_type': 'string', 'repeat_performance_alerts': 'bool', 'remote_commands': 'bool',
}
DEFAULTS = {
    'name': '', 'method_id': 12, 'username': '', 'password': '', 'availability_alert': True, 'notify_on_clear': False,
    'attach_screen_capture': False, 'attach_server_response': False, 'start_threshold': 1, 'stop_threshold': 10,
    'performance_alert': False, 'performance_alert_type': '20', 'repeat_performance_alerts': False,
    'remote_commands': False,
}
HIDDEN_FIELDS = ('password', 'remote_commands')
LIST_TYPES = {'Availability': 'availability_alert', 'Performance': 'performance_alert'}


def check_field(key, value, data, errors):  # pylint: disable=unused-argument
    """The range rules of one recipient field (its type is already right)."""
    if key == 'method_id' and value not in METHODS:
        errors.add('method_id must be one of %s' % ', '.join(str(number) for number in sorted(METHODS)), [key])
    elif key in ('start_threshold', 'stop_threshold') and value < 0:
        errors.add('%s must not be negative' % key, [key])


class Recipients(ObjectKind, path='recipients', first_id=200001):
    """Alert recipients."""

    def validate(self, body, stored=None):
        errors = Errors()
        data = screen_body(body, FIELD_TYPES, errors, lenient=self.lenient, check=check_field,
                           required=['recipient'] if stored is None else [key for key in ('recipient',) if key in body])
        merged = dict(stored or DEFAULTS, **data)
        if not errors:
            if data.get('method_id') == PAGERDUTY:
                errors.add('PagerDuty recipients cannot be created through the API', ['method_id'])
            if merged['method_id'] in EMAIL_METHODS and not EMAIL_RE.match(merged.get('recipient') or ''):
                errors.add('recipient must be an e-mail address for method_id %d' % merged['method_id'], ['recipient'])
            if merged['method_id'] in CREDENTIAL_METHODS:
                missing = [key for key in ('username', 'password') if not merged.get(key)]
                if missing:
                    errors.add('required and is empty', missing)
        errors.raise_any()
        return data

    def new_fields(self, fields, request):
        return dict(DEFAULTS, **fields)

    def seed_fields(self, item):
        fields = dict(DEFAULTS, recipient='')
        fields.update(dict((key, value) for key, value in item.items() if key != 'id'))
        return fields

    def view(self, record):
        result = {'id': record['id']}
        for key in sorted(record):
            if key != 'id' and key not in HIDDEN_FIELDS:
                result[key] = record[key]
        result['password'] = None
        result['method_description'] = METHODS.get(record.get('method_id'), '')
        result['blackout_ids'] = self.sim.kinds['blackouts'].ids_for(self.path, record['id']) or None
        result['notifier_groups'] = self.sim.kinds['notifier-groups'].ids_for(self.path, record['id']) or None
        return result

    def api_delete(self, request, record_id):
        """DELETE /recipients/{id}; under the dialect ``recipient-in-group``, 409 while a group names it."""
        self.require(record_id)
        groups = self.sim.kinds['notifier-groups'].ids_for(self.path, record_id)
        if RECIPIENT_IN_GROUP in self.sim.dialects and groups:
            raise ApiError(409, 'the recipient belongs to recipient groups %s: take it out of them first' % ', '.join(groups))
        return super().api_delete(request, record_id)

    def filters(self, query):
        wanted = query.get('type', '')
        if wanted and wanted not in LIST_TYPES:
            raise ApiError(400, 'type must be Availability or Performance', fields=['type'])
        method_id = int_param(query, 'method_id')

        def keep(record):
            return ((not wanted or record.get(LIST_TYPES[wanted]) is True)
                    and (method_id is None or record.get('method_id') == method_id))
        return keep
