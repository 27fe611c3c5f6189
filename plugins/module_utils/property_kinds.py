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
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError, ResourceKind, namesakes_message

MONITORS_PATH = '/monitors'
PROPERTY_PATH = '/properties'


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


# -- a monitor's custom properties ------------------------------------------------------------------------------

class PropertyValues(dict):
    """``{property name: value name}``; ``ids`` maps property ids to value ids (None until resolved), ``declared``
    says whether the names are the user's (compared) or all that a monitor holds."""

    def __init__(self, names, ids=None, declared=True):
        super(PropertyValues, self).__init__(names)
        self.ids = ids
        self.declared = declared


class CustomPropertiesField(Field):
    """A monitor's ``custom_properties``: ``{property name: value name}`` for the user, resolved to ids with one
    listing of the properties per task; the API's ``[{"id", "name", "value", "value_id"}]`` is read by name. Only
    the properties the user names are compared. An update sends the monitor's whole array as ``{"id",
    "value_id"}`` items, with the named values changed (:meth:`sent_with`)."""

    def __init__(self, name='custom_properties', **kwargs):
        super(CustomPropertiesField, self).__init__(name, kind='dict', **kwargs)

    def argument_spec(self):
        return dict(type='dict')

    def from_user(self, value):
        return PropertyValues(value) if isinstance(value, dict) else value

    def normalise(self, value):
        if isinstance(value, list):  # the API's array; an empty one is no property
            items = [item for item in value if isinstance(item, dict)]
            if not items:
                return None
            return PropertyValues(dict((item.get('name'), item.get('value')) for item in items),
                                  dict((as_int(item.get('id')), as_int(item.get('value_id'))) for item in items),
                                  declared=False)
        if isinstance(value, dict) and not isinstance(value, PropertyValues):
            return PropertyValues(value)
        return value

    def same(self, one, other):
        declared, held = (other, one) if getattr(other, 'declared', False) else (one, other)
        if not getattr(declared, 'declared', False):
            return one == other
        return all((held or {}).get(name) == value for name, value in declared.items())

    def problem(self, value):
        if not value:
            return None
        bad = [name for name, item in value.items() if not isinstance(item, str) or not item.strip() or not name.strip()]
        if bad:
            return '%s must map property names to value names, got %r for %s' % (
                self.name, value[bad[0]], ', '.join(repr(name) for name in bad))
        return None

    def resolve(self, client, value):
        if not value:
            return value
        listing = property_listing(client)
        ids = {}
        for name, wanted in sorted(value.items()):
            prop = one_named(listing, name, 'custom property', '%s names no custom property %r (declare it with '
                             'community.alertsite.alertsite_custom_property)' % (self.name, name))
            found = one_named(prop.get('values') or [], wanted, 'value of %r' % name,
                              '%s: custom property %r has no value %r (its values: %s)'
                              % (self.name, name, wanted, ', '.join(repr(item.get('name')) for item in prop.get('values') or [])))
            ids[as_int(prop['id'])] = as_int(found['id'])
        return PropertyValues(value, ids)

    def sent_with(self, held, value):
        """The value sent to a monitor that holds ``held`` (the API's array): every property it has, the named ones
        with their new values."""
        ids = dict(self.normalise(held).ids if isinstance(held, list) else {})
        ids.update(value.ids or {})
        return PropertyValues(value, ids)

    def to_api(self, value):
        if value.ids is None:  # not resolved (the requests a bulk task would send, shown offline): by name
            return [{'name': name, 'value': item} for name, item in sorted(value.items())]
        return [{'id': prop, 'value_id': item} for prop, item in sorted(value.ids.items())]


def property_listing(client):
    """One listing of the properties per task (kept on the client)."""
    listing = getattr(client, 'custom_properties_listing', None)
    if listing is None:
        listing = client.get_all(PROPERTY_PATH)
        client.custom_properties_listing = listing
    return listing


def one_named(items, name, noun, missing):
    found = [item for item in items if isinstance(item, dict) and item.get('name') == name]
    if len(found) > 1:
        raise InputError(namesakes_message(noun, name, found, 'rename one of them'))
    if not found:
        raise InputError(missing)
    return found[0]


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
    list_path=PROPERTY_PATH,
    item_path='/properties/{id}',
    fields=[
        Field('name', required_on_create=True, non_empty=True, check=no_surrounding_space),
        ValueNamesField('values'),
    ],
    options={'force': dict(type='bool', default=False)},
    before_write=property_write,
)
