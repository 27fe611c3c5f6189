# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Monitors in the AlertSite API simulator (reference sections 2, 3 and 7).

``GET /monitors`` (filters ``type``, ``limit``, ``offset``, ``select``), ``GET``/``DELETE /monitors/{id}``,
``POST /monitors/<type>`` and ``PATCH /monitors/<type>/{id}`` for the types in ``WRITE_TYPES``. A write checks
the fields of its type (unknown fields, required fields, types, ranges) and answers ``{"id": "<string>"}``;
GET shows the defaults the server filled in, integer ids, locations with their names, and never the
write-only ``email_password``. A PATCH through another type's path is ``404 Record not found``.

Types: ``tcp`` and ``email-imap``/``email-pop``/``email-smtp`` (hostname, port, ipv4, resolve_dns),
``email-round-trip`` (smtp_hostname, pop3_hostname, email, email_username, email_password; interval in minutes
greater than timeout in seconds), ``ping`` (hostname, ipv4, resolve_dns), ``name-server`` (the same plus
name_to_resolve; GET also shows the read-only ``name_to_resolve_id: 0`` and ``port: ""`` of the vendor's example),
``website`` and ``website-ssl`` (url, ipv4, resolve_dns, the full-page and keyword fields; website-ssl also
use_ssl_version and check_ssl_expiration_dates). ``website`` takes only http:// URLs and ``website-ssl`` only
https:// ones (400 naming ``url``, on create and on edit). Undocumented enumerations (keyword_match_type,
check_ssl_expiration_dates, use_ssl_version) take any value of their type. The types ``ftp``/``ftp-ssl``,
``website-api``/``website-ssl-api`` and ``dejaclick`` are rows of :mod:`sim_scripted`.
"""

import copy
from urllib.parse import urlsplit

import sim_scripted
from sim_dialects import NO_EMAIL_USERNAME, NO_TYPE, NUMBERS_AS_STRINGS, numbers_as_strings
from sim_store import ApiError, Errors, Kind, Reply, id_list, is_int, not_found, screen_body, select_fields

LOCATIONS = {
    10: {'name': 'Fort Lauderdale (FL)', 'region': 1},
    20: {'name': 'Atlanta (GA)', 'region': 1},
    30: {'name': 'Dallas (TX)', 'region': 1},
    40: {'name': 'San Francisco (CA)', 'region': 1},
    50: {'name': 'London (UK)', 'region': 2},
    60: {'name': 'Amsterdam (NL)', 'region': 2},
}

# The types that can be created or edited (GET /monitors?type=... filters by any type).
SERVER_TYPES = ('tcp', 'email-imap', 'email-pop', 'email-smtp')
WEBSITE_TYPES = ('website', 'website-ssl')
WRITE_TYPES = SERVER_TYPES + ('email-round-trip', 'ping', 'name-server') + WEBSITE_TYPES + tuple(sim_scripted.FIELDS)

FIELD_TYPES = {
    'billing_plancode': 'string', 'name': 'string', 'mode': 'string', 'note': 'string', 'alert_note': 'string',
    'hostname': 'string', 'ipv4': 'string', 'smtp_hostname': 'string', 'pop3_hostname': 'string', 'email': 'string',
    'email_username': 'string', 'email_password': 'string', 'name_to_resolve': 'string', 'url': 'string',
    'keyword_string': 'string', 'keyword_match_type': 'string', 'check_ssl_expiration_dates': 'string',
    'interval': 'int', 'timeout': 'int', 'home_location': 'int', 'monitor_location_count': 'int', 'port': 'int',
    'fullpage_object_timeout': 'int', 'use_ssl_version': 'int',
    'enabled': 'bool', 'notify_on_error': 'bool', 'retry_on_failure': 'bool', 'rotate_locations': 'bool',
    'traceroute_on_error': 'bool', 'allow_internal_testing': 'bool', 'resolve_dns': 'bool',
    'check_fullpage_missing_objects': 'bool', 'check_fullpage_object_sizes': 'bool', 'notify_on_fullpage_errors': 'bool',
    'keyword_match_invert': 'bool',
    'locations': 'any',
    'custom_properties': 'list',
}
FIELD_TYPES.update(sim_scripted.FIELD_TYPES)
# Fields whose unset value numbers-as-strings shows as "".
NUMBER_FIELDS = (frozenset(key for key, kind in FIELD_TYPES.items() if kind == 'int')
                 | frozenset(('id', 'sla_id', 'name_to_resolve_id')))

COMMON_FIELDS = frozenset((
    'billing_plancode', 'name', 'interval', 'timeout', 'enabled', 'locations', 'home_location', 'mode',
    'monitor_location_count', 'note', 'alert_note', 'notify_on_error', 'retry_on_failure',
    'rotate_locations', 'traceroute_on_error', 'allow_internal_testing', 'custom_properties',
))
SERVER_FIELDS = frozenset(('hostname', 'port', 'ipv4', 'resolve_dns'))
ROUND_TRIP_FIELDS = frozenset(('smtp_hostname', 'pop3_hostname', 'email', 'email_username', 'email_password'))
PING_FIELDS = frozenset(('hostname', 'ipv4', 'resolve_dns'))
WEBSITE_FIELDS = frozenset((
    'url', 'ipv4', 'resolve_dns', 'check_fullpage_missing_objects', 'check_fullpage_object_sizes',
    'fullpage_object_timeout', 'notify_on_fullpage_errors', 'keyword_string', 'keyword_match_type', 'keyword_match_invert',
))
FIELDS = {
    'tcp': COMMON_FIELDS | SERVER_FIELDS,
    'email-imap': COMMON_FIELDS | SERVER_FIELDS,
    'email-pop': COMMON_FIELDS | SERVER_FIELDS,
    'email-smtp': COMMON_FIELDS | SERVER_FIELDS,
    'email-round-trip': COMMON_FIELDS | ROUND_TRIP_FIELDS,
    'ping': COMMON_FIELDS | PING_FIELDS,
    'name-server': COMMON_FIELDS | PING_FIELDS | frozenset(('name_to_resolve',)),
    'website': COMMON_FIELDS | WEBSITE_FIELDS,
    'website-ssl': COMMON_FIELDS | WEBSITE_FIELDS | frozenset(('use_ssl_version', 'check_ssl_expiration_dates')),
}
FIELDS.update((mtype, COMMON_FIELDS | fields) for mtype, fields in sim_scripted.FIELDS.items())
REQUIRED = {
    'tcp': ('billing_plancode', 'name', 'hostname', 'port'),
    'email-imap': ('billing_plancode', 'name', 'hostname'),
    'email-pop': ('billing_plancode', 'name', 'hostname'),
    'email-smtp': ('billing_plancode', 'name', 'hostname'),
    'email-round-trip': ('billing_plancode', 'name', 'smtp_hostname', 'pop3_hostname', 'email'),
    'ping': ('billing_plancode', 'name', 'hostname'),
    'name-server': ('billing_plancode', 'name', 'hostname'),
    'website': ('billing_plancode', 'name', 'url'),
    'website-ssl': ('billing_plancode', 'name', 'url'),
}
REQUIRED.update(sim_scripted.REQUIRED)
# The scheme each website type takes, and the type that takes the other one.
URL_SCHEMES = {'website': ('http', 'website-ssl'), 'website-ssl': ('https', 'website')}
WRITE_ONLY_FIELDS = ('email_password',)

INTERVALS = (1, 2, 3, 4, 5, 10, 15, 20, 30, 60, 120, 180)
MODES = ('Primary', 'Global Notify', 'Global Verify', 'Round Robin', 'SLA')
NOTE_MAX = 255
ALERT_NOTE_MAX = 1000

COMMON_DEFAULTS = {
    'enabled': True,
    'interval': 5,
    'timeout': 30,
    'mode': 'Primary',
    'home_location': 10,
    'locations': [{'id': 10}],
    'monitor_location_count': 1,
    'rotate_locations': False,
    'retry_on_failure': True,
    'notify_on_error': True,
    'traceroute_on_error': False,
    'allow_internal_testing': True,
    'note': '',
    'alert_note': '',
}
READ_ONLY_DEFAULTS = {
    'access_type': 'Edit',
    'blackout_ids': [],
    'custom_properties': [],
    'has_sla': False,
    'sla_id': None,
    'has_performance_alerts': False,
    'has_active_performance_alerts': False,
}
TYPE_DEFAULTS = {
    'tcp': {'resolve_dns': True, 'ipv4': ''},
    'email-imap': {'resolve_dns': True, 'ipv4': '', 'port': 143},
    'email-pop': {'resolve_dns': True, 'ipv4': '', 'port': 110},
    'email-smtp': {'resolve_dns': True, 'ipv4': '', 'port': 25},
    'email-round-trip': {'interval': 15, 'timeout': 300},
    'ping': {'resolve_dns': True, 'ipv4': ''},
    # name_to_resolve_id and port are read-only, as in the vendor's GET example
    'name-server': {'resolve_dns': True, 'ipv4': '', 'name_to_resolve': '', 'name_to_resolve_id': 0, 'port': ''},
    'website': {
        'resolve_dns': True, 'ipv4': '', 'check_fullpage_missing_objects': False, 'check_fullpage_object_sizes': False,
        'fullpage_object_timeout': 30, 'notify_on_fullpage_errors': False, 'keyword_string': '',
        'keyword_match_type': 'Plain Text', 'keyword_match_invert': False,
    },
}
# the only values the vendor documents
TYPE_DEFAULTS['website-ssl'] = dict(TYPE_DEFAULTS['website'], use_ssl_version=2, check_ssl_expiration_dates='Expired')
TYPE_DEFAULTS.update(sim_scripted.TYPE_DEFAULTS)


def locations_problem(value):
    """What is wrong with a ``locations`` value, or None."""
    if not isinstance(value, list):
        return 'invalid type: expected a list of location objects'
    for item in value:
        if not isinstance(item, dict) or 'id' not in item:
            return 'each location must be an object with an id'
        if not is_int(item['id']):
            return 'invalid type: location id must be an integer'
        if item['id'] not in LOCATIONS:
            return 'unknown location id %s' % item['id']
    return None


def check_field(key, value, data, errors):
    """The range and format rules of one monitor field (its type is already right)."""
    if key == 'port' and not 1 <= value <= 65535:
        errors.add('port must be between 1 and 65535', [key])
    elif key == 'interval' and value not in INTERVALS:
        errors.add('interval must be one of %s' % ', '.join(str(i) for i in INTERVALS), [key])
    elif key == 'timeout' and not 1 <= value <= 300:
        errors.add('timeout must be between 1 and 300', [key])
    elif key == 'home_location' and value not in LOCATIONS:
        errors.add('unknown location id %s' % value, [key])
    elif key == 'mode' and value not in MODES:
        errors.add('mode must be one of %s' % ', '.join(MODES), [key])
    elif key == 'note' and len(value) > NOTE_MAX:
        errors.add('note must be at most %d characters' % NOTE_MAX, [key])
    elif key == 'alert_note' and len(value) > ALERT_NOTE_MAX:
        data[key] = value[:ALERT_NOTE_MAX]
    elif key == 'locations':
        problem = locations_problem(value)
        if problem:
            errors.add(problem, [key])
        else:
            data[key] = [{'id': item['id']} for item in value]


def validate_monitor(mtype, body, stored=None, lenient=False):
    """Check a create (``stored`` is None) or edit body of a ``mtype`` monitor; return the cleaned fields or
    raise ApiError."""
    errors = Errors()
    types = dict((key, FIELD_TYPES[key]) for key in FIELDS[mtype])
    required = REQUIRED[mtype] if stored is None else [key for key in ('name',) if key in body]

    def check(key, value, data, errors):
        check_field(key, value, data, errors)
        sim_scripted.check_scripted(mtype, key, value, data, errors)

    data = screen_body(body, types, errors, lenient=lenient, required=required, check=check)
    sim_scripted.check_scripted_body(mtype, data, stored, errors)

    if mtype == 'email-round-trip' and not errors:
        if stored is None:
            known = 'interval' in data and 'timeout' in data
            interval, timeout = data.get('interval'), data.get('timeout')
        else:
            known = 'interval' in data or 'timeout' in data
            interval, timeout = data.get('interval', stored.get('interval')), data.get('timeout', stored.get('timeout'))
        if known and is_int(interval) and is_int(timeout) and not interval * 60 > timeout:
            errors.add('interval (minutes) must be greater than timeout (seconds)', ['interval', 'timeout'])

    if mtype in URL_SCHEMES and isinstance(data.get('url'), str):
        scheme, other = URL_SCHEMES[mtype]
        url = urlsplit(data['url'])
        if url.scheme.lower() != scheme or not url.netloc:
            errors.add('url must be an %s:// URL for a %s monitor (use %s for %s:// URLs)'
                       % (scheme, mtype, other, URL_SCHEMES[other][0]), ['url'])

    errors.raise_any()
    return data


class Monitors(Kind, path='monitors', first_id=100001):
    """The monitors of every type."""

    def defaults(self, mtype):
        """The fields the server fills in for a new ``mtype`` monitor."""
        record = copy.deepcopy(READ_ONLY_DEFAULTS)
        record.update(copy.deepcopy(COMMON_DEFAULTS))
        record.update(copy.deepcopy(TYPE_DEFAULTS.get(mtype, {})))
        return record

    def create(self, mtype, fields, wanted_id=None):
        """Store a new ``mtype`` monitor with its defaults; return its id."""
        record = self.defaults(mtype)
        record.update(copy.deepcopy(fields))
        record['type'] = mtype
        return self.insert(record, wanted_id)

    def seed(self, items):
        """Store monitors without validation (only type and name are needed); return their ids."""
        if not isinstance(items, list):
            raise ApiError(400, 'monitors must be a list', fields=['monitors'])
        for index, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get('type'), str) or not isinstance(item.get('name'), str):
                raise ApiError(400, 'monitor %d needs a type and a name' % index, fields=['type', 'name'])
        ids = []
        for item in items:
            fields = dict((key, value) for key, value in item.items() if key not in ('id', 'type'))
            if 'locations' in fields:
                fields['locations'] = id_list(fields['locations'])
            ids.append(self.create(item['type'], fields, item.get('id')))
        return ids

    def monitor_view(self, record, listing=False):
        """The API view of a stored monitor: write-only fields dropped, locations named, ``blackout_ids`` listing
        its blackouts (strings),
        and the dialects ``no-email-username``, ``numbers-as-strings`` and (in a listing) ``no-type`` applied."""
        result = {'id': record['id'], 'type': record['type']}
        for key in sorted(record):
            if key in ('id', 'type') or key in WRITE_ONLY_FIELDS:
                continue
            value = copy.deepcopy(record[key])
            if key == 'locations' and isinstance(value, list):
                value = [dict(item, **LOCATIONS.get(item.get('id'), {})) for item in value if isinstance(item, dict)]
            result[key] = value
        if 'properties' in self.sim.kinds:
            result['custom_properties'] = self.sim.kinds['properties'].monitor_view(record.get('custom_properties'))
        blackouts = self.sim.kinds.get('blackouts')
        if blackouts is not None:
            result['blackout_ids'] = blackouts.ids_for('monitors', record['id'])
        dialects = self.sim.dialects
        if NO_EMAIL_USERNAME in dialects:
            result.pop('email_username', None)
        if listing and NO_TYPE in dialects:
            result.pop('type', None)
        return result

    def shown(self, record, query, listing=False):
        """The view reduced to ``select``, with numbers as strings under that dialect."""
        result = select_fields(sim_scripted.scripted_view(self.monitor_view(record, listing), query), query)
        if NUMBERS_AS_STRINGS in self.sim.dialects:
            result = numbers_as_strings(result, NUMBER_FIELDS)
        return result

    def filters(self, query):
        types = None
        if query.get('type', '') != '':
            types = set(name.strip() for name in query['type'].split(',') if name.strip())
        return lambda record: types is None or record['type'] in types

    def api_list(self, request):
        """GET /monitors with type, limit, offset (and select) parameters."""
        return self.list_view(request, lambda record: self.shown(record, request.query, listing=True))

    def api_get(self, request, record_id):
        """GET /monitors/{id}."""
        return Reply(200, self.shown(self.require(record_id), request.query))

    def store_properties(self, fields):
        """Custom properties as stored (sim_properties.py checks them)."""
        if 'custom_properties' in fields:
            fields['custom_properties'] = self.sim.kinds['properties'].monitor_items(fields['custom_properties'])

    def api_create_type(self, request, mtype):
        """POST /monitors/<type>."""
        fields = validate_monitor(mtype, request.object_body(), lenient=self.lenient)
        self.store_properties(fields)
        if 'api_steps' in fields:
            fields['api_steps'] = sim_scripted.stored_steps(fields['api_steps'], [], self.sim.dialects)
        return Reply(200, {'id': str(self.create(mtype, fields))})

    def api_edit_type(self, request, mtype, record_id):
        """PATCH /monitors/<type>/{id}: 404 when the monitor is unknown or of another type."""
        record = self.find(int(record_id)) if record_id.isdigit() else None
        if record is None or record['type'] != mtype:
            raise not_found()
        fields = validate_monitor(mtype, request.object_body(), stored=record, lenient=self.lenient)
        self.store_properties(fields)
        if 'api_steps' in fields:
            fields['api_steps'] = sim_scripted.stored_steps(fields['api_steps'], record.get('api_steps') or [],
                                                            self.sim.dialects)
        record.update(copy.deepcopy(fields))
        return Reply(200, {'id': str(record['id'])})

    def routes(self, parts):
        if not parts:
            return {'GET': self.api_list}
        if len(parts) == 1 and parts[0] in WRITE_TYPES:
            return {'POST': lambda request: self.api_create_type(request, parts[0])}
        if len(parts) == 1 and parts[0].isdigit():
            record_id = int(parts[0])
            return {
                'GET': lambda request: self.api_get(request, record_id),
                'DELETE': lambda request: self.api_delete(request, record_id),
            }
        if len(parts) == 2 and parts[0] in WRITE_TYPES:
            return {'PATCH': lambda request: self.api_edit_type(request, parts[0], parts[1])}
        return None
