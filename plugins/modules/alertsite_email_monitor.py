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
