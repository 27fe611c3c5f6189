#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_monitor_test
short_description: Run AlertSite monitors now (tests on demand) and report whether they pass
version_added: 2.0.0
description:
  - Runs a test on demand of one or several monitors, from each given location or from each monitor's home
    location, and waits until every test has ended or O(timeout) has passed.
  - A test on demand does not alert and does not count in SLA figures; nothing in the account changes, so the
    task is never changed.
  - The monitors are found with one listing of every monitor. A monitor of type V(bitbar) (which the API cannot
    test on demand), or a location that is not one of a monitor's O(locations), is refused before any test starts.
  - The tests are started at the same time on at most O(concurrency) connections. A start is never sent twice
    unless the API surely did not carry it out (it answered 429, or the connection could not be made). After a
    5xx or a lost reply the test may have started, and that monitor and location are reported as V(error).
  - Each test is then polled with a growing delay (from O(poll_delay), times 1.5 each poll, at most 10 seconds).
    A 429 while polling pauses every request of the task for the time the API asks, then polling resumes.
  - The task fails when a test did not pass, naming each monitor and location with its status code and
    description, unless O(fail_on_error=false).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
attributes:
  check_mode:
    description: In check mode the monitors are found and checked, and no test is started.
    support: full
  diff_mode:
    description: Nothing in the account changes; there is nothing to show in diff mode.
    support: N/A
  action_group:
    description: Use C(group/community.alertsite.alertsite) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.alertsite.alertsite
options:
  id:
    description:
      - The id of the one monitor to test. Give O(id), or O(name) and O(type), or O(monitors).
    type: str
  name:
    description:
      - The name of the one monitor to test, with O(type).
    type: str
  type:
    description:
      - The API type of the monitor named O(name), such as V(tcp) or V(website-ssl).
    type: str
    choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server,
              ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
  monitors:
    description:
      - The monitors to test, each C({id}) or C({name, type}). Each is tested once, even when named twice.
    type: list
    elements: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name, with O(monitors[].type).
        type: str
      type:
        description: The monitor's API type.
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl,
                  name-server, ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
  locations:
    description:
      - The location ids to run each monitor's test from; each must be one of every monitor's own locations.
      - One test runs per monitor and location.
      - Without it, each monitor is tested once from its home (primary) location.
    type: list
    elements: int
  test_type:
    description:
      - For web monitors (V(website), V(website-ssl), DéjàClick) only, V(Fullpage) (the API's default) downloads the
        page with everything it loads, V(Non-Fullpage) only its HTML. Never sent for other types.
    type: str
    choices: [Fullpage, Non-Fullpage]
  timeout:
    description:
      - Seconds to wait, after the tests started, for every test to end. A test that has not ended by then is
        reported as V(timed_out). 1 to 3600.
    type: int
    default: 300
  poll_delay:
    description:
      - Seconds before the first poll of each test; each further poll waits 1.5 times longer, at most 10 seconds.
        0.1 to 10.
    type: float
    default: 1.0
  concurrency:
    description:
      - How many tests are started at the same time, 1 to 16.
    type: int
    default: 4
  fail_on_error:
    description:
      - Fail the task when any test did not pass. With V(false) the task succeeds and RV(tests) tells.
    type: bool
    default: true
requirements:
  - requests
notes:
  - The reply of the API's test start is not documented. The id is read from C(id), C(test_id), or the one item
    of a C(results) list; any other reply fails that test, naming the keys it had (never their values). The
    read-only playbook C(community.alertsite.contract_check) with C(contract_check_run_test) shows the replies
    of an account.
seealso:
  - module: community.alertsite.alertsite_monitor_status_info
  - module: community.alertsite.alertsite_blackout
'''

EXAMPLES = r'''
- name: Run the checks of the shop from two locations now
  community.alertsite.alertsite_monitor_test:
    monitors:
      - name: shop-home
        type: website-ssl
      - id: 100001
    locations: [10, 50]
    timeout: 600
  register: smoke

- name: Run one monitor and look at the result without failing
  community.alertsite.alertsite_monitor_test:
    name: web-443
    type: tcp
    fail_on_error: false
  register: probe

- name: Say what failed
  ansible.builtin.debug:
    msg: "{{ probe.tests | rejectattr('outcome', 'equalto', 'passed') | list }}"
'''

RETURN = r'''
tests:
  description: One result per monitor and location, in the order of the monitors and locations given.
  returned: always
  type: list
  elements: dict
  contains:
    monitor_id:
      description: The monitor's id.
      type: int
      sample: 100001
    monitor_name:
      description: The monitor's name.
      type: str
      sample: web-443
    monitor_type:
      description: The monitor's API type.
      type: str
      sample: tcp
    location:
      description: The location the test ran from (the monitor's home location when none was given).
      type: int
      sample: 10
    home_location:
      description: True when no location was given, so the API chose the monitor's primary location.
      type: bool
      sample: true
    outcome:
      description:
        - V(passed), V(failed), V(not_found) (the API does not know the test), V(timed_out) (no end within
          O(timeout)), or V(error) (the test could not be started or polled; RV(tests[].status_desc) says
          why). Null in check mode.
      type: str
      sample: failed
    status:
      description: The API's status code (0 when the test passed, the AlertSite error code when it failed).
      type: raw
      sample: 51
    status_desc:
      description: The API's description of the status, or why the test did not end.
      type: str
      sample: Warning-Unable to resolve IP
    test_id:
      description: The API's id of the test (text, as the API gave it).
      type: str
      sample: '700001'
    result_url:
      description: The link to the test's results, when the API gave one.
      type: str
      returned: when the API gave one
      sample: https://www.alertsite.com/cgi-bin/index.cgi?test_id=700001
    duration:
      description: Seconds from the test's start to its end (or to the timeout).
      type: float
      sample: 12.5
  sample:
    - monitor_id: 100001
      monitor_name: web-443
      monitor_type: tcp
      location: 50
      home_location: false
      outcome: failed
      status: 51
      status_desc: Warning-Unable to resolve IP
      test_id: '700001'
      duration: 12.5
msg:
  description: How many tests ran and how each ended; on failure, each monitor and location that did not pass.
  returned: always
  type: str
  sample: "2 tests: 1 passed, 1 failed. Did not pass: tcp monitor 'web-443' (id 100001) at location 50: failed: status 51, Warning-Unable to resolve IP"
status:
  description: The HTTP status of the request that failed, when the task failed on an API reply before any test.
  returned: on failure, when the API replied
  type: int
  sample: 400
api_errors:
  description: The API's error messages, when the task failed on an API reply before any test.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["monitor_id: Record not found"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.monitor_tests import run_test_module


def main():
    run_test_module()


if __name__ == '__main__':
    main()
