#!/usr/bin/env python
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""In-memory simulator of the AlertSite Management API v3 for integration tests.

The API lives under ``/api/v3`` and implements the subset of the monitor API the
collection drives (access tokens, listing, reading, deleting, and creating or editing
TCP, email server and round-trip email monitors).  Control endpoints under ``/_sim``
(no authentication, never logged) expose a request log, the stored monitors, fault
injection rules and resets, so tests can check exactly what a module sent and how it
copes with throttling, server errors, timeouts and dropped connections.

Only the Python standard library is used.  Run ``alertsite_sim.py --help`` for options.
"""

import argparse
import copy
import json
import re
import secrets
import socket
import ssl
import struct
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit

from test_server import DispatchingHandler, QuietThreadingServer, add_server_arguments, serve

API_PREFIX = '/api/v3'
SIM_PREFIX = '/_sim'
FIRST_ID = 100001
# Every token starts with these 8 hex digits (32 in all, like the real ones), so tests can search any
# output for a leaked token without knowing its value.
TOKEN_PREFIX = '5ec7e7ed'
DEFAULT_USER = 'demo:demo-password'

LOCATIONS = {
    10: {'name': 'Fort Lauderdale (FL)', 'region': 1},
    20: {'name': 'Atlanta (GA)', 'region': 1},
    30: {'name': 'Dallas (TX)', 'region': 1},
    40: {'name': 'San Francisco (CA)', 'region': 1},
    50: {'name': 'London (UK)', 'region': 2},
    60: {'name': 'Amsterdam (NL)', 'region': 2},
}

# Types documented for GET /monitors?type=...; only WRITE_TYPES can be created or edited.
KNOWN_TYPES = (
    'api', 'bitbar', 'dejaclick', 'email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'ftp',
    'ftp-ssl', 'name-server', 'ping', 'selenium', 'serveragent', 'tcp', 'website', 'website-api',
    'website-ssl', 'website-ssl-api',
)
SERVER_TYPES = ('tcp', 'email-imap', 'email-pop', 'email-smtp')
WRITE_TYPES = SERVER_TYPES + ('email-round-trip',)

STRING_FIELDS = frozenset((
    'billing_plancode', 'name', 'mode', 'note', 'alert_note', 'hostname', 'ipv4',
    'smtp_hostname', 'pop3_hostname', 'email', 'email_username', 'email_password',
))
INT_FIELDS = frozenset(('interval', 'timeout', 'home_location', 'monitor_location_count', 'port'))
BOOL_FIELDS = frozenset((
    'enabled', 'notify_on_error', 'retry_on_failure', 'rotate_locations', 'traceroute_on_error',
    'allow_internal_testing', 'resolve_dns',
))

COMMON_FIELDS = frozenset((
    'billing_plancode', 'name', 'interval', 'timeout', 'enabled', 'locations', 'home_location', 'mode',
    'monitor_location_count', 'note', 'alert_note', 'notify_on_error', 'retry_on_failure',
    'rotate_locations', 'traceroute_on_error', 'allow_internal_testing',
))
SERVER_FIELDS = frozenset(('hostname', 'port', 'ipv4', 'resolve_dns'))
ROUND_TRIP_FIELDS = frozenset(('smtp_hostname', 'pop3_hostname', 'email', 'email_username', 'email_password'))
FIELDS = {
    'tcp': COMMON_FIELDS | SERVER_FIELDS,
    'email-imap': COMMON_FIELDS | SERVER_FIELDS,
    'email-pop': COMMON_FIELDS | SERVER_FIELDS,
    'email-smtp': COMMON_FIELDS | SERVER_FIELDS,
    'email-round-trip': COMMON_FIELDS | ROUND_TRIP_FIELDS,
}
REQUIRED = {
    'tcp': ('billing_plancode', 'name', 'hostname', 'port'),
    'email-imap': ('billing_plancode', 'name', 'hostname'),
    'email-pop': ('billing_plancode', 'name', 'hostname'),
    'email-smtp': ('billing_plancode', 'name', 'hostname'),
    'email-round-trip': ('billing_plancode', 'name', 'smtp_hostname', 'pop3_hostname', 'email'),
}
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
}

FAULT_KEYS = frozenset((
    'name', 'method', 'path', 'times', 'skip', 'status', 'retry_after', 'delay', 'reset', 'body',
    'no_metadata', 'expire_token', 'after',
))
FAULT_BODIES = ('html', 'empty', 'garbage')
FAULT_METHODS = ('GET', 'POST', 'PATCH', 'DELETE', 'PUT', '*')

HTTP_REASONS = {
    200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    408: 'Request Timeout', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}


class ApiError(Exception):
    """An error reply: HTTP status plus the entries of the ``errors`` envelope."""

    def __init__(self, status, message=None, fields=None, errors=None, headers=None):
        super().__init__(message)
        self.status = status
        if errors is None:
            entry = {'code': status, 'message': message}
            if fields:
                entry['fields'] = list(fields)
            errors = [entry]
        self.errors = errors
        self.headers = headers or {}

    def body(self):
        """Return the JSON error envelope."""
        return {'errors': self.errors}


class Reply:
    """A reply to send: status, JSON-able payload (or raw bytes) and extra headers."""

    def __init__(self, status, payload=None, raw=None, content_type='application/json', headers=None):
        self.status = status
        self.payload = payload
        self.raw = raw
        self.content_type = content_type
        self.headers = headers or {}

    def encode(self):
        """Return the body bytes."""
        if self.raw is not None:
            return self.raw
        if self.payload is None:
            return b''
        return json.dumps(self.payload).encode('utf-8')


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _normalise_locations(value):
    """Turn a seeded ``locations`` value (ints or objects) into ``[{"id": n}, ...]``."""
    result = []
    for item in value or []:
        if isinstance(item, dict):
            item = item.get('id')
        try:
            result.append({'id': int(item)})
        except (TypeError, ValueError):
            continue
    return result


def validate_monitor(mtype, body, stored=None):
    """Check a create (``stored`` is None) or edit body; return the cleaned fields or raise ApiError."""
    errors = []

    def add(message, fields):
        errors.append({'code': 400, 'message': message, 'fields': list(fields)})

    allowed = FIELDS[mtype]
    unknown = sorted(key for key in body if key not in allowed)
    if unknown:
        add('unknown field', unknown)
    data = dict((key, value) for key, value in body.items() if key in allowed)

    if stored is None:
        missing = [key for key in REQUIRED[mtype] if _is_blank(data.get(key))]
    else:
        missing = [key for key in ('name',) if key in data and _is_blank(data[key])]
    if missing:
        add('required and is empty', missing)
    for key in missing:
        data.pop(key, None)

    for key in sorted(data):
        value = data[key]
        if key in STRING_FIELDS and not isinstance(value, str):
            add('invalid type: expected a string', [key])
        elif key in INT_FIELDS and not _is_int(value):
            add('invalid type: expected an integer', [key])
        elif key in BOOL_FIELDS and not isinstance(value, bool):
            add('invalid type: expected a boolean', [key])
        elif key == 'port' and not 1 <= value <= 65535:
            add('port must be between 1 and 65535', [key])
        elif key == 'interval' and value not in INTERVALS:
            add('interval must be one of %s' % ', '.join(str(i) for i in INTERVALS), [key])
        elif key == 'timeout' and not 1 <= value <= 300:
            add('timeout must be between 1 and 300', [key])
        elif key == 'home_location' and value not in LOCATIONS:
            add('unknown location id %s' % value, [key])
        elif key == 'mode' and value not in MODES:
            add('mode must be one of %s' % ', '.join(MODES), [key])
        elif key == 'note' and len(value) > NOTE_MAX:
            add('note must be at most %d characters' % NOTE_MAX, [key])
        elif key == 'alert_note' and len(value) > ALERT_NOTE_MAX:
            data[key] = value[:ALERT_NOTE_MAX]
        elif key == 'locations':
            problem = _locations_problem(value)
            if problem:
                add(problem, [key])
            else:
                data[key] = [{'id': item['id']} for item in value]

    if mtype == 'email-round-trip' and not errors:
        if stored is None:
            known = 'interval' in data and 'timeout' in data
            interval, timeout = data.get('interval'), data.get('timeout')
        else:
            known = 'interval' in data or 'timeout' in data
            interval, timeout = data.get('interval', stored.get('interval')), data.get('timeout', stored.get('timeout'))
        if known and _is_int(interval) and _is_int(timeout) and not interval * 60 > timeout:
            add('interval (minutes) must be greater than timeout (seconds)', ['interval', 'timeout'])

    if errors:
        raise ApiError(400, errors=errors)
    return data


def _locations_problem(value):
    if not isinstance(value, list):
        return 'invalid type: expected a list of location objects'
    for item in value:
        if not isinstance(item, dict) or 'id' not in item:
            return 'each location must be an object with an id'
        if not _is_int(item['id']):
            return 'invalid type: location id must be an integer'
        if item['id'] not in LOCATIONS:
            return 'unknown location id %s' % item['id']
    return None


def render_monitor(record, select=None):
    """Return the API view of a stored monitor (write-only fields dropped, locations named)."""
    result = {'id': record['id'], 'type': record['type']}
    for key in sorted(record):
        if key in ('id', 'type') or key in WRITE_ONLY_FIELDS:
            continue
        value = copy.deepcopy(record[key])
        if key == 'locations' and isinstance(value, list):
            value = [dict(item, **LOCATIONS.get(item.get('id'), {})) for item in value if isinstance(item, dict)]
        result[key] = value
    if select is not None:
        result = dict((key, value) for key, value in result.items() if key in select)
    return result


def parse_fault(rule):
    """Validate one fault rule and return its stored form."""
    if not isinstance(rule, dict):
        raise ApiError(400, 'a fault rule must be an object')
    unknown = sorted(key for key in rule if key not in FAULT_KEYS)
    if unknown:
        raise ApiError(400, 'unknown fault rule key', fields=unknown)
    fault = {
        'name': rule.get('name'),
        'method': str(rule.get('method', '*')).upper(),
        'path': rule.get('path', '.*'),
        'times': rule.get('times', 1),
        'skip': rule.get('skip', 0),
        'status': rule.get('status'),
        'retry_after': rule.get('retry_after'),
        'delay': rule.get('delay', 0),
        'reset': bool(rule.get('reset', False)),
        'body': rule.get('body'),
        'no_metadata': bool(rule.get('no_metadata', False)),
        'expire_token': bool(rule.get('expire_token', False)),
        'after': bool(rule.get('after', False)),
        'fired': 0,
    }
    if fault['method'] not in FAULT_METHODS:
        raise ApiError(400, 'fault method must be one of %s' % ', '.join(FAULT_METHODS), fields=['method'])
    try:
        fault['regex'] = re.compile(fault['path'])
    except (re.error, TypeError):
        raise ApiError(400, 'fault path is not a valid regular expression', fields=['path']) from None
    for key in ('times', 'skip'):
        if not _is_int(fault[key]) or fault[key] < 0:
            raise ApiError(400, 'fault %s must be a non-negative integer' % key, fields=[key])
    if fault['status'] is not None and (not _is_int(fault['status']) or not 100 <= fault['status'] <= 599):
        raise ApiError(400, 'fault status must be an HTTP status code', fields=['status'])
    for key in ('retry_after', 'delay'):
        value = fault[key]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            raise ApiError(400, 'fault %s must be a non-negative number' % key, fields=[key])
    if fault['body'] is not None and fault['body'] not in FAULT_BODIES:
        raise ApiError(400, 'fault body must be one of %s' % ', '.join(FAULT_BODIES), fields=['body'])
    if not fault['name']:
        fault['name'] = describe_fault(fault)
    return fault


def describe_fault(fault):
    """Return a short description of a fault rule, used in the request log."""
    parts = []
    if fault['after']:
        parts.append('after')
    if fault['delay']:
        parts.append('delay=%s' % fault['delay'])
    if fault['reset']:
        parts.append('reset')
    if fault['expire_token']:
        parts.append('expire_token')
    if fault['status'] is not None:
        parts.append('status=%d' % fault['status'])
    if fault['retry_after'] is not None:
        parts.append('retry_after=%s' % fault['retry_after'])
    if fault['body']:
        parts.append('body=%s' % fault['body'])
    if fault['no_metadata']:
        parts.append('no_metadata')
    return ','.join(parts) or 'noop'


def public_fault(fault):
    """Return the JSON view of a stored fault rule."""
    result = dict((key, value) for key, value in fault.items() if key != 'regex')
    result['remaining'] = fault['times']
    return result


class State:
    """Everything the simulator remembers, guarded by one lock."""

    def __init__(self, users, token_ttl, max_page_size):
        self.lock = threading.RLock()
        self.users = users
        self.token_ttl = token_ttl
        self.max_page_size = max_page_size
        self.monitors = {}
        self.next_id = FIRST_ID
        self.tokens = {}
        self.log = []
        self.seq = 0
        self.faults = []

    # tokens
    def issue_token(self):
        """Create and remember a new access token."""
        token = TOKEN_PREFIX + secrets.token_hex(12)
        with self.lock:
            self.tokens[token] = time.monotonic()
        return token

    def token_valid(self, token):
        """True if the token was issued and has not expired."""
        with self.lock:
            issued = self.tokens.get(token)
            if issued is None:
                return False
            if time.monotonic() - issued > self.token_ttl:
                del self.tokens[token]
                return False
            return True

    def expire_tokens(self):
        """Forget every issued token."""
        with self.lock:
            self.tokens.clear()

    # request log
    def log_request(self, entry):
        """Append an entry to the request log and return it (it is completed later)."""
        with self.lock:
            self.seq += 1
            entry['seq'] = self.seq
            self.log.append(entry)
        return entry

    def finish_entry(self, entry, status):
        """Record the status a logged request got."""
        with self.lock:
            entry['status'] = status

    def set_fault(self, entry, name):
        """Record which fault a logged request got."""
        with self.lock:
            entry['fault'] = name

    def log_snapshot(self):
        """Return the log and its counters."""
        with self.lock:
            requests = copy.deepcopy(self.log)
        counts = {'total': len(requests), 'GET': 0, 'POST': 0, 'PATCH': 0, 'DELETE': 0, 'logins': 0, 'writes': 0}
        for entry in requests:
            method = entry['method']
            if method in counts:
                counts[method] += 1
            if method == 'POST' and entry['path'] == API_PREFIX + '/access-tokens':
                counts['logins'] += 1
            if method in ('POST', 'PATCH', 'DELETE') and (entry['path'] + '/').startswith(API_PREFIX + '/monitors/'):
                counts['writes'] += 1
        return {'requests': requests, 'counts': counts}

    def clear_log(self):
        """Empty the request log (sequence numbers start again at 1)."""
        with self.lock:
            self.log = []
            self.seq = 0

    # faults
    def add_faults(self, rules):
        """Validate and append fault rules."""
        parsed = [parse_fault(rule) for rule in rules]
        with self.lock:
            self.faults.extend(parsed)
        return [public_fault(fault) for fault in parsed]

    def list_faults(self):
        """Return the fault rules with their remaining counts."""
        with self.lock:
            return [public_fault(fault) for fault in self.faults]

    def clear_faults(self):
        """Remove every fault rule."""
        with self.lock:
            self.faults = []

    def take_fault(self, method, path):
        """Return a snapshot of the fault rule that fires for this request, or None."""
        with self.lock:
            for fault in self.faults:
                if fault['times'] <= 0:
                    continue
                if fault['method'] not in ('*', method) or not fault['regex'].search(path):
                    continue
                if fault['skip'] > 0:
                    fault['skip'] -= 1
                    continue
                fault['times'] -= 1
                fault['fired'] += 1
                return dict(fault)
        return None

    # monitors
    def _new_record(self, mtype, fields, wanted_id=None):
        record = copy.deepcopy(READ_ONLY_DEFAULTS)
        record.update(copy.deepcopy(COMMON_DEFAULTS))
        record.update(copy.deepcopy(TYPE_DEFAULTS.get(mtype, {})))
        record.update(copy.deepcopy(fields))
        with self.lock:
            if _is_int(wanted_id) and wanted_id > 0 and wanted_id not in self.monitors:
                new_id = wanted_id
            else:
                new_id = self.next_id
            self.next_id = max(self.next_id, new_id + 1)
            record['id'] = new_id
            record['type'] = mtype
            self.monitors[new_id] = record
        return new_id

    def create(self, mtype, fields):
        """Store a validated new monitor; return its id."""
        return self._new_record(mtype, fields)

    def seed(self, monitors):
        """Store monitors without validation (only type and name are needed); return their ids."""
        if not isinstance(monitors, list):
            raise ApiError(400, 'monitors must be a list', fields=['monitors'])
        for index, item in enumerate(monitors):
            if not isinstance(item, dict) or not isinstance(item.get('type'), str) or not isinstance(item.get('name'), str):
                raise ApiError(400, 'monitor %d needs a type and a name' % index, fields=['type', 'name'])
        ids = []
        for item in monitors:
            fields = dict((key, value) for key, value in item.items() if key not in ('id', 'type'))
            if 'locations' in fields:
                fields['locations'] = _normalise_locations(fields['locations'])
            ids.append(self._new_record(item['type'], fields, item.get('id')))
        return ids

    def get(self, monitor_id):
        """Return a copy of a stored monitor or None."""
        with self.lock:
            record = self.monitors.get(monitor_id)
            return copy.deepcopy(record) if record is not None else None

    def update(self, mtype, monitor_id, body):
        """Validate and apply an edit; raise ApiError on failure."""
        with self.lock:
            record = self.monitors.get(monitor_id)
            if record is None or record['type'] != mtype:
                raise ApiError(404, 'Record not found')
            fields = validate_monitor(mtype, body, stored=record)
            record.update(copy.deepcopy(fields))

    def delete(self, monitor_id):
        """Remove a monitor; raise ApiError if unknown."""
        with self.lock:
            if self.monitors.pop(monitor_id, None) is None:
                raise ApiError(404, 'Record not found')

    def list(self, types=None):
        """Return copies of the stored monitors ordered by id, optionally filtered by type."""
        with self.lock:
            records = [copy.deepcopy(self.monitors[key]) for key in sorted(self.monitors)]
        if types is not None:
            records = [record for record in records if record['type'] in types]
        return records

    def clear_monitors(self):
        """Remove every monitor (ids keep counting up)."""
        with self.lock:
            self.monitors = {}

    def reset(self):
        """Forget monitors, log, faults and tokens: back to the state at start (ids start again too)."""
        with self.lock:
            self.monitors = {}
            self.next_id = FIRST_ID
            self.log = []
            self.seq = 0
            self.faults = []
            self.tokens = {}


def _split_path(path):
    return [part for part in path.split('/') if part]


class SimHandler(DispatchingHandler):
    """Serves the API and the control endpoints."""

    server_version = 'AlertSiteSim/1.0'

    # plumbing
    @property
    def state(self):
        """The shared simulator state."""
        return self.server.state

    def read_body(self):
        """Read the whole request body (Content-Length or chunked) and return the bytes."""
        if 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
            chunks = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b';', 1)[0].strip() or b'0', 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b'\r\n', b'\n', b''):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(65537)
            return b''.join(chunks)
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length > 0 else b''

    def send_reply(self, reply):
        """Write a Reply to the client."""
        data = reply.encode()
        self.send_response(reply.status, HTTP_REASONS.get(reply.status))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.status != 204:
            self.send_header('Content-Type', reply.content_type)
            self.send_header('Content-Length', str(len(data)))
        if self.close_connection:
            self.send_header('Connection', 'close')
        self.end_headers()
        if data and reply.status != 204:
            self.wfile.write(data)
        self.wfile.flush()

    def reset_connection(self):
        """Drop the TCP connection without a reply, so the client sees a reset."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        except OSError:
            pass
        try:
            self.connection.close()
        except OSError:
            pass

    # entry point
    def dispatch(self):
        """Read the request, then route it to the API or the control endpoints."""
        try:
            raw = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self.send_reply(Reply(400, ApiError(400, 'unreadable request body').body()))
            return
        split = urlsplit(self.path)
        path = split.path
        if len(path) > 1:
            path = path.rstrip('/')
        query = dict((key, values[-1]) for key, values in parse_qs(split.query, keep_blank_values=True).items())
        if path == SIM_PREFIX or path.startswith(SIM_PREFIX + '/'):
            self.dispatch_control(path, raw)
        elif path == API_PREFIX or path.startswith(API_PREFIX + '/'):
            self.dispatch_api(path, query, raw)
        else:
            self.send_reply(Reply(404, ApiError(404, 'Not found').body()))

    # control endpoints
    def dispatch_control(self, path, raw):
        """Handle /_sim requests (no auth, not logged, no faults)."""
        try:
            body = None
            if raw.strip():
                try:
                    body = json.loads(raw.decode('utf-8'))
                except ValueError:
                    raise ApiError(400, 'invalid JSON in request body') from None
            reply = self.control(path[len(SIM_PREFIX):] or '/', self.command, body)
        except ApiError as exc:
            reply = Reply(exc.status, exc.body(), headers=exc.headers)
        self.send_reply(reply)

    def control(self, sub, method, body):
        """Return the Reply for one control request."""
        state = self.state
        routes = {
            '/log': ('GET', 'DELETE'),
            '/monitors': ('GET', 'POST', 'DELETE'),
            '/faults': ('GET', 'POST', 'DELETE'),
            '/expire-tokens': ('POST',),
            '/reset': ('POST',),
        }
        if sub not in routes:
            raise ApiError(404, 'Not found')
        if method not in routes[sub]:
            raise ApiError(405, 'Method not allowed', headers={'Allow': ', '.join(routes[sub])})
        if method == 'POST' and sub in ('/monitors', '/faults') and not isinstance(body, dict):
            raise ApiError(400, 'request body must be a JSON object')
        if sub == '/log':
            if method == 'GET':
                return Reply(200, state.log_snapshot())
            state.clear_log()
        elif sub == '/monitors':
            if method == 'GET':
                return Reply(200, state.list())
            if method == 'POST':
                return Reply(200, {'ids': state.seed(body.get('monitors', []))})
            state.clear_monitors()
        elif sub == '/faults':
            if method == 'GET':
                return Reply(200, {'faults': state.list_faults()})
            if method == 'POST':
                rules = body.get('faults', [])
                if not isinstance(rules, list):
                    raise ApiError(400, 'faults must be a list', fields=['faults'])
                return Reply(200, {'faults': state.add_faults(rules)})
            state.clear_faults()
        elif sub == '/expire-tokens':
            state.expire_tokens()
        else:
            state.reset()
        return Reply(200, {'ok': True})

    # API
    def dispatch_api(self, path, query, raw):
        """Handle an /api/v3 request: log it, apply faults, answer."""
        state = self.state
        method = self.command
        body = None
        body_error = None
        if raw:
            content_type = self.headers.get('Content-Type', '').split(';', 1)[0].strip().lower()
            if content_type != 'application/json':
                body_error = ApiError(400, 'Content-Type must be application/json')
            else:
                try:
                    body = json.loads(raw.decode('utf-8'))
                except ValueError:
                    body_error = ApiError(400, 'invalid JSON in request body')
        logged_body = copy.deepcopy(body)
        if path == API_PREFIX + '/access-tokens' and isinstance(logged_body, dict) and 'password' in logged_body:
            logged_body['password'] = '********'
        entry = state.log_request({
            'seq': 0, 'method': method, 'path': path, 'query': query, 'body': logged_body, 'status': None, 'fault': None,
        })

        fault = state.take_fault(method, path)
        if fault is not None:
            state.set_fault(entry, fault['name'])
            if not fault['after']:
                if fault['delay']:
                    time.sleep(fault['delay'])
                if fault['reset']:
                    state.finish_entry(entry, 0)
                    self.reset_connection()
                    return
                if fault['expire_token']:
                    state.expire_tokens()
                if fault['status'] is not None or fault['body']:
                    reply = self.fault_reply(fault)
                    state.finish_entry(entry, reply.status)
                    self.send_reply(reply)
                    return

        reply = self.api_reply(path, query, body, body_error)

        if fault is not None:
            if fault['no_metadata'] and isinstance(reply.payload, dict) and 'metadata' in reply.payload:
                reply.payload = {'results': reply.payload.get('results', [])}
            if fault['after']:
                if fault['delay']:
                    time.sleep(fault['delay'])
                if fault['reset']:
                    state.finish_entry(entry, 0)
                    self.reset_connection()
                    return
                if fault['expire_token']:
                    state.expire_tokens()
                if fault['status'] is not None or fault['body']:
                    reply = self.fault_reply(fault)
        state.finish_entry(entry, reply.status)
        self.send_reply(reply)

    @staticmethod
    def fault_reply(fault):
        """Build the reply a fault rule asks for."""
        status = fault['status'] if fault['status'] is not None else 200
        headers = {}
        if fault['retry_after'] is not None:
            value = fault['retry_after']
            headers['Retry-After'] = str(int(value)) if float(value).is_integer() else str(value)
        kind = fault['body']
        if kind == 'html':
            text = '<html><head><title>%d %s</title></head><body><h1>%d %s</h1></body></html>' % (
                status, HTTP_REASONS.get(status, 'Error'), status, HTTP_REASONS.get(status, 'Error'))
            return Reply(status, raw=text.encode('utf-8'), content_type='text/html; charset=utf-8', headers=headers)
        if kind == 'empty':
            return Reply(status, raw=b'', headers=headers)
        if kind == 'garbage':
            return Reply(status, raw=b'{"results": [ this is not json', headers=headers)
        return Reply(status, ApiError(status, HTTP_REASONS.get(status, 'Error')).body(), headers=headers)

    def api_reply(self, path, query, body, body_error):
        """Compute the normal reply to an API request."""
        try:
            return self.api(path, query, body, body_error)
        except ApiError as exc:
            return Reply(exc.status, exc.body(), headers=exc.headers)
        except Exception as exc:  # pylint: disable=broad-except
            return Reply(500, ApiError(500, 'simulator error: %s: %s' % (type(exc).__name__, exc)).body())

    def check_auth(self):
        """Raise a 401 unless the request carries a live bearer token."""
        header = self.headers.get('Authorization', '')
        scheme, _sep, token = header.strip().partition(' ')
        if scheme.lower() != 'bearer' or not self.state.token_valid(token.strip()):
            raise ApiError(401, 'Unauthorized')

    def api(self, path, query, body, body_error):
        """Route an API request; return a Reply or raise ApiError."""
        method = self.command
        parts = _split_path(path[len(API_PREFIX):])

        if parts == ['access-tokens']:
            if method != 'POST':
                raise ApiError(405, 'Method not allowed', headers={'Allow': 'POST'})
            if body_error is not None:
                raise body_error
            return self.login(body)

        self.check_auth()

        allowed = None
        if parts == ['monitors']:
            allowed = ('GET',)
        elif len(parts) == 2 and parts[0] == 'monitors' and parts[1] in WRITE_TYPES:
            allowed = ('POST',)
        elif len(parts) == 2 and parts[0] == 'monitors' and parts[1].isdigit():
            allowed = ('GET', 'DELETE')
        elif len(parts) == 3 and parts[0] == 'monitors' and parts[1] in WRITE_TYPES:
            allowed = ('PATCH',)
        if allowed is None:
            raise ApiError(404, 'Not found')
        if method not in allowed:
            raise ApiError(405, 'Method not allowed', headers={'Allow': ', '.join(allowed)})
        if body_error is not None:
            raise body_error

        if len(parts) == 1:
            return self.list_monitors(query)
        if method == 'POST':
            return self.create_monitor(parts[1], body)
        if method == 'PATCH':
            if not parts[2].isdigit():
                raise ApiError(404, 'Record not found')
            return self.edit_monitor(parts[1], int(parts[2]), body)
        if method == 'DELETE':
            self.state.delete(int(parts[1]))
            return Reply(204)
        record = self.state.get(int(parts[1]))
        if record is None:
            raise ApiError(404, 'Record not found')
        return Reply(200, render_monitor(record, self.selection(query)))

    def login(self, body):
        """POST /access-tokens."""
        creds = body if isinstance(body, dict) else {}
        username, password = creds.get('username'), creds.get('password')
        if (not isinstance(username, str) or not isinstance(password, str)
                or self.state.users.get(username) != password):
            raise ApiError(400, 'invalid_request - User authentication failed.')
        return Reply(200, {'access_token': self.state.issue_token()})

    @staticmethod
    def selection(query):
        """Return the set of field names asked for with ``select``, or None."""
        if 'select' not in query:
            return None
        return set(name.strip() for name in query['select'].split(',') if name.strip())

    @staticmethod
    def _object_body(body):
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise ApiError(400, 'request body must be a JSON object')
        return body

    def create_monitor(self, mtype, body):
        """POST /monitors/<type>."""
        fields = validate_monitor(mtype, self._object_body(body))
        new_id = self.state.create(mtype, fields)
        return Reply(200, {'id': str(new_id)})

    def edit_monitor(self, mtype, monitor_id, body):
        """PATCH /monitors/<type>/<id>."""
        self.state.update(mtype, monitor_id, self._object_body(body))
        return Reply(200, {'id': str(monitor_id)})

    def list_monitors(self, query):
        """GET /monitors with type, limit, offset (and select) parameters."""
        max_page = self.state.max_page_size
        errors = []
        limit = None
        offset = 0
        if query.get('limit', '') != '':
            try:
                limit = int(query['limit'])
                if limit < 1:
                    raise ValueError(limit)
            except ValueError:
                errors.append({'code': 400, 'message': 'limit must be a positive integer', 'fields': ['limit']})
        if query.get('offset', '') != '':
            try:
                offset = int(query['offset'])
                if offset < 0:
                    raise ValueError(offset)
            except ValueError:
                errors.append({'code': 400, 'message': 'offset must be a non-negative integer', 'fields': ['offset']})
        if errors:
            raise ApiError(400, errors=errors)
        types = None
        if query.get('type', '') != '':
            types = set(name.strip() for name in query['type'].split(',') if name.strip())
        records = self.state.list(types)
        page_size = min(limit, max_page) if limit is not None else max_page
        select = self.selection(query)
        results = [render_monitor(record, select) for record in records[offset:offset + page_size]]
        return Reply(200, {
            'metadata': {
                '__permissions': {'acl': 7},
                'resultset': {
                    'count': len(records),
                    'limit': min(limit, max_page) if limit is not None else None,
                    'offset': str(offset),
                },
            },
            'results': results,
        })


class SimServer(QuietThreadingServer):
    """Threading HTTP(S) server holding the simulator state."""

    def __init__(self, address, state, ssl_context=None, verbose=False):
        self.state = state
        self.ssl_context = ssl_context
        self.verbose = verbose
        super().__init__(address, SimHandler)

    def finish_request(self, request, client_address):
        """Run the TLS handshake (in the request thread) before handling the request."""
        if self.ssl_context is None:
            super().finish_request(request, client_address)
            return
        try:
            request.settimeout(30)
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            try:
                tls.close()
            except OSError:
                pass


def parse_args(argv=None):
    """Parse the command line."""
    parser = argparse.ArgumentParser(description='AlertSite Management API v3 simulator for integration tests.')
    add_server_arguments(parser)
    parser.add_argument('--user', action='append', default=[], metavar='NAME:PASSWORD',
                        help='accepted credentials; repeatable (default %s)' % DEFAULT_USER)
    parser.add_argument('--token-ttl', type=float, default=3600, help='access token lifetime in seconds (default 3600)')
    parser.add_argument('--max-page-size', type=int, default=100, help='largest page GET /monitors returns (default 100)')
    parser.add_argument('--tls-cert', help='PEM certificate (chain) to serve HTTPS')
    parser.add_argument('--tls-key', help='PEM private key for --tls-cert')
    parser.add_argument('--seed-file', help='JSON file {"monitors": [...]} to load at start')
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    if args.max_page_size < 1:
        parser.error('--max-page-size must be at least 1')
    users = {}
    for item in args.user or [DEFAULT_USER]:
        name, sep, password = item.partition(':')
        if not sep or not name:
            parser.error('--user wants NAME:PASSWORD, got %r' % item)
        users[name] = password
    args.users = users
    return args


def main(argv=None):
    """Start the simulator and serve until stopped or the lifetime runs out."""
    args = parse_args(argv)
    state = State(args.users, args.token_ttl, args.max_page_size)
    if args.seed_file:
        with open(args.seed_file, encoding='utf-8') as handle:
            seed = json.load(handle)
        try:
            state.seed(seed.get('monitors', []) if isinstance(seed, dict) else seed)
        except ApiError as exc:
            sys.stderr.write('bad seed file: %s\n' % json.dumps(exc.body()))
            return 2

    context = None
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)

    server = SimServer((args.host, args.port), state, context, args.verbose)
    return serve(server, args, 'alertsite simulator listening on %s://%s:%%d' % ('https' if context else 'http', args.host))


if __name__ == '__main__':
    sys.exit(main())
