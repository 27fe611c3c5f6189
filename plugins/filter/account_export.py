# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
name: account_export
short_description: An AlertSite account as a vars file of the role community.alertsite.alerting
version_added: 2.0.0
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
  - What the gathered states leave out (their RV(community.alertsite.alertsite_monitors#module:not_gathered)) - monitors
    of types the collection does not manage, and one-time blackouts that have ended (history the API keeps and
    cannot delete), is listed in comment blocks at the end of the file.
  - Blackouts are the items of M(community.alertsite.alertsite_blackouts) as its gathered state gives them, windows
    alike on several targets as one item, targets by name where the name is unambiguous, by id otherwise.
options:
  _input:
    description:
      - What was read, the result of M(community.alertsite.alertsite_account_info), a dictionary whose C(gathered)
        holds the definitions of each kind (C(recipients), C(monitors), C(recipient_groups), C(blackouts)) and whose
        C(not_gathered) holds what they cannot express (C(monitors) of unmanaged types, C(blackouts) that ended).
    type: dict
    required: true
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
- name: Read the account
  community.alertsite.alertsite_account_info:
  register: account

- name: Write it as a vars file
  ansible.builtin.copy:
    dest: account.yml
    mode: "0600"
    content: "{{ (account | community.alertsite.account_export(source=api_url)).text }}"
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
      description: The one-time blackouts left out because they ended (C(id), C(type), C(assoc_id), C(from_date), C(thru_date), C(note)).
      type: list
      elements: dict
    counts:
      description: How many objects of each kind the file holds.
      type: dict
'''

import re
from collections import OrderedDict

from ansible.errors import AnsibleFilterError
from ansible_collections.community.alertsite.plugins.plugin_utils.plain_data import plain

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
    blackout = OrderedDict((key, plain(item[key])) for key in first if key in item)
    blackout.update((key, plain(value)) for key, value in item.items() if key not in first)
    return blackout


def sort_key(definition):
    return (str(definition.get('name', '')), str(definition.get('type', '')), str(definition.get('id', '')))


def export_recipients(recipients, secrets):
    exported = []
    for definition in sorted(recipients, key=sort_key):
        item = ordered(plain(definition))
        item.pop('recipient_password', None)
        if recipient_logs_in(item):
            item['recipient_password'] = secrets.placeholder('recipient', item.get('name', item.get('id')),
                                                             'recipient_password', 'password')
        exported.append(item)
    return exported


def export_monitor(definition, secrets):
    item = ordered(plain(definition))
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


def left_out(items, keys):
    """What a gathered state left out (its not_gathered), each with ``keys`` in that order."""
    return [OrderedDict((key, item.get(key)) for key in keys) for item in items or [] if isinstance(item, dict)]


def account_vars(data, prune=True):
    """The variables of the role, the secrets handed out, and what was left out."""
    if not isinstance(data, dict) or not isinstance(data.get('gathered'), dict):
        raise AnsibleFilterError('account_export takes the result of alertsite_account_info (a dictionary with gathered), '
                                 'got %s' % (type(data).__name__ if not isinstance(data, dict) else 'a dictionary without it'))
    left = data.get('not_gathered') or {}
    data = data['gathered']
    secrets = Secrets()
    result = OrderedDict()
    result['alertsite_recipients'] = export_recipients([item for item in data.get('recipients') or []
                                                        if isinstance(item, dict)], secrets)
    result['alertsite_monitors'] = [export_monitor(item, secrets) for item in sorted(
        [item for item in data.get('monitors') or [] if isinstance(item, dict)], key=sort_key)]
    result['alertsite_recipient_groups'] = [ordered(plain(item)) for item in
                                            sorted(data.get('recipient_groups') or [], key=sort_key)]
    result['alertsite_blackouts'] = [ordered_blackout(item) for item in data.get('blackouts') or [] if isinstance(item, dict)]
    if prune:
        result['alertsite_alerting_prune'] = OrderedDict(
            (kind, [MATCH_ALL]) for kind in ('recipients', 'monitors', 'recipient_groups', 'blackouts'))
    result['alertsite_export_secrets'] = [item['variable'] for item in secrets.items]
    return (result, secrets.items, left_out(left.get('monitors'), ('type', 'name', 'id')),
            left_out(left.get('blackouts'), ('id', 'type', 'assoc_id', 'from_date', 'thru_date', 'note')))


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


def account_export(data, prune=True, source=None):
    if yaml is None:  # pragma: no cover
        raise AnsibleFilterError('account_export needs PyYAML')
    variables, secrets, unmanaged, gone = account_vars(data, prune=prune)
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
