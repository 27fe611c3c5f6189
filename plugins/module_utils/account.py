# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A whole account in ``config`` form, in one module process (``alertsite_account_info``): the ``gathered`` state of
each family's resource module (:mod:`.bulk`), one after the other on one client, so that each kind is listed once.

The resource modules name the objects a recipient group or a blackout refers to (its monitors and recipients) from a
listing of those kinds: here the listings of the monitors and recipients that were gathered first are kept on the
client (:func:`.gathered.share_listing`), where those lookups find them, instead of listing those kinds again.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.blackout_items import BLACKOUT_FAMILY
from ansible_collections.community.alertsite.plugins.module_utils.blackout_schedule import get_zone
from ansible_collections.community.alertsite.plugins.module_utils.bulk import gathered_listing, gathered_result, load_index
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.gathered import preload_references, share_listing
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITORS
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT_GROUPS, RECIPIENTS
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse
from ansible_collections.community.alertsite.plugins.module_utils.script_export import dest_problems

# Each kind under the key of its variable in the role alerting (alertsite_<key>), in the order they are gathered:
# the kinds that others refer to first, so that their listings serve the later ones.
FAMILIES = OrderedDict([('recipients', RECIPIENTS), ('monitors', MONITORS), ('recipient_groups', RECIPIENT_GROUPS),
                        ('blackouts', BLACKOUT_FAMILY)])


def account_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        kinds=dict(type='list', elements='str', default=list(FAMILIES)),
        scripts_dest=dict(type='path'),
        timezone=dict(type='str', default='UTC'),
    )
    return spec


def account_problems(params):
    """Everything wrong with the task's options, before any request."""
    problems = []
    kinds = params['kinds'] or []
    unknown = [kind for kind in kinds if kind not in FAMILIES]
    if unknown:
        problems.append('kinds must name only %s, got %s' % (', '.join(FAMILIES), ', '.join(map(str, unknown))))
    elif not kinds:
        problems.append('kinds must name at least one kind of object: %s' % ', '.join(FAMILIES))
    elif len(set(kinds)) != len(kinds):
        problems.append('kinds names a kind more than once: %s' % ', '.join(kinds))
    if params['scripts_dest'] is not None:
        if 'monitors' not in kinds:
            problems.append('scripts_dest applies only when kinds holds monitors')
        problems += dest_problems(params['scripts_dest'])
    try:
        get_zone(params['timezone'])
    except InputError as exc:
        problems.append(str(exc))
    return problems + connection_problems(params)


def gather_family(client, family, params):
    """``gathered`` and ``not_gathered`` of one family, as its resource module's ``state=gathered`` gives them
    (every type, no scope), from one listing; the listing is then kept on the client for the kinds gathered
    later."""
    types, read = gathered_listing(family)
    index = load_index(client, read, family)
    share_listing(client, family.listing_kind, index.objects)
    references = preload_references(client, family, None)
    return gathered_result(client, index.objects, params, types, family, references)


def gather_account(client, params):
    """The result: per kind, the ``gathered`` definitions and what ``not_gathered`` names, and a summary."""
    gathered, left = OrderedDict(), OrderedDict()
    for key in [key for key in FAMILIES if key in params['kinds']]:
        result = gather_family(client, FAMILIES[key], params)
        gathered[key], left[key] = result['gathered'], result['not_gathered']
    counts = ', '.join(FAMILIES[key].count(len(items)) for key, items in gathered.items())
    return dict(changed=False, gathered=gathered, not_gathered=left, msg='gathered %s' % counts)


def run_account_module():
    """``alertsite_account_info``: every kind of ``kinds`` gathered with one listing each."""
    module = new_module(account_argument_spec())
    refuse(module, account_problems(module.params))
    try:
        result = gather_account(client_from_module(module), module.params)
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    module.exit_json(**result)
