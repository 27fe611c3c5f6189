# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The part of the contract check (:mod:`.contract`) about the live state of an account: the shape of the
site-status report, always, and, only when asked with a monitor id (``contract_check_run_test``, since it runs
a test), the shapes of the replies that start a test on demand and report its progress.

A test on demand changes nothing in the account (it does not alert and does not count in SLA figures), but it
does run the monitor, so it is off by default. As the rest of the check, this shows keys, JSON types and HTTP
statuses, never a value.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from urllib.parse import quote

from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.monitor_tests import START_PATH, ReplyError, parse_progress, parse_start
from ansible_collections.community.alertsite.plugins.module_utils.site_status import REPORT_PATH

POLLS = 12
POLL_DELAYS = (1, 2, 3, 5, 5, 10, 10, 10, 10, 10, 10, 10)  # at most 86 s in all


def run_test_problem(value):
    """Why ``value`` (the variable ALERTSITE_CONTRACT_RUN_TEST) cannot name a monitor, or None; unset is fine."""
    if value in (None, ''):
        return None
    if not (value.isascii() and value.isdigit() and int(value) > 0):
        return 'ALERTSITE_CONTRACT_RUN_TEST (contract_check_run_test) must be a monitor id, a positive whole number'
    return None


def report_live(client, report, run_test, shape, failure):
    """Add the site-status report's shape, and with ``run_test`` (a monitor id) those of a test's replies.

    :param shape: the check's function(value) -> keys and JSON types; :param failure: function(error) -> its
        HTTP status only.
    """
    try:
        reply = client.get(REPORT_PATH, params={'limit': 2, 'offset': 0})
        report.add('Site status: GET %s?limit=2&offset=0 -> %s' % (REPORT_PATH, shape(reply)))
    except AlertSiteError as exc:
        report.add('Site status: GET %s?limit=2&offset=0 failed: %s' % (REPORT_PATH, failure(exc)))
    if not run_test:
        report.add('Tests on demand: not run (set contract_check_run_test to a monitor id to run one test of it)')
        return
    test_id = start(client, report, run_test, shape, failure)
    if test_id is not None:
        poll(client, report, test_id, shape, failure)


def start(client, report, monitor_id, shape, failure):
    """Start one test (sent once: a start is not idempotent); the test id, or None."""
    try:
        reply = client.request('GET', START_PATH, params={'monitor_id': str(monitor_id)}, retries=0)
    except AlertSiteError as exc:
        report.add('Tests on demand: GET %s?monitor_id=(the monitor) failed: %s' % (START_PATH, failure(exc)))
        return None
    report.add('Tests on demand: GET %s?monitor_id=(the monitor) -> %s' % (START_PATH, shape(reply)))
    try:
        test_id, dummy = parse_start(reply)
    except ReplyError:
        report.add('not a start reply the collection reads (id, test_id, or one item of results): nothing polled', 1)
        return None
    report.add('read as a test id by the collection', 1)
    return test_id


def poll(client, report, test_id, shape, failure):
    """Poll the test until it ends (at most :data:`POLLS` times); report each new shape of its progress."""
    seen = set()
    for delay in POLL_DELAYS:
        client.sleep(delay)
        try:
            reply = client.get('%s/%s' % (START_PATH, quote(test_id, safe='')))
        except AlertSiteError as exc:
            report.add('Progress: GET %s/(the test id) failed: %s' % (START_PATH, failure(exc)), 1)
            return
        try:
            outcome, dummy, dummy_desc = parse_progress(reply)
            reading = 'still running' if outcome is None else 'ended'
        except ReplyError:
            outcome, reading = 'unknown', 'not read by the collection'
        if (shape(reply), reading) not in seen:
            seen.add((shape(reply), reading))
            report.add('Progress: GET %s/(the test id) -> %s (%s)' % (START_PATH, shape(reply), reading), 1)
        if outcome is not None:
            return
    report.add('Progress: the test had not ended after %d polls' % POLLS, 1)
