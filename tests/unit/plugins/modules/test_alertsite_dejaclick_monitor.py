# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.step_fields import script_key
from ansible_collections.community.alertsite.plugins.modules.alertsite_dejaclick_monitor import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
SCRIPT = ('<?xml version="1.0" encoding="UTF-8"?>\n<script version="2.0">\n  <!-- recorded -->\n'
          '  <action seq="1"><name>Open</name><event type="navigate" url="https://shop.example.com/"/></action>\n'
          '</script>\n')
# as the API returns it: another declaration, CRLF line endings, no comment, attributes reordered
STORED = ('<?xml version="1.0"?>\r\n<script version="2.0">\r\n  <action seq="1"><name>Open</name>'
          '<event url="https://shop.example.com/" type="navigate"></event></action>\r\n</script>')
CREATE = dict(AUTH, name='journey', billing_plancode='UBM - A/A', script=SCRIPT, transaction_steps=1, step_timeout=30)
ON_API = {'id': 100011, 'type': 'dejaclick', 'name': 'journey', 'billing_plancode': 'UBM - A/A', 'script': STORED,
          'transaction_steps': 1, 'step_timeout': 30, 'browser_type': 'Firefox'}


@pytest.mark.parametrize('one, other, same', [
    (SCRIPT, STORED, True),
    ('<a><b>x</b></a>', '<a>\n  <b> x </b>\n</a>', True),
    ('<a><b>x</b></a>', '<a><b>y</b></a>', False),
    ('<a b="1"/>', '<a b="2"/>', False),
    ('<a><b/><c/></a>', '<a><c/><b/></a>', False),
    ('not <xml', 'not <xml\r\n', False),
    ('not <xml\n', 'not <xml\r\n', True),
])
def test_scripts_are_compared_as_canonical_xml(one, other, same):
    assert (script_key(one) == script_key(other)) is same


def test_create_sends_the_text_and_reads_the_script_back(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '100011'}), (200, ON_API))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is True
    params = session.requests[1]['params']
    assert (params['type'], params['show_scripts']) == ('dejaclick', 'true')
    assert session.requests[2]['json'] == {'name': 'journey', 'billing_plancode': 'UBM - A/A', 'script': SCRIPT,
                                           'transaction_steps': 1, 'step_timeout': 30}
    assert session.requests[3]['params'] == {'show_scripts': 'true'}


def test_the_same_script_read_back_otherwise_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(main, CREATE, session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_one_changed_step_is_one_patch_of_the_script(capsys):
    changed = SCRIPT.replace('<name>Open</name>', '<name>Open the shop</name>')
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100011'}), (200, dict(ON_API, script=changed)))
    result, failed = run_module(main, dict(CREATE, script=changed), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/dejaclick/100011')]
    assert session.requests[2]['json'] == {'script': changed}


def test_a_create_needs_a_script_or_a_url(capsys):
    session = FakeSession(token_reply(), page([]))
    args = dict((key, value) for key, value in CREATE.items() if key != 'script')
    result, failed = run_module(main, args, session, capsys)
    assert failed and 'needs script' in result['msg']
    assert session.writes() == []


def test_monitor_info_writes_each_script_as_the_api_returns_it(capsys, tmp_path):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitor_info import main as info_main
    monitors = [ON_API, dict(ON_API, id=100012, name='shop/checkout'), {'id': 100013, 'type': 'tcp', 'name': 'web'}]
    session = FakeSession(token_reply(), page(monitors))
    result, failed = run_module(info_main, dict(AUTH, scripts_dest=str(tmp_path)), session, capsys)
    assert not failed
    assert session.requests[1]['params']['show_scripts'] == 'true'
    assert sorted(path.name for path in (tmp_path / 'dejaclick').iterdir()) == ['journey.xml', 'shop_checkout.xml']
    with open(str(tmp_path / 'dejaclick' / 'journey.xml'), newline='') as handle:
        assert handle.read() == STORED
    assert not (tmp_path / 'tcp').exists()


def test_monitor_info_refuses_a_file_as_scripts_dest(capsys, tmp_path):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitor_info import main as info_main
    target = tmp_path / 'file'
    target.write_text('x')
    session = FakeSession()
    result, failed = run_module(info_main, dict(AUTH, scripts_dest=str(target)), session, capsys)
    assert failed and 'scripts_dest must be a directory' in result['msg']
    assert session.requests == []
