#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipient_groups
short_description: Converge many AlertSite recipient groups in one task
version_added: 2.0.0
description:
  - Takes a list of recipient group definitions (which monitors alert which recipients) and converges them all
    with one login and one paged listing of the groups (the API's C(/notifier-groups)), writing only what differs.
  - Monitors and recipients are given by id or by name. The names of all definitions are resolved with one
    listing of the monitors (of the types named) and one of the recipients, made once for the task; a name that
    is unknown or that two objects share fails that definition alone.
  - Each definition is planned exactly as M(community.alertsite.alertsite_recipient_group) plans one group (same
    options, same checks, same comparison, same lookup), found by O(config[].id) when given, else by
    O(config[].name). The lists are compared as sets; a change sends each list that differs whole.
  - All definitions are checked before any request. If a write fails, the other groups are still converged, and
    the task fails afterwards, listing what failed in RV(msg) and in RV(results).
  - Creates and updates go first, up to O(parallel_writes) at a time; deletions (O(state=overridden),
    O(state=deleted)) only run when every create and update of the task succeeded, and are otherwise reported as
    skipped. What was written is then read back with one paged listing (or one C(GET) per group when fewer).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
  - community.alertsite.resource_module
options:
  state:
    description:
      - V(merged) creates the listed groups that do not exist and changes the options set that differ. Groups not
        listed are left alone.
      - V(replaced) does the same as V(merged) for groups (no group option has a known empty value to reset);
        options a definition leaves out are left as they are.
      - V(overridden) does what V(replaced) does, and also deletes every group that O(config) does not list. An
        empty O(config) is refused (it would delete every group). Preview it with check mode and C(--diff).
      - V(deleted) deletes the listed groups that exist; only O(config[].id) and O(config[].name) matter.
      - V(gathered) changes nothing and returns every group as a definition in RV(gathered), its monitors and
        recipients by name (monitors with their type) where that name is unambiguous, by id otherwise (one listing
        of the monitors and one of the recipients tell). The output can be fed back as O(config) with V(merged),
        V(replaced) or V(overridden) and changes nothing.
      - V(rendered) makes no request and returns in RV(rendered) the requests a V(merged) run would send to an
        account that holds none of the groups (one C(POST) per definition); monitors and recipients must then be
        given by id, as no listing turns names into ids.
      - V(parsed) makes no request and turns O(running_config), a C(GET /notifier-groups) reply, into definitions
        in the O(config) format, returned in RV(parsed) (monitors and recipients by id).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered, rendered, parsed]
    default: merged
  parallel_writes:
    description:
      - How many writes (C(POST), C(PATCH), C(DELETE)) are in flight at once. V(1) sends one write at a time.
      - If the API answers C(429 Too Many Requests), every write waits for its C(Retry-After) before going on, and
        the write is retried.
    type: int
    default: 4
  running_config:
    description:
      - With O(state=parsed), an AlertSite listing to parse, as JSON text or data - the reply of
        C(GET /notifier-groups) (an object with C(results)) or a list of group objects.
    type: raw
  config:
    description:
      - The groups, each with the options of M(community.alertsite.alertsite_recipient_group) and an optional
        O(config[].id).
      - Only the options a definition sets are compared and sent.
    type: list
    elements: dict
    suboptions:
      id:
        description:
          - The group's id, to select one group regardless of its name (for a rename, or among namesakes). With
            V(merged), V(replaced) and V(overridden) the group must exist.
        type: str
      name:
        description:
          - The group's name, at most 128 characters. Required, unless O(config[].id) selects an existing group.
          - Without O(config[].id), the group is found by this name. With O(config[].id), this is its new name when
            it differs (a rename onto a name another group has is refused).
        type: str
      is_default:
        description:
          - Whether this is the account's default recipient group. The API keeps one default, so making this group
            the default takes that from any other; two definitions that each make their group the default undo
            each other.
        type: bool
      monitors:
        description:
          - The monitors whose alerts the group routes; at least one. Required to create a group.
          - Each item gives O(config[].monitors[].id), or O(config[].monitors[].name) and
            O(config[].monitors[].type), and optionally O(config[].monitors[].step_number).
        type: list
        elements: dict
        suboptions:
          id:
            description: The monitor's id.
            type: int
          name:
            description: The monitor's name; needs O(config[].monitors[].type).
            type: str
          type:
            description: The monitor's API type, with O(config[].monitors[].name).
            type: str
            choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl,
                      name-server, ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
          step_number:
            description: V(0) (the default) for the whole monitor, V(n) for its step n only.
            type: int
      recipients:
        description:
          - The recipients the alerts go to; at least one. Required to create a group.
          - Each item gives O(config[].recipients[].id) or O(config[].recipients[].name).
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
          - AlertSite error codes (1 to 999) the group routes. An empty list (the API's default) routes every error.
        type: list
        elements: int
      templates:
        description: Ids of custom alert templates.
        type: list
        elements: int
notes:
  - In check mode, names of monitors and recipients that do not exist yet (because earlier tasks would create them)
    cannot be resolved, and those definitions fail.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient_group
  - module: community.alertsite.alertsite_recipients
  - module: community.alertsite.alertsite_recipient_group_info
'''

EXAMPLES = r'''
- name: Route each service's errors to its team
  community.alertsite.alertsite_recipient_groups:
    state: merged
    config:
      - name: payments
        monitors:
          - {name: pay-api, type: website-ssl}
          - {name: pay-db, type: tcp}
        recipients:
          - name: payments-oncall
      - name: everything-else
        is_default: true
        monitors: [{name: web-443, type: tcp}]
        recipients: [{name: oncall-mail}]
        errortypes: [1, 2]

- name: Export every group, its monitors and recipients by name
  community.alertsite.alertsite_recipient_groups:
    state: gathered
  register: export

- name: Make the account hold exactly the exported groups
  community.alertsite.alertsite_recipient_groups:
    state: overridden
    config: "{{ export.gathered }}"
'''

RETURN = r'''
before:
  description:
    - The groups the task planned (listed in O(config), and for O(state=overridden) those deleted) as they were
      before the task, in the O(config) format.
    - Unless O(return_unchanged=true), only the groups the task creates, updates or deletes (or in check mode would),
      or fails on; those left as they were are only named in RV(results).
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    id:
      description: The group's id, present where another group has the same name.
      type: str
      sample: "400001"
    name:
      description: The group's name.
      type: str
      sample: payments
    monitors:
      description:
        - The group's monitors, by name and type where the task listed the monitors and that name is unambiguous,
          else by id; C(step_number) where it is not V(0).
      type: list
      elements: dict
      sample: [{name: pay-api, type: website-ssl}, {id: 100042, step_number: 2}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100042
        name:
          description: The monitor's name.
          type: str
          sample: pay-api
        type:
          description: The monitor's API type.
          type: str
          sample: website-ssl
        step_number:
          description: The step the group routes the alerts of.
          type: int
          sample: 2
    recipients:
      description: The group's recipients, by name where the task listed the recipients and that name is unambiguous, else by id.
      type: list
      elements: dict
      sample: [{name: payments-oncall}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name.
          type: str
          sample: payments-oncall
  sample:
    - {name: payments, is_default: false, monitors: [{name: pay-api, type: website-ssl}], recipients: [{name: payments-oncall}]}
after:
  description:
    - The same groups as they are after the task (in check mode, as they would be), in the O(config) format;
      deleted groups are left out. Only when something changed.
  returned: when the task changed something (or in check mode would)
  type: list
  elements: dict
  contains:
    id:
      description: The group's id, present where another group has the same name.
      type: str
      sample: "400001"
    name:
      description: The group's name.
      type: str
      sample: payments
    monitors:
      description:
        - The group's monitors, by name and type where the task listed the monitors and that name is unambiguous,
          else by id; C(step_number) where it is not V(0).
      type: list
      elements: dict
      sample: [{name: pay-api, type: website-ssl}, {id: 100042, step_number: 2}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100042
        name:
          description: The monitor's name.
          type: str
          sample: pay-api
        type:
          description: The monitor's API type.
          type: str
          sample: website-ssl
        step_number:
          description: The step the group routes the alerts of.
          type: int
          sample: 2
    recipients:
      description: The group's recipients, by name where the task listed the recipients and that name is unambiguous, else by id.
      type: list
      elements: dict
      sample: [{name: payments-oncall}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name.
          type: str
          sample: payments-oncall
  sample:
    - {name: payments, is_default: false, monitors: [{name: pay-api, type: website-ssl}], recipients: [{name: payments-oncall}]}
commands:
  description: The API writes the task sent (in check mode, would send), in order.
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST), C(PATCH) or C(DELETE).
      type: str
      sample: PATCH
    path:
      description: The request path below the API URL.
      type: str
      sample: /notifier-groups/400001
    body:
      description: The request body (absent for C(DELETE)).
      type: dict
      sample: {recipients: [{id: 200001}, {id: 200002}]}
      contains:
        recipients:
          description: Like every field sent, named as the API names it; a list is sent whole.
          type: list
          sample: [{id: 200001}, {id: 200002}]
  sample:
    - {method: PATCH, path: /notifier-groups/400001, body: {recipients: [{id: 200001}, {id: 200002}]}}
rendered:
  description: The requests a V(merged) run would send to an account without the groups, as RV(commands) shows them.
  returned: when O(state=rendered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST), C(PATCH) or C(DELETE).
      type: str
      sample: PATCH
    path:
      description: The request path below the API URL.
      type: str
      sample: /notifier-groups/400001
    body:
      description: The request body (absent for C(DELETE)).
      type: dict
      sample: {recipients: [{id: 200001}, {id: 200002}]}
      contains:
        recipients:
          description: Like every field sent, named as the API names it; a list is sent whole.
          type: list
          sample: [{id: 200001}, {id: 200002}]
  sample:
    - {method: POST, path: /notifier-groups, body: {name: payments, monitors: [{id: 100001, step_number: 0}], recipients: [{id: 200001}]}}
parsed:
  description: The groups of O(running_config) as definitions in the O(config) format (monitors and recipients by id).
  returned: when O(state=parsed)
  type: list
  elements: dict
  contains:
    id:
      description: The group's id, present where another group has the same name.
      type: str
      sample: "400001"
    name:
      description: The group's name.
      type: str
      sample: payments
    monitors:
      description:
        - The group's monitors, by name and type where the task listed the monitors and that name is unambiguous,
          else by id; C(step_number) where it is not V(0).
      type: list
      elements: dict
      sample: [{name: pay-api, type: website-ssl}, {id: 100042, step_number: 2}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100042
        name:
          description: The monitor's name.
          type: str
          sample: pay-api
        type:
          description: The monitor's API type.
          type: str
          sample: website-ssl
        step_number:
          description: The step the group routes the alerts of.
          type: int
          sample: 2
    recipients:
      description: The group's recipients, by name where the task listed the recipients and that name is unambiguous, else by id.
      type: list
      elements: dict
      sample: [{name: payments-oncall}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name.
          type: str
          sample: payments-oncall
  sample:
    - {name: payments, monitors: [{id: 100001}], recipients: [{id: 200001}]}
gathered:
  description:
    - The existing groups as definitions in the O(config) format, monitors and recipients by name where unambiguous,
      by id otherwise; a group whose name another group shares carries its O(config[].id).
  returned: when O(state=gathered)
  type: list
  elements: dict
  contains:
    id:
      description: The group's id, present where another group has the same name.
      type: str
      sample: "400001"
    name:
      description: The group's name.
      type: str
      sample: payments
    monitors:
      description:
        - The group's monitors, by name and type where the task listed the monitors and that name is unambiguous,
          else by id; C(step_number) where it is not V(0).
      type: list
      elements: dict
      sample: [{name: pay-api, type: website-ssl}, {id: 100042, step_number: 2}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100042
        name:
          description: The monitor's name.
          type: str
          sample: pay-api
        type:
          description: The monitor's API type.
          type: str
          sample: website-ssl
        step_number:
          description: The step the group routes the alerts of.
          type: int
          sample: 2
    recipients:
      description: The group's recipients, by name where the task listed the recipients and that name is unambiguous, else by id.
      type: list
      elements: dict
      sample: [{name: payments-oncall}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name.
          type: str
          sample: payments-oncall
  sample:
    - {name: payments, is_default: false, monitors: [{name: pay-api, type: website-ssl}], recipients: [{name: payments-oncall}]}
not_gathered:
  description:
    - What the listing holds and RV(gathered) cannot express. Every recipient group can be expressed, so it is
      empty; the key is there as in the other resource modules.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample: []
  contains:
    id:
      description: The id of the recipient group (never returned, as every recipient group can be expressed).
      type: str
      sample: "200001"
not_in_config:
  description:
    - The recipient groups of the listing that no definition stands for - exactly those that O(state=overridden) would
      delete - named by their C(name) and C(id), so that the caller can delete the ones it chooses afterwards
      (O(state=deleted) with their ids) without a listing of its own.
    - Listed as they were before the task's writes; empty when O(config) is empty (nothing is listed then).
  returned: when O(state=merged) or O(state=replaced)
  type: list
  elements: dict
  sample: [{name: legacy team, id: "400017"}]
  version_added: 2.0.0
  contains:
    name:
      description: The name of the recipient group.
      type: str
      sample: legacy team
    id:
      description: The id of the recipient group.
      type: str
      sample: "400017"
status:
  description: The HTTP status of the failed request, when the task failed on one (with several failed writes, only when there is one).
  returned: on failure
  type: int
  sample: 400
api_errors:
  description: The API's error messages (C(errors[].message), with the fields they name) of the failed requests.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["monitors: monitor 999 does not exist"]
results:
  description: One entry per group planned, in the order of O(config), then the deletions of O(state=overridden).
  returned: unless O(state=gathered), O(state=rendered) or O(state=parsed)
  type: list
  elements: dict
  contains:
    name:
      description: Group name.
      type: str
      sample: payments
    id:
      description: Group id (null for a group that does not exist yet, in check mode).
      type: str
      sample: "400001"
    action:
      description: V(create), V(update), V(delete) or V(none).
      type: str
      sample: update
    changed:
      description: Whether the group was (or in check mode would be) changed.
      type: bool
      sample: true
    changes:
      description: Options sent (all on create, the differing ones on update).
      type: list
      elements: str
      sample: [recipients]
    recipient_group:
      description:
        - The group as the API holds it afterwards (predicted in check mode; empty once deleted).
        - Left out of an item with RV(results[].action=none) unless O(return_unchanged=true).
      type: dict
      sample: {id: 400001, name: payments, is_default: false, monitors: [{id: 100001, step_number: 0}], recipients: [{id: 200001}]}
      contains:
        id:
          description: The group's id.
          type: int
          sample: 400001
        name:
          description: The group's name; the other keys are the group's fields as the API returns them.
          type: str
          sample: payments
    failed:
      description: Present and true when this group's plan or write failed; RV(results[].msg) says why.
      type: bool
      sample: true
    skipped:
      description: Present and true for a deletion that was not sent because a create or update of the task failed.
      type: bool
      sample: true
    msg:
      description: Why this group failed or was skipped.
      type: str
      sample: "monitors[0]: no tcp monitor 'pay-db' exists"
  sample:
    - {name: payments, id: "400001", action: update, changed: true, changes: [recipients], recipient_group: {id: 400001}}
msg:
  description: A summary of what was (or would be) done.
  returned: always
  type: str
  sample: "merged 2 recipient groups: 1 created, 0 updated, 0 deleted, 1 unchanged"
'''

from ansible_collections.community.alertsite.plugins.module_utils.bulk import run_bulk_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUPS


def main():
    run_bulk_module(RECIPIENT_GROUPS)


if __name__ == '__main__':
    main()
