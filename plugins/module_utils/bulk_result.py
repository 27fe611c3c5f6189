# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The result of a resource module's state that converges (:mod:`.bulk`): ``results`` (one item per object
planned, the object under its kind's ``result_key``), ``before`` and ``after`` in ``config`` form, ``commands``,
``diff``, the summary ``msg``, the HTTP status and API errors of the writes that failed, and for ``merged`` and
``replaced`` ``not_in_config``: the listed objects no definition stands for.

An object the task left as it was is only named in ``results`` (type, name, id, action, changed), without the
object and outside ``before`` and ``after``, unless the task sets ``return_unchanged``: with thousands of objects
in sync, those objects would make up most of the result, which Ansible serialises, scans for secrets, parses,
copies and passes between its processes (see tests/bench/result_shape.py).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    FailedOutcome,
    plan_command,
    plan_diff,
    public_object,
)
from ansible_collections.community.alertsite.plugins.module_utils.gathered import as_definition
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITORS
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings


def shown(outcome, unchanged=False):
    """Whether the result shows the object of ``outcome``: always when the task changed it (or would), failed on
    it or skipped it; an object left as it was only with ``unchanged`` (``return_unchanged``)."""
    return unchanged or outcome.plan.action != 'none' or getattr(outcome, 'error', None) is not None \
        or getattr(outcome, 'skipped', None) is not None


def outcome_result(outcome, error=None, skipped=None, family=MONITORS, unchanged=False):
    """One item of ``results``; the object only where :func:`shown`."""
    plan = outcome.plan
    result = dict(type=plan.api_type) if family.typed else {}
    result.update(name=plan.name, id=outcome.object_id, action=plan.action,
                  changed=plan.changed and error is None and skipped is None, changes=list(plan.changes))
    if shown(outcome, unchanged):
        result[plan.kind.result_key] = public_object(plan.kind, outcome.object)
    if error is not None:
        result['failed'] = True
        result['msg'] = str(error)
    if skipped is not None:
        result['skipped'] = True
        result['msg'] = skipped
    return result


def bulk_message(state, results, check_mode, family=MONITORS):
    """One summary sentence counting what happened (not what was planned), then what failed or was skipped."""
    counts = OrderedDict((action, 0) for action in ('create', 'update', 'delete', 'none'))
    failed = [result for result in results if result.get('failed')]
    skipped = [result for result in results if result.get('skipped')]
    for result in results:
        if not result.get('failed') and not result.get('skipped'):
            counts[result['action']] += 1
    words = {'create': 'created', 'update': 'updated', 'delete': 'deleted', 'none': 'unchanged'}
    parts = ', '.join('%d %s' % (count, words[action]) for action, count in counts.items())
    message = '%s %s: %s' % (state, family.count(len(results)), parts)
    if check_mode:
        message += ' (check mode: nothing was sent)'
    if failed:
        message += '; %d failed: %s' % (len(failed), '; '.join(
            '%s: %s' % (result['label'], result['msg']) for result in failed))
    if skipped:
        message += '; %d deletion%s skipped because a create or update failed' % (len(skipped), '' if len(skipped) == 1 else 's')
    return message


def before_after(outcomes, family=MONITORS, references=None, unchanged=False):
    """``before`` and ``after`` in ``config`` form: the objects the task planned (those left as they were only
    with ``unchanged``), as they were and as they are (in check mode, as they would be). An object left as it was
    is one definition in both lists."""
    before, after = [], []
    for outcome in outcomes:
        if not shown(outcome, unchanged):
            continue
        was = as_definition(outcome.plan.current, False, family, references) if outcome.plan.current else None
        if was:
            before.append(was)
        if outcome.object is outcome.plan.current:
            now = was
        else:
            now = as_definition(outcome.object, False, family, references) if outcome.object else None
        if now:
            after.append(now)
    return before, after


def outcome_results(outcomes, family=MONITORS, unchanged=False):
    results = []
    for outcome in outcomes:
        result = outcome_result(outcome, getattr(outcome, 'error', None), getattr(outcome, 'skipped', None), family,
                                unchanged)
        if result.get('failed') or result.get('skipped'):
            result['label'] = outcome.plan.label
        results.append(result)
    return results


def not_in_config_result(objects, family=MONITORS):
    """``not_in_config``: the listed objects that no definition stands for (:func:`.bulk.not_in_config`), each
    named by its type (a family with types), name and id - what ``overridden`` would have deleted."""
    items = []
    for obj in objects:
        item = dict(type=family.type_of(obj)) if family.typed else {}
        item.update(name=obj.get('name'), id=str(obj.get('id')))
        items.append(item)
    return items


def bulk_result(module, state, outcomes, family=MONITORS, references=None, not_in_config=None):
    """The result of a state that converges: results, before, after (when something changed), commands, diff,
    the HTTP status and API errors of the writes that failed, and ``not_in_config`` when given (the listed objects
    that no definition stands for, ``merged`` and ``replaced``)."""
    unchanged = bool(module.params.get('return_unchanged'))
    results = outcome_results(outcomes, family, unchanged)
    for outcome in outcomes:
        for warning in [] if isinstance(outcome, FailedOutcome) else outcome_warnings(outcome, module.check_mode):
            module.warn(warning)
    before, after = before_after(outcomes, family, references, unchanged)
    result = dict(changed=any(item['changed'] for item in results), before=before,
                  commands=[plan_command(outcome.plan, outcome.object_id) for outcome in outcomes if outcome.sent],
                  msg=bulk_message(state, results, module.check_mode, family))
    if result['changed']:  # as in Ansible's resource modules: after only when something changed
        result['after'] = after
    if module._diff:
        result['diff'] = [plan_diff(outcome.plan, outcome.object_id) for outcome in outcomes
                          if outcome.plan.changed and not getattr(outcome, 'skipped', None)]
    for item in results:
        item.pop('label', None)
    result['results'] = results
    if not_in_config is not None:
        result['not_in_config'] = not_in_config_result(not_in_config, family)
    errors = [outcome.error for outcome in outcomes if getattr(outcome, 'error', None) is not None]
    if errors:
        result['failed'] = True
        statuses = set(getattr(error, 'status', None) for error in errors)
        if len(statuses) == 1 and None not in statuses:
            result['status'] = statuses.pop()
        result['api_errors'] = [message for error in errors for message in getattr(error, 'messages', [])]
    return result
