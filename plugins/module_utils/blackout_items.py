# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Many blackouts in one task (``alertsite_blackouts``): the ``config`` items, the windows they stand for, their
plans against one listing, and existing windows in ``config`` form (``gathered``, ``parsed``, ``before``).

- A config item takes the options of ``alertsite_blackout`` less ``state`` and ``parallel_writes`` (the task's;
  its ``timezone`` defaults to the task's), and is checked as that module checks its task (:class:`ItemRequest`). It stands for one window
  per target, found as the single module finds it (:func:`.blackouts.matching_windows`): a weekly window by its
  target, type and schedule; a one-time window by its note, else by its dates.
- In one task each window answers to one item: the items claim windows in order, an exact match first, so that
  ``gathered`` output holding two windows alike is fed back as it is.
- Windows that ended are history: they are neither gathered, matched nor deleted. A one-time item wholly in
  the past does nothing, with a warning (an exported file grows old; the single module refuses it).
- A one-time window cannot be modified: a change is a create of the new window, then a delete of the old one
  (the runner's safe order: the delete only runs when every create succeeded), refused while the window is in
  force.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import re

from ansible_collections.community.alertsite.plugins.module_utils import blackouts
from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import (
    BLACKOUT,
    BLACKOUTS,
    ITEM_OPTIONS,
    SCHEDULE_OPTIONS,
    canonical,
    describe,
    item_options,
)
from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    format_api_date,
    get_zone,
    is_recurring,
    local_now,
    parse_api_date,
    past_problem,
    window_state,
)
from ansible_collections.community.alertsite.plugins.module_utils.blackouts import (
    Request,
    creation,
    matching_windows,
    refuse_in_force,
)
from ansible_collections.community.alertsite.plugins.module_utils.bulk import run_bulk_module
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    Plan,
    current_values,
    plan_command,
    plan_object,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.gathered import reference_to
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR
from ansible_collections.community.alertsite.plugins.module_utils.references import listed_beforehand
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, namesakes_message
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT

UNSET = (None, '')
TARGET_KINDS = {'monitors': (ANY_MONITOR, True), 'recipients': (RECIPIENT, False)}


# -- the items, checked before any request -----------------------------------------------------------------------

class ItemRequest(Request):
    """The :class:`.blackouts.Request` of one config item. A one-time window wholly in the past is no error here:
    :attr:`past` says why the item does nothing.

    :ivar position: where the item stands in ``config``.
    """

    past = None
    position = None

    def check_future(self):
        if self.state == 'present' and self.zone is not None and self.schedule:
            self.past = past_problem(self.schedule, self.local_now, self.params['timezone'])

    @property
    def where(self):
        """How messages name the item: ``config[2] (Alert blackout 'deploy 1234')``."""
        note = " '%s'" % self.note if self.note not in UNSET else ''
        return 'config[%d] (%s blackout%s)' % (self.position, self.api_type, note)


def item_params(item, state, timezone):
    """The parameters of the single module's task that one item stands for (the task's ``timezone`` unless the
    item gives its own)."""
    params = dict((name, item.get(name)) for name in ITEM_OPTIONS)
    params.update(state='absent' if state == 'deleted' else 'present', timezone=item.get('timezone') or timezone,
                  parallel_writes=None)
    return params


def config_requests(config, state, timezone, now):
    """``(requests, problems)``: an :class:`ItemRequest` per item (judged at ``now``, aware), and what is wrong with
    them, each problem prefixed with the item's place in ``config``. The time zone is judged once."""
    try:
        get_zone(timezone)
    except InputError as exc:
        return [], [str(exc)]
    requests, problems = [], []
    for position, item in enumerate(config):
        request = ItemRequest(item_params(item, state, timezone), now)
        request.position = position
        problems.extend('%s: %s' % (request.where, problem) for problem in request.problems)
        requests.append(request)
    return requests, problems


# -- the targets: one listing per kind named ---------------------------------------------------------------------

def load_references(client, requests):
    """The listings that resolve the targets given by name: ``{'monitors': Index, 'recipients': Index}``, one
    listing per kind that some item names (of the monitor types named), none when every target is an id."""
    indexes = {}
    for option, (kind, typed) in TARGET_KINDS.items():
        named = [ref for request in requests if request.target_option == option
                 for ref in request.params[option] or [] if ref.get('id') in UNSET]
        if named:
            types = sorted(set(ref['type'] for ref in named)) if typed else None
            indexes[option] = Index.load(client, kind, types, kind_of=lambda api_type, kind=kind: kind)
    return indexes


def target_ids(request, indexes):
    """The ids of one item's targets, in the order given, each once. A name that no object or several objects
    answer to raises :class:`InputError`."""
    option = request.target_option
    kind, typed = TARGET_KINDS[option]
    ids, problems = [], []
    for position, ref in enumerate(request.params[option]):
        if ref.get('id') not in UNSET:
            found = [{'id': ref['id']}]
        else:
            api_type = ref.get('type') if typed else None
            found = indexes[option].matches(kind, api_type, {kind.identity[0]: ref['name']})
            if not found:
                problems.append('%s[%d]: no %s exists' % (option, position, kind.label(api_type, {'name': ref['name']})))
            elif len(found) > 1:
                problems.append('%s[%d]: %s' % (option, position, namesakes_message(
                    kind.label(api_type, {}), ref['name'], found, 'give the id instead')))
        if len(found) == 1 and as_int(found[0]['id']) not in ids:
            ids.append(as_int(found[0]['id']))
    if problems:
        raise InputError('; '.join(problems))
    return ids


# -- planning ----------------------------------------------------------------------------------------------------

def item_values(request):
    """The values that name an item's windows in messages before its targets are known."""
    values = dict(request.schedule, type=request.api_type)
    if request.mode in ('weekly', 'dated', 'now'):
        values['persistent'] = request.mode == 'weekly'
    if request.note not in UNSET:
        values['note'] = request.note
    return values


def failed_plan(request, exc, values=None):
    """The plan of an item (or of one of its windows) that cannot be planned: it does nothing and holds the error,
    its message prefixed with the item's place in ``config`` (the plan's label names the window)."""
    return Plan(BLACKOUT, request.api_type, 'none', values or item_values(request),
                error=InputError('config[%d]: %s' % (request.position, exc)))


def plan_config(requests, indexes, listing, state, now, prune_types=(), warnings=None, prune_notes=None):
    """The plans of every item's windows (in order), then, for ``overridden``, the deletions of the live windows of
    ``prune_types`` that no item claimed (with ``prune_notes``, only those whose note one of these regular
    expressions matches at its start). ``listing`` holds every blackout, as the kind reads it; ``now`` is the
    moment of the task (naive, in the API's time zone), when windows that ended are told apart."""
    live = [obj for obj in listing if window_state(obj, now) != 'ended']
    claimed, plans = set(), []
    for request in requests:
        try:
            ids = target_ids(request, indexes)
        except InputError as exc:
            plans.append(failed_plan(request, exc))
            continue
        for assoc_id in ids:
            plans.extend(plan_window(request, assoc_id, live, claimed, state, warnings))
    if state == 'overridden':
        plans.extend(Plan(BLACKOUT, obj.get('type'), 'delete', current=obj, before=current_values(BLACKOUT, obj))
                     for obj in live if obj.get('type') in prune_types and str(obj.get('id')) not in claimed
                     and note_pruned(obj, prune_notes))
    return plans


def note_pruned(obj, prune_notes=None):
    """Whether ``overridden`` may delete an unclaimed window: always without ``prune_notes``, else when one of
    these patterns matches its note at its start (a window without a note has an empty one)."""
    return prune_notes is None or any(re.match(pattern, obj.get('note') or '') for pattern in prune_notes)


def prune_notes_problems(params):
    """``prune_notes``: regular expressions, with ``state=overridden`` only."""
    patterns = params.get('prune_notes')
    if patterns is None:
        return []
    problems = [] if params['state'] == 'overridden' else ['prune_notes is only for state=overridden']
    for position, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            problems.append('prune_notes[%d]: %r is no regular expression: %s' % (position, pattern, exc))
    return problems


def plan_window(request, assoc_id, live, claimed, state, warnings=None):
    """The plans of the window of one item on one target; the windows it matches are claimed (``claimed``: ids)."""
    wanted = request.values_for(assoc_id)
    if request.past:
        return nothing_to_do(request, wanted, 'lies in the past', 'a window that ended is history', warnings)
    found = [obj for obj in matching_windows(request, assoc_id, wanted, live) if str(obj.get('id')) not in claimed]
    if not found and state != 'deleted' and request.mode == 'dated' and \
            parse_api_date(wanted['from_date']) <= request.local_now:
        return nothing_to_do(request, wanted, 'has begun and does not exist (it was ended early, or deleted)',
                             'AlertSite only takes windows that start in the future, so it is not created again',
                             warnings)
    if state == 'deleted':
        claimed.update(str(obj.get('id')) for obj in found)
        return [plan_object(BLACKOUT, request.api_type, wanted, obj, 'absent') for obj in found] or [
            plan_object(BLACKOUT, request.api_type, wanted, None, 'absent')]
    if state in ('replaced', 'overridden') and request.mode == 'weekly' and 'note' not in wanted:
        wanted['note'] = None  # replaced clears the note of a weekly window that the item leaves out
    found = exact_matches_first(request, wanted, found)
    if found:
        claimed.add(str(found[0].get('id')))
    try:
        return window_plans(request, assoc_id, wanted, found[0] if found else None)
    except InputError as exc:
        return [failed_plan(request, exc, wanted)]


def nothing_to_do(request, wanted, what, why, warnings=None):
    """The plan of a window that the task leaves as it is, with a warning saying ``what`` and ``why``."""
    if warnings is not None:
        warnings.append('%s: %s %s (it is %s in %s): %s; nothing to do' % (
            request.where, describe(request.api_type, wanted), what, format_api_date(request.local_now),
            request.params['timezone'], why))
    return [Plan(BLACKOUT, request.api_type, 'none', wanted)]


def exact_matches_first(request, wanted, found):
    """The matching windows, those that need no change first."""
    exact = [obj for obj in found if plan_object(BLACKOUT, request.api_type, wanted, obj).action == 'none']
    return exact + [obj for obj in found if obj not in exact]


def window_plans(request, assoc_id, wanted, current):
    """Create, keep, update (a weekly window's note) or replace (a one-time window: create, then delete)."""
    now = request.local_now
    if current is None:
        return [creation(request, assoc_id, wanted, now)]
    if request.mode == 'now':  # a named window from now that has not ended is the pipeline's window
        return [plan_object(BLACKOUT, request.api_type, {}, current)]
    plan = plan_object(BLACKOUT, request.api_type, wanted, current)
    if plan.action != 'update' or request.mode == 'weekly':
        return [plan]
    create = creation(request, assoc_id, wanted, now)
    refuse_in_force(request, current, create, now)
    return [create, plan_object(BLACKOUT, request.api_type, wanted, current, 'absent')]


# -- existing windows as config items ----------------------------------------------------------------------------

def live_windows(listing, zone, now_utc=None):
    """The windows of a listing that have not ended (judged in ``zone`` at ``now_utc``, by default the clock)."""
    now = local_now(zone, now_utc or blackouts.utc_now())
    return [canonical(obj) for obj in listing if isinstance(obj, dict) and window_state(obj, now) != 'ended']


def ended_windows(listing, zone, now_utc=None):
    """The windows of a listing that ended (history the API keeps): id, type, target, dates and note."""
    now = local_now(zone, now_utc or blackouts.utc_now())
    keys = ('id', 'type', 'assoc_id', 'from_date', 'thru_date', 'note')
    return [dict((key, canonical(obj).get(key)) for key in keys) for obj in listing
            if isinstance(obj, dict) and window_state(obj, now) == 'ended']


def window_item(obj):
    """One window as a config item, without its targets: its type, its schedule and its note (left out when
    unset)."""
    values = current_values(BLACKOUT, canonical(obj))
    item = dict(type=values.get('type'))
    for key in SCHEDULE_OPTIONS if is_recurring(obj) else ('from_date', 'thru_date'):
        if values.get(key) not in UNSET:
            item[key] = values[key]
    if values.get('note') not in UNSET:
        item['note'] = values['note']
    return item


def target_option(api_type):
    return 'recipients' if api_type == 'Notifier' else 'monitors'


def as_item(obj):
    """One window as a config item with its target by id (``before`` and ``after``)."""
    item = window_item(obj)
    item[target_option(item['type'])] = [{'id': as_int(obj.get('assoc_id'))}]
    return item


def gathered_items(windows, reference=None):
    """Windows as config items, ready to be fed back: windows alike (type, schedule, note) on several targets are
    one item with those targets, each given by ``reference(api_type, assoc_id)`` (default: by id). Two windows
    alike on one target are two items."""
    groups = []  # [key, item, assoc ids]
    for obj in windows:
        item = window_item(obj)
        key = sorted(item.items())
        assoc_id = as_int(obj.get('assoc_id'))
        group = next((group for group in groups if group[0] == key and assoc_id not in group[2]), None)
        if group is None:  # the type, the targets, then the schedule and the note
            group = [key, dict([('type', item['type']), (target_option(item['type']), [])] + sorted(
                item.items(), key=lambda pair: ITEM_OPTIONS.index(pair[0]))[1:]), []]
            groups.append(group)
        group[2].append(assoc_id)
        group[1][target_option(item['type'])].append(
            reference(item['type'], assoc_id) if reference is not None else {'id': assoc_id})
    return [item for key, item, ids in groups]


def gathered_with_names(client, windows):
    """``gathered``: the windows as config items, their targets by name where that is unambiguous
    (:func:`.gathered.reference_to`), with one listing of the monitors (when some window silences monitors) and one
    of the recipients (when some silences one), unless the client holds them already."""
    types = set(obj.get('type') for obj in windows)
    monitors = every_object(client, ANY_MONITOR) if types & set(('Monitor', 'Alert')) else None
    recipients = every_object(client, RECIPIENT) if 'Notifier' in types else None

    def reference(api_type, assoc_id):
        if target_option(api_type) == 'recipients':
            return reference_to(RECIPIENT, False, assoc_id, recipients)
        return reference_to(ANY_MONITOR, True, assoc_id, monitors)
    return gathered_items(windows, reference)


def every_object(client, kind):
    """Every object of ``kind``, as an index: the listing the client already holds (:func:`.gathered.share_listing`),
    else one."""
    return listed_beforehand(client, kind, None) or Index.load(client, kind, kind_of=lambda api_type: kind)


# -- offline states ----------------------------------------------------------------------------------------------

def rendered_commands(requests):
    """The requests a ``merged`` run would send to an account holding none of the windows: one ``POST`` per item
    and target (none for an item wholly in the past). Targets must be given by id: no request resolves a name."""
    commands = []
    for request in requests:
        refs = request.params[request.target_option]
        named = [position for position, ref in enumerate(refs) if ref.get('id') in UNSET]
        if named:
            raise InputError('%s: state=rendered makes no request, so %s cannot be named: give their ids (%s)'
                             % (request.where, request.target_option,
                                ', '.join('%s[%d]' % (request.target_option, position) for position in named)))
        ids = []
        for ref in refs:
            if as_int(ref['id']) not in ids:
                ids.append(as_int(ref['id']))
        for assoc_id in [] if request.past else ids:
            values = request.values_for(assoc_id)
            commands.append(plan_command(Plan(BLACKOUT, request.api_type, 'create', values, changes=values)))
    return commands


# -- the family's own steps in the resource-module runner --------------------------------------------------------

class BlackoutSteps(object):
    """The steps the resource-module runner (:mod:`.bulk`) takes the blackout way: a config item is no object but a
    window per target, identified as ``alertsite_blackout`` identifies it, and windows are gathered grouped by
    type, schedule and note. The runner keeps the rest: the listing, the safe order of the writes, the read-back
    and the result."""

    @staticmethod
    def item_options():
        """The suboptions of ``config``."""
        return item_options()

    @staticmethod
    def task_options():
        """Options of the task besides the runner's own."""
        return dict(timezone=dict(type='str', default='UTC'), prune_notes=dict(type='list', elements='str'))

    @staticmethod
    def requests(params, state=None, now=None):
        return config_requests(params['config'] or [], state or params['state'], params['timezone'],
                               now or blackouts.utc_now())

    def problems(self, params):
        """What is wrong with the items and ``prune_notes``, before any request."""
        return self.requests(params)[1] + prune_notes_problems(params)

    def plan(self, client, params, index, prune_types, warnings=None):
        """The plans of every item's windows, then the deletions of ``overridden``: one listing per kind the
        items name targets of (``index`` holds the listing of every blackout)."""
        now = blackouts.utc_now()  # one moment for the whole task
        requests, problems = self.requests(params, now=now)
        if problems:  # the input was judged before; only the time zone database could fail here
            raise InputError('; '.join(problems))
        return plan_config(requests, load_references(client, requests), index.objects, params['state'],
                           local_now(get_zone(params['timezone']), now), prune_types, warnings, params.get('prune_notes'))

    @staticmethod
    def gathered(client, objects, params, api_types=None):
        """The live windows (of ``api_types``) as config items, their targets by name where unambiguous."""
        windows = [obj for obj in live_windows(objects, get_zone(params['timezone']))
                   if api_types is None or obj.get('type') in api_types]
        return gathered_with_names(client, windows)

    @staticmethod
    def not_gathered(objects, params, api_types=None):
        """The windows (of ``api_types``) that ended: no config item stands for them."""
        return [obj for obj in ended_windows(objects, get_zone(params['timezone']))
                if api_types is None or obj.get('type') in api_types]

    @staticmethod
    def parsed(objects, params, api_types=None):
        """The live windows of a saved listing (of ``api_types``) as config items, their targets by id."""
        return gathered_items([obj for obj in live_windows(objects, get_zone(params['timezone']))
                               if api_types is None or obj.get('type') in api_types])

    def rendered(self, params):
        """The requests of a ``merged`` run on an account without the windows."""
        requests, problems = self.requests(params, 'merged')
        if problems:
            raise InputError('; '.join(problems))
        return rendered_commands(requests)

    @staticmethod
    def as_definition(obj):
        """A window in config form (``before`` and ``after``), its target by id."""
        return as_item(obj)


# The blackout family with its steps (the declaration in .blackout_kinds imports no runner, so it cannot hold them).
BLACKOUT_FAMILY = copy.copy(BLACKOUTS)
BLACKOUT_FAMILY.steps = BlackoutSteps()


def run_blackouts_module():
    """alertsite_blackouts: the resource-module runner (:func:`.bulk.run_bulk_module`) with the blackout family."""
    run_bulk_module(BLACKOUT_FAMILY)
