# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.engine import input_problems, plan_object, wanted_values
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import DEJACLICK
from ansible_collections.community.alertsite.plugins.module_utils.script_export import gathered_dest_problems, gathered_script_files
from ansible_collections.community.alertsite.plugins.module_utils.step_fields import SCRIPT_AND_FILE, read_script_file, script_key
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


# -- script_file: the script read from a file --------------------------------------------------------------------

def test_script_file_is_read_where_the_module_runs_and_compared_as_the_script(capsys, tmp_path):
    journey = tmp_path / 'journey.xml'
    journey.write_bytes(b'\xef\xbb\xbf' + SCRIPT.encode('utf-8'))  # a byte order mark is no part of the script
    args = dict((key, value) for key, value in CREATE.items() if key != 'script')
    args['script_file'] = str(journey)
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []
    changed = SCRIPT.replace('<name>Open</name>', '<name>Open the shop</name>')
    journey.write_text(changed, encoding='utf-8')
    session = FakeSession(token_reply(), page([ON_API]), (200, {'id': '100011'}), (200, dict(ON_API, script=changed)))
    result, failed = run_module(main, args, session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/monitors/dejaclick/100011')]
    assert session.requests[2]['json'] == {'script': changed}


def test_a_create_from_a_script_file_posts_its_text(capsys, tmp_path):
    journey = tmp_path / 'journey.xml'
    journey.write_text(SCRIPT, encoding='utf-8')
    args = dict((key, value) for key, value in CREATE.items() if key != 'script')
    session = FakeSession(token_reply(), page([]), (200, {'id': '100011'}), (200, ON_API))
    result, failed = run_module(main, dict(args, script_file=str(journey)), session, capsys)
    assert not failed and result['changed'] is True
    assert session.requests[2]['json'] == dict((key, value) for key, value in CREATE.items() if key not in AUTH)


@pytest.mark.parametrize('content, error, expected', [
    (b'<script>caf\xe9</script>', None, 'script_file {path} is not UTF-8 text (byte 11): save it as UTF-8'),
    (b'<a><b></a>', None, 'script_file {path} is not well-formed XML: mismatched tag: line 1, column 8'),
    (b'', None, 'script_file {path} is not well-formed XML: no element found: line 1, column 0'),
    (None, None, 'script_file {path} does not exist'),
    (b'<a/>', PermissionError(13, 'Permission denied'), 'script_file {path} cannot be read: Permission denied'),
])
def test_a_script_file_that_cannot_be_used_names_the_file(tmp_path, monkeypatch, content, error, expected):
    path = tmp_path / 'journey.xml'
    if content is not None:
        path.write_bytes(content)
    if error is not None:
        def refuse(*args, **kwargs):
            raise error
        monkeypatch.setattr('builtins.open', refuse)
    assert read_script_file(str(path)) == (None, expected.format(path=path))


def test_a_script_file_is_shown_as_the_user_gave_it(tmp_path):
    path = tmp_path / 'journey.xml'
    path.write_text('<a><b></a>')
    assert read_script_file(str(path), shown='journeys/journey.xml')[1].startswith('script_file journeys/journey.xml is not')
    path.write_text(SCRIPT)
    assert read_script_file(str(path)) == (SCRIPT, None)


# -- scripts_dest of alertsite_monitors' gathered output ---------------------------------------------------------

def test_gathered_scripts_go_to_files_named_in_script_file(tmp_path):
    gathered = [dict(type='dejaclick', name='shop/checkout', script=STORED, step_timeout=30),
                dict(type='dejaclick', name='twin', id='7', script=STORED),
                dict(type='dejaclick', name='twin', id='8', url='https://shop.example.com/'),
                dict(type='tcp', name='web', hostname='www.example.com')]
    assert gathered_script_files(gathered, None) is gathered
    written = gathered_script_files(gathered, str(tmp_path))
    first, twin = str(tmp_path / 'dejaclick' / 'shop_checkout.xml'), str(tmp_path / 'dejaclick' / 'twin.7.xml')
    assert written == [dict(type='dejaclick', name='shop/checkout', step_timeout=30, script_file=first),
                       dict(type='dejaclick', name='twin', id='7', script_file=twin), gathered[2], gathered[3]]
    with open(first, newline='') as handle:
        assert handle.read() == STORED  # as the API returns it
    # fed back: the file's text is what the monitor holds, so nothing is to be written
    wanted = wanted_values(DEJACLICK, dict((field.name, written[0].get(field.name)) for field in DEJACLICK.fields))
    assert input_problems(DEJACLICK, wanted) == []
    assert plan_object(DEJACLICK, 'dejaclick', wanted, dict(ON_API, name='shop/checkout')).action == 'none'


@pytest.mark.parametrize('state, dest, problems', [
    ('gathered', None, []),
    ('merged', None, []),
    ('merged', 'dest', ['scripts_dest only applies to state=gathered']),
    ('gathered', 'file', ['scripts_dest must be a directory, and {file} is a file']),
])
def test_scripts_dest_of_gathered_is_checked_before_any_request(tmp_path, state, dest, problems):
    (tmp_path / 'file').write_text('x')
    dest = str(tmp_path / dest) if dest else None
    assert gathered_dest_problems(state, dest) == [problem.format(file=tmp_path / 'file') for problem in problems]


def test_script_and_script_file_are_mutually_exclusive(capsys, tmp_path):
    journey = tmp_path / 'journey.xml'
    journey.write_text(SCRIPT)
    session = FakeSession()
    result, failed = run_module(main, dict(CREATE, script_file=str(journey)), session, capsys)
    assert failed and result['msg'] == SCRIPT_AND_FILE
    assert session.requests == []


def test_alertsite_monitors_gathers_scripts_to_files_and_feeds_them_back(capsys, tmp_path):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main as bulk_main
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(bulk_main, dict(AUTH, state='gathered', types=['dejaclick'], scripts_dest=str(tmp_path)),
                                session, capsys)
    assert not failed and result['changed'] is False
    assert session.requests[1]['params']['show_scripts'] == 'true'
    path = str(tmp_path / 'dejaclick' / 'journey.xml')
    assert result['gathered'] == [{'type': 'dejaclick', 'name': 'journey', 'billing_plancode': 'UBM - A/A',
                                   'transaction_steps': 1, 'step_timeout': 30, 'browser_type': 'Firefox',
                                   'script_file': path}]
    session = FakeSession(token_reply(), page([ON_API]))
    result, failed = run_module(bulk_main, dict(AUTH, config=result['gathered']), session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []


@pytest.mark.parametrize('state, dest, message', [
    ('merged', 'dir', 'scripts_dest only applies to state=gathered'),
    ('gathered', 'file', 'scripts_dest must be a directory'),
])
def test_alertsite_monitors_refuses_scripts_dest_before_any_request(capsys, tmp_path, state, dest, message):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main as bulk_main
    (tmp_path / 'file').write_text('x')
    session = FakeSession()
    args = dict(AUTH, state=state, scripts_dest=str(tmp_path / dest),
                config=[dict(type='dejaclick', name='journey', url='https://shop.example.com/')])
    result, failed = run_module(bulk_main, args, session, capsys)
    assert failed and message in result['msg']
    assert session.requests == []


def test_alertsite_monitors_reads_a_script_file_where_it_runs(capsys, tmp_path):
    from ansible_collections.community.alertsite.plugins.modules.alertsite_monitors import main as bulk_main
    (tmp_path / 'broken.xml').write_text('<a><b></a>')
    session = FakeSession()
    definition = dict(type='dejaclick', name='journey', script_file=str(tmp_path / 'broken.xml'))
    result, failed = run_module(bulk_main, dict(AUTH, config=[definition]), session, capsys)
    assert failed and result['msg'].startswith("config[0] (dejaclick 'journey'): script_file %s is not well-formed XML"
                                               % (tmp_path / 'broken.xml'))
    assert session.requests == []
