# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""SLAs, declared as a resource kind: :data:`SLA` (``/slas``, one monitor's availability, uptime and
response-time objectives, its operating periods and its exclusions).

An SLA is identified by its monitor (``monitor``: ``{id}`` or ``{name, type}``, resolved with one listing of the
monitors); a monitor has at most one, found with ``GET /slas?monitor_id=ID`` (:func:`monitor_sla`). Numbers are
checked as the reference gives them before any request and compared numerically; ``operating_periods`` and
``exclusions`` are compared as sets of items and sent whole on change (:class:`ItemSetField`), as the API replaces
them. Before a write, :func:`sla_write` reads the monitor to
refuse what the API would ignore (``uptime`` outside the SLA mode) or reject (an exclusion's location the monitor
does not use).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import re
from collections import OrderedDict
from decimal import Decimal, InvalidOperation

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, as_bool, as_int, no_surrounding_space
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems, resolve_references
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError, ResourceKind

SLA_PATH = '/slas'
DATE_FORMAT = '%Y-%m-%d %H:%M:%S'
TIME_PATTERN = re.compile(r'^([01][0-9]|2[0-3]):[0-5][0-9]$')
# the period an SLA is in effect by default (24x7): the same as no period at all
ALWAYS = (False, 1, '00:00', 7, '23:59')


class MonitorField(Field):
    """The SLA's monitor: ``{id}`` or ``{name, type}`` for the user, ``monitor_id`` (an integer) for the API."""

    def __init__(self, name='monitor', **kwargs):
        super(MonitorField, self).__init__(name, kind='dict', api_name='monitor_id', **kwargs)

    def argument_spec(self):
        return dict(type='dict', options=OrderedDict(id=dict(type='int'), name=dict(type='str'),
                                                     type=dict(type='str', choices=list(API_TYPES))))

    def from_user(self, value):
        if not isinstance(value, dict):
            return value
        return dict((key, item) for key, item in value.items() if item is not None)

    def normalise(self, value):
        return value if isinstance(value, dict) else as_int(value)

    def problem(self, value):
        if value is None:
            return None
        return '; '.join(reference_problems(self.name, [value], typed=True)).replace('monitor[0]', 'monitor') or None

    def resolve(self, client, value):
        if not isinstance(value, dict):
            return value
        return resolve_references(client, ANY_MONITOR, self.name, [value], typed=True)[0]['id']


class NumberField(Field):
    """A number between ``minimum`` (excluded unless ``zero_ok``) and ``maximum``, with at most ``decimals``
    decimal places; compared numerically (97 is 97.0), sent as a JSON number."""

    def __init__(self, name, maximum, decimals, zero_ok=False, **kwargs):
        super(NumberField, self).__init__(name, kind='float', maximum=maximum, **kwargs)
        self.decimals = decimals
        self.zero_ok = zero_ok

    def normalise(self, value):
        if value is None or isinstance(value, bool):
            return value
        try:
            return float(value)
        except (TypeError, ValueError):
            return value

    def to_api(self, value):
        return int(value) if isinstance(value, float) and value.is_integer() else value

    def problem(self, value):
        if value is None:
            return None
        if not isinstance(value, float):
            return '%s must be a number, got %r' % (self.name, value)
        low = '0 <= %s' % self.name if self.zero_ok else '0 < %s' % self.name
        if value < 0 or (value == 0 and not self.zero_ok) or value > self.maximum:
            return '%s must be %s <= %s, got %s' % (self.name, low, self.maximum, self.to_api(value))
        try:
            places = -Decimal(repr(value)).normalize().as_tuple().exponent
        except InvalidOperation:
            places = self.decimals + 1
        if places > self.decimals:
            return '%s must have at most %d decimal places, got %s' % (self.name, self.decimals, value)
        return None


def date_problem(value):
    try:
        parsed = datetime.datetime.strptime(value, DATE_FORMAT)
    except (TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.strftime(DATE_FORMAT) != value:
        return 'must be a date YYYY-MM-DD HH:MM:SS that exists, got %r' % (value,)
    return None


def period_problems(item):
    problems = ['%s must be a day 1-7 (1 = Sunday), got %r' % (key, item.get(key)) for key in ('from_day', 'thru_day')
                if not isinstance(item.get(key), int) or isinstance(item.get(key), bool) or not 1 <= item[key] <= 7]
    problems.extend('%s must be a time hh:mm from 00:00 to 23:59, got %r' % (key, item.get(key))
                    for key in ('from_time', 'thru_time') if not TIME_PATTERN.match(str(item.get(key))))
    return problems


def exclusion_problems(item):
    problems = ['%s %s' % (key, date_problem(item.get(key))) for key in ('from_date', 'thru_date')
                if date_problem(item.get(key))]
    if not problems and item['from_date'] >= item['thru_date']:
        problems.append('from_date must be earlier than thru_date, got %s and %s' % (item['from_date'], item['thru_date']))
    location = item.get('location_id')
    if location is not None and (not isinstance(location, int) or isinstance(location, bool) or location < 1):
        problems.append('location_id must be a positive location id, got %r' % (location,))
    if len(item.get('note') or '') > 255:
        problems.append('note must be at most 255 characters, got %d' % len(item['note']))
    return problems


class ItemSetField(Field):
    """A list of items compared as a set of ``keys`` tuples (``defaults`` for keys left out; read-only keys such as
    ``id`` ignored) and sent whole, without read-only keys, when it differs. ``always`` is an item that means the
    same as no item at all (the 24x7 operating period). The user's items are checked by ``item_problems``."""

    def __init__(self, name, keys, item_problems, defaults=None, always=None, **kwargs):
        super(ItemSetField, self).__init__(name, kind='list', **kwargs)
        self.keys = OrderedDict(keys)
        self.item_problems = item_problems
        self.defaults = dict(defaults or {})
        self.always = always

    def argument_spec(self):
        return dict(type='list', elements='dict', options=OrderedDict(
            (key, dict(type=kind, required=key not in self.defaults)) for key, kind in self.keys.items()))

    def item(self, item):
        values = []
        for key, kind in self.keys.items():
            value = item.get(key)
            value = self.defaults.get(key) if value in (None, '') else value
            values.append(as_int(value) if kind == 'int' else as_bool(value) if kind == 'bool' else value)
        return tuple(values)

    def from_user(self, value):
        if not isinstance(value, list):
            return value
        return [dict((key, item[key]) for key in item if item[key] is not None) if isinstance(item, dict) else item
                for item in value]

    def resolve(self, client, value):
        return self.normalise(value)

    def normalise(self, value):
        if not isinstance(value, list) or not all(isinstance(item, (dict, tuple)) for item in value):
            return value
        items = set(item if isinstance(item, tuple) else self.item(item) for item in value)
        if self.always is not None and items == set([self.always]):
            items = set()
        return sorted(items, key=repr)

    def to_api(self, value):
        sent = []
        for item in value:
            sent.append(dict((key, part) for key, part in zip(self.keys, item)
                             if part is not None or key not in self.defaults or key == 'location_id'))
        return sent

    def problem(self, value):
        if value is None or not isinstance(value, list):
            return None
        problems = []
        for position, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append('%s[%d] must be a mapping, got %r' % (self.name, position, item))
                continue
            problems.extend('%s[%d]: %s' % (self.name, position, problem) for problem in self.item_problems(item))
        return '; '.join(problems) or None


def location_ids(exclusions):
    return set(item[2] for item in exclusions or [] if item[2] is not None)


def read_monitor(client, monitor_id):
    try:
        return client.get('/monitors/%s' % monitor_id)
    except Exception as exc:  # the client's error (this declaration does not import the client)
        if getattr(exc, 'status', None) == 404:
            raise InputError('monitor: no monitor with id %s exists' % monitor_id)
        raise


def monitor_problems(monitor, values, creating):
    """What the monitor cannot take: ``uptime`` outside the SLA mode (the API would ignore it), no ``uptime`` for
    a new SLA of an SLA-mode monitor, an exclusion's location the monitor does not use."""
    sla_mode = str(monitor.get('mode') or '').strip().lower() == 'sla'
    problems = []
    if values.get('uptime') is not None and not sla_mode:
        problems.append('uptime applies only to monitors in the SLA mode; monitor %r is in the %s mode (the API '
                        'would ignore it)' % (monitor.get('name'), monitor.get('mode')))
    if creating and sla_mode and values.get('uptime') is None:
        problems.append('uptime is required to create the SLA of monitor %r (it is in the SLA mode)'
                        % monitor.get('name'))
    held = set(as_int(item.get('id') if isinstance(item, dict) else item) for item in monitor.get('locations') or [])
    unknown = sorted(location_ids(values.get('exclusions')) - held)
    if unknown:
        problems.append('exclusions: location_id %s %s not among the locations of monitor %r (%s)'
                        % (', '.join(map(str, unknown)), 'is' if len(unknown) == 1 else 'are', monitor.get('name'),
                           ', '.join(map(str, sorted(held, key=str)))))
    return problems


def sla_write(client, plan, params):
    """Before the write: read the monitor when the values depend on it, and refuse a change of monitor (the API
    ignores ``monitor_id`` in a PATCH)."""
    if plan.action not in ('create', 'update'):
        return plan
    if plan.action == 'update' and 'monitor' in plan.changes:
        raise InputError('%s belongs to monitor %s: an SLA cannot move to another monitor (delete it and create '
                         'one for the other monitor)' % (plan.label, plan.current.get('monitor_id')))
    values = plan.changes if plan.action == 'create' else dict(plan.changes, uptime=params.get('uptime'))
    needs = plan.action == 'create' or values.get('uptime') is not None or location_ids(values.get('exclusions'))
    if needs:
        monitor_id = plan.changes.get('monitor') or plan.current.get('monitor_id')
        problems = monitor_problems(read_monitor(client, monitor_id), values, plan.action == 'create')
        if problems:
            raise InputError('; '.join(problems))
    return plan


def monitor_sla(client, kind, values):
    """The SLA of the monitor in ``values`` (its id, resolved) or None, with ``GET /slas?monitor_id=ID``: a list
    envelope or bare list (no item: none; one: the SLA; more: refused naming them), a bare SLA object, or 404."""
    monitor_id = values.get('monitor')
    try:
        reply = client.get(kind.list_path, params={'monitor_id': monitor_id})
    except Exception as exc:  # the client's error (this declaration does not import the client)
        if getattr(exc, 'status', None) == 404:
            return None
        raise
    if isinstance(reply, dict) and not isinstance(reply.get('results'), list):
        return reply if reply.get('id') is not None else None
    items = reply.get('results') if isinstance(reply, dict) else reply if isinstance(reply, list) else None
    if items is None or not all(isinstance(item, dict) for item in items):
        raise InputError('GET %s?monitor_id=%s: the reply is neither an SLA nor a list of SLAs: %.200r'
                         % (kind.list_path, monitor_id, reply))
    items = [item for item in items if as_int(item.get('monitor_id')) in (None, monitor_id)]
    if len(items) > 1:
        raise InputError('monitor %s has %d SLAs (ids %s): set id to choose one'
                         % (monitor_id, len(items), ', '.join(str(item.get('id')) for item in items)))
    return items[0] if items else None


def with_monitor(obj):
    """An SLA as read, its ``monitor_id`` also under the identity option's name."""
    return dict(obj, monitor=as_int(obj.get('monitor_id')))


def describe(api_type, values):
    monitor = values.get('monitor')
    if isinstance(monitor, dict):
        monitor = monitor.get('id') or '%s monitor %r' % (monitor.get('type'), monitor.get('name'))
    name = values.get('monitor_name')
    return 'SLA of monitor %s' % (monitor if not name else '%r (id %s)' % (name, monitor))


SLA = ResourceKind(
    noun='SLA',
    module='alertsite_sla',
    list_path=SLA_PATH,
    item_path='/slas/{id}',
    identity=('monitor',),
    result_key='sla',
    describe=describe,
    canonical=with_monitor,
    fields=[
        MonitorField('monitor'),
        Field('name', required_on_create=True, non_empty=True, check=no_surrounding_space),
        Field('description', non_empty=True),
        NumberField('availability', 100, 3, required_on_create=True),
        NumberField('uptime', 100, 3),
        NumberField('response_time', 300, 2, zero_ok=True, required_on_create=True),
        NumberField('secondary_response_time', 300, 2, zero_ok=True),
        Field('use_fullpage_time', 'bool'),
        ItemSetField('operating_periods', [('exclude', 'bool'), ('from_day', 'int'), ('from_time', 'str'),
                                           ('thru_day', 'int'), ('thru_time', 'str')], period_problems,
                     defaults={'exclude': False}, always=ALWAYS),
        ItemSetField('exclusions', [('from_date', 'str'), ('thru_date', 'str'), ('location_id', 'int'),
                                    ('note', 'str')], exclusion_problems, defaults={'location_id': None, 'note': None}),
    ],
    options={
        'exclusions_mode': dict(type='str', choices=['replace', 'append'], default='replace'),
        'monitors': dict(type='list', elements='dict', options=MonitorField().argument_spec()['options']),
    },
    before_write=sla_write,
    find_by=monitor_sla,
)
