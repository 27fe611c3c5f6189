# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""References from one object to others, resolved to ids: ``{id: ...}`` as it is, or ``{name: ...}`` (and for
monitors ``{name: ..., type: ...}``) looked up with one listing per kind of object referred to.

Used where an option names other objects: the monitors and recipients of a recipient group
(:class:`ReferenceListField`, the field type of such options), the targets of a blackout. Anything unknown or
ambiguous fails with :class:`.resource.InputError` before any write.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.fields import IdListField, as_int
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, namesakes_message


def reference_problems(option, items, typed=False, type_choices=None):
    """Problems of reference items seen without the API: each needs ``id``, or ``name`` (and ``type`` when
    ``typed``), not both."""
    problems = []
    for position, item in enumerate(items or []):
        where = '%s[%d]' % (option, position)
        has_id, has_name = item.get('id') not in (None, ''), item.get('name') not in (None, '')
        if has_id and has_name:
            problems.append('%s: give id or name, not both' % where)
        elif has_id:
            value = as_int(item['id'])
            if not isinstance(value, int) or value < 1:
                problems.append('%s: id must be a positive id, got %r' % (where, item['id']))
        elif has_name:
            if not str(item['name']).strip():
                problems.append('%s: name must not be empty' % where)
            if typed and not item.get('type'):
                problems.append('%s: name needs type (the API type, such as tcp)' % where)
            elif typed and type_choices and item.get('type') not in type_choices:
                problems.append('%s: type must be one of %s, got %r' % (where, ', '.join(type_choices), item.get('type')))
        else:
            problems.append('%s: give id or name' % where)
    return problems


def resolve_references(client, kind, option, items, typed=False):
    """The items with every ``name`` replaced by the ``id`` of the one object of ``kind`` so named.

    :param kind: the :class:`.resource.ResourceKind` referred to (for monitors, one that lists every type).
    :param typed: items name their API ``type`` beside their ``name`` (monitors).
    :returns: new item dicts holding ``id`` (an int) and the items' other keys; ``name`` and ``type`` dropped.
    """
    named = [item for item in items or [] if item.get('id') in (None, '')]
    index = None
    if named:
        types = sorted(set(item['type'] for item in named)) if typed else None
        index = listed_beforehand(client, kind, types) or Index.load(client, kind, types, kind_of=lambda api_type: kind)
    resolved, problems = [], []
    for position, item in enumerate(items or []):
        rest = dict((key, value) for key, value in item.items() if key not in ('id', 'name', 'type'))
        if item.get('id') not in (None, ''):
            resolved.append(dict(rest, id=as_int(item['id'])))
            continue
        api_type = item.get('type') if typed else None
        found = index.matches(kind, api_type, {kind.identity[0]: item['name']})
        label = kind.label(api_type, {kind.identity[0]: item['name']})
        if not found:
            problems.append('%s[%d]: no %s exists' % (option, position, label))
        elif len(found) > 1:
            message = namesakes_message(kind.label(api_type, {}), item['name'], found, 'give the id instead')
            problems.append('%s[%d]: %s' % (option, position, message))
        else:
            resolved.append(dict(rest, id=as_int(found[0].get('id'))))
    if problems:
        raise InputError('; '.join(problems))
    return resolved


def listed_beforehand(client, kind, types):
    """The listing of ``kind`` that a task of many objects made once for every name its definitions give (kept on
    the client as ``reference_indexes``: list path -> (the types listed, None for all; the index); see
    :func:`.gathered.preload_references`), when it holds ``types``; else None."""
    held = (getattr(client, 'reference_indexes', None) or {}).get(kind.list_path)
    if held is None or held[0] is not None and not set(types or ()) <= held[0]:
        return None
    return held[1]


class ReferenceListField(IdListField):
    """A list of other objects, compared as a set of ids: each item ``{id: ...}`` or ``{name: ...}`` (with
    ``type`` when the objects have API types), plus the item's own ``keys`` (``step_number``).

    A user's items stay as given (:meth:`from_user`), so that they can be checked, until :meth:`resolve` turns
    them into ids, with one listing of the objects referred to when some are named; the API's items always carry
    ids, so its side is compared at once.

    :param target: the :class:`.resource.ResourceKind` referred to (for monitors, one that lists every type).
    :param typed: items name their API ``type`` beside their ``name``.
    :param type_choices: the API types a ``type`` may take.
    """

    def __init__(self, name, target, typed=False, type_choices=None, **kwargs):
        super(ReferenceListField, self).__init__(name, **kwargs)
        self.target = target
        self.typed = typed
        self.type_choices = list(type_choices or [])

    def argument_spec(self):
        options = OrderedDict(id=dict(type='int'), name=dict(type='str'))
        if self.typed:
            options['type'] = dict(type='str', choices=self.type_choices) if self.type_choices else dict(type='str')
        for key in self.keys[1:]:
            options[key] = dict(type='int')
        return dict(type='list', elements='dict', options=options)

    def from_user(self, value):
        """The user's items as given (without the keys left unset), to be checked, then resolved to ids."""
        if not isinstance(value, list):
            return value
        return [dict((key, item[key]) for key in item if item[key] is not None) if isinstance(item, dict) else item
                for item in value]

    def problem(self, value):
        if value is None:
            return None
        if not value:
            return '%s must not be empty' % self.name if self.non_empty else None
        if not all(isinstance(item, dict) for item in value):
            return super(ReferenceListField, self).problem(value)
        problems = reference_problems(self.name, value, typed=self.typed, type_choices=self.type_choices)
        for position, item in enumerate(value):
            for key in self.keys[1:]:
                number = item.get(key)
                if number is not None and not (isinstance(number, int) and number >= 0):
                    problems.append('%s[%d]: %s must be 0 or more, got %r' % (self.name, position, key, number))
        return '; '.join(problems) or None

    def resolve(self, client, value):
        """The comparable ids: names resolved with one listing of the objects referred to (no request when every
        item gives an id)."""
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return self.normalise(value)
        return self.normalise(resolve_references(client, self.target, self.name, value, typed=self.typed))
