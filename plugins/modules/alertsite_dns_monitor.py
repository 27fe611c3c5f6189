#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_dns_monitor
short_description: Manage AlertSite DNS (name server) monitors
version_added: 1.0.0
description:
  - Create, change and delete AlertSite monitors that ask a name server to resolve a domain name (API type
    C(name-server)).
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
      - The name server to query, as a host name or an IP address, for example V(ns1.example.com) or V(8.8.8.8).
      - Required to create a monitor.
  ipv4:
    description:
      - A fixed IPv4 address of the name server, used instead of resolving O(hostname); use with
        O(resolve_dns=false).
      - An empty string clears it.
  name_to_resolve:
    description:
      - The domain name the monitor asks the name server to resolve, for example V(www.example.com).
      - An empty string clears it.
    type: str
notes:
  - The vendor's reference documents no record type and no expected answer for DNS monitors; the monitor checks
    that the name server answers. The API's replies also hold C(name_to_resolve_id) and C(port), whose meaning
    it does not document; this module returns them in RV(monitor) and never changes them.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_ping_monitor
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Check that the primary name server resolves the web site's name
  community.alertsite.alertsite_dns_monitor:
    name: ns1-www
    billing_plancode: UBM - A/A
    hostname: ns1.example.com
    name_to_resolve: www.example.com
    interval: 15
    timeout: 30
    locations: [10, 20]

- name: Check a public resolver at its fixed address
  community.alertsite.alertsite_dns_monitor:
    name: resolver-www
    billing_plancode: UBM - A/A
    hostname: 8.8.8.8
    ipv4: 8.8.8.8
    resolve_dns: false
    name_to_resolve: www.example.com

- name: Resolve another name (only name_to_resolve is compared and sent)
  community.alertsite.alertsite_dns_monitor:
    name: ns1-www
    name_to_resolve: shop.example.com

- name: Delete the resolver monitor
  community.alertsite.alertsite_dns_monitor:
    name: resolver-www
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
      sample: 100004
    type:
      description: The API type of the monitor.
      type: str
      sample: name-server
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: ns1-www
    interval:
      description: O(interval) as the API holds it.
      type: int
      sample: 15
    timeout:
      description: O(timeout) as the API holds it.
      type: int
      sample: 30
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
      sample: Primary
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
      sample: ns1.example.com
    ipv4:
      description: O(ipv4) as the API holds it.
      type: str
      sample: ''
    resolve_dns:
      description: O(resolve_dns) as the API holds it.
      type: bool
      sample: true
    name_to_resolve:
      description: O(name_to_resolve) as the API holds it.
      type: str
      sample: www.example.com
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100004
    type: name-server
    name: ns1-www
    billing_plancode: UBM - A/A
    hostname: ns1.example.com
    name_to_resolve: www.example.com
    name_to_resolve_id: 0
    port: ""
    ipv4: ""
    resolve_dns: true
    interval: 15
    timeout: 30
    enabled: true
    mode: Primary
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
  sample: "Updated name-server monitor 'ns1-www' (id 100004): name_to_resolve"
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

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import DNS
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(DNS)


if __name__ == '__main__':
    main()
