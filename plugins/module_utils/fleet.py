# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Many monitors in one task: one login, one paged listing, then the engine's plan for each definition.

The states follow Ansible's resource modules: ``merged``, ``replaced``, ``overridden``, ``deleted`` and
``gathered``. Nothing is compared here: every definition goes through :func:`.engine.plan_monitor`
with the same field declarations the single-monitor modules use.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import (
    AlertSiteClient,
    AlertSiteError,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    InputError,
    MonitorIndex,
    Plan,
    apply_plan,
    current_values,
    input_problems,
    plan_diff,
    plan_monitor,
    public_monitor,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_types import FAMILIES, FAMILY_OF_TYPE

STATES = ('merged', 'replaced', 'overridden', 'deleted', 'gathered')
MANAGED_TYPES = sorted(FAMILY_OF_TYPE)


def definition_spec():
    """The options of one monitor definition: ``type`` plus every family's fields (one spec per name)."""
    # type is checked in definition_problems, so that an unknown one names its definition
    spec = OrderedDict(type=dict(type='str', required=True))
    for family in FAMILIES:
        for field in family.fields:
            spec.setdefault(field.name, field.argument_spec())
    spec['name']['required'] = True
    return spec


def fleet_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        config=dict(type='list', elements='dict', options=definition_spec(), aliases=['monitors']),
        state=dict(type='str', default='merged', choices=list(STATES)),
        types=dict(type='list', elements='str', choices=MANAGED_TYPES),
        update_password=dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False),
    )
    return spec


# -- definitions --------------------------------------------------------------------------------------------

def definition_problems(position, definition):
    """Problems of one definition, each prefixed with where it stands in ``config``."""
    where = 'config[%d] (%s %r)' % (position, definition['type'], definition['name'])
    family = FAMILY_OF_TYPE.get(definition['type'])
    if family is None:
        return ['%s: type must be one of %s' % (where, ', '.join(MANAGED_TYPES))]
    foreign = [key for key, value in definition.items()
               if value is not None and key != 'type' and key not in family.by_name]
    problems = ['%s is not an option of %s monitors' % (key, definition['type']) for key in foreign]
    problems.extend(input_problems(family, wanted_values(family, definition)))
    return ['%s: %s' % (where, problem) for problem in problems]


def fleet_problems(params):
    """Everything wrong with the task's input, found before any request."""
    config = params['config'] or []
    problems = []
    seen = {}
    for position, definition in enumerate(config):
        key = (definition['type'], definition['name'])
        if key in seen:
            problems.append('config[%d] and config[%d] both define %s monitor %r' % (seen[key], position, key[0], key[1]))
        seen.setdefault(key, position)
        problems.extend(definition_problems(position, definition))
    if params['state'] == 'overridden' and not config and not params['types']:
        problems.append('state=overridden with an empty config deletes every monitor of the types in types: '
                        'set types to say which')
    if params['state'] in ('merged', 'replaced', 'deleted') and params['types']:
        problems.append('types only applies to state=overridden and state=gathered')
    return problems


def listed_types(params):
    """The API types the task reads: those of its definitions, plus ``types``; gathered defaults to all."""
    types = set(definition['type'] for definition in params['config'] or [])
    types.update(params['types'] or [])
    if not types and params['state'] == 'gathered':
        types.update(MANAGED_TYPES)
    return sorted(types)


# -- planning ------------------------------------------------------------------------------------------------

def plan_fleet(params, index):
    """One plan per definition (in order), then, for ``overridden``, deletions of the unlisted monitors."""
    state = params['state']
    plans = []
    for definition in params['config'] or []:
        family = FAMILY_OF_TYPE[definition['type']]
        wanted = wanted_values(family, definition)
        current = index.find(definition['type'], definition['name'])
        if state in ('replaced', 'overridden') and current is not None:
            # Clear what the monitor holds and the definition leaves out, where "clear" has a known value.
            for field in family.fields:
                if field.reset is not None and field.name not in wanted and field.name in current:
                    wanted[field.name] = field.reset
        plans.append(plan_monitor(family, definition['type'], definition['name'], wanted, current,
                                  'absent' if state == 'deleted' else 'present', params['update_password']))
    if state == 'overridden':
        listed = set((definition['type'], definition['name']) for definition in params['config'] or [])
        for monitor in index.monitors:
            api_type = monitor.get('type')
            if api_type in params['override_types'] and (api_type, monitor.get('name')) not in listed:
                family = FAMILY_OF_TYPE[api_type]
                plans.append(Plan(family, api_type, monitor.get('name'), 'delete', monitor,
                                  before=current_values(family, monitor)))
    return plans


def gathered_definitions(index):
    """The existing monitors as definitions in the ``config`` format, ready to feed back (no secrets)."""
    definitions = []
    for monitor in index.monitors:
        family = FAMILY_OF_TYPE.get(monitor.get('type'))
        if family is not None:
            definition = OrderedDict(type=monitor['type'])
            definition.update(current_values(family, monitor))
            definitions.append(definition)
    return definitions


# -- reporting -----------------------------------------------------------------------------------------------

def plan_result(plan, monitor, error=None):
    result = dict(type=plan.api_type, name=plan.name, id=plan.monitor_id, action=plan.action,
                  changed=plan.changed and error is None, changes=list(plan.send),
                  monitor=public_monitor(monitor))
    if error is not None:
        result['failed'] = True
        result['msg'] = str(error)
    return result


def fleet_message(state, plans, check_mode, errors):
    counts = OrderedDict((action, 0) for action in ('create', 'update', 'delete', 'none'))
    for plan in plans:
        counts[plan.action] += 1
    words = {'create': 'created', 'update': 'updated', 'delete': 'deleted', 'none': 'unchanged'}
    parts = ', '.join('%d %s' % (count, words[action]) for action, count in counts.items())
    message = '%s %d monitor%s: %s' % (state, len(plans), '' if len(plans) == 1 else 's', parts)
    if check_mode:
        message += ' (check mode: nothing was sent)'
    if errors:
        message += '; %d failed: %s' % (len(errors), '; '.join(errors))
    return message


# -- the module ----------------------------------------------------------------------------------------------

def run_fleet_module():
    """alertsite_monitors: converge many monitors of any managed type in one task."""
    module = new_module(fleet_argument_spec())
    params = module.params
    problems = fleet_problems(params) + connection_problems(params)
    if problems:
        module.fail_json(msg='; '.join(problems))
    params['override_types'] = set(listed_types(params))
    if not params['override_types']:
        module.exit_json(changed=False, results=[], msg=fleet_message(params['state'], [], module.check_mode, []))
    client = AlertSiteClient.from_module(module)
    try:
        index = MonitorIndex.load(client, listed_types(params))
        if params['state'] == 'gathered':
            gathered = gathered_definitions(index)
            module.exit_json(changed=False, gathered=gathered,
                             msg='gathered %d monitor%s' % (len(gathered), '' if len(gathered) == 1 else 's'))
        plans = plan_fleet(params, index)
    except (AlertSiteError, InputError) as exc:
        module.fail_json(msg=str(exc))
    results, errors = [], []
    for plan in plans:
        try:
            results.append(plan_result(plan, apply_plan(client, plan, module.check_mode)))
        except AlertSiteError as exc:
            errors.append('%s: %s' % (plan.label, exc))
            results.append(plan_result(plan, plan.current, exc))
    result = dict(changed=any(item['changed'] for item in results), results=results,
                  msg=fleet_message(params['state'], plans, module.check_mode, errors))
    if module._diff:
        result['diff'] = [plan_diff(plan) for plan in plans if plan.changed]
    if errors:
        module.fail_json(**result)
    module.exit_json(**result)
