#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_monitor_status_info
short_description: Read the current status of AlertSite monitors (the site-status report)
version_added: 2.0.0
description:
  - Returns the current status of every monitor, or of the monitors given, from the API's site-status report,
    that is its status code and description, the time of its last check, and whether it is OK.
  - The monitors are listed once (to resolve names and to name every row of the report); the report is then
    asked for the monitors given (100 ids a request), or for all.
  - A monitor whose report has several rows (one per location, or per monitor group) is OK only when every row
    is; the first row that is not OK gives its status and description, and the latest check gives the time.
  - A monitor the report has no row for is returned with a null status and RV(monitors[].ok=false), with
    a warning.
  - When the report names its rows only by monitor name, and two monitors share the name of one returned, the
    task fails naming the name and the ids; it never guesses.
  - Meant for C(until) loops, for instance to wait until every monitor of a service is OK after a deploy.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the status of the monitor with this id.
    type: str
  name:
    description:
      - Return only monitors with this name.
    type: str
  monitors:
    description:
      - Return the status of these monitors only, each C({id}) or C({name, type}).
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
        description: The monitor's API type, such as V(tcp).
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl,
                  name-server, ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
  only_failing:
    description:
      - Return only monitors that are not OK (a status other than 0, or none).
    type: bool
    default: false
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_monitor_test
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Wait until every monitor of the shop is OK, at most 10 minutes
  community.alertsite.alertsite_monitor_status_info:
    monitors:
      - name: shop-home
        type: website-ssl
      - name: shop-api
        type: tcp
    only_failing: true
  register: shop_status
  until: shop_status.monitors | length == 0
  retries: 20
  delay: 30

- name: Every monitor that is not OK now
  community.alertsite.alertsite_monitor_status_info:
    only_failing: true
  register: failing
'''

RETURN = r'''
monitors:
  description: One status per monitor, in the order of O(monitors) (or of the monitors' listing).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The monitor's id.
      type: int
      sample: 100001
    name:
      description: The monitor's name.
      type: str
      sample: shop-home
    type:
      description: The monitor's API type.
      type: str
      sample: website-ssl
    status:
      description: The status code as the API gave it (C("0") or C(0) is OK), null when the report has none.
      type: raw
      sample: '0'
    status_desc:
      description: The description of the status.
      type: str
      sample: Site is OK Now!
    info_msg:
      description: The report's error text, empty when OK.
      type: str
      sample: ''
    last_check:
      description:
        - When the monitor was last checked, ISO 8601 C(YYYY-MM-DDTHH:MM:SS) without an offset (the API does not
          document its time zone); a value the API writes otherwise is returned as it is, with a warning.
      type: str
      sample: '2026-12-06T19:30:00'
    ok:
      description: True when the status is 0 on every row of the monitor.
      type: bool
      sample: true
  sample:
    - id: 100001
      name: shop-home
      type: website-ssl
      status: '0'
      status_desc: Site is OK Now!
      info_msg: ''
      last_check: '2026-12-06T19:30:00'
      ok: true
msg:
  description: How many monitors were found.
  returned: always
  type: str
  sample: Found 2 monitors
status:
  description: The HTTP status of the request that failed, when the task failed on an API reply.
  returned: on failure, when the API replied
  type: int
  sample: 400
api_errors:
  description: The API's error messages, when the task failed on an API reply.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["monitors: must be a comma-separated list of ids"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems
from ansible_collections.community.alertsite.plugins.module_utils.site_status import SITE_STATUS, gather, reference_spec

FILTERS = [
    # resolved with the one listing of the monitors that also names every row of the report (site_status.gather)
    InfoFilter('monitors', reference_spec(),
               check=lambda items: (reference_problems('monitors', items, typed=True, type_choices=API_TYPES)
                                    or (['monitors must not be empty'] if items == [] else []))),
    InfoFilter('only_failing', dict(type='bool', default=False),
               keeps=lambda monitor, only, context: not only or not monitor['ok']),
]

CHECKS = [
    lambda params: ('id finds one monitor: it does not combine with monitors'
                    if params['id'] is not None and params['monitors'] else None),
]


def main():
    run_info_module(SITE_STATUS, FILTERS, CHECKS, gather=gather)


if __name__ == '__main__':
    main()
