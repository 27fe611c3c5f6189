# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_website_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
CREATE = dict(AUTH, name='shop', billing_plancode='UBM - A/A', url='https://www.example.com/')
# as the API returns them: with the defaults of the fields their type has (https-only ones only for https)
HTTPS_ON_API = {'id': 100005, 'type': 'website-ssl', 'name': 'shop', 'billing_plancode': 'UBM - A/A',
                'url': 'https://www.example.com/', 'keyword_string': '', 'keyword_match_type': 'Plain Text',
                'use_ssl_version': 2, 'check_ssl_expiration_dates': 'Expired', 'interval': 5, 'timeout': 30, 'enabled': True}
HTTP_ON_API = dict(((key, value) for key, value in HTTPS_ON_API.items()
                    if key not in ('use_ssl_version', 'check_ssl_expiration_dates')),
                   id=100006, type='website', url='http://www.example.com/')
WEBSITE_TYPES = 'website,website-ssl'


@pytest.mark.parametrize('url, api_type', [
    ('https://www.example.com/', 'website-ssl'),
    ('http://www.example.com/', 'website'),
    ('HTTPS://www.example.com:8443/shop?q=1', 'website-ssl'),
])
def test_the_scheme_selects_the_endpoint(capsys, url, api_type):
    created = dict(HTTPS_ON_API, type=api_type, url=url)
    session = FakeSession(token_reply(), page([]), (200, {'id': '100005'}), (200, created))
    result, failed = run_module(main, dict(CREATE, url=url), session, capsys)
    assert not failed and result['changed'] is True
    # both website types are listed at once, so a monitor of the other scheme is seen
    assert session.requests[1]['params']['type'] == WEBSITE_TYPES
    assert session.writes() == [('POST', '/monitors/%s' % api_type)]
    assert session.requests[2]['json'] == {'name': 'shop', 'billing_plancode': 'UBM - A/A', 'url': url}
    assert result['msg'] == "Created %s monitor 'shop' (id 100005)" % api_type


@pytest.mark.parametrize('url, message', [
    ('www.example.com', "url must start with http:// or https://, got 'www.example.com'"),
    ('ftp://files.example.com/', "url must start with http:// or https://, got 'ftp://files.example.com/'"),
    ('https://', "url has no host name in 'https://'"),
    ('https://www.example.com/a b', "url must not contain spaces, got 'https://www.example.com/a b'"),
    ('http://www.example.com:0/', "url has a port that is not between 1 and 65535 in 'http://www.example.com:0/'"),
    ('http://www.example.com:port/', "url has a port that is not between 1 and 65535 in 'http://www.example.com:port/'"),
])
def test_bad_url_fails_before_any_request(capsys, url, message):
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, url=url), session, capsys)
    assert failed and result['msg'] == message
    assert session.requests == []


def test_https_options_with_an_http_url_fail_before_any_request(capsys):
    session = FakeSession()
    args = dict(CREATE, url='http://www.example.com/', use_ssl_version=2, check_ssl_expiration_dates='Expired')
    result, failed = run_module(main, args, session, capsys)
    assert failed
    assert result['msg'] == ("use_ssl_version and check_ssl_expiration_dates only apply to https:// URLs "
                             "(website-ssl monitors), and url is 'http://www.example.com/'")
    assert session.requests == []


def test_https_option_on_an_existing_http_monitor_fails_without_writing(capsys):
    # the listed monitor has no use_ssl_version: it is read by id, which has none either
    session = FakeSession(token_reply(), page([HTTP_ON_API]), (200, HTTP_ON_API))
    result, failed = run_module(main, dict(AUTH, name='shop', use_ssl_version=2), session, capsys)
    assert failed
    assert result['msg'].startswith("use_ssl_version only applies to https:// URLs (website-ssl monitors), and url "
                                    "is 'http://www.example.com/'")
    assert session.writes() == []


@pytest.mark.parametrize('current, url', [(HTTP_ON_API, 'https://www.example.com/'),
                                          (HTTPS_ON_API, 'http://www.example.com/')])
def test_a_changed_scheme_is_refused_with_how_to_replace_it(capsys, current, url):
    session = FakeSession(token_reply(), page([current]))
    result, failed = run_module(main, dict(AUTH, name='shop', url=url), session, capsys)
    assert failed
    assert result['msg'].startswith("%s monitor 'shop' (id %s) exists, and the API cannot change the type of a "
                                    "monitor" % (current['type'], current['id']))
    assert 'delete it (state=absent) and create it again' in result['msg']
    assert session.writes() == []


def test_without_url_the_monitor_is_found_under_either_type(capsys):
    changed = dict(HTTP_ON_API, interval=10)
    listing = page([dict(HTTPS_ON_API, name='other'), HTTP_ON_API])
    session = FakeSession(token_reply(), listing, (200, {'id': '100006'}), (200, changed))
    result, failed = run_module(main, dict(AUTH, name='shop', interval=10), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/website/100006')]
    assert session.requests[2]['json'] == {'interval': 10}
    assert result['msg'] == "Updated website monitor 'shop' (id 100006): interval"


def test_without_url_and_one_name_under_both_types_fails(capsys):
    session = FakeSession(token_reply(), page([HTTPS_ON_API, HTTP_ON_API]))
    result, failed = run_module(main, dict(AUTH, name='shop', interval=10), session, capsys)
    assert failed
    assert 'website' in result['msg'] and 'website-ssl' in result['msg']
    assert session.writes() == []


def test_create_without_url_names_it_as_missing(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='shop', billing_plancode='UBM - A/A'), session, capsys)
    assert failed
    assert result['msg'] == "missing required options to create monitor 'shop': url"
    assert session.writes() == []


def test_unchanged_rerun_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([dict(HTTPS_ON_API, keyword_string='Welcome', keyword_match_invert='false')]))
    args = dict(CREATE, keyword_string='Welcome', keyword_match_invert=False, _ansible_diff=True)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is False
    assert result['msg'] == "website-ssl monitor 'shop' (id 100005) is up to date"
    assert session.writes() == []


def test_one_changed_option_is_one_patch_of_that_option(capsys):
    changed = dict(HTTPS_ON_API, keyword_string='Welcome')
    session = FakeSession(token_reply(), page([HTTPS_ON_API]), (200, {'id': '100005'}), (200, changed))
    result, failed = run_module(main, dict(CREATE, keyword_string='Welcome', _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/website-ssl/100005')]
    assert session.requests[2]['json'] == {'keyword_string': 'Welcome'}
    assert result['diff']['before'] == {'keyword_string': ''} and result['diff']['after'] == {'keyword_string': 'Welcome'}


def test_undocumented_enumeration_values_are_passed_through(capsys):
    changed = dict(HTTPS_ON_API, keyword_match_type='Regular Expression', use_ssl_version=3)
    session = FakeSession(token_reply(), page([HTTPS_ON_API]), (200, {'id': '100005'}), (200, changed))
    args = dict(CREATE, keyword_match_type='Regular Expression', use_ssl_version=3)
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[2]['json'] == {'keyword_match_type': 'Regular Expression', 'use_ssl_version': 3}


def test_check_mode_predicts_and_sends_no_write(capsys):
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(CREATE, _ansible_check_mode=True), session, capsys)
    assert not failed and result['changed'] is True
    assert result['msg'] == "Would create website-ssl monitor 'shop'"
    assert result['monitor']['type'] == 'website-ssl'
    assert session.writes() == []


def test_absent_without_url_deletes_the_monitor_of_either_type(capsys):
    session = FakeSession(token_reply(), page([HTTP_ON_API]), (204, None))
    result, failed = run_module(main, dict(AUTH, name='shop', state='absent'), session, capsys)
    assert not failed and result['changed'] is True and result['monitor'] == {}
    assert result['msg'] == "Deleted website monitor 'shop' (id 100006)"
    assert session.writes() == [('DELETE', '/monitors/100006')]

    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, name='shop', state='absent'), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_id_of_another_type_is_refused(capsys):
    session = FakeSession(token_reply(), (200, dict(HTTPS_ON_API, type='tcp')))
    result, failed = run_module(main, dict(AUTH, id='100005', name='shop'), session, capsys)
    assert failed
    assert result['msg'].startswith('id 100005 is a tcp monitor, not website or website-ssl')
    assert session.writes() == []


def test_id_with_the_other_scheme_is_refused(capsys):
    session = FakeSession(token_reply(), (200, HTTP_ON_API))
    result, failed = run_module(main, dict(AUTH, id='100006', name='shop', url='https://www.example.com/'), session, capsys)
    assert failed
    assert result['msg'].startswith('id 100006 is a website monitor, not website-ssl')
    assert session.writes() == []
