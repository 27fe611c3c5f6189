#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_monitors
short_description: Converge many AlertSite monitors of any type in one task
version_added: 0.1.0
description:
  - Takes a list of monitor definitions (TCP, IMAP, POP3, SMTP and round-trip email) and converges them all with
    one login and one paged listing, writing only what differs. Built for fleets of hundreds of monitors, for
    example from an AWX job template through the role P(community.alertsite.monitors#role).
  - Each definition is planned exactly as the single-monitor modules plan one monitor (same options, same
    checks, same comparison), identified by its O(config[].type) and O(config[].name).
  - All definitions are checked before any request. If a write fails, the other monitors are still converged,
    and the task fails afterwards, listing what failed in RV(msg) and in RV(results).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
options:
  state:
    description:
      - V(merged) creates the listed monitors that do not exist and changes the options set that differ.
        Monitors not listed are left alone.
      - V(replaced) does what V(merged) does, and also clears options with an empty value (O(config[].note),
        O(config[].alert_note), O(config[].ipv4)) that a definition leaves out. Options whose default depends on
        the account (interval, locations, mode, ...) are left as they are when left out.
      - V(overridden) does what V(replaced) does, and also deletes every monitor of the listed types (the
        types of O(config) and O(types)) that O(config) does not list. Preview it with check mode and C(--diff).
      - V(deleted) deletes the listed monitors that exist; only O(config[].type) and O(config[].name) matter.
      - V(gathered) changes nothing and returns the existing monitors of O(types) (or of the types in
        O(config); all managed types when both are empty) as definitions in RV(gathered).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  types:
    description:
      - API types that O(state=overridden) and O(state=gathered) act on, besides those of O(config).
      - With O(state=overridden) and an empty O(config), this says which types to empty.
    type: list
    elements: str
    choices: [email-imap, email-pop, email-round-trip, email-smtp, tcp]
  update_password:
    description:
      - V(on_create) sends O(config[].email_password) only to monitors being created; V(always) sends it to every
        listed round-trip monitor that sets it, which reports those as changed on every run.
    type: str
    choices: [on_create, always]
    default: on_create
  config:
    description:
      - The monitor definitions. Each needs O(config[].type) and O(config[].name); to create a monitor, also the
        options its type requires (see the single-monitor modules).
      - An option that does not belong to the definition's type is refused.
    type: list
    elements: dict
    aliases: [monitors]
    suboptions:
      type:
        description:
          - The API monitor type, one of V(tcp), V(email-imap), V(email-pop), V(email-smtp) and V(email-round-trip).
        type: str
        required: true
      name:
        description:
          - Name of the monitor; with O(config[].type) it identifies the monitor.
        type: str
        required: true
      billing_plancode:
        description: Billing plan, for example V(UBM - A/A). Required to create a monitor.
        type: str
      interval:
        description: Minutes between two runs.
        type: int
      timeout:
        description: Seconds before a run counts as an error.
        type: int
      enabled:
        description: Whether the monitor runs.
        type: bool
      locations:
        description: Ids of the monitoring locations, compared as a set.
        type: list
        elements: int
      home_location:
        description: Id of the primary location.
        type: int
      mode:
        description: Monitoring mode, for example V(Primary) or V(Global Verify).
        type: str
      monitor_location_count:
        description: Locations per run when O(config[].rotate_locations=true).
        type: int
      note:
        description: Dashboard note, at most 255 characters.
        type: str
      alert_note:
        description: Text added to alerts, at most 1000 characters.
        type: str
      notify_on_error:
        description: Whether to send availability alerts.
        type: bool
      retry_on_failure:
        description: Whether to retry locally before reporting an error.
        type: bool
      rotate_locations:
        description: Whether to use a subset of the locations on each run.
        type: bool
      traceroute_on_error:
        description: Whether to run a traceroute on errors.
        type: bool
      allow_internal_testing:
        description: Whether AlertSite QA may use the monitor for testing.
        type: bool
      hostname:
        description: Server to check (C(tcp) and C(email-*) types). Required to create those.
        type: str
      port:
        description: Port to check, 1 to 65535 (C(tcp), required to create one, and C(email-*) types).
        type: int
      ipv4:
        description: Fixed IPv4 address to check instead of resolving O(config[].hostname).
        type: str
      resolve_dns:
        description: Whether to resolve O(config[].hostname) on every run.
        type: bool
      smtp_hostname:
        description: SMTP server of a round-trip monitor, a host or a URL such as V(smtps://smtp.example.com:465).
        type: str
      pop3_hostname:
        description: POP3 server of a round-trip monitor, a host or a URL such as V(pop3s://mail.example.com:995).
        type: str
      email:
        description: Mailbox of a round-trip monitor.
        type: str
      email_username:
        description: POP3 login of the mailbox.
        type: str
      email_password:
        description: POP3 password of the mailbox; write-only, see O(update_password). Never returned.
        type: str
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_access_token
  - module: community.alertsite.alertsite_tcp_monitor
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Converge the whole fleet (create and update; leave other monitors alone)
  community.alertsite.alertsite_monitors:
    state: merged
    config:
      - type: tcp
        name: web-443
        billing_plancode: UBM - A/A
        hostname: www.example.com
        port: 443
      - type: email-smtp
        name: mx
        billing_plancode: UBM - A/A
        hostname: smtp.example.com
        port: 587

- name: Preview what overridden would delete
  community.alertsite.alertsite_monitors:
    state: overridden
    config: "{{ tcp_monitors }}"
  check_mode: true
  diff: true
  register: preview

- name: Show the monitors that would be deleted
  ansible.builtin.debug:
    msg: "{{ preview.results | selectattr('action', 'equalto', 'delete') | map(attribute='name') | list }}"

- name: Export every TCP monitor as definitions
  community.alertsite.alertsite_monitors:
    state: gathered
    types: [tcp]
  register: export
'''

RETURN = r'''
results:
  description: One entry per monitor planned, in the order of O(config), then the deletions of O(state=overridden).
  returned: unless O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: API type.
      type: str
      sample: tcp
    name:
      description: Monitor name.
      type: str
      sample: web-443
    id:
      description: Monitor id (null for a monitor that does not exist yet, in check mode).
      type: str
      sample: "100001"
    action:
      description: V(create), V(update), V(delete) or V(none).
      type: str
      sample: update
    changed:
      description: Whether the monitor was (or in check mode would be) changed.
      type: bool
      sample: true
    changes:
      description: Options sent (all on create, the differing ones on update).
      type: list
      elements: str
      sample: [port]
    monitor:
      description: The monitor as the API holds it afterwards (predicted in check mode; empty once deleted).
      type: dict
      sample: {id: 100001, type: tcp, name: web-443, port: 8443}
  sample:
    - {type: tcp, name: web-443, id: 100001, action: update, changed: true, changes: [port], monitor: {id: 100001, port: 8443}}
gathered:
  description: The existing monitors as definitions in the O(config) format (no secrets).
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - {type: tcp, name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 443, enabled: true}
msg:
  description: A summary of what was (or would be) done.
  returned: always
  type: str
  sample: "merged 500 monitors: 0 created, 50 updated, 0 deleted, 450 unchanged"
'''

from ansible_collections.community.alertsite.plugins.module_utils.bulk import run_bulk_module


def main():
    run_bulk_module()


if __name__ == '__main__':
    main()
