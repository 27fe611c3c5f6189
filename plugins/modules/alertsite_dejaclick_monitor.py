#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_dejaclick_monitor
short_description: Manage AlertSite DéjàClick (recorded browser journey) monitors
version_added: 2.0.0
description:
  - Create, change and delete AlertSite DéjàClick monitors, which replay a browser journey recorded with
    DéjàClick (an XML script) from the monitoring locations.
  - The recorded script is a file kept in Git beside the playbook, named by O(script_file), or text in O(script).
  - O(script_file) is read on the controller, as the C(src) of M(ansible.builtin.copy) is, whatever host the task
    runs on; the module gets the file's text.
  - The monitor is read with the API's C(show_scripts) option, so the script it holds is compared with the file's
    text or O(script).
    Two scripts are the same when their canonical XML is (C14N 2.0, with the white space at both ends of every
    text left out). The XML declaration and encoding, line endings, attribute order and quoting, C(<a></a>)
    against C(<a/>), indentation and comments do not count; elements, attributes and the text inside them do.
    So a rerun with the same file writes nothing, and a file with one changed step is one C(PATCH) that carries
    the new script.
  - A script that is not well-formed XML is refused before any request, and so is a script file that is
    missing or cannot be read, with a message naming the file.
  - Only the options you set are compared with what the API holds, and only those that differ are changed, in
    one C(PATCH). A second identical run changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.attributes
attributes:
  action:
    description: An action plugin reads O(script_file) on the controller.
    support: full
options:
  script:
    description:
      - The recorded DéjàClick script as text (the content of its XML file).
      - To create a monitor, O(script_file), O(script) or O(url) is required.
      - Mutually exclusive with O(script_file).
    type: str
  script_file:
    description:
      - The XML file of the recorded DéjàClick script, for example V(journeys/checkout.xml); its text is the script,
        compared and sent as O(script) is.
      - The file is read on the controller. A relative path is looked for as the C(src) of M(ansible.builtin.copy)
        is, in the C(files) directory of the role and of the playbook, then beside them.
      - The file must be UTF-8 text and well-formed XML. A file that is missing, cannot be read or is not
        well-formed XML is refused before any request.
      - The files that O(community.alertsite.alertsite_monitor_info#module:scripts_dest) and the
        O(community.alertsite.alertsite_monitors#module:scripts_dest) of
        M(community.alertsite.alertsite_monitors) write can be given here; converging from them writes nothing.
      - Mutually exclusive with O(script).
    type: str
    version_added: 2.0.0
  url:
    description:
      - The page of a single-step monitor, instead of a recorded script; starts with C(http://) or C(https://).
    type: str
  step_timeout:
    description:
      - How long, in seconds, each network request of a step may take. Required to create a monitor.
    type: int
  transaction_steps:
    description:
      - The number of steps of the journey. Required to create a monitor.
    type: int
  browser_type:
    description:
      - The browser that replays the journey. The vendor documents no values; the value is sent as it is and the
        API judges it.
    type: str
notes:
  - To export the scripts of existing DéjàClick monitors to files, and take them under version control, see the
    guide "Browser journeys from DéjàClick recordings".
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_monitor_info
  - name: Create a DéjàClick monitor
    description: The vendor's reference for DéjàClick monitors.
    link: https://support.smartbear.com/alertsite/docs/api/v3/monitors/create-dejaclick-monitor.html
'''

EXAMPLES = r'''
- name: Replay the checkout journey recorded in journeys/checkout.xml (a file beside the playbook)
  community.alertsite.alertsite_dejaclick_monitor:
    name: checkout-journey
    billing_plancode: UBM - A/A
    script_file: journeys/checkout.xml
    transaction_steps: 3
    step_timeout: 30
    interval: 15
    locations: [10, 20]

- name: Check one page in a browser
  community.alertsite.alertsite_dejaclick_monitor:
    name: home-in-a-browser
    billing_plancode: UBM - A/A
    url: https://www.example.com/
    transaction_steps: 1
    step_timeout: 30

- name: Delete the monitor
  community.alertsite.alertsite_dejaclick_monitor:
    name: checkout-journey
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
      sample: dejaclick
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: checkout-journey
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
    script:
      description:
        - The recorded script as the API holds it (read with C(show_scripts=true)); the API may give it another
          declaration and CRLF line endings.
      type: str
      sample: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<script>...</script>"
    url:
      description: O(url) as the API holds it (single-step monitors).
      type: str
      sample: ""
    step_timeout:
      description: O(step_timeout) as the API holds it.
      type: int
      sample: 30
    transaction_steps:
      description: O(transaction_steps) as the API holds it.
      type: int
      sample: 3
    browser_type:
      description: O(browser_type) as the API holds it.
      type: str
      sample: Firefox
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100001
    type: dejaclick
    name: checkout-journey
    billing_plancode: UBM - A/A
    script: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<script>...</script>"
    url: ""
    step_timeout: 30
    transaction_steps: 3
    browser_type: Firefox
    interval: 15
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
  sample: "Updated dejaclick monitor 'checkout-journey' (id 100001): script"
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
  sample: ["step_timeout: step_timeout must be at least 1"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import DEJACLICK
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(DEJACLICK)


if __name__ == '__main__':
    main()
