# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.modules.alertsite_ftp_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
CREATE = dict(AUTH, name='files', billing_plancode='UBM - A/A', hostname='ftps://files.example.com',
              enable_ftp_upload=False)
FTPS_ON_API = {'id': 100007, 'type': 'ftp-ssl', 'name': 'files', 'billing_plancode': 'UBM - A/A',
               'hostname': 'ftps://files.example.com', 'enable_ftp_upload': False, 'port': 990, 'use_ssl_version': 2,
               'interval': 5, 'timeout': 30, 'enabled': True}
FTP_ON_API = dict(FTPS_ON_API, id=100008, type='ftp', hostname='ftp://files.example.com', port=21)
del FTP_ON_API['use_ssl_version']


@pytest.mark.parametrize('hostname, api_type', [
    ('ftps://files.example.com', 'ftp-ssl'),
    ('ftp://files.example.com', 'ftp'),
    ('FTP://files.example.com:2121/', 'ftp'),
])
def test_the_scheme_selects_the_endpoint_and_the_body_is_what_was_set(capsys, hostname, api_type):
    created = dict(FTPS_ON_API, type=api_type, hostname=hostname)
    session = FakeSession(token_reply(), page([]), (200, {'id': '100007'}), (200, created))
    result, failed = run_module(main, dict(CREATE, hostname=hostname), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[1]['params']['type'] == 'ftp,ftp-ssl'
    assert session.writes() == [('POST', '/monitors/%s' % api_type)]
    assert session.requests[2]['json'] == {'name': 'files', 'billing_plancode': 'UBM - A/A', 'hostname': hostname,
                                           'enable_ftp_upload': False}
    assert result['msg'] == "Created %s monitor 'files' (id 100007)" % api_type


def test_an_identical_rerun_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([FTPS_ON_API]))
    result, failed = run_module(main, dict(CREATE, hostname='FTPS://Files.Example.com', port=990), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_one_changed_option_is_one_patch_of_it(capsys):
    changed = dict(FTP_ON_API, enable_ftp_upload=True)
    session = FakeSession(token_reply(), page([FTPS_ON_API, FTP_ON_API]), (200, {'id': '100008'}), (200, changed))
    args = dict(CREATE, hostname='ftp://files.example.com', enable_ftp_upload=True)
    result, failed = run_module(main, dict(args, _ansible_diff=True), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/ftp/100008')]
    assert session.requests[2]['json'] == {'enable_ftp_upload': True}
    assert result['diff']['before'] == {'enable_ftp_upload': False}


def test_a_changed_scheme_is_refused_without_writing(capsys):
    session = FakeSession(token_reply(), page([FTPS_ON_API]))
    result, failed = run_module(main, dict(CREATE, hostname='ftp://files.example.com'), session, capsys)
    assert failed
    assert result['msg'].startswith("ftp-ssl monitor 'files' (id 100007) exists, and the API cannot change the type")
    assert session.writes() == []


def test_use_ssl_version_on_an_existing_ftp_monitor_is_refused_without_writing(capsys):
    # the listed monitor has no use_ssl_version: it is read by id, which has none either
    session = FakeSession(token_reply(), page([FTP_ON_API]), (200, FTP_ON_API))
    result, failed = run_module(main, dict(AUTH, name='files', use_ssl_version=2), session, capsys)
    assert failed
    assert result['msg'].startswith("use_ssl_version only applies to ftps:// hosts")
    assert session.writes() == []


def test_absent_deletes_under_either_type(capsys):
    session = FakeSession(token_reply(), page([FTP_ON_API]), (200, {}))
    result, failed = run_module(main, dict(AUTH, name='files', state='absent'), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('DELETE', '/monitors/100008')]
