# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # Options every single-monitor module shares (plugins/module_utils/fields.py common_fields()).
    DOCUMENTATION = r'''
options:
  name:
    description:
      - Name of the monitor. Required, unless O(id) selects an existing monitor.
      - Without O(id), the monitor is found by its type and this name; two monitors of one type with the same
        name make the module fail and list their ids, so that you can choose one with O(id).
      - With O(id), this is the monitor's new name when it differs (a rename). A rename onto a name that another
        monitor of the same type already has is refused before any write.
    type: str
  id:
    description:
      - The monitor's id, to select one monitor regardless of its name (for a rename, or among namesakes).
      - With O(state=present) the monitor must exist. With O(state=absent), O(name) may be left out; messages and
        the diff name the monitor as the API holds it.
      - Surrounding spaces are ignored; anything but ASCII digits is refused.
    type: str
  state:
    description:
      - V(present) creates the monitor or changes the options you set that differ; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  billing_plancode:
    description:
      - The billing plan the monitor counts against, exactly as the account shows it, for example V(UBM - A/A).
      - Required to create a monitor.
    type: str
  interval:
    description:
      - Minutes between two runs of the monitor. The values allowed depend on the billing plan; the API judges them.
    type: int
  timeout:
    description:
      - Seconds to wait for the server before the run counts as an error.
    type: int
  enabled:
    description:
      - Whether the monitor runs.
    type: bool
  locations:
    description:
      - Ids of the monitoring locations to run from, for example V(10) (Fort Lauderdale) or V(20) (Atlanta).
      - Compared as a set, so order and repetition do not matter.
    type: list
    elements: int
  home_location:
    description:
      - Id of the primary monitoring location.
    type: int
  mode:
    description:
      - Monitoring mode as the API names it, for example V(Primary) or V(Global Verify).
    type: str
  monitor_location_count:
    description:
      - Number of locations to use per run when O(rotate_locations=true).
    type: int
  note:
    description:
      - Dashboard note, at most 255 characters.
    type: str
  alert_note:
    description:
      - Text added to alerts, at most 1000 characters.
    type: str
  notify_on_error:
    description:
      - Whether to send availability alerts.
    type: bool
  retry_on_failure:
    description:
      - Whether to retry locally before reporting an error.
    type: bool
  rotate_locations:
    description:
      - Whether to use a subset of the locations on each run.
    type: bool
  traceroute_on_error:
    description:
      - Whether to run a traceroute when an error is found.
    type: bool
  allow_internal_testing:
    description:
      - Whether AlertSite QA may use the monitor for testing.
    type: bool
  custom_properties:
    description:
      - The monitor's custom properties, as a mapping from a property's name to the name of one of its values, for
        example C(Environment) to C(Production) and C(Team) to C(payments). Properties are declared with
        M(community.alertsite.alertsite_custom_property).
      - Names are resolved with one listing of the properties; an unknown property or value fails the task before
        any write, naming it. Only the properties named are compared, and a change sends every property the
        monitor holds with the named values changed. Removing a property from a monitor is not offered.
    type: dict
    version_added: 2.0.0
notes:
  - Only the options you set are compared and sent; every other setting of the monitor is left as it is.
  - After a change the module reads the monitor back, so RV(monitor) holds the API's own values and defaults.
'''

    # Options of monitors that check one server (TCP, IMAP/POP3/SMTP, ping, DNS), except port.
    SERVER = r'''
options:
  hostname:
    description:
      - Host name or IP address of the server to check.
      - Required to create a monitor.
    type: str
  ipv4:
    description:
      - A fixed IPv4 address to check instead of resolving O(hostname); use with O(resolve_dns=false).
      - An empty string clears it.
    type: str
  resolve_dns:
    description:
      - Whether to resolve O(hostname) on every run.
    type: bool
'''
