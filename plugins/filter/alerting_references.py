# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: alerting_references
short_description: Name references of recipient groups and blackouts turned into ids from earlier results
version_added: 2.0.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Takes definitions that name monitors (C({name, type})) and recipients (C({name})) - recipient groups, blackouts
    - and gives each reference whose object an earlier task of the same run converged its C(id) from that task's
    RV(community.alertsite.alertsite_monitors#module:results), so that the module of the definitions need not
    list those objects again to resolve the names.
  - A name that the results do not hold, or hold more than once, or whose object was deleted or failed, is left as
    it is, for the module to resolve (and to refuse when it is unknown or ambiguous).
  - Used by the role P(community.alertsite.alerting#role) between its tasks.
options:
  _input:
    description:
      - The definitions (recipient groups or blackouts), or a dictionary of such lists (the results are then read
        once for all of them, and a dictionary of the lists rewritten is returned).
    type: raw
    required: true
  monitors:
    description: The C(results) of the monitors task (each with C(type), C(name), C(id), C(action)).
    type: list
    elements: dict
    default: []
  recipients:
    description: The C(results) of the recipients task (each with C(name), C(id), C(action)).
    type: list
    elements: dict
    default: []
'''

EXAMPLES = r'''
- name: Converge the groups without listing the monitors and recipients again
  community.alertsite.alertsite_recipient_groups:
    config: >-
      {{ groups | community.alertsite.alerting_references(monitors=monitors_task.results,
         recipients=recipients_task.results) }}
'''

RETURN = r'''
_value:
  description:
    - The definitions, references given by id where the results tell the id (for a dictionary of lists, a dictionary of
      the lists rewritten).
  type: raw
'''


from ansible.errors import AnsibleFilterError
from ansible_collections.community.alertsite.plugins.plugin_utils.plain_data import plain


def ids_by(results, key):
    """Identity -> id of the objects the results hold once, alive (not deleted, not failed, with an id)."""
    found = {}
    for item in results or []:
        if not isinstance(item, dict):
            continue
        identity = key(item)
        alive = item.get('action') != 'delete' and not item.get('failed') and item.get('id') not in (None, '')
        found[identity] = None if identity in found or not alive else str(item['id'])
    return found


def with_ids(items, ids, key):
    if not isinstance(items, list):
        return items
    rewritten = []
    for item in items:
        if isinstance(item, dict) and item.get('id') in (None, '') and item.get('name') not in (None, ''):
            object_id = ids.get(key(item))
            if object_id is not None and object_id.isdigit():
                item = dict((name, value) for name, value in item.items() if name not in ('name', 'type'))
                item['id'] = int(object_id)
        rewritten.append(item)
    return rewritten


def monitor_key(item):
    return (item.get('type'), item.get('name'))


def recipient_key(item):
    return item.get('name')


def alerting_references(definitions, monitors=None, recipients=None):
    if isinstance(definitions, dict):  # several lists, from one reading of the results
        monitor_ids, recipient_ids = ids_by(monitors, monitor_key), ids_by(recipients, recipient_key)
        return dict((key, with_references(value, monitor_ids, recipient_ids)) for key, value in definitions.items())
    return with_references(definitions, ids_by(monitors, monitor_key), ids_by(recipients, recipient_key))


def with_references(definitions, monitor_ids, recipient_ids):
    if not isinstance(definitions, list):
        raise AnsibleFilterError('alerting_references takes a list of definitions, or a dictionary of such lists')
    rewritten = []
    for definition in definitions:
        if isinstance(definition, dict):
            definition = plain(definition)
            if 'monitors' in definition:
                definition['monitors'] = with_ids(definition['monitors'], monitor_ids, monitor_key)
            if 'recipients' in definition:
                definition['recipients'] = with_ids(definition['recipients'], recipient_ids, recipient_key)
        rewritten.append(definition)
    return rewritten


class FilterModule(object):
    def filters(self):
        return {'alerting_references': alerting_references}
