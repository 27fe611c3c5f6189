#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_website_monitor
short_description: Manage AlertSite website (single URL) monitors
version_added: 1.0.0
description:
  - Create, change and delete AlertSite monitors that request one web page and check its answer, its objects
    and, optionally, a keyword in it.
  - The scheme of O(url) picks the API type. C(http://) URLs are C(website) monitors, C(https://) URLs are
    C(website-ssl) monitors.
  - The monitor is found by its name among both types (or by O(id)). The API cannot change the type of a
    monitor, so a task whose O(url) has the other scheme than the existing monitor fails before any write, and
    its message says how to replace the monitor. Options that only C(https://) monitors have
    (O(use_ssl_version), O(check_ssl_expiration_dates)) are refused for C(http://) monitors.
  - Only the options you set are compared with what the API holds, and only those that differ are changed, in
    one C(PATCH). A second identical run changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.attributes
options:
  url:
    description:
      - The address of the page to check, starting with C(http://) or C(https://); its scheme picks the
        monitor type.
      - Required to create a monitor. To change only other options of an existing monitor, it can be left out.
    type: str
  check_fullpage_missing_objects:
    description:
      - Whether to load every object of the page (images, scripts, style sheets) and report the ones that are
        missing.
    type: bool
  check_fullpage_object_sizes:
    description:
      - Whether to check the sizes of the objects of the page in full-page checks.
    type: bool
  fullpage_object_timeout:
    description:
      - Time limit for each object of the page in full-page checks. The vendor's reference gives no unit and
        no range; the API judges the value.
    type: int
  notify_on_fullpage_errors:
    description:
      - Whether errors found by the full-page checks send alerts.
    type: bool
  keyword_string:
    description:
      - A text the page must contain (or, with O(keyword_match_invert=true), must not contain).
      - An empty string clears it.
    type: str
  keyword_match_type:
    description:
      - How O(keyword_string) is matched. The vendor documents only V(Plain Text); any other value is sent as it
        is and the API judges it.
    type: str
  keyword_match_invert:
    description:
      - Whether finding O(keyword_string) in the page is the error, rather than missing it.
    type: bool
  use_ssl_version:
    description:
      - The SSL/TLS version the monitor connects with, as the API numbers it. The vendor documents only V(2);
        any other number is sent as it is and the API judges it.
      - Only for C(https://) monitors.
    type: int
  check_ssl_expiration_dates:
    description:
      - Which certificate expiry the monitor reports. The vendor documents only V(Expired); any other value is
        sent as it is and the API judges it.
      - Only for C(https://) monitors.
    type: str
notes:
  - The vendor's reference documents only part of the website monitor's settings. Redirects, request headers,
    POST data, HTTP authentication, content checks other than one keyword, a fixed IP address (C(ipv4),
    C(resolve_dns)) and the like are not covered; this module leaves them as they are, and they can be set in
    the AlertSite console.
  - To move a monitor from C(http://) to C(https://) (or back), delete it with O(state=absent) and create it
    again with the new O(url). The new monitor gets a new id, and its history starts anew.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_tcp_monitor
  - module: community.alertsite.alertsite_monitor_info
  - name: Create a website monitor
    description: The vendor's reference for the fields of website monitors.
    link: https://support.smartbear.com/alertsite/docs/api/v3/monitors/create-website-monitor.html
'''

EXAMPLES = r'''
- name: Check the home page over HTTPS, with a keyword and full-page checks
  community.alertsite.alertsite_website_monitor:
    name: shop-home
    billing_plancode: UBM - A/A
    url: https://www.example.com/
    interval: 5
    timeout: 30
    locations: [10, 20]
    keyword_string: Welcome
    keyword_match_type: Plain Text
    check_fullpage_missing_objects: true
    notify_on_fullpage_errors: true
    check_ssl_expiration_dates: Expired

- name: Check a plain HTTP status page, alerting when it says "maintenance"
  community.alertsite.alertsite_website_monitor:
    name: status-page
    billing_plancode: UBM - A/A
    url: http://status.example.com/health
    keyword_string: maintenance
    keyword_match_type: Plain Text
    keyword_match_invert: true

- name: Check every 10 minutes (url can be left out once the monitor exists)
  community.alertsite.alertsite_website_monitor:
    name: shop-home
    interval: 10

- name: Delete the status page monitor
  community.alertsite.alertsite_website_monitor:
    name: status-page
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
      sample: website-ssl
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: shop-home
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
    url:
      description: O(url) as the API holds it.
      type: str
      sample: https://www.example.com/
    check_fullpage_missing_objects:
      description: O(check_fullpage_missing_objects) as the API holds it.
      type: bool
      sample: true
    check_fullpage_object_sizes:
      description: O(check_fullpage_object_sizes) as the API holds it.
      type: bool
      sample: false
    fullpage_object_timeout:
      description: O(fullpage_object_timeout) as the API holds it.
      type: int
      sample: 1
    notify_on_fullpage_errors:
      description: O(notify_on_fullpage_errors) as the API holds it.
      type: bool
      sample: true
    keyword_string:
      description: O(keyword_string) as the API holds it.
      type: str
      sample: Welcome
    keyword_match_type:
      description: O(keyword_match_type) as the API holds it.
      type: str
      sample: Plain Text
    keyword_match_invert:
      description: O(keyword_match_invert) as the API holds it.
      type: bool
      sample: false
    use_ssl_version:
      description: O(use_ssl_version) as the API holds it.
      type: int
      sample: 1
    check_ssl_expiration_dates:
      description: O(check_ssl_expiration_dates) as the API holds it.
      type: str
      sample: Expired
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100005
    type: website-ssl
    name: shop-home
    billing_plancode: UBM - A/A
    url: https://www.example.com/
    keyword_string: Welcome
    keyword_match_type: Plain Text
    keyword_match_invert: false
    check_fullpage_missing_objects: true
    check_fullpage_object_sizes: false
    notify_on_fullpage_errors: true
    check_ssl_expiration_dates: Expired
    interval: 10
    timeout: 30
    enabled: true
    mode: Primary
    home_location: 10
    locations:
      - id: 10
        name: Fort Lauderdale (FL)
        region: 1
      - id: 20
        name: Atlanta (GA)
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
  sample: "Updated website-ssl monitor 'shop-home' (id 100005): interval"
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

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import WEBSITE
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(WEBSITE)


if __name__ == '__main__':
    main()
