#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipient_info
short_description: List AlertSite alert recipients
version_added: 1.0.0
description:
  - Lists AlertSite alert recipients, reading every page of the API's listing.
  - Filters combine; without any, every recipient of the account is returned. O(type) and O(method_id) are
    filtered by the API (O(method_id) is checked again here), O(name) here.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the recipient with this id (one request, no listing).
    type: str
  name:
    description:
      - Return only recipients with exactly this name.
    type: str
  type:
    description:
      - Return only recipients of availability alerts or of performance alerts, as the API selects them.
    type: str
    choices: [Availability, Performance]
  method_id:
    description:
      - Return only recipients with this method, given as the API's number or as its name (for example V(12) or
        V(email_html)); see O(community.alertsite.alertsite_recipient#module:method_id) for the table.
    type: raw
    aliases: [method]
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient
  - module: community.alertsite.alertsite_recipient_group_info
'''

EXAMPLES = r'''
- name: Every recipient
  community.alertsite.alertsite_recipient_info:
  register: all_recipients

- name: The web hooks
  community.alertsite.alertsite_recipient_info:
    method: web_post_json
  register: hooks

- name: Their addresses
  ansible.builtin.debug:
    msg: "{{ hooks.recipients | map(attribute='recipient') | list }}"
'''

RETURN = r'''
recipients:
  description: The recipients that match, as the API returns them, passwords removed.
  returned: always
  type: list
  elements: dict
  sample: [{id: 200001, name: oncall-mail, method_id: 12, method_description: E-mail (HTML format),
            recipient: oncall@example.com, notify_on_clear: true}]
  contains:
    id:
      description: The recipient's id.
      type: int
      sample: 200001
    name:
      description: The recipient's name.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number (V(12) is C(email_html)); see O(community.alertsite.alertsite_recipient#module:method_id).
      type: int
      sample: 12
    method_description:
      description: The API's description of the method.
      type: str
      sample: E-mail (HTML format)
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
    username:
      description: The recipient's login (the option O(community.alertsite.alertsite_recipient#module:recipient_username)).
      type: str
      sample: ""
    availability_alert:
      description: Whether availability alerts are sent.
      type: bool
      sample: true
    notify_on_clear:
      description: Whether the recipient is told when an error clears.
      type: bool
      sample: true
    attach_screen_capture:
      description: Whether a screen capture is attached.
      type: bool
      sample: false
    attach_server_response:
      description: Whether the server's response is attached.
      type: bool
      sample: false
    start_threshold:
      description: Consecutive errors before the first alert.
      type: int
      sample: 1
    stop_threshold:
      description: Alerts sent while an error lasts.
      type: int
      sample: 10
    performance_alert:
      description: Whether performance alerts are sent.
      type: bool
      sample: false
    performance_alert_type:
      description: The kind of performance alert.
      type: str
      sample: "20"
    repeat_performance_alerts:
      description: Whether performance alerts are repeated.
      type: bool
      sample: false
    blackout_ids:
      description: Ids of the recipient's blackouts, or null when none.
      type: list
      elements: str
      sample: null
    notifier_groups:
      description: Ids of the recipient groups the recipient is in, or null when none.
      type: list
      elements: str
      sample: ["400001"]
msg:
  description: How many recipients were found.
  returned: always
  type: str
  sample: Found 1 recipient
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
  sample: ["invalid_request - User authentication failed."]
'''

from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import METHOD, RECIPIENT

FILTERS = [
    InfoFilter('type', dict(type='str', choices=['Availability', 'Performance']), params=['type']),
    InfoFilter('method_id', METHOD.argument_spec(), params=['method_id'], field=METHOD,
               keeps=lambda recipient, method, context: as_int(recipient.get('method_id')) == method),
]


def main():
    run_info_module(RECIPIENT, FILTERS)


if __name__ == '__main__':
    main()
