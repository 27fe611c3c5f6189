# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The engine's plans with fields that do not read back, and values the API treats alike."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

import pytest

from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.community.alertsite.plugins.module_utils.engine import Outcome, plan_object
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ROUNDTRIP, TCP, WEBSITE
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings, read_by_id, readback_warnings
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main as bulk_main
from ansible_collections.community.alertsite.plugins.modules.alertsite_roundtrip_monitor import main as roundtrip_main
from ansible_collections.community.alertsite.plugins.modules.alertsite_tcp_monitor import main as tcp_main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, page, run_module, token_reply
from ansible_collections.community.alertsite.tests.unit.plugins.module_utils.test_readback import (
    LABEL,
    RT_ON_API,
    TCP_ON_API,
    update,
)


# -- through the engine ------------------------------------------------------------------------------------

def test_a_field_that_does_not_read_back_is_not_compared():
    plan = update(ROUNDTRIP, RT_ON_API, name='rt', email_username='rt')
    assert plan.action == 'none'
    assert plan.unreadable == ['email_username']
    assert outcome_warnings(Outcome(plan, RT_ON_API)) == [
        "email_username: the API does not return it, so it cannot be compared with what email-round-trip monitor 'rt' "
        "(id 100002) holds, and it was not sent; set update_password=always to send it"]


def test_a_field_that_does_not_read_back_is_sent_with_update_password_always():
    plan = plan_object(ROUNDTRIP, 'email-round-trip', OrderedDict(name='rt', email_username='rt', email_password='pw'),
                       RT_ON_API, update_password='always')
    assert plan.action == 'update'
    assert plan.changes == {'email_username': 'rt', 'email_password': 'pw'}
    assert readback_warnings(ROUNDTRIP, plan, None, None) == [
        "email_username: the API does not return it, so it cannot be compared with what email-round-trip monitor 'rt' "
        "(id 100002) holds; it was sent because update_password=always"]


def test_a_kind_without_write_only_fields_says_it_is_not_sent_again():
    current = dict(TCP_ON_API)
    del current['note']
    plan = update(TCP, current, name='web', note='on call')
    assert plan.action == 'none'
    assert readback_warnings(TCP, plan, None, None) == [
        'note: the API does not return it, so it cannot be compared with what ' + LABEL + ' holds, and it was not '
        'sent; it is sent only when the monitor is created']


def test_values_the_api_treats_alike_are_no_change():
    plan = update(TCP, dict(TCP_ON_API, port='443', interval='5', locations=[{'id': '10'}]), name='web',
                  hostname='WWW.Example.COM', note='  ', port=443, interval=5, locations=[10])
    assert plan.action == 'none'
    assert plan.unreadable == []


def test_an_absent_field_wanted_unset_is_no_change():
    current = dict(TCP_ON_API)
    del current['note']
    plan = update(TCP, current, name='web', note='')
    assert plan.action == 'none' and plan.unreadable == []


def test_a_real_difference_is_still_a_change():
    plan = update(TCP, TCP_ON_API, name='web', hostname='www.example.org', note='x')
    assert plan.action == 'update'
    assert list(plan.changes) == ['hostname', 'note']


def test_a_check_over_a_field_that_cannot_be_compared_still_runs():
    http = {'id': 100006, 'type': 'website', 'name': 'shop', 'url': 'http://www.example.com/'}
    with pytest.raises(InputError) as err:
        plan_object(WEBSITE, 'website', OrderedDict(name='shop', use_ssl_version=2), http)
    assert str(err.value).startswith('use_ssl_version only applies to https:// URLs')


# -- read_by_id: a listed object that lacks a wanted field is read by id before it is judged ---------------

def test_a_listed_object_that_holds_every_wanted_field_is_not_read_again(fake_client):
    client, session = fake_client()
    assert read_by_id(client, TCP, {'name': 'web', 'port': 443}, TCP_ON_API) is TCP_ON_API
    assert read_by_id(client, TCP, {'name': 'web'}, None) is None
    assert session.requests == []


def test_a_listed_object_that_lacks_a_wanted_field_is_read_by_id(fake_client):
    listed = dict((key, value) for key, value in RT_ON_API.items() if key != 'type')
    full = dict(listed, email_username='rt')
    client, session = fake_client((200, full))
    obj = read_by_id(client, ROUNDTRIP, {'name': 'rt', 'email_username': 'rt'}, dict(listed, type='email-round-trip'))
    assert session.calls() == [('GET', '/monitors/100002')]
    assert obj == dict(full, type='email-round-trip')


def test_a_read_by_id_that_is_not_an_object_keeps_the_listed_one(fake_client):
    client, session = fake_client((200, []))
    assert read_by_id(client, ROUNDTRIP, {'email_username': 'rt'}, RT_ON_API) is RT_ON_API


# -- through a module ---------------------------------------------------------------------------------------

@pytest.fixture
def own_warnings(monkeypatch):
    """Warnings of a module run kept apart: Ansible collects them in a global of the process."""
    monkeypatch.setattr(ansible_warnings, '_global_warnings', type(ansible_warnings._global_warnings)())  # pylint: disable=protected-access


def messages(result):
    return [warning['event']['msg'] if isinstance(warning, dict) else warning for warning in result.get('warnings', [])]


def test_the_module_warns_and_writes_nothing_for_a_field_that_never_reads_back(capsys, own_warnings):
    session = FakeSession(token_reply(), page([RT_ON_API]), (200, RT_ON_API))
    args = dict(api_url='https://alertsite.test/api/v3', username='u', password='p', name='rt', email_username='rt',
                email_password='Mailb0x-S3cret')
    result, failed = run_module(roundtrip_main, args, session, capsys)
    assert not failed and result['changed'] is False
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors'), ('GET', '/monitors/100002')]
    assert messages(result) == [
        "email_username: the API does not return it, so it cannot be compared with what email-round-trip monitor "
        "'rt' (id 100002) holds, and it was not sent; set update_password=always to send it"]
    assert 'Mailb0x-S3cret' not in str(result)


def test_the_module_warns_about_a_value_the_api_did_not_keep(capsys, own_warnings):
    kept = dict(TCP_ON_API, interval=5)
    session = FakeSession(token_reply(), page([TCP_ON_API]), (200, {'id': '100001'}), (200, kept))
    args = dict(api_url='https://alertsite.test/api/v3', username='u', password='p', name='web', interval=7,
                hostname='WWW.EXAMPLE.COM')
    result, failed = run_module(tcp_main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[2]['json'] == {'interval': 7}  # the host name differs in case only: not sent
    assert messages(result) == [
        'interval: the API did not keep the value sent to ' + LABEL + ': sent 7, it holds 5; set interval to 5 so '
        'that later runs do not change it again']


def test_the_bulk_module_warns_and_writes_nothing_for_a_field_that_never_reads_back(capsys, own_warnings):
    session = FakeSession(token_reply(), page([RT_ON_API]))
    definition = dict(type='email-round-trip', name='rt', email_username='rt', email_password='Mailb0x-S3cret')
    args = dict(api_url='https://alertsite.test/api/v3', username='u', password='p', config=[definition])
    result, failed = run_module(bulk_main, args, session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []
    assert messages(result) == [
        "email_username: the API does not return it, so it cannot be compared with what email-round-trip monitor "
        "'rt' (id 100002) holds, and it was not sent; set update_password=always to send it"]
