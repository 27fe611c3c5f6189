# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_api_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
PASSWORD = 'Step-Pw-0042'
LOGIN = {'step_name': 'Log in', 'url': 'https://api.example.com/login', 'http_method': 'post',
         'head': {'http_basic_auth_username': 'monitor', 'http_basic_auth_password': PASSWORD},
         'assertions': [{'source': 'Status Code', 'comparison': 'equals', 'value': '200'}],
         'variables': [{'name': 'token', 'property': 'token'}]}
ORDERS = {'step_name': 'Orders', 'url': 'https://api.example.com/orders'}
CREATE = dict(AUTH, name='orders-api', billing_plancode='UBM - A/A', api_steps=[LOGIN, ORDERS])
# as the API holds them: numbered, the method in upper case, keys filled in, no password shown
STEPS_ON_API = [
    {'step_number': 1, 'step_name': 'Log in', 'url': 'https://api.example.com/login', 'http_method': 'POST',
     'post': None, 'head': {'http_basic_auth_username': 'monitor', 'preemptive_authentication': False},
     'assertions': [{'source': 'Status Code', 'property': None, 'comparison': 'equals', 'value': '200'}],
     'variables': [{'name': 'token', 'property': 'token'}]},
    {'step_number': 2, 'step_name': 'Orders', 'url': 'https://api.example.com/orders', 'http_method': 'GET',
     'post': None, 'head': {}, 'assertions': [], 'variables': []},
]
ON_API = {'id': 100009, 'type': 'website-ssl-api', 'name': 'orders-api', 'billing_plancode': 'UBM - A/A',
          'api_steps': STEPS_ON_API, 'interval': 5}


def sent_steps(with_password):
    login = dict(LOGIN, step_number=1, http_method='POST')
    if not with_password:
        login['head'] = {'http_basic_auth_username': 'monitor'}
    return [dict([('step_number', 1)] + list(login.items())), dict(ORDERS, step_number=2, http_method='GET')]


@pytest.mark.parametrize('urls, api_type', [
    (('https://a.example.com/', 'https://b.example.com/'), 'website-ssl-api'),
    (('https://a.example.com/', 'http://b.example.com/'), 'website-api'),
])
def test_the_steps_schemes_select_the_endpoint(capsys, urls, api_type):
    steps = [{'url': url} for url in urls]
    session = FakeSession(token_reply(), page([]), (200, {'id': '100009'}), (200, dict(ON_API, type=api_type)))
    result, failed = run_module(main, dict(CREATE, api_steps=steps), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('POST', '/monitors/%s' % api_type)]
    assert session.requests[2]['json']['api_steps'] == [{'step_number': 1, 'url': urls[0], 'http_method': 'GET'},
                                                        {'step_number': 2, 'url': urls[1], 'http_method': 'GET'}]


def test_create_sends_the_password_and_returns_none_of_it(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100009'}), (200, ON_API))
    result, failed = run_module(main, dict(CREATE, _ansible_diff=True), session, capsys)
    assert not failed
    assert session.requests[2]['json']['api_steps'] == sent_steps(with_password=True)
    assert result['diff']['after']['api_steps'][0]['head']['http_basic_auth_password'] == '********'
    assert PASSWORD not in json.dumps(result)


def test_an_identical_rerun_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


@pytest.mark.parametrize('steps', [
    [dict(LOGIN, assertions=[{'source': 'Status Code', 'comparison': 'equals', 'value': '201'}]), ORDERS],
    [ORDERS, LOGIN],
    [LOGIN],
    [LOGIN, dict(ORDERS, http_method='HEAD')],
])
def test_a_changed_step_sends_the_whole_list_without_the_password(capsys, steps):
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100009'}), (200, ON_API))
    result, failed = run_module(main, dict(CREATE, api_steps=steps), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/website-ssl-api/100009')]
    body = session.requests[2]['json']
    assert list(body) == ['api_steps'] and len(body['api_steps']) == len(steps)
    assert [step['step_number'] for step in body['api_steps']] == list(range(1, len(steps) + 1))
    assert PASSWORD not in json.dumps(body) and PASSWORD not in json.dumps(result)


def test_update_password_always_sends_the_whole_list_with_it(capsys):
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100009'}), (200, ON_API))
    result, failed = run_module(main, dict(CREATE, update_password='always'), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[2]['json'] == {'api_steps': sent_steps(with_password=True)}
    assert PASSWORD not in json.dumps(result)


def test_an_http_step_in_an_https_monitor_is_refused_without_writing(capsys):
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(main, dict(CREATE, api_steps=[LOGIN, {'url': 'http://api.example.com/'}]), session,
                                capsys)
    assert failed and 'cannot change the type of a monitor' in result['msg']
    assert session.writes() == []
    assert PASSWORD not in json.dumps(result)


def test_monitor_info_returns_no_step_password(capsys):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitor_info import main as info_main
    steps = [dict(STEPS_ON_API[0], head=dict(STEPS_ON_API[0]['head'], http_basic_auth_password=PASSWORD)),
             STEPS_ON_API[1]]
    session = FakeSession(token_reply(), page([dict(ON_API, api_steps=steps)]))
    result, failed = run_module(info_main, dict(AUTH, type=['website-ssl-api']), session, capsys)
    assert not failed and len(result['monitors']) == 1
    head = result['monitors'][0]['api_steps'][0]['head']
    assert head == {'http_basic_auth_username': 'monitor', 'preemptive_authentication': False}
    assert PASSWORD not in json.dumps(result)
