# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Many monitors in one task (the module ``alertsite_monitors`` and the role ``monitors``): one login, one
paged listing, then the engine's plan for each definition, carried out in a safe order:

1. creates and updates, on up to ``parallel_writes`` threads (:mod:`.pool`), without a read-back per write;
2. deletions (``overridden``, ``deleted``), only when every create and update succeeded;
3. one read-back of what was written: a paged listing of the types written, or a GET per written monitor when
   that sends fewer requests. It also shows a namesake that another run created at the same time.

Each definition is looked up by :func:`.lookup.find_current` in that listing (which also holds the other types
of its kind) and planned by :func:`.engine.plan_object`, as the single-monitor modules do: the same refusals
and warnings, the same comparison. A definition that cannot be planned (two monitors answer to its name, a
rename onto a name in use, a type the API cannot change) is a plan holding its error; it fails alone, and the
others converge.

The states follow Ansible's resource modules (:func:`run_bulk_module`): ``merged``, ``replaced``,
``overridden``, ``deleted`` and ``gathered`` talk to the API (:func:`online_states`); ``rendered`` (the requests
a ``merged`` run would send) and ``parsed`` (an API listing turned into ``config`` form) make no request
(:func:`offline_states`); one builder makes the result of the states that converge (:func:`bulk_result`).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import json
import math
from collections import OrderedDict

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import PAGE_SIZE, AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    FailedOutcome,
    Plan,
    apply_plan,
    clean_id,
    current_values,
    get_object,
    id_problems,
    input_problems,
    plan_command,
    plan_diff,
    plan_object,
    public_object,
    resolve_values,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import (
    ANY_MONITOR,
    KIND_OF_TYPE,
    MONITOR_KINDS,
)
from ansible_collections.community.alertsite.plugins.module_utils.lookup import Listed, find_current
from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse
from ansible_collections.community.alertsite.plugins.module_utils.scope import (
    inside_scope,
    outside_scope,
    scope_problems,
    scoped_config,
)
from ansible_collections.community.alertsite.plugins.module_utils.secrets import secret_values

ONLINE_STATES = ('merged', 'replaced', 'overridden', 'deleted', 'gathered')
OFFLINE_STATES = ('rendered', 'parsed')
MANAGED_TYPES = sorted(KIND_OF_TYPE)
UNSET = (None, '', [])


def definition_spec():
    """The options of one monitor definition: ``type`` plus every kind's fields (one spec per name)."""
    # type is checked in definition_problems, so that an unknown one names its definition
    spec = OrderedDict(type=dict(type='str', required=True), id=dict(type='str'))
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
        parallel_writes=dict(type='int', default=4),
        scope=dict(type='dict', options=dict(custom_properties=dict(type='dict', required=True))),
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
               if value is not None and key not in ('type', 'id') and key not in kind.by_name]
    problems = ['%s is not an option of %s monitors' % (key, definition['type']) for key in foreign]
    problems.extend(id_problems(definition.get('id')))
    wanted = wanted_values(kind, definition)
    problems.extend(input_problems(kind, wanted))
    chosen = kind.api_type(wanted)  # a kind whose values pick the type (website: the url's scheme)
    if chosen is not None and chosen != definition['type']:
        problems.append('its options make a %s monitor, not %s (the API cannot change the type of a monitor): '
                        'set type to %s' % (chosen, definition['type'], chosen))
    return ['%s: %s' % (where, problem) for problem in problems]


def bulk_problems(config, state, types, running_config=None, parallel_writes=4):
    """Everything wrong with the task's input, found before any request."""
    problems = []
    seen = {}
    for position, definition in enumerate(config):
        keys = [(definition['type'], definition['name'])]
        if clean_id(definition.get('id')):
            keys = [('id', clean_id(definition['id']))]
        for key in keys:
            if key in seen:
                what = 'monitor id %s' % key[1] if key[0] == 'id' else '%s monitor %r' % key
                problems.append('config[%d] and config[%d] both define %s' % (seen[key], position, what))
            seen.setdefault(key, position)
        problems.extend(definition_problems(position, definition))
    if parallel_writes is not None and parallel_writes < 1:
        problems.append('parallel_writes must be at least 1, got %s' % parallel_writes)
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
    """The API types the task is about: those of its definitions, plus ``types`` (gathered and parsed default
    to all). ``overridden`` deletes the monitors of these types that no definition is about."""
    listed = set(definition['type'] for definition in config)
    listed.update(types or [])
    if not listed and state in ('gathered', 'parsed'):
        listed.update(MANAGED_TYPES)
    return sorted(listed)


# -- planning ------------------------------------------------------------------------------------------------

def read_types(config, state, types):
    """The API types the task lists: :func:`listed_types`, plus every other type of each definition's kind, so
    that a definition is planned exactly as its single-monitor module plans it (a namesake under another
    type is refused or warned about)."""
    read = set(listed_types(config, state, types))
    for definition in config:
        read.update(KIND_OF_TYPE[definition['type']].types)
    return sorted(read)


def plan_definition(definition, state, existing, update_password='on_create', warnings=None):
    """The plan of one definition, through the lookup step of the single-monitor modules (:mod:`.lookup`) and
    the engine. A definition that cannot be planned gives a plan that does nothing and holds the error; the
    lookup's warnings go to ``warnings``."""
    api_type = definition['type']
    kind = KIND_OF_TYPE[api_type]
    wanted = wanted_values(kind, definition)
    present = 'absent' if state == 'deleted' else 'present'
    try:
        if existing.client is not None:  # names of other objects (custom properties) to ids, one listing a task
            wanted = resolve_values(existing.client, kind, wanted)
        current, api_type, found = find_current(existing, kind, api_type, wanted, clean_id(definition.get('id')), present)
        if state in ('replaced', 'overridden') and current is not None:
            # Clear what the monitor holds and the definition leaves out, where "clear" has a known value.
            for field in kind.fields:
                if field.reset is not None and field.name not in wanted and field.api_name in current:
                    wanted[field.name] = field.reset
        plan = plan_object(kind, api_type, wanted, current, present, update_password)
    except InputError as exc:
        return Plan(kind, api_type, 'none', wanted, error=exc)
    if warnings is not None:
        warnings.extend(found)
    return plan


def plan_bulk(config, state, index, prune_types=(), update_password='on_create', warnings=None, client=None,
              inside=None):
    """One plan per definition (in order), then, for ``overridden`` (and ``deleted`` without config, in a
    scope), deletions of the monitors of ``prune_types`` (the types the task is about) that no definition is
    about. An id that ``index`` does not hold is read with ``client``, when given. With ``inside`` (a
    function(monitor) -> whether it lies in the task's scope), only monitors inside are deleted, and a definition
    whose monitor lies outside is not planned."""
    existing = Listed(index, client)
    plans = [plan_definition(definition, state, existing, update_password, warnings) for definition in config]
    if inside is not None:
        plans = [outside_scope(plan) if plan.current and plan.error is None and not inside(plan.current) else plan
                 for plan in plans]
    if state == 'overridden' or state == 'deleted' and inside is not None and not config:
        kept = set(plan.object_id for plan in plans if plan.object_id)
        named = set((plan.api_type, plan.name) for plan in plans if plan.error is not None)
        for monitor in index.objects:
            api_type = monitor.get('type')
            if api_type in prune_types and str(monitor.get('id')) not in kept and (api_type, monitor.get('name')) not in named \
                    and (inside is None or inside(monitor)):
                kind = KIND_OF_TYPE[api_type]
                plans.append(Plan(kind, api_type, 'delete', current=monitor, before=current_values(kind, monitor)))
    return plans


def as_definition(monitor, with_id=False):
    """A monitor as a definition in the ``config`` format (no secrets), or None for a type not managed here."""
    kind = KIND_OF_TYPE.get(monitor.get('type'))
    if kind is None:
        return None
    definition = dict(type=monitor['type'])
    if with_id and monitor.get('id') is not None:
        definition['id'] = str(monitor['id'])
    # an unset value (null, "", no locations) is left out: fed back, it would be refused as empty, and leaving an
    # option out keeps what the monitor holds (replaced and overridden clear it, which it already is)
    for name, value in current_values(kind, monitor).items():
        # a value the option takes in another form than the API gives it (API steps: no step_number)
        value = getattr(kind.by_name[name], 'input_value', lambda same: same)(value)
        if value not in UNSET:
            definition[name] = value
    return definition


def gathered_definitions(monitors, api_types=None):
    """The monitors (of ``api_types``, when given) as definitions, ready to feed back as ``config``: those whose
    type and name another monitor shares carry their ``id``, so that the output selects each one."""
    chosen = [monitor for monitor in monitors if api_types is None or monitor.get('type') in api_types]
    names = {}
    for monitor in chosen:
        key = (monitor.get('type'), monitor.get('name'))
        names[key] = names.get(key, 0) + 1
    definitions = [as_definition(monitor, names[(monitor.get('type'), monitor.get('name'))] > 1) for monitor in chosen]
    return [definition for definition in definitions if definition is not None]


def listing_kind(api_types):
    """ANY_MONITOR, listing with the read parameters of the kinds of ``api_types`` (DéjàClick: the scripts)."""
    params = {}
    for api_type in api_types:
        params.update(KIND_OF_TYPE[api_type].read_params if api_type in KIND_OF_TYPE else {})
    if not params:
        return ANY_MONITOR
    kind = copy.copy(ANY_MONITOR)
    kind.read_params = dict(ANY_MONITOR.read_params, **params)
    return kind


def load_index(client, api_types):
    """One paged listing of every monitor of ``api_types``, found by type and name, and by id. The index
    remembers how many monitors a page brought (``page_size``), to estimate the cost of a later listing."""
    calls = client.calls
    index = Index.load(client, listing_kind(api_types), api_types, kind_of=KIND_OF_TYPE.get)
    pages = max(1, client.calls - calls)
    # one page: the API may give up to the limit asked for; several: what a full page held
    index.page_size = max(1, int(math.ceil(float(len(index.objects)) / pages))) if pages > 1 else PAGE_SIZE
    return index


# -- offline states ------------------------------------------------------------------------------------------

def rendered_commands(config, update_password='on_create'):
    """The requests a ``merged`` run would send to an account holding none of the monitors (secrets masked)."""
    plans = plan_bulk(config, 'merged', Index(KIND_OF_TYPE.get, []), update_password=update_password)
    for plan in plans:
        if plan.error is not None:
            raise plan.error
    return [plan_command(plan) for plan in plans]


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

def outcome_result(outcome, error=None, skipped=None):
    plan = outcome.plan
    result = dict(type=plan.api_type, name=plan.name, id=outcome.object_id, action=plan.action,
                  changed=plan.changed and error is None and skipped is None, changes=list(plan.changes),
                  monitor=public_object(plan.kind, outcome.object))
    if error is not None:
        result['failed'] = True
        result['msg'] = str(error)
    if skipped is not None:
        result['skipped'] = True
        result['msg'] = skipped
    return result


def bulk_message(state, results, check_mode):
    """One summary sentence counting what happened (not what was planned), then what failed or was skipped."""
    counts = OrderedDict((action, 0) for action in ('create', 'update', 'delete', 'none'))
    failed = [result for result in results if result.get('failed')]
    skipped = [result for result in results if result.get('skipped')]
    for result in results:
        if not result.get('failed') and not result.get('skipped'):
            counts[result['action']] += 1
    words = {'create': 'created', 'update': 'updated', 'delete': 'deleted', 'none': 'unchanged'}
    parts = ', '.join('%d %s' % (count, words[action]) for action, count in counts.items())
    message = '%s %d monitor%s: %s' % (state, len(results), '' if len(results) == 1 else 's', parts)
    if check_mode:
        message += ' (check mode: nothing was sent)'
    if failed:
        message += '; %d failed: %s' % (len(failed), '; '.join(
            '%s: %s' % (result['label'], result['msg']) for result in failed))
    if skipped:
        message += '; %d deletion%s skipped because a create or update failed' % (len(skipped), '' if len(skipped) == 1 else 's')
    return message


def before_after(outcomes):
    """``before`` and ``after`` in ``config`` form: the monitors the task planned, as they were and as they are
    (in check mode, as they would be). A monitor left as it was is one definition in both lists."""
    before, after = [], []
    for outcome in outcomes:
        was = as_definition(outcome.plan.current) if outcome.plan.current else None
        if was:
            before.append(was)
        if outcome.object is outcome.plan.current:
            now = was
        else:
            now = as_definition(outcome.object) if outcome.object else None
        if now:
            after.append(now)
    return before, after


# -- carrying the plans out ----------------------------------------------------------------------------------

def write_all(client, plans, check_mode, workers):
    """Apply ``plans`` on up to ``workers`` threads; return their outcomes in order (a FailedOutcome where a
    write failed)."""
    done = run_ordered(lambda plan: apply_plan(client, plan, check_mode, read_back=False), plans, workers)
    return [FailedOutcome(plan, result.error) if isinstance(result, Failed) else result
            for plan, result in zip(plans, done)]


def read_back(client, outcomes, index, module):
    """Fill in the monitors as the API holds them after the writes, with as few requests as possible: one
    paged listing of the types written, or one GET per written monitor when that is fewer requests. Warns when
    the listing shows a namesake of a monitor this task created (another run created it at the same time)."""
    written = [outcome for outcome in outcomes if outcome.sent and outcome.plan.action in ('create', 'update')]
    if not written:
        return
    types = sorted(set(outcome.plan.api_type for outcome in written))
    held = sum(1 for obj in index.objects if obj.get('type') in types)
    created = sum(1 for outcome in written if outcome.plan.action == 'create')
    pages = max(1, int(math.ceil(float(held + created) / getattr(index, 'page_size', PAGE_SIZE))))
    # at the same cost, the listing wins after a create: it also shows a namesake created at the same time
    if len(written) < pages or len(written) == pages and not created:
        for outcome in written:
            outcome.object = get_object(client, outcome.plan.kind, outcome.object_id, missing_ok=False)
        return
    after = load_index(client, types)
    for outcome in written:
        outcome.object = after.by_id.get(outcome.object_id)
        if outcome.object is None:  # not listed (yet): ask for it
            outcome.object = get_object(client, outcome.plan.kind, outcome.object_id, missing_ok=False)
        elif outcome.plan.action == 'create':
            twins = [obj for obj in after.matches(outcome.plan.kind, outcome.plan.api_type, outcome.object)
                     if str(obj.get('id')) != outcome.object_id]
            for twin in twins:
                module.warn('%s was created, and %s exists too: another run created it at the same time; delete one '
                            '(by id)' % (outcome.plan.label_for(outcome.object_id),
                                         outcome.plan.kind.label(outcome.plan.api_type, twin, twin.get('id'))))


def converge(client, plans, index, module, workers, state='merged'):
    """Creates and updates first; deletions only when every create and update succeeded; then the read-back.
    Returns the outcomes in the order of ``plans``. With ``state=deleted`` every definition is a deletion, so
    one that cannot be planned (namesakes) fails alone and the others are still deleted."""
    outcomes = [FailedOutcome(plan, plan.error) if plan.error is not None else None for plan in plans]
    writes = [position for position, plan in enumerate(plans) if plan.error is None and plan.action != 'delete']
    deletions = [position for position, plan in enumerate(plans) if plan.error is None and plan.action == 'delete']
    for position, outcome in zip(writes, write_all(client, [plans[p] for p in writes], module.check_mode, workers)):
        outcomes[position] = outcome
    failures = [outcome for outcome in outcomes if outcome is not None and getattr(outcome, 'error', None)
                and not (state == 'deleted' and outcome.plan.error is not None)]
    if failures:
        reason = ('not deleted: %d create(s) or update(s) of this task failed, and deletions only run when all '
                  'succeed' % len(failures))
        for position in deletions:
            outcomes[position] = FailedOutcome(plans[position], skipped=reason)
    else:
        for position, outcome in zip(deletions, write_all(client, [plans[p] for p in deletions], module.check_mode, workers)):
            outcomes[position] = outcome
    if not module.check_mode:
        read_back(client, [outcome for outcome in outcomes if not isinstance(outcome, FailedOutcome)], index, module)
    return outcomes


def outcome_results(outcomes):
    results = []
    for outcome in outcomes:
        result = outcome_result(outcome, getattr(outcome, 'error', None), getattr(outcome, 'skipped', None))
        if result.get('failed') or result.get('skipped'):
            result['label'] = outcome.plan.label
        results.append(result)
    return results


# -- the module ----------------------------------------------------------------------------------------------

class BulkModule(AnsibleModule):
    """The ``AnsibleModule`` of ``alertsite_monitors``: the secrets of ``running_config`` are hidden
    (:func:`hide_secrets`) before Ansible logs the invocation on the host that runs the module (syslog or the
    journal), as they are before it returns the result."""

    def _log_invocation(self):
        hide_secrets(self)
        super(BulkModule, self)._log_invocation()


def hide_secrets(module):
    """Ansible masks the values of ``no_log`` options (a definition's ``email_password``) wherever it shows the
    task; ``running_config`` is no secret as a whole, so the secrets of the monitors it holds are added to
    those values: the invocation, messages and warnings show them masked too. So are the secrets inside a
    definition's values (an API step's password), which no ``no_log`` option covers."""
    for definition in module.params.get('config') or []:
        module.no_log_values.update(secret_values(ANY_MONITOR, definition))
    try:
        monitors = parse_running_config(module.params.get('running_config'))
    except InputError:
        return
    for monitor in monitors:
        module.no_log_values.update(secret_values(ANY_MONITOR, monitor))


def invocation(params):
    """The task's arguments as Ansible shows them (``-vvv``), without the options a definition leaves unset:
    every definition carries every option of every monitor kind, so with thousands of definitions the unset
    ones would make up most of the module's memory and output. Ansible masks the secrets (:func:`hide_secrets`)."""
    config = [dict((key, value) for key, value in definition.items() if value is not None)
              for definition in params.get('config') or []]
    return {'module_args': dict(params, config=config)}


def offline_states(params):
    """``rendered`` and ``parsed``: the result, from the task's input alone (no request)."""
    if params['state'] == 'rendered':
        rendered = rendered_commands(params['config'] or [], params['update_password'])
        return dict(changed=False, rendered=rendered, msg='rendered %d monitor%s (no request was made)'
                    % (len(rendered), '' if len(rendered) == 1 else 's'))
    monitors = parse_running_config(params['running_config'])
    parsed = gathered_definitions(monitors, listed_types([], 'parsed', params['types']))
    return dict(changed=False, parsed=parsed,
                msg='parsed %d monitor%s (no request was made)' % (len(parsed), '' if len(parsed) == 1 else 's'))


def online_states(module, params):
    """``gathered``, and the states that converge: the result, from one listing and the writes."""
    config, state = scoped_config(params['scope'], params['config'] or []), params['state']
    wide = state == 'deleted' and params['scope'] and not config  # every type, in the scope
    types = MANAGED_TYPES if wide else listed_types(config, state, params['types'])
    if not types:
        return bulk_result(module, state, [])
    client = client_from_module(module)
    index = load_index(client, types if wide else read_types(config, state, params['types']))
    inside = inside_scope(client, params['scope'])
    if state == 'gathered':
        gathered = gathered_definitions([monitor for monitor in index.objects if inside is None or inside(monitor)],
                                        types)
        return dict(changed=False, gathered=gathered,
                    msg='gathered %d monitor%s' % (len(gathered), '' if len(gathered) == 1 else 's'))
    warnings = []
    plans = plan_bulk(config, state, index, set(types), params['update_password'], warnings, client, inside)
    for warning in warnings:
        module.warn(warning)
    return bulk_result(module, state, converge(client, plans, index, module, params['parallel_writes'], state))


def bulk_result(module, state, outcomes):
    """The result of a state that converges: results, before, after (when something changed), commands, diff,
    and the HTTP status and API errors of the writes that failed."""
    results = outcome_results(outcomes)
    for outcome in outcomes:
        for warning in [] if isinstance(outcome, FailedOutcome) else outcome_warnings(outcome, module.check_mode):
            module.warn(warning)
    before, after = before_after(outcomes)
    result = dict(changed=any(item['changed'] for item in results), before=before,
                  commands=[plan_command(outcome.plan, outcome.object_id) for outcome in outcomes if outcome.sent],
                  msg=bulk_message(state, results, module.check_mode))
    if result['changed']:  # as in Ansible's resource modules: after only when something changed
        result['after'] = after
    if module._diff:
        result['diff'] = [plan_diff(outcome.plan, outcome.object_id) for outcome in outcomes
                          if outcome.plan.changed and not getattr(outcome, 'skipped', None)]
    for item in results:
        item.pop('label', None)
    result['results'] = results
    errors = [outcome.error for outcome in outcomes if getattr(outcome, 'error', None) is not None]
    if errors:
        result['failed'] = True
        statuses = set(getattr(error, 'status', None) for error in errors)
        if len(statuses) == 1 and None not in statuses:
            result['status'] = statuses.pop()
        result['api_errors'] = [message for error in errors for message in getattr(error, 'messages', [])]
    return result


def run_bulk_module():
    """alertsite_monitors: converge many monitors of any managed type in one task."""
    module = new_module(bulk_argument_spec(), BulkModule)
    hide_secrets(module)  # also when Ansible logs no invocation (no_log)
    params = module.params
    problems = bulk_problems(params['config'] or [], params['state'], params['types'], params['running_config'],
                             params['parallel_writes'])
    problems += scope_problems(params['scope'], params['config'] or [], params['state'])
    if params['state'] not in OFFLINE_STATES:
        problems += connection_problems(params)
    refuse(module, problems)
    try:
        # the plans, outcomes and listing are let go when these return, before Ansible copies the result to mask
        # secrets and serialises it: with thousands of monitors they would otherwise add to the peak memory
        result = offline_states(params) if params['state'] in OFFLINE_STATES else online_states(module, params)
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    result['invocation'] = invocation(params)
    if result.pop('failed', False):
        module.fail_json(**result)
    module.exit_json(**result)
