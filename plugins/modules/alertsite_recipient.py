#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipient
short_description: Manage AlertSite alert recipients
version_added: 1.0.0
description:
  - Create, change and delete AlertSite alert recipients (C(/recipients)) - who gets alerts, and how (e-mail, SMS,
    a POST to a web server, Splunk, ServiceNow, ...).
  - The recipient is found by its O(name) (or by O(id)); only the options you set are compared with what the API
    holds, and only those that differ are changed, in one C(PATCH). A second identical run sends no write.
  - Options are named as the API names its fields, except the recipient's own login, O(recipient_username) and
    O(recipient_password), which are sent to the API as C(username) and C(password) (the options C(username)
    and C(password) are the connection's).
  - O(recipient_password) is write-only. The API never returns it, so it cannot be compared; O(update_password)
    decides when it is sent.
  - Checked before any write, with clear messages (when the task does not set O(method_id), the method of the
    existing recipient, or for a new one the API's default V(email_html), is the one checked) - e-mail methods
    need an e-mail address in O(recipient), web methods an C(http://) or C(https://) URL; a Splunk or ServiceNow
    recipient needs O(recipient_username) and O(recipient_password) to be created; a PagerDuty recipient cannot be
    created through the API (an existing one can be changed).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  name:
    description:
      - The recipient's display name. Required, unless O(id) selects an existing recipient.
      - Without O(id), the recipient is found by this name; two recipients with the same name make the module fail
        and list their ids, so that you can choose one with O(id).
      - With O(id), this is the recipient's new name when it differs (a rename).
    type: str
  id:
    description:
      - The recipient's id, to select one recipient regardless of its name (for a rename, or among namesakes).
      - With O(state=present) the recipient must exist.
    type: str
  state:
    description:
      - V(present) creates the recipient or changes the options you set that differ; V(absent) deletes it.
      - Deleting a recipient takes it out of its recipient groups; RV(msg) names them when the API lists them.
    type: str
    choices: [present, absent]
    default: present
  method_id:
    description:
      - How alerts are sent, as the API's number or as its name in this table (O(method) is an alias, so
        V(method_id=12) and V(method=email_html) are the same).
      - V(1) C(email_text) e-mail (text); V(2) C(pager_alphanumeric) alphanumeric pager; V(3) C(pager_numeric_pause)
        numeric pager (pause after dial); V(4) C(email_wireless) e-mail to a wireless device; V(5)
        C(pager_numeric_quiet) numeric pager (wait for quiet); V(6) C(sms) SMS; V(8) C(snmp_trap_v1) SNMP trap v1;
        V(9) C(snmp_trap_v2c) SNMP trap v2c; V(10) C(web_post) POST to a web server; V(11) C(telephone) telephone
        (VoIP); V(12) C(email_html) e-mail (HTML); V(14) C(pagerduty) PagerDuty (cannot be created through the API);
        V(15) C(splunk) Splunk; V(16) C(web_post_json) POST JSON to a web server; V(17) C(servicenow) ServiceNow.
      - The API creates a recipient without a method as V(12) (C(email_html)).
    type: raw
    aliases: [method]
  recipient:
    description:
      - Where alerts go, in the form the method takes - an e-mail address for the e-mail methods, an C(http://) or
        C(https://) URL for the web methods, a phone number, ...
      - Required to create a recipient.
    type: str
  recipient_username:
    description:
      - The login the method uses (the API's field C(username)). Splunk and ServiceNow need it; a JSON POST may use it.
    type: str
  recipient_password:
    description:
      - The password of O(recipient_username) (the API's field C(password)). Write-only, see O(update_password).
      - It never appears in RV(recipient), the diff, messages or errors.
    type: str
  update_password:
    description:
      - V(on_create) sends O(recipient_password) only when the recipient is created.
      - V(always) sends it on every run that sets it, and so reports C(changed) on every run; the task is then not
        idempotent. Use it once to rotate the password.
    type: str
    choices: [on_create, always]
    default: on_create
  availability_alert:
    description:
      - Whether the recipient gets availability alerts (errors). The API's default is V(true).
    type: bool
  notify_on_clear:
    description:
      - Whether the recipient is told when an error clears. The API's default is V(false).
    type: bool
  attach_screen_capture:
    description:
      - E-mail methods; whether to attach a screen capture of the error.
    type: bool
  attach_server_response:
    description:
      - E-mail methods; whether to attach the server's response.
    type: bool
  start_threshold:
    description:
      - Consecutive errors before the first alert is sent, 1 or more.
    type: int
  stop_threshold:
    description:
      - How many alerts are sent while an error lasts.
    type: int
  performance_alert:
    description:
      - Whether the recipient gets performance alerts. The API's default is V(false).
    type: bool
  performance_alert_type:
    description:
      - The kind of performance alert, as the API names it (for example V("20")); the API judges the value.
    type: str
  repeat_performance_alerts:
    description:
      - Whether performance alerts are repeated.
    type: bool
  remote_commands:
    description:
      - Whether the recipient may send remote commands.
      - The vendor's reference does not show it on read. When the API does not return it, it cannot be compared, and
        it is handled like O(recipient_password) - sent when the recipient is created, and to an existing one only
        with O(update_password=always); the module warns when it leaves it unsent.
    type: bool
notes:
  - Only the options you set are compared and sent; every other setting of the recipient is left as it is.
  - After a change the module reads the recipient back, so RV(recipient) holds the API's own values and defaults.
  - Which monitors alert a recipient is set with recipient groups, see M(community.alertsite.alertsite_recipient_group).
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient_info
  - module: community.alertsite.alertsite_recipient_group
  - name: AlertSite recipients API
    description: The vendor's reference of the recipient object.
    link: https://support.smartbear.com/alertsite/docs/api/v3/recipients/recipient-object.html
'''

EXAMPLES = r'''
- name: The on-call mailbox, HTML e-mail, told when errors clear
  community.alertsite.alertsite_recipient:
    name: oncall-mail
    method: email_html
    recipient: oncall@example.com
    notify_on_clear: true

- name: A JSON webhook into the chat tool, with a login
  community.alertsite.alertsite_recipient:
    name: chat-webhook
    method: web_post_json
    recipient: https://chat.example.com/hooks/alertsite
    recipient_username: alertsite
    recipient_password: "{{ vault_chat_hook_password }}"

- name: Splunk needs a login to be created
  community.alertsite.alertsite_recipient:
    name: splunk-hec
    method_id: 15
    recipient: https://splunk.example.com:8088/services/collector
    recipient_username: alertsite
    recipient_password: "{{ vault_splunk_token }}"

- name: Rotate the webhook password (changed on every run while update_password is always)
  community.alertsite.alertsite_recipient:
    name: chat-webhook
    recipient_password: "{{ vault_new_chat_hook_password }}"
    update_password: always

- name: Alert only after three errors in a row, on an existing PagerDuty recipient
  community.alertsite.alertsite_recipient:
    name: PagerDuty - payments
    start_threshold: 3

- name: Delete a recipient
  community.alertsite.alertsite_recipient:
    name: old-pager
    state: absent
'''

RETURN = r'''
recipient:
  description:
    - The recipient as the API holds it after the task, read back after any change; in check mode, the predicted
      recipient. Empty after O(state=absent). Never holds the password.
  returned: always
  type: dict
  sample: {id: 200001, name: oncall-mail, method_id: 12, method_description: E-mail (HTML format), recipient: oncall@example.com,
           username: '', notify_on_clear: true, start_threshold: 1, stop_threshold: 10, notifier_groups: null}
  contains:
    id:
      description: The recipient's id.
      type: int
      sample: 200001
    name:
      description: O(name) as the API holds it.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number (V(12) is C(email_html)); see O(method_id).
      type: int
      sample: 12
    method_description:
      description: The API's description of the method.
      type: str
      sample: E-mail (HTML format)
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
    username:
      description: The recipient's login (the option O(recipient_username)).
      type: str
      sample: ""
    availability_alert:
      description: Whether availability alerts are sent.
      type: bool
      sample: true
    notify_on_clear:
      description: Whether the recipient is told when an error clears.
      type: bool
      sample: true
    attach_screen_capture:
      description: Whether a screen capture is attached.
      type: bool
      sample: false
    attach_server_response:
      description: Whether the server's response is attached.
      type: bool
      sample: false
    start_threshold:
      description: Consecutive errors before the first alert.
      type: int
      sample: 1
    stop_threshold:
      description: Alerts sent while an error lasts.
      type: int
      sample: 10
    performance_alert:
      description: Whether performance alerts are sent.
      type: bool
      sample: false
    performance_alert_type:
      description: The kind of performance alert.
      type: str
      sample: "20"
    repeat_performance_alerts:
      description: Whether performance alerts are repeated.
      type: bool
      sample: false
    blackout_ids:
      description: Ids of the recipient's blackouts, or null when none.
      type: list
      elements: str
      sample: null
    notifier_groups:
      description: Ids of the recipient groups the recipient is in, or null when none.
      type: list
      elements: str
      sample: ["400001"]
msg:
  description:
    - What was done (or, in check mode, would be done), in one sentence; a deleted recipient's groups are named.
  returned: always
  type: str
  sample: "Updated recipient 'oncall-mail' (id 500001): notify_on_clear"
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

from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(RECIPIENT)


if __name__ == '__main__':
    main()
