#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_custom_property_info
short_description: List AlertSite custom properties and their values
version_added: 2.0.0
description:
  - Lists AlertSite custom properties (the API's C(/properties)) with their values, reading every page of the
    API's listing.
  - Filters combine; without any, every property of the account is returned. They are applied here.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the property with this id (one request, no listing).
    type: str
  name:
    description:
      - Return only properties with exactly this name.
    type: str
  value:
    description:
      - Return only properties that have a value with exactly this name.
    type: str
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_custom_property
'''

EXAMPLES = r'''
- name: Every property
  community.alertsite.alertsite_custom_property_info:
  register: all_properties

- name: The properties that offer the value Production
  community.alertsite.alertsite_custom_property_info:
    value: Production
  register: production
'''

RETURN = r'''
custom_properties:
  description:
    - The properties that match, as the API returns them.
    - The C(values) of each (read them as C(item['values'])) are its values, each with its C(id) and C(name).
  returned: always
  type: list
  elements: dict
  sample: [{id: 120, name: Environment, values: [{id: 500, name: Production}]}]
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
  description: How many properties were found.
  returned: always
  type: str
  sample: Found 1 custom property
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

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.property_kinds import PROPERTY


def has_value(prop, name, context):
    return any(isinstance(item, dict) and item.get('name') == name for item in prop.get('values') or [])


FILTERS = [
    InfoFilter('value', dict(type='str'), keeps=has_value, field=Field('value', non_empty=True)),
]


def main():
    run_info_module(PROPERTY, FILTERS, result_key='custom_properties')


if __name__ == '__main__':
    main()
