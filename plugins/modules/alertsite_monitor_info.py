#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_monitor_info
short_description: List AlertSite monitors
version_added: 0.1.0
description:
  - Lists AlertSite monitors of any type, reading every page of the API's listing.
  - Filters combine; without any, every monitor of the account is returned.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the monitor with this id (one request, no listing).
    type: str
  name:
    description:
      - Return only monitors with exactly this name.
    type: str
  type:
    description:
      - Return only monitors of these API types; filtered by the API.
    type: list
    elements: str
    choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server,
              ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
  show_scripts:
    description:
      - Whether the listing includes the recorded script of each scripted monitor (DéjàClick), as the text of its
        XML file in the monitor's C(script). Without it, the API leaves the scripts out.
      - Applies to the listing; a monitor read with O(id) has no script.
    type: bool
    version_added: 2.0.0
  scripts_dest:
    description:
      - A directory on the host that runs the module. The script of each monitor found is written, as the API
        returns it, to C(<scripts_dest>/<type>/<name>.xml) (a C(/) in a name becomes C(_)); existing files are
        replaced. Implies O(show_scripts).
      - A task of M(community.alertsite.alertsite_dejaclick_monitor) whose
        O(community.alertsite.alertsite_dejaclick_monitor#module:script_file) names such a file writes nothing,
        so recorded journeys can be taken under version control.
    type: path
    version_added: 2.0.0
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_tcp_monitor
'''

EXAMPLES = r'''
- name: Look up the id of a monitor by name
  community.alertsite.alertsite_monitor_info:
    name: web-443
    type: [tcp]
  register: found

- name: Use it
  ansible.builtin.debug:
    msg: "web-443 has id {{ found.monitors[0].id }}"

- name: Audit - every email monitor that is switched off
  community.alertsite.alertsite_monitor_info:
    type: [email-imap, email-pop, email-smtp, email-round-trip]
  register: email_monitors

- name: Report them
  ansible.builtin.debug:
    msg: "{{ email_monitors.monitors | rejectattr('enabled') | map(attribute='name') | list }}"

- name: Export the recorded scripts of every DejaClick monitor to journeys/dejaclick/<name>.xml
  community.alertsite.alertsite_monitor_info:
    type: [dejaclick]
    scripts_dest: journeys
  delegate_to: localhost
'''

RETURN = r'''
monitors:
  description: The monitors that match, as the API returns them, secrets removed.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The monitor's id.
      type: int
      sample: 100001
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    name:
      description: The monitor's name; the other keys are the monitor's fields as the API returns them, secrets removed.
      type: str
      sample: web-443
  sample:
    - id: 100001
      type: tcp
      name: web-443
      hostname: www.example.com
      port: 443
      enabled: true
msg:
  description: How many monitors were found.
  returned: always
  type: str
  sample: Found 1 monitor
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
  sample: ["port: port must be between 1 and 65535"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.script_export import SCRIPT_FILTERS

FILTERS = [
    # a monitor the API lists without its type is kept: the API filtered it
    InfoFilter('type', dict(type='list', elements='str', choices=list(API_TYPES)),
               params=lambda types: [('type', ','.join(types))] if types else [],
               keeps=lambda monitor, types, context: not types or monitor.get('type') in types + [None]),
] + SCRIPT_FILTERS


def main():
    run_info_module(ANY_MONITOR, FILTERS)


if __name__ == '__main__':
    main()
