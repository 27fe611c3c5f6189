# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The kinds of monitor this collection manages, each declared once as a :class:`MonitorKind`.

A monitor kind names its API type(s) and its fields; the single-monitor modules, the bulk module
``alertsite_monitors`` and ``alertsite_monitor_info`` are all built from these declarations.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.fields import (
    Field,
    LocationsField,
    email_address,
    host_name,
    ipv4_address,
    url_or_host,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import ResourceKind


class MonitorKind(ResourceKind):
    """A kind of monitor: listed at ``GET /monitors?type=...``, read and deleted at ``/monitors/{id}``, created at
    ``POST /monitors/{type}`` and changed at ``PATCH /monitors/{type}/{id}``; identified by API type and name."""

    def __init__(self, module, api_types, fields, selector=None, checks=(), type_change='warn'):
        super(MonitorKind, self).__init__(
            noun='monitor', module=module, fields=fields, list_path='/monitors', item_path='/monitors/{id}',
            create_path='/monitors/{type}', update_path='/monitors/{type}/{id}', api_types=api_types,
            selector=selector, type_filter='type', identity=('name',), checks=checks, type_change=type_change)


# -- the fields every monitor has (AlertSite's "common" fields) -------------------------------------

def common_fields():
    """Fresh Field objects for the options every monitor type shares, in the API's order."""
    return [
        Field('billing_plancode', required_on_create=True, non_empty=True),
        Field('name', required_on_create=True, non_empty=True),
        Field('interval', 'int', minimum=1),
        Field('timeout', 'int', minimum=1),
        Field('enabled', 'bool'),
        LocationsField('locations'),
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


def server_fields(port_required=False, port=True):
    """The fields of monitors that check one server: TCP, IMAP/POP3/SMTP (and, without port, ping and DNS)."""
    fields = [
        Field('hostname', required_on_create=True, non_empty=True, check=host_name),
        Field('port', 'int', required_on_create=port_required, minimum=1, maximum=65535),
        Field('ipv4', check=ipv4_address, reset=''),
        Field('resolve_dns', 'bool'),
    ]
    return fields if port else [field for field in fields if field.name != 'port']


def interval_longer_than_timeout(values):
    """Round-trip monitors: the interval (minutes) must be longer than the timeout (seconds)."""
    interval, timeout = values.get('interval'), values.get('timeout')
    if isinstance(interval, int) and isinstance(timeout, int) and interval * 60 <= timeout:
        return ('interval (%d minutes) must be longer than timeout (%d seconds) for round-trip email monitors'
                % (interval, timeout))
    return None


TCP = MonitorKind(
    module='alertsite_tcp_monitor',
    api_types='tcp',
    fields=common_fields() + server_fields(port_required=True),
)

EMAIL = MonitorKind(
    module='alertsite_email_monitor',
    api_types={'imap': 'email-imap', 'pop3': 'email-pop', 'smtp': 'email-smtp'},
    selector='protocol',
    fields=common_fields() + server_fields(),
)

ROUNDTRIP = MonitorKind(
    module='alertsite_roundtrip_monitor',
    api_types='email-round-trip',
    fields=common_fields() + [
        Field('smtp_hostname', required_on_create=True, non_empty=True, check=url_or_host(('smtp', 'smtps'))),
        Field('pop3_hostname', required_on_create=True, non_empty=True, check=url_or_host(('pop3', 'pop3s'))),
        Field('email', required_on_create=True, non_empty=True, check=email_address),
        Field('email_username'),
        Field('email_password', secret=True, write_only=True),
    ],
    checks=[interval_longer_than_timeout],
)

MONITOR_KINDS = (TCP, EMAIL, ROUNDTRIP)

# Every monitor type the API lists (GET /monitors?type=...), managed here or not.
API_TYPES = ('api', 'bitbar', 'dejaclick', 'email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'ftp',
             'ftp-ssl', 'name-server', 'ping', 'selenium', 'serveragent', 'tcp', 'website', 'website-api',
             'website-ssl', 'website-ssl-api')

# Any monitor, whatever its type: to read one by id, or to list several types at once.
ANY_MONITOR = MonitorKind(module='alertsite_monitor_info', api_types=dict((t, t) for t in API_TYPES), fields=common_fields())

# Options that are never returned to the user, whatever the monitor type.
SECRET_FIELDS = frozenset(field.api_name for kind in MONITOR_KINDS for field in kind.secret_fields)

# API type -> the kind that manages it
KIND_OF_TYPE = dict((api_type, kind) for kind in MONITOR_KINDS for api_type in kind.types)
