# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests on demand and the site-status report in the AlertSite API simulator (reference sections 11 and 12).

``GET /tests?monitor_id=...[&location_id=...][&test_type=...]`` starts a test of a stored monitor (a GET that is
not idempotent: each call starts one more test) and answers ``{"id": "<string>", "result_url": "..."}``.
``GET /tests/{id}`` answers HTTP 200 with the progress: ``progress`` 1 (in progress), 2 (passed, ``status`` 0),
3 (failed, ``status``/``status_desc`` the AlertSite error) or 0 (``Test Not Found``, also for an unknown id).

* A test is refused (400) without an integer ``monitor_id``, for a monitor of type ``bitbar``, a ``location_id``
  that is not one of the monitor's ``locations``, a ``test_type`` other than ``Fullpage``/``Non-Fullpage`` or
  given for a monitor that is not ``website``/``website-ssl``/``dejaclick``, ``monitor_agent`` or any other
  parameter; an unknown monitor is 404.
* How a monitor's tests end is set per monitor (and optionally per location) through the control API,
  ``POST /_sim/tests {"tests": [{"monitor_id", "location_id", "result", "status", "status_desc", "polls"}]}``:
  ``result`` ``passed`` (the default), ``failed``, ``running`` (never ends) or ``forget`` (``Test Not Found``
  once started); ``polls`` (default 1) is how many progress reads answer "in progress" first. Tests progress
  by reads, not by time, so a test target waits for nothing. ``GET /_sim/tests`` shows the outcomes and every
  test started; ``DELETE`` forgets both.
* A test that ends sets its monitor's site status (code, description, the simulator's time).

``GET /report-sitestatus[?monitors=<ids, comma-separated>]`` lists one row per monitor, paged like every list:
``monitor_id`` (a string), ``device_name``, ``last_status`` (``"0"`` = OK), ``last_status_desc``,
``dt_last_status`` (``YYYY-MM-DD HH:MM:SS``, UTC on the simulator's clock) and ``info_msg``. ``monitor_groups``
and other parameters are refused (400). ``POST /_sim/report-sitestatus {"report_sitestatus": [{"monitor_id",
"last_status", "last_status_desc", "info_msg", "dt_last_status", "hidden"}]}`` sets a monitor's status (``hidden``:
the report has no row for it; ``dt_last_status`` as given, any text).

Dialects (sim_dialects.py): test-id-key, test-envelope, test-numeric-id, test-opaque-id, test-url-only,
numbers-as-strings (progress codes as strings) for the start and progress replies; sitestatus-obj-device,
sitestatus-name-only, sitestatus-per-location, sitestatus-int-status, sitestatus-iso-dates for the report.
"""

import copy
from urllib.parse import unquote

from sim_dialects import (
    NUMBERS_AS_STRINGS,
    SITESTATUS_INT_STATUS,
    SITESTATUS_ISO_DATES,
    SITESTATUS_NAME_ONLY,
    SITESTATUS_OBJ_DEVICE,
    SITESTATUS_PER_LOCATION,
    TEST_ENVELOPE,
    TEST_ID_KEY,
    TEST_NUMERIC_ID,
    TEST_OPAQUE_ID,
    TEST_URL_ONLY,
)
from sim_store import ApiError, Kind, Reply, is_int, list_reply, not_found

RESULTS = ('passed', 'failed', 'running', 'forget')
TEST_TYPES = ('Fullpage', 'Non-Fullpage')
WEB_TYPES = ('website', 'website-ssl', 'dejaclick')
START_PARAMS = ('monitor_id', 'location_id', 'test_type')
OK = (0, 'Site is OK Now!')
IN_PROGRESS = {'progress': 1, 'progress_desc': 'Test In Progress', 'status': -1, 'status_desc': ''}
NOT_FOUND = {'progress': 0, 'progress_desc': 'Test Not Found', 'status': -1, 'status_desc': ''}
DATE_FORMAT = '%Y-%m-%d %H:%M:%S'


def int_of(query, name):
    """The integer value of a query parameter, None when absent; 400 naming it when it is not an integer."""
    value = query.get(name)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise ApiError(400, '%s must be an integer' % name, fields=[name]) from None


def location_ids(monitor):
    """The ids of a stored monitor's locations."""
    return [item.get('id') if isinstance(item, dict) else item for item in monitor.get('locations') or []]


def check_outcome(item):
    """The stored form of one outcome a test sets, or 400."""
    if not isinstance(item, dict) or not is_int(item.get('monitor_id')):
        raise ApiError(400, 'each outcome needs an integer monitor_id', fields=['monitor_id'])
    result = item.get('result', 'passed')
    if result not in RESULTS:
        raise ApiError(400, 'result must be one of %s' % ', '.join(RESULTS), fields=['result'])
    polls = item.get('polls', 1)
    if not is_int(polls) or polls < 0:
        raise ApiError(400, 'polls must be a non-negative integer', fields=['polls'])
    status = item.get('status', OK[0] if result == 'passed' else 1)
    desc = item.get('status_desc', OK[1] if result == 'passed' else 'TCP connection failed')
    return {'monitor_id': item['monitor_id'], 'location_id': item.get('location_id'), 'result': result,
            'polls': polls, 'status': status, 'status_desc': desc}


class Tests(Kind, path='tests', first_id=700001):
    """Tests on demand: the tests started (records) and the outcome set for each monitor (and location)."""

    def __init__(self, sim):
        super().__init__(sim)
        self.outcomes = {}

    def restart(self):
        super().restart()
        self.outcomes = {}

    def clear(self):
        super().clear()
        self.outcomes = {}

    def stored(self):
        return {'outcomes': copy.deepcopy(list(self.outcomes.values())), 'started': copy.deepcopy(self.ordered())}

    def seed(self, items):
        """Set outcomes (not tests): each replaces the outcome of its monitor and location."""
        if not isinstance(items, list):
            raise ApiError(400, 'tests must be a list of outcomes', fields=['tests'])
        checked = [check_outcome(item) for item in items]
        for outcome in checked:
            self.outcomes[(outcome['monitor_id'], outcome['location_id'])] = outcome
        return [outcome['monitor_id'] for outcome in checked]

    def outcome_for(self, monitor_id, location_id):
        found = self.outcomes.get((monitor_id, location_id)) or self.outcomes.get((monitor_id, None))
        return found or check_outcome({'monitor_id': monitor_id})

    def routes(self, parts):
        if not parts:
            return {'GET': self.api_start}
        if len(parts) == 1:
            return {'GET': lambda request: self.api_progress(unquote(parts[0]))}
        return None

    def check_start(self, query):
        """The monitor and location of a start request, or 400/404."""
        unknown = sorted(name for name in query if name not in START_PARAMS)
        if unknown:
            raise ApiError(400, 'unsupported query parameter', fields=unknown)
        monitor_id = int_of(query, 'monitor_id')
        if monitor_id is None:
            raise ApiError(400, 'monitor_id is required', fields=['monitor_id'])
        monitor = self.sim.kinds['monitors'].find(monitor_id)
        if monitor is None:
            raise not_found()
        if monitor.get('type') == 'bitbar':
            raise ApiError(400, 'BitBar monitors cannot be tested on demand', fields=['monitor_id'])
        location_id = int_of(query, 'location_id')
        if location_id is not None and location_id not in location_ids(monitor):
            raise ApiError(400, 'location %s is not a location of monitor %s' % (location_id, monitor_id),
                           fields=['location_id'])
        test_type = query.get('test_type')
        if test_type is not None and test_type not in TEST_TYPES:
            raise ApiError(400, 'test_type must be Fullpage or Non-Fullpage', fields=['test_type'])
        if test_type is not None and monitor.get('type') not in WEB_TYPES:
            raise ApiError(400, 'test_type applies only to website and DejaClick monitors', fields=['test_type'])
        return monitor, location_id

    def new_test_id(self, number):
        if TEST_OPAQUE_ID in self.sim.dialects:
            return 'tod:%d/a+b' % number
        return str(number)

    def api_start(self, request):
        """GET /tests: start one more test; the reply in the shape the dialects choose."""
        monitor, location_id = self.check_start(request.query)
        outcome = self.outcome_for(monitor['id'], location_id)
        number = self.next_id
        test_id = self.new_test_id(number)
        self.next_id += 1
        self.records[test_id] = {'id': test_id, 'monitor_id': monitor['id'], 'location_id': location_id,
                                 'test_type': request.query.get('test_type'), 'polls_left': outcome['polls'],
                                 'outcome': outcome, 'polls': 0, 'done': False}
        return Reply(200, self.start_reply(test_id, number))

    def ordered(self):
        return [self.records[key] for key in sorted(self.records, key=str)]

    def start_reply(self, test_id, number):
        dialects = self.sim.dialects
        url = 'https://www.alertsite.com/cgi-bin/index.cgi?test_id=%s' % test_id
        shown = number if TEST_NUMERIC_ID in dialects and TEST_OPAQUE_ID not in dialects else test_id
        if TEST_URL_ONLY in dialects:
            return {'result_url': url}
        item = {'test_id' if TEST_ID_KEY in dialects else 'id': shown, 'result_url': url}
        if TEST_ENVELOPE in dialects:
            return {'metadata': {'resultset': {'count': 1, 'limit': None, 'offset': '0'}}, 'results': [item]}
        return item

    def api_progress(self, test_id):
        """GET /tests/{id}: the progress of a test; 200 ``Test Not Found`` for an unknown id."""
        record = self.records.get(test_id)
        if record is None or record['outcome']['result'] == 'forget':
            body = dict(NOT_FOUND)
        else:
            record['polls'] += 1
            body = self.progress_of(record)
        if NUMBERS_AS_STRINGS in self.sim.dialects:
            body = dict((key, str(value) if isinstance(value, int) else value) for key, value in body.items())
        return Reply(200, body)

    def progress_of(self, record):
        outcome = record['outcome']
        if outcome['result'] == 'running' or record['polls_left'] > 0:
            record['polls_left'] -= 1
            return dict(IN_PROGRESS)
        if not record['done']:
            record['done'] = True
            self.sim.kinds['report-sitestatus'].set_status(record['monitor_id'], outcome['status'],
                                                           outcome['status_desc'])
        if outcome['result'] == 'passed':
            return {'progress': 2, 'progress_desc': 'Test Successful', 'status': 0, 'status_desc': outcome['status_desc']}
        return {'progress': 3, 'progress_desc': 'Test Failed', 'status': outcome['status'],
                'status_desc': outcome['status_desc']}


class SiteStatus(Kind, path='report-sitestatus'):
    """The site-status report: the current status of each stored monitor (OK until a test or a seed says not)."""

    def __init__(self, sim):
        super().__init__(sim)
        self.status = {}

    def restart(self):
        super().restart()
        self.status = {}

    def clear(self):
        self.status = {}

    def stored(self):
        return copy.deepcopy([dict(value, monitor_id=key) for key, value in sorted(self.status.items())])

    def set_status(self, monitor_id, code, desc, info_msg=None, when=None, hidden=False):
        self.status[monitor_id] = {'last_status': code, 'last_status_desc': desc,
                                   'info_msg': info_msg if info_msg is not None else ('' if code == 0 else desc),
                                   'dt_last_status': when or self.sim.now().strftime(DATE_FORMAT), 'hidden': hidden}

    def seed(self, items):
        if not isinstance(items, list) or not all(isinstance(item, dict) and is_int(item.get('monitor_id'))
                                                  for item in items):
            raise ApiError(400, 'report_sitestatus must be a list of objects with an integer monitor_id')
        for item in items:
            self.set_status(item['monitor_id'], item.get('last_status', 0), item.get('last_status_desc', OK[1]),
                            item.get('info_msg'), item.get('dt_last_status'), bool(item.get('hidden')))
        return [item['monitor_id'] for item in items]

    def routes(self, parts):
        return {'GET': self.api_list} if not parts else None

    def api_list(self, request):
        query = request.query
        unknown = sorted(name for name in query if name not in ('monitors', 'limit', 'offset'))
        if unknown:
            raise ApiError(400, 'unsupported query parameter', fields=unknown)
        wanted = None
        if query.get('monitors'):
            try:
                wanted = set(int(part) for part in query['monitors'].split(','))
            except ValueError:
                raise ApiError(400, 'monitors must be a comma-separated list of ids', fields=['monitors']) from None
        monitors = [monitor for monitor in self.sim.kinds['monitors'].ordered() if wanted is None or monitor['id'] in wanted]
        rows = [row for monitor in monitors for row in self.rows_of(monitor)]
        return list_reply(rows, query, lambda row: row, self.sim)

    def rows_of(self, monitor):
        dialects = self.sim.dialects
        status = self.status.get(monitor['id']) or {
            'last_status': OK[0], 'last_status_desc': OK[1], 'info_msg': '',
            'dt_last_status': self.sim.now().strftime(DATE_FORMAT)}
        if status.get('hidden'):
            return []
        row = {'device_name': monitor.get('name'), 'last_status_desc': status['last_status_desc'],
               'info_msg': status['info_msg'], 'dt_last_status': status['dt_last_status'],
               'last_status': status['last_status'] if SITESTATUS_INT_STATUS in dialects else str(status['last_status'])}
        if SITESTATUS_ISO_DATES in dialects:
            row['dt_last_status'] = row['dt_last_status'].replace(' ', 'T')
        if SITESTATUS_OBJ_DEVICE in dialects:
            row['obj_device'] = str(monitor['id'])
        elif SITESTATUS_NAME_ONLY not in dialects:
            row['monitor_id'] = str(monitor['id'])
        if SITESTATUS_PER_LOCATION not in dialects:
            return [row]
        return [dict(row, location=str(location)) for location in location_ids(monitor) or [monitor.get('home_location')]]
