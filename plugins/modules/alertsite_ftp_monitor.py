#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_ftp_monitor
short_description: Manage AlertSite FTP and FTPS monitors
version_added: 2.0.0
description:
  - Create, change and delete AlertSite monitors that log in to an FTP or FTPS server and, optionally, upload and
    download a test file.
  - The scheme of O(hostname) picks the API type. C(ftp://) hosts are C(ftp) monitors, C(ftps://) hosts are
    C(ftp-ssl) monitors. A host without one of these schemes is refused before any request.
  - The monitor is found by its name among both types (or by O(id)). The API cannot change the type of a
    monitor, so a task whose O(hostname) has the other scheme than the existing monitor fails before any write,
    and its message says how to replace the monitor. O(use_ssl_version) is refused for C(ftp://) hosts.
  - Only the options you set are compared with what the API holds, and only those that differ are changed, in
    one C(PATCH). A second identical run changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.monitor
  - community.alertsite.attributes
options:
  hostname:
    description:
      - The server to check, as C(ftp://host) or C(ftps://host), optionally with C(:port); its scheme picks the
        monitor type.
      - Required to create a monitor. To change only other options of an existing monitor, it can be left out.
      - Compared without regard to case.
    type: str
  enable_ftp_upload:
    description:
      - Whether the monitor tests uploading and downloading a file as well as logging in.
      - Required to create a monitor.
    type: bool
  port:
    description:
      - The port of the server. The collection sets no default (the API's own is not documented); it is
        compared only when you set it.
    type: int
  use_ssl_version:
    description:
      - The SSL/TLS version the monitor connects with, as the API numbers it. The vendor documents only V(2);
        any other number is sent as it is and the API judges it.
      - Only for C(ftps://) hosts.
    type: int
notes:
  - The vendor's reference does not document the names of the FTP credentials, the remote path or the file
    names; this module leaves them as they are, and they can be set in the AlertSite console.
  - To move a monitor from C(ftp://) to C(ftps://) (or back), delete it with O(state=absent) and create it again
    with the new O(hostname). The new monitor gets a new id, and its history starts anew.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_tcp_monitor
  - module: community.alertsite.alertsite_monitor_info
  - name: Create an FTP monitor
    description: The vendor's reference for the fields of FTP and FTPS monitors.
    link: https://support.smartbear.com/alertsite/docs/api/v3/monitors/create-ftp-monitor.html
'''

EXAMPLES = r'''
- name: Check that the FTPS server answers, every 15 minutes
  community.alertsite.alertsite_ftp_monitor:
    name: files
    billing_plancode: UBM - A/A
    hostname: ftps://files.example.com
    enable_ftp_upload: false
    interval: 15
    locations: [10, 20]
    use_ssl_version: 2

- name: Also test uploads (hostname can be left out once the monitor exists)
  community.alertsite.alertsite_ftp_monitor:
    name: files
    enable_ftp_upload: true

- name: Delete the monitor
  community.alertsite.alertsite_ftp_monitor:
    name: files
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
      sample: ftp-ssl
    billing_plancode:
      description: O(billing_plancode) as the API holds it.
      type: str
      sample: UBM - A/A
    name:
      description: O(name) as the API holds it.
      type: str
      sample: files
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
    hostname:
      description: O(hostname) as the API holds it.
      type: str
      sample: ftps://files.example.com
    enable_ftp_upload:
      description: O(enable_ftp_upload) as the API holds it.
      type: bool
      sample: false
    port:
      description: O(port) as the API holds it.
      type: int
      sample: 990
    use_ssl_version:
      description: O(use_ssl_version) as the API holds it (C(ftp-ssl) monitors).
      type: int
      sample: 2
    blackout_ids:
      description: Ids of the maintenance windows (blackouts) of the monitor, read-only.
      type: list
      elements: str
      sample: []
  sample:
    id: 100001
    type: ftp-ssl
    name: files
    billing_plancode: UBM - A/A
    hostname: ftps://files.example.com
    enable_ftp_upload: false
    port: 990
    use_ssl_version: 2
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
  sample: "Updated ftp-ssl monitor 'files' (id 100001): interval"
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
  sample: ["hostname: hostname must be an ftps:// host for a ftp-ssl monitor (use ftp for ftp:// hosts)"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import FTP
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(FTP)


if __name__ == '__main__':
    main()
