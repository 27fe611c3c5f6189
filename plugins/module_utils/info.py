# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one runner of every ``_info`` module: :func:`run_info_module`, and :class:`InfoFilter`, how a module
declares its filters.

An info module is a kind (:class:`.resource.ResourceKind`) and its filters. The runner gives it the connection
options, ``id`` (one GET, no listing) and, for kinds with a ``name`` field, ``name`` (compared here); then it
checks every option before any request, always in the same order (``id``, ``name``, the filters in their
declared order, the module's cross-option checks, the connection), resolves what the filters name (one
listing per kind of object named), sends the filters the API understands, checks every filter again on what
comes back (in case the API ignores one), removes the kind's secrets (:func:`.secrets.public_object`) and says
``Found N <noun>s``. Nothing is ever written, in check mode or not.

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
from ansible_collections.community.alertsite.plugins.module_utils.engine import clean_id, get_object, id_problems
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import fail, refuse
from ansible_collections.community.alertsite.plugins.module_utils.secrets import public_object


class InfoFilter(object):
    """One option of an info module besides the connection options, ``id`` and ``name``.

    A filter may be sent to the API (``params``), re-checked on what the API returns (``keeps``), or both; a
    filter with neither is a setting the others read (the time zone of ``alertsite_blackout_info``).

    :param option: the module option.
    :param spec: its argument spec.
    :param params: the query parameters its value is sent as (several names for one value, when the API's
        spelling is uncertain), or a function(value) -> ``[(parameter, value), ...]`` when what is sent is not the
        value as it is.
    :param keeps: a function(object, value, context) -> whether the object matches, where ``context`` maps
        every filter's option to its resolved value; called only for a value that is set (not None). None to
        trust the API.
    :param field: a :class:`.fields.Field` that checks and normalises the value.
    :param check: a function(value) -> a list of problems, for values a field cannot check (lists of references).
    :param resolve: a function(client, value) -> the value that ``params`` and ``keeps`` see (names turned into
        ids with one listing, a time zone turned into the current time there); run once per task, after every
        check, for a value that is set. It may raise :class:`.resource.InputError`.
    """

    def __init__(self, option, spec, params=(), keeps=None, field=None, check=None, resolve=None):
        self.option = option
        self.spec = spec
        self.params = params if callable(params) else tuple(params)
        self._keeps = keeps
        self.field = field
        self.check = check
        self.resolve = resolve

    def argument_spec(self):
        return dict(self.spec)

    def value(self, raw):
        return self.field.normalise(raw) if self.field is not None else raw

    def problems(self, raw):
        value = self.value(raw)
        if value is None:
            return []
        problem = self.field.problem(value) if self.field is not None else None
        return ([problem] if problem else []) + (list(self.check(value)) if self.check is not None else [])

    def resolved(self, client, raw):
        value = self.value(raw)
        return value if value is None or self.resolve is None else self.resolve(client, value)

    def query(self, value):
        if value is None:
            return []
        if callable(self.params):
            return list(self.params(value))
        return [(param, value) for param in self.params]

    def keeps(self, obj, value, context):
        return value is None or self._keeps is None or self._keeps(obj, value, context)


def holds_id(key):
    """A ``keeps`` for filters by a member's id: the object's ``key`` list holds an item with that id."""
    def keeps(obj, value, context):
        return any(str(item.get('id') if isinstance(item, dict) else item) == str(value) for item in obj.get(key) or [])
    return keeps


def info_argument_spec(kind, filters):
    spec = connection_argument_spec()
    spec['id'] = dict(type='str')
    if 'name' in kind.by_name:
        spec['name'] = dict(type='str')
    for info_filter in filters:
        spec[info_filter.option] = info_filter.argument_spec()
    return spec


def info_problems(kind, filters, checks, params):
    """Every problem of the options, in the one order of every info module."""
    problems = id_problems(params['id'], kind.noun)
    if params.get('name') is not None and not params['name'].strip():
        problems.append('name must not be empty')
    for info_filter in filters:
        problems.extend(info_filter.problems(params.get(info_filter.option)))
    problems.extend(problem for problem in (check(params) for check in checks) if problem)
    return problems + connection_problems(params)


def read_objects(client, kind, object_id, query, read):
    """The object with that id (an empty list when there is none), else one paged listing with ``query``; each
    object as ``read`` (by default the kind's :meth:`.resource.ResourceKind.read`) gives it."""
    if object_id:
        found = get_object(client, kind, object_id)
        objects = [found] if found else []
    else:
        objects = client.get_all(kind.list_path, params=query or None)
    return [read(obj) for obj in objects]


def run_info_module(kind, filters=(), checks=(), read=None, result_key=None, gather=None):
    """The whole life of an info module of ``kind``: every object, or those the filters select, read only.

    :param filters: its :class:`InfoFilter` list, in the order of its documentation.
    :param checks: functions(params) -> a problem or None, over several options at once.
    :param read: a function(object) -> the object as the module shows it (the API's aliases read as the
        collection names them), applied to everything read; by default the kind's own (``canonical``).
    :param result_key: the key of the list in the result (default: the kind's ``result_key`` plus ``s``).
    :param gather: for a module whose objects are not the items of one listing (one status per monitor from a
        report's rows): a function(client, id, context, warn) -> the objects, instead of the read by ``id`` or
        the listing with the filters' query; ``warn`` is the module's.
    """
    module = new_module(info_argument_spec(kind, filters))
    params = module.params
    refuse(module, info_problems(kind, filters, checks, params))
    client = client_from_module(module)
    try:
        context = OrderedDict((info_filter.option, info_filter.resolved(client, params.get(info_filter.option)))
                              for info_filter in filters)
        query = OrderedDict()
        for info_filter in filters:
            query.update(info_filter.query(context[info_filter.option]))
        if gather is not None:
            objects = gather(client, clean_id(params['id']), context, module.warn)
        else:
            objects = read_objects(client, kind, clean_id(params['id']), query, read or kind.read)
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    else:
        selected = [public_object(kind, obj) for obj in objects
                    if (params.get('name') is None or obj.get('name') == params['name'])
                    and all(info_filter.keeps(obj, context[info_filter.option], context) for info_filter in filters)]
        noun = kind.noun if len(selected) == 1 else kind.plural
        module.exit_json(changed=False, msg='Found %d %s' % (len(selected), noun),
                         **{result_key or kind.result_key + 's': selected})
