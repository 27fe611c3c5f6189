# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Connection options and input edge cases: each refused or accepted before any request, as a user expects."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ssl

import pytest
import requests

from ansible_collections.community.alertsite.plugins.module_utils.client import DEFAULT_API_URL, AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    api_url_of,
    api_url_problems,
    connection_problems,
    redact_url,
    token_of,
    url_user_info,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import url_or_host

OK = dict(api_url='https://api.example.com/api/v3', username='u', password='p', api_timeout=30, api_retries=3)


def test_an_empty_api_url_means_the_default():
    assert api_url_of(dict(OK, api_url='')) == DEFAULT_API_URL
    assert connection_problems(dict(OK, api_url='')) == []


def test_the_scheme_of_api_url_may_be_upper_case():
    assert connection_problems(dict(OK, api_url='HTTPS://api.example.com/api/v3')) == []


@pytest.mark.parametrize('url, problem', [
    ('https://user:S3cret-pw@api.example.com/api/v3', "api_url must not hold a user name or password (user:password@host); "
     "set username and password, or access_token, instead: got 'https://***@api.example.com/api/v3'"),
    ('https://user@api.example.com/api/v3', "got 'https://***@api.example.com/api/v3'"),
    ('https://u:pa#S3cret@api.example.com/api/v3', "got 'https://***@api.example.com/api/v3'"),
    ('https://u:pa/S3cret@api.example.com/api/v3', "got 'https://***@api.example.com/api/v3'"),
    ('ftp://user:S3cret-pw@api.example.com/api/v3', "api_url must start with http:// or https://, got 'ftp://***@api.example.com/api/v3'"),
    ('user:S3cret-pw@api.example.com/api/v3', "got '***@api.example.com/api/v3'"),
    ('https://api.example.com/api/v3?limit=5', "api_url must be the base of the API, without a query string (?...) or "
     "fragment (#...), got 'https://api.example.com/api/v3?limit=5'"),
    ('https://api.example.com/api/v3?', 'without a query string'),
    ('https://api.example.com/api/v3#monitors', 'or fragment'),
    ('https://[::1/api/v3', "api_url has no host name: 'https://[::1/api/v3'"),
])
def test_api_url_with_user_info_or_a_query_is_refused_and_never_shown(url, problem):
    problems = connection_problems(dict(OK, api_url=url))
    assert problems and all(p.startswith('api_url ') for p in problems)
    assert any(problem in p for p in problems)
    assert 'S3cret' not in ' '.join(problems)


def test_api_url_problems_name_the_option_they_check():
    assert api_url_problems('https://u:S3cret@host/api/v3?x=1', 'ALERTSITE_API_URL') == [
        "ALERTSITE_API_URL must not hold a user name or password (user:password@host); set username and password, "
        "or access_token, instead: got 'https://***@host/api/v3?x=1'",
        "ALERTSITE_API_URL must be the base of the API, without a query string (?...) or fragment (#...), got "
        "'https://***@host/api/v3?x=1'"]


@pytest.mark.parametrize('url, shown', [
    ('https://api.example.com/api/v3', 'https://api.example.com/api/v3'),
    ('HTTPS://a:b@c@host:8443/x', 'HTTPS://***@host:8443/x'),
    ('a:b@host', '***@host'),
])
def test_redact_url_hides_everything_up_to_the_last_at_sign(url, shown):
    assert redact_url(url) == shown


@pytest.mark.parametrize('given, token', [('Bearer abc123', 'abc123'), ('bearer  abc123 ', 'abc123'), ('abc123', 'abc123'), (None, None)])
def test_a_pasted_bearer_prefix_is_dropped(given, token):
    assert token_of(dict(access_token=given)) == token


@pytest.mark.parametrize('value, problem', [
    ('smtps://[2001:db8::1]:465', None),
    ('smtps://[2001:db8::1]', None),
    ('SMTPS://smtp.example.com:465', None),
    ('smtps://[2001:db8::zz]:465', "has no valid IPv6 address in 'smtps://[2001:db8::zz]:465'"),
    ('smtps://[2001:db8::1:465', "has no valid host name in 'smtps://[2001:db8::1:465'"),
    ('smtps://[2001:db8::1]:99999', "has a port that is not between 1 and 65535 in 'smtps://[2001:db8::1]:99999'"),
])
def test_url_form_hosts_take_ipv6_literals_and_any_scheme_case(value, problem):
    assert url_or_host(('smtp', 'smtps'))(value) == problem


def test_a_404_on_login_says_the_base_must_end_in_api_v3(fake_client):
    client, session = fake_client((404, {'errors': [{'code': 404, 'message': 'Not found'}]}), access_token=None,
                                  username='u', password='p')
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert 'ending in /api/v3' in str(err.value) and 'https://alertsite.test/api/v3/access-tokens' in str(err.value)


def test_tls_against_a_plain_http_port_says_the_scheme_looks_wrong(fake_client):
    error = requests.exceptions.SSLError(ssl.SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)'))
    client, session = fake_client(error)
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert 'the scheme of api_url looks wrong' in str(err.value)
    assert len(session.requests) == 1  # a TLS failure is not retried


def test_url_user_info_is_what_ansible_is_to_mask():
    assert url_user_info({'api_url': 'https://ops:S3cret@host/api/v3'}) == ['ops:S3cret', 'S3cret']
    assert url_user_info({'api_url': 'https://token@host/api/v3'}) == ['token']
    assert url_user_info({'api_url': 'https://host/api/v3'}) == [] and url_user_info({}) == []


@pytest.mark.parametrize('module_name', ['alertsite_tcp_monitor', 'alertsite_monitor_info', 'alertsite_monitors'])
def test_user_info_of_api_url_is_in_no_output(capsys, clean_environment, module_name):
    import importlib
    import json

    from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, run_module, with_invocation

    module = importlib.import_module('ansible_collections.community.alertsite.plugins.modules.' + module_name)
    args = with_invocation(dict(api_url='https://ops:Pw4Url!@alertsite.test/api/v3', access_token='a-long-token',
                                name='web'))
    if module_name == 'alertsite_monitors':
        args = dict(args, name=None, state='gathered')
    result, failed = run_module(module.main, dict((k, v) for k, v in args.items() if v is not None), FakeSession(),
                                capsys)
    assert failed and 'must not hold a user name or password' in result['msg']
    assert 'Pw4Url!' not in json.dumps(result) and 'ops:' not in json.dumps(result)
    assert result['invocation']['module_args']['api_url'].startswith('https://')
