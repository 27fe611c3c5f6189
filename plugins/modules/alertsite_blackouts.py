#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_blackouts
short_description: Converge many AlertSite blackouts (maintenance windows) in one task
version_added: 2.0.0
description:
  - Takes a list of blackout definitions and converges them all with one login and one paged listing of the
    blackouts, writing only what differs. This is the resource module of the blackouts, with the same states and
    result as M(community.alertsite.alertsite_monitors). Use O(state=gathered) to take an account's existing
    windows under code.
  - Each item of O(config) takes the options of M(community.alertsite.alertsite_blackout) (less O(state) and
    O(parallel_writes), which are the task's). It is checked as that module checks its task, and it stands for one
    window per target in O(config[].monitors) or O(config[].recipients).
  - Windows are found as M(community.alertsite.alertsite_blackout) finds them. A B(weekly window) is found by its
    target, its O(config[].type) and its schedule; a changed O(config[].note) is one C(PATCH) with only the note.
    A B(one-time window) is found by its O(config[].note) when the item gives one, else by its dates. The API
    cannot modify a one-time window, so a window given another schedule is created anew and the old one then
    deleted. A window in force is not replaced (the item fails, naming it), because deleting it would end the
    silence at once.
  - In one task each window answers to one item. Items claim windows in the order of O(config), an exact match
    first, so two windows alike on one target are two items (as RV(gathered) gives them).
  - B(Windows that ended) are history. They are not gathered, matched or deleted (the API cannot delete them).
    A one-time item that lies wholly in the past does nothing and warns, so that an exported file that has grown
    old still converges (M(community.alertsite.alertsite_blackout) refuses such a window). So does a one-time item
    that has begun and whose window does not exist (it was ended early or deleted), because AlertSite only takes
    windows that start in the future.
  - Targets given by name are resolved with one listing of the monitors (of the types named) and one of the
    recipients, each only when an item names one. A name that no object or several objects have fails that item
    before any write; the other items converge.
  - All items are checked before any request. Creates and updates go first, up to O(parallel_writes) at a time;
    deletions (O(state=overridden), O(state=deleted), and the old window of a replaced one-time window) only run
    when every create and update of the task succeeded, and are otherwise reported as skipped. If a write fails,
    the other windows are still converged, and the task fails afterwards, listing what failed in RV(msg) and in
    RV(results).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
  - community.alertsite.resource_module
options:
  state:
    description:
      - V(merged) creates the windows of O(config) that do not exist and brings the note of weekly windows up to
        date (an item without O(config[].note) leaves the note as it is). Windows not listed are left alone.
      - V(replaced) does what V(merged) does, and also clears the note of a weekly window whose item has no
        O(config[].note). A one-time window cannot be modified, so its note is left as it is.
      - V(overridden) does what V(replaced) does, and also deletes every window of the listed types (the types
        of O(config) and O(types)) that has not ended and that no item claims, windows in force included. Preview
        it with check mode and C(--diff).
      - V(deleted) deletes the windows of O(config) that exist and have not ended. An item with only
        O(config[].note) and no schedule deletes every window of its targets with that note.
      - V(gathered) changes nothing and returns the windows that have not ended (of O(types), all types when
        empty) as items in RV(gathered). Windows alike (type, schedule, note) on several targets are one item.
        Targets are given by name (and type) where one object has that name, else by id. Fed back as O(config),
        the output writes nothing with V(merged), V(replaced) and V(overridden).
      - V(rendered) makes no request and returns in RV(rendered) the requests a V(merged) run would send to an
        account that holds none of the windows (one C(POST) per window). Targets must be given by id.
      - V(parsed) makes no request and turns O(running_config), a C(GET /blackouts) reply, into items in the
        O(config) format, returned in RV(parsed). Windows that ended are left out; targets are given by id.
      - An empty O(config) changes nothing with V(merged), V(replaced) and V(deleted) (it never means every
        window).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered, rendered, parsed]
    default: merged
  config:
    description:
      - The blackout definitions, each with the options of M(community.alertsite.alertsite_blackout).
    type: list
    elements: dict
    suboptions:
      type:
        description:
          - What the window silences, as the API names it. V(Monitor) stops the monitors from running, V(Alert)
            keeps them running but sends no alert, V(Notifier) silences the alert recipients in
            O(config[].recipients).
        type: str
        required: true
        choices: [Monitor, Alert, Notifier]
      monitors:
        description:
          - The monitors to silence (required with O(config[].type=Monitor) and O(config[].type=Alert)).
          - Each item is C({id}), or C({name, type}) with the monitor's API type.
        type: list
        elements: dict
        suboptions:
          id:
            description: The monitor's id.
            type: int
          name:
            description: The monitor's name, with O(config[].monitors[].type).
            type: str
          type:
            description: The monitor's API type, such as V(tcp), V(website-ssl) or V(email-smtp).
            type: str
      recipients:
        description:
          - The alert recipients to silence (required with O(config[].type=Notifier)).
          - Each item is C({id}) or C({name}).
        type: list
        elements: dict
        suboptions:
          id:
            description: The recipient's id.
            type: int
          name:
            description: The recipient's name.
            type: str
      start_day:
        description:
          - The day a weekly window starts, as the API counts (V(1) to V(7), Sunday=1) or as a day name (V(Sunday),
            V(sun), in any case).
        type: raw
      start_time:
        description:
          - The time a weekly window starts, C(HH:MM) from V(00:00) to V(23:59). Quote it. YAML reads an unquoted
            V(22:00) as the number 1320, which is refused.
        type: raw
      end_day:
        description: The day a weekly window ends, like O(config[].start_day).
        type: raw
      end_time:
        description: The time a weekly window ends, like O(config[].start_time).
        type: raw
      minutes:
        description:
          - How long the window lasts. With O(config[].start), the length of a one-time window. With
            O(config[].start_day) and O(config[].start_time), instead of O(config[].end_day) and
            O(config[].end_time), the length of a weekly window, less than a week.
        type: int
      from_date:
        description:
          - The start of a one-time window, C(YYYY-MM-DD HH:MM:SS), in the API's time zone (see O(timezone)).
        type: str
      thru_date:
        description: The end of a one-time window, like O(config[].from_date), later than it.
        type: str
      start:
        description:
          - The start of a one-time window that lasts O(config[].minutes), V(now) or a date in O(timezone), as
            O(community.alertsite.alertsite_blackout#module:start) takes it. V(now) needs O(config[].note).
        type: str
      note:
        description:
          - The window's note, up to 255 characters. It names a one-time window. For a weekly window it is only
            compared and changed.
        type: str
      timezone:
        description:
          - The time zone of this item's dates, in place of O(timezone) (which applies when this is not set).
          - Which windows of the listing ended is judged in O(timezone).
        type: str
  types:
    description:
      - Blackout types that O(state=overridden), O(state=gathered) and O(state=parsed) act on, besides those of
        O(config).
      - With O(state=overridden) and an empty O(config), this says which types to empty.
    type: list
    elements: str
    choices: [Alert, Monitor, Notifier]
  timezone:
    description:
      - The time zone the API's blackout dates are written in, as an IANA name such as V(Europe/Berlin), as
        O(community.alertsite.alertsite_blackout#module:timezone). The module uses it for the current time -
        which windows ended, which are in force, V(now).
    type: str
    default: UTC
  prune_notes:
    description:
      - With O(state=overridden), delete only the windows that no item of O(config) stands for and whose note one of
        these regular expressions matches (at its start, as Python's C(re.match); a window without a note has an
        empty one). The other windows are kept, so a task can prune only the windows it is about (for example
        those noted V(deploy )).
      - Without it, O(state=overridden) deletes every window of its types that no item stands for.
    type: list
    elements: str
  running_config:
    description:
      - With O(state=parsed), an AlertSite listing to parse, as JSON text or data - the reply of
        C(GET /blackouts) (an object with C(results)) or a list of blackout objects.
    type: raw
  parallel_writes:
    description:
      - How many writes (C(POST), C(PATCH), C(DELETE)) are in flight at once. V(1) sends one write at a time.
      - If the API answers C(429 Too Many Requests), every write waits for its C(Retry-After) before going on.
    type: int
    default: 4
notes:
  - A window from O(config[].start=now) is dated again for the moment each C(POST) attempt is sent, as in
    M(community.alertsite.alertsite_blackout).
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_blackout
  - module: community.alertsite.alertsite_blackout_info
  - module: community.alertsite.alertsite_monitors
  - ref: ansible_collections.community.alertsite.docsite.guide_maintenance_windows
    description: Deploy pipelines, weekly slots and time zones.
'''

EXAMPLES = r'''
- name: Converge the maintenance windows (create and update; leave other windows alone)
  community.alertsite.alertsite_blackouts:
    state: merged
    timezone: Europe/Berlin
    config:
      - type: Monitor
        monitors:
          - {name: web-443, type: tcp}
          - {name: mx-submission, type: email-smtp}
        start_day: Sunday
        start_time: "02:00"
        end_day: Sunday
        end_time: "04:00"
        note: weekly patching
      - type: Alert
        monitors:
          - {name: web-443, type: tcp}
        from_date: "2030-06-01 22:00:00"
        thru_date: "2030-06-02 01:00:00"
        note: datacenter move
      - type: Notifier
        recipients:
          - {name: On-call phone}
        start: "2030-07-01 00:00"
        minutes: 20160
        note: holiday

- name: Export the windows of the account as items
  community.alertsite.alertsite_blackouts:
    state: gathered
  register: windows

- name: Preview what overridden would delete (every window of the types listed that no item claims)
  community.alertsite.alertsite_blackouts:
    state: overridden
    config: "{{ windows.gathered }}"
    types: [Monitor, Alert, Notifier]
  check_mode: true
  diff: true

- name: Delete the weekly slot of both monitors
  community.alertsite.alertsite_blackouts:
    state: deleted
    config:
      - type: Monitor
        monitors:
          - {name: web-443, type: tcp}
          - {name: mx-submission, type: email-smtp}
        start_day: 1
        start_time: "02:00"
        end_day: 1
        end_time: "04:00"

- name: Turn a saved API listing into items, without any request
  community.alertsite.alertsite_blackouts:
    state: parsed
    running_config: "{{ lookup('ansible.builtin.file', 'blackouts.json') }}"
  register: parsed_windows
'''

RETURN = r'''
before:
  description:
    - The windows the task planned (those of O(config), and for O(state=overridden) those deleted) as they were
      before the task, one item per window in the O(config) format, the target by id.
    - Unless O(return_unchanged=true), only the windows the task creates, updates or deletes (or in check mode would),
      or fails on; those left as they were are only named in RV(results).
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: What the window silences.
      type: str
      sample: Monitor
    monitors:
      description: The monitor it silences, by id (C(Monitor) and C(Alert)).
      type: list
      elements: dict
      sample: [{id: 100001}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
    recipients:
      description: The recipient it silences, by id (C(Notifier)).
      type: list
      elements: dict
      sample: [{id: 200001}]
      contains:
        id:
          description: The recipient's id.
          type: int
          sample: 200001
    start_day:
      description: The schedule of a weekly window (also C(start_time), C(end_day), C(end_time)).
      type: int
      sample: 1
    from_date:
      description: The dates of a one-time window (also C(thru_date)).
      type: str
      sample: "2030-06-01 22:00:00"
    note:
      description: The note, when the window has one.
      type: str
      sample: weekly patching
  sample:
    - {type: Monitor, monitors: [{id: 100001}], start_day: 1, start_time: "02:00", end_day: 1, end_time: "04:00"}
after:
  description:
    - The same windows as they are after the task (in check mode, as they would be), like RV(before); deleted
      windows are left out.
    - As in Ansible's resource modules, only when something changed.
  returned: when the task changed something (or in check mode would)
  type: list
  elements: dict
  contains:
    type:
      description: What the window silences.
      type: str
      sample: Monitor
    monitors:
      description: The monitor it silences, by id (C(Monitor) and C(Alert)).
      type: list
      elements: dict
      sample: [{id: 100001}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
    note:
      description: The note, when the window has one; the schedule as in RV(before).
      type: str
      sample: weekly patching
  sample:
    - {type: Monitor, monitors: [{id: 100001}], start_day: 1, start_time: "02:00", end_day: 1, end_time: "04:00",
       note: weekly patching}
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
      sample: /blackouts/300001
    body:
      description: The request body (absent for C(DELETE)).
      type: dict
      sample: {note: weekly patching}
      contains:
        note:
          description: Like every field sent, named as the API names it.
          type: str
          sample: weekly patching
  sample:
    - {method: PATCH, path: /blackouts/300001, body: {note: weekly patching}}
rendered:
  description: The requests a V(merged) run would send to an account without the windows, as RV(commands) shows them.
  returned: when O(state=rendered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST).
      type: str
      sample: POST
    path:
      description: The request path below the API URL.
      type: str
      sample: /blackouts
    body:
      description: The request body.
      type: dict
      sample: {assoc_id: 100001, type: Monitor, persistent: true}
      contains:
        assoc_id:
          description: Like every field sent, named as the API names it.
          type: int
          sample: 100001
  sample:
    - {method: POST, path: /blackouts, body: {assoc_id: 100001, type: Monitor, persistent: true, start_day: 1,
                                              start_time: "02:00", end_day: 1, end_time: "04:00"}}
parsed:
  description: The windows of O(running_config) that have not ended, as items in the O(config) format, targets by id.
  returned: when O(state=parsed)
  type: list
  elements: dict
  contains:
    type:
      description: What the windows silence.
      type: str
      sample: Alert
    monitors:
      description: The monitors they silence, by id (C(Monitor) and C(Alert)); C(recipients) likewise (C(Notifier)).
      type: list
      elements: dict
      sample: [{id: 100001}, {id: 100002}]
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
    note:
      description: The note, when the windows have one; the schedule as in RV(before).
      type: str
      sample: datacenter move
  sample:
    - {type: Alert, monitors: [{id: 100001}, {id: 100002}], from_date: "2030-06-01 22:00:00",
       thru_date: "2030-06-02 01:00:00", note: datacenter move}
gathered:
  description:
    - The windows that have not ended, as items in the O(config) format. Windows alike (type, schedule, note) on
      several targets are one item with those targets; two windows alike on one target are two items.
    - A target is given by name (and API type, for a monitor) where exactly one object has that name, else by id.
  returned: when O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: What the windows silence.
      type: str
      sample: Monitor
    monitors:
      description: The monitors they silence (C(Monitor) and C(Alert)).
      type: list
      elements: dict
      sample: [{name: web-443, type: tcp}, {id: 100007}]
      contains:
        name:
          description: The monitor's name, where exactly one monitor of its type has it.
          type: str
          sample: web-443
        type:
          description: The monitor's API type, with its name.
          type: str
          sample: tcp
        id:
          description: The monitor's id, where its name does not tell it apart.
          type: int
          sample: 100007
    recipients:
      description: The recipients they silence (C(Notifier)).
      type: list
      elements: dict
      sample: [{name: On-call phone}]
      contains:
        name:
          description: The recipient's name, where exactly one recipient has it.
          type: str
          sample: On-call phone
        id:
          description: The recipient's id, where its name does not tell it apart.
          type: int
          sample: 200007
    start_day:
      description: The schedule of weekly windows (also C(start_time), C(end_day), C(end_time)).
      type: int
      sample: 1
    from_date:
      description: The dates of one-time windows (also C(thru_date)).
      type: str
      sample: "2030-06-01 22:00:00"
    note:
      description: The note, when the windows have one.
      type: str
      sample: weekly patching
  sample:
    - {type: Monitor, monitors: [{name: web-443, type: tcp}, {name: mx-submission, type: email-smtp}], start_day: 1,
       start_time: "02:00", end_day: 1, end_time: "04:00", note: weekly patching}
results:
  description:
    - One entry per window planned, in the order of O(config) (one per target of an item; a replaced one-time
      window is a C(create) then a C(delete)), then the deletions of O(state=overridden).
  returned: unless O(state=gathered), O(state=rendered) or O(state=parsed)
  type: list
  elements: dict
  contains:
    type:
      description: What the window silences.
      type: str
      sample: Monitor
    name:
      description: The id of the monitor or recipient the window silences (a window has no name).
      type: int
      sample: 100001
    id:
      description: The window's id (null for a window that does not exist yet, in check mode).
      type: str
      sample: "300001"
    action:
      description: V(create), V(update), V(delete) or V(none).
      type: str
      sample: update
    changed:
      description: Whether the window was (or in check mode would be) changed.
      type: bool
      sample: true
    changes:
      description: Fields sent (all on create, the differing ones on update).
      type: list
      elements: str
      sample: [note]
    blackout:
      description:
        - The window as the API holds it afterwards (predicted in check mode; empty once deleted).
        - Left out of an item with RV(results[].action=none) unless O(return_unchanged=true).
      type: dict
      contains:
        id:
          description: The window's id.
          type: int
          sample: 300001
        assoc_id:
          description: The monitor or recipient it silences; the other keys are the window's fields as the API returns them.
          type: int
          sample: 100001
      sample: {id: 300001, type: Monitor, assoc_id: 100001, persistent: true, note: weekly patching}
    failed:
      description: Present and true when this window's plan or write failed; RV(results[].msg) says why.
      type: bool
      sample: true
    skipped:
      description: Present and true for a deletion that was not sent because a create or update of the task failed.
      type: bool
      sample: true
    msg:
      description: Why this window failed or was skipped.
      type: str
      sample: "config[1]: monitors[0]: no tcp monitor 'web' exists"
  sample:
    - {type: Monitor, name: 100001, id: "300001", action: update, changed: true, changes: [note],
       blackout: {id: 300001, note: weekly patching}}
not_gathered:
  description:
    - The one-time windows (of the types listed) that ended, left out of RV(gathered) - the API keeps them as history
      and cannot delete them. Each with C(id), C(type), C(assoc_id) (the monitor's or recipient's id), C(from_date),
      C(thru_date) and C(note).
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample: [{id: 7, type: Alert, assoc_id: 100001, from_date: "2020-01-01 00:00:00", thru_date: "2020-01-02 00:00:00",
            note: old release}]
  contains:
    id:
      description: The id of the window.
      type: int
      sample: 7
    type:
      description: The type of the window (V(Monitor), V(Alert) or V(Notifier)).
      type: str
      sample: Alert
    assoc_id:
      description: The id of the monitor or recipient the window silences.
      type: int
      sample: 100001
    from_date:
      description: When the window began.
      type: str
      sample: "2020-01-01 00:00:00"
    thru_date:
      description: When the window ended.
      type: str
      sample: "2020-01-02 00:00:00"
    note:
      description: The note of the window.
      type: str
      sample: old release
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
  sample: ["from_date: from_date must be in the future"]
msg:
  description: A summary of what was (or would be) done.
  returned: always
  type: str
  sample: "merged 12 blackouts: 2 created, 1 updated, 0 deleted, 9 unchanged"
'''

from ansible_collections.community.alertsite.plugins.module_utils.blackout_items import run_blackouts_module


def main():
    run_blackouts_module()


if __name__ == '__main__':
    main()
