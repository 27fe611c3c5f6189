# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: alerting_deletions
short_description: What the role alerting deletes, per kind, after the groups and blackouts were converged
version_added: 2.0.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Takes the definitions as the filter P(community.alertsite.alerting_definitions#filter) split them and the
    RV(community.alertsite.alertsite_recipients#module:not_in_config) of the recipients, monitors and recipient groups
    tasks (the objects their one listing holds that no definition stands for), and returns, per kind, the C(config)
    of a task with C(state=deleted) - the definitions marked C(state=absent), then the objects not in config whose
    names the kind's prune patterns match (at the start of the name, as the test C(match)) - and the ids of those
    pruned objects.
  - Used by the role P(community.alertsite.alerting#role), so that recipients and monitors are deleted only after the
    recipient groups no longer name them, whatever the API does with the groups of a deleted recipient.
options:
  _input:
    description: The result of P(community.alertsite.alerting_definitions#filter).
    type: dict
    required: true
  recipients:
    description: RV(community.alertsite.alertsite_recipients#module:not_in_config) of the recipients task.
    type: list
    elements: dict
    default: []
  monitors:
    description: RV(community.alertsite.alertsite_monitors#module:not_in_config) of the monitors task.
    type: list
    elements: dict
    default: []
  recipient_groups:
    description: RV(community.alertsite.alertsite_recipient_groups#module:not_in_config) of the recipient groups task.
    type: list
    elements: dict
    default: []
'''

EXAMPLES = r'''
- name: Work out the deletions
  ansible.builtin.set_fact:
    deletions: >-
      {{ split | community.alertsite.alerting_deletions(recipients=recipients_task.not_in_config | default([]),
         monitors=monitors_task.not_in_config | default([]), recipient_groups=groups_task.not_in_config | default([])) }}
'''

RETURN = r'''
_value:
  description:
    - Per kind (C(recipients), C(monitors), C(recipient_groups)), C(config), the items of a task with
      C(state=deleted) (empty when nothing is to be deleted), and C(pruned), the ids (strings) of the objects pruned.
    - C(any), whether anything is to be deleted, the blackouts marked C(state=absent) included.
  type: dict
'''

import re

from ansible.errors import AnsibleFilterError

KINDS = ('recipients', 'monitors', 'recipient_groups')


def pattern_of(patterns):
    """One regular expression of the patterns (matched at the start of a name), or None when there is none."""
    if not patterns:
        return None
    return re.compile('|'.join('(?:%s)' % pattern for pattern in patterns))


def deletions_of(kind, absent, outside, patterns):
    """The config of the kind's deleting task and the ids of the objects pruned."""
    pattern = pattern_of(patterns)
    config = list(absent)
    ids = set(str(definition['id']).strip() for definition in absent if definition.get('id') not in (None, ''))
    names = set(definition['name'] for definition in absent if definition.get('name') is not None)
    pruned = []
    for item in outside if pattern is not None else []:
        object_id, name = str(item.get('id')), item.get('name')
        if object_id in ids or name in names or not pattern.match(name if isinstance(name, str) else ''):
            continue  # a definition marked absent deletes it, or the patterns leave it alone
        entry = dict(id=object_id, name=name)
        if kind == 'monitors':
            entry['type'] = item.get('type')
        config.append(entry)
        pruned.append(object_id)
    return dict(config=config, pruned=pruned)


def alerting_deletions(definitions, recipients=None, monitors=None, recipient_groups=None):
    if not isinstance(definitions, dict) or 'prune' not in definitions:
        raise AnsibleFilterError('alerting_deletions takes the result of the filter alerting_definitions')
    outside = dict(recipients=recipients or [], monitors=monitors or [], recipient_groups=recipient_groups or [])
    result = {}
    for kind in KINDS:
        absent = definitions.get(kind + '_absent') or []
        result[kind] = deletions_of(kind, absent, outside[kind], definitions['prune'].get(kind))
    result['any'] = bool(definitions.get('blackouts_absent')) or any(result[kind]['config'] for kind in KINDS)
    return result


class FilterModule(object):
    def filters(self):
        return {'alerting_deletions': alerting_deletions}
