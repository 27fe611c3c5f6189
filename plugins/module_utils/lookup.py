# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one lookup step: which existing object a task (or one definition of a bulk task) is about.

:func:`find_current` finds it by ``id`` or by identity, refuses what cannot be told or done (an unknown id, an
id of another type, two objects of one name, a rename onto a name in use, a type the API cannot change) and
names the namesakes under the kind's other types. The single-object runner and the bulk module both plan
through it, so they refuse and warn alike. It reads from a source of existing objects:

- :class:`Loaded` - the single-object path: a GET by id, the kind's filtered GET (``find_by``), or a listing of
  what the step needs;
- :class:`Listed` - the bulk path: one :class:`.resource.Index` of everything the task listed.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.engine import get_object
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError


class Loaded(object):
    """Existing objects read when the step needs them: one GET by id, one listing per call of :meth:`index`."""

    # what a task of a single-object module does when several objects answer to its name
    remedy = 'set id to choose one'

    def __init__(self, client):
        self.client = client

    def by_id(self, kind, object_id):
        return get_object(self.client, kind, object_id)

    def found_by(self, kind, wanted):
        """``(True, object or None)`` found with the kind's filtered GET (``find_by``); ``(False, None)`` when the
        kind declares none."""
        if kind.find_by is None:
            return False, None
        return True, kind.read(kind.find_by(self.client, kind, wanted))

    def index(self, kind, api_types=None):
        return Index.load(self.client, kind, api_types)


class Listed(object):
    """Existing objects of one listing made beforehand (it must hold every type of the kinds looked up). An id
    the listing does not hold is read with ``client`` (it may be an object of a type not listed); without a
    client it is taken as missing."""

    # what a definition of a bulk task does when several objects answer to its name
    remedy = 'add id to this definition to choose one, or rename or delete the others'

    def __init__(self, index, client=None):
        self.listing = index
        self.client = client

    def found_by(self, kind, wanted):  # pylint: disable=unused-argument
        """``(False, None)``: the listing made beforehand is the one source (no request per object)."""
        return False, None

    def by_id(self, kind, object_id):
        found = self.listing.by_id.get(object_id)
        if found is None and self.client is not None:
            return get_object(self.client, kind, object_id)
        return found

    def index(self, kind, api_types=None):
        return self.listing


def find_current(source, kind, api_type, wanted, object_id=None, state='present'):
    """``(current, api_type, warnings)``: the existing object (or None), its API type, and warnings about
    namesakes under the kind's other types. Raises :class:`.resource.InputError` when the object cannot be told
    or the task cannot be done.

    :param api_type: the type the user's values select; None when they do not say (a website monitor changed
        without its url): the object is then looked for under every type of the kind.
    :param object_id: the ``id`` the user gave (already stripped), or None.
    """
    if object_id:
        current, api_type = by_id(source, kind, api_type, wanted, object_id, state)
        return current, api_type, []
    filtered, current = source.found_by(kind, wanted)
    if filtered:
        return current, api_type, []
    index = source.index(kind, None)
    if api_type is None and kind.types:
        current, api_type = under_any_type(index, kind, wanted, source.remedy)
        return current, api_type, []
    current = index.find(kind, api_type, wanted, source.remedy)
    return current, api_type, namesake_warnings(index, kind, api_type, wanted, current, state)


def by_id(source, kind, api_type, wanted, object_id, state):
    """The object with ``object_id`` and its type; refused when it is of another type, or missing while it
    should be there."""
    current = source.by_id(kind, object_id)
    if current is None:
        if state == 'present':
            raise InputError('id %s: no %s with this id exists (omit id to create a %s by %s)'
                             % (object_id, kind.noun, kind.noun, kind.identity[0]))
        return None, api_type
    held = current.get('type', api_type)
    if kind.types and held not in kind.types or api_type and held != api_type:
        raise InputError('id %s is a %s %s, not %s: the API cannot change the type of a %s'
                         % (object_id, held, kind.noun, api_type or ' or '.join(kind.types), kind.noun))
    refuse_taken_name(source, kind, held or api_type, current, wanted, state)
    return current, held or api_type


def under_any_type(index, kind, wanted, remedy):
    """The one object with the user's identity under any type of the kind, and its type."""
    found = [(obj, held) for held in kind.types for obj in index.matches(kind, held, wanted)]
    if len(found) == 1:
        return found[0]
    if found:
        index.find(kind, found[0][1], wanted, remedy)  # fails naming the namesakes of one type
        raise InputError('%s: %s exists as %s; set the option that chooses the type'
                         % (kind.module, kind.label(None, wanted), ' and '.join(held for dummy, held in found)))
    return None, None


def namesake_warnings(index, kind, api_type, wanted, current, state):
    """Objects of the same identity under the kind's other types: a warning each, or a refusal when the kind
    cannot change the type in place and the task would create the object under another type."""
    warnings = []
    for other in index.namesakes(kind, wanted, api_type):
        label = kind.label(other.get('type'), other, other.get('id'))
        if kind.type_change == 'refuse' and current is None and state == 'present':
            raise InputError('%s exists, and the API cannot change the type of a %s: to make it a %s %s, delete it '
                             '(state=absent) and create it again' % (label, kind.noun, api_type, kind.noun))
        warnings.append('%s also exists; a %s cannot change its type in place: to move it, delete that one '
                        '(state=absent) and create this one' % (label, kind.noun))
    return warnings


def refuse_taken_name(source, kind, api_type, current, wanted, state):
    """A rename (an object chosen by id, given another name) onto a name another object of its type already has
    is refused before any write; it looks only when the name changes."""
    key = kind.identity[0]
    if state != 'present' or wanted.get(key) is None or kind.by_name[key].normalise(current.get(key)) == wanted[key]:
        return
    index = source.index(kind, [api_type] if api_type else None)
    others = [obj for obj in index.matches(kind, api_type, wanted) if str(obj.get('id')) != str(current.get('id'))]
    if others:
        raise InputError('cannot rename %s to %r: %s already has that %s'
                         % (kind.label(api_type, current, current.get('id')), wanted[key],
                            kind.label(api_type, others[0], others[0].get('id')), key))
