# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The monitor families this collection manages, each declared once.

A :class:`MonitorFamily` names its API type(s) and its fields. The single-monitor modules and the
fleet module are all built from these declarations by :mod:`.engine`.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.fields import (
    Field,
    common_fields,
    email_address,
    server_fields,
    url_or_host,
)


class MonitorFamily(object):
    """One family of monitors, managed by one module.

    :param module: the module that manages the family.
    :param api_types: the API type, or for a family spread over several types (email) a dict from the
        values of ``selector`` to API types.
    :param selector: the option that picks the API type, when there are several.
    :param checks: functions(values) -> message or None, over several options at once; ``values`` holds
        what is known (the user's options, merged with the existing monitor when there is one).
    """

    def __init__(self, module, api_types, fields, selector=None, checks=()):
        self.module = module
        self.api_types = api_types if isinstance(api_types, dict) else {None: api_types}
        self.selector = selector
        self.fields = fields
        self.checks = tuple(checks)
        self.by_name = dict((field.name, field) for field in fields)

    @property
    def types(self):
        """Every API type of the family, in declaration order."""
        return list(self.api_types.values())

    def api_type(self, params):
        return self.api_types[params.get(self.selector) if self.selector else None]

    @property
    def secret_fields(self):
        return [field for field in self.fields if field.secret]

    @property
    def write_only_fields(self):
        return [field for field in self.fields if field.write_only]


def interval_longer_than_timeout(values):
    """Round-trip monitors: the interval (minutes) must be longer than the timeout (seconds)."""
    interval, timeout = values.get('interval'), values.get('timeout')
    if isinstance(interval, int) and isinstance(timeout, int) and interval * 60 <= timeout:
        return ('interval (%d minutes) must be longer than timeout (%d seconds) for round-trip email monitors'
                % (interval, timeout))
    return None


TCP = MonitorFamily(
    module='alertsite_tcp_monitor',
    api_types='tcp',
    fields=common_fields() + server_fields(port_required=True),
)

EMAIL = MonitorFamily(
    module='alertsite_email_monitor',
    api_types={'imap': 'email-imap', 'pop3': 'email-pop', 'smtp': 'email-smtp'},
    selector='protocol',
    fields=common_fields() + server_fields(),
)

ROUNDTRIP = MonitorFamily(
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

FAMILIES = (TCP, EMAIL, ROUNDTRIP)

# Every monitor type the API lists (GET /monitors?type=...), managed here or not.
API_TYPES = ('api', 'bitbar', 'dejaclick', 'email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'ftp',
             'ftp-ssl', 'name-server', 'ping', 'selenium', 'serveragent', 'tcp', 'website', 'website-api',
             'website-ssl', 'website-ssl-api')

# Options that are never returned to the user, whatever the monitor type.
SECRET_FIELDS = frozenset(field.name for family in FAMILIES for field in family.secret_fields)

# API type -> the family that manages it
FAMILY_OF_TYPE = dict((api_type, family) for family in FAMILIES for api_type in family.types)
