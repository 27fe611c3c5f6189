# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Many monitors in one task (the module ``alertsite_monitors`` and the role ``monitors``): one login, one
paged listing, then the engine's plan for each definition.

The states follow Ansible's resource modules: ``merged``, ``replaced``, ``overridden``, ``deleted`` and
``gathered`` talk to the API; ``rendered`` (the requests a ``merged`` run would send) and ``parsed`` (an API
listing turned into ``config`` form) make no request. Nothing is compared here: every definition goes
through :func:`.engine.plan_object` with the same declarations the single-monitor modules use.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    Plan,
    apply_plan,
    current_values,
    input_problems,
    plan_command,
    plan_diff,
    plan_object,
    public_object,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import (
    ANY_MONITOR,
    KIND_OF_TYPE,
    MONITOR_KINDS,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse

ONLINE_STATES = ('merged', 'replaced', 'overridden', 'deleted', 'gathered')
OFFLINE_STATES = ('rendered', 'parsed')
MANAGED_TYPES = sorted(KIND_OF_TYPE)


def definition_spec():
    """The options of one monitor definition: ``type`` plus every kind's fields (one spec per name)."""
    # type is checked in definition_problems, so that an unknown one names its definition
    spec = OrderedDict(type=dict(type='str', required=True))
    for kind in MONITOR_KINDS:
        for field in kind.fields:
            spec.setdefault(field.name, field.argument_spec())
    spec['name']['required'] = True
    return spec


def bulk_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        config=dict(type='list', elements='dict', options=definition_spec(), aliases=['monitors']),
        state=dict(type='str', default='merged', choices=list(ONLINE_STATES + OFFLINE_STATES)),
        types=dict(type='list', elements='str', choices=MANAGED_TYPES),
        update_password=dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False),
        running_config=dict(type='raw'),
    )
    return spec


# -- definitions --------------------------------------------------------------------------------------------

def definition_problems(position, definition):
    """Problems of one definition, each prefixed with where it stands in ``config``."""
    where = 'config[%d] (%s %r)' % (position, definition['type'], definition['name'])
    kind = KIND_OF_TYPE.get(definition['type'])
    if kind is None:
        return ['%s: type must be one of %s' % (where, ', '.join(MANAGED_TYPES))]
    foreign = [key for key, value in definition.items()
               if value is not None and key != 'type' and key not in kind.by_name]
    problems = ['%s is not an option of %s monitors' % (key, definition['type']) for key in foreign]
    wanted = wanted_values(kind, definition)
    problems.extend(input_problems(kind, wanted))
    chosen = kind.api_type(wanted)  # a kind whose values pick the type (website: the url's scheme)
    if chosen is not None and chosen != definition['type']:
        problems.append('its options make a %s monitor, not %s (the API cannot change the type of a monitor): '
                        'set type to %s' % (chosen, definition['type'], chosen))
    return ['%s: %s' % (where, problem) for problem in problems]


def bulk_problems(config, state, types, running_config=None):
    """Everything wrong with the task's input, found before any request."""
    problems = []
    seen = {}
    for position, definition in enumerate(config):
        key = (definition['type'], definition['name'])
        if key in seen:
            problems.append('config[%d] and config[%d] both define %s monitor %r' % (seen[key], position, key[0], key[1]))
        seen.setdefault(key, position)
        problems.extend(definition_problems(position, definition))
    if state == 'overridden' and not config and not types:
        problems.append('state=overridden with an empty config deletes every monitor of the types in types: '
                        'set types to say which')
    if state in ('merged', 'replaced', 'deleted', 'rendered') and types:
        problems.append('types only applies to state=overridden, state=gathered and state=parsed')
    if state == 'parsed' and running_config is None:
        problems.append('state=parsed needs running_config (a GET /monitors reply, or its results)')
    if state != 'parsed' and running_config is not None:
        problems.append('running_config only applies to state=parsed')
    if state == 'parsed' and config:
        problems.append('config does not apply to state=parsed')
    return problems


def listed_types(config, state, types):
    """The API types the task reads: those of its definitions, plus ``types``; gathered defaults to all."""
    listed = set(definition['type'] for definition in config)
    listed.update(types or [])
    if not listed and state in ('gathered', 'parsed'):
        listed.update(MANAGED_TYPES)
    return sorted(listed)


# -- planning ------------------------------------------------------------------------------------------------

def plan_bulk(config, state, index, override_types=(), update_password='on_create'):
    """One plan per definition (in order), then, for ``overridden``, deletions of the unlisted monitors of
    ``override_types``."""
    plans = []
    for definition in config:
        kind = KIND_OF_TYPE[definition['type']]
        wanted = wanted_values(kind, definition)
        current = index.find(kind, definition['type'], wanted)
        if state in ('replaced', 'overridden') and current is not None:
            # Clear what the monitor holds and the definition leaves out, where "clear" has a known value.
            for field in kind.fields:
                if field.reset is not None and field.name not in wanted and field.api_name in current:
                    wanted[field.name] = field.reset
        plans.append(plan_object(kind, definition['type'], wanted, current,
                                 'absent' if state == 'deleted' else 'present', update_password))
    if state == 'overridden':
        listed = set((definition['type'], definition['name']) for definition in config)
        for monitor in index.objects:
            api_type = monitor.get('type')
            if api_type in override_types and (api_type, monitor.get('name')) not in listed:
                kind = KIND_OF_TYPE[api_type]
                plans.append(Plan(kind, api_type, 'delete', current=monitor, before=current_values(kind, monitor)))
    return plans


def as_definition(monitor):
    """A monitor as a definition in the ``config`` format (no secrets), or None for a type not managed here."""
    kind = KIND_OF_TYPE.get(monitor.get('type'))
    if kind is None:
        return None
    definition = OrderedDict(type=monitor['type'])
    definition.update(current_values(kind, monitor))
    return definition


def gathered_definitions(monitors, api_types=None):
    """The monitors (of ``api_types``, when given) as definitions, ready to feed back as ``config``."""
    definitions = [as_definition(monitor) for monitor in monitors
                   if api_types is None or monitor.get('type') in api_types]
    return [definition for definition in definitions if definition is not None]


def load_index(client, api_types):
    """One paged listing of every monitor of ``api_types``."""
    return Index.load(client, ANY_MONITOR, api_types, kind_of=KIND_OF_TYPE.get)


# -- offline states ------------------------------------------------------------------------------------------

def rendered_commands(config, update_password='on_create'):
    """The requests a ``merged`` run would send to an account holding none of the monitors (secrets masked)."""
    index = Index(KIND_OF_TYPE.get, [])
    return [plan_command(plan) for plan in plan_bulk(config, 'merged', index, update_password=update_password)]


def parse_running_config(running_config):
    """The monitors of an API listing given as text or data: an envelope with ``results``, or a bare list."""
    data = running_config
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise InputError('running_config is not JSON: %s' % exc)
    if isinstance(data, dict):
        data = data.get('results')
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError('running_config must be a GET /monitors reply (an object with results) or a list of monitors')
    return data


# -- reporting -----------------------------------------------------------------------------------------------

def outcome_result(outcome, error=None):
    plan = outcome.plan
    result = dict(type=plan.api_type, name=plan.name, id=outcome.object_id, action=plan.action,
                  changed=plan.changed and error is None, changes=list(plan.changes),
                  monitor=public_object(plan.kind, outcome.object))
    if error is not None:
        result['failed'] = True
        result['msg'] = str(error)
    return result


def bulk_message(state, plans, check_mode, errors):
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


def before_after(outcomes):
    """``before`` and ``after`` in ``config`` form: the monitors the task planned, as they were and as they are
    (in check mode, as they would be)."""
    before = [as_definition(outcome.plan.current) for outcome in outcomes if outcome.plan.current]
    after = [as_definition(outcome.object) for outcome in outcomes if outcome.object]
    return [item for item in before if item], [item for item in after if item]


# -- the module ----------------------------------------------------------------------------------------------

class FailedOutcome(object):
    """An outcome of a plan whose write failed: the object stays as it was."""

    def __init__(self, plan):
        self.plan = plan
        self.object = plan.current
        self.object_id = plan.object_id
        self.sent = None


def run_bulk_module():
    """alertsite_monitors: converge many monitors of any managed type in one task."""
    module = new_module(bulk_argument_spec())
    params = module.params
    config = params['config'] or []
    state = params['state']
    problems = bulk_problems(config, state, params['types'], params['running_config'])
    if state not in OFFLINE_STATES:
        problems += connection_problems(params)
    refuse(module, problems)
    if state == 'rendered':
        try:
            rendered = rendered_commands(config, params['update_password'])
        except InputError as exc:
            module.fail_json(msg=str(exc))
        module.exit_json(changed=False, rendered=rendered,
                         msg='rendered %d monitor%s (no request was made)' % (len(config), '' if len(config) == 1 else 's'))
    if state == 'parsed':
        try:
            monitors = parse_running_config(params['running_config'])
        except InputError as exc:
            module.fail_json(msg=str(exc))
        parsed = gathered_definitions(monitors, listed_types(config, state, params['types']))
        module.exit_json(changed=False, parsed=parsed,
                         msg='parsed %d monitor%s (no request was made)' % (len(parsed), '' if len(parsed) == 1 else 's'))
    types = listed_types(config, state, params['types'])
    if not types:
        module.exit_json(changed=False, results=[], before=[], after=[], commands=[],
                         msg=bulk_message(state, [], module.check_mode, []))
    client = client_from_module(module)
    try:
        index = load_index(client, types)
        if state == 'gathered':
            gathered = gathered_definitions(index.objects, types)
            module.exit_json(changed=False, gathered=gathered,
                             msg='gathered %d monitor%s' % (len(gathered), '' if len(gathered) == 1 else 's'))
        plans = plan_bulk(config, state, index, set(types), params['update_password'])
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    outcomes, results, errors, failures = [], [], [], []
    for plan in plans:
        try:
            outcome = apply_plan(client, plan, module.check_mode)
        except AlertSiteError as exc:
            errors.append('%s: %s' % (plan.label, exc))
            failures.append(exc)
            outcome = FailedOutcome(plan)
            results.append(outcome_result(outcome, exc))
        else:
            results.append(outcome_result(outcome))
        outcomes.append(outcome)
    before, after = before_after(outcomes)
    result = dict(changed=any(item['changed'] for item in results), results=results, before=before, after=after,
                  commands=[plan_command(outcome.plan, outcome.object_id) for outcome in outcomes if outcome.sent],
                  msg=bulk_message(state, plans, module.check_mode, errors))
    if module._diff:
        result['diff'] = [plan_diff(outcome.plan, outcome.object_id) for outcome in outcomes if outcome.plan.changed]
    if failures:
        if len(failures) == 1 and failures[0].status is not None:
            result['status'] = failures[0].status
        result['api_errors'] = [message for exc in failures for message in exc.messages]
        module.fail_json(**result)
    module.exit_json(**result)
