# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # The connection options every module shares (plugins/module_utils/client.py CONNECTION_ARGSPEC).
    DOCUMENTATION = r'''
options:
  api_url:
    description:
      - Base URL of the AlertSite Management API v3.
      - If not set, the value of the E(ALERTSITE_API_URL) environment variable is used.
    type: str
    default: https://api.alertsite.com/api/v3
  username:
    description:
      - AlertSite user (an email address) that logs in with O(password) to get an access token.
      - The user needs the Admin, Co-Admin or Power User role, and must be allowed to log in without single sign-on.
      - If not set, the value of the E(ALERTSITE_USERNAME) environment variable is used.
      - Either O(access_token), or O(username) and O(password), are required.
    type: str
  password:
    description:
      - Password of O(username).
      - If not set, the value of the E(ALERTSITE_PASSWORD) environment variable is used.
    type: str
  access_token:
    description:
      - A bearer token from an earlier login, for example from M(community.alertsite.alertsite_access_token), so
        that many tasks share one login.
      - Tokens live one hour. When a token is refused and O(username) and O(password) are also set, the module
        logs in again once; otherwise it fails with a message that says the token may have expired.
      - If not set, the value of the E(ALERTSITE_ACCESS_TOKEN) environment variable is used.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of O(api_url).
      - Set to V(false) only for test servers with self-signed certificates.
      - If not set, the value of the E(ALERTSITE_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to verify O(api_url) with, instead of the system's.
      - If not set, the value of the E(ALERTSITE_CA_PATH) environment variable is used.
    type: path
  api_timeout:
    description:
      - Seconds to wait for each reply of the API.
      - If not set, the value of the E(ALERTSITE_API_TIMEOUT) environment variable is used.
    type: int
    default: 30
  api_retries:
    description:
      - How many times to try a request again after a 429 or 5xx reply, a timeout or a lost connection, waiting
        a jittered, growing backoff in between (or as long as the API's C(Retry-After) header says, up to 60 seconds).
      - Reads (GET), changes (PATCH) and deletions (DELETE) are tried again. A create (POST) is only sent again
        after the monitor was looked up and found missing, so a failed create never leaves two monitors.
      - If not set, the value of the E(ALERTSITE_API_RETRIES) environment variable is used.
    type: int
    default: 3
notes:
  - Proxies are taken from the E(https_proxy), E(http_proxy) and E(no_proxy) environment variables.
seealso:
  - name: AlertSite Management API v3
    description: The vendor's reference for the API this collection drives.
    link: https://support.smartbear.com/alertsite/docs/api/v3/index.html
'''
