#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_roundtrip_monitor
short_description: Manage AlertSite round-trip email monitors
version_added: 0.1.0
description:
  - Create, change and delete AlertSite round-trip email monitors (API type C(email-round-trip)). On each run
    AlertSite sends a message through O(smtp_hostname) to O(email), then logs in to O(pop3_hostname), finds the
    message and deletes it.
  - Only the options you set are compared with what the API holds, and only those that differ are changed, in
    one C(PATCH). A second identical run changes nothing and sends no write.
  - O(email_password) is write-only. The API never returns it, so it cannot be compared; O(update_password)
    decides when it is sent.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.attributes
options:
  smtp_hostname:
    description:
      - The SMTP server that sends the test message, as a host name (port 25) or a URL such as
        V(smtps://smtp.example.com:465). The server must not require authentication.
      - Required to create a monitor.
    type: str
  pop3_hostname:
    description:
      - The POP3 server of the mailbox, as a host name (port 110) or a URL such as V(pop3s://mail.example.com:995).
      - Required to create a monitor.
    type: str
  email:
    description:
      - The dedicated mailbox the test message is sent to.
      - Required to create a monitor.
    type: str
  email_username:
    description:
      - The POP3 login of the mailbox, usually the full address or the part before C(@).
    type: str
  email_password:
    description:
      - The POP3 password of the mailbox. Write-only, see O(update_password).
      - It never appears in RV(monitor), the diff, messages or errors.
    type: str
  update_password:
    description:
      - V(on_create) sends O(email_password) only when the monitor is created.
      - V(always) sends it on every run that sets it, and so reports C(changed) on every run; the task is then
        not idempotent. Use it once to rotate the password.
    type: str
    choices: [on_create, always]
    default: on_create
notes:
  - The O(interval) (minutes) must be longer than the O(timeout) (seconds); this is checked before any request
    when both are known. AlertSite recommends a timeout of 300 seconds for round-trip monitors.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_email_monitor
'''

EXAMPLES = r'''
- name: Check that mail sent through the relay reaches the mailbox
  community.alertsite.alertsite_roundtrip_monitor:
    name: mail-roundtrip
    billing_plancode: UBM - A/A
    smtp_hostname: smtps://smtp.example.com:465
    pop3_hostname: pop3s://mail.example.com:995
    email: monitor@example.com
    email_username: monitor
    email_password: "{{ vault_monitor_mailbox_password }}"
    interval: 15
    timeout: 300

- name: Rotate the mailbox password (changed on every run while update_password is always)
  community.alertsite.alertsite_roundtrip_monitor:
    name: mail-roundtrip
    email_password: "{{ vault_new_mailbox_password }}"
    update_password: always
'''

RETURN = r'''
monitor:
  description:
    - The monitor as the API holds it after the task, read back after any change; in check mode, the predicted
      monitor. Empty after O(state=absent). Never holds the mailbox password.
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
      sample: email-round-trip
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: mail-roundtrip
    interval:
      description: O(interval) as the API holds it.
      type: int
      sample: 15
    timeout:
      description: O(timeout) as the API holds it.
      type: int
      sample: 300
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
      sample: 1
    mode:
      description: O(mode) as the API holds it.
      type: str
      sample: ''
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
    smtp_hostname:
      description: O(smtp_hostname) as the API holds it.
      type: str
      sample: smtps://smtp.example.com:465
    pop3_hostname:
      description: O(pop3_hostname) as the API holds it.
      type: str
      sample: pop3s://mail.example.com:995
    email:
      description: O(email) as the API holds it.
      type: str
      sample: monitor@example.com
    email_username:
      description: O(email_username) as the API holds it.
      type: str
      sample: monitor
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100003
    type: email-round-trip
    name: mail-roundtrip
    billing_plancode: UBM - A/A
    smtp_hostname: smtps://smtp.example.com:465
    pop3_hostname: pop3s://mail.example.com:995
    email: monitor@example.com
    email_username: monitor
    interval: 15
    timeout: 300
    enabled: true
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Updated email-round-trip monitor 'mail-roundtrip' (id 100003): email_password"
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

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ROUNDTRIP
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(ROUNDTRIP)


if __name__ == '__main__':
    main()
