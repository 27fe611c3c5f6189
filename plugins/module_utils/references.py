# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""References from one object to others, resolved to ids: ``{id: ...}`` as it is, or ``{name: ...}`` (and for
monitors ``{name: ..., type: ...}``) looked up with one listing per kind of object referred to.

Used where an option names other objects: the monitors and recipients of a recipient group, the targets of a
blackout. Anything unknown or ambiguous fails with :class:`.resource.InputError` before any write.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.fields import as_int
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError


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
        index = Index.load(client, kind, types, kind_of=lambda api_type: kind)
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
            problems.append('%s[%d]: %d %ss are named %r (ids %s): give the id instead'
                            % (option, position, len(found), kind.label(api_type, {}), item['name'],
                               ', '.join(str(obj.get('id')) for obj in found)))
        else:
            resolved.append(dict(rest, id=as_int(found[0].get('id'))))
    if problems:
        raise InputError('; '.join(problems))
    return resolved
