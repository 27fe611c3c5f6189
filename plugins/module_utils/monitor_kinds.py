# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The kinds of monitor this collection manages, each declared once as a :class:`MonitorKind`.

A monitor kind names its API type(s) and its fields; the single-monitor modules, the bulk module
``alertsite_monitors`` and ``alertsite_monitor_info`` (through :data:`ANY_MONITOR`) are all built from these
declarations.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict
from urllib.parse import urlsplit

from ansible_collections.community.alertsite.plugins.module_utils.fields import (
    Field,
    LocationsField,
    email_address,
    email_key,
    host_key,
    host_name,
    ipv4_address,
    no_surrounding_space,
    trailing_space_key,
    url_key,
    url_or_host,
)
from ansible_collections.community.alertsite.plugins.module_utils.property_kinds import CustomPropertiesField
from ansible_collections.community.alertsite.plugins.module_utils.resource import Family, ResourceKind
from ansible_collections.community.alertsite.plugins.module_utils.step_fields import (
    ScriptFileField,
    StepsField,
    script_and_file,
    script_key,
    xml_problem,
)


class MonitorKind(ResourceKind):
    """A kind of monitor: listed at ``GET /monitors?type=...``, read and deleted at ``/monitors/{id}``, created at
    ``POST /monitors/{type}`` and changed at ``PATCH /monitors/{type}/{id}``; identified by API type and name."""

    def __init__(self, module, api_types, fields, selector=None, checks=(), type_change='warn', **more):
        super(MonitorKind, self).__init__(
            noun='monitor', module=module, fields=fields, list_path='/monitors', item_path='/monitors/{id}',
            create_path='/monitors/{type}', update_path='/monitors/{type}/{id}', api_types=api_types,
            selector=selector, type_filter='type', identity=('name',), checks=(mode_needs_locations,) + tuple(checks),
            type_change=type_change, **more)


# Monitoring modes that run from several locations at once: at least two (the vendor's monitoring-modes table).
MULTI_LOCATION_MODES = ('round robin', 'sla')


def mode_needs_locations(values):
    """The modes Round Robin and SLA need at least two locations."""
    mode, locations = values.get('mode'), values.get('locations')
    if not isinstance(mode, str) or mode.strip().lower() not in MULTI_LOCATION_MODES or not isinstance(locations, list):
        return None
    if len(locations) < 2:
        return ('mode %s needs at least two locations, and locations has %d' % (mode, len(locations)))
    return None


mode_needs_locations.fields = ('mode', 'locations')


# -- the fields every monitor has (AlertSite's "common" fields) -------------------------------------

def common_fields():
    """Fresh Field objects for the options every monitor type shares, in the API's order."""
    return [
        Field('billing_plancode', required_on_create=True, non_empty=True),
        Field('name', required_on_create=True, non_empty=True, check=no_surrounding_space),
        Field('interval', 'int', minimum=1),
        Field('timeout', 'int', minimum=1),
        Field('enabled', 'bool'),
        LocationsField('locations'),
        Field('home_location', 'int', minimum=1),
        Field('mode', non_empty=True),
        Field('monitor_location_count', 'int', minimum=1),
        Field('note', max_length=255, reset='', compare=trailing_space_key),
        Field('alert_note', max_length=1000, reset='', compare=trailing_space_key),
        Field('notify_on_error', 'bool'),
        Field('retry_on_failure', 'bool'),
        Field('rotate_locations', 'bool'),
        Field('traceroute_on_error', 'bool'),
        Field('allow_internal_testing', 'bool'),
        CustomPropertiesField('custom_properties'),
    ]


def server_fields(port_required=False, port=True):
    """The fields of monitors that check one server: TCP, IMAP/POP3/SMTP (and, without port, ping and DNS)."""
    fields = [
        Field('hostname', required_on_create=True, non_empty=True, check=host_name, compare=host_key),
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


interval_longer_than_timeout.fields = ('interval', 'timeout')


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
        Field('smtp_hostname', required_on_create=True, non_empty=True, check=url_or_host(('smtp', 'smtps')),
              compare=host_key),
        Field('pop3_hostname', required_on_create=True, non_empty=True, check=url_or_host(('pop3', 'pop3s')),
              compare=host_key),
        Field('email', required_on_create=True, non_empty=True, check=email_address, compare=email_key),
        Field('email_username'),
        Field('email_password', secret=True, write_only=True),
    ],
    checks=[interval_longer_than_timeout],
)

PING = MonitorKind(
    module='alertsite_ping_monitor',
    api_types='ping',
    fields=common_fields() + server_fields(port=False),
)

DNS = MonitorKind(
    module='alertsite_dns_monitor',
    api_types='name-server',
    fields=common_fields() + server_fields(port=False) + [
        Field('name_to_resolve', check=host_name, reset='', compare=host_key),
    ],
)


# -- website monitors: the URL's scheme picks the API type ----------------------------------------------

WEBSITE_TYPES = OrderedDict([('http', 'website'), ('https', 'website-ssl')])

# Options that only website-ssl (https://) monitors have.
HTTPS_ONLY_FIELDS = ('use_ssl_version', 'check_ssl_expiration_dates')


def web_url(value):
    """A check for the url of a website monitor: http:// or https://, a host, a valid port, no spaces."""
    scheme, separator, dummy = value.partition('://')
    if not separator or scheme.lower() not in WEBSITE_TYPES:
        return 'must start with http:// or https://, got %r' % value
    if any(char.isspace() for char in value):
        return 'must not contain spaces, got %r' % value
    parts = urlsplit(value)
    if not parts.hostname:
        return 'has no host name in %r' % value
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port is not None and not 1 <= port <= 65535:
        return 'has a port that is not between 1 and 65535 in %r' % value
    return None


def website_type(values):
    """website for an http:// url, website-ssl for an https:// one; None when the values hold no url (an
    existing monitor is then looked for under both types)."""
    url = values.get('url')
    if not isinstance(url, str) or '://' not in url:
        return None
    return WEBSITE_TYPES.get(url.split('://', 1)[0].lower())


def https_options_need_https(values):
    """use_ssl_version and check_ssl_expiration_dates apply to https:// monitors only."""
    if website_type(values) != 'website':
        return None
    used = [name for name in HTTPS_ONLY_FIELDS if values.get(name) not in (None, '')]
    if not used:
        return None
    return ('%s only appl%s to https:// URLs (website-ssl monitors), and url is %r'
            % (' and '.join(used), 'ies' if len(used) == 1 else 'y', values['url']))


WEBSITE = MonitorKind(
    module='alertsite_website_monitor',
    api_types=WEBSITE_TYPES,
    selector=website_type,
    # the API cannot turn a website monitor into a website-ssl one, or back
    type_change='refuse',
    fields=common_fields() + [
        Field('url', required_on_create=True, non_empty=True, check=web_url, compare=url_key),
        Field('check_fullpage_missing_objects', 'bool'),
        Field('check_fullpage_object_sizes', 'bool'),
        Field('fullpage_object_timeout', 'int', minimum=0),
        Field('notify_on_fullpage_errors', 'bool'),
        Field('keyword_string', reset='', no_log=False),
        # enumerations the vendor documents one value of: passed through for the API to judge
        Field('keyword_match_type', non_empty=True),
        Field('keyword_match_invert', 'bool'),
        Field('use_ssl_version', 'int'),
        Field('check_ssl_expiration_dates', non_empty=True),
    ],
    checks=[https_options_need_https],
)


# -- FTP monitors: the scheme of the host picks the API type ---------------------------------------------

FTP_TYPES = OrderedDict([('ftp', 'ftp'), ('ftps', 'ftp-ssl')])


def ftp_host(value):
    """A check for the hostname of an FTP monitor: ftp:// or ftps://, then a host (and an optional port)."""
    scheme, separator, rest = value.partition('://')
    if not separator or scheme.lower() not in FTP_TYPES:
        return 'must start with ftp:// or ftps://, got %r' % value
    if not rest.rstrip('/'):
        return 'has no valid host name in %r' % value
    return url_or_host(tuple(FTP_TYPES))(value[:-1] if value.endswith('/') else value)


def ftp_type(values):
    """ftp for an ftp:// host, ftp-ssl for an ftps:// one; None when the values hold no hostname."""
    host = values.get('hostname')
    if not isinstance(host, str) or '://' not in host:
        return None
    return FTP_TYPES.get(host.split('://', 1)[0].lower())


def ssl_version_needs_ftps(values):
    """use_ssl_version applies to ftps:// monitors only."""
    if ftp_type(values) == 'ftp' and values.get('use_ssl_version') is not None:
        return 'use_ssl_version only applies to ftps:// hosts (ftp-ssl monitors), and hostname is %r' % values['hostname']
    return None


ssl_version_needs_ftps.fields = ('hostname', 'use_ssl_version')

FTP = MonitorKind(
    module='alertsite_ftp_monitor',
    api_types=FTP_TYPES,
    selector=ftp_type,
    # the API cannot turn an ftp monitor into an ftp-ssl one, or back
    type_change='refuse',
    fields=common_fields() + [
        Field('hostname', required_on_create=True, non_empty=True, check=ftp_host, compare=url_key),
        Field('enable_ftp_upload', 'bool', required_on_create=True),
        Field('port', 'int', minimum=1, maximum=65535),
        Field('use_ssl_version', 'int'),
    ],
    checks=[ssl_version_needs_ftps],
)


# -- API endpoint monitors: the scheme of the steps' URLs picks the API type -------------------------------

def api_monitor_type(values):
    """website-ssl-api when every step's url is https://, website-api when one is http://; None when the values
    hold no steps (an existing monitor is then looked for under both types)."""
    steps = values.get('api_steps')
    if not isinstance(steps, list) or not steps:
        return None
    schemes = set(website_type(step) for step in steps if isinstance(step, dict))
    return 'website-ssl-api' if schemes == {'website-ssl'} else 'website-api'


API = MonitorKind(
    module='alertsite_api_monitor',
    api_types=OrderedDict([('http', 'website-api'), ('https', 'website-ssl-api')]),
    selector=api_monitor_type,
    # the API cannot turn a website-api monitor into a website-ssl-api one, or back
    type_change='refuse',
    fields=common_fields() + [
        StepsField('api_steps', url_check=web_url, required_on_create=True),
    ],
)


# -- DéjàClick monitors: a recorded script (XML text), compared as canonical XML --------------------------

def script_or_url(values):
    """A DéjàClick monitor is created with a recorded script (as text or in a file), or the url of a single-step
    monitor."""
    if all(values.get(name) in (None, '') for name in ('script', 'script_file', 'url')):
        return ('a DéjàClick monitor needs script or script_file (the recorded XML) or url (a single-step monitor) '
                'to be created')
    return None


DEJACLICK = MonitorKind(
    module='alertsite_dejaclick_monitor',
    api_types='dejaclick',
    # without show_scripts=true the API shows no script
    read_params={'show_scripts': 'true'},
    fields=common_fields() + [
        Field('script', non_empty=True, check=xml_problem, compare=script_key, no_log=False),
        # the same script, read from a file: compared and sent as script
        ScriptFileField('script_file'),
        Field('url', non_empty=True, check=web_url, compare=url_key),
        Field('step_timeout', 'int', required_on_create=True, minimum=1),
        Field('transaction_steps', 'int', required_on_create=True, minimum=1),
        # the vendor documents no values: passed through for the API to judge
        Field('browser_type', non_empty=True),
    ],
    checks=[script_and_file],
    create_checks=[script_or_url],
)

MONITOR_KINDS = (TCP, EMAIL, ROUNDTRIP, PING, DNS, WEBSITE, FTP, API, DEJACLICK)

# Every monitor type the API lists (GET /monitors?type=...), managed here or not.
API_TYPES = ('api', 'bitbar', 'dejaclick', 'email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'ftp',
             'ftp-ssl', 'name-server', 'ping', 'selenium', 'serveragent', 'tcp', 'website', 'website-api',
             'website-ssl', 'website-ssl-api')


def secret_fields_of(kinds):
    """Every secret field of ``kinds``, and every field with secrets inside its values (an API step's password),
    one per option name."""
    fields = OrderedDict()
    for kind in kinds:
        for field in kind.fields:
            if field.secret or getattr(field, 'secret_values_in', None) is not None:
                fields.setdefault(field.name, field)
    return list(fields.values())


# Any monitor, whatever its type: to read one by id, or to list several types at once. Its fields are the common
# ones and every monitor kind's secrets, so that what it returns holds none (:func:`.secrets.public_object`).
ANY_MONITOR = MonitorKind(module='alertsite_monitor_info', api_types=dict((t, t) for t in API_TYPES),
                          fields=common_fields() + secret_fields_of(MONITOR_KINDS + (FTP, API, DEJACLICK)))

# API type -> the kind that manages it
KIND_OF_TYPE = dict((api_type, kind) for kind in MONITOR_KINDS for api_type in kind.types)

# The family of alertsite_monitors: every managed type, a required type in each definition, listed as any monitor
MONITORS = Family('monitor', 'monitors', KIND_OF_TYPE, ANY_MONITOR, typed=True, scoped=True, config_aliases=('monitors',))
