#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_sla
short_description: Manage the SLA (availability and response-time objectives) of an AlertSite monitor
version_added: 2.0.0
description:
  - Create, change and delete the service-level agreement (the API's C(/slas)) of one monitor, with its
    availability, uptime and response-time objectives, its operating periods and its exclusions.
  - The SLA is found by its monitor (O(monitor)); a monitor has at most one SLA. It is read with one request,
    C(GET /slas?monitor_id=ID), whether the API answers a list (of none or one SLA), the SLA itself, or 404 (no
    SLA); two SLAs for one monitor fail the task, naming them.
  - Only the options you set are compared and sent. Numbers are compared as numbers (V(97) is V(97.0)).
    O(operating_periods) and O(exclusions) are compared as sets of items, so their order does not matter; the API
    replaces each array whole, so a change sends the whole array you declare. A second identical run sends no
    write.
  - Every value is checked before any request as the API's reference gives it. Before a create, and before a
    change of O(uptime) or of exclusions with a location, the monitor is read once to refuse what the API would
    ignore or reject.
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  monitor:
    description:
      - The monitor whose SLA this is. Required, unless O(id) selects an existing SLA.
      - Give its O(monitor.id), or its O(monitor.name) and O(monitor.type) (resolved with one listing of the
        monitors of that type).
    type: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name (exact).
        type: str
      type:
        description: The monitor's API type, with O(monitor.name).
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server,
                  ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
  id:
    description:
      - The SLA's id, to select an existing SLA directly. With O(state=present) it must exist.
    type: str
  state:
    description:
      - V(present) creates the SLA or changes it; V(absent) deletes it (no SLA is no change).
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The SLA's name, non-empty. Required to create the SLA.
    type: str
  description:
    description:
      - The SLA's description, non-empty. When a new SLA has none, the API copies the monitor's name.
    type: str
  availability:
    description:
      - The availability objective in percent, greater than 0 and at most 100, with at most three decimal places.
        Required to create the SLA.
    type: float
  uptime:
    description:
      - The uptime objective in percent, as O(availability). Only for monitors in the SLA (MultiPOP) mode, where it
        is required to create the SLA; refused for other monitors (the API would ignore it).
    type: float
  response_time:
    description:
      - The response-time objective in seconds, 0 to 300 with at most two decimal places. Required to create the
        SLA.
    type: float
  secondary_response_time:
    description:
      - The secondary response-time objective in seconds, as O(response_time).
    type: float
  use_fullpage_time:
    description:
      - Measure the response time of the full page (for full-page monitors only; the API ignores it for others).
      - It is sent as given. When the API does not return it afterwards (not a full-page monitor), the task warns
        naming it, and later runs do not send it again to the existing SLA.
    type: bool
  operating_periods:
    description:
      - When the SLA is in effect, the whole list. An empty list and the single period from day 1 00:00 to day 7
        23:59 both mean always (the API's default).
    type: list
    elements: dict
    suboptions:
      exclude:
        description: The period is excluded from the SLA (omitted means not excluded).
        type: bool
      from_day:
        description: The first day, 1 (Sunday) to 7 (Saturday).
        type: int
        required: true
      from_time:
        description: The start time on O(operating_periods[].from_day), C(hh:mm) from 00:00 to 23:59.
        type: str
        required: true
      thru_day:
        description: The last day, 1 to 7.
        type: int
        required: true
      thru_time:
        description: The end time on O(operating_periods[].thru_day), C(hh:mm).
        type: str
        required: true
  exclusions:
    description:
      - Periods excluded from the SLA's calculations (past or future), the whole list. An item is the same as one
        the SLA holds when its dates, location and note are.
    type: list
    elements: dict
    suboptions:
      from_date:
        description:
          - The start, C(YYYY-MM-DD HH:MM:SS), a date that exists, earlier than O(exclusions[].thru_date). Sent as
            given (the API does not document its time zone).
        type: str
        required: true
      thru_date:
        description: The end, C(YYYY-MM-DD HH:MM:SS).
        type: str
        required: true
      location_id:
        description:
          - The monitoring location whose results are excluded, one of the monitor's locations (checked before any
            write). Omitted means all locations.
        type: int
      note:
        description: A note about the exclusion, at most 255 characters.
        type: str
  exclusions_mode:
    description:
      - V(replace) makes O(exclusions) the SLA's whole list of exclusions.
      - V(append) adds O(exclusions) to the SLAs of O(monitor) and O(monitors) (a post-incident window for many
        monitors at once) through the API's bulk edit, without touching anything else. Only the exclusions a
        monitor's SLA lacks are appended (compared as with V(replace)), monitors that lack the same ones share one
        request (at most 100 monitors a request), and monitors that hold them all are left out, so a second run
        sends no write. Every target monitor must have an SLA (the task fails before any write, naming those
        without). No other SLA option may be set. The SLAs are read with one listing before and one after.
    type: str
    choices: [replace, append]
    default: replace
  monitors:
    description:
      - With O(exclusions_mode=append), more monitors whose SLAs get O(exclusions), each by its C(id), or by its
        C(name) and C(type) (resolved with one listing of the monitors).
    type: list
    elements: dict
    suboptions:
      id:
        description: The monitor's id.
        type: int
      name:
        description: The monitor's name (exact).
        type: str
      type:
        description: The monitor's API type, with C(name).
        type: str
        choices: [api, bitbar, dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server,
                  ping, selenium, serveragent, tcp, website, website-api, website-ssl, website-ssl-api]
notes:
  - Only Admin, Co-Admin and Power User accounts may change SLAs; the API's refusal is reported as it words it.
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_sla_info
  - name: AlertSite SLA API
    description: The vendor's reference of the SLA object.
    link: https://support.smartbear.com/alertsite/docs/api/v3/slas/sla-object.html
'''

EXAMPLES = r'''
- name: The SLA of the home page monitor, in effect on weekdays
  community.alertsite.alertsite_sla:
    monitor:
      name: Home page
      type: website
    name: Home page SLA
    availability: 99.5
    response_time: 2
    operating_periods:
      - {from_day: 2, from_time: "08:00", thru_day: 6, thru_time: "18:00"}

- name: Exclude an ISP outage from the SLA of monitor 123456
  community.alertsite.alertsite_sla:
    monitor:
      id: 123456
    exclusions:
      - from_date: "2026-10-20 04:17:00"
        thru_date: "2026-10-20 04:25:00"
        note: ISP outage

- name: Exclude last night's outage from the SLAs of three monitors (their other exclusions stay)
  community.alertsite.alertsite_sla:
    monitors:
      - {id: 123456}
      - {id: 203752}
      - {name: Checkout, type: website}
    exclusions_mode: append
    exclusions:
      - from_date: "2026-10-20 01:00:00"
        thru_date: "2026-10-20 01:40:00"
        note: Network incident

- name: Delete the SLA of monitor 123456
  community.alertsite.alertsite_sla:
    monitor:
      id: 123456
    state: absent
'''

RETURN = r'''
sla:
  description:
    - The SLA as the API holds it after the task, read back after any change; in check mode, the predicted SLA.
      Empty after O(state=absent).
  returned: with O(exclusions_mode=replace)
  type: dict
  sample: {id: 700001, monitor_id: 123456, name: Home page SLA, availability: 99.5, response_time: 2,
           operating_periods: [{id: 1, exclude: false, from_day: 1, from_time: "00:00", thru_day: 7, thru_time: "23:59"}],
           exclusions: []}
  contains:
    id:
      description: The SLA's id.
      type: int
      sample: 700001
    monitor_id:
      description: The id of its monitor.
      type: int
      sample: 123456
slas:
  description: With O(exclusions_mode=append), the target monitors' SLAs read back after the bulk edit (empty when
    nothing was appended, and in check mode).
  returned: with O(exclusions_mode=append)
  type: list
  elements: dict
  sample: [{id: 700003, monitor_id: 100003, name: Shop SLA, exclusions: [{from_date: "2026-10-20 01:00:00", thru_date: "2026-10-20 01:40:00"}]}]
  contains:
    id:
      description: The SLA's id.
      type: int
      sample: 700003
    monitor_id:
      description: The id of its monitor.
      type: int
      sample: 100003
    exclusions:
      description: Its exclusions after the bulk edit, each with C(from_date), C(thru_date), C(location_id) and C(note).
      type: list
      elements: dict
      sample: [{from_date: "2026-10-20 01:00:00", thru_date: "2026-10-20 01:40:00", location_id: null, note: Network incident}]
      contains:
        from_date:
          description: Start of the exclusion.
          type: str
          sample: "2026-10-20 01:00:00"
        thru_date:
          description: End of the exclusion.
          type: str
          sample: "2026-10-20 01:40:00"
appended:
  description:
    - With O(exclusions_mode=append), the exclusions appended (or, in check mode, to append), as a mapping from each
      monitor id (a string) to the list of its exclusions, each with C(from_date), C(thru_date), C(location_id) and
      C(note).
  returned: with O(exclusions_mode=append)
  type: raw
  sample: {"123456": [{from_date: "2026-10-20 01:00:00", thru_date: "2026-10-20 01:40:00", location_id: null, note: Network incident}]}
msg:
  description: What was done (or, in check mode, would be done), in one sentence.
  returned: always
  type: str
  sample: "Updated SLA of monitor 123456 (id 700001): exclusions"
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
  sample: ["availability: out of range"]
'''

from ansible_collections.community.alertsite.plugins.module_utils.sla_append import run_sla_module


def main():
    run_sla_module()


if __name__ == '__main__':
    main()
