# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Custom properties, declared as a resource kind: :data:`PROPERTY` (``/properties``, account-wide labels, each
with a list of values that monitors hold at most one of).

A property is identified by its ``name``; its ``values`` are compared as a set of names. The API replaces the
list of values whole, each existing value given with its id and each new one with id 0, so a change sends the
whole list the user declares (:func:`property_write`, run before the write). Removing a value monitors hold, or
deleting a property (which the API removes from every monitor), needs the option ``force``: without it the task
fails naming how many monitors hold it, before any write.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, as_int, no_surrounding_space
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError, ResourceKind

MONITORS_PATH = '/monitors'


class ValueNamesField(Field):
    """The values of a property: names for the user (in the user's order), ``[{"id", "name"}]`` for the API,
    compared as a set of names. A planned update carries the API's items (:func:`property_write`), which are sent
    as they are; a create sends ``[{"name"}]``."""

    def __init__(self, name='values', **kwargs):
        super(ValueNamesField, self).__init__(name, kind='list', **kwargs)

    def argument_spec(self):
        return dict(type='list', elements='raw')  # a mapping is refused, not turned into its text

    def from_user(self, value):
        if not isinstance(value, list):
            return value
        return [str(item) if isinstance(item, (int, float)) and not isinstance(item, bool) else item for item in value]

    def normalise(self, value):
        if not isinstance(value, list):
            return value
        return [item.get('name') if isinstance(item, dict) else item for item in value]

    def same(self, one, other):
        return sorted(set(map(str, one or []))) == sorted(set(map(str, other or [])))

    def to_api(self, value):
        return [item if isinstance(item, dict) else {'name': item} for item in value]

    def problem(self, value):
        if value is None:
            return None
        bad = [item for item in value if not isinstance(item, str) or not item.strip() or no_surrounding_space(item)]
        if bad:
            return '%s must be non-empty names without white space at either end, got %r' % (self.name, bad)
        twice = sorted(set(item for item in value if value.count(item) > 1))
        if twice:
            return '%s names %s more than once' % (self.name, ', '.join(repr(item) for item in twice))
        return None


# -- monitors that hold a property --------------------------------------------------------------------------

def held_properties(client, monitor):
    """A monitor's ``custom_properties`` (read by id when the listing left them out), as ``(property id, value
    id)`` integer pairs; an empty or absent array is none."""
    items = monitor.get('custom_properties')
    if items is None and monitor.get('id') is not None:
        read = client.get('%s/%s' % (MONITORS_PATH, monitor['id']))
        items = read.get('custom_properties') if isinstance(read, dict) else None
    return [(as_int(item.get('id')), as_int(item.get('value_id'))) for item in items or [] if isinstance(item, dict)]


def monitors_holding(client, property_id, value_ids=None):
    """How many monitors hold the property (one of ``value_ids``, when given): one listing of the monitors."""
    property_id = as_int(property_id)
    count = 0
    for monitor in client.get_all(MONITORS_PATH):
        held = [value for prop, value in held_properties(client, monitor) if prop == property_id]
        if held and (value_ids is None or any(value in value_ids for value in held)):
            count += 1
    return count


def used_refusal(label, count, what, verb):
    """The refusal of a removal monitors would feel, naming how many."""
    return ('%s: %s %s held by %d monitor%s; set force=true to %s anyway'
            % (label, what, 'are' if what.startswith('the values') else 'is', count, '' if count == 1 else 's', verb))


# -- the write -------------------------------------------------------------------------------------------------

def property_write(client, plan, params):
    """Before the write: refuse removing values (or the property) that monitors hold unless ``force``, and send
    an update of ``values`` as the whole list, existing values with their ids and new ones with id 0."""
    force = params.get('force')
    if plan.action == 'delete':
        count = 0 if force else monitors_holding(client, plan.object_id)
        if count:
            raise InputError(used_refusal(plan.label, count, 'it', 'delete it'))
        return plan
    if plan.action != 'update' or 'values' not in plan.changes:
        return plan
    held = dict((item.get('name'), as_int(item.get('id'))) for item in plan.current.get('values') or []
                if isinstance(item, dict))
    wanted = plan.changes['values']
    removed = [name for name in held if name not in wanted]
    count = monitors_holding(client, plan.object_id, [held[name] for name in removed]) if removed and not force else 0
    if count:
        raise InputError(used_refusal(plan.label, count, 'the value%s %s' % (
            '' if len(removed) == 1 else 's', ', '.join(repr(name) for name in removed)),
            'remove %s' % ('it' if len(removed) == 1 else 'them')))
    items = [{'id': held.get(name, 0), 'name': name} for name in wanted]
    before = dict(plan.before, values=[{'id': held[name], 'name': name} for name in held])
    prepared = copy.copy(plan)  # the plan planned stays as it was
    prepared.changes, prepared.before = dict(plan.changes, values=items), before
    return prepared


PROPERTY = ResourceKind(
    noun='custom property',
    plural='custom properties',
    module='alertsite_custom_property',
    list_path='/properties',
    item_path='/properties/{id}',
    fields=[
        Field('name', required_on_create=True, non_empty=True, check=no_surrounding_space),
        ValueNamesField('values'),
    ],
    options={'force': dict(type='bool', default=False)},
    before_write=property_write,
)
