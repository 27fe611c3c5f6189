# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_custom_property import main
from ansible_collections.community.alertsite.plugins.modules.alertsite_custom_property_info import main as info_main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
ENV = {'__permissions': {'acl': 7}, 'id': 120, 'name': 'Environment',
       'values': [{'id': 58, 'name': 'Production'}, {'id': 59, 'name': 'Staging'}]}
TEAM = {'id': 121, 'name': 'Team', 'values': [{'id': 70, 'name': 'payments'}]}
# monitors as a listing shows them: one holds Staging, one holds Production, one only another property, one says
# nothing (read by id)
MONITORS = [
    {'id': 1, 'type': 'tcp', 'name': 'a', 'custom_properties': [{'id': 120, 'name': 'Environment', 'value': 'Staging',
                                                                 'value_id': 59}]},
    {'id': 2, 'type': 'tcp', 'name': 'b', 'custom_properties': [{'id': '120', 'value_id': '58'}]},
    {'id': 3, 'type': 'ping', 'name': 'c', 'custom_properties': [{'id': 121, 'value_id': 70}]},
    {'id': 4, 'type': 'ping', 'name': 'd'},
]
MONITOR_4 = {'id': 4, 'type': 'ping', 'name': 'd', 'custom_properties': [{'id': 120, 'value_id': 59}]}


def test_create_sends_the_names_in_the_users_order(capsys):
    created = dict(ENV, id=122, name='Tier', values=[{'id': 80, 'name': 'gold'}, {'id': 81, 'name': 'bronze'}])
    session = FakeSession(token_reply(), page([ENV]), (200, {'id': '122'}), (200, created))
    result, failed = run_module(main, dict(AUTH, name='Tier', values=['gold', 'bronze'], _ansible_diff=True),
                                session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('POST', '/properties')]
    assert session.requests[2]['json'] == {'name': 'Tier', 'values': [{'name': 'gold'}, {'name': 'bronze'}]}
    assert result['msg'] == "Created custom property 'Tier' (id 122)"
    assert result['custom_property']['values'][0] == {'id': 80, 'name': 'gold'}


def test_the_same_names_in_another_order_write_nothing(capsys):
    session = FakeSession(token_reply(), page([ENV, TEAM]))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Staging', 'Production']), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []
    assert result['msg'] == "custom property 'Environment' (id 120) is up to date"


def test_a_value_added_is_one_patch_of_the_whole_list_with_the_ids_kept(capsys):
    after = dict(ENV, values=ENV['values'] + [{'id': 60, 'name': 'Development'}])
    session = FakeSession(token_reply(), page([ENV]), (200, {'id': '120'}), (200, after))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production', 'Development', 'Staging'],
                                           _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/properties/120')]
    assert session.requests[2]['json'] == {'values': [{'id': 58, 'name': 'Production'}, {'id': 0, 'name': 'Development'},
                                                      {'id': 59, 'name': 'Staging'}]}
    assert result['diff']['before'] == {'values': [{'id': 58, 'name': 'Production'}, {'id': 59, 'name': 'Staging'}]}
    assert result['msg'] == "Updated custom property 'Environment' (id 120): values"


def test_check_mode_predicts_and_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([ENV]))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production', 'Staging', 'QA'],
                                           _ansible_check_mode=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == []
    assert result['msg'] == "Would update custom property 'Environment' (id 120): values"
    assert {'id': 0, 'name': 'QA'} in result['custom_property']['values']


def test_removing_a_value_monitors_hold_fails_naming_their_count(capsys):
    session = FakeSession(token_reply(), page([ENV]), page(MONITORS), (200, MONITOR_4))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production']), session, capsys)
    assert failed
    assert session.writes() == []
    assert session.calls()[-2:] == [('GET', '/monitors'), ('GET', '/monitors/4')]
    assert result['msg'] == ("custom property 'Environment' (id 120): the value 'Staging' is held by 2 monitors; set "
                             "force=true to remove it anyway")


def test_removing_a_value_no_monitor_holds_needs_no_force(capsys):
    session = FakeSession(token_reply(), page([ENV]), page(MONITORS[1:3]), (200, {'id': '120'}),
                          (200, dict(ENV, values=ENV['values'][:1])))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production']), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[3]['json'] == {'values': [{'id': 58, 'name': 'Production'}]}


def test_force_removes_without_counting(capsys):
    session = FakeSession(token_reply(), page([ENV]), (200, {'id': '120'}), (200, dict(ENV, values=ENV['values'][:1])))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production'], force=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.calls()[1:] == [('GET', '/properties'), ('PATCH', '/properties/120'), ('GET', '/properties/120')]


@pytest.mark.parametrize('force, calls', [
    (False, [('GET', '/properties'), ('GET', '/monitors'), ('GET', '/monitors/4')]),
    (True, [('GET', '/properties'), ('DELETE', '/properties/120')]),
])
def test_deleting_a_property_monitors_hold_needs_force(capsys, force, calls):
    replies = [page(MONITORS), (200, MONITOR_4)] if not force else [(204, None)]
    session = FakeSession(token_reply(), page([ENV]), *replies)
    result, failed = run_module(main, dict(AUTH, name='Environment', state='absent', force=force), session, capsys)
    assert failed is not force
    assert session.calls()[1:] == calls
    if not force:
        assert result['msg'] == ("custom property 'Environment' (id 120): it is held by 3 monitors; set force=true to "
                                 "delete it anyway")


def test_two_properties_of_one_name_fail_listing_their_ids(capsys):
    session = FakeSession(token_reply(), page([ENV, dict(ENV, id=125)]))
    result, failed = run_module(main, dict(AUTH, name='Environment', values=['Production']), session, capsys)
    assert failed and session.writes() == []
    assert '(ids 120, 125)' in result['msg']


@pytest.mark.parametrize('values, problem', [
    (['Production', 'Production'], "values names 'Production' more than once"),
    (['', 'x'], 'values must be non-empty names'),
    ([' Production'], 'values must be non-empty names'),
])
def test_bad_values_are_refused_before_any_request(capsys, values, problem):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, name='Environment', values=values), session, capsys)
    assert failed and problem in result['msg']
    assert session.calls() == []


@pytest.mark.parametrize('args, found', [({}, [120, 121]), ({'value': 'payments'}, [121]), ({'name': 'Environment'}, [120])])
def test_info_filters_by_name_and_value(capsys, args, found):
    session = FakeSession(token_reply(), page([ENV, TEAM]))
    result, failed = run_module(info_main, dict(AUTH, **args), session, capsys)
    assert not failed
    assert [prop['id'] for prop in result['custom_properties']] == found
    assert result['msg'] == 'Found %d custom %s' % (len(found), 'property' if len(found) == 1 else 'properties')


# -- custom_properties on a monitor ---------------------------------------------------------------------------------

TCP = dict(AUTH, name='web', billing_plancode='UBM - A/A', hostname='www.example.com', port=443)
WEB = {'id': 100001, 'type': 'tcp', 'name': 'web', 'billing_plancode': 'UBM - A/A', 'hostname': 'www.example.com',
       'port': 443, 'custom_properties': [{'id': 120, 'name': 'Environment', 'value': 'Production', 'value_id': 58},
                                          {'id': '121', 'name': 'Team', 'value': 'payments', 'value_id': '70'}]}


def test_a_monitor_named_values_unchanged_write_nothing(capsys):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_tcp_monitor import main as tcp_main
    session = FakeSession(token_reply(), page([ENV, TEAM]), page([WEB]))
    result, failed = run_module(tcp_main, dict(TCP, custom_properties={'Team': 'payments'}), session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls()[1:] == [('GET', '/properties'), ('GET', '/monitors')]


def test_a_changed_value_is_one_patch_of_the_whole_array(capsys):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_tcp_monitor import main as tcp_main
    session = FakeSession(token_reply(), page([ENV, TEAM]), page([WEB]), (200, {'id': '100001'}), (200, WEB))
    result, failed = run_module(tcp_main, dict(TCP, custom_properties={'Environment': 'Staging'}), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/tcp/100001')]
    assert session.requests[3]['json'] == {'custom_properties': [{'id': 120, 'value_id': 59}, {'id': 121, 'value_id': 70}]}


@pytest.mark.parametrize('wanted, message', [
    ({'Tier': 'gold'}, "custom_properties names no custom property 'Tier'"),
    ({'Environment': 'QA'}, "custom_properties: custom property 'Environment' has no value 'QA' (its values: "
                            "'Production', 'Staging')"),
])
def test_an_unknown_property_or_value_is_refused_after_one_listing(capsys, wanted, message):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_tcp_monitor import main as tcp_main
    session = FakeSession(token_reply(), page([ENV, TEAM]))
    result, failed = run_module(tcp_main, dict(TCP, custom_properties=wanted), session, capsys)
    assert failed and result['msg'].startswith(message)
    assert session.calls()[1:] == [('GET', '/properties')]
