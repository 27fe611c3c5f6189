# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Alert routing, declared as resource kinds: :data:`RECIPIENT` (``/recipients``, who gets alerts and how) and
:data:`RECIPIENT_GROUP` (``/notifier-groups``, which monitors alert which recipients).

Options are named as the API names its fields, except the recipient's own ``username`` and ``password``, which
would collide with the connection options: they are ``recipient_username`` and ``recipient_password``.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict
from urllib.parse import urlsplit

from ansible_collections.community.alertsite.plugins.module_utils.fields import (
    CodeField,
    Field,
    IdListField,
    email_address,
    no_surrounding_space,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, API_TYPES
from ansible_collections.community.alertsite.plugins.module_utils.references import ReferenceListField
from ansible_collections.community.alertsite.plugins.module_utils.resource import Family, ResourceKind

# -- recipients -------------------------------------------------------------------------------------------------

# The documented alert methods (method_id) and the readable names this collection gives them.
METHODS = OrderedDict([
    (1, 'email_text'),
    (2, 'pager_alphanumeric'),
    (3, 'pager_numeric_pause'),
    (4, 'email_wireless'),
    (5, 'pager_numeric_quiet'),
    (6, 'sms'),
    (8, 'snmp_trap_v1'),
    (9, 'snmp_trap_v2c'),
    (10, 'web_post'),
    (11, 'telephone'),
    (12, 'email_html'),
    (14, 'pagerduty'),
    (15, 'splunk'),
    (16, 'web_post_json'),
    (17, 'servicenow'),
])
EMAIL_METHODS = (1, 4, 12)
WEB_METHODS = (10, 16)
LOGIN_METHODS = (15, 17)
PAGERDUTY = 14
# What the API gives a recipient created without a method.
DEFAULT_METHOD = 12

METHOD = CodeField('method_id', METHODS, alias='method')


def http_url(value):
    """None for an http:// or https:// URL with a host name, else what is wrong with it."""
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme.lower() not in ('http', 'https') or not parts.hostname \
            or any(char.isspace() for char in value):
        return 'must be an http:// or https:// URL, got %r' % (value,)
    return None


def destination_fits_method(values):
    """E-mail methods send to an e-mail address, web methods post to an http(s) URL."""
    method, destination = values.get('method_id'), values.get('recipient')
    if not isinstance(destination, str) or not isinstance(method, int) or method not in METHODS:
        return None
    if method in EMAIL_METHODS:
        problem = email_address(destination)
        return problem and 'method %s sends e-mail, so recipient %s' % (METHOD.label_of(method), problem)
    if method in WEB_METHODS:
        problem = http_url(destination)
        return problem and 'method %s posts to a web server, so recipient %s' % (METHOD.label_of(method), problem)
    return None


destination_fits_method.fields = ('method_id', 'recipient')


def pagerduty_cannot_be_created(values):
    if values.get('method_id') == PAGERDUTY:
        return ('PagerDuty recipients (method pagerduty, 14) cannot be created through the AlertSite API: connect '
                'PagerDuty in the AlertSite web interface, then manage that recipient here by its name or id')
    return None


def login_methods_need_credentials(values):
    """Splunk and ServiceNow recipients log in: both credentials are needed to create one."""
    method = values.get('method_id')
    missing = [name for name in ('recipient_username', 'recipient_password') if values.get(name) in (None, '')]
    if method in LOGIN_METHODS and missing:
        return 'method %s needs %s to create a recipient' % (METHOD.label_of(method), ' and '.join(missing))
    return None


def recipient_notes(plan, check_mode):
    """Deleting a recipient takes it out of the recipient groups it is in, which may leave one without recipient."""
    groups = (plan.current or {}).get('notifier_groups') if plan.action == 'delete' else None
    if not groups:
        return []
    return ['it %s in the recipient group%s %s, which %s alert it: a group left without recipients needs '
            'another one' % ('is' if check_mode else 'was', 's' if len(groups) > 1 else '',
                             ', '.join(str(group) for group in groups), 'would no longer' if check_mode else 'no longer')]


RECIPIENT = ResourceKind(
    noun='recipient',
    module='alertsite_recipient',
    list_path='/recipients',
    item_path='/recipients/{id}',
    fields=[
        Field('name', required_on_create=True, non_empty=True, check=no_surrounding_space),
        METHOD,
        Field('recipient', required_on_create=True, non_empty=True),
        Field('recipient_username', api_name='username'),
        Field('recipient_password', api_name='password', secret=True, write_only=True),
        Field('availability_alert', 'bool'),
        Field('notify_on_clear', 'bool'),
        Field('attach_screen_capture', 'bool'),
        Field('attach_server_response', 'bool'),
        Field('start_threshold', 'int', minimum=1),
        Field('stop_threshold', 'int', minimum=0),
        Field('performance_alert', 'bool'),
        # undocumented values (only "20" is seen): passed through for the API to judge
        Field('performance_alert_type', non_empty=True),
        Field('repeat_performance_alerts', 'bool'),
        # editable, but perhaps not returned on GET
        Field('remote_commands', 'bool'),
    ],
    checks=[destination_fits_method],
    create_defaults={'method_id': DEFAULT_METHOD},
    create_checks=[pagerduty_cannot_be_created, login_methods_need_credentials],
    notes=recipient_notes,
)


# -- recipient groups -------------------------------------------------------------------------------------------

class ErrorTypesField(IdListField):
    """AlertSite error codes (up to three digits), given as plain integers and sent as ``[{"id": n}]``."""

    def __init__(self, name='errortypes', **kwargs):
        super(ErrorTypesField, self).__init__(name, bare_ids=True, **kwargs)

    def problem(self, value):
        if not value:
            return None
        bad = [item for item in value if not isinstance(item, int) or isinstance(item, bool) or not 0 < item < 1000]
        if bad:
            return '%s must be AlertSite error codes from 1 to 999, got %s' % (self.name, bad)
        return None


def becomes_default(plan):
    return plan.changes.get('is_default') is True and plan.action in ('create', 'update')


def group_notes(plan, check_mode):
    """A group that stops being the default leaves none (the API keeps at most one default group)."""
    was = plan.action == 'delete' and plan.before.get('is_default') is True
    stops = plan.action == 'update' and plan.changes.get('is_default') is False and plan.before.get('is_default')
    if was or stops:
        return ['it %s the default recipient group: there %s no default, so monitors in no group alert every recipient'
                % (('was', 'would be') if check_mode else ('was', 'is now'))]
    return []


def default_group_notes(client, plan, check_mode):
    """Making a group the default takes that from the group that is the default now, which is named (one listing
    of the groups, before the write), so that two tasks that each make their group the default are seen undoing
    each other on every run."""
    if not becomes_default(plan):
        return []
    others = [group for group in client.get_all(plan.kind.list_path)
              if group.get('is_default') in (True, 'true') and str(group.get('id')) != str(plan.object_id)]
    becomes = 'would become' if check_mode else 'is now'
    if not others:
        return ['it %s the default recipient group, which the API keeps one of; no other group was the default'
                % becomes]
    return ['it %s the default recipient group, which the API keeps one of: %s %s the default (a task that '
            'makes %s the default again undoes this one)'
            % (becomes, ' and '.join(plan.kind.label(None, group, group.get('id')) for group in others),
               'would no longer be' if check_mode else 'is no longer', 'it' if len(others) == 1 else 'one of them')]


RECIPIENT_GROUP = ResourceKind(
    noun='recipient group',
    module='alertsite_recipient_group',
    list_path='/notifier-groups',
    item_path='/notifier-groups/{id}',
    fields=[
        Field('name', required_on_create=True, non_empty=True, max_length=128, check=no_surrounding_space),
        Field('is_default', 'bool'),
        ReferenceListField('monitors', ANY_MONITOR, typed=True, type_choices=API_TYPES, keys=('id', 'step_number'),
                           defaults={'step_number': 0}, required_on_create=True, non_empty=True),
        ReferenceListField('recipients', RECIPIENT, required_on_create=True, non_empty=True),
        ErrorTypesField('errortypes'),
        IdListField('templates', bare_ids=True),
    ],
    notes=group_notes,
    api_notes=default_group_notes,
)

# The families of alertsite_recipients and alertsite_recipient_groups: one kind each, without API types
RECIPIENTS = Family('recipient', 'recipients', {None: RECIPIENT}, RECIPIENT)
RECIPIENT_GROUPS = Family('recipient group', 'recipient groups', {None: RECIPIENT_GROUP}, RECIPIENT_GROUP)
