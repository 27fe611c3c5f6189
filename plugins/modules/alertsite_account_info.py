#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_account_info
short_description: Gather a whole AlertSite account as definitions of the resource modules
version_added: 2.0.0
description:
  - Reads the recipients, monitors, recipient groups and blackouts of an account (those of O(kinds)) and returns
    each kind as the C(state=gathered) of its resource module returns it - M(community.alertsite.alertsite_recipients),
    M(community.alertsite.alertsite_monitors), M(community.alertsite.alertsite_recipient_groups) and
    M(community.alertsite.alertsite_blackouts) - ready to feed back as their O(community.alertsite.alertsite_monitors#module:config),
    or as the variables C(alertsite_recipients), C(alertsite_monitors), C(alertsite_recipient_groups) and
    C(alertsite_blackouts) of the role C(community.alertsite.alerting).
  - Each kind is listed once. The monitors and recipients that recipient groups and blackouts refer to are named from
    those same listings (by name, and type for a monitor, where that is unambiguous; by id otherwise), where four
    gathered tasks would list the monitors and the recipients again in the groups and blackouts tasks.
  - Secrets are never returned (the API does not return them either).
  - The playbook C(community.alertsite.export) writes this module's result as a vars file.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  kinds:
    description:
      - The kinds of objects to gather. Each is listed once; V(recipient_groups) and V(blackouts) name their monitors
        and recipients from the listings of V(monitors) and V(recipients) when those are gathered too, and list
        them once more otherwise.
    type: list
    elements: str
    default: [recipients, monitors, recipient_groups, blackouts]
  scripts_dest:
    description:
      - Write the DejaClick scripts of the gathered monitors to files under this directory, as
        O(community.alertsite.alertsite_monitors#module:scripts_dest) does, and name them in C(script_file) instead
        of returning them as text.
      - Only when O(kinds) holds V(monitors).
    type: path
  timezone:
    description:
      - The time zone the API's blackout dates are written in, as
        O(community.alertsite.alertsite_blackouts#module:timezone); which windows ended (and are then in
        RV(not_gathered.blackouts) instead of RV(gathered.blackouts)) is judged in it.
    type: str
    default: UTC
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_monitors
  - module: community.alertsite.alertsite_recipients
  - module: community.alertsite.alertsite_recipient_groups
  - module: community.alertsite.alertsite_blackouts
  - ref: community.alertsite.guide_adopting_an_account
    description: Taking an existing account under code (export, review, converge, drift in CI).
'''

EXAMPLES = r'''
- name: Read the whole account
  community.alertsite.alertsite_account_info:
  register: account

- name: Converge another account to the same setup (secrets to be set in the definitions first)
  ansible.builtin.include_role:
    name: community.alertsite.alerting
  vars:
    alertsite_recipients: "{{ account.gathered.recipients }}"
    alertsite_monitors: "{{ account.gathered.monitors }}"
    alertsite_recipient_groups: "{{ account.gathered.recipient_groups }}"
    alertsite_blackouts: "{{ account.gathered.blackouts }}"

- name: Only the recipients and the recipient groups (the groups' monitors are listed once more, to name them)
  community.alertsite.alertsite_account_info:
    kinds: [recipients, recipient_groups]
  register: routing

- name: Monitors of types the collection does not manage
  ansible.builtin.debug:
    msg: "{{ account.not_gathered.monitors | map(attribute='name') | list }}"
'''

RETURN = r'''
gathered:
  description:
    - Per kind of O(kinds), its objects as definitions in the C(config) format of its resource module, exactly as that
      module's C(state=gathered) returns them (RV(community.alertsite.alertsite_monitors#module:gathered)).
  returned: success
  type: dict
  contains:
    recipients:
      description: The recipients (RV(community.alertsite.alertsite_recipients#module:gathered)); no passwords.
      returned: when O(kinds) holds V(recipients)
      type: list
      elements: dict
      sample:
        - {name: oncall-mail, method_id: 12, recipient: oncall@example.com, notify_on_clear: true}
      contains:
        name:
          description: The recipient's name; every other option of its definition as in the C(config) format.
          type: str
          sample: oncall-mail
    monitors:
      description: The monitors of the types the collection manages (RV(community.alertsite.alertsite_monitors#module:gathered)).
      returned: when O(kinds) holds V(monitors)
      type: list
      elements: dict
      sample:
        - {type: tcp, name: db-5432, host: db.example.com, port: 5432, interval: 15}
      contains:
        type:
          description: The monitor's API type; every other option of its definition as in the C(config) format.
          type: str
          sample: tcp
        name:
          description: The monitor's name.
          type: str
          sample: db-5432
    recipient_groups:
      description:
        - The recipient groups (RV(community.alertsite.alertsite_recipient_groups#module:gathered)), their monitors and
          recipients by name where the name is unambiguous, by id otherwise.
      returned: when O(kinds) holds V(recipient_groups)
      type: list
      elements: dict
      sample:
        - {name: web-oncall, monitors: [{name: db-5432, type: tcp}], recipients: [{name: oncall-mail}]}
      contains:
        name:
          description: The group's name; every other option of its definition as in the C(config) format.
          type: str
          sample: web-oncall
    blackouts:
      description:
        - The blackouts that have not ended (RV(community.alertsite.alertsite_blackouts#module:gathered)), windows alike
          on several targets as one item, their targets by name where unambiguous.
      returned: when O(kinds) holds V(blackouts)
      type: list
      elements: dict
      sample:
        - {type: Monitor, monitors: [{name: db-5432, type: tcp}], start_day: Sunday, start_time: "02:00",
           end_day: Sunday, end_time: "04:00", note: weekly patching}
      contains:
        type:
          description: The blackout type; every other option of its item as in the C(config) format.
          type: str
          sample: Monitor
  sample:
    recipients: [{name: oncall-mail, method_id: 12, recipient: oncall@example.com}]
    monitors: [{type: tcp, name: db-5432, host: db.example.com, port: 5432}]
    recipient_groups: [{name: web-oncall, monitors: [{name: db-5432, type: tcp}], recipients: [{name: oncall-mail}]}]
    blackouts: []
not_gathered:
  description:
    - Per kind of O(kinds), what its listing holds and RV(gathered) cannot express, as the resource module's
      RV(community.alertsite.alertsite_monitors#module:not_gathered) says it; empty lists for the recipients and
      the recipient groups.
  returned: success
  type: dict
  contains:
    monitors:
      description: Monitors of types the collection does not manage.
      returned: when O(kinds) holds V(monitors)
      type: list
      elements: dict
      sample: [{type: mobile, name: app-login, id: "100042"}]
      contains:
        type:
          description: The monitor's API type.
          type: str
          sample: mobile
        name:
          description: The monitor's name.
          type: str
          sample: app-login
        id:
          description: The monitor's id.
          type: str
          sample: "100042"
    blackouts:
      description:
        - One-time windows that ended (the API keeps them as history), as
          RV(community.alertsite.alertsite_blackouts#module:not_gathered) gives them, with C(assoc_id) (the monitor's or
          recipient's id), C(from_date), C(thru_date) and C(note).
      returned: when O(kinds) holds V(blackouts)
      type: list
      elements: dict
      sample: [{id: 7, type: Alert, assoc_id: 100001, from_date: "2020-01-01 00:00:00", thru_date: "2020-01-02 00:00:00"}]
      contains:
        id:
          description: The id of the window.
          type: int
          sample: 7
        type:
          description: The type of the window (V(Monitor), V(Alert) or V(Notifier)).
          type: str
          sample: Alert
  sample:
    monitors: [{type: mobile, name: app-login, id: "100042"}]
    blackouts: []
    recipients: []
    recipient_groups: []
status:
  description: The HTTP status of the failed request, when the task failed on one.
  returned: on failure
  type: int
  sample: 503
api_errors:
  description: The API's error messages (C(errors[].message), with the fields they name) of the failed request.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["Service temporarily unavailable"]
msg:
  description: How many objects of each kind were gathered.
  returned: always
  type: str
  sample: "gathered 3 recipients, 12 monitors, 2 recipient groups, 1 blackout"
'''

from ansible_collections.community.alertsite.plugins.module_utils.account import run_account_module


def main():
    run_account_module()


if __name__ == '__main__':
    main()
