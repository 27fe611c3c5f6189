#!/usr/bin/env python
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""In-memory simulator of the AlertSite Management API v3 for integration tests.

The API lives under /api/v3 and implements the subset of the API the collection drives: access tokens,
and listing, reading, deleting, creating and editing monitors (TCP, email server, round-trip email, ping,
DNS and website), blackouts, alert recipients and recipient groups.
Control endpoints under /_sim (no authentication, never logged, no faults, no latency) expose a request
log, the stored objects, fault injection rules, the clock, dialects, latency and resets, so tests can check
exactly what a module sent and how it copes with throttling, server errors, timeouts, dropped connections,
slow replies and the readings of the API that the reference leaves open.

Files beside this one, one per concern:
  test_server.py           server options, threading server, request log, serving loop (shared with
                           forward_proxy.py)
  sim_store.py             replies and errors, field checks, paging, the generic store of one kind of object
  sim_monitors.py          monitors
  sim_blackouts.py         blackouts (maintenance windows)
  sim_recipients.py        alert recipients
  sim_recipient_groups.py  recipient groups
  sim_faults.py            fault rules
  sim_dialects.py          the dialects
  sim_tests.py             tests on demand (GET /tests, GET /tests/{id}) and GET /report-sitestatus
  sim_properties.py        custom properties (/properties)
  sim_slas.py              SLAs (/slas, /slas/bulk-edit)
  sim_control.py           the control endpoints

API (every call but POST /access-tokens needs "Authorization: Bearer <token>"; errors come as
{"errors": [{"code", "message", "fields"}]}; creates and edits answer 200 {"id": "<string>"}, deletes 204):
  POST   /access-tokens                      {"username", "password"} -> {"access_token"}; 400 for bad credentials
  GET    /monitors                           filters type (comma list), limit, offset, select; list envelope
                                             {"metadata": {"resultset": {"count", "limit", "offset"}}, "results"}
  GET    /monitors/{id}                      the bare object (select= picks fields); DELETE /monitors/{id}
  POST   /monitors/<type>, PATCH /monitors/<type>/{id}
                                             types tcp, email-imap, email-pop, email-smtp, email-round-trip, ping,
                                             name-server, website (http:// URLs only), website-ssl (https:// only)
  GET    /blackouts                          filters type, assoc_id, persistent=true, limit, offset, select
  POST   /blackouts, GET/PATCH/DELETE /blackouts/{id}
                                             one-time (from_date, thru_date in the future) or recurring (start_day,
                                             start_time, end_day, end_time); PATCH only recurring; DELETE not of
                                             ended one-time windows; dates are read in UTC on the simulator's
                                             clock (the real API's time zone is not documented)
  GET    /recipients                         filters type (Availability, Performance), method_id, limit, offset
  POST   /recipients, GET/PATCH/DELETE /recipients/{id}
                                             password write-only (GET shows null); PagerDuty (14) not creatable
  GET    /notifier-groups                    filters monitor_id (or monidor_id), recipient_id, limit, offset
  POST   /notifier-groups, GET/PATCH/DELETE /notifier-groups/{id}
                                             name, monitors and recipients required (lists of {"id"}); PATCH
                                             replaces whole lists; one default group
  GET    /tests?monitor_id=…[&location_id=…][&test_type=…]
                                             starts a test on demand (not idempotent): {"id", "result_url"};
                                             GET /tests/{id} its progress (always 200; see sim_tests.py)
  GET    /report-sitestatus                  filter monitors (comma list of ids), limit, offset; one row per
                                             monitor: monitor_id, device_name, last_status, last_status_desc,
                                             dt_last_status, info_msg
  GET    /properties                         select, limit, offset; POST /properties, GET/PATCH/DELETE
                                             /properties/{id}: values [{"id", "name"}] replaced whole on PATCH
                                             (id 0 = new); dropped values and deleted properties leave monitors
  GET    /slas                               monitor_id, select, limit, offset; POST /slas, GET/PATCH/DELETE
                                             /slas/{id} (one per monitor; arrays replaced whole on PATCH);
                                             POST /slas/bulk-edit appends (or replaces) exclusions
  Deleting a monitor or recipient deletes its blackouts and takes it out of every group (which may be left
  with an empty list).

Control endpoints:
  GET    /_sim/log                           {"requests": [...], "counts": {...}, "max_in_flight": {...},
                                             "in_flight": {...}}. Each request: seq, method, path, query, body
                                             (login passwords masked), status (0 = connection dropped), fault, start
                                             and finish (monotonic seconds). counts: total, GET, POST, PATCH, DELETE,
                                             logins, writes (to monitors), writes_by_kind. max_in_flight: the peak of
                                             API requests in flight at once, overall (total) and per method.
  GET    /_sim/log?reset=1                   the same, and empties the log in the same step (as DELETE)
  DELETE /_sim/log                           empty the log; the peak starts again from the requests in flight
  GET    /_sim/monitors                      stored monitors (write-only fields included)
  POST   /_sim/monitors                      seed without validation: {"monitors": [{"type", "name", ...}]} -> {"ids"}
  DELETE /_sim/monitors                      forget every monitor (and its blackouts and group entries)
  GET, POST, DELETE /_sim/blackouts          the same for blackouts: {"blackouts": [{...}]} seeds any, past ones too
  GET, POST, DELETE /_sim/recipients         the same for recipients: {"recipients": [{...}]} (PagerDuty too)
  GET, POST, DELETE /_sim/notifier-groups    the same for groups: {"notifier_groups": [{"monitors": [ids], ...}]}
  GET, POST, DELETE /_sim/tests              how tests end, per monitor (and location): {"tests": [{"monitor_id",
                                             "location_id", "result" (passed, failed, running, forget), "status",
                                             "status_desc", "polls"}]}; GET also lists the tests started
  GET, POST, DELETE /_sim/report-sitestatus  a monitor's site status: {"report_sitestatus": [{"monitor_id",
                                             "last_status", "last_status_desc", "info_msg"}]}
  GET    /_sim/state                         {"monitors", "recipients", "blackouts", "notifier_groups" (as stored),
                                             "clock", "dialects"}
  GET    /_sim/clock                         {"now": "YYYY-MM-DD HH:MM:SS" (UTC), "offset_seconds"}
  POST   /_sim/clock                         {"advance": N}: move the clock N seconds forward (tokens keep real time)
  GET    /_sim/faults                        the fault rules; POST {"faults": [rule, ...]} adds; DELETE removes all
  POST   /_sim/expire-tokens                 every issued token stops working (401)
  GET    /_sim/latency                       {"latency_ms", "jitter_ms"}; POST sets either (reset: the command line's)
  GET    /_sim/dialects                      {"dialects": [...]}: the dialects in use
  POST   /_sim/dialects                      {"dialects": [names]}: use these instead; DELETE: none
  POST   /_sim/reset                         back to the start: no objects, log, faults or tokens, clock on real
                                             time, the dialects and latency of the command line; ids restart

Dialects (--dialect NAME, repeatable, or /_sim/dialects), readings of what the reference leaves unknown;
see sim_dialects.py:
  count-is-page       every list: metadata.resultset.count is the size of the page, not the total
  ignore-paging       every list: limit and offset ignored, everything in one reply
  ignore-offset       every list: limit honoured, offset ignored (always the first page)
  reject-paging       every list: limit and offset refused, 400 naming the parameter in fields
  bare-list           every list is a bare JSON list, without metadata
  no-type             the items of GET /monitors carry no type key
  numbers-as-strings  every integer of a monitor (ids and nested ones too) as a string, unset numbers as ""
  no-email-username   GET never returns a monitor's email_username
  lenient-fields      unknown fields in a write (any kind) are ignored (200) instead of refused
  recipient-type      GET shows a recipient blackout's type as "Recipient", not "Notifier" as written
  recipient-in-group  DELETE of a recipient that a recipient group still names is refused with 409

Fault rule keys (POST /_sim/faults), see sim_faults.py: name, method (GET, POST, PATCH, DELETE, PUT or *),
path (regular expression), times (default 1), skip, status, retry_after, delay (seconds), reset (drop the
connection), body (html, empty or garbage), no_metadata, expire_token, after (carry the request out first).

Lists never return more than --max-page-size items a page. With --latency-ms (and --jitter-ms) every API
request waits before it is handled, holding no lock, so concurrent requests overlap (see max_in_flight).

Only the Python standard library is used; --help lists the options.
"""

import argparse
import datetime
import json
import random
import secrets
import socket
import ssl
import struct
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit

from sim_blackouts import Blackouts
from sim_control import control
from sim_dialects import DIALECTS
from sim_faults import Faults, fault_reply
from sim_monitors import Monitors
from sim_recipient_groups import RecipientGroups
from sim_recipients import Recipients
from sim_store import HTTP_REASONS, ApiError, Reply, Request
from sim_properties import Properties
from sim_slas import Slas
from sim_tests import SiteStatus, Tests
from test_server import DispatchingHandler, QuietThreadingServer, RequestLog, add_server_arguments, serve

API_PREFIX = '/api/v3'
SIM_PREFIX = '/_sim'
# Every token starts with these 8 hex digits (32 in all, like the real ones), so tests can search any
# output for a leaked token without knowing its value.
TOKEN_PREFIX = '5ec7e7ed'
DEFAULT_USER = 'demo:demo-password'
# The kinds of object, in the order a seed file is loaded.
KINDS = (Monitors, Recipients, Blackouts, RecipientGroups, Tests, SiteStatus, Properties, Slas)
# What a fault that drops the connection returns instead of a reply.
RESET = object()


class Tokens:
    """The issued access tokens: when each was issued (monotonic clock) and for whom."""

    def __init__(self, ttl):
        self.lock = threading.Lock()
        self.ttl = ttl
        self.issued = {}

    def issue(self, user):
        """Create and remember a new access token."""
        token = TOKEN_PREFIX + secrets.token_hex(12)
        with self.lock:
            self.issued[token] = (time.monotonic(), user)
        return token

    def user(self, token):
        """The user of a live token, or None when it was never issued or has expired."""
        with self.lock:
            issued = self.issued.get(token)
            if issued is None:
                return None
            if time.monotonic() - issued[0] > self.ttl:
                del self.issued[token]
                return None
            return issued[1]

    def expire(self):
        """Forget every issued token."""
        with self.lock:
            self.issued.clear()


class ApiLog(RequestLog):
    """The log of API requests: method, path, query, body (passwords of logins masked), status, fault, and
    ``start``/``finish`` (monotonic seconds). It also counts the requests in flight (logged, not yet finished),
    overall (``total``) and per method, and keeps the peak since the log was last cleared."""

    def __init__(self):
        super().__init__()
        self.lock = threading.RLock()  # take() reads and clears under one hold
        self.in_flight = {'total': 0}
        self.max_in_flight = {}
        self.clear_peak()

    def clear_peak(self):
        """Start the peak again from the requests in flight now."""
        with self.lock:
            self.max_in_flight = dict({'total': 0, 'GET': 0, 'POST': 0, 'PATCH': 0, 'DELETE': 0}, **self.in_flight)

    def add(self, entry):
        """Log a request that starts now; it is in flight until :meth:`finish`."""
        entry['start'] = round(time.monotonic(), 6)
        entry['finish'] = None
        super().add(entry)
        with self.lock:
            for key in ('total', entry['method']):
                self.in_flight[key] = self.in_flight.get(key, 0) + 1
                self.max_in_flight[key] = max(self.max_in_flight.get(key, 0), self.in_flight[key])
        return entry

    def finish(self, entry, status):
        """Record the status a request got (0 for a dropped connection) and when it finished."""
        with self.lock:
            if entry['finish'] is None:
                entry['finish'] = round(time.monotonic(), 6)
                for key in ('total', entry['method']):
                    self.in_flight[key] -= 1
            entry['status'] = status

    def snapshot(self):
        """The log, its counters, and ``max_in_flight`` and ``in_flight`` ({"total", "GET", "PATCH", ...})."""
        result = super().snapshot()
        with self.lock:
            result['max_in_flight'] = dict(self.max_in_flight)
            result['in_flight'] = dict(self.in_flight)
        return result

    def clear(self):
        """Empty the log and start the peak of requests in flight again."""
        super().clear()
        self.clear_peak()

    def take(self):
        """:meth:`snapshot` and :meth:`clear` at once: no request is lost or reported twice between them."""
        with self.lock:
            result = self.snapshot()
            self.clear()
        return result

    def count(self, entries):
        """Requests by method, logins, ``writes`` (POST, PATCH and DELETE of monitors) and ``writes_by_kind``
        (the same for every kind: monitors, blackouts, recipients, notifier-groups)."""
        counts = {'total': len(entries), 'GET': 0, 'POST': 0, 'PATCH': 0, 'DELETE': 0, 'logins': 0, 'writes': 0,
                  'writes_by_kind': dict((kind.path, 0) for kind in KINDS)}
        for entry in entries:
            method = entry['method']
            if method in counts:
                counts[method] += 1
            if method == 'POST' and entry['path'] == API_PREFIX + '/access-tokens':
                counts['logins'] += 1
            kind = _split_path(entry['path'][len(API_PREFIX):])[:1]
            if method in ('POST', 'PATCH', 'DELETE') and kind and kind[0] in counts['writes_by_kind']:
                counts['writes_by_kind'][kind[0]] += 1
            if method in ('POST', 'PATCH', 'DELETE') and (entry['path'] + '/').startswith(API_PREFIX + '/monitors/'):
                counts['writes'] += 1
        return counts


class State:
    """Everything the simulator remembers. ``lock`` guards the stored objects; tokens, log and faults have
    their own locks. No lock is held while a request waits."""

    def __init__(self, users, token_ttl, max_page_size, dialects=(), latency=(0, 0)):
        self.lock = threading.RLock()
        self.start_latency = latency
        self.latency_ms, self.jitter_ms = latency
        self.users = users
        self.max_page_size = max_page_size
        self.start_dialects = set(dialects)
        self.dialects = set(dialects)
        self.clock_offset = 0.0
        self.tokens = Tokens(token_ttl)
        self.log = ApiLog()
        self.faults = Faults()
        self.kinds = dict((kind.path, kind(self)) for kind in KINDS)

    def now(self):
        """The simulator's clock: real UTC time (naive datetime) moved forward by ``clock_offset`` seconds."""
        real = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
        return real + datetime.timedelta(seconds=self.clock_offset)

    def latency(self):
        """The JSON view of the latency settings."""
        return {'latency_ms': self.latency_ms, 'jitter_ms': self.jitter_ms}

    def reply_delay(self):
        """Seconds an API request waits before it is handled: the latency plus a random part of the jitter."""
        with self.lock:
            latency_ms, jitter_ms = self.latency_ms, self.jitter_ms
        return (latency_ms + random.uniform(0, jitter_ms)) / 1000.0

    def clock(self):
        """The JSON view of the clock."""
        return {'now': self.now().strftime('%Y-%m-%d %H:%M:%S'), 'offset_seconds': self.clock_offset}

    def stored(self):
        """Every stored object by kind (as stored, write-only fields included), the clock and the dialects."""
        with self.lock:
            result = dict((kind.seed_key, kind.stored()) for kind in self.kinds.values())
            result['clock'] = self.clock()
            result['dialects'] = sorted(self.dialects)
        return result

    def seed(self, data):
        """Load a seed: {"monitors": [...], "recipients": [...], "blackouts": [...], "notifier_groups": [...]}
        (or a bare list of monitors), in that order; return the ids by kind."""
        if isinstance(data, list):
            data = {'monitors': data}
        if not isinstance(data, dict):
            raise ApiError(400, 'a seed must be a JSON object')
        with self.lock:
            return dict((kind.seed_key, kind.seed(data.get(kind.seed_key, []))) for kind in self.kinds.values())

    def reset(self):
        """Forget objects, log, faults and tokens, put the clock back and the dialects and latency of the command
        line: the state at start (ids start again too)."""
        with self.lock:
            for kind in self.kinds.values():
                kind.restart()
            self.clock_offset = 0.0
            self.dialects = set(self.start_dialects)
            self.latency_ms, self.jitter_ms = self.start_latency
        self.log.clear()
        self.faults.clear()
        self.tokens.expire()


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
            self.dispatch_control(path, query, raw)
        elif path == API_PREFIX or path.startswith(API_PREFIX + '/'):
            self.dispatch_api(path, query, raw)
        else:
            self.send_reply(Reply(404, ApiError(404, 'Not found').body()))

    # control endpoints
    def dispatch_control(self, path, query, raw):
        """Handle /_sim requests (no auth, not logged, no faults)."""
        try:
            body = None
            if raw.strip():
                try:
                    body = json.loads(raw.decode('utf-8'))
                except ValueError:
                    raise ApiError(400, 'invalid JSON in request body') from None
            reply = control(self.state, path[len(SIM_PREFIX):] or '/', self.command, body, query)
        except ApiError as exc:
            reply = Reply(exc.status, exc.body(), headers=exc.headers)
        self.send_reply(reply)

    # API
    def dispatch_api(self, path, query, raw):
        """Handle an /api/v3 request: log it, wait the latency (no lock held), apply faults, answer."""
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
        logged_body = json.loads(json.dumps(body))
        if path == API_PREFIX + '/access-tokens' and isinstance(logged_body, dict) and 'password' in logged_body:
            logged_body['password'] = '********'
        entry = state.log.add({
            'method': method, 'path': path, 'query': query, 'body': logged_body, 'status': None, 'fault': None,
        })

        try:
            self.answer_api(entry, path, query, body, body_error)
        finally:
            state.log.finish(entry, entry['status'])

    def answer_api(self, entry, path, query, body, body_error):
        """Take the fault that fires (in the order requests arrive), wait the latency, carry out the fault and
        the request, send the reply; record its status."""
        state = self.state
        fault = state.faults.take(self.command, path)
        if fault is not None:
            state.log.update(entry, fault=fault['name'])
        delay = state.reply_delay()
        if delay > 0:
            time.sleep(delay)
        reply = None
        if fault is not None:
            if not fault['after']:
                reply = self.fault_action(fault)
        if reply is None:
            reply = self.api_reply(path, query, body, body_error)
            if fault is not None:
                if fault['no_metadata'] and isinstance(reply.payload, dict) and 'metadata' in reply.payload:
                    reply.payload = {'results': reply.payload.get('results', [])}
                if fault['after']:
                    reply = self.fault_action(fault) or reply
        if reply is RESET:
            state.log.finish(entry, 0)
            self.reset_connection()
            return
        state.log.finish(entry, reply.status)
        self.send_reply(reply)

    def fault_action(self, fault):
        """Carry out a fault rule that fired: wait, then drop the connection (RESET), forget the tokens, or
        build the reply it asks for; None when the request's own reply stands."""
        if fault['delay']:
            time.sleep(fault['delay'])
        if fault['reset']:
            return RESET
        if fault['expire_token']:
            self.state.tokens.expire()
        if fault['status'] is not None or fault['body']:
            return fault_reply(fault)
        return None

    def api_reply(self, path, query, body, body_error):
        """Compute the normal reply to an API request."""
        try:
            return self.api(path, query, body, body_error)
        except ApiError as exc:
            return Reply(exc.status, exc.body(), headers=exc.headers)
        except Exception as exc:  # pylint: disable=broad-except
            return Reply(500, ApiError(500, 'simulator error: %s: %s' % (type(exc).__name__, exc)).body())

    def check_auth(self):
        """Return the user of the request's bearer token; 401 unless it carries a live one."""
        header = self.headers.get('Authorization', '')
        scheme, _sep, token = header.strip().partition(' ')
        user = self.state.tokens.user(token.strip()) if scheme.lower() == 'bearer' else None
        if user is None:
            raise ApiError(401, 'Unauthorized')
        return user

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

        user = self.check_auth()
        kind = self.state.kinds.get(parts[0]) if parts else None
        routes = kind.routes(parts[1:]) if kind is not None else None
        if routes is None:
            raise ApiError(404, 'Not found')
        if method not in routes:
            raise ApiError(405, 'Method not allowed', headers={'Allow': ', '.join(routes)})
        if body_error is not None:
            raise body_error
        with self.state.lock:
            return routes[method](Request(query, body, user))

    def login(self, body):
        """POST /access-tokens."""
        creds = body if isinstance(body, dict) else {}
        username, password = creds.get('username'), creds.get('password')
        if (not isinstance(username, str) or not isinstance(password, str)
                or self.state.users.get(username) != password):
            raise ApiError(400, 'invalid_request - User authentication failed.')
        return Reply(200, {'access_token': self.state.tokens.issue(username)})


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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_server_arguments(parser)
    parser.add_argument('--user', action='append', default=[], metavar='NAME:PASSWORD',
                        help='accepted credentials; repeatable (default %s)' % DEFAULT_USER)
    parser.add_argument('--token-ttl', type=float, default=3600, help='access token lifetime in seconds (default 3600)')
    parser.add_argument('--max-page-size', type=int, default=100, help='largest page a list returns (default 100)')
    parser.add_argument('--tls-cert', help='PEM certificate (chain) to serve HTTPS')
    parser.add_argument('--tls-key', help='PEM private key for --tls-cert')
    parser.add_argument('--latency-ms', type=float, default=0, metavar='N',
                        help='every API request (not the control endpoints) waits N ms before it is handled (default 0)')
    parser.add_argument('--jitter-ms', type=float, default=0, metavar='M',
                        help='and a random 0 to M ms more (default 0)')
    parser.add_argument('--dialect', action='append', default=[], choices=sorted(DIALECTS), metavar='NAME',
                        help='answer in this dialect (repeatable): %s' % ', '.join(sorted(DIALECTS)))
    parser.add_argument('--seed-file', help='JSON file to load at start, as the control API seeds: {"monitors": [...], '
                                            '"recipients": [...], "blackouts": [...], "notifier_groups": [...]} '
                                            '(a bare list holds monitors)')
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    if args.max_page_size < 1:
        parser.error('--max-page-size must be at least 1')
    if args.latency_ms < 0 or args.jitter_ms < 0:
        parser.error('--latency-ms and --jitter-ms must not be negative')
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
    state = State(args.users, args.token_ttl, args.max_page_size, args.dialect, (args.latency_ms, args.jitter_ms))
    if args.seed_file:
        with open(args.seed_file, encoding='utf-8') as handle:
            seed = json.load(handle)
        try:
            state.seed(seed)
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
