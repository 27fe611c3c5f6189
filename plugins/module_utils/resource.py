# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a kind of AlertSite object is: :class:`ResourceKind`, and :class:`Index` to find existing ones.

Every object the collection manages (a TCP monitor, a round-trip monitor, a recipient, a recipient group, ...)
is declared once as a :class:`ResourceKind`: where the API lists, reads and writes it, how an existing object
is identified, its fields (:mod:`.fields`) and its cross-field checks. The engine (:mod:`.engine`) and the
module runners (:mod:`.runners`) work from that declaration alone.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict


class InputError(Exception):
    """The user's input cannot be carried out; the message names the options at fault."""


class ResourceKind(object):
    """The declaration of one kind of AlertSite object, managed by one module.

    :param noun: what the object is called in messages (``monitor``, ``recipient``, ``recipient group``).
    :param module: the module that manages this kind.
    :param fields: the :class:`.fields.Field` objects of its options, in the API's order.
    :param list_path: the list endpoint, e.g. ``/monitors``.
    :param item_path: the path of one object, with ``{id}``, e.g. ``/monitors/{id}`` (GET and DELETE).
    :param create_path: the POST path, with ``{type}`` where the API type is part of it (default ``list_path``).
    :param update_path: the PATCH path, with ``{id}`` and maybe ``{type}`` (default ``item_path``).
    :param api_types: for kinds whose objects have an API type (monitors): the type, or a dict from the values
        of ``selector`` to types when one module manages several (email: imap, pop3, smtp).
    :param selector: how the API type is chosen from the user's values: the name of an option whose values are
        the keys of ``api_types``, or a function(values) -> API type, or None when the kind has one type (or
        none). A function may return None when the values do not say (the object is then looked for under
        every type of the kind).
    :param type_filter: the list endpoint's query parameter that filters by type (monitors: ``type``).
    :param identity: the options whose values, with the API type, identify an existing object.
    :param checks: functions(values) -> message or None, over several options at once.
    :param type_change: when the object exists under another type of the kind: ``warn`` (another object is
        created, as email protocols are separate monitors) or ``refuse`` (the type cannot change in place).
    :param create_defaults: values the API gives an object created without them (a recipient's method); the
        checks see them when they judge a create.
    :param create_checks: functions(values) -> message or None that only a create must pass (what the API
        cannot create, what it needs only then), run after the lookup and before any write.
    :param notes: a function(plan, check_mode) -> sentences added to the task's message (what a change does
        beyond the object itself, such as a group becoming the one default).
    :param api_notes: a function(client, plan, check_mode) -> more such sentences that need a read of other
        objects (which group stops being the default), run by the single-object runner before the write.
    :param result_key: the key of the object in a single-object module's result (default: the noun, with
        underscores).
    :param describe: a function(api_type, values) -> how messages name an object of the kind, for kinds whose
        first identity option is no name (default: the API type, the noun and that option's value).
    :param read_params: query parameters of every read of the kind's objects (listings and reads by id), for what
        the API shows only when asked (a DéjàClick monitor's script: ``show_scripts=true``).
    :param canonical: a function(obj) -> obj applied to every object read from the API (listings, reads by id,
        the lookup after an uncertain create; see :meth:`read`), so that every step sees one form of it: e.g. a
        type the API may write under another name read as the collection names it.

    :param plural: the noun for several objects (default: the noun and ``s``).
    :param options: module options that are no field of the object (never compared nor sent), by name, with
        their argument spec: ``force`` of a custom property.
    :param before_write: a function(client, plan, params) -> the plan to carry out, run by the single-object
        runner after planning and before any write: it may refuse with :class:`InputError` after reading other
        objects (monitors that hold a value to be removed), and return a copy of the plan whose changes are
        completed from the current object (the ids of a property's values).
    :param find_by: a function(client, kind, values) -> the object or None, by which the single-object runner
        finds the object of the user's identity (``values``, resolved) with a filtered GET instead of a listing
        of every object (an SLA: ``GET /slas?monitor_id=ID``); it applies no ``canonical`` (the runner does).
        Many objects at once (bulk, ``_info``) still use one listing.
    """

    def __init__(self, noun, module, fields, list_path, item_path, create_path=None, update_path=None,
                 api_types=None, selector=None, type_filter=None, identity=('name',), checks=(), type_change='warn',
                 result_key=None, describe=None, create_defaults=None, create_checks=(), notes=None, canonical=None,
                 api_notes=None, read_params=None, options=None, before_write=None, plural=None,
                 find_by=None):
        self.noun = noun
        self.module = module
        self.fields = list(fields)
        self.by_name = OrderedDict((field.name, field) for field in self.fields)
        self.list_path = list_path
        self.item_path = item_path
        self.create_path = create_path or list_path
        self.update_path = update_path or item_path
        if isinstance(api_types, dict):
            self.api_types = OrderedDict(api_types)
        else:
            self.api_types = OrderedDict([(None, api_types)]) if api_types else OrderedDict()
        self.selector = selector
        self.type_filter = type_filter
        self.identity = tuple(identity)
        self.checks = tuple(checks)
        self.type_change = type_change
        self.create_defaults = OrderedDict(create_defaults or {})
        self.create_checks = tuple(create_checks)
        self.notes = notes
        self.api_notes = api_notes
        self.result_key = result_key or noun.replace(' ', '_')
        self.describe = describe
        self.canonical = canonical
        self.read_params = dict(read_params or {})
        self.options = dict(options or {})
        self.plural = plural or noun + 's'
        self.before_write = before_write
        self.find_by = find_by

    # -- types -----------------------------------------------------------------------------------------

    @property
    def types(self):
        """Every API type of the kind, in declaration order (empty for kinds without types)."""
        return list(self.api_types.values())

    @property
    def selector_option(self):
        """The option that picks the API type, when the selector is an option."""
        return self.selector if isinstance(self.selector, str) else None

    def api_type(self, values):
        """The API type the user's values select, or None when they do not say (or the kind has no type)."""
        if not self.api_types:
            return None
        if callable(self.selector):
            return self.selector(values)
        if self.selector:
            return self.api_types.get(values.get(self.selector))
        return self.types[0]

    def read(self, obj):
        """An object as the API returned it, in the form every step works with (the kind's ``canonical``)."""
        return self.canonical(obj) if self.canonical is not None and isinstance(obj, dict) else obj

    # -- paths -----------------------------------------------------------------------------------------

    def path_of(self, object_id):
        return self.item_path.format(id=object_id)

    def create_path_for(self, api_type):
        return self.create_path.format(type=api_type)

    def update_path_for(self, api_type, object_id):
        return self.update_path.format(type=api_type, id=object_id)

    def list_params(self, api_types=None):
        """Query parameters of the listing of ``api_types`` (all of the kind's when None)."""
        if not self.type_filter:
            return dict(self.read_params)
        return dict(self.read_params, **{self.type_filter: ','.join(sorted(set(api_types or self.types)))})

    # -- fields ----------------------------------------------------------------------------------------

    @property
    def secret_fields(self):
        return [field for field in self.fields if field.secret]

    @property
    def write_only_fields(self):
        # a field part of whose value is write-only (an API step's password) is sent like one, too
        return [field for field in self.fields if field.write_only or getattr(field, 'write_only_part', False)]

    @property
    def required_fields(self):
        return [field for field in self.fields if field.required_on_create]

    # -- naming ----------------------------------------------------------------------------------------

    def key(self, api_type, values):
        """The identity of an object: its API type and the normalised values of the identity options."""
        return (api_type,) + tuple(self.by_name[name].normalise(values.get(name)) for name in self.identity)

    def label(self, api_type, values, object_id=None):
        """How messages name an object: ``tcp monitor 'web' (id 100001)``."""
        if self.describe is not None:
            label = self.describe(api_type, values)
        else:
            noun = '%s %s' % (api_type, self.noun) if api_type else self.noun
            names = [values.get(name) for name in self.identity if values.get(name) is not None]
            label = noun + ''.join(" '%s'" % name for name in names[:1]) if names else noun
        return label if object_id in (None, '') else '%s (id %s)' % (label, object_id)


class Index(object):
    """Existing objects of a listing, found by their identity (API type + identity options)."""

    def __init__(self, kind_of, objects, default_type=None):
        """:param kind_of: a function(api_type) -> the ResourceKind of objects of that type."""
        self.kind_of = kind_of
        self.objects = list(objects)
        self.by_id = dict((str(obj.get('id')), obj) for obj in self.objects if obj.get('id') is not None)
        self.by_key = OrderedDict()
        for obj in self.objects:
            api_type = obj.get('type', default_type) if default_type or 'type' in obj else None
            kind = kind_of(api_type)
            if kind is None:
                continue
            self.by_key.setdefault(kind.key(api_type, obj), []).append(obj)

    @classmethod
    def load(cls, client, kind, api_types=None, kind_of=None, looking_for=None, since=None):
        """One paged listing of the objects of ``kind`` (of ``api_types`` only, when given), each as
        :meth:`ResourceKind.read` gives it.

        Items that do not say their ``type`` are given the type they were listed under: when the listing spans
        several types, it is made again one type at a time.

        :param looking_for: ``(api_type, values)`` of one object: paging stops once it has turned up (the index
            then holds the objects read until then).
        :param since: a ``time.monotonic()`` moment: any listing begun after it will do, also one another thread
            made (see :meth:`.client.AlertSiteClient.get_all_since`).
        """
        types = sorted(set(api_types or kind.types))
        wanted = None if looking_for is None else kind.key(*looking_for)

        def is_wanted(obj):
            obj = kind.read(obj)
            return kind.key(obj.get('type', looking_for[0]), obj) == wanted

        def listed(some_types):
            params, until = kind.list_params(some_types), None if wanted is None else is_wanted
            listing = (client.get_all(kind.list_path, params, until) if since is None else
                       client.get_all_since(kind.list_path, params, since, until))
            return [kind.read(obj) for obj in listing]

        listing = listed(types)
        if types and any('type' not in obj for obj in listing):
            listing = [obj if 'type' in obj else dict(obj, type=api_type)
                       for api_type in types for obj in (listing if len(types) == 1 else listed([api_type]))]
        default_type = types[0] if len(types) == 1 else None
        return cls(kind_of or (lambda api_type: kind), listing, default_type)

    def matches(self, kind, api_type, values):
        return list(self.by_key.get(kind.key(api_type, values), []))

    def find(self, kind, api_type, values, remedy='set id to choose one'):
        """The object with that identity, or None; more than one is an error (ending with ``remedy``), never a
        guess."""
        found = self.matches(kind, api_type, values)
        if len(found) > 1:
            raise InputError(namesakes_message(kind.label(api_type, {}), values.get(kind.identity[0]), found, remedy))
        return found[0] if found else None

    def namesakes(self, kind, values, but_type):
        """Objects with the same identity under the kind's other API types (e.g. the other email protocols)."""
        return [obj for api_type in kind.types if api_type != but_type
                for obj in self.matches(kind, api_type, values)]


def namesakes_message(noun, name, objects, remedy):
    """The one wording of "more than one object answers to that name": ``2 tcp monitors are named 'web' (ids 1,
    2): <remedy>``, where ``noun`` names one of them (``tcp monitor``) and ``remedy`` says what to do."""
    return '%d %ss are named %r (ids %s): %s' % (len(objects), noun, name, ', '.join(str(obj.get('id')) for obj in objects),
                                                 remedy)


class Family(object):
    """The kinds one resource module (``alertsite_monitors``, ``alertsite_recipients``, ...) manages many of at once
    (:mod:`.bulk`): what the runner needs to know beyond the kinds' own declarations.

    :param noun: one object, in messages (``monitor``, ``recipient group``).
    :param plural: several objects (``monitors``, ``recipient groups``).
    :param kinds: API type -> :class:`ResourceKind`; a family whose objects have no API type maps None to its one
        kind (``{None: RECIPIENT}``).
    :param listing_kind: the kind the family is listed (and its secrets found) with: for monitors, the kind of any
        monitor type; for a family of one kind, that kind.
    :param typed: each definition carries a required ``type`` (then the ``types`` option exists).
    :param scoped: the ``scope`` option exists (a team's slice, by custom properties).
    :param config_aliases: aliases of the ``config`` option.
    :param steps: for a family whose ``config`` items are no single objects (a blackout item is a window per
        target), an object that takes over these steps of the runner: ``item_options()`` and ``task_options()``
        (the suboptions of ``config``, and options of the task besides the runner's), ``problems(params)`` (of the
        items, before any request), ``plan(client, params, index, prune_types, warnings)`` (the plans, deletions
        of ``overridden`` included), ``gathered(client, objects, params, api_types)``, ``parsed(objects, params,
        api_types)``, ``rendered(params)`` and ``as_definition(obj)`` (``before``/``after``). None: the runner's
        own steps, one object per definition.
    """

    def __init__(self, noun, plural, kinds, listing_kind, typed=False, scoped=False, config_aliases=(), steps=None):
        self.noun = noun
        self.plural = plural
        self.kinds = dict(kinds)
        self.listing_kind = listing_kind
        self.typed = typed
        self.scoped = scoped
        self.config_aliases = list(config_aliases)
        self.steps = steps

    @property
    def managed_types(self):
        """The API types the family manages, sorted (empty for a family without types)."""
        return sorted(api_type for api_type in self.kinds if api_type is not None)

    @property
    def distinct_kinds(self):
        """Each kind once, in a stable order."""
        kinds = []
        for api_type in sorted(self.kinds, key=lambda key: key or ''):
            if self.kinds[api_type] not in kinds:
                kinds.append(self.kinds[api_type])
        return kinds

    @property
    def write_only(self):
        """Whether some kind of the family has write-only fields (then the ``update_password`` option exists)."""
        return any(kind.write_only_fields for kind in self.distinct_kinds)

    def kind_of(self, api_type):
        """The kind of objects of ``api_type`` (None for a type the family does not manage)."""
        return self.kinds.get(api_type)

    def type_of(self, obj):
        """The API type of a definition or of an object of the API (None for a family without types)."""
        return obj.get('type') if self.typed else None

    def count(self, number):
        """``1 monitor``, ``3 monitors``."""
        return '%d %s' % (number, self.noun if number == 1 else self.plural)
