#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipient_group
short_description: Manage AlertSite recipient groups (which monitors alert which recipients)
version_added: 1.0.0
description:
  - Create, change and delete AlertSite recipient groups (the API's C(/notifier-groups)). A group sends the alerts
    of its O(monitors) (optionally only some O(errortypes), with custom O(templates)) to its O(recipients).
  - Monitors and recipients are given by id or by name. Names are resolved with one listing of the monitors (of
    the types named) and one of the recipients; a name that is unknown or that two objects share fails the task
    before any write.
  - The lists are compared as sets, so their order and repetitions do not matter. The API replaces a list that
    a C(PATCH) carries, so a change sends each list that differs whole, and only those.
  - The group is found by its O(name) (or by O(id)); a second identical run sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  name:
    description:
      - The group's name, at most 128 characters. Required, unless O(id) selects an existing group.
      - Without O(id), the group is found by this name; two groups with the same name make the module fail and
        list their ids. With O(id), this is the group's new name when it differs.
    type: str
  id:
    description:
      - The group's id, to select one group regardless of its name. With O(state=present) the group must exist.
    type: str
  state:
    description:
      - V(present) creates the group or changes the options you set that differ; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  is_default:
    description:
      - Whether this is the account's default recipient group. The API keeps one default, so making this group
        the default takes that from any other; RV(msg) names the group that stops being the default (the groups
        are listed once more for that, before the write). Two tasks that each make their own group the default
        undo each other on every run, and their messages name each other's group.
    type: bool
  monitors:
    description:
      - The monitors whose alerts the group routes; at least one. Required to create a group.
      - Each item gives O(monitors[].id), or O(monitors[].name) and O(monitors[].type) (the monitor's API type, such
        as V(tcp) or V(website-ssl)), and optionally O(monitors[].step_number).
    type: list
    elements: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name; needs O(monitors[].type).
        type: str
      type:
        description: The monitor's API type, with O(monitors[].name).
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl,
                  name-server, ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
      step_number:
        description: V(0) (the default) for the whole monitor, V(n) for its step n only.
        type: int
  recipients:
    description:
      - The recipients the alerts go to; at least one. Required to create a group.
      - Each item gives O(recipients[].id) or O(recipients[].name).
    type: list
    elements: dict
    suboptions:
      id:
        description: The recipient's id.
        type: int
      name:
        description: The recipient's name.
        type: str
  errortypes:
    description:
      - AlertSite error codes (1 to 999, for example V(1) TCP connection failed, V(2) test timed out) the group
        routes. An empty list (the API's default) routes every error.
    type: list
    elements: int
  templates:
    description:
      - Ids of custom alert templates (the API has no list of them; copy the ids from the AlertSite web interface).
    type: list
    elements: int
notes:
  - Only the options you set are compared and sent; every other setting of the group is left as it is.
  - In check mode, names of monitors and recipients that do not exist yet (because earlier tasks would create
    them) cannot be resolved, and the task fails; the role P(community.alertsite.alerting#role) converges
    recipients and monitors before the groups.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient_group_info
  - module: community.alertsite.alertsite_recipient
  - name: AlertSite recipient groups API
    description: The vendor's reference of the recipient group object.
    link: https://support.smartbear.com/alertsite/docs/api/v3/recipient-groups/recipient-group-object.html
'''

EXAMPLES = r'''
- name: Route the payment service's errors to the payments team
  community.alertsite.alertsite_recipient_group:
    name: payments
    monitors:
      - {name: pay-api, type: website-ssl}
      - {name: pay-db, type: tcp}
      - {id: 100042, step_number: 2}
    recipients:
      - name: payments-oncall
      - name: chat-webhook

- name: Only connection failures and timeouts, to the default group
  community.alertsite.alertsite_recipient_group:
    name: everything-else
    is_default: true
    monitors: [{name: web-443, type: tcp}]
    recipients: [{name: oncall-mail}]
    errortypes: [1, 2]

- name: Delete a group
  community.alertsite.alertsite_recipient_group:
    name: payments
    state: absent
'''

RETURN = r'''
recipient_group:
  description:
    - The group as the API holds it after the task, read back after any change (with the read-only names the API
      adds); in check mode, the predicted group. Empty after O(state=absent).
  returned: always
  type: dict
  sample: {id: 400001, name: payments, is_default: false, monitors: [{id: 100001, step_number: 0, name: pay-api, step_name: null}],
           recipients: [{id: 200001, name: payments-oncall, recipient: payments@example.com}], errortypes: [], templates: []}
  contains:
    id:
      description: The group's id.
      type: int
      sample: 400001
    name:
      description: O(name) as the API holds it.
      type: str
      sample: payments
    is_default:
      description: Whether this is the account's default recipient group.
      type: bool
      sample: false
    monitors:
      description: The monitors whose alerts the group routes.
      type: list
      elements: dict
      sample: [{id: 100001, step_number: 0, name: pay-api, step_name: null}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
        step_number:
          description: V(0) for the whole monitor, else the step.
          type: int
          sample: 0
        name:
          description: The monitor's name (read only).
          type: str
          sample: pay-api
        step_name:
          description: The step's name (read only), null for the whole monitor.
          type: str
          sample: null
    recipients:
      description: The recipients the alerts go to.
      type: list
      elements: dict
      sample: [{id: 200001, name: payments-oncall, recipient: payments@example.com}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name (read only).
          type: str
          sample: payments-oncall
        recipient:
          description: Where the recipient's alerts go (read only).
          type: str
          sample: payments@example.com
    errortypes:
      description: The error codes the group routes; empty for every error.
      type: list
      elements: dict
      sample: [{id: 1, description: TCP Connection Failed}]
      contains:
        id:
          description: The AlertSite error code.
          type: int
          sample: 1
        description:
          description: What the code means (read only).
          type: str
          sample: TCP Connection Failed
    templates:
      description: The custom alert templates of the group.
      type: list
      elements: dict
      sample: [{id: 14, name: Slack alert, alert_description_short: Site Error JSON}]
      contains:
        id:
          description: The template's id.
          type: int
          sample: 14
        name:
          description: The template's name (read only).
          type: str
          sample: Slack alert
        alert_description_short:
          description: The template's short alert description (read only).
          type: str
          sample: Site Error JSON
msg:
  description:
    - What was done (or, in check mode, would be done), in one sentence; says when the group became (or stopped
      being) the default.
  returned: always
  type: str
  sample: "Updated recipient group 'payments' (id 600001): monitors"
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
  sample: ["monitors: required and is empty"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUP
from ansible_collections.community.alertsite.plugins.module_utils.runners import run_resource_module


def main():
    run_resource_module(RECIPIENT_GROUP)


if __name__ == '__main__':
    main()
