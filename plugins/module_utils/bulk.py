# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The resource modules: many objects of one family in one task (``alertsite_monitors``, ``alertsite_recipients``,
``alertsite_recipient_groups``; the role ``monitors``), each family declared by a :class:`.resource.Family`
(:data:`.monitor_kinds.MONITORS`, :data:`.routing_kinds.RECIPIENTS`, ...) and run by :func:`run_bulk_module`:
one login, one paged listing of the family (plus one per kind its definitions name objects of, for the names:
:func:`.gathered.preload_references`), then the engine's plan for each definition, carried out in a safe order:

1. creates and updates, on up to ``parallel_writes`` threads (:mod:`.pool`), without a read-back per write;
2. deletions (``overridden``, ``deleted``), only when every create and update succeeded;
3. one read-back of what was written: a paged listing of the types written, or a GET per written object when
   that sends fewer requests. It also shows a namesake that another run created at the same time.

Each definition is looked up by :func:`.lookup.find_current` in that listing (which also holds the other types
of its kind) and planned by :func:`.engine.plan_object`, as the single-object modules do: the same refusals
and warnings, the same comparison. A definition that cannot be planned (two objects answer to its name, a
rename onto a name in use, a type the API cannot change) is a plan holding its error; it fails alone, and the
others converge.

The states follow Ansible's resource modules: ``merged``, ``replaced``, ``overridden``, ``deleted`` and
``gathered`` talk to the API (:func:`online_states`); ``rendered`` (the requests a ``merged`` run would send) and
``parsed`` (an API listing turned into ``config`` form, :mod:`.gathered`) make no request
(:func:`offline_states`); :func:`.bulk_result.bulk_result` makes the result of the states that converge.

The functions take the family as their last argument; it defaults to the monitors.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import math
from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.bulk_result import bulk_result
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
    plan_object,
    resolve_values,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.gathered import (
    gathered_definitions,
    parse_running_config,
    preload_references,
)
from ansible_collections.community.alertsite.plugins.module_utils.lookup import Listed, find_current
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITORS
from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse
from ansible_collections.community.alertsite.plugins.module_utils.scope import (
    inside_scope,
    outside_scope,
    scope_problems,
    scoped_config,
)
from ansible_collections.community.alertsite.plugins.module_utils.script_export import (
    gathered_dest_problems,
    gathered_script_files,
    scripts_dest_option,
)
from ansible_collections.community.alertsite.plugins.module_utils.secrets import secret_values

__all__ = ['run_bulk_module', 'bulk_argument_spec', 'bulk_problems', 'plan_bulk', 'not_in_config', 'gathered_definitions',
           'parse_running_config', 'rendered_commands', 'listed_types', 'definition_spec', 'MANAGED_TYPES']

ONLINE_STATES = ('merged', 'replaced', 'overridden', 'deleted', 'gathered')
OFFLINE_STATES = ('rendered', 'parsed')
# the monitor types alertsite_monitors manages (MONITORS.managed_types)
MANAGED_TYPES = MONITORS.managed_types


def definition_spec(family=MONITORS):
    """The options of one definition: ``type`` (for a typed family), ``id``, and every kind's fields (one spec per
    name)."""
    # type is checked in definition_problems, so that an unknown one names its definition
    spec = OrderedDict(type=dict(type='str', required=True)) if family.typed else OrderedDict()
    spec['id'] = dict(type='str')
    for kind in family.distinct_kinds:
        for field in kind.fields:
            spec.setdefault(field.name, field.argument_spec())
    if family.typed:  # a monitor is named in every definition; an object of another family may be chosen by id alone
        spec['name'] = dict(spec['name'], required=True)
    return spec


def bulk_argument_spec(family=MONITORS):
    spec = connection_argument_spec()
    # a family whose items are no single objects (blackouts) has its own item options and task options (steps)
    options = family.steps.item_options() if family.steps is not None else definition_spec(family)
    config = dict(type='list', elements='dict', options=options)
    if family.config_aliases:
        config['aliases'] = list(family.config_aliases)
    spec.update(
        config=config,
        state=dict(type='str', default='merged', choices=list(ONLINE_STATES + OFFLINE_STATES)),
        running_config=dict(type='raw'),
        parallel_writes=dict(type='int', default=4),
        return_unchanged=dict(type='bool', default=False),  # doc fragment bulk_results
    )
    if family.typed:
        spec['types'] = dict(type='list', elements='str', choices=family.managed_types)
    if family.write_only:
        spec['update_password'] = dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False)
    if family.scoped:
        spec['scope'] = dict(type='dict', options=dict(custom_properties=dict(type='dict', required=True)))
    spec.update(family.steps.task_options() if family.steps is not None else {})
    spec.update(scripts_dest_option(family))  # DéjàClick scripts of gathered output to files
    return spec


# -- definitions --------------------------------------------------------------------------------------------

def definition_label(position, definition, family=MONITORS):
    """``config[0] (tcp 'web')``, ``config[1] (recipient 'oncall')``, ``config[2] (recipient id 12)``."""
    if family.typed:
        return 'config[%d] (%s %r)' % (position, definition['type'], definition['name'])
    if definition.get('name') is None:
        return 'config[%d] (%s id %s)' % (position, family.noun, definition.get('id'))
    return 'config[%d] (%s %r)' % (position, family.noun, definition['name'])


def definition_problems(position, definition, family=MONITORS):
    """Problems of one definition, each prefixed with where it stands in ``config``."""
    where = definition_label(position, definition, family)
    api_type = family.type_of(definition)
    kind = family.kind_of(api_type)
    if kind is None:
        return ['%s: type must be one of %s' % (where, ', '.join(family.managed_types))]
    aliases = set(alias for field in kind.fields for alias in field.argument_spec().get('aliases', []))
    foreign = [key for key, value in definition.items()
               if value is not None and key not in ('type', 'id') and key not in kind.by_name and key not in aliases]
    problems = ['%s is not an option of %s %s' % (key, api_type, family.plural) for key in foreign]
    problems.extend(id_problems(definition.get('id'), family.noun))
    if not clean_id(definition.get('id')) and definition.get(kind.identity[0]) is None:
        problems.append('%s is required, or id to select an existing %s' % (kind.identity[0], family.noun))
    wanted = wanted_values(kind, definition)
    problems.extend(input_problems(kind, wanted))
    chosen = kind.api_type(wanted)  # a kind whose values pick the type (website: the url's scheme)
    if family.typed and chosen is not None and chosen != api_type:
        problems.append('its options make a %s monitor, not %s (the API cannot change the type of a monitor): '
                        'set type to %s' % (chosen, api_type, chosen))
    return ['%s: %s' % (where, problem) for problem in problems]


def duplicate_problems(position, definition, seen, family=MONITORS):
    """A definition of an object that an earlier one defines (the same id, or the same type and name); ``seen``
    maps the keys of the definitions before it to their positions."""
    problems = []
    keys = [(family.type_of(definition), definition.get('name'))]
    if clean_id(definition.get('id')):
        keys = [('id', clean_id(definition['id']))]
    elif definition.get('name') is None:
        keys = []
    for key in keys:
        if key in seen:
            what = ('%s id %s' % (family.noun, key[1]) if key[0] == 'id' else
                    '%s %s %r' % (key[0], family.noun, key[1]) if family.typed else '%s %r' % (family.noun, key[1]))
            problems.append('config[%d] and config[%d] both define %s' % (seen[key], position, what))
        seen.setdefault(key, position)
    return problems


def bulk_problems(config, state, types, running_config=None, parallel_writes=4, family=MONITORS):
    """Everything wrong with the task's input, found before any request."""
    problems, seen = [], {}
    for position, definition in enumerate(config if family.steps is None else []):  # steps: input_problems_of
        problems.extend(duplicate_problems(position, definition, seen, family))
        problems.extend(definition_problems(position, definition, family))
    if parallel_writes is not None and parallel_writes < 1:
        problems.append('parallel_writes must be at least 1, got %s' % parallel_writes)
    if state == 'overridden' and not config and not types:
        problems.append('state=overridden with an empty config deletes every %s' % family.noun + (
            ' of the types in types: set types to say which' if family.typed else
            ': list the %s to keep in config (state=deleted deletes the ones listed)' % family.plural))
    if family.steps is not None and state in ('merged', 'replaced', 'deleted', 'rendered') and types:
        problems.append('types only applies to state=overridden, state=gathered and state=parsed')
    elif state in ('deleted', 'rendered') and types:
        problems.append('types only applies to state=merged, state=replaced, state=overridden, state=gathered and '
                        'state=parsed')
    if state == 'parsed' and running_config is None:
        problems.append('state=parsed needs running_config (a GET %s reply, or its results)' % family.listing_kind.list_path)
    if state != 'parsed' and running_config is not None:
        problems.append('running_config only applies to state=parsed')
    if state == 'parsed' and config:
        problems.append('config does not apply to state=parsed')
    return problems


def listed_types(config, state, types, family=MONITORS):
    """The API types the task is about: those of its definitions, plus ``types`` (gathered and parsed default
    to all); ``[None]`` for a family without types. ``overridden`` deletes the objects of these types that no
    definition is about."""
    if not family.typed:  # the one listing of the family, unless the task is about no object
        return [None] if config or state in ('overridden', 'gathered', 'parsed') else []
    listed = set(definition['type'] for definition in config)
    listed.update(types or [])
    if not listed and state in ('gathered', 'parsed'):
        listed.update(family.managed_types)
    return sorted(listed)


# -- planning ------------------------------------------------------------------------------------------------

def read_types(config, state, types, family=MONITORS):
    """The API types the task lists: :func:`listed_types`, plus every other type of each definition's kind, so
    that a definition is planned exactly as its single-object module plans it (a namesake under another type is
    refused or warned about)."""
    read = set(listed_types(config, state, types, family))
    for definition in config:
        read.update(family.kind_of(family.type_of(definition)).types)
    return sorted(read, key=lambda api_type: api_type or '')


def offline_values(kind, wanted):
    """``wanted`` with the references that give ids normalised, without a request (``rendered``); a reference by
    name cannot be resolved without the API."""
    for field in reference_fields_of(kind):
        value = wanted.get(field.name)
        if not isinstance(value, list):
            continue
        if any(isinstance(item, dict) and item.get('id') in (None, '') for item in value):
            raise InputError('state=rendered makes no request, so %s cannot name its %s by name: give their ids'
                             % (kind.label(None, wanted), field.name))
        wanted[field.name] = field.resolve(None, value)
    return wanted


def reference_fields_of(kind):
    return [field for field in kind.fields if getattr(field, 'target', None) is not None]


def plan_definition(definition, state, existing, update_password='on_create', warnings=None, family=MONITORS):
    """The plan of one definition, through the lookup step of the single-object modules (:mod:`.lookup`) and the
    engine. A definition that cannot be planned gives a plan that does nothing and holds the error; the lookup's
    warnings go to ``warnings``."""
    api_type = family.type_of(definition)
    kind = family.kind_of(api_type)
    wanted = wanted_values(kind, definition)
    present = 'absent' if state == 'deleted' else 'present'
    try:
        if existing.client is not None:  # names of other objects to ids, one listing per kind a task
            wanted = resolve_values(existing.client, kind, wanted)
        else:
            wanted = offline_values(kind, wanted)
        current, api_type, found = find_current(existing, kind, api_type, wanted, clean_id(definition.get('id')), present)
        if state in ('replaced', 'overridden') and current is not None:
            # Clear what the object holds and the definition leaves out, where "clear" has a known value.
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
              inside=None, family=MONITORS):
    """One plan per definition (in order), then, for ``overridden`` (and ``deleted`` without config, in a
    scope), deletions of the objects of ``prune_types`` (the types the task is about; None for a family without
    types) that no definition is about. An id that ``index`` does not hold is read with ``client``, when given.
    With ``inside`` (a function(object) -> whether it lies in the task's scope), only objects inside are deleted,
    and a definition whose object lies outside is not planned."""
    existing = Listed(index, client)
    plans = [plan_definition(definition, state, existing, update_password, warnings, family) for definition in config]
    if inside is not None:
        plans = [outside_scope(plan) if plan.current and plan.error is None and not inside(plan.current) else plan
                 for plan in plans]
    if state == 'overridden' or state == 'deleted' and inside is not None and not config:
        for obj in not_in_config(plans, index, prune_types, inside, family):
            kind = family.kind_of(family.type_of(obj))
            plans.append(Plan(kind, family.type_of(obj), 'delete', current=obj, before=current_values(kind, obj)))
    return plans


def not_in_config(plans, index, prune_types=(), inside=None, family=MONITORS):
    """The objects of ``index`` of ``prune_types`` (None for a family without types) that none of ``plans`` (the
    plans of the definitions) stands for, in the order of the listing: those that ``overridden`` deletes. A
    definition stands for the object it found (its id); one that could not be planned (namesakes) for every object
    of its type and name, so that none of them is taken for unwanted. With ``inside`` (the task's scope), only the
    objects inside it."""
    kept = set(plan.object_id for plan in plans if plan.object_id)
    named = set((plan.api_type, plan.name) for plan in plans if plan.error is not None)
    return [obj for obj in index.objects
            if family.type_of(obj) in prune_types and str(obj.get('id')) not in kept
            and (family.type_of(obj), obj.get('name')) not in named and (inside is None or inside(obj))]


def listing_kind(api_types, family=MONITORS):
    """The family's listing kind, with the read parameters of the kinds of ``api_types`` (DéjàClick: the
    scripts)."""
    params = {}
    for api_type in api_types:
        kind = family.kind_of(api_type)
        params.update(kind.read_params if kind is not None else {})
    if not params or not family.typed:
        return family.listing_kind
    kind = copy.copy(family.listing_kind)
    kind.read_params = dict(family.listing_kind.read_params, **params)
    return kind


def load_index(client, api_types, family=MONITORS):
    """One paged listing of every object of ``api_types`` (of the family, for a family without types), found by
    type and name, and by id. The index remembers how many objects a page brought (``page_size``), to estimate
    the cost of a later listing."""
    calls = client.calls
    listed = api_types if family.typed else None
    index = Index.load(client, listing_kind(api_types, family), listed, kind_of=family.kind_of)
    pages = max(1, client.calls - calls)
    # one page: the API may give up to the limit asked for; several: what a full page held
    index.page_size = max(1, int(math.ceil(float(len(index.objects)) / pages))) if pages > 1 else PAGE_SIZE
    return index


# -- offline states ------------------------------------------------------------------------------------------

def rendered_commands(config, update_password='on_create', family=MONITORS):
    """The requests a ``merged`` run would send to an account holding none of the objects (secrets masked)."""
    plans = plan_bulk(config, 'merged', Index(family.kind_of, []), update_password=update_password, family=family)
    for plan in plans:
        if plan.error is not None:
            raise plan.error
    return [plan_command(plan) for plan in plans]


# -- carrying the plans out ----------------------------------------------------------------------------------

def write_all(client, plans, check_mode, workers):
    """Apply ``plans`` on up to ``workers`` threads; return their outcomes in order (a FailedOutcome where a
    write failed)."""
    done = run_ordered(lambda plan: apply_plan(client, plan, check_mode, read_back=False), plans, workers)
    return [FailedOutcome(plan, result.error) if isinstance(result, Failed) else result
            for plan, result in zip(plans, done)]


def read_back(client, outcomes, index, module, family=MONITORS):
    """Fill in the objects as the API holds them after the writes, with as few requests as possible: one paged
    listing of the types written, or one GET per written object when that is fewer requests. Warns when the
    listing shows a namesake of an object this task created (another run created it at the same time)."""
    written = [outcome for outcome in outcomes if outcome.sent and outcome.plan.action in ('create', 'update')]
    if not written:
        return
    types = sorted(set(outcome.plan.api_type for outcome in written), key=lambda api_type: api_type or '')
    held = sum(1 for obj in index.objects if family.type_of(obj) in types)
    created = sum(1 for outcome in written if outcome.plan.action == 'create')
    pages = max(1, int(math.ceil(float(held + created) / getattr(index, 'page_size', PAGE_SIZE))))
    # at the same cost, the listing wins after a create: it also shows a namesake created at the same time
    if len(written) < pages or len(written) == pages and not created:
        for outcome in written:
            outcome.object = get_object(client, outcome.plan.kind, outcome.object_id, missing_ok=False)
        return
    after = load_index(client, types, family)
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


def converge(client, plans, index, module, workers, state='merged', family=MONITORS):
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
        read_back(client, [outcome for outcome in outcomes if not isinstance(outcome, FailedOutcome)], index, module,
                  family)
    return outcomes


# -- the module ----------------------------------------------------------------------------------------------

def hidden_secrets(params, family=MONITORS):
    """The secrets the task's options hold beyond the ``no_log`` options, for Ansible to mask wherever it shows
    the task (the invocation it logs on the host included): those of the objects of ``running_config`` (no secret
    as a whole) and those inside a definition's values (an API step's password)."""
    found = set()
    for definition in params.get('config') or []:
        found.update(secret_values(family.listing_kind, definition))
    try:
        objects = parse_running_config(params.get('running_config'), family)
    except InputError:
        return found
    for obj in objects:
        found.update(secret_values(family.listing_kind, obj))
    return found


def invocation(params):
    """The task's arguments as Ansible shows them (``-vvv``), without the options a definition leaves unset:
    every definition carries every option of every kind of its family, so with thousands of definitions the
    unset ones would make up most of the module's memory and output. Ansible masks the secrets."""
    config = [dict((key, value) for key, value in definition.items() if value is not None)
              for definition in params.get('config') or []]
    return {'module_args': dict(params, config=config)}


def offline_states(params, family=MONITORS):
    """``rendered`` and ``parsed``: the result, from the task's input alone (no request)."""
    steps = family.steps
    if params['state'] == 'rendered':
        rendered = steps.rendered(params) if steps is not None else rendered_commands(
            params['config'] or [], params.get('update_password', 'on_create'), family)
        return dict(changed=False, rendered=rendered, msg='rendered %s (no request was made)' % family.count(len(rendered)))
    objects = parse_running_config(params['running_config'], family)
    types = listed_types([], 'parsed', params.get('types'), family)
    parsed = steps.parsed(objects, params, types) if steps is not None else gathered_definitions(objects, types, family)
    return dict(changed=False, parsed=parsed, msg='parsed %s (no request was made)' % family.count(len(parsed)))


def online_states(module, params, family=MONITORS):
    """``gathered``, and the states that converge: the result, from one listing (plus one per kind referred to
    by name) and the writes."""
    scope, state = params.get('scope'), params['state']
    config = scoped_config(scope, params['config'] or [])
    wide = state == 'deleted' and scope and not config  # every type, in the scope
    types = family.managed_types if wide else listed_types(config, state, params.get('types'), family)
    outside = state in ('merged', 'replaced') and family.steps is None  # the result names what config leaves out
    if not types:  # no object to list: none lies outside config either
        return bulk_result(module, state, [], family, None, [] if outside else None)
    client = client_from_module(module)
    if state == 'gathered' and family.typed and not params.get('types') and not scope:
        read = gathered_listing(family)[1]
    else:
        read = types if wide else read_types(config, state, params.get('types'), family)
    index = load_index(client, read, family)
    inside = inside_scope(client, scope)
    references = preload_references(client, family, None if state == 'gathered' else config)
    if state == 'gathered':
        return gathered_result(client, [obj for obj in index.objects if inside is None or inside(obj)], params, types,
                               family, references)
    warnings, left = [], None
    if family.steps is not None:
        plans = family.steps.plan(client, params, index, set(types), warnings)
    else:
        plans = plan_bulk(config, state, index, set(types), params.get('update_password', 'on_create'), warnings,
                          client, inside, family)
        if outside:  # what overridden would delete, for the caller to decide on
            left = not_in_config(plans, index, set(types), inside, family)
    for warning in warnings:
        module.warn(warning)
    outcomes = converge(client, plans, index, module, params['parallel_writes'], state, family)
    return bulk_result(module, state, outcomes, family, references, left)


def gathered_listing(family=MONITORS):
    """``(types, read)`` of a ``gathered`` task that names no types and no scope: the types it gathers (the managed
    ones) and those it lists - every type of the family's listing, so that ``not_gathered`` names the objects of types
    not managed here."""
    types = listed_types([], 'gathered', None, family)
    return types, (family.listing_kind.types if family.typed else types)


def gathered_result(client, chosen, params, types, family=MONITORS, references=None):
    """``gathered``: the objects of ``chosen`` (the listing, in the scope) as ``config``, and in ``not_gathered``
    what the listing holds that ``config`` cannot express: monitors of types this module does not manage (type,
    name, id; listed when the task gives no ``types`` nor ``scope``), blackouts that ended (history). With it, the listing of a
    task is all a caller needs to know of the account (the playbook export lists each kind once)."""
    if family.steps is not None:
        gathered = family.steps.gathered(client, chosen, params, types)
        left = family.steps.not_gathered(chosen, params, types)
    else:
        gathered = gathered_definitions(chosen, types if family.typed else None, family, references)
        left = [dict(type=family.type_of(obj), name=obj.get('name'), id=obj.get('id')) for obj in chosen
                if family.typed and family.type_of(obj) not in types]
    gathered = gathered_script_files(gathered, params.get('scripts_dest'))
    return dict(changed=False, gathered=gathered, not_gathered=left, msg='gathered %s' % family.count(len(gathered)))


def input_problems_of(params, family=MONITORS):
    """Everything wrong with the task's options, before any request."""
    problems = bulk_problems(params['config'] or [], params['state'], params.get('types'), params['running_config'],
                             params['parallel_writes'], family)
    if family.scoped:
        problems += scope_problems(params['scope'], params['config'] or [], params['state'])
    if family.steps is not None:
        problems += family.steps.problems(params)
    problems += gathered_dest_problems(params['state'], params.get('scripts_dest'))
    if params['state'] not in OFFLINE_STATES:
        problems += connection_problems(params)
    return problems


def run_bulk_module(family=MONITORS):
    """A resource module of ``family`` (a :class:`.resource.Family`): converge, gather, render or parse many of its
    objects in one task."""
    module = new_module(bulk_argument_spec(family), hidden=lambda params: hidden_secrets(params, family))
    params = module.params
    refuse(module, input_problems_of(params, family))
    try:
        # the plans, outcomes and listing are let go when these return, before Ansible copies the result to mask
        # secrets and serialises it: with thousands of objects they would otherwise add to the peak memory
        if params['state'] in OFFLINE_STATES:
            result = offline_states(params, family)
        else:
            result = online_states(module, params, family)
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    result['invocation'] = invocation(params)
    if result.pop('failed', False):
        module.fail_json(**result)
    module.exit_json(**result)
