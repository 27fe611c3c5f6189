# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The filters behind the playbooks export and drift and the role alerting: account_export, drift_report and
alerting_references."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import xml.etree.ElementTree as ET

import pytest
import yaml

from ansible.errors import AnsibleFilterError

from ansible_collections.community.alertsite.plugins.filter.account_export import account_export, slug
from ansible_collections.community.alertsite.plugins.filter.alerting_references import alerting_references
from ansible_collections.community.alertsite.plugins.filter.drift_report import drift_report

# what the monitors task's gathered state leaves out (a type the collection does not manage)
MONITORS_NOT_GATHERED = [{'type': 'selenium', 'name': 'journey', 'id': 3}]
GATHERED = [
    {'type': 'tcp', 'name': 'db', 'hostname': 'db.example.com', 'port': 5432, 'billing_plancode': 'UBM - A/A'},
    {'type': 'email-round-trip', 'name': 'mailbox', 'email': 'probe@example.com', 'email_username': 'probe'},
    {'type': 'website-ssl-api', 'name': 'api',
     'api_steps': [{'step_name': 'login', 'url': 'https://api.example.com/', 'head': {'http_basic_auth_username': 'probe'}},
                   {'step_name': 'list', 'url': 'https://api.example.com/list'}]},
    {'type': 'ping', 'name': 'gw', 'id': '5', 'hostname': 'gw1.example.com'},
    {'type': 'ping', 'name': 'gw', 'id': '6', 'hostname': 'gw2.example.com'},
]
RECIPIENTS = [
    {'name': 'splunk', 'method_id': 15, 'recipient': 'https://splunk.example.com/', 'recipient_username': 'as'},
    {'name': 'hook', 'method_id': 16, 'recipient': 'https://hook.example.com/', 'recipient_username': 'as'},
    {'name': 'open hook', 'method_id': 16, 'recipient': 'https://open.example.com/'},
    {'name': 'mail', 'method_id': 12, 'recipient': 'ops@example.com'},
]
BLACKOUTS = [
    {'id': 21, 'type': 'Alert', 'assoc_id': 1, 'persistent': True, 'start_day': 1, 'start_time': '22:00', 'end_day': 2,
     'end_time': '02:00', 'note': 'patching', 'from_date': None, 'thru_date': None},
    {'id': 22, 'type': 'Alert', 'assoc_id': 2, 'persistent': True, 'start_day': 1, 'start_time': '22:00', 'end_day': 2,
     'end_time': '02:00', 'note': 'patching', 'from_date': None, 'thru_date': None},
    {'id': 23, 'type': 'Recipient', 'assoc_id': 14, 'persistent': False, 'from_date': '2030-01-01 00:00:00',
     'thru_date': '2030-01-02 00:00:00', 'note': 'holiday'},
    {'id': 24, 'type': 'Monitor', 'assoc_id': 5, 'persistent': False, 'from_date': '2020-01-01 00:00:00',
     'thru_date': '2020-01-02 00:00:00', 'note': 'old'},
    {'id': 25, 'type': 'Monitor', 'assoc_id': 6, 'persistent': False, 'from_date': '2030-03-01 00:00:00',
     'thru_date': '2030-03-01 01:00:00', 'note': None},
]
SECRET = 'S3cret-value'
# the blackouts task's gathered items, and the window that ended (its not_gathered)
BLACKOUTS_GATHERED = [
    {'type': 'Alert', 'monitors': [{'name': 'db', 'type': 'tcp'}, {'name': 'mailbox', 'type': 'email-round-trip'}],
     'start_day': 1, 'start_time': '22:00', 'end_day': 2, 'end_time': '02:00', 'note': 'patching'},
    {'type': 'Notifier', 'recipients': [{'name': 'mail'}], 'from_date': '2030-01-01 00:00:00',
     'thru_date': '2030-01-02 00:00:00', 'note': 'holiday'},
    {'note': 'first', 'type': 'Monitor', 'monitors': [{'id': 6}], 'from_date': '2030-03-01 00:00:00',
     'thru_date': '2030-03-01 01:00:00'},
]
BLACKOUTS_NOT_GATHERED = [{'id': 24, 'type': 'Monitor', 'assoc_id': 5, 'from_date': '2020-01-01 00:00:00',
                           'thru_date': '2020-01-02 00:00:00', 'note': 'old'}]


def read():
    """What alertsite_account_info returns."""
    return {'changed': False, 'gathered': {
        'recipients': RECIPIENTS, 'monitors': GATHERED,
        'recipient_groups': [{'name': 'web', 'monitors': [{'name': 'db', 'type': 'tcp'}], 'recipients': [{'name': 'mail'}]}],
        'blackouts': BLACKOUTS_GATHERED},
        'not_gathered': {'recipients': [], 'monitors': MONITORS_NOT_GATHERED, 'recipient_groups': [],
                         'blackouts': BLACKOUTS_NOT_GATHERED}}


# -- account_export -----------------------------------------------------------------------------------------------

def test_export_is_the_roles_variables_with_placeholders_for_secrets():
    export = account_export(read(), source='https://api.example.com/api/v3')
    data = yaml.safe_load(export['text'])
    assert sorted(data) == ['alertsite_alerting_prune', 'alertsite_blackouts', 'alertsite_export_secrets',
                            'alertsite_monitors', 'alertsite_recipient_groups', 'alertsite_recipients']
    recipients = dict((item['name'], item) for item in data['alertsite_recipients'])
    assert recipients['splunk']['recipient_password'] == '{{ alertsite_secret_recipient_splunk_password }}'
    assert recipients['hook']['recipient_password'] == '{{ alertsite_secret_recipient_hook_password }}'
    assert 'recipient_password' not in recipients['open hook'] and 'recipient_password' not in recipients['mail']
    monitors = dict((item['name'] + item.get('id', ''), item) for item in data['alertsite_monitors'])
    assert monitors['mailbox']['email_password'] == '{{ alertsite_secret_monitor_mailbox_email_password }}'
    assert monitors['api']['api_steps'][0]['head'] == {
        'http_basic_auth_username': 'probe',
        'http_basic_auth_password': '{{ alertsite_secret_monitor_api_step1_password }}'}
    assert 'head' not in monitors['api']['api_steps'][1]
    assert monitors['gw5']['hostname'] == 'gw1.example.com' and monitors['gw6']['hostname'] == 'gw2.example.com'
    assert list(monitors['db'])[:2] == ['type', 'name']
    assert data['alertsite_alerting_prune'] == dict((kind, ['.*']) for kind in ('recipients', 'monitors', 'recipient_groups', 'blackouts'))
    assert sorted(data['alertsite_export_secrets']) == sorted(item['variable'] for item in export['secrets'])
    assert len(export['secrets']) == 4
    for item in export['secrets']:  # named in the header comment
        assert '\n#   %s ' % item['variable'] in export['text']
    assert export['counts'] == {'recipients': 4, 'monitors': 5, 'recipient_groups': 1, 'blackouts': 3}


def test_export_comments_what_it_leaves_out():
    export = account_export(read())
    assert export['unmanaged'] == [{'type': 'selenium', 'name': 'journey', 'id': 3}]
    assert "\n#   selenium 'journey' (id 3)" in export['text']
    assert [item['id'] for item in export['ended_blackouts']] == [24]
    assert "#   Monitor blackout of 5 from 2020-01-01 00:00:00 to 2020-01-02 00:00:00, note 'old' (id 24)" in export['text']


def test_export_blackouts_are_the_gathered_items_type_and_targets_first():
    text = account_export(read())['text']
    blackouts = yaml.safe_load(text)['alertsite_blackouts']
    assert blackouts == BLACKOUTS_GATHERED
    assert list(blackouts[2]) == ['type', 'monitors', 'from_date', 'thru_date', 'note']
    assert "- type: Monitor\n    monitors:\n      - id: 6\n    from_date: '2030-03-01 00:00:00'" in text


def test_export_quotes_times_and_keeps_scripts_literal():
    data = read()
    data['gathered']['monitors'] = [{'type': 'dejaclick', 'name': 'journey', 'script': '<script>\n  <step/>\n</script>'}]
    text = account_export(data, prune=False)['text']
    assert "start_time: '22:00'" in text
    assert 'script: |-\n      <script>\n        <step/>\n      </script>' in text
    assert 'alertsite_alerting_prune' not in text
    assert yaml.safe_load(text)['alertsite_monitors'][0]['script'] == '<script>\n  <step/>\n</script>'


def test_export_never_carries_a_secret_it_is_given():
    data = read()
    data['gathered']['recipients'] = [dict(RECIPIENTS[0], recipient_password=SECRET)]
    data['gathered']['monitors'] = [dict(GATHERED[1], email_password=SECRET)]
    assert SECRET not in json.dumps(account_export(data))


def test_export_placeholder_names_are_unique():
    assert slug('Shop Web / EU') == 'shop_web_eu' and slug('***') == 'x'
    data = read()
    data['gathered']['recipients'] = [dict(RECIPIENTS[0], name='a-b'), dict(RECIPIENTS[0], name='a b')]
    names = [item['variable'] for item in account_export(data)['secrets'] if item['kind'] == 'recipient']
    assert names == ['alertsite_secret_recipient_a_b_password', 'alertsite_secret_recipient_a_b_password_2']


def test_export_refuses_what_is_no_mapping():
    with pytest.raises(AnsibleFilterError, match='got list'):
        account_export(['not', 'a', 'mapping'])
    with pytest.raises(AnsibleFilterError, match='a dictionary without it'):
        account_export({'recipients': RECIPIENTS})


# -- drift_report ---------------------------------------------------------------------------------------------------

def module_result(*items, **extra):
    return dict(extra, changed=True, results=[dict(item) for item in items])


def test_drift_report_json_and_junit():
    results = {
        'recipients': module_result({'name': 'mail', 'id': '14', 'action': 'update', 'changes': ['notify_on_clear']},
                                    {'name': 'new', 'id': None, 'action': 'create', 'changes': ['name', 'recipient']},
                                    {'name': 'shop-old', 'id': '15', 'action': 'delete', 'changes': []},
                                    {'name': 'other-team', 'id': '16', 'action': 'delete', 'changes': []},
                                    {'name': 'splunk', 'id': '11', 'action': 'none', 'changes': []}),
        'monitors': module_result({'type': 'tcp', 'name': 'db', 'id': '1', 'action': 'none', 'changes': []},
                                  {'type': 'tcp', 'name': 'bad', 'id': None, 'action': 'none', 'changes': [],
                                   'failed': True, 'msg': 'two tcp monitors are called bad'}),
        'recipient_groups': {'failed': True, 'msg': 'the API refused the login'},
        'blackouts': module_result({'type': 'Alert', 'name': 1, 'id': '21', 'action': 'update', 'changes': ['note'],
                                    'blackout': BLACKOUTS[0]}),
    }
    report = drift_report(results, prune={'recipients': ['shop-'], 'blackouts': []})
    assert report['drift']
    by_name = dict(('%s/%s' % (obj['kind'], obj['name']), obj) for obj in report['objects'])
    assert by_name['recipients/mail']['message'] == 'differs from the vars file in notify_on_clear: to update'
    assert by_name['recipients/shop-old']['action'] == 'delete'
    assert 'recipients/other-team' not in by_name  # outside the pruned names
    assert by_name['monitors/bad']['action'] == 'error'
    assert by_name['recipient_groups/(the task)']['action'] == 'error'
    assert report['summary']['recipients'] == {'to_create': 1, 'to_update': 1, 'to_delete': 1, 'in_sync': 1, 'error': 0,
                                               'not_judged': 0}
    suites = ET.fromstring(report['junit'].split('\n', 1)[1])
    assert suites.get('tests') == str(len(report['objects'])) and suites.get('failures') == '4' and suites.get('errors') == '2'
    case = suites.find("testsuite[@name='monitors']/testcase[@name='tcp/db']")
    assert case is not None and case.get('classname') == 'monitors' and len(case) == 0
    failure = suites.find("testsuite[@name='recipients']/testcase[@name='mail']/failure")
    assert failure.get('type') == 'update' and 'notify_on_clear' in failure.text
    json.dumps(report)


def test_drift_report_in_sync_and_merged_kinds():
    results = {'monitors': module_result({'type': 'tcp', 'name': 'db', 'id': '1', 'action': 'none', 'changes': []}),
               'recipients': {'skipped': True, 'changed': False}}
    report = drift_report(results)
    assert not report['drift']
    assert report['summary']['monitors']['in_sync'] == 1 and report['summary']['recipients']['in_sync'] == 0
    with pytest.raises(AnsibleFilterError):
        drift_report([])


# -- alerting_references ------------------------------------------------------------------------------------------

def test_references_become_the_ids_of_earlier_results():
    groups = [{'name': 'web', 'monitors': [{'name': 'db', 'type': 'tcp', 'step_number': 2}, {'name': 'gw', 'type': 'ping'},
                                           {'name': 'gone', 'type': 'tcp'}, {'id': 9}],
               'recipients': [{'name': 'mail'}, {'name': 'new'}, {'name': 'twin'}]}]
    monitors = [{'type': 'tcp', 'name': 'db', 'id': '1', 'action': 'none'},
                {'type': 'tcp', 'name': 'gone', 'id': '3', 'action': 'delete'}]
    recipients = [{'name': 'mail', 'id': '14', 'action': 'update'}, {'name': 'new', 'id': None, 'action': 'create'},
                  {'name': 'twin', 'id': '15', 'action': 'none'}, {'name': 'twin', 'id': '16', 'action': 'none'}]
    rewritten = alerting_references(groups, monitors=monitors, recipients=recipients)
    assert rewritten[0]['monitors'] == [{'id': 1, 'step_number': 2}, {'name': 'gw', 'type': 'ping'},
                                        {'name': 'gone', 'type': 'tcp'}, {'id': 9}]
    assert rewritten[0]['recipients'] == [{'id': 14}, {'name': 'new'}, {'name': 'twin'}]
    assert groups[0]['monitors'][0] == {'name': 'db', 'type': 'tcp', 'step_number': 2}  # the input is left as it is
    with pytest.raises(AnsibleFilterError):
        alerting_references({'name': 'web'})


def test_drift_report_names_the_windows_of_the_blackouts_module():
    results = {
        'monitors': module_result({'type': 'tcp', 'name': 'db', 'id': '1', 'action': 'none', 'changes': []}),
        'recipients': module_result({'name': 'mail', 'id': '14', 'action': 'none', 'changes': []}),
        'blackouts': module_result(
            {'type': 'Alert', 'name': 1, 'id': '21', 'action': 'update', 'changes': ['note']},
            {'type': 'Notifier', 'name': 14, 'id': None, 'action': 'create', 'changes': ['type', 'note'],
             'blackout': {'type': 'Notifier', 'assoc_id': 14, 'persistent': False, 'from_date': '2031-01-01 00:00:00',
                          'thru_date': '2031-01-02 00:00:00', 'note': 'new year'}},
            {'type': 'Alert', 'name': 2, 'id': '22', 'action': 'delete', 'changes': [], 'blackout': {}},
            {'type': 'Recipient', 'name': 14, 'id': '23', 'action': 'delete', 'changes': [], 'blackout': {}}),
    }
    report = drift_report(results, prune={'blackouts': ['patch']}, blackouts_listed=BLACKOUTS)
    windows = [(obj['action'], obj['name']) for obj in report['objects'] if obj['kind'] == 'blackouts']
    # the holiday window's note does not match the pattern: no drift
    assert windows == [
        ('update', "Alert blackout of tcp monitor db, weekly Sunday 22:00 - Monday 02:00 'patching'"),
        ('create', "Notifier blackout of recipient mail, once 2031-01-01 00:00:00 - 2031-01-02 00:00:00 'new year'"),
        ('delete', "Alert blackout of monitor 2, weekly Sunday 22:00 - Monday 02:00 'patching'")]
    assert all('type' not in obj for obj in report['objects'] if obj['kind'] == 'blackouts')
