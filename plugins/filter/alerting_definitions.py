# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: alerting_definitions
short_description: The definitions of the role alerting split by what its tasks do with them, in one pass
version_added: 2.0.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Takes the variables of the role P(community.alertsite.alerting#role) and returns, in one pass over the
    definitions, everything its tasks are given - the definitions to converge and those marked C(state=absent), per
    kind, without their C(state) and C(update_password) keys (the resource modules take none per item) - and the
    problems of the input, so that the role can refuse bad input before any request.
  - Used by the role P(community.alertsite.alerting#role), whose tasks refer to its result.
options:
  _input:
    description: The recipient definitions (C(alertsite_recipients)).
    type: list
    elements: dict
    required: true
  recipient_groups:
    description: The recipient group definitions (C(alertsite_recipient_groups)).
    type: list
    elements: dict
    default: []
  blackouts:
    description: The blackout definitions (C(alertsite_blackouts)).
    type: list
    elements: dict
    default: []
  prune:
    description: The patterns of each kind to prune (C(alertsite_alerting_prune)).
    type: dict
    default: {}
  update_password:
    description: C(alertsite_alerting_update_password).
    type: str
    default: on_create
  options:
    description: The options a definition may hold, per kind (C(recipients), C(recipient_groups), C(blackouts)).
    type: dict
    default: {}
  secrets:
    description:
      - Whether the recipient definitions keep their C(recipient_password). Without, the result can be shown (a fact
        of the role, at C(-v)); the recipients tasks take the definitions from a call with it.
    type: bool
    default: true
  strict:
    description: Fail with the problems of the input, if any, instead of returning them.
    type: bool
    default: false
'''

EXAMPLES = r'''
- name: Split the definitions
  ansible.builtin.debug:
    msg: >-
      {{ alertsite_recipients | community.alertsite.alerting_definitions(
           recipient_groups=alertsite_recipient_groups, blackouts=alertsite_blackouts, prune=alertsite_alerting_prune,
           update_password=alertsite_alerting_update_password) }}
'''

RETURN = r'''
_value:
  description:
    - C(problems), a list of messages (empty when the input is fine); C(recipients), C(recipients_always),
      C(recipients_absent), C(recipient_groups), C(recipient_groups_absent), C(blackouts), C(blackouts_absent) (the
      definitions, without C(state) and C(update_password)); C(prune), the patterns of each kind (an empty list when
      the kind is not pruned), and C(prune_whole), per kind, whether a pattern matches every name.
  type: dict
'''

import re

from ansible.errors import AnsibleFilterError
from ansible_collections.community.alertsite.plugins.plugin_utils.plain_data import plain

PRUNE_KINDS = ('recipients', 'monitors', 'recipient_groups', 'blackouts')
SECRETS = ('recipient_password',)
MATCH_ALL = ('', '.*', '^', '^.*', '.+', '^.+')
STATES = ('present', 'absent')


def listed(value, what, problems):
    """``value`` as a list of dictionaries; a problem (and an empty list) otherwise."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.append('%s must be a list of dictionaries' % what)
        return []
    return value


def split(definitions, what, allowed, problems, drop=('state',)):
    """(to converge, marked absent): the definitions without the keys of ``drop``; problems of their options,
    their state and their names go to ``problems``."""
    kept, absent, names, unknown = [], [], {}, set()
    for position, definition in enumerate(definitions):
        if allowed:
            unknown.update(key for key in definition if key not in allowed)
        state = definition.get('state', 'present')
        if state not in STATES:
            problems.append('%s[%d]: state must be present or absent, got %r' % (what, position, state))
        name = definition.get('name')
        if name is not None:
            if name in names:
                problems.append('%s[%d] and %s[%d] have the same name %r: every one needs a name of its own'
                                % (what, names[name], what, position, name))
            names.setdefault(name, position)
        stripped = dict((key, value) for key, value in plain(definition).items() if key not in drop)
        (absent if state == 'absent' else kept).append(stripped)
    if unknown:
        problems.append('%s: unknown options %s (a definition holds only the options of its module)'
                        % (what, ', '.join(sorted(str(key) for key in unknown))))
    return kept, absent


def prune_patterns(prune, problems):
    """The patterns of each kind, and whether one matches every name."""
    if prune is None:
        prune = {}
    if not isinstance(prune, dict):
        problems.append('alertsite_alerting_prune must be a dictionary of %s' % ', '.join(PRUNE_KINDS))
        prune = {}
    unknown = sorted(str(kind) for kind in prune if kind not in PRUNE_KINDS)
    if unknown:
        problems.append('alertsite_alerting_prune names only %s, not %s' % (', '.join(PRUNE_KINDS), ', '.join(unknown)))
    patterns, whole = {}, {}
    for kind in PRUNE_KINDS:
        value = prune.get(kind) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            problems.append('alertsite_alerting_prune.%s must be a list of regular expressions' % kind)
            value = []
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append('alertsite_alerting_prune.%s: %r is no regular expression (%s)' % (kind, pattern, exc))
        patterns[kind] = [str(item) for item in value]
        whole[kind] = any(item in MATCH_ALL for item in patterns[kind])
    return patterns, whole


def alerting_definitions(recipients, recipient_groups=None, blackouts=None, prune=None, update_password='on_create',
                         options=None, secrets=True, strict=False):
    problems = []
    options = options or {}
    recipients = listed(recipients, 'alertsite_recipients', problems)
    groups = listed(recipient_groups, 'alertsite_recipient_groups', problems)
    windows = listed(blackouts, 'alertsite_blackouts', problems)
    if update_password not in ('on_create', 'always'):
        problems.append('alertsite_alerting_update_password must be on_create or always, got %r' % (update_password,))
    result = {}
    result['recipients'], result['recipients_absent'] = split(
        recipients, 'alertsite_recipients', options.get('recipients'), problems,
        ('state', 'update_password') + (() if secrets else SECRETS))
    # the resource module takes update_password once per task: those that say always are sent by a second task
    always = set(position for position, definition in enumerate(recipients)
                 if definition.get('update_password') == 'always' and definition.get('state', 'present') == 'present')
    present = [position for position, definition in enumerate(recipients) if definition.get('state', 'present') != 'absent']
    result['recipients_always'] = [result['recipients'][index] for index, position in enumerate(present) if position in always]
    result['recipient_groups'], result['recipient_groups_absent'] = split(
        groups, 'alertsite_recipient_groups', options.get('recipient_groups'), problems)
    defaults = [definition.get('name', definition.get('id')) for definition in groups
                if definition.get('is_default') and definition.get('state', 'present') != 'absent']
    if len(defaults) > 1:
        problems.append('at most one recipient group can be the default (the API keeps one), got %s'
                        % ', '.join(repr(name) for name in defaults))
    result['blackouts'], result['blackouts_absent'] = split(
        windows, 'alertsite_blackouts', options.get('blackouts'), problems)
    result['prune'], result['prune_whole'] = prune_patterns(prune, problems)
    result['problems'] = problems
    if strict and problems:
        raise AnsibleFilterError('The alerting setup is refused before any request: %s' % '; '.join(problems))
    return result


class FilterModule(object):
    def filters(self):
        return {'alerting_definitions': alerting_definitions}
