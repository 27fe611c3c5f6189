#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_blackout
short_description: Manage AlertSite blackouts (maintenance windows)
version_added: 1.0.0
description:
  - Create, change and delete AlertSite blackouts, the windows in which AlertSite stops monitoring some monitors
    (O(type=Monitor)), stops alerting for them (O(type=Alert)), or silences some alert recipients
    (O(type=Notifier)). A window recurs every week, or happens once.
  - One task manages one window for each target in O(monitors) or O(recipients). AlertSite holds one blackout per
    target, so silencing ten monitors creates ten blackouts (one C(POST) each).
  - B(Weekly windows) (O(start_day), O(start_time), O(end_day), O(end_time)) are found by their target, their
    O(type) and these four values. A changed O(note) is one C(PATCH) with only the note. Another schedule is
    another window; delete the old one with O(state=absent).
  - B(One-time windows) (O(from_date) and O(thru_date), or O(start) and O(minutes)) are found by their O(note)
    when they have one, which names the window (for example V(deploy 1234)), else by their dates. The API
    cannot modify a one-time window, so a named window given another schedule is deleted and created again
    (one C(DELETE) and one C(POST)), and the result's RV(msg) says so. A window already in force is not
    replaced, because deleting it would end the silence at once. The task fails before any write (check mode
    too), naming the window; end it first with O(state=absent), or give the new window another O(note).
    Windows that ended are history; they are neither matched nor changed.
  - A window wholly in the past is refused before any request. The API cannot delete a window that ended, so
    O(state=absent) leaves it, reports it unchanged and warns.
  - Only the options you set are compared; a second identical run changes nothing and sends no write.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  state:
    description:
      - V(present) creates the window of each target where it is missing and brings a weekly window's note up to
        date.
      - V(absent) deletes the matching windows of each target. A weekly window matches by its schedule. A one-time
        window matches by its O(note) when you give one (every window of the target with that note that has not
        ended; this ends a deploy pipeline's silence), else by its dates. With only O(note) and no schedule, every
        window (weekly or one-time) of the targets with that note is deleted.
    type: str
    choices: [present, absent]
    default: present
  type:
    description:
      - What the window silences, as the API names it.
      - V(Monitor) stops the monitors from running, so their reports show no data for the window.
      - V(Alert) keeps the monitors running but sends no alert.
      - V(Notifier) silences the alert recipients in O(recipients).
    type: str
    required: true
    choices: [Monitor, Alert, Notifier]
  monitors:
    description:
      - The monitors to silence (required with O(type=Monitor) and O(type=Alert)).
      - Each item is C({id}), or C({name, type}) with the monitor's API type. Names are resolved with one listing
        of those types; a name that no monitor or more than one monitor has fails the task before any write.
    type: list
    elements: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name, with O(monitors[].type).
        type: str
      type:
        description: The monitor's API type, such as V(tcp), V(website-ssl) or V(email-smtp).
        type: str
  recipients:
    description:
      - The alert recipients to silence (required with O(type=Notifier)).
      - Each item is C({id}) or C({name}); names are resolved with one listing of the recipients, and an unknown
        or shared name fails the task before any write.
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
      - The time a weekly window starts, C(HH:MM) from V(00:00) to V(23:59).
      - Quote it. YAML reads an unquoted V(22:00) as the number 1320, which is refused.
    type: raw
  end_day:
    description:
      - The day a weekly window ends, like O(start_day). An end before the start in the week wraps over Saturday
        midnight (the API does not document such windows; it judges them).
    type: raw
  end_time:
    description:
      - The time a weekly window ends, like O(start_time).
    type: raw
  minutes:
    description:
      - How long the window lasts.
      - With O(start), the length of a one-time window (real time; over a change of the clocks the window ends
        one hour earlier or later on the wall clock).
      - With O(start_day) and O(start_time), instead of O(end_day) and O(end_time), the length of a weekly window,
        less than a week. A window that runs past midnight ends the next day, and past Saturday midnight on
        Sunday (V(1)).
    type: int
  from_date:
    description:
      - The start of a one-time window, as the API takes it, C(YYYY-MM-DD HH:MM:SS), in the API's time zone (see
        O(timezone)). A C(T) instead of the space, and leaving out the seconds, are accepted.
      - With O(thru_date). Sent as given (seconds added); a window must start in the future to be created.
    type: str
  thru_date:
    description:
      - The end of a one-time window, like O(from_date), later than O(from_date).
    type: str
  start:
    description:
      - The start of a one-time window that lasts O(minutes), computed on the host that runs the module.
      - V(now) starts it ten seconds after the moment it is created (the API takes only windows that start in
        the future); when the API asks the module to wait and send the window again (HTTP 429), the dates are
        computed again for that moment. It needs O(note), which names the window; a rerun finds the named
        window and, as long as it has not ended, changes nothing.
      - A date such as V(2030-06-01 22:00) is a time in O(timezone). A date with a UTC offset (V(+02:00), V(Z))
        is converted into O(timezone). A time that the clocks skip (the hour they go forward) is refused; a
        time they pass twice is the first one.
    type: str
  note:
    description:
      - The window's note, up to 255 characters.
      - It names a one-time window (see the description), for example V(deploy 1234).
      - For a weekly window it is only compared and changed (one C(PATCH)); not setting it leaves the note as it is.
    type: str
  timezone:
    description:
      - The time zone the API's blackout dates are written in, as an IANA name such as V(Europe/Berlin).
      - AlertSite does not document the time zone of O(from_date), O(thru_date) and the weekly times; its web
        interface shows blackout hours in the account's time zone. Set this to your account's time zone (in
        AlertSite, the account settings show it) and check a first window in the web interface.
      - The module uses it for the current time (O(start=now), refusing windows in the past, knowing which windows
        ended) and to convert O(start) dates with an offset. Weekly days and times are sent as given.
    type: str
    default: UTC
  parallel_writes:
    description:
      - How many targets are written at once. The windows of different targets do not depend on each other.
      - V(1) writes one target at a time.
    type: int
    default: 4
notes:
  - AlertSite also offers C(POST /blackouts/bulk-edit) for many monitors at once. Its reply is not documented, so
    this module does not use it and sends one request per window instead.
  - Recurring windows are called persistent by the API (C(persistent=true)); the module sets C(persistent) itself.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_blackout_info
  - ref: ansible_collections.community.alertsite.docsite.guide_maintenance_windows
    description: Deploy pipelines, weekly slots and time zones.
'''

EXAMPLES = r'''
- name: Weekly maintenance slot, Sunday 02:00 to 04:00 (days as the API counts, Sunday=1)
  community.alertsite.alertsite_blackout:
    type: Monitor
    monitors:
      - name: web-443
        type: tcp
      - name: mx-submission
        type: email-smtp
    start_day: 1
    start_time: "02:00"
    end_day: 1
    end_time: "04:00"
    note: weekly patching

- name: Saturday night for three hours, across midnight into Sunday (day names and a duration)
  community.alertsite.alertsite_blackout:
    type: Alert
    monitors:
      - name: web-443
        type: tcp
    start_day: Saturday
    start_time: "23:00"
    minutes: 180
    note: database backup

- name: Once, with dates as the API takes them, in the account's time zone
  community.alertsite.alertsite_blackout:
    type: Alert
    monitors:
      - name: web-443
        type: tcp
    from_date: "2030-06-01 22:00:00"
    thru_date: "2030-06-02 01:00:00"
    timezone: Europe/Berlin
    note: datacenter move

- name: Silence an alert recipient for her holiday (recipients by name or id)
  community.alertsite.alertsite_blackout:
    type: Notifier
    recipients:
      - name: On-call phone
    start: "2030-07-01 00:00"
    minutes: 20160
    timezone: America/New_York
    note: holiday

- name: Deploy pipeline - silence the monitors, deploy, un-silence whatever happens
  block:
    - name: Stop alerting for 30 minutes from now (a rerun keeps the same window)
      community.alertsite.alertsite_blackout:
        type: Alert
        monitors:
          - name: web-443
            type: tcp
        start: now
        minutes: 30
        note: deploy 1234

    - name: Deploy
      ansible.builtin.command: /usr/local/bin/deploy-web 1234
      changed_when: true
  always:
    - name: End the silence (deletes the window; one that already ended is left, with a warning)
      community.alertsite.alertsite_blackout:
        type: Alert
        monitors:
          - name: web-443
            type: tcp
        note: deploy 1234
        state: absent

- name: Delete the weekly slot
  community.alertsite.alertsite_blackout:
    type: Monitor
    monitors:
      - name: web-443
        type: tcp
      - name: mx-submission
        type: email-smtp
    start_day: Sunday
    start_time: "02:00"
    end_day: Sunday
    end_time: "04:00"
    state: absent
'''

RETURN = r'''
blackouts:
  description:
    - The windows of the targets that the task is about, as the API holds them after the task (written ones read
      back), or as they would be in check mode. Deleted windows are left out; windows that ended and could not be
      deleted are included.
    - A recipient window that the API reads back with type C(Recipient) is shown with type C(Notifier).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The id of the window.
      type: int
      sample: 4001
    type:
      description: What it silences, C(Monitor), C(Alert) or C(Notifier).
      type: str
      sample: Monitor
    assoc_id:
      description: The id of the monitor (C(Monitor), C(Alert)) or recipient (C(Notifier)) it silences.
      type: int
      sample: 100001
    persistent:
      description: True for a weekly window, false for a one-time window.
      type: bool
      sample: true
    from_date:
      description: Start of a one-time window, C(YYYY-MM-DD HH:MM:SS), null for a weekly one.
      type: str
      sample: null
    thru_date:
      description: End of a one-time window, null for a weekly one.
      type: str
      sample: null
    start_day:
      description: First day of a weekly window, 1-7 with Sunday 1.
      type: int
      sample: 1
    start_time:
      description: Start time of a weekly window, C(hh:mm).
      type: str
      sample: 02:00
    end_day:
      description: Last day of a weekly window, 1-7 with Sunday 1.
      type: int
      sample: 1
    end_time:
      description: End time of a weekly window, C(hh:mm).
      type: str
      sample: 04:00
    note:
      description: The note (which also names a deploy window).
      type: str
      sample: weekly patching
    login:
      description: Who created the window; read-only.
      type: str
      sample: ops@example.com
    date_added:
      description: When the window was created, ISO 8601 UTC; read-only.
      type: str
      sample: '2026-12-02T17:30:00Z'
  sample:
    - id: 4001
      type: Monitor
      assoc_id: 100001
      persistent: true
      from_date: null
      thru_date: null
      start_day: 1
      start_time: "02:00"
      end_day: 1
      end_time: "04:00"
      note: weekly patching
      login: ops@example.com
      date_added: "2026-12-02T17:30:00Z"
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Replaced one-time Alert blackout 'deploy 1234' of monitor 100001, 2030-06-01 22:00:00 to 2030-06-01 23:00:00
    (id 4002) with one-time Alert blackout 'deploy 1234' of monitor 100001, 2030-06-01 22:00:00 to 2030-06-01 23:30:00
    (id 4003): a one-time blackout cannot be modified, so it was deleted and created again"
diff:
  description: With C(--diff), the changed fields of each window before and after.
  returned: when diff mode is on
  type: list
  elements: dict
  sample:
    - {before: {note: deploy 1233}, after: {note: deploy 1234}, before_header: "weekly Monitor blackout of monitor 100001 (id 4001)",
       after_header: "weekly Monitor blackout of monitor 100001 (id 4001)"}
  contains:
    before:
      description: The changed fields of the window before the task (empty for a new window).
      type: dict
      sample: {note: deploy 1233}
      contains:
        note:
          description: Like every changed field, under its name in RV(blackouts).
          type: str
          sample: deploy 1233
    after:
      description: The same fields after the task (empty for a deleted window).
      type: dict
      sample: {note: deploy 1234}
      contains:
        note:
          description: Like every changed field, under its name in RV(blackouts).
          type: str
          sample: deploy 1234
    before_header:
      description: Which window.
      type: str
      sample: weekly Monitor blackout of monitor 100001 (id 4001)
    after_header:
      description: Which window.
      type: str
      sample: weekly Monitor blackout of monitor 100001 (id 4001)
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
  sample: ["from_date: must be in the future"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.blackouts import run_blackout_module


def main():
    run_blackout_module()


if __name__ == '__main__':
    main()
