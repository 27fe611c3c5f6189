#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipient_group_info
short_description: List AlertSite recipient groups
version_added: 1.0.0
description:
  - Lists AlertSite recipient groups (the API's C(/notifier-groups)), reading every page of the API's listing.
  - Filters combine; without any, every group of the account is returned. O(monitor_id) and O(recipient_id) are
    filtered by the API and checked again here, O(name) here.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the group with this id (one request, no listing).
    type: str
  name:
    description:
      - Return only groups with exactly this name.
    type: str
  monitor_id:
    description:
      - Return only the groups that route this monitor's alerts.
      - Sent as C(monidor_id), the spelling the vendor's reference documents, and as C(monitor_id).
    type: int
  recipient_id:
    description:
      - Return only the groups that alert this recipient, for example before deleting it.
    type: int
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient_group
  - module: community.alertsite.alertsite_recipient_info
'''

EXAMPLES = r'''
- name: Find the recipient's id
  community.alertsite.alertsite_recipient_info:
    name: old-pager
  register: pager

- name: The groups that still alert it
  community.alertsite.alertsite_recipient_group_info:
    recipient_id: "{{ pager.recipients[0].id }}"
  register: pager_groups

- name: Their names
  ansible.builtin.debug:
    msg: "{{ pager_groups.recipient_groups | map(attribute='name') | list }}"
'''

RETURN = r'''
recipient_groups:
  description: The groups that match, as the API returns them.
  returned: always
  type: list
  elements: dict
  sample: [{id: 400001, name: payments, is_default: false, monitors: [{id: 100001, step_number: 0, name: pay-api, step_name: null}],
            recipients: [{id: 200001, name: payments-oncall, recipient: payments@example.com}], errortypes: [], templates: []}]
  contains:
    id:
      description: The group's id.
      type: int
      sample: 400001
    name:
      description: The group's name.
      type: str
      sample: payments
    is_default:
      description: Whether this is the account's default recipient group.
      type: bool
      sample: false
    monitors:
      description: The monitors whose alerts the group routes.
      type: list
      elements: dict
      sample: [{id: 100001, step_number: 0, name: pay-api, step_name: null}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
        step_number:
          description: V(0) for the whole monitor, else the step.
          type: int
          sample: 0
        name:
          description: The monitor's name (read only).
          type: str
          sample: pay-api
        step_name:
          description: The step's name (read only), null for the whole monitor.
          type: str
          sample: null
    recipients:
      description: The recipients the alerts go to.
      type: list
      elements: dict
      sample: [{id: 200001, name: payments-oncall, recipient: payments@example.com}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name (read only).
          type: str
          sample: payments-oncall
        recipient:
          description: Where the recipient's alerts go (read only).
          type: str
          sample: payments@example.com
    errortypes:
      description: The error codes the group routes; empty for every error.
      type: list
      elements: dict
      sample: [{id: 1, description: TCP Connection Failed}]
      contains:
        id:
          description: The AlertSite error code.
          type: int
          sample: 1
        description:
          description: What the code means (read only).
          type: str
          sample: TCP Connection Failed
    templates:
      description: The custom alert templates of the group.
      type: list
      elements: dict
      sample: [{id: 14, name: Slack alert, alert_description_short: Site Error JSON}]
      contains:
        id:
          description: The template's id.
          type: int
          sample: 14
        name:
          description: The template's name (read only).
          type: str
          sample: Slack alert
        alert_description_short:
          description: The template's short alert description (read only).
          type: str
          sample: Site Error JSON
msg:
  description: How many groups were found.
  returned: always
  type: str
  sample: Found 2 recipient groups
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

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, holds_id, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUP

FILTERS = [
    InfoFilter('monitor_id', dict(type='int'), params=['monidor_id', 'monitor_id'], keeps=holds_id('monitors'),
               field=Field('monitor_id', 'int', minimum=1)),
    InfoFilter('recipient_id', dict(type='int'), params=['recipient_id'], keeps=holds_id('recipients'),
               field=Field('recipient_id', 'int', minimum=1)),
]


def main():
    run_info_module(RECIPIENT_GROUP, FILTERS)


if __name__ == '__main__':
    main()
