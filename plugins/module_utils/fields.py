# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Field declarations: one :class:`Field` per monitor option, named as the AlertSite API names it.

A field knows its Ansible argument spec, how to check a user's value before any request
(:meth:`Field.problem`), how to bring a user's or the API's value into one comparable form
(:meth:`Field.normalise`) and how to send it (:meth:`Field.to_api`). The engine never special-cases
an option by name: what differs between options is declared here.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ipaddress

from ansible.module_utils.parsing.convert_bool import boolean

SECRET_MASK = '********'


def _int(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip('-').isdigit():
        return int(value.strip())
    return value


def _bool(value):
    try:
        return boolean(value, strict=True)
    except TypeError:
        return value


def _str(value):
    return value if isinstance(value, str) else str(value)


def _location_id(item):
    if isinstance(item, dict):
        item = item.get('id')
    return _int(item)


def _locations(value):
    """Locations compare as a sorted list of integer ids, whatever form they come in."""
    if not isinstance(value, list):
        return value
    ids = set(_location_id(item) for item in value)
    try:
        return sorted(ids)
    except TypeError:  # a malformed id from the API: still a stable order
        return sorted(ids, key=str)


NORMALISERS = {'str': _str, 'int': _int, 'bool': _bool, 'locations': _locations}


class Field(object):
    """One monitor option.

    :param kind: ``str``, ``int``, ``bool`` or ``locations`` (a list of location ids).
    :param required_on_create: the API needs it to create a monitor (not to change one).
    :param minimum: smallest allowed integer.
    :param maximum: largest allowed integer.
    :param max_length: longest allowed string.
    :param non_empty: an empty string is refused.
    :param check: a function(value) returning a problem message (without the option name) or None.
    :param secret: no_log; masked in diffs, removed from returned monitors.
    :param write_only: the API never returns it, so it is not compared; it is sent on create, and to
        an existing monitor only with ``update_password=always``.
    :param reset: the value that means "not set" (an empty note, no fixed address); ``state=replaced`` of
        the fleet module sends it for options a definition leaves out. None: the API's default depends on
        the account, so a left-out option is left as it is.
    """

    def __init__(self, name, kind='str', required_on_create=False, minimum=None, maximum=None, max_length=None,
                 non_empty=False, check=None, secret=False, write_only=False, reset=None):
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

    def argument_spec(self):
        if self.kind == 'locations':
            spec = dict(type='list', elements='int')
        else:
            spec = dict(type=self.kind)
        if self.secret:
            spec['no_log'] = True
        return spec

    def normalise(self, value):
        """The comparable form of a user's or the API's value."""
        if value is None:
            return None
        return NORMALISERS[self.kind](value)

    def to_api(self, value):
        """The form the API takes on POST and PATCH."""
        if self.kind == 'locations':
            return [{'id': location} for location in value]
        return value

    def problem(self, value):
        """A message naming this option when a user's value cannot be right, else None."""
        if value is None:
            return None
        if self.kind == 'locations':
            if not value:
                return '%s must name at least one location id' % self.name
            bad = [item for item in value if not isinstance(item, int) or item < 1]
            if bad:
                return '%s must be a list of positive location ids, got %s' % (self.name, bad)
            return None
        if self.kind == 'int':
            if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
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


# -- value checks shared by several fields ----------------------------------------------------------

def ipv4_address(value):
    if value == '':
        return None  # an empty ipv4 clears the fixed address
    try:
        ipaddress.IPv4Address(_str(value))
    except ValueError:
        return 'must be an IPv4 address such as 203.0.113.5, got %r' % value
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
        if scheme not in schemes:
            return 'must be a host name or a URL starting with %s, got %r' % (
                ' or '.join('%s://' % known for known in schemes), value)
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


# -- the fields every monitor has (AlertSite's "common" fields) -------------------------------------

def common_fields():
    """Fresh Field objects for the options every monitor type shares, in the API's order."""
    return [
        Field('billing_plancode', required_on_create=True, non_empty=True),
        Field('name', required_on_create=True, non_empty=True),
        Field('interval', 'int', minimum=1),
        Field('timeout', 'int', minimum=1),
        Field('enabled', 'bool'),
        Field('locations', 'locations'),
        Field('home_location', 'int', minimum=1),
        Field('mode', non_empty=True),
        Field('monitor_location_count', 'int', minimum=1),
        Field('note', max_length=255, reset=''),
        Field('alert_note', max_length=1000, reset=''),
        Field('notify_on_error', 'bool'),
        Field('retry_on_failure', 'bool'),
        Field('rotate_locations', 'bool'),
        Field('traceroute_on_error', 'bool'),
        Field('allow_internal_testing', 'bool'),
    ]


def server_fields(port_required=False):
    """The fields of monitors that check one server: TCP and IMAP/POP3/SMTP."""
    return [
        Field('hostname', required_on_create=True, non_empty=True, check=host_name),
        Field('port', 'int', required_on_create=port_required, minimum=1, maximum=65535),
        Field('ipv4', check=ipv4_address, reset=''),
        Field('resolve_dns', 'bool'),
    ]
