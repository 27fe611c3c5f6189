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
  sample:
    - id: 600001
      name: payments
      is_default: false
      monitors:
        - {id: 100001, step_number: 0, name: pay-api, step_name: ""}
      recipients:
        - {id: 500001, name: payments-oncall, recipient: payments@example.com}
      errortypes: []
      templates: []
msg:
  description: How many groups were found.
  returned: always
  type: str
  sample: Found 2 recipient groups
'''

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.routing import InfoFilter, holds_id, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUP

FILTERS = [
    InfoFilter('monitor_id', dict(type='int'), params=['monidor_id', 'monitor_id'], keeps=holds_id('monitors'),
               field=Field('monitor_id', 'int', minimum=1)),
    InfoFilter('recipient_id', dict(type='int'), params=['recipient_id'], keeps=holds_id('recipients'),
               field=Field('recipient_id', 'int', minimum=1)),
]


def main():
    run_info_module(RECIPIENT_GROUP, FILTERS, 'recipient_groups')


if __name__ == '__main__':
    main()
