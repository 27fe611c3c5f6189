# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Objects of the API in the ``config`` form of a resource module (:mod:`.bulk`), and the listings of the
objects they refer to.

- :func:`as_definition` and :func:`gathered_definitions` - objects as definitions, ready to feed back as
  ``config`` (no secrets; unset values left out; an ``id`` where another object shares the identity);
- :func:`preload_references` - one listing per kind of object the definitions name (a recipient group's monitors
  and recipients), made once per task and kept on the client, where :func:`.references.resolve_references`
  finds it instead of listing again for every definition; :func:`share_listing` keeps a listing a task already
  made there;
- :func:`reference_items` - a reference list as definitions give it: by name (and type) where that name is
  unambiguous in such a listing, by id otherwise;
- :func:`parse_running_config` - the objects of a saved API listing (``state=parsed``).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible_collections.community.alertsite.plugins.module_utils.engine import current_values
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITORS
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError

UNSET = (None, '', [])


# -- references -------------------------------------------------------------------------------------------------

def reference_fields(family):
    """The fields of the family's kinds that refer to other objects (:class:`.references.ReferenceListField`)."""
    return [field for kind in family.distinct_kinds for field in kind.fields if getattr(field, 'target', None) is not None]


def named_types(field, config):
    """``(named, types)``: whether the definitions name objects of ``field`` by name, and the API types they name
    (None for objects without types)."""
    items = [item for definition in config for item in (definition.get(field.name) or [])
             if isinstance(item, dict) and item.get('id') in (None, '') and item.get('name') not in (None, '')]
    types = sorted(set(str(item.get('type')) for item in items if item.get('type'))) if field.typed else None
    return bool(items), types


def preload_references(client, family, config=None):
    """List, once per kind referred to, the objects the definitions name (every object of that kind when ``config``
    is None: ``gathered``), and keep each listing on the client (``reference_indexes``: list path -> (types
    listed or None for all, :class:`.resource.Index`)). Returns those indexes by list path."""
    wanted = {}
    for field in reference_fields(family):
        named, types = (True, None) if config is None else named_types(field, config)
        if not named:
            continue
        known = wanted.get(field.target.list_path, (field.target, set()))
        wanted[field.target.list_path] = (field.target, None if types is None or known[1] is None else known[1] | set(types))
    shared = getattr(client, 'reference_indexes', None) or {}
    for path, (target, types) in wanted.items():
        if path in shared and shared[path][0] is None:  # every object of that kind was listed before (share_listing)
            continue
        listed = None if types is None else sorted(types)
        shared[path] = (None if types is None else set(types),
                        Index.load(client, target, listed, kind_of=lambda api_type, kind=target: kind))
    client.reference_indexes = shared
    return dict((path, held[1]) for path, held in shared.items())


def share_listing(client, kind, objects):
    """Keep a listing of every object of ``kind`` (``objects``, as a task listed them) on the client, where
    :func:`preload_references` and the lookups of names (:func:`.references.listed_beforehand`) find it instead of
    listing that kind again: ``alertsite_account_info`` gathers the kinds others refer to first."""
    shared = getattr(client, 'reference_indexes', None) or {}
    shared[kind.list_path] = (None, Index(lambda api_type: kind, objects))
    client.reference_indexes = shared


def reference_items(field, value, index=None):
    """A normalised reference list (ids, or ``(id, step_number)`` items) as a definition gives it: ``{name}`` (and
    ``type``) where ``index`` (the listing of the kind referred to) holds one object so named, else ``{id}``; the
    item's other keys where they differ from their default."""
    items = []
    for item in value:
        parts = item if isinstance(item, (tuple, list)) else (item,)
        extra = dict((key, part) for key, part in zip(field.keys[1:], parts[1:]) if part != field.defaults.get(key))
        items.append(dict(referred(field, parts[0], index), **extra))
    return items


def referred(field, object_id, index):
    """``{name: ...}`` (with ``type`` for typed references) of the object with ``object_id`` when its name is
    unambiguous in ``index``, else ``{id: ...}``."""
    return reference_to(field.target, field.typed, object_id, index)


def reference_to(target, typed, object_id, index):
    """How a definition names the object of ``target`` (a kind) with ``object_id``: ``{name}`` (and ``type``, when
    ``typed``) where ``index`` (a listing of that kind) holds exactly one object so named, else ``{id}``. The one
    rule of every gathered reference (a recipient group's members, a blackout's targets)."""
    obj = index.by_id.get(str(object_id)) if index is not None else None
    key = target.identity[0]
    if obj is None or obj.get(key) in UNSET:
        return dict(id=object_id)
    api_type = obj.get('type') if typed else None
    if typed and not api_type or len(index.matches(target, api_type, {key: obj[key]})) != 1:
        return dict(id=object_id)
    return dict(name=obj[key], type=api_type) if typed else dict(name=obj[key])


# -- definitions ------------------------------------------------------------------------------------------------

def as_definition(obj, with_id=False, family=MONITORS, references=None):
    """An object as a definition in the ``config`` format (no secrets), or None for a type not managed here.
    References to other objects are by name where ``references`` (listings by list path) tell them apart."""
    if family.steps is not None:  # a family whose items are no single objects: its own config form
        return family.steps.as_definition(obj)
    api_type = family.type_of(obj)
    kind = family.kind_of(api_type)
    if kind is None:
        return None
    definition = dict(type=api_type) if family.typed else {}
    if with_id and obj.get('id') is not None:
        definition['id'] = str(obj['id'])
    # an unset value (null, "", no locations) is left out: fed back, it would be refused as empty, and leaving an
    # option out keeps what the object holds (replaced and overridden clear it, which it already is)
    for name, value in current_values(kind, obj).items():
        field = kind.by_name[name]
        # a value the option takes in another form than the API gives it (API steps: no step_number)
        value = getattr(field, 'input_value', lambda same: same)(value)
        if value in UNSET:
            continue
        if getattr(field, 'target', None) is not None and isinstance(value, list):
            value = reference_items(field, value, (references or {}).get(field.target.list_path))
        definition[name] = value
    return definition


def gathered_definitions(objects, api_types=None, family=MONITORS, references=None):
    """The objects (of ``api_types``, when given) as definitions, ready to feed back as ``config``: those whose
    type and name another object shares carry their ``id``, so that the output selects each one."""
    chosen = [obj for obj in objects if api_types is None or family.type_of(obj) in api_types]
    names = {}
    for obj in chosen:
        key = (family.type_of(obj), obj.get('name'))
        names[key] = names.get(key, 0) + 1
    definitions = [as_definition(obj, names[(family.type_of(obj), obj.get('name'))] > 1, family, references)
                   for obj in chosen]
    return [definition for definition in definitions if definition is not None]


def parse_running_config(running_config, family=MONITORS):
    """The objects of an API listing given as text or data: an envelope with ``results``, or a bare list."""
    data = running_config
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise InputError('running_config is not JSON: %s' % exc)
    if isinstance(data, dict):
        data = data.get('results')
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError('running_config must be a GET %s reply (an object with results) or a list of %s'
                         % (family.listing_kind.list_path, family.plural))
    return data
