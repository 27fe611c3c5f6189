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
  sample:
    - id: 500001
      name: oncall-mail
      method_id: 12
      method_description: E-mail (HTML format)
      recipient: oncall@example.com
      availability_alert: true
      notify_on_clear: true
msg:
  description: How many recipients were found.
  returned: always
  type: str
  sample: Found 1 recipient
'''

from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.routing import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import METHOD, RECIPIENT

FILTERS = [
    InfoFilter('type', dict(type='str', choices=['Availability', 'Performance']), params=['type']),
    InfoFilter('method_id', METHOD.argument_spec(), params=['method_id'], field=METHOD,
               keeps=lambda recipient, method: as_int(recipient.get('method_id')) == method),
]


def main():
    run_info_module(RECIPIENT, FILTERS, 'recipients')


if __name__ == '__main__':
    main()
