#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_api_monitor
short_description: Manage AlertSite API endpoint monitors (multi-step API checks)
version_added: 2.0.0
description:
  - Create, change and delete AlertSite API endpoint monitors, which send one or more HTTP requests in order
    (O(api_steps)), check each response with assertions and carry values from one response to later requests.
  - The scheme of the steps' URLs picks the API type. When every step's C(url) is C(https://) the monitor is a
    C(website-ssl-api) monitor; when one step is C(http://) it is a C(website-api) monitor.
  - The monitor is found by its name among both types (or by O(id)). The API cannot change the type of a
    monitor, so a task whose steps would select the other type than the existing monitor's fails before any
    write, and its message says how to replace the monitor.
  - The steps are compared in order, position by position; within a step only the keys you set are compared
    (the API may fill in the others). A different number of steps, or the same steps in another order, is a
    change. Any change sends the whole O(api_steps), every step numbered by its position. A second identical run
    changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.attributes
options:
  api_steps:
    description:
      - The requests of the check, in the order they run; at least one. Required to create a monitor; to change
        only other options of an existing monitor, it can be left out.
      - Each step is a dictionary of the API's step keys. C(url) (required) is the address requested, starting
        with C(http://) or C(https://). C(http_method) is one of V(GET) (when left out), V(POST), V(HEAD), V(PUT),
        V(DELETE) or V(PATCH), in any case. C(step_name) names the step; C(post) is the request body.
      - C(head) holds basic authentication, C(http_basic_auth_username), C(http_basic_auth_password) and
        C(preemptive_authentication) (a boolean). The password is write-only and secret. It is never compared,
        never returned and masked in the diff and in the output at any verbosity. It is sent when the monitor is
        created, and to an existing monitor only with O(update_password=always), which then sends the whole
        O(api_steps) on every run. A change of anything else sends the steps without the password, and the API
        keeps the one it has.
      - C(assertions) is a list of checks of the response, in order, each with C(source) (for example
        V(Status Code), V(Response), V(JSON Response), V(XML Response), V(Header), V(Timeout)), C(comparison)
        (for example V(equals), V(contains), V(does not contain), V(exists)), and optionally C(property) (a
        JSONPath or XPath) and C(value). They are compared in order, each by the keys you set.
      - C(variables) is a list of values taken from the response for later steps, each with C(name) and
        C(property), compared like C(assertions).
      - C(step_number) is set by the module (the step's position) and may not be given.
      - The vendor documents the step only in part. Keys the module does not know are sent as you give them and
        compared as given; when the API does not return one after a write, the task warns, naming the key and the
        step, and later runs do not compare it.
    type: list
    elements: dict
  update_password:
    description:
      - V(on_create) sends the steps' passwords only when the monitor is created. V(always) sends them, with the
        whole O(api_steps), on every run (the API never shows them, so they cannot be compared).
    type: str
    choices: [on_create, always]
    default: on_create
notes:
  - Whether the API fills in unset step keys, what it shows of a step's password, and whether a C(PATCH) of
    O(api_steps) replaces the steps or merges them are not documented by the vendor; the module sends the whole
    list on every change.
  - To move a monitor from C(website-api) to C(website-ssl-api) (or back), delete it with O(state=absent) and
    create it again. The new monitor gets a new id, and its history starts anew.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_website_monitor
  - module: community.alertsite.alertsite_monitor_info
  - name: Create an API endpoint monitor
    description: The vendor's reference for API endpoint monitors.
    link: https://support.smartbear.com/alertsite/docs/api/v3/monitors/create-api-endpoint-monitor.html
'''

EXAMPLES = r'''
- name: Log in, then list the orders with the token of the first step
  community.alertsite.alertsite_api_monitor:
    name: orders-api
    billing_plancode: UBM - A/A
    interval: 5
    api_steps:
      - step_name: Log in
        url: https://api.example.com/login
        http_method: POST
        post: '{"user": "monitor"}'
        head:
          http_basic_auth_username: monitor
          http_basic_auth_password: "{{ vault_orders_api_password }}"
          preemptive_authentication: true
        assertions:
          - {source: Status Code, comparison: equals, value: "200"}
        variables:
          - {name: token, property: token}
      - step_name: List orders
        url: https://api.example.com/orders
        assertions:
          - {source: JSON Response, property: $.orders, comparison: exists}

- name: Send the password again after it was changed
  community.alertsite.alertsite_api_monitor:
    name: orders-api
    update_password: always
    api_steps:
      - step_name: Log in
        url: https://api.example.com/login
        http_method: POST
        post: '{"user": "monitor"}'
        head:
          http_basic_auth_username: monitor
          http_basic_auth_password: "{{ vault_orders_api_password }}"
          preemptive_authentication: true
        assertions:
          - {source: Status Code, comparison: equals, value: "200"}
        variables:
          - {name: token, property: token}
      - step_name: List orders
        url: https://api.example.com/orders
        assertions:
          - {source: JSON Response, property: $.orders, comparison: exists}

- name: Delete the monitor
  community.alertsite.alertsite_api_monitor:
    name: orders-api
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
      sample: 100005
    type:
      description: The API type of the monitor.
      type: str
      sample: website-ssl-api
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: orders-api
    interval:
      description: O(interval) as the API holds it.
      type: int
      sample: 10
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
    api_steps:
      description:
        - The steps as the API holds them, each with its C(step_number). A step's password is never returned.
      type: list
      elements: dict
      sample:
        - step_number: 1
          step_name: Log in
          url: https://api.example.com/login
          http_method: POST
          post: '{"user": "monitor"}'
          assertions: [{source: Status Code, comparison: equals, value: "200"}]
          variables: [{name: token, property: token}]
      contains:
        step_number:
          description: The place of the step, from 1.
          type: int
          sample: 1
        step_name:
          description: The step's name.
          type: str
          sample: Log in
        url:
          description: The URL the step calls.
          type: str
          sample: https://api.example.com/login
        http_method:
          description: The HTTP method of the step.
          type: str
          sample: POST
        post:
          description: The body the step sends.
          type: str
          sample: '{"user": "monitor"}'
        head:
          description: The step's basic authentication (user name, never the password).
          type: dict
          sample: {http_basic_auth_username: monitor, preemptive_authentication: true}
          contains:
            http_basic_auth_username:
              description: The user name of basic authentication.
              type: str
              sample: monitor
            preemptive_authentication:
              description: Whether the credentials are sent before the server asks.
              type: bool
              sample: true
        assertions:
          description: The step's assertions.
          type: list
          elements: dict
          sample: [{source: Status Code, comparison: equals, value: "200"}]
          contains:
            source:
              description: What the assertion reads.
              type: str
              sample: Status Code
            property:
              description: The property it reads (a JSON path, a header name).
              type: str
              sample: $.orders
            comparison:
              description: How it compares.
              type: str
              sample: equals
            value:
              description: The value it compares with.
              type: str
              sample: "200"
        variables:
          description: The variables the step extracts.
          type: list
          elements: dict
          sample: [{name: token, property: token}]
          contains:
            name:
              description: The variable's name.
              type: str
              sample: token
            property:
              description: Where its value is read.
              type: str
              sample: token
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100001
    type: website-ssl-api
    name: orders-api
    billing_plancode: UBM - A/A
    api_steps:
      - step_number: 1
        step_name: Log in
        url: https://api.example.com/login
        http_method: POST
        head: {http_basic_auth_username: monitor, preemptive_authentication: true}
        assertions: [{source: Status Code, comparison: equals, value: "200"}]
        variables: [{name: token, property: token}]
      - step_number: 2
        step_name: List orders
        url: https://api.example.com/orders
        http_method: GET
        assertions: [{source: JSON Response, property: $.orders, comparison: exists, value: ""}]
    interval: 5
    timeout: 30
    enabled: true
    mode: Primary
    home_location: 10
    locations:
      - id: 10
        name: Fort Lauderdale (FL)
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
  sample: "Updated website-ssl-api monitor 'orders-api' (id 100001): api_steps"
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
  sample: ["api_steps: api_steps[1]: url of a website-ssl-api step must start with https://"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import API
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(API)


if __name__ == '__main__':
    main()
