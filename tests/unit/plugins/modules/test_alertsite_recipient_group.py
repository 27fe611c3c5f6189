# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_recipient_group import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
MONITORS = [{'id': 100001, 'type': 'tcp', 'name': 'pay-db'}, {'id': 100002, 'type': 'website-ssl', 'name': 'pay-api'},
            {'id': 100003, 'type': 'tcp', 'name': 'web-443'}]
RECIPIENTS = [{'id': 500001, 'name': 'payments-oncall', 'method_id': 12, 'recipient': 'pay@example.com'},
              {'id': 500002, 'name': 'chat-hook', 'method_id': 16, 'recipient': 'https://chat.example.com/h'}]
GROUP_ON_API = {'id': 600001, 'name': 'payments', 'is_default': False,
                'monitors': [{'id': 100001, 'step_number': 0, 'name': 'pay-db', 'step_name': ''},
                             {'id': 100002, 'step_number': 0, 'name': 'pay-api', 'step_name': ''}],
                'recipients': [{'id': 500001, 'name': 'payments-oncall', 'recipient': 'pay@example.com'},
                               {'id': 500002, 'name': 'chat-hook', 'recipient': 'https://chat.example.com/h'}],
                'errortypes': [{'id': 1, 'description': 'TCP connection failed'}], 'templates': []}
BY_NAME = dict(AUTH, name='payments',
               monitors=[{'name': 'pay-db', 'type': 'tcp'}, {'name': 'pay-api', 'type': 'website-ssl'}],
               recipients=[{'name': 'payments-oncall'}, {'name': 'chat-hook'}], errortypes=[1])


def test_create_by_names_lists_each_kind_once_and_sends_ids(capsys):
    session = FakeSession(token_reply(), page(MONITORS[:2]), page(RECIPIENTS), page([]), (200, {'id': '600001'}),
                          (200, GROUP_ON_API))
    result, failed = run_module(main, dict(BY_NAME, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors'), ('GET', '/recipients'),
                               ('GET', '/notifier-groups'), ('POST', '/notifier-groups'), ('GET', '/notifier-groups/600001')]
    assert session.requests[1]['params']['type'] == 'tcp,website-ssl'
    assert session.requests[4]['json'] == {
        'name': 'payments',
        'monitors': [{'id': 100001, 'step_number': 0}, {'id': 100002, 'step_number': 0}],
        'recipients': [{'id': 500001}, {'id': 500002}],
        'errortypes': [{'id': 1}]}
    assert result['msg'] == "Created recipient group 'payments' (id 600001)"
    assert result['recipient_group'] == GROUP_ON_API


def test_reordered_lists_and_ids_instead_of_names_change_nothing(capsys):
    session = FakeSession(token_reply(), page([GROUP_ON_API]))
    args = dict(AUTH, name='payments', monitors=[{'id': 100002}, {'id': 100001, 'step_number': 0}, {'id': 100002}],
                recipients=[{'id': 500002}, {'id': 500001}], errortypes=[1])
    result, failed = run_module(main, dict(args, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/notifier-groups')]
    assert result['diff']['before'] == {} and result['diff']['after'] == {}


def test_adding_a_monitor_patches_the_whole_monitors_list_only(capsys):
    monitors = [{'name': 'web-443', 'type': 'tcp'}, {'name': 'pay-db', 'type': 'tcp'}, {'name': 'pay-api', 'type': 'website-ssl'}]
    after = dict(GROUP_ON_API, monitors=GROUP_ON_API['monitors'] + [{'id': 100003, 'step_number': 0, 'name': 'web-443'}])
    session = FakeSession(token_reply(), page(MONITORS), page(RECIPIENTS), page([GROUP_ON_API]), (200, {'id': '600001'}),
                          (200, after))
    result, failed = run_module(main, dict(BY_NAME, monitors=monitors, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/notifier-groups/600001')]
    assert session.requests[4]['json'] == {'monitors': [{'id': 100001, 'step_number': 0}, {'id': 100002, 'step_number': 0},
                                                        {'id': 100003, 'step_number': 0}]}
    assert result['msg'] == "Updated recipient group 'payments' (id 600001): monitors"
    assert result['diff']['before'] == {'monitors': [[100001, 0], [100002, 0]]}
    assert result['diff']['after'] == {'monitors': [[100001, 0], [100002, 0], [100003, 0]]}


@pytest.mark.parametrize('check_mode', [False, True])
def test_becoming_the_default_is_said_in_msg(capsys, check_mode):
    # the groups are listed once more before the write, to name the group that stops being the default
    replies = [token_reply(), page([GROUP_ON_API]), page([GROUP_ON_API])]
    if not check_mode:
        replies += [(200, {'id': '600001'}), (200, dict(GROUP_ON_API, is_default=True))]
    session = FakeSession(*replies)
    args = dict(AUTH, name='payments', is_default=True, _ansible_check_mode=check_mode)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    if check_mode:
        assert session.writes() == []
        assert result['msg'] == ("Would update recipient group 'payments' (id 600001): is_default; it would become the "
                                 "default recipient group, which the API keeps one of; no other group was the default")
    else:
        assert session.requests[3]['json'] == {'is_default': True}
        assert result['msg'] == ("Updated recipient group 'payments' (id 600001): is_default; it is now the default "
                                 "recipient group, which the API keeps one of; no other group was the default")


@pytest.mark.parametrize('check_mode', [False, True])
def test_two_groups_that_both_ask_to_be_the_default_are_named(capsys, check_mode):
    # two tasks that each make their group the default flip it on every run: the message names the other group
    fallback = dict(GROUP_ON_API, id=600002, name='everything-else', is_default=True)
    replies = [token_reply(), page([GROUP_ON_API, fallback]), page([GROUP_ON_API, fallback])]
    if not check_mode:
        replies += [(200, {'id': '600001'}), (200, dict(GROUP_ON_API, is_default=True))]
    session = FakeSession(*replies)
    result, failed = run_module(main, dict(AUTH, name='payments', is_default=True, _ansible_check_mode=check_mode),
                                session, capsys)
    assert not failed and result['changed'] is True
    assert session.calls()[1:3] == [('GET', '/notifier-groups'), ('GET', '/notifier-groups')]
    assert session.writes() == ([] if check_mode else [('PATCH', '/notifier-groups/600001')])
    assert result['msg'] == ("%s recipient group 'payments' (id 600001): is_default; it %s the default recipient group, "
                             "which the API keeps one of: recipient group 'everything-else' (id 600002) %s the default "
                             "(a task that makes it the default again undoes this one)"
                             % (('Would update', 'would become', 'would no longer be') if check_mode else
                                ('Updated', 'is now', 'is no longer')))


def test_a_group_that_is_the_default_already_lists_nothing_more(capsys):
    session = FakeSession(token_reply(), page([dict(GROUP_ON_API, is_default=True)]))
    result, failed = run_module(main, dict(AUTH, name='payments', is_default=True), session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/notifier-groups')]
    assert result['msg'] == "recipient group 'payments' (id 600001) is up to date"


def test_deleting_the_default_group_says_there_is_none(capsys):
    session = FakeSession(token_reply(), page([dict(GROUP_ON_API, is_default=True)]), (204, None))
    result, failed = run_module(main, dict(AUTH, name='payments', state='absent'), session, capsys)
    assert not failed and session.writes() == [('DELETE', '/notifier-groups/600001')]
    assert result['msg'] == ("Deleted recipient group 'payments' (id 600001); it was the default recipient group: "
                             "there is now no default, so monitors in no group alert every recipient")


def test_unknown_and_ambiguous_names_fail_before_any_write(capsys):
    twins = RECIPIENTS + [dict(RECIPIENTS[1], id=500009)]
    session = FakeSession(token_reply(), page(MONITORS[:1]), page(twins))
    args = dict(BY_NAME, monitors=[{'name': 'pay-db', 'type': 'tcp'}, {'name': 'nope', 'type': 'ping'}])
    result, failed = run_module(main, args, session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == "monitors[1]: no ping monitor 'nope' exists"
    session = FakeSession(token_reply(), page(MONITORS[:2]), page(twins))
    result, failed = run_module(main, dict(BY_NAME), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == "recipients[1]: 2 recipients are named 'chat-hook' (ids 500002, 500009): give the id instead"


def test_create_needs_monitors_and_recipients(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='new-group', errortypes=[2]), session, capsys)
    assert failed and session.writes() == []
    assert result['msg'] == "missing required options to create recipient group 'new-group': monitors, recipients"


@pytest.mark.parametrize('args, message', [
    ({'monitors': []}, 'monitors must not be empty'),
    ({'recipients': []}, 'recipients must not be empty'),
    ({'monitors': [{'name': 'x'}]}, 'monitors[0]: name needs type (the API type, such as tcp)'),
    ({'monitors': [{'id': 1, 'name': 'x', 'type': 'tcp'}]}, 'monitors[0]: give id or name, not both'),
    ({'monitors': [{'id': 1, 'step_number': -1}]}, 'monitors[0]: step_number must be 0 or more, got -1'),
    ({'recipients': [{}]}, 'recipients[0]: give id or name'),
    ({'recipients': [{'id': 0}]}, 'recipients[0]: id must be a positive id, got 0'),
    ({'errortypes': [0, 1000]}, 'errortypes must be AlertSite error codes from 1 to 999, got [0, 1000]'),
    ({'templates': [-3]}, 'templates must be a list of positive ids, got [-3]'),
    ({'name': 'n' * 129}, 'name must be at most 128 characters, got 129'),
])
def test_bad_lists_are_refused_before_any_request(capsys, args, message):
    session = FakeSession()
    result, failed = run_module(main, dict(BY_NAME, **args), session, capsys)
    assert failed and session.requests == []
    assert message in result['msg']
