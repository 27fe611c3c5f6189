# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import importlib
import json

import pytest

from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.community.alertsite.plugins.module_utils.bulk import (
    MANAGED_TYPES,
    bulk_problems,
    definition_spec,
    gathered_definitions,
    listed_types,
    not_in_config,
    parse_running_config,
    plan_bulk,
    read_types,
    rendered_commands,
)
from ansible_collections.community.alertsite.plugins.module_utils.bulk_result import not_in_config_result
from ansible_collections.community.alertsite.plugins.module_utils.engine import plan_command
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import KIND_OF_TYPE
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main
from ansible_collections.community.alertsite.tests.unit.plugins.modules.test_bad_input import FakeApi
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
    with_invocation,
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


def fleet_problems(params):
    return bulk_problems(params['config'], params['state'], params['types'])


def test_definition_spec_is_the_union_of_the_declarations():
    spec = definition_spec()
    assert spec['type'] == dict(type='str', required=True)
    assert spec['name'] == dict(type='str', required=True)
    assert spec['email_password'] == dict(type='str', no_log=True)
    assert spec['port'] == dict(type='int')


def test_problems_name_the_definition_and_the_option():
    config = [
        definition(type='bitbar', name='files'),
        definition(type='tcp', name='a', port=0),
        definition(type='email-round-trip', name='b', port=25),
        definition(type='tcp', name='a'),
    ]
    assert fleet_problems(fleet_params(config)) == [
        "config[0] (bitbar 'files'): type must be one of dejaclick, email-imap, email-pop, email-round-trip, "
        "email-smtp, ftp, ftp-ssl, name-server, ping, tcp, website, website-api, website-ssl, website-ssl-api",
        "config[1] (tcp 'a'): port must be between 1 and 65535, got 0",
        "config[2] (email-round-trip 'b'): port is not an option of email-round-trip monitors",
        "config[1] and config[3] both define tcp monitor 'a'",
    ]


def test_overridden_needs_something_to_say_which_types():
    assert 'set types to say which' in fleet_problems(fleet_params([], 'overridden'))[0]
    assert fleet_problems(fleet_params([], 'overridden', types=['tcp'])) == []
    # merged and replaced take types too: the listing holds them, for not_in_config
    assert fleet_problems(fleet_params([], 'merged', types=['tcp'])) == []
    assert fleet_problems(fleet_params([], 'replaced', types=['tcp'])) == []
    for state in ('deleted', 'rendered'):
        assert fleet_problems(fleet_params([definition(type='tcp', name='a')], state, types=['tcp'])) == [
            'types only applies to state=merged, state=replaced, state=overridden, state=gathered and state=parsed']


def test_listed_types():
    config = [definition(type='tcp', name='a'), definition(type='email-smtp', name='b')]
    assert listed_types(*problem_args(fleet_params(config))) == ['email-smtp', 'tcp']
    assert listed_types(*problem_args(fleet_params([], 'gathered'))) == [
        'dejaclick', 'email-imap', 'email-pop', 'email-round-trip', 'email-smtp', 'ftp', 'ftp-ssl', 'name-server', 'ping',
        'tcp', 'website', 'website-api', 'website-ssl', 'website-ssl-api']
    assert listed_types(*problem_args(fleet_params(config, 'overridden', types=['email-pop']))) == ['email-pop', 'email-smtp', 'tcp']


def problem_args(params):
    return params['config'], params['state'], params['types']


def plans_for(params):
    index = Index(KIND_OF_TYPE.get, EXISTING)
    return plan_bulk(params['config'], params['state'], index, set(listed_types(*problem_args(params))),
                     params['update_password'])


def test_merged_plans_each_definition_with_the_engine():
    plans = plans_for(fleet_params([definition(type='tcp', name='web', port=8443),
                                    definition(type='tcp', name='new', billing_plancode='P', hostname='h', port=1)]))
    assert [(p.action, p.name, dict(p.changes)) for p in plans] == [
        ('update', 'web', {'port': 8443}),
        ('create', 'new', {'name': 'new', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1})]


def test_replaced_clears_left_out_empty_able_options_and_merged_does_not():
    config = [definition(type='tcp', name='web', port=443)]
    assert plans_for(fleet_params(config))[0].action == 'none'
    replaced = plans_for(fleet_params(config, 'replaced'))[0]
    assert dict(replaced.changes) == {'note': ''}


def test_overridden_deletes_only_unlisted_monitors_of_the_listed_types():
    plans = plans_for(fleet_params([definition(type='tcp', name='web', port=443, note='keep me')], 'overridden'))
    assert [(p.action, p.api_type, p.name) for p in plans] == [('none', 'tcp', 'web'), ('delete', 'tcp', 'old')]


def test_deleted_deletes_the_listed_ones():
    plans = plans_for(fleet_params([definition(type='tcp', name='old'), definition(type='tcp', name='gone')], 'deleted'))
    assert [(p.action, p.name) for p in plans] == [('delete', 'old'), ('none', 'gone')]


def test_gathered_definitions_feed_back_as_config():
    gathered = gathered_definitions(EXISTING + [{'id': 9, 'type': 'bitbar', 'name': 'p'}])
    assert [d['name'] for d in gathered] == ['web', 'old', 'mx', 'rt']
    assert gathered[0] == {'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443, 'note': 'keep me'}
    plans = plans_for(fleet_params([definition(**d) for d in gathered]))
    assert all(plan.action == 'none' for plan in plans)


def test_module_one_login_one_listing_and_a_partial_failure(capsys):
    session = FakeSession(
        token_reply(), page(EXISTING[:2], 2),
        # the writes first, then one read-back of what was written
        (200, {'id': '1'}), (400, {'errors': [{'code': 400, 'message': 'bad port'}]}),
        (200, dict(EXISTING[0], port=8443)),
    )
    args = dict(AUTH, config=[{'type': 'tcp', 'name': 'web', 'port': 8443}, {'type': 'tcp', 'name': 'old', 'port': 2222}],
                _ansible_diff=True, parallel_writes=1)
    result, failed = run_module(main, args, session, capsys)
    assert failed and result['changed'] is True
    # outcomes are counted, not plans: one update succeeded, one failed
    assert result['msg'] == ("merged 2 monitors: 0 created, 1 updated, 0 deleted, 0 unchanged; 1 failed: "
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


def test_rendered_lists_the_creates_with_secrets_masked():
    config = [definition(type='tcp', name='web', billing_plancode='P', hostname='h', port=1),
              definition(type='email-round-trip', name='rt', billing_plancode='P', smtp_hostname='s', pop3_hostname='p',
                         email='a@example.com', email_password='MailboxPw!')]
    commands = rendered_commands(config)
    assert [(c['method'], c['path']) for c in commands] == [('POST', '/monitors/tcp'), ('POST', '/monitors/email-round-trip')]
    assert commands[0]['body'] == {'billing_plancode': 'P', 'name': 'web', 'hostname': 'h', 'port': 1}
    assert commands[1]['body']['email_password'] == '********'
    assert 'MailboxPw!' not in json.dumps(commands)


def test_parsed_turns_a_listing_into_config():
    listing = {'metadata': {'resultset': {'count': 2}}, 'results': EXISTING}
    for running_config in (listing, json.dumps(listing), EXISTING):
        monitors = parse_running_config(running_config)
        expected = {'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443, 'note': 'keep me'}
        assert gathered_definitions(monitors, ['tcp'])[0] == expected
    for bad in ('{not json', {'results': 'x'}, 5):
        try:
            parse_running_config(bad)
        except InputError as exc:
            assert 'running_config' in str(exc)
        else:
            raise AssertionError('accepted %r' % (bad,))


def test_module_rendered_and_parsed_send_nothing(capsys):
    session = FakeSession()
    web = {'type': 'tcp', 'name': 'web', 'port': 1, 'billing_plancode': 'P', 'hostname': 'h'}
    rendered, failed = run_module(main, dict(state='rendered', config=[web]), session, capsys)
    assert not failed and rendered['rendered'][0]['path'] == '/monitors/tcp'
    incomplete, failed = run_module(main, dict(state='rendered', config=[{'type': 'tcp', 'name': 'web'}]), session, capsys)
    assert failed and incomplete['msg'] == "missing required options to create tcp monitor 'web': billing_plancode, hostname, port"
    parsed, failed = run_module(main, dict(state='parsed', running_config=EXISTING, types=['tcp']), session, capsys)
    assert not failed and [d['name'] for d in parsed['parsed']] == ['web', 'old']
    assert session.requests == []


def test_module_returns_before_after_commands_and_api_errors(capsys):
    session = FakeSession(
        token_reply(), page(EXISTING[:2], 2),
        # the writes first, then one read-back of what was written
        (200, {'id': '1'}), (400, {'errors': [{'code': 400, 'message': 'bad port'}]}),
        (200, dict(EXISTING[0], port=8443)),
    )
    args = dict(AUTH, config=[{'type': 'tcp', 'name': 'web', 'port': 8443}, {'type': 'tcp', 'name': 'old', 'port': 2222}],
                parallel_writes=1)
    result, failed = run_module(main, args, session, capsys)
    assert failed
    assert result['status'] == 400 and result['api_errors'] == ['bad port']
    assert result['commands'] == [{'method': 'PATCH', 'path': '/monitors/tcp/1', 'body': {'port': 8443}}]
    assert [d['port'] for d in result['before']] == [443, 22]
    assert [d['port'] for d in result['after']] == [8443, 22]


# -- safe order, namesakes, ids ---------------------------------------------------------------------------

def test_overridden_deletes_nothing_when_a_create_fails(capsys):
    session = FakeSession(token_reply(), page(EXISTING[:2], 2), (400, {'errors': [{'code': 400, 'message': 'bad plan'}]}))
    args = dict(AUTH, state='overridden', parallel_writes=1,
                config=[{'type': 'tcp', 'name': 'web', 'port': 443, 'note': 'keep me'},
                        {'type': 'tcp', 'name': 'new', 'billing_plancode': 'X', 'hostname': 'h', 'port': 1}])
    result, failed = run_module(main, args, session, capsys)
    assert failed and session.writes() == [('POST', '/monitors/tcp')]
    deletion = result['results'][2]
    assert (deletion['name'], deletion['action'], deletion['skipped'], deletion['changed']) == ('old', 'delete', True, False)
    assert 'deletions only run when all succeed' in deletion['msg']
    assert result['msg'].endswith('1 deletion skipped because a create or update failed')
    assert '0 deleted' in result['msg'] and '0 created' in result['msg']


def test_namesakes_fail_alone_and_an_id_chooses_one(capsys):
    twins = [{'id': 1, 'type': 'tcp', 'name': 'twin', 'port': 1}, {'id': 2, 'type': 'tcp', 'name': 'twin', 'port': 2},
             {'id': 3, 'type': 'tcp', 'name': 'solo', 'port': 3}]
    session = FakeSession(token_reply(), page(twins, 3), (200, {'id': '3'}), (200, dict(twins[2], port=30)))
    args = dict(AUTH, parallel_writes=1, config=[{'type': 'tcp', 'name': 'twin', 'port': 9}, {'type': 'tcp', 'name': 'solo', 'port': 30}])
    result, failed = run_module(main, args, session, capsys)
    assert failed and session.writes() == [('PATCH', '/monitors/tcp/3')]
    assert result['results'][0]['failed'] and 'add id to this definition to choose one' in result['results'][0]['msg']
    assert 'ids 1, 2' in result['results'][0]['msg'] and result['results'][1]['changed']
    session = FakeSession(token_reply(), page(twins, 3), (200, {'id': '2'}), (200, dict(twins[1], port=9)))
    args = dict(AUTH, parallel_writes=1, config=[{'type': 'tcp', 'id': ' 2 ', 'name': 'twin', 'port': 9}])
    result, failed = run_module(main, args, session, capsys)
    assert not failed and session.writes() == [('PATCH', '/monitors/tcp/2')]


def test_a_rename_by_id_onto_a_name_in_use_fails_alone():
    index = Index(KIND_OF_TYPE.get, EXISTING)
    plans = plan_bulk([definition(type='tcp', id='2', name='web')], 'merged', index)
    assert 'cannot rename' in str(plans[0].error) and "tcp monitor 'web' (id 1) already has that name" in str(plans[0].error)
    plans = plan_bulk([definition(type='tcp', id='2', name='older')], 'merged', index)
    assert dict(plans[0].changes) == {'name': 'older'} and plans[0].object_id == '2'
    plans = plan_bulk([definition(type='tcp', id='99', name='x')], 'merged', index)
    assert str(plans[0].error) == 'id 99: no monitor with this id exists (omit id to create a monitor by name)'


def test_gathered_output_of_namesakes_carries_ids_and_feeds_back():
    twins = [{'id': 1, 'type': 'tcp', 'name': 'twin', 'port': 1}, {'id': 2, 'type': 'tcp', 'name': 'twin', 'port': 2},
             {'id': 3, 'type': 'tcp', 'name': 'solo', 'port': 3}]
    gathered = gathered_definitions(twins)
    assert [d.get('id') for d in gathered] == ['1', '2', None]
    plans = plan_bulk([definition(**d) for d in gathered], 'merged', Index(KIND_OF_TYPE.get, twins))
    assert [plan.action for plan in plans] == ['none', 'none', 'none']


def test_duplicate_ids_and_bad_parallel_writes_are_refused():
    config = [definition(type='tcp', id='5', name='a'), definition(type='tcp', id='5', name='b')]
    assert bulk_problems(config, 'merged', None, parallel_writes=0) == [
        'config[0] and config[1] both define monitor id 5', 'parallel_writes must be at least 1, got 0']


# -- parallel writes ------------------------------------------------------------------------------------

def test_the_pool_keeps_order_and_collects_failures():
    from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed, run_ordered
    import threading
    import time

    seen = set()

    def work(item):
        seen.add(threading.current_thread().name)
        time.sleep(0.01 * (5 - item))
        if item == 3:
            raise ValueError('three')
        return item * 10

    results = run_ordered(work, range(5), workers=4)
    assert [r if not isinstance(r, Failed) else str(r.error) for r in results] == [0, 10, 20, 'three', 40]
    assert len(seen) > 1
    assert run_ordered(lambda item: item, [1, 2], workers=1) == [1, 2]


def test_a_429_pauses_every_thread_of_the_client(fake_client):
    import threading

    client, session = fake_client((200, {'id': '1'}))
    client.pause_all(5)
    worker = threading.Thread(target=client.patch, args=('/monitors/tcp/1', {'port': 1}))
    worker.start()
    worker.join()
    assert len(client.waits) == 1 and 4 < client.waits[0] <= 5
    client, session = fake_client(FakeResponse(429, {'errors': []}, headers={'Retry-After': '3'}), (200, {'id': '1'}))
    client.patch('/monitors/tcp/1', {'port': 1})
    assert client.waits == [3.0] and client._paused_until > 0


def test_a_namesake_created_at_the_same_time_is_warned_about(capsys):
    new = [{'type': 'tcp', 'name': 'race-%s' % letter, 'billing_plancode': 'P', 'hostname': 'h', 'port': 1} for letter in 'ab']
    listed = [dict(new[0], id=7), dict(new[0], id=8), dict(new[1], id=9)]
    session = FakeSession(token_reply(), page([]), (200, {'id': '7'}), (200, {'id': '9'}), page(listed))
    result, failed = run_module(main, dict(AUTH, parallel_writes=1, config=new), session, capsys)
    assert not failed and [r['id'] for r in result['results']] == ['7', '9']
    assert session.calls()[-1] == ('GET', '/monitors')
    warnings = [item['event']['msg'] if isinstance(item, dict) else item for item in result['warnings']]
    assert ("tcp monitor 'race-a' (id 7) was created, and tcp monitor 'race-a' (id 8) exists too: another run "
            "created it at the same time; delete one (by id)") in warnings
    assert not [warning for warning in warnings if 'race-b' in warning]


# -- the same lookup as the single-monitor modules ---------------------------------------------------------

LOOKUP_EXISTING = [
    {'id': 11, 'type': 'website', 'name': 'shop', 'url': 'http://shop.example.com/', 'billing_plancode': 'P'},
    {'id': 12, 'type': 'email-imap', 'name': 'mx', 'hostname': 'mail.example.com', 'port': 143},
    {'id': 13, 'type': 'tcp', 'name': 'twin', 'hostname': 'a.example.com', 'port': 1},
    {'id': 14, 'type': 'tcp', 'name': 'twin', 'hostname': 'b.example.com', 'port': 1},
    {'id': 15, 'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443},
    {'id': 16, 'type': 'tcp', 'name': 'solo', 'hostname': 'solo.example.com', 'port': 443},
    {'id': 17, 'type': 'website', 'name': 'both', 'url': 'http://both.example.com/'},
    {'id': 18, 'type': 'website-ssl', 'name': 'both', 'url': 'https://both.example.com/'},
    {'id': 19, 'type': 'email-smtp', 'name': 'relay', 'hostname': 'relay.example.com', 'port': 25},
    {'id': 20, 'type': 'email-pop', 'name': 'relay', 'hostname': 'relay.example.com', 'port': 110},
    {'id': 21, 'type': 'email-round-trip', 'name': 'rt-300', 'interval': 10, 'timeout': 300},
]
HTTPS_SHOP = 'https://shop.example.com/'
NEW_SMTP = {'name': 'mx', 'billing_plancode': 'P', 'hostname': 'smtp.example.com'}

# module, its options, the same definition for alertsite_monitors, 'fails' or 'warns', and the text of the
# refusal or warning, which both must give (the refusal of namesakes ends with a remedy of its own: the
# single module says "set id", the bulk module "add id to this definition")
SAME_LOOKUP = [
    ('website', dict(name='shop', url=HTTPS_SHOP), dict(type='website-ssl', name='shop', url=HTTPS_SHOP), 'fails',
     "website monitor 'shop' (id 11) exists, and the API cannot change the type of a monitor: to make it a "
     "website-ssl monitor, delete it (state=absent) and create it again"),
    ('email', dict(NEW_SMTP, protocol='smtp'), dict(NEW_SMTP, type='email-smtp'), 'warns',
     "email-imap monitor 'mx' (id 12) also exists; a monitor cannot change its type in place: to move it, delete "
     "that one (state=absent) and create this one"),
    ('email', dict(protocol='smtp', name='relay'), dict(type='email-smtp', name='relay'), 'warns',
     "email-pop monitor 'relay' (id 20) also exists; a monitor cannot change its type in place"),
    ('website', dict(name='both', url='https://both.example.com/'),
     dict(type='website-ssl', name='both', url='https://both.example.com/'), 'warns',
     "website monitor 'both' (id 17) also exists; a monitor cannot change its type in place"),
    ('tcp', dict(name='twin', port=2), dict(type='tcp', name='twin', port=2), 'fails',
     "2 tcp monitors are named 'twin' (ids 13, 14): "),
    ('tcp', dict(id='99', name='web', port=1), dict(type='tcp', id='99', name='web', port=1), 'fails',
     'id 99: no monitor with this id exists (omit id to create a monitor by name)'),
    ('ping', dict(id='15', name='web'), dict(type='ping', id='15', name='web'), 'fails',
     'id 15 is a tcp monitor, not ping: the API cannot change the type of a monitor'),
    ('email', dict(protocol='smtp', id='12', name='mx'), dict(type='email-smtp', id='12', name='mx'), 'fails',
     'id 12 is a email-imap monitor, not email-smtp: the API cannot change the type of a monitor'),
    ('tcp', dict(id='15', name='solo'), dict(type='tcp', id='15', name='solo'), 'fails',
     "cannot rename tcp monitor 'web' (id 15) to 'solo': tcp monitor 'solo' (id 16) already has that name"),
    ('tcp', dict(name='new', port=1), dict(type='tcp', name='new', port=1), 'fails',
     "missing required options to create tcp monitor 'new': billing_plancode, hostname"),
    ('roundtrip', dict(name='rt-300', interval=1), dict(type='email-round-trip', name='rt-300', interval=1), 'fails',
     "interval (1 minutes) must be longer than timeout (300 seconds) for round-trip email monitors (with the values "
     "email-round-trip monitor 'rt-300' (id 21) already has)"),
]


def warning_texts(result):
    return [item['event']['msg'] if isinstance(item, dict) else item for item in result.get('warnings', [])]


def lookup_outcome(result, failed, bulk):
    """What a run said: its refusal (for the bulk module, the definition's) and its warnings."""
    if bulk:
        assert len(result['results']) == 1, result
        return result['results'][0].get('msg') if failed else None, warning_texts(result)
    return result['msg'] if failed else None, warning_texts(result)


@pytest.mark.parametrize('module, options, definition_options, verdict, text', SAME_LOOKUP,
                         ids=['%s-%s-%d' % (row[0], row[3], position) for position, row in enumerate(SAME_LOOKUP)])
def test_the_bulk_module_refuses_and_warns_as_the_single_module(module, options, definition_options, verdict, text,
                                                                capsys, monkeypatch):
    single = importlib.import_module('ansible_collections.community.alertsite.plugins.modules.alertsite_%s_monitor' % module)
    said = []
    for main_of, args, bulk in ((single.main, dict(AUTH, **options), False),
                                (main, dict(AUTH, config=[definition_options]), True)):
        # Ansible keeps warnings process-wide: each run starts with none
        monkeypatch.setattr(ansible_warnings, '_global_warnings', type(ansible_warnings._global_warnings)())  # pylint: disable=protected-access
        session = FakeApi(LOOKUP_EXISTING)
        result, failed = run_module(main_of, dict(args, _ansible_check_mode=True), session, capsys)
        assert session.writes() == [] and failed == (verdict == 'fails'), result
        refusal, warnings = lookup_outcome(result, failed, bulk)
        if verdict == 'fails':
            assert refusal.startswith(text) and warnings == [], (refusal, warnings)
        else:
            assert refusal is None and len(warnings) == 1 and warnings[0].startswith(text), warnings
        said.append((refusal, warnings))
    if verdict == 'warns' or not text.endswith(': '):
        assert said[0] == said[1]  # word for word


# -- gathered output feeds back; secrets of running_config stay hidden -------------------------------------

def unset_value(field):
    """How the API shows an option that is not set: an empty string, null, or no locations."""
    return {'str': '', 'list': []}.get(field.kind)


def monitor_with_nothing_set(api_type, monitor_id):
    """A monitor of ``api_type`` whose every option but its name is unset."""
    monitor = dict((field.api_name, unset_value(field)) for field in KIND_OF_TYPE[api_type].fields)
    monitor.update(id=monitor_id, type=api_type, name='bare-%s' % api_type)
    return monitor


def test_gathered_options_that_are_unset_feed_back_under_every_state():
    monitors = [monitor_with_nothing_set(api_type, position) for position, api_type in enumerate(MANAGED_TYPES, 1)]
    gathered = gathered_definitions(monitors)
    assert gathered == [{'type': monitor['type'], 'name': monitor['name']} for monitor in monitors]
    config = [definition(**item) for item in gathered]
    for state in ('merged', 'replaced', 'overridden'):
        assert bulk_problems(config, state, None) == []
        plans = plan_bulk(config, state, Index(KIND_OF_TYPE.get, monitors), set(MANAGED_TYPES))
        assert [(plan.action, plan.error) for plan in plans] == [('none', None)] * len(monitors), state


def test_gathered_leaves_out_only_what_is_unset():
    monitor = dict(monitor_with_nothing_set('website-ssl', 7), check_ssl_expiration_dates='Expired', enabled=False,
                   use_ssl_version=0, note=' ', locations=[{'id': 10}])
    assert gathered_definitions([monitor]) == [{'type': 'website-ssl', 'name': 'bare-website-ssl', 'enabled': False,
                                                'check_ssl_expiration_dates': 'Expired', 'use_ssl_version': 0,
                                                'note': ' ', 'locations': [10]}]


def test_secrets_in_running_config_are_masked_in_the_invocation(capsys):
    listing = [dict(EXISTING[3], email_password='MailboxPw!', smtp_hostname='smtp.example.com')]
    for running_config in (listing, {'results': listing}, json.dumps({'results': listing})):
        args = with_invocation(dict(state='parsed', running_config=running_config, config=[]))
        result, failed = run_module(main, args, FakeSession(), capsys)
        assert not failed and result['parsed'][0]['name'] == 'rt'
        shown = json.dumps(result['invocation']['module_args']['running_config'])
        # as Ansible masks a no_log value: the whole value, or its text inside a longer one
        assert 'MailboxPw!' not in json.dumps(result)
        assert ('VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' if isinstance(running_config, (list, dict)) else '********') in shown


def test_secrets_of_config_items_are_masked_in_the_invocation(capsys):
    rt = {'type': 'email-round-trip', 'name': 'rt', 'billing_plancode': 'P', 'smtp_hostname': 's', 'pop3_hostname': 'p',
          'email': 'a@example.com', 'email_password': 'MailboxPw!'}
    result, failed = run_module(main, with_invocation(dict(state='rendered', config=[rt])), FakeSession(), capsys)
    assert not failed and result['invocation']['module_args']['config'][0]['name'] == 'rt'
    assert 'MailboxPw!' not in json.dumps(result)


def test_secrets_in_running_config_are_masked_in_the_logged_invocation(capsys, monkeypatch):
    from ansible.module_utils.basic import AnsibleModule

    logged = []
    monkeypatch.setattr(AnsibleModule, 'log', lambda module, msg, log_args=None: logged.append((msg, log_args)))
    listing = [dict(EXISTING[3], email_password='MailboxPw!')]
    result, failed = run_module(main, dict(state='parsed', running_config={'results': listing}), FakeSession(), capsys)
    assert not failed and len(logged) == 1 and 'running_config' in logged[0][1]
    assert 'MailboxPw!' not in repr(logged) and '********' in logged[0][1]['running_config']


SCRIPT = '<?xml version="1.0"?><actions><action type="navigate"><url>https://shop.example.com/</url></action></actions>'
STEPS = [{'step_name': 'login', 'url': 'https://api.example.com/login', 'http_method': 'POST',
          'head': {'http_basic_auth_username': 'probe', 'http_basic_auth_password': 'StepPw!9'},
          'assertions': [{'source': 'ResponseCode', 'comparison': 'equals', 'value': '200'}]}]
SCRIPTED = [
    definition(type='ftp', name='files', billing_plancode='P', hostname='ftp://files.example.com', enable_ftp_upload=False),
    definition(type='website-ssl-api', name='login', billing_plancode='P', api_steps=STEPS),
    definition(type='dejaclick', name='shop', billing_plancode='P', script=SCRIPT, step_timeout=30, transaction_steps=1),
]


def test_one_of_each_scripted_kind_is_planned_gathered_and_fed_back():
    assert fleet_problems(fleet_params(SCRIPTED)) == []
    plans = plan_bulk(SCRIPTED, 'merged', Index(KIND_OF_TYPE.get, []))
    assert [(p.action, p.api_type) for p in plans] == [('create', 'ftp'), ('create', 'website-ssl-api'), ('create', 'dejaclick')]
    commands = rendered_commands(SCRIPTED)
    assert commands[1]['body']['api_steps'][0]['step_number'] == 1
    assert commands[1]['body']['api_steps'][0]['head']['http_basic_auth_password'] == '********'
    assert 'StepPw!9' not in json.dumps(commands)
    assert commands[2]['body']['script'] == SCRIPT
    held = [dict(plan_command(p)['body'], id=10 + n, type=p.api_type) for n, p in enumerate(plans)]
    held[1]['api_steps'][0]['head']['http_basic_auth_password'] = 'StepPw!9'  # whatever the API shows of it
    gathered = gathered_definitions(held)
    assert [d['type'] for d in gathered] == ['ftp', 'website-ssl-api', 'dejaclick']
    assert 'step_number' not in gathered[1]['api_steps'][0]
    assert 'StepPw!9' not in json.dumps(gathered)
    assert gathered[2]['script'] == SCRIPT
    fed_back = [definition(**d) for d in gathered]
    assert fleet_problems(fleet_params(fed_back)) == []
    assert [p.action for p in plan_bulk(fed_back, 'merged', Index(KIND_OF_TYPE.get, held))] == ['none'] * 3


def run_in_sync_and_changed(capsys, **options):
    """'web' as the API holds it (unchanged) and 'old' with a new port: one PATCH, then a GET of 'old'."""
    session = FakeSession(token_reply(), page(EXISTING[:2], 2), (200, {'id': '2'}), (200, dict(EXISTING[1], port=2222)))
    config = [{'type': 'tcp', 'name': 'web', 'hostname': 'www.example.com', 'port': 443},
              {'type': 'tcp', 'name': 'old', 'port': 2222}]
    result, failed = run_module(main, dict(AUTH, config=config, parallel_writes=1, **options), session, capsys)
    assert not failed and result['changed'] is True
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors'), ('PATCH', '/monitors/tcp/2'),
                               ('GET', '/monitors/2')]
    return result


def test_an_unchanged_monitor_is_no_object_in_results_by_default(capsys):
    result = run_in_sync_and_changed(capsys)
    assert result['results'][0] == {'type': 'tcp', 'name': 'web', 'id': '1', 'action': 'none', 'changed': False,
                                    'changes': []}
    assert result['results'][1]['action'] == 'update' and result['results'][1]['monitor']['port'] == 2222
    # before and after list only the monitor changed
    assert [(item['name'], item['port']) for item in result['before']] == [('old', 22)]
    assert [(item['name'], item['port']) for item in result['after']] == [('old', 2222)]


def test_return_unchanged_gives_the_object_of_an_unchanged_monitor(capsys):
    result = run_in_sync_and_changed(capsys, return_unchanged=True)
    assert result['results'][0]['action'] == 'none' and result['results'][0]['monitor'] == EXISTING[0]
    assert result['results'][1]['monitor']['port'] == 2222
    assert [(item['name'], item['port']) for item in result['before']] == [('web', 443), ('old', 22)]
    assert [(item['name'], item['port']) for item in result['after']] == [('web', 443), ('old', 2222)]
    default = run_in_sync_and_changed(capsys)
    # the items differ only by the unchanged object, before and after by the unchanged monitor; the rest is the same
    assert [dict(item, monitor=None) for item in result['results']] == [dict(item, monitor=None) for item in default['results']]
    assert result['before'][1:] == default['before'] and result['after'][1:] == default['after']
    assert dict(result, results=None, before=None, after=None, invocation=None) == dict(
        default, results=None, before=None, after=None, invocation=None)


def test_a_failed_unchanged_item_keeps_its_object(capsys):
    # two namesakes: the definition cannot be planned, fails alone, and its item says so with its (empty) object
    twins = [dict(EXISTING[0]), dict(EXISTING[0], id=5, hostname='www2.example.com')]
    session = FakeSession(token_reply(), page(twins, 2))
    result, failed = run_module(main, dict(AUTH, config=[{'type': 'tcp', 'name': 'web', 'port': 443}]), session, capsys)
    assert failed and result['results'][0]['failed'] is True and result['results'][0]['action'] == 'none'
    assert 'monitor' in result['results'][0]


# -- not_in_config ---------------------------------------------------------------------------------------------

def overridden_deletions(config, types=None):
    """The objects overridden deletes for this config (and types), from its plans."""
    plans = plans_for(fleet_params(config, 'overridden', types))
    return [plan.current for plan in plans[len(config):] if plan.action == 'delete']


def merged_not_in_config(config, types=None, state='merged'):
    params = fleet_params(config, state, types)
    index = Index(KIND_OF_TYPE.get, EXISTING)
    plans = plan_bulk(params['config'], state, index, set(listed_types(*problem_args(params))))
    return not_in_config(plans, index, set(listed_types(*problem_args(params))))


@pytest.mark.parametrize('config, types', [
    ([definition(type='tcp', name='web', port=443)], None),
    ([definition(type='tcp', name='web', port=443)], ['email-smtp', 'email-round-trip']),
    ([definition(type='tcp', name='new', hostname='h', port=1)], MANAGED_TYPES),
    ([definition(type='tcp', id='2', name='renamed')], ['tcp']),
    ([], ['tcp', 'email-smtp']),
], ids=['one type', 'types widen it', 'a create stands for nothing listed', 'by id', 'empty config'])
def test_not_in_config_is_what_overridden_deletes(config, types):
    for state in ('merged', 'replaced'):
        left = merged_not_in_config(config, types, state)
        assert left == overridden_deletions(config, types)
    assert left  # every case leaves something out


def test_not_in_config_of_merged_without_types_holds_only_the_types_of_config():
    # the listing reads email-round-trip too (the kind of email-smtp), but only the types of config are about
    config = [definition(type='email-smtp', name='mx', port=25)]
    assert read_types(*problem_args(fleet_params(config))) == ['email-imap', 'email-pop', 'email-smtp']
    assert merged_not_in_config(config) == []
    assert [obj['name'] for obj in merged_not_in_config([definition(type='tcp', name='web')])] == ['old']
    assert [obj['name'] for obj in merged_not_in_config([definition(type='tcp', name='web')], ['email-round-trip'])] \
        == ['old', 'rt']


def test_not_in_config_spares_the_namesakes_of_a_definition_that_failed():
    twins = EXISTING + [dict(EXISTING[1], id=5, hostname='old2.example.com')]
    index = Index(KIND_OF_TYPE.get, twins)
    config = [definition(type='tcp', name='old', port=22)]
    plans = plan_bulk(config, 'merged', index, {'tcp'})
    assert plans[0].error is not None
    assert [obj['name'] for obj in not_in_config(plans, index, {'tcp'})] == ['web']
    overridden = plan_bulk(config, 'overridden', index, {'tcp'})
    assert [plan.current for plan in overridden[1:]] == not_in_config(plans, index, {'tcp'})


def test_not_in_config_keeps_to_the_scope():
    index = Index(KIND_OF_TYPE.get, EXISTING)
    plans = plan_bulk([], 'merged', index, set(MANAGED_TYPES))
    assert [obj['id'] for obj in not_in_config(plans, index, set(MANAGED_TYPES), inside=lambda obj: obj['id'] > 2)] == [3, 4]


def test_not_in_config_result_names_type_name_and_id():
    assert not_in_config_result(EXISTING[1:2]) == [{'type': 'tcp', 'name': 'old', 'id': '2'}]


def test_module_merged_returns_not_in_config_and_deletes_nothing(capsys):
    session = FakeSession(token_reply(), page(EXISTING, 4))
    args = dict(AUTH, config=[{'type': 'tcp', 'name': 'web', 'port': 443}], types=['email-round-trip'])
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors')]
    assert result['not_in_config'] == [{'type': 'tcp', 'name': 'old', 'id': '2'},
                                       {'type': 'email-round-trip', 'name': 'rt', 'id': '4'}]
    # without config nor types there is nothing to list, and nothing lies outside
    session = FakeSession(token_reply())
    result, failed = run_module(main, dict(AUTH, config=[]), session, capsys)
    assert not failed and result['not_in_config'] == [] and session.requests == []


def test_module_not_in_config_only_with_merged_and_replaced(capsys):
    for state, returned in (('replaced', True), ('overridden', False), ('deleted', False)):
        session = FakeSession(token_reply(), page(EXISTING[:2], 2), (200, {}))
        args = dict(AUTH, state=state, config=[{'type': 'tcp', 'name': 'web', 'port': 443, 'note': 'keep me'}])
        result, failed = run_module(main, args, session, capsys)
        assert not failed and ('not_in_config' in result) is returned, state


def test_recipients_merged_return_not_in_config_of_their_one_listing(capsys):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_recipients import main as recipients_main
    from ansible_collections.community.alertsite.tests.unit.plugins.modules.routing_api import RoutingApi
    held = [{'id': 11, 'name': 'oncall', 'method_id': 12, 'recipient': 'oncall@example.com'},
            {'id': 12, 'name': 'old', 'method_id': 1, 'recipient': 'old@example.com'}]
    api = RoutingApi(recipients=held)
    config = [{'name': 'oncall', 'method': 'email_html', 'recipient': 'oncall@example.com'}]
    result, failed = run_module(recipients_main, dict(AUTH, config=config), api, capsys)
    assert not failed and api.writes() == []
    assert api.calls() == [('POST', '/access-tokens'), ('GET', '/recipients')]
    assert result['not_in_config'] == [{'name': 'old', 'id': '12'}]
    result, failed = run_module(recipients_main, dict(AUTH, config=config, state='overridden'), api, capsys)
    assert not failed and api.writes() == [('DELETE', '/recipients/12')]
    assert [item['id'] for item in result['results'] if item['action'] == 'delete'] == ['12']
