#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_custom_property
short_description: Manage AlertSite custom properties (labels for monitors) and their values
version_added: 2.0.0
description:
  - Create, change and delete AlertSite custom properties (the API's C(/properties)), account-wide labels such
    as C(Environment) or C(Team), each with a list of possible values; a monitor holds at most one value of each.
  - The property is found by its O(name) (or by O(id)); two properties with that name make the module fail and
    list their ids.
  - O(values) are matched by name and compared as a set, so their order does not matter. The API
    replaces the list of values whole, so a change sends the whole list you declare, each value that exists with
    its id (the monitors that hold it keep it) and each new one with id 0. A second identical run sends no write.
  - Removing a value that monitors hold, or deleting the property (the API removes it from every monitor), needs
    O(force=true); without it the task fails naming how many monitors hold it, before any write. Monitors are
    counted with one listing of the monitors, before the write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  name:
    description:
      - The property's name. Required, unless O(id) selects an existing property. With O(id), this is the
        property's new name when it differs.
    type: str
  id:
    description:
      - The property's id, to select one property regardless of its name. With O(state=present) it must exist.
    type: str
  state:
    description:
      - V(present) creates the property or changes its values; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  values:
    description:
      - The names of the property's values, every value it should have. Values not listed are removed (see
        O(force)). Names are strings (numbers are taken as their text), non-empty, without white space at either
        end, and given once.
    type: list
    elements: raw
  force:
    description:
      - Remove values that monitors hold, or delete a property that monitors hold. Without it, such a task fails
        before any write, naming how many monitors hold them.
    type: bool
    default: false
notes:
  - Only the options you set are compared and sent.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_custom_property_info
  - name: AlertSite custom properties API
    description: The vendor's reference of the custom property object.
    link: https://support.smartbear.com/alertsite/docs/api/v3/custom-properties/custom-property-object.html
'''

EXAMPLES = r'''
- name: The environments monitors are labelled with
  community.alertsite.alertsite_custom_property:
    name: Environment
    values: [Production, Staging, Development]

- name: Drop a value some monitors still hold
  community.alertsite.alertsite_custom_property:
    name: Environment
    values: [Production, Staging]
    force: true

- name: Delete a property
  community.alertsite.alertsite_custom_property:
    name: Environment
    state: absent
    force: true
'''

RETURN = r'''
custom_property:
  description:
    - The property as the API holds it after the task, read back after any change; in check mode, the predicted
      property (new values with id 0). Empty after O(state=absent).
    - Its C(values) (read them as C(custom_property['values'])) are the property's values, each with its C(id) and
      C(name).
  returned: always
  type: dict
  sample: {id: 120, name: Environment, values: [{id: 500, name: Production}, {id: 501, name: Staging}]}
  contains:
    id:
      description: The property's id.
      type: int
      sample: 120
    name:
      description: The property's name.
      type: str
      sample: Environment
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Updated custom property 'Environment' (id 120): values"
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
  sample: ["name: required and is empty"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.property_kinds import PROPERTY
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(PROPERTY)


if __name__ == '__main__':
    main()
