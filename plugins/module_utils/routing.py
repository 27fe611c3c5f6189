# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Field types of alert routing (recipients and recipient groups), and the runners of the two info modules.

- :class:`CodeField` - an integer code of the API that users may also give by a readable name (a recipient's
  ``method_id``, also accepted as ``method: email_html``);
- :class:`ReferenceListField` - a list of other objects, each ``{id: ...}`` or ``{name: ...}`` (monitors:
  ``{name: ..., type: ...}``), compared as a set of ids once the names are resolved (the monitors and the
  recipients of a recipient group);
- :func:`run_info_module` - ``alertsite_recipient_info`` and ``alertsite_recipient_group_info``.

The kinds themselves are declared in :mod:`.routing_kinds`.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    clean_id,
    get_object,
    id_problems,
    public_object,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, IdListField, as_int
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems, resolve_references
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse


class CodeField(Field):
    """An integer code of the API (``method_id``), also accepted by a readable name through an alias option
    (``method: email_html``). Compared and sent as the number.

    :param codes: an ordered mapping from each documented code to its readable name.
    :param alias: the option that takes the readable name (either option takes either form).
    """

    def __init__(self, name, codes, alias=None, **kwargs):
        super(CodeField, self).__init__(name, kind='raw', **kwargs)
        self.codes = OrderedDict(codes)
        self.by_label = dict((label, code) for code, label in self.codes.items())
        self.alias = alias

    def argument_spec(self):
        spec = dict(type='raw')
        if self.alias:
            spec['aliases'] = [self.alias]
        return spec

    def normalise(self, value):
        if value is None or value == '':
            return None
        if isinstance(value, str) and value.strip() in self.by_label:
            return self.by_label[value.strip()]
        return as_int(value) if not isinstance(value, bool) else value

    def label_of(self, code):
        """``email_html (12)`` for 12; the bare value for an undocumented code."""
        return '%s (%s)' % (self.codes[code], code) if code in self.codes else repr(code)

    def problem(self, value):
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value in self.codes:
            return None
        names = ' or '.join(filter(None, [self.name, self.alias]))
        return '%s must be one of %s, got %r' % (
            names, ', '.join('%s (%s)' % (label, code) for code, label in self.codes.items()), value)


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


# -- the info modules -----------------------------------------------------------------------------------------

def run_info_module(kind, filters, result_key):
    """An info module of ``kind``: every object, or those the filters select, read only (also in check mode).

    :param filters: a list of :class:`InfoFilter`, the module's options besides ``id`` and ``name``.
    :param result_key: the key of the list in the result (``recipients``).
    """
    spec = connection_argument_spec()
    spec.update(id=dict(type='str'), name=dict(type='str'))
    for info_filter in filters:
        spec[info_filter.option] = info_filter.argument_spec()
    module = new_module(spec)
    params = module.params
    problems = id_problems(params['id'], kind.noun)
    if params['name'] is not None and not params['name'].strip():
        problems.append('name must not be empty')
    for info_filter in filters:
        problems.extend(info_filter.problems(params.get(info_filter.option)))
    refuse(module, problems + connection_problems(params))
    client = client_from_module(module)
    try:
        object_id = clean_id(params['id'])
        if object_id:
            found = get_object(client, kind, object_id)
            objects = [found] if found else []
        else:
            query = OrderedDict()
            for info_filter in filters:
                query.update(info_filter.query(params.get(info_filter.option)))
            objects = client.get_all(kind.list_path, params=query or None)
    except AlertSiteError as exc:
        fail(module, exc)
    else:
        selected = [public_object(kind, obj) for obj in objects
                    if (params['name'] is None or obj.get('name') == params['name'])
                    and all(info_filter.keeps(obj, params.get(info_filter.option)) for info_filter in filters)]
        noun = kind.noun if len(selected) == 1 else kind.noun + 's'
        module.exit_json(changed=False, msg='Found %d %s' % (len(selected), noun), **{result_key: selected})


class InfoFilter(object):
    """One filter option of an info module: sent to the API as ``params`` and, in case the API ignores it,
    also applied to what it returns (by ``keeps``).

    :param option: the module option.
    :param spec: its argument spec.
    :param params: the query parameters it is sent as (several names for one value, when the API's spelling
        is uncertain).
    :param keeps: a function(object, value) -> whether the object matches; None to trust the API.
    :param field: a :class:`.fields.Field` that checks and normalises the value.
    """

    def __init__(self, option, spec, params, keeps=None, field=None):
        self.option = option
        self.spec = spec
        self.params = tuple(params)
        self._keeps = keeps
        self.field = field

    def argument_spec(self):
        return dict(self.spec)

    def value(self, raw):
        return self.field.normalise(raw) if self.field is not None else raw

    def problems(self, raw):
        if raw is None or self.field is None:
            return []
        problem = self.field.problem(self.value(raw))
        return [problem] if problem else []

    def query(self, raw):
        value = self.value(raw)
        return [] if value is None else [(param, value) for param in self.params]

    def keeps(self, obj, raw):
        value = self.value(raw)
        return value is None or self._keeps is None or self._keeps(obj, value)


def holds_id(key):
    """A ``keeps`` for filters by a member's id: the object's ``key`` list holds an item with that id."""
    def keeps(obj, value):
        return any(str(item.get('id') if isinstance(item, dict) else item) == str(value) for item in obj.get(key) or [])
    return keeps
