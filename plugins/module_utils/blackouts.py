# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Blackouts (maintenance windows): what a task asks for (:class:`Request`), the plans of each target
(:func:`plan_target`), and the runner of ``alertsite_blackout`` (``alertsite_blackout_info`` is served by
:mod:`.info`). The kind is declared in :mod:`.blackout_kinds`, the schedule arithmetic is in
:mod:`.blackout_schedule`.

- One task manages one window per target (``monitors`` or ``recipients``): one POST per new window.
- A weekly window is found by its target, type and schedule; a one-time window by its note, else its dates.
- A one-time window cannot be modified: a change is a DELETE and a POST, refused while the window is in force.
  Windows that ended cannot be deleted (unchanged, with a warning); a window in the past is refused.
- The clock is read once per task (:func:`utc_now`); a window from ``now`` takes its dates again from the clock
  before each POST attempt (:func:`from_now_create`).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
from collections import OrderedDict, namedtuple

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import (
    BLACKOUT,
    ONE_TIME_OPTIONS,
    SCHEDULE_OPTIONS,
    blackout_options,
    canonical,
    describe,
    target_noun,
    target_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import (
    dated_schedule,
    format_api_date,
    get_zone,
    is_now,
    is_recurring,
    local_now,
    one_time_window,
    parse_api_date,
    past_problem,
    weekly_schedule,
    window_state,
)
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    FailedOutcome,
    Plan,
    apply_plan,
    current_values,
    plan_diff,
    plan_message,
    plan_object,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR
from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings
from ansible_collections.community.alertsite.plugins.module_utils.references import resolve_references
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, namesakes_message
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse


def utc_now():
    """The current time, aware, in UTC: the one place the blackout modules read the clock (tests replace it)."""
    return datetime.datetime.now(datetime.timezone.utc)


# -- the user's side -------------------------------------------------------------------------------------------

class Request(object):
    """What the task asks for, checked and computed before any request.

    :ivar mode: ``weekly``, ``dated`` (a one-time window with dates), ``now`` (a one-time window from now) or
        ``named`` (state=absent with only a note: every window of the targets with that note).
    :ivar schedule: the normalised schedule values to send (weekly: days and times; dated: from/thru).
    :ivar now_utc: the moment the task judges every window against (the clock read once).
    """

    def __init__(self, params, now=None):
        self.params = params
        self.state = params['state']
        self.api_type = params['type']
        self.note = params['note']
        self.now_utc = now or utc_now()
        self.zone = None
        self.mode = None
        self.schedule = OrderedDict()
        self.problems = []
        self.check()

    @property
    def named(self):
        """The window is found by its note (a one-time window with a note), not by its schedule."""
        return self.mode in ('now', 'named') or (self.mode == 'dated' and self.note not in (None, ''))

    @property
    def local_now(self):
        return local_now(self.zone, self.now_utc)

    @property
    def target_option(self):
        return 'recipients' if self.api_type == 'Notifier' else 'monitors'

    def check(self):
        params, problems = self.params, self.problems
        try:
            self.zone = get_zone(params['timezone'])
        except InputError as exc:
            problems.append(str(exc))
        problems.extend(target_problems(self.api_type, params['monitors'], params['recipients']))
        self.check_numbers()
        weekly = [name for name in SCHEDULE_OPTIONS if params[name] is not None]
        once = [name for name in ONE_TIME_OPTIONS if params[name] is not None]
        if weekly and once:
            problems.append('%s make a weekly window and %s a one-time window: give one or the other'
                            % (', '.join(weekly), ', '.join(once)))
        elif weekly:
            self.check_weekly()
        elif params['start'] is not None:
            self.check_start()
        elif once:
            self.check_dates()
        elif params['minutes'] is not None:
            problems.append('minutes needs start (a one-time window) or start_day and start_time (a weekly window)')
        elif self.state == 'absent' and self.note not in (None, ''):
            self.mode = 'named'
        elif self.state == 'absent':
            problems.append('state=absent needs the window: note (every window with that note), or its schedule')
        else:
            problems.append('the window needs a schedule: start_day, start_time, end_day and end_time (weekly, or '
                            'minutes instead of end_day and end_time), or from_date and thru_date, or start and '
                            'minutes (once)')
        if self.mode in ('dated', 'now'):
            self.check_future()

    def check_numbers(self):
        params, problems = self.params, self.problems
        if params['note'] is not None:
            if not params['note'].strip():
                problems.append('note must not be empty: it names the window (leave it out for none)')
            elif len(params['note']) > 255:
                problems.append('note must be at most 255 characters, got %d' % len(params['note']))
        if params['minutes'] is not None and params['minutes'] < 1:
            problems.append('minutes must be at least 1, got %d' % params['minutes'])
        if params.get('parallel_writes') is not None and params['parallel_writes'] < 1:
            problems.append('parallel_writes must be at least 1, got %d' % params['parallel_writes'])

    def check_weekly(self):
        self.mode = 'weekly'
        given = dict((name, self.params[name]) for name in SCHEDULE_OPTIONS)
        weekly, problems = weekly_schedule(given, self.params['minutes'])
        self.problems.extend(problems)
        if not self.problems:
            self.schedule = weekly

    def check_start(self):
        """A one-time window from ``start`` (now or a date) for ``minutes``."""
        params, problems = self.params, self.problems
        if params['from_date'] is not None or params['thru_date'] is not None:
            problems.append('start and minutes compute from_date and thru_date: give one pair or the other')
            return
        if params['minutes'] is None:
            problems.append('start needs minutes (how long the window lasts)')
            return
        now = is_now(params['start'])
        self.mode = 'now' if now else 'dated'
        if now and self.note in (None, ''):
            problems.append('start=now needs note to name the window, so that a rerun finds it instead of adding '
                            'another window')
        if now or self.zone is None or params['minutes'] < 1 or problems:
            return  # a window from now: its dates are taken when it is sent (see from_now_create)
        try:
            first, last = one_time_window(params['start'], params['minutes'], self.zone)
        except InputError as exc:
            problems.append(str(exc))
            return
        self.schedule = OrderedDict([('from_date', first), ('thru_date', last)])

    def check_dates(self):
        """A one-time window from ``from_date`` to ``thru_date``."""
        self.mode = 'dated'
        if self.params['minutes'] is not None:
            self.problems.append('minutes goes with start; with from_date and thru_date the window is set by its dates')
        self.schedule, problems = dated_schedule(self.params['from_date'], self.params['thru_date'])
        self.problems.extend(problems)

    def check_future(self):
        """A one-time window to create must not lie wholly in the past."""
        if self.state == 'present' and self.zone is not None and self.schedule:
            problem = past_problem(self.schedule, self.local_now, self.params['timezone'])
            if problem:
                self.problems.append(problem)

    def values_for(self, assoc_id, now=None):
        """The values of the window of one target, normalised: what a create sends (a window from now: from
        ``now``, by default the task's moment)."""
        values = OrderedDict([('assoc_id', assoc_id), ('type', self.api_type)])
        if self.mode != 'named':
            values['persistent'] = self.mode == 'weekly'
        if self.mode == 'now':
            values['from_date'], values['thru_date'] = one_time_window(
                'now', self.params['minutes'], self.zone, now or self.now_utc)
        else:
            values.update(self.schedule)
        if self.note not in (None, ''):
            values['note'] = self.note
        return wanted_values(BLACKOUT, values)


# -- finding the windows -------------------------------------------------------------------------------------

def listing_params(request, target_ids):
    """The API's filters for the blackouts the task may touch."""
    params = OrderedDict(type=request.api_type)
    if len(target_ids) == 1:
        params['assoc_id'] = target_ids[0]
    if request.mode == 'weekly':
        params['persistent'] = 'true'
    return params


def list_blackouts(client, params):
    """One paged listing of ``GET /blackouts`` with the API's filters; ``Recipient`` read as Notifier."""
    return [canonical(obj) for obj in client.get_all(BLACKOUT.list_path, params=params)]


def find_targets(client, option, items):
    """The ids of ``monitors`` or ``recipients`` items, in the order given, each once (names resolved with one
    listing)."""
    if option == 'monitors':
        resolved = resolve_references(client, ANY_MONITOR, option, items, typed=True)
    else:
        resolved = resolve_references(client, RECIPIENT, option, items)
    ids = []
    for item in resolved:
        if item['id'] not in ids:
            ids.append(item['id'])
    return ids


# -- planning ----------------------------------------------------------------------------------------------------

class TargetPlan(namedtuple('TargetPlan', 'assoc_id plans ended kept replace')):
    """What the task does to the windows of one target: a value, made once and never changed.

    :ivar plans: engine plans, applied in order (a replaced one-time window: a delete, then a create).
    :ivar ended: windows that match but ended (a state=absent task cannot delete them).
    :ivar kept: windows that match and stay as they are, besides the plans' (more than one matched).
    """

    def __new__(cls, assoc_id, plans=(), ended=(), kept=(), replace=False):
        return super(TargetPlan, cls).__new__(cls, assoc_id, tuple(plans), tuple(ended), tuple(kept), replace)


def from_now_create(request, assoc_id):
    """The create of a ``start: now`` window, planned with the task's moment. Its ``refresh`` takes the dates
    again from the clock, which the engine does before every POST attempt (:func:`.engine.create_object`), so
    that a window sent again after a 429's ``Retry-After`` still starts in the future."""
    def refresh():
        fresh = request.values_for(assoc_id, utc_now())
        return dict((key, fresh[key]) for key in ('from_date', 'thru_date'))
    values = request.values_for(assoc_id)
    return Plan(BLACKOUT, request.api_type, 'create', values, changes=values, refresh=refresh)


def as_sent(outcome):
    """The plan of an outcome as its write went out: a window from now named with the dates of its POST."""
    plan, sent = outcome.plan, getattr(outcome, 'changes', None)
    if plan.refresh is None or isinstance(outcome, FailedOutcome) or sent in (None, plan.changes):
        return plan
    return Plan(plan.kind, plan.api_type, plan.action, sent, changes=sent)


def same_target(request, assoc_id, obj):
    return (BLACKOUT.by_name['type'].normalise(obj.get('type')) == request.api_type
            and str(obj.get('assoc_id')) == str(assoc_id))


def matching_windows(request, assoc_id, wanted, listing):
    """The windows of one target that the task is about: by note for a named window, else by identity."""
    mine = [obj for obj in listing if same_target(request, assoc_id, obj)]
    if not request.named:
        return Index(lambda api_type: BLACKOUT, mine).matches(BLACKOUT, request.api_type, wanted)
    found = [obj for obj in mine if not is_recurring(obj) and obj.get('note') == request.note]
    if request.mode == 'named' and request.state == 'absent':
        found += [obj for obj in mine if is_recurring(obj) and obj.get('note') == request.note]
    return found


def plan_target(request, assoc_id, listing):
    """The :class:`TargetPlan` of one target from the listing (its windows and others)."""
    now = request.local_now
    wanted = request.values_for(assoc_id)
    found = matching_windows(request, assoc_id, wanted, listing)
    ended = [obj for obj in found if window_state(obj, now) == 'ended']
    live = [obj for obj in found if window_state(obj, now) != 'ended']
    if request.state == 'absent':
        plans = [plan_object(BLACKOUT, request.api_type, wanted, obj, 'absent') for obj in live]
        if not plans and not ended:
            plans = [plan_object(BLACKOUT, request.api_type, wanted, None, 'absent')]
        return TargetPlan(assoc_id, plans, ended)
    if request.mode == 'now' and live:
        # a named window from "now" that is in force or to come is the pipeline's window: nothing to do
        return TargetPlan(assoc_id, [plan_object(BLACKOUT, request.api_type, OrderedDict(), live[0])], kept=live[1:])
    if request.named and len(live) > 1:
        live = exact_first(request, assoc_id, wanted, live)
    if not live:
        return TargetPlan(assoc_id, [creation(request, assoc_id, wanted, now)])
    plan = plan_object(BLACKOUT, request.api_type, wanted, live[0])
    if plan.action == 'update' and request.mode != 'weekly':
        # one-time windows cannot be modified: delete it, create the new one (never while it is in force)
        create = creation(request, assoc_id, wanted, now)
        refuse_in_force(request, live[0], create, now)
        delete = plan_object(BLACKOUT, request.api_type, wanted, live[0], 'absent')
        return TargetPlan(assoc_id, [delete, create], kept=live[1:], replace=True)
    return TargetPlan(assoc_id, [plan], kept=live[1:])


def exact_first(request, assoc_id, wanted, live):
    """Several live windows share the note: the one with the wanted schedule first; none is an error."""
    exact = [obj for obj in live if plan_object(BLACKOUT, request.api_type, wanted, obj).action == 'none']
    if not exact:
        raise InputError(namesakes_message(describe(request.api_type, dict(assoc_id=assoc_id, persistent=False)),
                                           request.note, live, 'delete them (state=absent) before giving the window '
                                           'a new schedule'))
    return exact + [obj for obj in live if obj not in exact]


def creation(request, assoc_id, wanted, now):
    """The plan that creates the window; a one-time window must start in the future."""
    if request.mode == 'now':
        return from_now_create(request, assoc_id)
    if request.mode == 'dated' and parse_api_date(wanted['from_date']) <= now:
        raise InputError('%s cannot be created: from_date has passed (it is %s in %s) and AlertSite only takes windows '
                         'that start in the future' % (describe(request.api_type, wanted),
                                                       format_api_date(now), request.params['timezone']))
    return plan_object(BLACKOUT, request.api_type, wanted, None)


def refuse_in_force(request, current, create, now):
    """A window in force is not replaced by one that starts later: deleting it would end the silence now."""
    if window_state(current, now) != 'active':
        return
    label = BLACKOUT.label(request.api_type, current_values(BLACKOUT, current), current.get('id'))
    how = "state=absent and note %r" % request.note if request.note else 'state=absent and its dates'
    raise InputError('%s is in force (it is %s in %s) and cannot be given another start: replacing it would end the '
                     'silence now and start the new one at %s. Nothing was changed. To end it first, run a task with '
                     '%s; to add the new window beside it, give the new one another note; or run this task again '
                     'after it ends at %s' % (label, format_api_date(now), request.params['timezone'],
                                              create.changes['from_date'], how, current.get('thru_date')))


# -- reporting ----------------------------------------------------------------------------------------------

def replace_diff(target, object_id=None):
    delete, create = target.plans
    before = plan_diff(delete)['before']
    after = plan_diff(create, object_id)['after']
    header = create.label_for(object_id)
    return dict(before=before, after=after, before_header=delete.label, after_header=header)


def target_message(target, outcomes, check_mode, state):
    """One sentence about one target."""
    if target.replace:
        delete, create = target.plans
        new_id = outcomes[1].object_id if len(outcomes) > 1 else None
        verb, done = ('Would replace', 'it would be') if check_mode else ('Replaced', 'it was')
        return ('%s %s with %s: a one-time blackout cannot be modified, so %s deleted and created again'
                % (verb, delete.label, create.label_for(new_id), done))
    sentences = [plan_message(as_sent(outcome), check_mode, state, outcome.object_id) for outcome in outcomes
                 if outcome.plan.changed or not target.ended]
    sentences += ['%s ended and stays: the API cannot delete windows that ended' % BLACKOUT.label(
        obj.get('type'), current_values(BLACKOUT, obj), obj.get('id')) for obj in target.ended]
    return '; '.join(sentence for sentence in sentences if sentence)


def task_message(request, targets, outcomes_by_target, check_mode, failures):
    """One sentence for the task: the one target's, or counts over several targets."""
    if len(targets) == 1 and not failures:
        return target_message(targets[0], outcomes_by_target[0], check_mode, request.state)
    counts = OrderedDict((word, 0) for word in ('created', 'updated', 'replaced', 'deleted', 'unchanged', 'ended'))
    words = {'create': 'created', 'update': 'updated', 'delete': 'deleted'}
    for target, outcomes in zip(targets, outcomes_by_target):
        if any(isinstance(outcome, FailedOutcome) for outcome in outcomes):
            continue  # told among the failures
        changed = [outcome.plan.action for outcome in outcomes if outcome.plan.changed]
        if target.replace:
            counts['replaced'] += 1
        for action in [] if target.replace else changed:
            counts[words[action]] += 1
        counts['ended'] += len(target.ended)
        if not changed and not target.ended:
            counts['unchanged'] += 1
    sample = dict(request.schedule, persistent=request.mode == 'weekly' if request.mode != 'named' else None)
    if request.note:
        sample['note'] = request.note
    what = describe(request.api_type, sample)
    parts = ['%d %s' % (count, word) for word, count in counts.items() if count]
    message = '%s on %d %ss: %s' % (what, len(targets), target_noun(request.api_type), ', '.join(parts))
    if counts['replaced']:
        message += ' (a one-time blackout cannot be modified: %s deleted and created again)' % (
            'each was' if not check_mode else 'each would be')
    if counts['ended']:
        message += ' (windows that ended stay: the API cannot delete them)'
    if check_mode:
        message += ' (check mode: nothing was sent)'
    if failures:
        message += '; %d failed: %s' % (len(failures), '; '.join(failures))
    return message


# -- alertsite_blackout -----------------------------------------------------------------------------------------

def run_blackout_module():
    """alertsite_blackout: one window per target, created, changed, replaced or deleted."""
    module = new_module(dict(connection_argument_spec(), **blackout_options()))
    params = module.params
    request = Request(params, utc_now())
    refuse(module, request.problems + connection_problems(params))
    client = client_from_module(module)
    try:
        target_ids = find_targets(client, request.target_option, params[request.target_option])
        listing = list_blackouts(client, listing_params(request, target_ids))
        targets = [plan_target(request, assoc_id, listing) for assoc_id in target_ids]
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    all_outcomes, failures, errors = apply_task(client, request, target_ids, targets, module.check_mode)
    for warning in task_warnings(targets, all_outcomes, module.check_mode):
        module.warn(warning)
    result = dict(changed=any(outcome.plan.changed and not isinstance(outcome, FailedOutcome)
                              for outcomes in all_outcomes for outcome in outcomes),
                  blackouts=result_blackouts(targets, all_outcomes))
    if module._diff:
        result['diff'] = task_diff(targets, all_outcomes)
    if len(errors) == 1 and len(targets) == 1:
        fail(module, AlertSiteError(failures[0], status=getattr(errors[0], 'status', None),
                                    messages=getattr(errors[0], 'messages', None)), **result)
    result['msg'] = task_message(request, targets, all_outcomes, module.check_mode, failures)
    if errors:
        fail(module, AlertSiteError(result.pop('msg'), status=getattr(errors[0], 'status', None) if len(errors) == 1 else None,
                                    messages=[message for exc in errors for message in getattr(exc, 'messages', [])]),
             **result)
    module.exit_json(**result)


def apply_task(client, request, target_ids, targets, check_mode):
    """Carry out every target's plans (``parallel_writes`` targets at once) and read the written windows back.
    Returns ``(outcomes of each target, failure sentences, errors)``."""
    # one read-back per written window, or one listing when the task writes several
    writes = sum(1 for target in targets for plan in target.plans if plan.action in ('create', 'update'))
    read_back = writes <= 1
    all_outcomes, failures, errors = [], [], []
    done = run_ordered(lambda target: apply_target(client, target, check_mode, read_back), targets,
                       request.params['parallel_writes'])
    for target, result in zip(targets, done):
        if isinstance(result, Failed):  # not an API error: a fault of the module, told as it is
            result = ([FailedOutcome(plan) for plan in target.plans], result.error)
        outcomes, error = result
        all_outcomes.append(outcomes)
        if error is not None:
            errors.append(error)
            failures.append(failure_message(target, outcomes, error))
    if not read_back and not check_mode and writes:
        try:
            read_back_listing(client, listing_params(request, target_ids), all_outcomes)
        except AlertSiteError as exc:
            errors.append(exc)
            failures.append('reading the windows back: %s' % exc)
    return all_outcomes, failures, errors


def apply_target(client, target, check_mode, read_back):
    """Carry out one target's plans in order; a failure stops that target's later plans. Returns
    ``(outcomes, error)``."""
    outcomes = []
    for plan in target.plans:
        if outcomes and isinstance(outcomes[-1], FailedOutcome):
            outcomes.append(FailedOutcome(plan))
            continue
        try:
            outcomes.append(apply_plan(client, plan, check_mode, read_back=read_back))
        except AlertSiteError as exc:
            outcomes.append(FailedOutcome(plan))
            return outcomes, exc
    return outcomes, None


def task_warnings(targets, all_outcomes, check_mode):
    """The warnings of the task: values the API did not keep, and windows that ended and stay."""
    warnings = [warning for outcomes in all_outcomes for outcome in outcomes
                if not isinstance(outcome, FailedOutcome) for warning in outcome_warnings(outcome, check_mode)]
    warnings.extend('%s ended at %s and cannot be deleted: the API keeps past one-time blackouts'
                    % (BLACKOUT.label(obj.get('type'), current_values(BLACKOUT, obj), obj.get('id')), obj.get('thru_date'))
                    for target in targets for obj in target.ended)
    return warnings


def failure_message(target, outcomes, error):
    """What failed for one target, after what was done before it (a replaced window's delete)."""
    done = [plan_message(as_sent(outcome), False, 'present', outcome.object_id) for outcome in outcomes
            if outcome.plan.changed and not isinstance(outcome, FailedOutcome)]
    if done:
        return '%s, then %s' % ('; '.join(done), error)
    return str(error)


def read_back_listing(client, params, all_outcomes):
    """After several writes: the written windows as one listing shows them."""
    after = dict((str(obj.get('id')), obj) for obj in list_blackouts(client, params))
    for outcomes in all_outcomes:
        for outcome in outcomes:
            if outcome.plan.action in ('create', 'update') and not isinstance(outcome, FailedOutcome):
                outcome.object = after.get(str(outcome.object_id))


def result_blackouts(targets, all_outcomes):
    """The windows of every target as the API holds them after the task (predicted in check mode)."""
    blackouts = []
    for target, outcomes in zip(targets, all_outcomes):
        blackouts.extend(canonical(outcome.object) for outcome in outcomes if outcome.object)
        blackouts.extend(target.kept)
        blackouts.extend(target.ended)
    return blackouts


def task_diff(targets, all_outcomes):
    """``before``/``after`` of every changed window, for ``--diff``: a replaced window as one change."""
    diffs = []
    for target, outcomes in zip(targets, all_outcomes):
        if target.replace:
            diffs.append(replace_diff(target, outcomes[1].object_id if len(outcomes) > 1 else None))
        else:
            diffs.extend(plan_diff(as_sent(outcome), outcome.object_id) for outcome in outcomes if outcome.plan.changed)
    return diffs
