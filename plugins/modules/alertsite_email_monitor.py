#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_email_monitor
short_description: Manage AlertSite IMAP, POP3 and SMTP server monitors
version_added: 0.1.0
description:
  - Create, change and delete AlertSite monitors that check that a mail server answers its protocol's greeting
    (IMAP, POP3) or accepts C(HELO) (SMTP).
  - O(protocol) selects the monitor type. A monitor is identified by its type and name, so the same name under
    two protocols is two monitors. The API cannot change the protocol of a monitor; when a monitor of the same
    name exists under another protocol, the module warns.
  - Only the options you set are compared with what the API holds, and only those that differ are changed, in
    one C(PATCH). A second identical run changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.monitor.SERVER
  - community.alertsite.attributes
options:
  protocol:
    description:
      - The mail protocol to check; selects the API monitor type C(email-imap), C(email-pop) or C(email-smtp).
    type: str
    required: true
    choices: [imap, pop3, smtp]
  port:
    description:
      - Port of the mail server, from 1 to 65535. When not set on create, the API uses its default for the
        protocol.
    type: int
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_roundtrip_monitor
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Check the SMTP submission port every 15 minutes
  community.alertsite.alertsite_email_monitor:
    protocol: smtp
    name: mx-submission
    billing_plancode: UBM - A/A
    hostname: smtp.example.com
    port: 587
    interval: 15
    locations: [10, 20]

- name: Check the IMAP server
  community.alertsite.alertsite_email_monitor:
    protocol: imap
    name: imap
    billing_plancode: UBM - A/A
    hostname: imap.example.com

- name: Remove the POP3 monitor
  community.alertsite.alertsite_email_monitor:
    protocol: pop3
    name: pop
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
      sample: 100002
    type:
      description: The API type of the monitor.
      type: str
      sample: email-smtp
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: mx-submission
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
      sample: [{id: 10, name: Fort Lauderdale (FL), region: 1}]
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
      sample: true
    traceroute_on_error:
      description: O(traceroute_on_error) as the API holds it.
      type: bool
      sample: true
    allow_internal_testing:
      description: O(allow_internal_testing) as the API holds it.
      type: bool
      sample: true
    hostname:
      description: O(hostname) as the API holds it.
      type: str
      sample: smtp.example.com
    port:
      description: O(port) as the API holds it.
      type: int
      sample: 587
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
    id: 100002
    type: email-smtp
    name: mx-submission
    billing_plancode: UBM - A/A
    hostname: smtp.example.com
    port: 587
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
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Created email-smtp monitor 'mx-submission' (id 100002)"
status:
  description: The HTTP status of the request that failed, when the task failed on an API reply.
  returned: on failure, when the API replied
  type: int
  sample: 400
api_errors:
  description: The API's error messages (C(errors[].message), with the fields they name), so that a playbook can branch on them.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["port: port must be between 1 and 65535"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import EMAIL
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(EMAIL)


if __name__ == '__main__':
    main()
