# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible_collections.community.alertsite.plugins.module_utils.engine import MonitorIndex
from ansible_collections.community.alertsite.plugins.module_utils.fleet import (
    definition_spec,
    fleet_problems,
    gathered_definitions,
    listed_types,
    plan_fleet,
)
from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
EXISTING = [
    {'id': 1, 'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443, 'note': 'keep me'},
    {'id': 2, 'type': 'tcp', 'name': 'old', 'hostname': 'old.example.com', 'port': 22},
    {'id': 3, 'type': 'email-smtp', 'name': 'mx', 'hostname': 'smtp.example.com', 'port': 25},
    {'id': 4, 'type': 'email-round-trip', 'name': 'rt', 'email': 'a@example.com'},
]


def definition(**values):
    """A definition as Ansible gives it: every suboption present, unset ones None."""
    result = dict((name, None) for name in definition_spec())
    result.update(values)
    return result


def fleet_params(config, state='merged', types=None, update_password='on_create'):
    return dict(config=config, state=state, types=types, update_password=update_password)


def test_definition_spec_is_the_union_of_the_declarations():
    spec = definition_spec()
    assert spec['type'] == dict(type='str', required=True)
    assert spec['name'] == dict(type='str', required=True)
    assert spec['email_password'] == dict(type='str', no_log=True)
    assert spec['port'] == dict(type='int')


def test_problems_name_the_definition_and_the_option():
    config = [
        definition(type='ftp', name='files'),
        definition(type='tcp', name='a', port=0),
        definition(type='email-round-trip', name='b', port=25),
        definition(type='tcp', name='a'),
    ]
    assert fleet_problems(fleet_params(config)) == [
        "config[0] (ftp 'files'): type must be one of email-imap, email-pop, email-round-trip, email-smtp, tcp",
        "config[1] (tcp 'a'): port must be between 1 and 65535, got 0",
        "config[2] (email-round-trip 'b'): port is not an option of email-round-trip monitors",
        "config[1] and config[3] both define tcp monitor 'a'",
    ]


def test_overridden_needs_something_to_say_which_types():
    assert 'set types to say which' in fleet_problems(fleet_params([], 'overridden'))[0]
    assert fleet_problems(fleet_params([], 'overridden', types=['tcp'])) == []
    assert fleet_problems(fleet_params([], 'merged', types=['tcp'])) == ['types only applies to state=overridden and state=gathered']


def test_listed_types():
    config = [definition(type='tcp', name='a'), definition(type='email-smtp', name='b')]
    assert listed_types(fleet_params(config)) == ['email-smtp', 'tcp']
    assert listed_types(fleet_params([], 'gathered')) == ['email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'tcp']
    assert listed_types(fleet_params(config, 'overridden', types=['email-pop'])) == ['email-pop', 'email-smtp', 'tcp']


def plans_for(params):
    params['override_types'] = set(listed_types(params))
    return plan_fleet(params, MonitorIndex(EXISTING))


def test_merged_plans_each_definition_with_the_engine():
    plans = plans_for(fleet_params([definition(type='tcp', name='web', port=8443),
                                    definition(type='tcp', name='new', billing_plancode='P', hostname='h', port=1)]))
    assert [(p.action, p.name, dict(p.send)) for p in plans] == [
        ('update', 'web', {'port': 8443}),
        ('create', 'new', {'name': 'new', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1})]


def test_replaced_clears_left_out_empty_able_options_and_merged_does_not():
    config = [definition(type='tcp', name='web', port=443)]
    assert plans_for(fleet_params(config))[0].action == 'none'
    replaced = plans_for(fleet_params(config, 'replaced'))[0]
    assert dict(replaced.send) == {'note': ''}


def test_overridden_deletes_only_unlisted_monitors_of_the_listed_types():
    plans = plans_for(fleet_params([definition(type='tcp', name='web', port=443, note='keep me')], 'overridden'))
    assert [(p.action, p.api_type, p.name) for p in plans] == [('none', 'tcp', 'web'), ('delete', 'tcp', 'old')]


def test_deleted_deletes_the_listed_ones():
    plans = plans_for(fleet_params([definition(type='tcp', name='old'), definition(type='tcp', name='gone')], 'deleted'))
    assert [(p.action, p.name) for p in plans] == [('delete', 'old'), ('none', 'gone')]


def test_gathered_definitions_feed_back_as_config():
    gathered = gathered_definitions(MonitorIndex(EXISTING + [{'id': 9, 'type': 'ping', 'name': 'p'}]))
    assert [d['name'] for d in gathered] == ['web', 'old', 'mx', 'rt']
    assert gathered[0] == {'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443, 'note': 'keep me'}
    plans = plans_for(fleet_params([definition(**d) for d in gathered]))
    assert all(plan.action == 'none' for plan in plans)


def test_module_one_login_one_listing_and_a_partial_failure(capsys):
    session = FakeSession(
        token_reply(), page(EXISTING[:2], 2),
        (200, {'id': '1'}), (200, dict(EXISTING[0], port=8443)),
        (400, {'errors': [{'code': 400, 'message': 'bad port'}]}),
    )
    args = dict(AUTH, config=[{'type': 'tcp', 'name': 'web', 'port': 8443}, {'type': 'tcp', 'name': 'old', 'port': 2222}],
                _ansible_diff=True)
    result, failed = run_module(main, args, session, capsys)
    assert failed and result['changed'] is True
    assert result['msg'] == ("merged 2 monitors: 0 created, 2 updated, 0 deleted, 0 unchanged; 1 failed: "
                             "tcp monitor 'old' (id 2): PATCH /monitors/tcp/2 failed with HTTP 400: bad port")
    assert [(r['name'], r['changed'], r.get('failed', False)) for r in result['results']] == [('web', True, False), ('old', False, True)]
    assert session.calls()[:2] == [('POST', '/access-tokens'), ('GET', '/monitors')]
    assert session.requests[1]['params']['type'] == 'tcp'
    assert len(result['diff']) == 2


def test_module_bad_input_sends_nothing_and_secrets_stay_out(capsys):
    session = FakeSession()
    args = dict(AUTH, config=[{'type': 'email-round-trip', 'name': 'rt', 'email_password': 'MailboxPw!', 'email': 'nope'}])
    result, failed = run_module(main, args, session, capsys)
    assert failed and session.requests == []
    assert "config[0] (email-round-trip 'rt'): email must be an email address" in result['msg']
    assert 'MailboxPw!' not in json.dumps(result)
