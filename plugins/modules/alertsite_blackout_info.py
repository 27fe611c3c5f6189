#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_blackout_info
short_description: List AlertSite blackouts (maintenance windows)
version_added: 1.0.0
description:
  - Lists AlertSite blackouts, reading every page of the API's listing. The API lists windows that ended too.
  - Filters combine. O(type), the target (when there is one) and O(recurring_only) are sent to the API as its
    filters; O(active) and O(upcoming) are judged on the host that runs the module, at the current time in
    O(timezone).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes.INFO_MODULE
options:
  id:
    description:
      - Return only the blackout with this id (one request, no listing).
    type: str
  type:
    description:
      - Return only blackouts of this type.
    type: str
    choices: [Monitor, Alert, Notifier]
  monitors:
    description:
      - Return only blackouts of these monitors (of type V(Monitor) or V(Alert)).
      - Each item is C({id}), or C({name, type}) with the monitor's API type; names are resolved with one listing.
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
        description: The monitor's API type, such as V(tcp).
        type: str
  recipients:
    description:
      - Return only blackouts of these alert recipients (of type V(Notifier)).
      - Each item is C({id}) or C({name}); names are resolved with one listing.
    type: list
    elements: dict
    suboptions:
      id:
        description: The recipient's id.
        type: int
      name:
        description: The recipient's name.
        type: str
  recurring_only:
    description:
      - Return only weekly (recurring, C(persistent)) blackouts.
    type: bool
    default: false
  active:
    description:
      - Return only windows in force now. With O(upcoming), every window that has not ended.
    type: bool
    default: false
  upcoming:
    description:
      - Return only windows to come that are not in force now. A weekly window is upcoming whenever it is not in
        force, because it comes back every week. With O(active), every window that has not ended.
    type: bool
    default: false
  timezone:
    description:
      - The time zone the API's blackout dates are written in (an IANA name), for O(active) and O(upcoming). The
        API does not document it; see M(community.alertsite.alertsite_blackout).
    type: str
    default: UTC
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_blackout
'''

EXAMPLES = r'''
- name: Is any monitor silenced right now?
  community.alertsite.alertsite_blackout_info:
    active: true
    timezone: Europe/Berlin
  register: silenced

- name: Every weekly window of one monitor
  community.alertsite.alertsite_blackout_info:
    monitors:
      - name: web-443
        type: tcp
    recurring_only: true
  register: weekly

- name: Alert blackouts that are in force or to come
  community.alertsite.alertsite_blackout_info:
    type: Alert
    active: true
    upcoming: true
  register: planned
'''

RETURN = r'''
blackouts:
  description: The blackouts that match, as the API returns them (a type C(Recipient) shown as C(Notifier)).
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
msg:
  description: How many blackouts were found.
  returned: always
  type: str
  sample: Found 1 blackout
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
  sample: ["type: must be Monitor, Alert or Notifier"]
'''

from ansible_collections.community.alertsite.plugins.module_utils import blackouts
from ansible_collections.community.alertsite.plugins.module_utils import blackout_schedule as schedule
from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import BLACKOUT, TYPES, reference_spec
from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter, run_info_module
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError

# the blackout types that silence each kind of target
TARGET_TYPES = {'monitors': ('Monitor', 'Alert'), 'recipients': ('Notifier',)}


def target_filter(option, typed):
    """``monitors`` or ``recipients``: names resolved to ids with one listing; one id is sent as ``assoc_id``; the
    windows kept silence one of them (and are of a type that silences such targets)."""
    def keeps(obj, ids, context):
        return obj.get('type') in TARGET_TYPES[option] and str(obj.get('assoc_id')) in set(str(found) for found in ids)
    return InfoFilter(
        option, reference_spec(typed=typed),
        params=lambda ids: [('assoc_id', ids[0])] if len(ids) == 1 else [],
        keeps=keeps,
        check=lambda items: reference_problems(option, items, typed=typed, type_choices=API_TYPES if typed else None),
        resolve=lambda client, items: blackouts.find_targets(client, option, items) if items else None)


def in_state(obj, wanted, context):
    """``active`` and ``upcoming``: together they keep every window that has not ended."""
    states = [name for name in ('active', 'upcoming') if context[name]]
    return not states or schedule.window_state(obj, context['timezone']) in states


def zone_problems(name):
    try:
        schedule.get_zone(name)
    except InputError as exc:
        return [str(exc)]
    return []


def targets_fit_type(params):
    for option, types in TARGET_TYPES.items():
        if params['type'] and params['type'] not in types and params[option] is not None:
            given = 'monitors' if option == 'recipients' else 'recipients'
            return 'type=%s blackouts silence %s: give %s, not %s' % (params['type'], given, given, option)
    return None


FILTERS = [
    InfoFilter('type', dict(type='str', choices=list(TYPES)), params=['type'],
               keeps=lambda obj, api_type, context: obj.get('type') == api_type),
    target_filter('monitors', typed=True),
    target_filter('recipients', typed=False),
    InfoFilter('recurring_only', dict(type='bool', default=False),
               params=lambda recurring: [('persistent', 'true')] if recurring else [],
               keeps=lambda obj, recurring, context: not recurring or schedule.is_recurring(obj)),
    InfoFilter('active', dict(type='bool', default=False), keeps=in_state),
    InfoFilter('upcoming', dict(type='bool', default=False), keeps=in_state),
    # a setting, not a filter: the time zone of the API's dates, resolved to the current time there (read once)
    InfoFilter('timezone', dict(type='str', default='UTC'), check=zone_problems,
               resolve=lambda client, name: schedule.local_now(schedule.get_zone(name), blackouts.utc_now())),
]

CHECKS = [
    lambda params: 'give monitors or recipients, not both' if None not in (params['monitors'], params['recipients']) else None,
    targets_fit_type,
    lambda params: ('id finds one blackout: it does not combine with monitors or recipients'
                    if params['id'] is not None and (params['monitors'] or params['recipients']) else None),
]


def main():
    run_info_module(BLACKOUT, FILTERS, CHECKS)


if __name__ == '__main__':
    main()
