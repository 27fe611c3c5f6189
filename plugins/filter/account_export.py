# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: account_export
short_description: An AlertSite account as a vars file of the role community.alertsite.alerting
version_added: 1.1.0
author:
  - community.alertsite maintainers (@ansible-collections)
description:
  - Turns what the playbook C(community.alertsite.export) read from an account into the text of a YAML
    vars file that the role P(community.alertsite.alerting#role) takes as it is (C(alertsite_recipients),
    C(alertsite_monitors), C(alertsite_recipient_groups), C(alertsite_blackouts), C(alertsite_alerting_prune)).
  - Secrets are never exported. Each write-only secret (the C(recipient_password) of a recipient whose method logs
    in, the C(email_password) of a round-trip email monitor, the password of an API step that authenticates)
    becomes a variable reference such as C({{ alertsite_secret_recipient_shop_splunk_password }}), listed with
    the object that needs it in the file's header comment and in the variable C(alertsite_export_secrets).
  - Monitors that the listing holds and the definitions cannot express (types the collection does not manage)
    are listed in a comment block at the end of the file, as are one-time blackouts that have ended (history
    the API keeps and cannot delete).
  - Blackouts are the items of M(community.alertsite.alertsite_blackouts) (the options of
    M(community.alertsite.alertsite_blackout)) as its gathered state gives them, windows alike on several targets
    as one item, targets by name where the name is unambiguous, by id otherwise.
options:
  _input:
    description:
      - What was read, a dictionary with the keys C(monitors) (the RV(community.alertsite.alertsite_monitors#module:gathered)
        definitions), C(monitors_listed) (every monitor of the account as
        M(community.alertsite.alertsite_monitor_info) lists it), C(recipients) and C(recipients_listed) (the
        gathered recipient definitions and the recipients as M(community.alertsite.alertsite_recipient_info) lists
        them), C(recipient_groups) (the gathered group definitions), C(blackouts) (the gathered items of
        M(community.alertsite.alertsite_blackouts)) and C(blackouts_listed) (the blackouts as
        M(community.alertsite.alertsite_blackout_info) lists them, for the windows that ended; without C(blackouts),
        the items are made from this listing).
    type: dict
    required: true
  now:
    description:
      - The current time in the time zone of the blackout dates, C(YYYY-MM-DD HH:MM:SS). One-time blackouts that
        ended before it are left out (listed in a comment). Without it, every one-time blackout is exported.
    type: str
  prune:
    description:
      - Whether the file sets C(alertsite_alerting_prune) to V(.*) for every kind, so that converging it deletes what
        it does not list (the file then describes the whole account).
    type: bool
    default: true
  source:
    description: Where the account was read from (the API URL), written in the header comment.
    type: str
'''

EXAMPLES = r'''
- name: Write the account as a vars file
  ansible.builtin.copy:
    dest: account.yml
    mode: "0600"
    content: >-
      {{ (read | community.alertsite.account_export(now=now_utc, source=api_url)).text }}
  vars:
    read:
      monitors: "{{ gathered_monitors.gathered }}"
      monitors_listed: "{{ listed_monitors.monitors }}"
      recipients: "{{ gathered_recipients.gathered }}"
      recipients_listed: "{{ listed_recipients.recipients }}"
      recipient_groups: "{{ gathered_groups.gathered }}"
      blackouts: "{{ gathered_blackouts.gathered }}"
      blackouts_listed: "{{ listed_blackouts.blackouts }}"
'''

RETURN = r'''
_value:
  description: The export.
  type: dict
  contains:
    text:
      description: The YAML vars file, with its header and comment blocks.
      type: str
    vars:
      description: The variables the file sets.
      type: dict
    secrets:
      description: The placeholder variables the file refers to, each with the object and option that needs it.
      type: list
      elements: dict
    unmanaged:
      description: The monitors left out (C(type), C(name), C(id)).
      type: list
      elements: dict
    ended_blackouts:
      description: The one-time blackouts left out because they ended.
      type: list
      elements: dict
    counts:
      description: How many objects of each kind the file holds.
      type: dict
'''

import copy
import re
from collections import OrderedDict

from ansible.errors import AnsibleFilterError

try:
    import yaml
except ImportError:  # pragma: no cover - ansible-core needs PyYAML
    yaml = None

# recipient methods that log in: Splunk and ServiceNow always, a JSON POST when it has a user name
LOGIN_METHODS = (15, 17, 'splunk', 'servicenow')
JSON_POST = (16, 'web_post_json')
STEP_PASSWORD = 'http_basic_auth_password'
STEP_USERNAME = 'http_basic_auth_username'
MATCH_ALL = '.*'
CLOCK_LIKE = re.compile(r'^[0-9:_]+$')
FIRST_KEYS = ('type', 'name', 'id')
BLACKOUT_KEYS = ('start_day', 'start_time', 'end_day', 'end_time', 'from_date', 'thru_date', 'note')


def slug(text):
    """A variable-name piece from a name: lower case letters, digits and single underscores."""
    return re.sub(r'[^a-z0-9]+', '_', str(text).lower()).strip('_') or 'x'


class Secrets(object):
    """The placeholder variables handed out, unique by name."""

    def __init__(self):
        self.items = []
        self.names = set()

    def placeholder(self, kind, name, option, suffix):
        base = 'alertsite_secret_%s_%s_%s' % (kind, slug(name), suffix)
        variable, number = base, 2
        while variable in self.names:
            variable, number = '%s_%d' % (base, number), number + 1
        self.names.add(variable)
        self.items.append(OrderedDict([('variable', variable), ('kind', kind), ('name', name), ('option', option)]))
        return '{{ %s }}' % variable


def recipient_logs_in(definition):
    method = definition.get('method_id', definition.get('method'))
    if method in LOGIN_METHODS:
        return True
    return method in JSON_POST and definition.get('recipient_username') not in (None, '')


def ordered(definition):
    """The definition with its identity first (type, name, id), then its other options as they came."""
    item = OrderedDict((key, definition[key]) for key in FIRST_KEYS if key in definition)
    item.update((key, value) for key, value in definition.items() if key not in FIRST_KEYS)
    return item


def ordered_blackout(item):
    """A gathered blackout item with its type and targets first, then its schedule and note."""
    first = ('type', 'monitors', 'recipients') + BLACKOUT_KEYS
    blackout = OrderedDict((key, copy.deepcopy(item[key])) for key in first if key in item)
    blackout.update((key, copy.deepcopy(value)) for key, value in item.items() if key not in first)
    return blackout


def sort_key(definition):
    return (str(definition.get('name', '')), str(definition.get('type', '')), str(definition.get('id', '')))


def export_recipients(recipients, secrets):
    exported = []
    for definition in sorted(recipients, key=sort_key):
        item = ordered(copy.deepcopy(definition))
        item.pop('recipient_password', None)
        if recipient_logs_in(item):
            item['recipient_password'] = secrets.placeholder('recipient', item.get('name', item.get('id')),
                                                             'recipient_password', 'password')
        exported.append(item)
    return exported


def export_monitor(definition, secrets):
    item = ordered(copy.deepcopy(definition))
    item.pop('email_password', None)
    name = item.get('name', item.get('id'))
    if item.get('type') == 'email-round-trip':
        item['email_password'] = secrets.placeholder('monitor', name, 'email_password', 'email_password')
    for position, step in enumerate(item.get('api_steps') or []):
        head = step.get('head') if isinstance(step, dict) else None
        if not isinstance(head, dict):
            continue
        head.pop(STEP_PASSWORD, None)
        if head.get(STEP_USERNAME) not in (None, ''):
            head[STEP_PASSWORD] = secrets.placeholder('monitor', name, 'api_steps[%d].head.%s' % (position, STEP_PASSWORD),
                                                      'step%d_password' % (position + 1))
    return item


def unmanaged_monitors(gathered, listed):
    """The listed monitors that no gathered definition stands for (by type and name, counting namesakes)."""
    left = {}
    for definition in gathered:
        key = (definition.get('type'), definition.get('name'))
        left[key] = left.get(key, 0) + 1
    unmanaged = []
    for monitor in sorted(listed, key=lambda obj: int(obj.get('id') or 0) if str(obj.get('id') or 0).isdigit() else 0):
        key = (monitor.get('type'), monitor.get('name'))
        if left.get(key):
            left[key] -= 1
            continue
        unmanaged.append(OrderedDict([('type', monitor.get('type')), ('name', monitor.get('name')), ('id', monitor.get('id'))]))
    return unmanaged


class Targets(object):
    """Monitor and recipient ids as a blackout definition names them: by name where it is unambiguous."""

    def __init__(self, monitors, recipients):
        self.monitors = dict((str(obj.get('id')), obj) for obj in monitors)
        self.recipients = dict((str(obj.get('id')), obj) for obj in recipients)
        self.monitor_names = {}
        for obj in monitors:
            key = (obj.get('type'), obj.get('name'))
            self.monitor_names[key] = self.monitor_names.get(key, 0) + 1
        self.recipient_names = {}
        for obj in recipients:
            self.recipient_names[obj.get('name')] = self.recipient_names.get(obj.get('name'), 0) + 1

    def monitor(self, assoc_id):
        obj = self.monitors.get(str(assoc_id))
        if obj and obj.get('name') and self.monitor_names.get((obj.get('type'), obj.get('name'))) == 1:
            return OrderedDict([('name', obj['name']), ('type', obj.get('type'))])
        return {'id': int(assoc_id) if str(assoc_id).isdigit() else assoc_id}

    def recipient(self, assoc_id):
        obj = self.recipients.get(str(assoc_id))
        if obj and obj.get('name') and self.recipient_names.get(obj.get('name')) == 1:
            return {'name': obj['name']}
        return {'id': int(assoc_id) if str(assoc_id).isdigit() else assoc_id}


def blackout_type(blackout):
    return 'Notifier' if blackout.get('type') in ('Notifier', 'Recipient') else blackout.get('type')


def is_weekly(blackout):
    return blackout.get('persistent') in (True, 'true', 1, '1') or blackout.get('start_day') not in (None, '')


def ended(blackout, now):
    return not is_weekly(blackout) and now is not None and str(blackout.get('thru_date') or '') <= now


def export_blackouts(listed, targets, now):
    """Definitions of alertsite_blackout, one per window shared by targets, and the ended windows left out."""
    groups, order, gone = {}, [], []
    for blackout in sorted(listed, key=lambda obj: str(obj.get('id'))):
        if ended(blackout, now):
            gone.append(OrderedDict([('id', blackout.get('id')), ('type', blackout_type(blackout)),
                                     ('assoc_id', blackout.get('assoc_id')), ('from_date', blackout.get('from_date')),
                                     ('thru_date', blackout.get('thru_date')), ('note', blackout.get('note'))]))
            continue
        kind = blackout_type(blackout)
        keys = BLACKOUT_KEYS[:4] + ('note',) if is_weekly(blackout) else BLACKOUT_KEYS[4:]
        schedule = tuple((key, blackout.get(key)) for key in keys if blackout.get(key) not in (None, ''))
        key = (kind, schedule)
        if key not in groups:
            groups[key] = []
            order.append(key)
        target = targets.recipient(blackout.get('assoc_id')) if kind == 'Notifier' else targets.monitor(blackout.get('assoc_id'))
        if target not in groups[key]:
            groups[key].append(target)
    exported = []
    for key in order:
        kind, schedule = key
        item = OrderedDict([('type', kind)])
        item['recipients' if kind == 'Notifier' else 'monitors'] = groups[key]
        for name, value in schedule:
            item[name] = int(value) if name in ('start_day', 'end_day') and str(value).isdigit() else value
        exported.append(item)
    return exported, gone


def account_vars(data, now=None, prune=True):
    """The variables of the role, the secrets handed out, and what was left out."""
    if not isinstance(data, dict):
        raise AnsibleFilterError('account_export takes a dictionary of what was read, got %s' % type(data).__name__)
    secrets = Secrets()
    gathered = [item for item in data.get('monitors') or [] if isinstance(item, dict)]
    monitors_listed = [item for item in data.get('monitors_listed') or [] if isinstance(item, dict)]
    recipients_listed = [item for item in data.get('recipients_listed') or [] if isinstance(item, dict)]
    result = OrderedDict()
    result['alertsite_recipients'] = export_recipients([item for item in data.get('recipients') or []
                                                        if isinstance(item, dict)], secrets)
    result['alertsite_monitors'] = [export_monitor(item, secrets) for item in sorted(gathered, key=sort_key)]
    result['alertsite_recipient_groups'] = [ordered(copy.deepcopy(item)) for item in
                                            sorted(data.get('recipient_groups') or [], key=sort_key)]
    blackouts, gone = export_blackouts([item for item in data.get('blackouts_listed') or [] if isinstance(item, dict)],
                                       Targets(monitors_listed, recipients_listed), now)
    if data.get('blackouts') is not None:  # the resource module's gathered items
        blackouts = [ordered_blackout(item) for item in data['blackouts'] if isinstance(item, dict)]
    result['alertsite_blackouts'] = blackouts
    if prune:
        result['alertsite_alerting_prune'] = OrderedDict(
            (kind, [MATCH_ALL]) for kind in ('recipients', 'monitors', 'recipient_groups', 'blackouts'))
    result['alertsite_export_secrets'] = [item['variable'] for item in secrets.items]
    return result, secrets.items, unmanaged_monitors(gathered, monitors_listed), gone


# -- YAML text --------------------------------------------------------------------------------------------------

if yaml is not None:
    class ExportDumper(yaml.SafeDumper):
        """Block style, keys in their order, sequences indented under their key, multi-line text as literal."""

        def increase_indent(self, flow=False, indentless=False):
            return super(ExportDumper, self).increase_indent(flow, False)

    def _mapping(dumper, data):
        return dumper.represent_mapping('tag:yaml.org,2002:map', data.items())

    def _text(dumper, data):
        style = None
        if '\n' in data and not any(line != line.rstrip() for line in data.split('\n')):
            style = '|'
        elif CLOCK_LIKE.match(data):  # YAML 1.1 may read 22:00 as a number
            style = "'"
        return dumper.represent_scalar('tag:yaml.org,2002:str', data, style=style)

    ExportDumper.add_representer(OrderedDict, _mapping)
    ExportDumper.add_representer(dict, _mapping)
    ExportDumper.add_representer(str, _text)


def plain(value):
    """Plain Python types (Ansible hands over its own str and dict subclasses; it stores no OrderedDict)."""
    if isinstance(value, dict):
        return dict((str(key), plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return value
    return str(value)


def header(counts, secrets, source):
    lines = ['# The AlertSite account%s as variables of the role community.alertsite.alerting,' % (
        ' at %s' % source if source else ''),
        '# written by the playbook community.alertsite.export. Converging it against the same account writes nothing.',
        '# It holds %s.' % ', '.join('%d %s' % (count, kind.replace('_', ' ')) for kind, count in counts.items()),
        '#', '# Secrets are never exported.']
    if secrets:
        lines += ['# Each write-only secret is a placeholder variable that you define before converging, for example',
                  '# in an Ansible Vault file loaded with vars_files (the modules send a secret only when they create',
                  '# the object, or with alertsite_alerting_update_password: always):', '#']
        width = max(len(item['variable']) for item in secrets)
        lines += ['#   %s  %s %s: %s' % (item['variable'].ljust(width), item['kind'], item['name'], item['option'])
                  for item in secrets]
    else:
        lines.append('# No object of this account needs a secret.')
    return lines


def footer(unmanaged, gone):
    lines = []
    if unmanaged:
        lines += ['', '# Monitors this collection does not manage, left out of this file (converging it leaves them alone):']
        lines += ['#   %s %r (id %s)' % (item['type'], item['name'], item['id']) for item in unmanaged]
    if gone:
        lines += ['', '# One-time blackouts that ended, left out (the API keeps them as history and cannot delete them):']
        lines += ['#   %s blackout of %s from %s to %s%s (id %s)' % (
            item['type'], item['assoc_id'], item['from_date'], item['thru_date'],
            ', note %r' % item['note'] if item.get('note') else '', item['id']) for item in gone]
    return lines


def account_export(data, now=None, prune=True, source=None):
    if yaml is None:  # pragma: no cover
        raise AnsibleFilterError('account_export needs PyYAML')
    variables, secrets, unmanaged, gone = account_vars(data, now=now, prune=prune)
    variables = plain(variables)
    counts = OrderedDict((kind, len(variables[name])) for kind, name in (
        ('recipients', 'alertsite_recipients'), ('monitors', 'alertsite_monitors'),
        ('recipient_groups', 'alertsite_recipient_groups'), ('blackouts', 'alertsite_blackouts')))
    body = yaml.dump(variables, Dumper=ExportDumper, default_flow_style=False, allow_unicode=True, width=120,
                     sort_keys=False)
    text = '\n'.join(['---'] + header(counts, secrets, source) + ['', body.rstrip('\n')] + footer(unmanaged, gone)) + '\n'
    return dict(text=text, vars=variables, secrets=plain(secrets), unmanaged=plain(unmanaged), ended_blackouts=plain(gone),
                counts=dict(counts))


class FilterModule(object):
    def filters(self):
        return {'account_export': account_export}
