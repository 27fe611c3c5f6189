# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The ``scope`` of ``alertsite_monitors``: the monitors whose custom properties hold given values (one team's slice
of a shared account). ``overridden``, ``deleted`` without ``config`` and ``gathered`` consider only the monitors
inside it; definitions are matched against every monitor, and one whose monitor lies outside fails.

- :func:`scope_problems` - what is wrong with the scope and the definitions, found before any request;
- :func:`scoped_config` - each definition with the scope's values for the scope's properties it does not name;
- :func:`inside_scope` - a function(monitor) -> whether it lies inside (names resolved with the task's one listing
  of the properties);
- :func:`outside_scope` - the plan of a definition whose monitor lies outside: nothing, with the error.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.engine import Plan
from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.property_kinds import (
    held_properties,
    one_named,
    property_listing,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError


def scope_values(scope):
    """``{property name: value name}`` of a scope (None without one)."""
    return (scope or {}).get('custom_properties') or None


def scope_problems(scope, config, state):
    """The scope's own problems, and the definitions whose ``custom_properties`` give a scope property another
    value."""
    if scope is None:
        return []
    values = scope_values(scope)
    if not values or any(not isinstance(value, str) or not value.strip() or not name.strip()
                         for name, value in values.items()):
        return ['scope.custom_properties must map one or more property names to value names, got %r'
                % (scope.get('custom_properties'),)]
    if state in ('rendered', 'parsed'):
        return ['scope does not apply to state=%s' % state]
    problems = []
    for position, definition in enumerate(config):
        own = definition.get('custom_properties') or {}
        for name in sorted(set(own) & set(values)):
            if own[name] != values[name]:
                problems.append('config[%d] (%s %r): custom_properties gives %s=%r, outside the scope %s=%r'
                                % (position, definition['type'], definition['name'], name, own[name], name, values[name]))
    return problems


def scoped_config(scope, config):
    """The definitions, each with the scope's values for the scope properties it does not name (so that what it
    creates stays inside the scope)."""
    values = scope_values(scope)
    if not values:
        return config
    return [dict(definition, custom_properties=dict(values, **(definition.get('custom_properties') or {})))
            for definition in config]


def inside_scope(client, scope):
    """A function(monitor) -> whether the monitor holds every value of the scope; None without a scope. An
    unknown property or value fails the task (:class:`.resource.InputError`), naming it."""
    values = scope_values(scope)
    if not values:
        return None
    listing, wanted = property_listing(client), set()
    for name, value in values.items():
        prop = one_named(listing, name, 'custom property', 'scope names no custom property %r' % name)
        found = one_named(prop.get('values') or [], value, 'value of %r' % name,
                          'scope: custom property %r has no value %r' % (name, value))
        wanted.add((as_int(prop['id']), as_int(found['id'])))
    return lambda monitor: wanted <= set(held_properties(client, monitor))


def outside_scope(plan):
    """The plan of a definition whose existing monitor lies outside the scope: nothing is written to it."""
    return Plan(plan.kind, plan.api_type, 'none', plan.values, error=InputError(
        'the monitor (id %s) lies outside the scope (its custom properties do not hold the scope\'s values): it '
        'belongs to another slice of the account, so nothing is written to it' % plan.object_id))
