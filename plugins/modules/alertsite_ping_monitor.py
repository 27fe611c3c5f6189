#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_ping_monitor
short_description: Manage AlertSite ping monitors
version_added: 1.0.0
description:
  - Create, change and delete AlertSite monitors that ping a host and report an error when it does not answer
    in time (API type C(ping)).
  - The monitor is found by its name (or by O(id)); only the options you set are compared with what the API
    holds, and only those that differ are changed, in one C(PATCH). A second identical run changes nothing
    and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.monitor.SERVER
  - community.alertsite.attributes
options:
  hostname:
    description:
      - Host name or IP address to ping.
      - To ping a fixed IP address, set O(hostname) and O(ipv4) to that address and O(resolve_dns=false).
      - Required to create a monitor.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_tcp_monitor
  - module: community.alertsite.alertsite_dns_monitor
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Ping the gateway every 5 minutes from two locations
  community.alertsite.alertsite_ping_monitor:
    name: gateway-ping
    billing_plancode: UBM - A/A
    hostname: gw.example.com
    interval: 5
    timeout: 10
    locations: [10, 20]
    mode: Global Verify

- name: Ping a fixed address without resolving DNS
  community.alertsite.alertsite_ping_monitor:
    name: router-ping
    billing_plancode: UBM - A/A
    hostname: 203.0.113.1
    ipv4: 203.0.113.1
    resolve_dns: false

- name: Pause the gateway monitor (only enabled is compared and sent)
  community.alertsite.alertsite_ping_monitor:
    name: gateway-ping
    enabled: false

- name: Delete the router monitor
  community.alertsite.alertsite_ping_monitor:
    name: router-ping
    state: absent
'''

RETURN = r'''
monitor:
  description:
    - The monitor as the API holds it after the task, read back after any change; in check mode, the predicted
      monitor. Empty after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: The id of the monitor; compare it as a string, since some API replies write it as one.
      type: int
      sample: 100003
    type:
      description: The API type of the monitor.
      type: str
      sample: ping
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: gateway-ping
    interval:
      description: O(interval) as the API holds it.
      type: int
      sample: 5
    timeout:
      description: O(timeout) as the API holds it.
      type: int
      sample: 10
    enabled:
      description: O(enabled) as the API holds it.
      type: bool
      sample: true
    locations:
      description: The monitoring locations, each with C(id), C(name) and C(region).
      type: list
      elements: dict
      sample: [{id: 10, name: Fort Lauderdale (FL), region: 1}, {id: 20, name: Atlanta (GA), region: 1}]
      contains:
        id:
          description: The location's id.
          type: int
          sample: 10
        name:
          description: The location's name.
          type: str
          sample: Fort Lauderdale (FL)
        region:
          description: The location's region.
          type: int
          sample: 1
    home_location:
      description: O(home_location) as the API holds it.
      type: int
      sample: 10
    mode:
      description: O(mode) as the API holds it.
      type: str
      sample: Global Verify
    monitor_location_count:
      description: O(monitor_location_count) as the API holds it.
      type: int
      sample: 1
    note:
      description: O(note) as the API holds it.
      type: str
      sample: ''
    alert_note:
      description: O(alert_note) as the API holds it.
      type: str
      sample: ''
    notify_on_error:
      description: O(notify_on_error) as the API holds it.
      type: bool
      sample: true
    retry_on_failure:
      description: O(retry_on_failure) as the API holds it.
      type: bool
      sample: true
    rotate_locations:
      description: O(rotate_locations) as the API holds it.
      type: bool
      sample: false
    traceroute_on_error:
      description: O(traceroute_on_error) as the API holds it.
      type: bool
      sample: false
    allow_internal_testing:
      description: O(allow_internal_testing) as the API holds it.
      type: bool
      sample: true
    hostname:
      description: O(hostname) as the API holds it.
      type: str
      sample: gw.example.com
    ipv4:
      description: O(ipv4) as the API holds it.
      type: str
      sample: ''
    resolve_dns:
      description: O(resolve_dns) as the API holds it.
      type: bool
      sample: true
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100003
    type: ping
    name: gateway-ping
    billing_plancode: UBM - A/A
    hostname: gw.example.com
    ipv4: ""
    resolve_dns: true
    interval: 5
    timeout: 10
    enabled: true
    mode: Global Verify
    home_location: 10
    locations:
      - id: 10
        name: Fort Lauderdale (FL)
        region: 1
      - id: 20
        name: Atlanta (GA)
        region: 1
    monitor_location_count: 1
    note: ""
    alert_note: ""
    notify_on_error: true
    retry_on_failure: true
    rotate_locations: false
    traceroute_on_error: false
    allow_internal_testing: true
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Updated ping monitor 'gateway-ping' (id 100003): enabled"
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

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import PING
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(PING)


if __name__ == '__main__':
    main()
