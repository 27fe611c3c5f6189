#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_access_token
short_description: Log in to AlertSite once and return an access token for later tasks
version_added: 0.1.0
description:
  - Logs in with O(username) and O(password) (C(POST /access-tokens)) and returns the bearer token, so that a
    play logs in once and passes the token to every later task through C(module_defaults) and O(access_token).
  - The token lives one hour. When a later task's token is refused (HTTP 401) and that task also has
    O(username) and O(password) (for example from the E(ALERTSITE_USERNAME) and E(ALERTSITE_PASSWORD)
    environment variables of an AWX credential), it logs in again once and goes on; without them it fails
    with a message saying the token may have expired. For plays longer than an hour, keep the credentials
    available or run this module again.
  - The token is a secret. Set C(no_log) to C(true) on the task that registers it; later tasks take it through
    O(access_token), which is never logged.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  username:
    description:
      - AlertSite user (an email address).
      - If not set, the value of the E(ALERTSITE_USERNAME) environment variable is used.
    type: str
    required: true
  password:
    description:
      - Password of O(username).
      - If not set, the value of the E(ALERTSITE_PASSWORD) environment variable is used.
    type: str
    required: true
  access_token:
    description:
      - Not used by this module, which always logs in.
    type: str
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_monitors
'''

EXAMPLES = r'''
- name: Log in once
  community.alertsite.alertsite_access_token:
    username: "{{ alertsite_username }}"
    password: "{{ alertsite_password }}"
  register: alertsite_login
  no_log: true

- name: Every later task of the group uses the token, without logging in again
  module_defaults:
    group/community.alertsite.alertsite:
      access_token: "{{ alertsite_login.access_token }}"
  block:
    - name: Pause a monitor
      community.alertsite.alertsite_tcp_monitor:
        name: web-443
        enabled: false
'''

RETURN = r'''
access_token:
  description: The bearer token. A secret; register it in a task with C(no_log) set.
  returned: success
  type: str
  sample: 5f0c3a1e9b2d4c6e8f1a3b5c7d9e0f12
expires_in:
  description: Seconds the token lives, as AlertSite documents it.
  returned: success
  type: int
  sample: 3600
msg:
  description: Who logged in where.
  returned: success
  type: str
  sample: Logged in to https://api.alertsite.com/api/v3 as ops@example.com; the token lives 60 minutes
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

from ansible_collections.community.alertsite.plugins.module_utils.runners import run_access_token_module


def main():
    run_access_token_module()


if __name__ == '__main__':
    main()
