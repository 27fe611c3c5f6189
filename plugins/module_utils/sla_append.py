# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The runner of ``alertsite_sla``: :func:`run_sla_module`. With ``exclusions_mode: replace`` (the default) the
module is the shared single-object runner on :data:`.sla_kinds.SLA`; with ``exclusions_mode: append`` it adds
exclusions to the SLAs of one or many monitors through ``POST /slas/bulk-edit`` (:func:`run_append`): one listing
of the SLAs, only the exclusions a monitor's SLA lacks, monitors that need the same items in one request (at most
100 monitors a request), nothing for monitors that hold them all, and one listing to read the SLAs back.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import client_from_module, connection_problems
from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems, resolve_references
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse, resource_argument_spec, run_resource_module
from ansible_collections.community.alertsite.plugins.module_utils.sla_kinds import SLA, SLA_PATH, monitor_problems

BULK_EDIT_PATH = SLA_PATH + '/bulk-edit'
MONITORS_A_REQUEST = 100  # inferred: the API names no limit
EXCLUSIONS = SLA.by_name['exclusions']


def run_sla_module():
    """alertsite_sla: one SLA, or exclusions appended to many."""
    module = new_module(resource_argument_spec(SLA))
    if module.params['exclusions_mode'] == 'append':
        run_append(module)
    elif module.params.get('monitors') is not None:
        refuse(module, ['monitors needs exclusions_mode=append (otherwise give one monitor)'])
    else:
        run_resource_module(SLA, module)


def append_problems(params):
    """What is wrong with an append task, seen before any request."""
    problems = []
    others = [field.name for field in SLA.fields if field.name not in ('monitor', 'exclusions')
              and params.get(field.name) is not None]
    if others:
        problems.append('exclusions_mode=append adds exclusions only; it takes no %s' % ', '.join(others))
    if params['state'] != 'present' or params.get('id') is not None:
        problems.append('exclusions_mode=append takes neither state=absent nor id')
    if not params.get('exclusions'):
        problems.append('exclusions_mode=append needs exclusions')
    else:
        problems.extend(filter(None, [EXCLUSIONS.problem(EXCLUSIONS.from_user(params['exclusions']))]))
    targets = targets_of(params)
    if not targets:
        problems.append('exclusions_mode=append needs monitor or monitors')
    problems.extend(reference_problems('monitors', targets, typed=True))
    return problems + connection_problems(params)


def targets_of(params):
    items = ([params['monitor']] if params.get('monitor') else []) + list(params.get('monitors') or [])
    return [dict((key, value) for key, value in item.items() if value is not None) for item in items]


def lacking(client, monitor_ids, wanted):
    """``{monitor id: [items its SLA lacks]}``; a monitor without an SLA, or whose locations an item's
    ``location_id`` is not among, fails naming it."""
    slas = dict((as_int(sla.get('monitor_id')), sla) for sla in client.get_all(SLA_PATH))
    without = [str(monitor_id) for monitor_id in monitor_ids if monitor_id not in slas]
    if without:
        raise InputError('monitors without an SLA (create it first): %s' % ', '.join(without))
    monitors = {}
    if any(item[2] is not None for item in wanted):
        monitors = dict((as_int(monitor.get('id')), monitor) for monitor in client.get_all('/monitors'))
    result = OrderedDict()
    for monitor_id in monitor_ids:
        held = set(EXCLUSIONS.normalise(slas[monitor_id].get('exclusions') or []))
        missing = [item for item in wanted if item not in held]
        problems = monitor_problems(monitors[monitor_id], {'exclusions': missing}, False) if monitors else []
        if problems:
            raise InputError('; '.join(problems))
        if missing:
            result[monitor_id] = missing
    return result


def append_requests(missing):
    """The bulk-edit bodies: monitors that lack the same items together, at most 100 a request."""
    groups = OrderedDict()
    for monitor_id, items in missing.items():
        groups.setdefault(tuple(items), []).append(monitor_id)
    bodies = []
    for items, monitor_ids in groups.items():
        for start in range(0, len(monitor_ids), MONITORS_A_REQUEST):
            bodies.append({'monitors': monitor_ids[start:start + MONITORS_A_REQUEST], 'update_sla_objectives': False,
                           'update_operating_periods': False, 'update_exclusions': True,
                           'update_exclusions_action': 'append', 'exclusions': EXCLUSIONS.to_api(list(items))})
    return bodies


def run_append(module):
    """exclusions_mode=append: the exclusions added to every target monitor's SLA that lacks them."""
    params = module.params
    refuse(module, append_problems(params))
    client = client_from_module(module)
    wanted = EXCLUSIONS.normalise(EXCLUSIONS.from_user(params['exclusions']))
    try:
        monitor_ids = list(OrderedDict.fromkeys(
            item['id'] for item in resolve_references(client, ANY_MONITOR, 'monitors', targets_of(params), typed=True)))
        missing = lacking(client, monitor_ids, wanted)
        bodies = append_requests(missing)
        if not module.check_mode:
            for body in bodies:
                client.post(BULK_EDIT_PATH, body)
        slas = [sla for sla in client.get_all(SLA_PATH) if as_int(sla.get('monitor_id')) in monitor_ids] if bodies \
            and not module.check_mode else []
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    else:
        verb = 'Would append' if module.check_mode else 'Appended'
        message = ('%s exclusions to the SLAs of %d of %d monitors (%d request%s)'
                   % (verb, len(missing), len(monitor_ids), len(bodies), '' if len(bodies) == 1 else 's')
                   if missing else 'The SLAs of the %d monitors hold every exclusion' % len(monitor_ids))
        module.exit_json(changed=bool(missing), msg=message, slas=slas,
                         appended=dict((str(key), EXCLUSIONS.to_api(items)) for key, items in missing.items()))
