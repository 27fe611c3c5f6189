# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Field declarations: one field per option of an AlertSite object, named as the API names it.

A field knows its Ansible argument spec (:meth:`Field.argument_spec`), how to check a user's value before
any request (:meth:`Field.problem`), how to bring a user's or the API's value into one comparable form
(:meth:`Field.normalise`) and how to send it (:meth:`Field.to_api`). The engine never special-cases an option
by name or by type: what differs between options is declared here, as a subclass where the value is not a
plain string, integer or boolean (:class:`LocationsField`, :class:`IdListField`, :class:`CodeField`).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ipaddress
from collections import OrderedDict

from ansible.module_utils.parsing.convert_bool import boolean

SECRET_MASK = '********'


def as_int(value):
    """An int for an int, a bool or a string of ASCII digits with an optional leading minus; else the value
    unchanged (so that a check can refuse it)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text.startswith('-') else text
        if digits.isascii() and digits.isdigit():
            return int(text)
    return value


def as_bool(value):
    try:
        return boolean(value, strict=True)
    except TypeError:
        return value


def as_str(value):
    return value if isinstance(value, str) else str(value)


class Field(object):
    """One option: a string, an integer or a boolean.

    :param kind: ``str``, ``int`` or ``bool``.
    :param required_on_create: the API needs it to create the object (not to change one).
    :param minimum: smallest allowed integer.
    :param maximum: largest allowed integer.
    :param max_length: longest allowed string.
    :param non_empty: an empty string is refused.
    :param check: a function(value) returning a problem message (without the option name) or None.
    :param secret: no_log; masked in diffs and commands, removed from returned objects.
    :param no_log: False for an option that is no secret although its name looks like one (``keyword_string``),
        so that Ansible does not flag it.
    :param write_only: the API never returns it, so it is not compared; it is sent on create, and to an
        existing object only with ``update_password=always``.
    :param reset: the value that means "not set" (an empty note, no fixed address); ``state=replaced`` of the
        bulk module sends it for options a definition leaves out. None: the API's default depends on the
        account, so a left-out option is left as it is.
    :param api_name: the name the API uses, when the option's name must differ (a recipient's ``password``
        is the option ``recipient_password``, so that it does not collide with the connection's).
    :param choices: the values allowed (Ansible checks them).
    :param compare: for a string, a function(value) -> the form in which it is compared, where the API evidently
        treats two spellings as the same (host names in any case: :func:`host_key`; notes with trailing white
        space: :func:`trailing_space_key`). A string option is always compared with ``""``, null and absent
        as the same "not set".
    """

    def __init__(self, name, kind='str', required_on_create=False, minimum=None, maximum=None, max_length=None,
                 non_empty=False, check=None, secret=False, write_only=False, reset=None, api_name=None, choices=None,
                 compare=None, no_log=None):
        self.name = name
        self.kind = kind
        self.required_on_create = required_on_create
        self.minimum = minimum
        self.maximum = maximum
        self.max_length = max_length
        self.non_empty = non_empty
        self.check = check
        self.secret = secret
        self.write_only = write_only
        self.reset = reset
        self.api_name = api_name or name
        self.choices = choices
        self.compare = compare
        self.no_log = True if secret else no_log

    def argument_spec(self):
        spec = dict(type=self.kind)
        if self.choices:
            spec['choices'] = list(self.choices)
        if self.no_log is not None:
            spec['no_log'] = self.no_log
        return spec

    def normalise(self, value):
        """The comparable form of a user's or the API's value (None for "not set")."""
        if value is None:
            return None
        if self.kind == 'int':
            return None if value == '' else as_int(value)
        if self.kind == 'bool':
            return as_bool(value)
        return as_str(value)

    def comparable(self, value):
        """The form in which a normalised value is compared with another: None for "not set" (for a string,
        ``""`` too), and the :attr:`compare` form of a string."""
        if self.kind != 'str' or not isinstance(value, str):
            return value
        if self.compare is not None:
            value = self.compare(value)
        return value if value != '' else None

    def same(self, one, other):
        """Whether two normalised values (the user's and the API's, or what was sent and what reads back) mean
        the same to the API."""
        return self.comparable(one) == self.comparable(other)

    def from_user(self, value):
        """The comparable form of a user's value; a field whose user form says more than the API's (references
        by name) keeps that until :meth:`resolve`."""
        return self.normalise(value)

    def resolve(self, client, value):
        """The user's value with references to other objects turned into ids (fields that refer to other
        objects look them up with ``client``); other fields return it unchanged, without a request."""
        return value

    def to_api(self, value):
        """The form the API takes on POST and PATCH."""
        return value

    def problem(self, value):
        """A message naming this option when a user's value cannot be right, else None."""
        if value is None:
            return None
        if self.kind == 'int' and not (isinstance(value, int) and not isinstance(value, bool)):
            return '%s must be an integer, got %r' % (self.name, value)
        if self.kind == 'int' and (self.minimum is not None and value < self.minimum
                                   or self.maximum is not None and value > self.maximum):
            return '%s must be %s, got %s' % (self.name, self._range_text(), value)
        if self.kind == 'str':
            if self.non_empty and not value.strip():
                return '%s must not be empty' % self.name
            if self.max_length is not None and len(value) > self.max_length:
                return '%s must be at most %d characters, got %d' % (self.name, self.max_length, len(value))
        if self.check is not None:
            problem = self.check(value)
            if problem:
                return '%s %s' % (self.name, problem)
        return None

    def _range_text(self):
        if self.maximum is None:
            return 'at least %s' % self.minimum
        if self.minimum is None:
            return 'at most %s' % self.maximum
        return 'between %s and %s' % (self.minimum, self.maximum)


class IdListField(Field):
    """A list of objects identified by ``id`` (and optionally more keys), compared as a set.

    The user writes ``[{id: 10}, {id: 20, step_number: 2}]`` (or, with ``bare_ids``, ``[10, 20]``); the API holds
    the same objects, perhaps with read-only extras (names) that are not compared. ``keys`` are the keys that
    matter, with ``defaults`` for those a user may leave out. The API replaces such a list whole, so a change
    sends the whole list.

    :param keys: the compared keys of each item, ``id`` first.
    :param defaults: values of the keys other than ``id`` when an item leaves them out.
    :param bare_ids: the user gives plain ids (``[10, 20]``), the API takes ``[{"id": 10}, ...]``.
    :param non_empty: an empty list is refused.
    """

    def __init__(self, name, keys=('id',), defaults=None, bare_ids=False, non_empty=False, **kwargs):
        super(IdListField, self).__init__(name, kind='list', non_empty=non_empty, **kwargs)
        self.keys = tuple(keys)
        self.defaults = dict(defaults or {})
        self.bare_ids = bare_ids

    def argument_spec(self):
        if self.bare_ids:
            return dict(type='list', elements='int')
        options = dict((key, dict(type='int', required=key == 'id')) for key in self.keys)
        return dict(type='list', elements='dict', options=options)

    def _item(self, item):
        if not isinstance(item, dict):
            item = {'id': item}
        return tuple(as_int(item.get(key) if item.get(key) is not None else self.defaults.get(key)) for key in self.keys)

    def normalise(self, value):
        """A sorted list of item tuples (plain ids for a one-key list), whatever form the items come in."""
        if value is None:
            return None
        if not isinstance(value, list):
            return value
        items = set(self._item(item) for item in value)
        if len(self.keys) == 1:
            items = set(item[0] for item in items)
        try:
            return sorted(items)
        except TypeError:  # a malformed id from the API: still a stable order
            return sorted(items, key=str)

    def to_api(self, value):
        if len(self.keys) == 1:
            return [{'id': item} for item in value]
        return [dict(zip(self.keys, item)) for item in value]

    def problem(self, value):
        if value is None:
            return None
        if not value:
            return '%s must not be empty' % self.name if self.non_empty else None
        ids = [item[0] if isinstance(item, tuple) else item for item in value]
        bad = [item for item in ids if not isinstance(item, int) or isinstance(item, bool) or item < 1]
        if bad:
            return '%s must be a list of positive ids, got %s' % (self.name, bad)
        return None


class LocationsField(IdListField):
    """Monitoring locations: plain location ids for the user, ``[{"id": n}]`` for the API, compared as a set."""

    def __init__(self, name='locations', **kwargs):
        super(LocationsField, self).__init__(name, bare_ids=True, **kwargs)

    def problem(self, value):
        if value is None:
            return None
        if not value:
            return '%s must name at least one location id' % self.name
        bad = [item for item in value if not isinstance(item, int) or item < 1]
        if bad:
            return '%s must be a list of positive location ids, got %s' % (self.name, bad)
        return None


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


# -- comparison forms (Field's compare) --------------------------------------------------------------

def host_key(value):
    """Host names (and ``scheme://host:port`` forms) are the same in any case."""
    return value.lower()


def url_key(value):
    """A URL is the same with its scheme and host in any case; the rest (the path) keeps its case."""
    scheme, separator, rest = value.partition('://')
    if not separator:
        return value
    authority, slash, path = rest.partition('/')
    return '%s://%s%s%s' % (scheme.lower(), authority.lower(), slash, path)


def email_key(value):
    """An email address is the same with its domain in any case (the part before @ may be case-sensitive)."""
    local, at, domain = value.rpartition('@')
    return '%s@%s' % (local, domain.lower()) if at else value


def trailing_space_key(value):
    """Notes are the same without the white space they end with."""
    return value.rstrip()


# -- value checks shared by several fields ----------------------------------------------------------

def ipv4_address(value):
    if value == '':
        return None  # an empty ipv4 clears the fixed address
    try:
        ipaddress.IPv4Address(as_str(value))
    except ValueError:
        return 'must be an IPv4 address such as 203.0.113.5, got %r' % value
    return None


def no_surrounding_space(value):
    """A check for names: white space at either end is refused, as the API may trim it (the object would then
    not be found again by its name, and a rerun would create another)."""
    if value != value.strip():
        return 'must not start or end with white space, got %r' % value
    return None


def host_name(value):
    if any(char.isspace() for char in value) or '/' in value:
        return 'must be a host name or IP address without spaces or slashes, got %r' % value
    return None


def url_or_host(schemes):
    """A check for options that take a host name or ``scheme://host[:port]`` with one of ``schemes``."""
    def check(value):
        if '://' not in value:
            return host_name(value)
        scheme, rest = value.split('://', 1)
        if scheme.lower() not in schemes:
            return 'must be a host name or a URL starting with %s, got %r' % (
                ' or '.join('%s://' % known for known in schemes), value)
        if rest.startswith('['):  # an IPv6 literal: [2001:db8::1]:465
            literal, bracket, port = rest[1:].partition(']')
            if not bracket or port and not port.startswith(':'):
                return 'has no valid host name in %r' % value
            try:
                ipaddress.IPv6Address(literal)
            except ValueError:
                return 'has no valid IPv6 address in %r' % value
            port = port[1:]
        else:
            host, dummy, port = rest.partition(':')
            if not host or host_name(host):
                return 'has no valid host name in %r' % value
        if port and not (port.isdigit() and 1 <= int(port) <= 65535):
            return 'has a port that is not between 1 and 65535 in %r' % value
        return None
    return check


def email_address(value):
    local, at, domain = value.partition('@')
    if not (local and at and '.' in domain.strip('.')) or '@' in domain or any(char.isspace() for char in value):
        return 'must be an email address such as monitor@example.com, got %r' % value
    return None
