# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The control endpoints of the AlertSite API simulator, under ``/_sim`` (no authentication, never logged,
no faults). The module docstring of alertsite_sim.py lists them.
"""

from sim_dialects import check_dialects
from sim_store import ApiError, Reply


def control_routes(state):
    """{path under /_sim: allowed methods}."""
    routes = {
        '/log': ('GET', 'DELETE'),
        '/faults': ('GET', 'POST', 'DELETE'),
        '/expire-tokens': ('POST',),
        '/reset': ('POST',),
        '/clock': ('GET', 'POST'),
        '/state': ('GET',),
        '/dialects': ('GET', 'POST', 'DELETE'),
        '/latency': ('GET', 'POST'),
    }
    for path in state.kinds:
        routes['/' + path] = ('GET', 'POST', 'DELETE')
    return routes


def object_body(body):
    """The body of a control POST, which must be a JSON object."""
    if not isinstance(body, dict):
        raise ApiError(400, 'request body must be a JSON object')
    return body


def set_latency(state, body):
    """POST /_sim/latency: {"latency_ms": N, "jitter_ms": M}, either may be left out."""
    values = {}
    for key in ('latency_ms', 'jitter_ms'):
        value = body.get(key, getattr(state, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ApiError(400, '%s must be a non-negative number' % key, fields=[key])
        values[key] = value
    with state.lock:
        state.latency_ms, state.jitter_ms = values['latency_ms'], values['jitter_ms']


def control(state, sub, method, body, query=None):
    """Return the Reply for one control request (``sub`` is the path after /_sim; ``query`` its query
    parameters: GET /log?reset=1 reads the log and empties it in the same step)."""
    routes = control_routes(state)
    if sub not in routes:
        raise ApiError(404, 'Not found')
    if method not in routes[sub]:
        raise ApiError(405, 'Method not allowed', headers={'Allow': ', '.join(routes[sub])})
    if method == 'POST' and sub != '/expire-tokens' and sub != '/reset':
        body = object_body(body)
    if sub == '/log':
        if method == 'GET':
            reset = (query or {}).get('reset', '0')
            if reset not in ('0', '1'):
                raise ApiError(400, 'reset must be 0 or 1', fields=['reset'])
            return Reply(200, state.log.take() if reset == '1' else state.log.snapshot())
        state.log.clear()
    elif sub == '/faults':
        if method == 'GET':
            return Reply(200, {'faults': state.faults.list()})
        if method == 'POST':
            rules = body.get('faults', [])
            if not isinstance(rules, list):
                raise ApiError(400, 'faults must be a list', fields=['faults'])
            return Reply(200, {'faults': state.faults.add(rules)})
        state.faults.clear()
    elif sub == '/expire-tokens':
        state.tokens.expire()
    elif sub == '/reset':
        state.reset()
    elif sub == '/dialects':
        if method != 'GET':
            try:
                names = check_dialects(body.get('dialects', [])) if method == 'POST' else set()
            except ValueError as exc:
                raise ApiError(400, str(exc), fields=['dialects']) from None
            with state.lock:
                state.dialects = names
        return Reply(200, {'dialects': sorted(state.dialects)})
    elif sub == '/latency':
        if method == 'POST':
            set_latency(state, body)
        return Reply(200, state.latency())
    elif sub == '/state':
        return Reply(200, state.stored())
    elif sub == '/clock':
        if method == 'POST':
            advance = body.get('advance', 0)
            if isinstance(advance, bool) or not isinstance(advance, (int, float)) or advance < 0:
                raise ApiError(400, 'advance must be a non-negative number of seconds', fields=['advance'])
            with state.lock:
                state.clock_offset += advance
        return Reply(200, state.clock())
    else:
        kind = state.kinds[sub[1:]]
        with state.lock:
            if method == 'GET':
                return Reply(200, kind.stored())
            if method == 'POST':
                return Reply(200, {'ids': kind.seed(body.get(kind.seed_key, []))})
            kind.clear()
    return Reply(200, {'ok': True})
