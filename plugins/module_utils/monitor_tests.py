# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Tests on demand (``GET /tests``, ``GET /tests/{id}``): which tests a task runs, starting them on a bounded
pool, polling them with backoff until they end or the timeout passes, and reading the API's replies.

Nothing in the account changes: a test on demand does not alert and does not count in SLA figures. The decisions
for what the vendor does not document are those of the API reference ("Decisions for the unknowns", sections
11-12): three accepted shapes of the start reply, an opaque test id, the progress codes 0-3, a start retried only
when the API surely did not carry it out (a 429, or no connection), BitBar monitors refused, locations among the
monitor's own.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time
from collections import OrderedDict, namedtuple
from urllib.parse import quote

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse

START_PATH = '/tests'
UNTESTABLE_TYPES = ('bitbar',)  # "every monitor type except for BitBar monitors"
WEB_TYPES = ('website', 'website-ssl', 'dejaclick')  # test_type is "used only when testing website and DejaClick"
TEST_TYPES = ('Fullpage', 'Non-Fullpage')
PROGRESS = {0: 'not_found', 1: None, 2: 'passed', 3: 'failed'}  # None: still running
OUTCOMES = ('passed', 'failed', 'not_found', 'timed_out', 'error')
FIRST_POLL_DELAY = 1.0  # seconds; the vendor gives no guidance
POLL_DELAY_GROWTH = 1.5
POLL_DELAY_CAP = 10.0
MAX_TIMEOUT = 3600
MAX_CONCURRENCY = 16
CONTRACT_ADVICE = ('; the read-only contract check (ansible-playbook community.alertsite.contract_check with '
                   'contract_check_run_test) shows the shape of this account\'s replies: please add it to a bug report')


class ReplyError(Exception):
    """A reply of the tests API this collection does not understand; the message names keys, never values."""


Job = namedtuple('Job', 'monitor location')


def shape_of(body):
    """What a reply looked like, without its values: its keys, or its JSON type."""
    if isinstance(body, dict):
        return 'keys %s' % (', '.join(sorted(str(key) for key in body)) or 'none')
    return 'a JSON %s' % {list: 'list', str: 'string', type(None): 'null', bool: 'boolean'}.get(type(body), 'number')


# -- replies ---------------------------------------------------------------------------------------------------

def _id_of(item):
    for key in ('id', 'test_id'):
        value = item.get(key)
        if value not in (None, '') and not isinstance(value, (dict, list, bool)):
            return str(value)  # opaque: a number is taken as its text
    return None


def parse_start(body):
    """``(test id, result_url or None)`` of a ``GET /tests`` reply: ``{"id"}``, ``{"test_id"}`` or a list envelope
    holding exactly one item with either; anything else raises :class:`ReplyError`."""
    item = body
    if isinstance(body, dict) and 'results' in body and _id_of(body) is None:
        results = body['results']
        if not isinstance(results, list) or len(results) != 1 or not isinstance(results[0], dict):
            count = len(results) if isinstance(results, list) else 'no list of'
            raise ReplyError('the reply of GET /tests holds %s results, not one test (%s)' % (count, shape_of(body)))
        item = results[0]
    test_id = _id_of(item) if isinstance(item, dict) else None
    if test_id is None:
        raise ReplyError('the reply of GET /tests holds no test id (%s)' % shape_of(item))
    url = item.get('result_url') if isinstance(item.get('result_url'), str) else body.get('result_url')
    return test_id, url if isinstance(url, str) and url else None


def parse_progress(body):
    """``(outcome or None while running, status, status_desc)`` of a ``GET /tests/{id}`` reply."""
    if not isinstance(body, dict) or 'progress' not in body:
        raise ReplyError('the reply of GET /tests/{id} holds no progress (%s)' % shape_of(body))
    code = as_int(body['progress'])
    if isinstance(code, bool) or code not in PROGRESS:
        raise ReplyError('the reply of GET /tests/{id} has progress %r, not 0, 1, 2 or 3' % (body['progress'],))
    status = body.get('status')
    number = as_int(status)
    return PROGRESS[code], number if isinstance(number, int) else status, body.get('status_desc')


# -- the request: options, monitors, jobs ------------------------------------------------------------------------

def request_problems(params):
    """Every problem of a task's options, seen without the API."""
    problems = []
    refs = references_of(params)
    given = [name for name in ('id', 'name', 'monitors') if params.get(name) not in (None, [])]
    if not given:
        problems.append('give the monitors to test: id, name and type, or monitors')
    elif 'monitors' in given and len(given) > 1:
        problems.append('give monitors, or id, or name and type, not several')
    elif params.get('id') not in (None, '') and params.get('name') not in (None, ''):
        problems.append('give id or name, not both')
    if params.get('monitors') == []:
        problems.append('monitors must not be empty')
    if params.get('type') is not None and params.get('name') in (None, ''):
        problems.append('type goes with name')
    problems.extend(reference_problems('monitors' if params.get('monitors') else 'monitor', refs, typed=True,
                                       type_choices=API_TYPES))
    for location in params.get('locations') or []:
        if not isinstance(location, int) or isinstance(location, bool) or location < 1:
            problems.append('locations must be positive location ids, got %r' % (location,))
    if params.get('locations') == []:
        problems.append('locations must not be empty (leave it out to test from each monitor\'s home location)')
    if not 1 <= params['timeout'] <= MAX_TIMEOUT:
        problems.append('timeout must be 1 to %d seconds, got %s' % (MAX_TIMEOUT, params['timeout']))
    if not 0.1 <= params['poll_delay'] <= POLL_DELAY_CAP:
        problems.append('poll_delay must be 0.1 to %g seconds, got %s' % (POLL_DELAY_CAP, params['poll_delay']))
    if not 1 <= params['concurrency'] <= MAX_CONCURRENCY:
        problems.append('concurrency must be 1 to %d, got %s' % (MAX_CONCURRENCY, params['concurrency']))
    return problems


def references_of(params):
    """The monitors a task names, as reference items: ``monitors``, or the one of ``id`` / ``name`` + ``type``."""
    if params.get('monitors'):
        return [dict((key, value) for key, value in item.items() if value is not None) for item in params['monitors']]
    item = dict((key, params.get(key)) for key in ('id', 'name', 'type') if params.get(key) not in (None, ''))
    return [item] if item else []


def find_monitors(client, refs, option='monitors'):
    """The monitors the references name, each once, in the order given: one listing of every type."""
    return pick_monitors(Index.load(client, ANY_MONITOR), refs, option)


def pick_monitors(index, refs, option='monitors'):
    """The monitors of a listing (an :class:`.resource.Index` of every type) that the references name, each once,
    in the order given; an unknown or ambiguous one raises :class:`.resource.InputError` naming every such item
    (``<option>[n]``, or "the monitor" when ``option`` is None: the task's own id or name)."""
    monitors, problems = OrderedDict(), []
    for position, ref in enumerate(refs):
        where = 'the monitor' if option is None else '%s[%d]' % (option, position)
        if ref.get('id') not in (None, ''):
            found = index.by_id.get(str(as_int(ref['id'])))
            if found is None:
                problems.append('%s: no monitor has id %s' % (where, ref['id']))
                continue
        else:
            try:
                found = index.find(ANY_MONITOR, ref['type'], {'name': ref['name']}, 'give the id instead')
            except InputError as exc:
                problems.append('%s: %s' % (where, exc))
                continue
            if found is None:
                problems.append("%s: no %s monitor is named '%s'" % (where, ref['type'], ref['name']))
                continue
        monitors.setdefault(str(found.get('id')), found)
    if problems:
        raise InputError('; '.join(problems))
    return list(monitors.values())


def monitor_label(monitor):
    return "%s monitor '%s' (id %s)" % (monitor.get('type'), monitor.get('name'), monitor.get('id'))


def location_ids(monitor):
    return [as_int(item.get('id') if isinstance(item, dict) else item) for item in monitor.get('locations') or []]


def plan_jobs(monitors, locations):
    """One job per monitor and location (each once); refuses what cannot be tested, before any test starts."""
    problems, jobs = [], []
    for monitor in monitors:
        if monitor.get('type') in UNTESTABLE_TYPES:
            problems.append('%s cannot be tested on demand (the API tests every type but BitBar)' % monitor_label(monitor))
            continue
        own = location_ids(monitor)
        for location in locations or [None]:
            if location is not None and location not in own:
                problems.append('%s has no location %s (its locations: %s)'
                                % (monitor_label(monitor), location, ', '.join(str(item) for item in own) or 'none'))
            elif Job(monitor, location) not in jobs:
                jobs.append(Job(monitor, location))
    if problems:
        raise InputError('; '.join(problems))
    return jobs


def start_params(job, test_type):
    params = OrderedDict(monitor_id=str(job.monitor.get('id')))
    if job.location is not None:
        params['location_id'] = str(job.location)
    if test_type and job.monitor.get('type') in WEB_TYPES:
        params['test_type'] = test_type
    return params


# -- running ---------------------------------------------------------------------------------------------------

def start_test(client, job, test_type):
    """Start one test; ``(test id, result_url)``. The one owner of a start's retries: ``GET /tests`` is not
    idempotent, so it is sent again only when the API surely did not carry it out: a 429 (after the pause that
    holds every thread) or a request that never reached it. A 5xx or a lost reply may have started the test: it
    fails this monitor and location, saying so, and is never sent again."""
    attempts = max(1, client.retries + 1)
    for attempt in range(1, attempts + 1):
        try:
            reply = client.request('GET', START_PATH, params=start_params(job, test_type), retries=0)
        except AlertSiteError as exc:
            turned_away = exc.status == 429 or not exc.sent
            if turned_away and attempt < attempts:
                client.wait_to_retry(attempt, exc.status, exc.retry_after)
                continue
            if exc.status is None or exc.status >= 500:
                raise AlertSiteError('%s; not started again, because the test may have started' % exc,
                                     exc.method, exc.path, exc.status, exc.messages)
            raise
        try:
            return parse_start(reply)
        except ReplyError as exc:
            raise ReplyError('%s%s' % (exc, CONTRACT_ADVICE))
    raise AlertSiteError('GET %s: no attempt left' % START_PATH)  # not reached: the last attempt returns or raises


class Run(object):
    """One test of one monitor at one location, from its start to its end: what the task reports of it."""

    def __init__(self, job, started):
        self.job = job
        self.started = started
        self.test_id = self.result_url = None
        self.outcome = self.status = self.status_desc = None
        self.ended = None
        self.next_poll = started
        self.delay = None

    def end(self, outcome, status, desc, now):
        self.outcome, self.status, self.status_desc, self.ended = outcome, status, desc, now

    def result(self):
        monitor = self.job.monitor
        result = OrderedDict([
            ('monitor_id', as_int(monitor.get('id'))), ('monitor_name', monitor.get('name')),
            ('monitor_type', monitor.get('type')),
            ('location', self.job.location if self.job.location is not None else as_int(monitor.get('home_location'))),
            ('home_location', self.job.location is None), ('outcome', self.outcome), ('status', self.status),
            ('status_desc', self.status_desc), ('test_id', self.test_id),
            ('duration', round(self.ended - self.started, 1) if self.ended is not None else None)])
        if self.result_url:
            result['result_url'] = self.result_url
        return result

    def label(self):
        result = self.result()
        where = 'its home location %s' % result['location'] if self.job.location is None else 'location %s' % result['location']
        return '%s at %s' % (monitor_label(self.job.monitor), where)


def start_all(client, jobs, test_type, concurrency, clock=time.monotonic):
    """Start every test on at most ``concurrency`` threads; one :class:`Run` per job, those that could not start
    already ended (``error``)."""
    def start(job):
        run = Run(job, clock())
        try:
            run.test_id, run.result_url = start_test(client, job, test_type)
        except (AlertSiteError, ReplyError) as exc:
            run.end('error', getattr(exc, 'status', None), str(exc), clock())
        return run
    runs = run_ordered(start, jobs, workers=concurrency)
    return [run if not isinstance(run, Failed) else _failed_run(job, run.error, clock())
            for job, run in zip(jobs, runs)]


def _failed_run(job, error, now):
    run = Run(job, now)
    run.end('error', None, str(error), now)
    return run


def poll_all(client, runs, timeout, first_delay, clock=time.monotonic, sleep=None):
    """Poll every started test in turn, each with its own growing delay (``first_delay`` times 1.5 each poll, at
    most 10 s), until each has ended or ``timeout`` seconds have passed: those still running are ``timed_out``.
    A poll is a GET: the client retries it (a 429 pauses every thread, then polling resumes)."""
    sleep = sleep or client.sleep
    deadline = clock() + timeout
    for run in runs:
        run.delay = first_delay
        run.next_poll = clock() + first_delay
    while True:
        waiting = [run for run in runs if run.outcome is None]
        if not waiting:
            return runs
        now = clock()
        if now >= deadline:
            for run in waiting:
                run.end('timed_out', None, 'no end within the timeout of %s s' % timeout, now)
            return runs
        due = min(run.next_poll for run in waiting)
        if due > now:
            sleep(min(due, deadline) - now)
            continue
        for run in [run for run in waiting if run.next_poll <= now]:
            poll_once(client, run, clock)


def poll_once(client, run, clock):
    try:
        outcome, status, desc = parse_progress(client.get('%s/%s' % (START_PATH, quote(run.test_id, safe=''))))
    except (AlertSiteError, ReplyError) as exc:
        run.end('error', getattr(exc, 'status', None), str(exc), clock())
        return
    if outcome is None:
        run.delay = min(POLL_DELAY_CAP, run.delay * POLL_DELAY_GROWTH)
        run.next_poll = clock() + run.delay
    else:
        run.end(outcome, status, desc, clock())


def summary(results):
    """``3 tests: 2 passed, 1 failed``."""
    counts = OrderedDict((outcome, 0) for outcome in OUTCOMES)
    for result in results:
        counts[result['outcome']] += 1
    parts = ['%d %s' % (count, outcome.replace('_', ' ')) for outcome, count in counts.items() if count]
    return '%d test%s: %s' % (len(results), '' if len(results) == 1 else 's', ', '.join(parts))


def failure_message(runs):
    """Names each monitor and location whose test did not pass, with its status and description."""
    lines = []
    for run in runs:
        if run.outcome == 'passed':
            continue
        detail = run.status_desc or ''
        if run.outcome == 'failed':
            detail = 'status %s, %s' % (run.status, detail or 'no description')
        lines.append('%s: %s%s' % (run.label(), run.outcome.replace('_', ' '), ': %s' % detail if detail else ''))
    return '; '.join(lines)


# -- the module ------------------------------------------------------------------------------------------------

def argument_spec():
    ref_options = OrderedDict([('id', dict(type='int')), ('name', dict(type='str')),
                               ('type', dict(type='str', choices=list(API_TYPES)))])
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'), name=dict(type='str'), type=dict(type='str', choices=list(API_TYPES)),
        monitors=dict(type='list', elements='dict', options=ref_options),
        locations=dict(type='list', elements='int'),
        test_type=dict(type='str', choices=list(TEST_TYPES)),
        timeout=dict(type='int', default=300),
        poll_delay=dict(type='float', default=FIRST_POLL_DELAY),
        concurrency=dict(type='int', default=4),
        fail_on_error=dict(type='bool', default=True),
    )
    return spec


def run_test_module():
    """The whole life of ``alertsite_monitor_test``: check, find the monitors (one listing), refuse what cannot be
    tested, then (not in check mode) start every test, poll them all, and report one result per monitor and
    location. ``changed`` is always false."""
    module = new_module(argument_spec())
    params = module.params
    refuse(module, request_problems(params) + connection_problems(params))
    client = client_from_module(module)
    try:
        refs = references_of(params)
        jobs = plan_jobs(find_monitors(client, refs, 'monitors' if params.get('monitors') else None), params['locations'])
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    if module.check_mode:
        planned = [dict(Run(job, 0).result(), outcome=None, duration=None) for job in jobs]
        module.exit_json(changed=False, tests=planned, msg='Check mode: %d test%s would run; nothing was started'
                         % (len(jobs), '' if len(jobs) == 1 else 's'))
    runs = start_all(client, jobs, params['test_type'], params['concurrency'])
    poll_all(client, runs, params['timeout'], params['poll_delay'])
    results = [run.result() for run in runs]
    failed = [run for run in runs if run.outcome != 'passed']
    msg = summary(results)
    if failed and params['fail_on_error']:
        module.fail_json(msg='%s. Did not pass: %s' % (msg, failure_message(failed)), tests=results, changed=False)
    module.exit_json(changed=False, tests=results, msg=msg + ('. Did not pass: %s' % failure_message(failed) if failed else ''))
