#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_recipients
short_description: Converge many AlertSite alert recipients in one task
version_added: 2.0.0
description:
  - Takes a list of recipient definitions and converges them all with one login and one paged listing of the
    recipients, writing only what differs. Built to take a whole account's recipients under code, for example
    from the output of O(state=gathered) or through the role P(community.alertsite.alerting#role).
  - Each definition is planned exactly as M(community.alertsite.alertsite_recipient) plans one recipient (same
    options, same checks, same comparison, same lookup), found by O(config[].id) when given, else by
    O(config[].name). A name that two recipients share fails that definition alone, listing their ids.
  - All definitions are checked before any request. If a write fails, the other recipients are still converged,
    and the task fails afterwards, listing what failed in RV(msg) and in RV(results).
  - Creates and updates go first, up to O(parallel_writes) at a time; deletions (O(state=overridden),
    O(state=deleted)) only run when every create and update of the task succeeded, and are otherwise reported as
    skipped. What was written is then read back with one paged listing (or one C(GET) per recipient when fewer).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
  - community.alertsite.resource_module
options:
  state:
    description:
      - V(merged) creates the listed recipients that do not exist and changes the options set that differ.
        Recipients not listed are left alone.
      - V(replaced) does the same as V(merged) for recipients (no recipient option has a known empty value to
        reset); options a definition leaves out are left as they are.
      - V(overridden) does what V(replaced) does, and also deletes every recipient that O(config) does not list.
        An empty O(config) is refused (it would delete every recipient). Preview it with check mode and C(--diff).
        Deleting a recipient takes it out of its recipient groups.
      - V(deleted) deletes the listed recipients that exist; only O(config[].id) and O(config[].name) matter.
      - V(gathered) changes nothing and returns every recipient as a definition in RV(gathered), without its
        password. Options the recipient leaves unset are left out, so the output can be fed back as O(config) with
        V(merged), V(replaced) or V(overridden) and changes nothing.
      - V(rendered) makes no request and returns in RV(rendered) the requests a V(merged) run would send to an
        account that holds none of the recipients (one C(POST) per definition), the password masked.
      - V(parsed) makes no request and turns O(running_config), a C(GET /recipients) reply, into definitions in
        the O(config) format, returned in RV(parsed).
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
      - With O(state=parsed), an AlertSite listing to parse, as JSON text or data - the reply of C(GET /recipients)
        (an object with C(results)) or a list of recipient objects.
      - The passwords its recipients hold are masked wherever Ansible shows the task.
    type: raw
  update_password:
    description:
      - V(on_create) sends O(config[].recipient_password) only to recipients being created; V(always) sends it to
        every listed recipient that sets it, which reports those as changed on every run. Use it once to rotate a
        password.
    type: str
    choices: [on_create, always]
    default: on_create
  config:
    description:
      - The recipients, each with the options of M(community.alertsite.alertsite_recipient) and an optional
        O(config[].id).
      - Only the options a definition sets are compared and sent.
    type: list
    elements: dict
    suboptions:
      id:
        description:
          - The recipient's id, to select one recipient regardless of its name (for a rename, or among namesakes).
            With V(merged), V(replaced) and V(overridden) the recipient must exist.
        type: str
      name:
        description:
          - The recipient's display name. Required, unless O(config[].id) selects an existing recipient.
          - Without O(config[].id), the recipient is found by this name. With O(config[].id), this is its new name
            when it differs (a rename onto a name another recipient has is refused).
        type: str
      method_id:
        description:
          - How alerts are sent, as the API's number or as its name (O(config[].method) is an alias), as for
            O(community.alertsite.alertsite_recipient#module:method_id), for example V(12) or V(email_html).
          - The API creates a recipient without a method as V(12) (C(email_html)).
        type: raw
        aliases: [method]
      recipient:
        description:
          - Where alerts go, in the form the method takes (an e-mail address for the e-mail methods, an C(http://)
            or C(https://) URL for the web methods, a phone number, ...). Required to create a recipient.
        type: str
      recipient_username:
        description: The login the method uses (the API's field C(username)).
        type: str
      recipient_password:
        description:
          - The password of O(config[].recipient_username) (the API's field C(password)). Write-only, see
            O(update_password). It never appears in the result, the diff, messages or errors.
        type: str
      availability_alert:
        description: Whether the recipient gets availability alerts (errors).
        type: bool
      notify_on_clear:
        description: Whether the recipient is told when an error clears.
        type: bool
      attach_screen_capture:
        description: E-mail methods; whether to attach a screen capture of the error.
        type: bool
      attach_server_response:
        description: E-mail methods; whether to attach the server's response.
        type: bool
      start_threshold:
        description: Consecutive errors before the first alert is sent, 1 or more.
        type: int
      stop_threshold:
        description: How many alerts are sent while an error lasts.
        type: int
      performance_alert:
        description: Whether the recipient gets performance alerts.
        type: bool
      performance_alert_type:
        description: The kind of performance alert, as the API names it (for example V("20")).
        type: str
      repeat_performance_alerts:
        description: Whether performance alerts are repeated.
        type: bool
      remote_commands:
        description:
          - Whether the recipient may send remote commands. When the API does not return it, it is handled like
            O(config[].recipient_password) (sent on create, and to an existing recipient only with
            O(update_password=always)).
        type: bool
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_recipient
  - module: community.alertsite.alertsite_recipient_groups
  - module: community.alertsite.alertsite_recipient_info
'''

EXAMPLES = r'''
- name: Converge the on-call recipients (create and update; leave others alone)
  community.alertsite.alertsite_recipients:
    state: merged
    config:
      - name: oncall-mail
        method: email_html
        recipient: oncall@example.com
        notify_on_clear: true
      - name: chat-webhook
        method: web_post_json
        recipient: https://chat.example.com/hooks/alertsite

- name: Export every recipient as definitions
  community.alertsite.alertsite_recipients:
    state: gathered
  register: export

- name: Make the account hold exactly the exported recipients (preview first)
  community.alertsite.alertsite_recipients:
    state: overridden
    config: "{{ export.gathered }}"
  check_mode: true
  diff: true
'''

RETURN = r'''
before:
  description:
    - The recipients the task planned (listed in O(config), and for O(state=overridden) those deleted) as they were
      before the task, in the O(config) format (no passwords).
    - Unless O(return_unchanged=true), only the recipients the task creates, updates or deletes (or in check mode would),
      or fails on; those left as they were are only named in RV(results).
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    id:
      description: The recipient's id, present where another recipient has the same name.
      type: str
      sample: "200001"
    name:
      description: The recipient's name.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number; like every other option of O(config) the recipient holds, in the O(config) format.
      type: int
      sample: 12
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
  sample:
    - {name: oncall-mail, method_id: 12, recipient: oncall@example.com, notify_on_clear: false}
after:
  description:
    - The same recipients as they are after the task (in check mode, as they would be), in the O(config) format;
      deleted recipients are left out. Only when something changed.
  returned: when the task changed something (or in check mode would)
  type: list
  elements: dict
  contains:
    id:
      description: The recipient's id, present where another recipient has the same name.
      type: str
      sample: "200001"
    name:
      description: The recipient's name.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number; like every other option of O(config) the recipient holds, in the O(config) format.
      type: int
      sample: 12
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
  sample:
    - {name: oncall-mail, method_id: 12, recipient: oncall@example.com, notify_on_clear: true}
commands:
  description: The API writes the task sent (in check mode, would send), in order, the password masked.
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
      sample: /recipients/200001
    body:
      description: The request body (absent for C(DELETE)); the password shown as C(********).
      type: dict
      sample: {notify_on_clear: true}
      contains:
        notify_on_clear:
          description: Like every field sent, named as the API names it.
          type: bool
          sample: true
  sample:
    - {method: PATCH, path: /recipients/200001, body: {notify_on_clear: true}}
rendered:
  description: The requests a V(merged) run would send to an account without the recipients, as RV(commands) shows them.
  returned: when O(state=rendered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST), C(PATCH) or C(DELETE).
      type: str
      sample: POST
    path:
      description: The request path below the API URL.
      type: str
      sample: /recipients
    body:
      description: The request body (absent for C(DELETE)); the password shown as C(********).
      type: dict
      sample: {name: oncall-mail, method_id: 12}
      contains:
        name:
          description: Like every field sent, named as the API names it.
          type: str
          sample: oncall-mail
  sample:
    - {method: POST, path: /recipients, body: {name: oncall-mail, method_id: 12, recipient: oncall@example.com}}
parsed:
  description: The recipients of O(running_config) as definitions in the O(config) format (no passwords).
  returned: when O(state=parsed)
  type: list
  elements: dict
  contains:
    id:
      description: The recipient's id, present where another recipient has the same name.
      type: str
      sample: "200001"
    name:
      description: The recipient's name.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number; like every other option of O(config) the recipient holds, in the O(config) format.
      type: int
      sample: 12
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
  sample:
    - {name: oncall-mail, method_id: 12, recipient: oncall@example.com}
gathered:
  description:
    - The existing recipients as definitions in the O(config) format (no passwords); a recipient whose name another
      recipient shares carries its O(config[].id).
  returned: when O(state=gathered)
  type: list
  elements: dict
  contains:
    id:
      description: The recipient's id, present where another recipient has the same name.
      type: str
      sample: "200001"
    name:
      description: The recipient's name.
      type: str
      sample: oncall-mail
    method_id:
      description: The method's number; like every other option of O(config) the recipient holds, in the O(config) format.
      type: int
      sample: 12
    recipient:
      description: Where alerts go.
      type: str
      sample: oncall@example.com
  sample:
    - {name: oncall-mail, method_id: 12, recipient: oncall@example.com, notify_on_clear: true, start_threshold: 1}
not_gathered:
  description:
    - What the listing holds and RV(gathered) cannot express. Every recipient can be expressed, so it is empty; the
      key is there as in the other resource modules.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample: []
  contains:
    id:
      description: The id of the recipient (never returned, as every recipient can be expressed).
      type: str
      sample: "200001"
not_in_config:
  description:
    - The recipients of the listing that no definition stands for - exactly those that O(state=overridden) would
      delete - named by their C(name) and C(id), so that the caller can delete the ones it chooses afterwards
      (O(state=deleted) with their ids) without a listing of its own.
    - Listed as they were before the task's writes; empty when O(config) is empty (nothing is listed then).
  returned: when O(state=merged) or O(state=replaced)
  type: list
  elements: dict
  sample: [{name: old pager, id: "200017"}]
  version_added: 2.0.0
  contains:
    name:
      description: The name of the recipient.
      type: str
      sample: old pager
    id:
      description: The id of the recipient.
      type: str
      sample: "200017"
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
  sample: ["recipient: recipient must be an e-mail address"]
results:
  description: One entry per recipient planned, in the order of O(config), then the deletions of O(state=overridden).
  returned: unless O(state=gathered), O(state=rendered) or O(state=parsed)
  type: list
  elements: dict
  contains:
    name:
      description: Recipient name.
      type: str
      sample: oncall-mail
    id:
      description: Recipient id (null for a recipient that does not exist yet, in check mode).
      type: str
      sample: "200001"
    action:
      description: V(create), V(update), V(delete) or V(none).
      type: str
      sample: update
    changed:
      description: Whether the recipient was (or in check mode would be) changed.
      type: bool
      sample: true
    changes:
      description: Options sent (all on create, the differing ones on update).
      type: list
      elements: str
      sample: [notify_on_clear]
    recipient:
      description:
        - The recipient as the API holds it afterwards (predicted in check mode; empty once deleted), without its password.
        - Left out of an item with RV(results[].action=none) unless O(return_unchanged=true).
      type: dict
      sample: {id: 200001, name: oncall-mail, method_id: 12, recipient: oncall@example.com, notify_on_clear: true}
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
        name:
          description: The recipient's name; the other keys are the recipient's fields as the API returns them.
          type: str
          sample: oncall-mail
    failed:
      description: Present and true when this recipient's plan or write failed; RV(results[].msg) says why.
      type: bool
      sample: true
    skipped:
      description: Present and true for a deletion that was not sent because a create or update of the task failed.
      type: bool
      sample: true
    msg:
      description: Why this recipient failed or was skipped.
      type: str
      sample: "POST /recipients failed with HTTP 400: recipient: recipient must be an e-mail address"
  sample:
    - {name: oncall-mail, id: "200001", action: update, changed: true, changes: [notify_on_clear], recipient: {id: 200001}}
msg:
  description: A summary of what was (or would be) done.
  returned: always
  type: str
  sample: "merged 3 recipients: 1 created, 1 updated, 0 deleted, 1 unchanged"
'''

from ansible_collections.community.alertsite.plugins.module_utils.bulk import run_bulk_module
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENTS


def main():
    run_bulk_module(RECIPIENTS)


if __name__ == '__main__':
    main()
