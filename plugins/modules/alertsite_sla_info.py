#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_sla_info
short_description: List the SLAs of AlertSite monitors
version_added: 2.0.0
description:
  - Lists AlertSite service-level agreements (the API's C(/slas)), reading every page of the API's listing.
  - Filters combine; without any, every SLA of the account is returned.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the SLA with this id (one request, no listing).
    type: str
  name:
    description:
      - Return only SLAs with exactly this name.
    type: str
  monitor:
    description:
      - Return only the SLA of this monitor, given by its O(monitor.id), or by its O(monitor.name) and
        O(monitor.type) (resolved with one listing of the monitors of that type). Sent to the API as
        C(monitor_id) and checked again on what it returns.
    type: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name (exact).
        type: str
      type:
        description: The monitor's API type, with O(monitor.name).
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server,
                  ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_sla
'''

EXAMPLES = r'''
- name: Every SLA
  community.alertsite.alertsite_sla_info:
  register: all_slas

- name: The SLA of the home page monitor
  community.alertsite.alertsite_sla_info:
    monitor:
      name: Home page
      type: website
  register: home_page_sla
'''

RETURN = r'''
slas:
  description:
    - The SLAs that match, as the API returns them.
  returned: always
  type: list
  elements: dict
  sample: [{id: 700001, monitor_id: 123456, monitor_name: Home page, name: Home page SLA, availability: 99.5,
            response_time: 2, exclusions: []}]
  contains:
    id:
      description: The SLA's id.
      type: int
      sample: 700001
    monitor_id:
      description: The id of its monitor.
      type: int
      sample: 123456
msg:
  description: How many SLAs were found.
  returned: always
  type: str
  sample: Found 1 SLA
status:
  description: The HTTP status of the request that failed, when the task failed on an API reply.
  returned: on failure, when the API replied
  type: int
  sample: 404
api_errors:
  description: The API's error messages (C(errors[].message), with the fields they name), so that a playbook can branch on them.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["Record not found"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.sla_kinds import SLA

MONITOR = SLA.by_name['monitor']


def of_monitor(sla, monitor_id, context):
    return as_int(sla.get('monitor_id')) == monitor_id


FILTERS = [
    InfoFilter('monitor', MONITOR.argument_spec(), params=('monitor_id',), keeps=of_monitor, field=MONITOR,
               resolve=MONITOR.resolve),
]


def main():
    run_info_module(SLA, FILTERS)


if __name__ == '__main__':
    main()
