# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fault rules of the AlertSite API simulator (``/_sim/faults``).

A rule matches API requests by ``method`` (or ``*``) and ``path`` (a regular expression searched in the
path), lets ``skip`` matching requests through, then fires ``times`` times (default 1). Firing, it may
``delay`` (seconds), drop the connection (``reset``), forget every token (``expire_token``), and answer
``status`` (with ``retry_after`` as Retry-After) with the errors envelope or a broken ``body`` (``html``,
``empty`` or ``garbage``); ``no_metadata`` takes the metadata out of a list reply. By default the rule acts
instead of the request; with ``after: true`` the request is carried out first (a create really creates)
and the fault changes only the reply. The request log names the rule that fired (``name``, or a short
description of the rule).
"""

import re
import threading

from sim_store import HTTP_REASONS, ApiError, Reply, is_int

FAULT_KEYS = frozenset((
    'name', 'method', 'path', 'times', 'skip', 'status', 'retry_after', 'delay', 'reset', 'body',
    'no_metadata', 'expire_token', 'after',
))
FAULT_BODIES = ('html', 'empty', 'garbage')
FAULT_METHODS = ('GET', 'POST', 'PATCH', 'DELETE', 'PUT', '*')


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
        if not is_int(fault[key]) or fault[key] < 0:
            raise ApiError(400, 'fault %s must be a non-negative integer' % key, fields=[key])
    if fault['status'] is not None and (not is_int(fault['status']) or not 100 <= fault['status'] <= 599):
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


def fault_reply(fault):
    """Build the reply a fault rule asks for (its status, Retry-After and body)."""
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


class Faults:
    """The armed fault rules, in the order they were added."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rules = []

    def add(self, rules):
        """Validate and append fault rules; return their JSON view."""
        parsed = [parse_fault(rule) for rule in rules]
        with self.lock:
            self.rules.extend(parsed)
        return [public_fault(fault) for fault in parsed]

    def list(self):
        """Return the fault rules with their remaining counts."""
        with self.lock:
            return [public_fault(fault) for fault in self.rules]

    def clear(self):
        """Remove every fault rule."""
        with self.lock:
            self.rules = []

    def take(self, method, path):
        """Return a snapshot of the fault rule that fires for this request, or None."""
        with self.lock:
            for fault in self.rules:
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
