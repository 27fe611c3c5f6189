# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_blackout against a scripted API: the requests each case sends, and what the module says."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import blackouts
from ansible_collections.community.alertsite.plugins.modules.alertsite_blackout import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
NOON = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=datetime.timezone.utc)  # a Wednesday

WEEKLY = dict(type='Monitor', monitors=[{'id': 100001}], start_day='Sunday', start_time='02:00', end_day=1,
              end_time='04:00', note='patching')
WEEKLY_ON_API = {'id': 4001, 'type': 'Monitor', 'assoc_id': 100001, 'persistent': True, 'from_date': None,
                 'thru_date': None, 'start_day': 1, 'start_time': '02:00', 'end_day': 1, 'end_time': '04:00',
                 'note': 'patching', 'login': 'ops@example.com', 'date_added': '2026-12-01T10:00:00Z'}
ONCE_ON_API = {'id': 4002, 'type': 'Alert', 'assoc_id': 100001, 'persistent': False,
               'from_date': '2030-06-01 22:00:00', 'thru_date': '2030-06-01 23:00:00', 'start_day': None,
               'start_time': None, 'end_day': None, 'end_time': None, 'note': 'deploy 1234'}
ENDED_ON_API = dict(ONCE_ON_API, id=4003, from_date='2026-12-01 10:00:00', thru_date='2026-12-01 11:00:00')
IN_FORCE_ON_API = dict(ONCE_ON_API, id=4004, from_date='2026-12-02 11:50:00', thru_date='2026-12-02 12:20:00')


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(blackouts, 'utc_now', lambda: NOON)


def run(session, capsys, *layers, **args):
    """Run the module with the connection, then each dict of ``layers``, then ``args`` as its arguments."""
    merged = dict(AUTH)
    for layer in layers:
        merged.update(layer)
    merged.update(args)
    return run_module(main, merged, session, capsys)


def test_weekly_window_create_sends_one_post_with_what_was_set(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '4001'}), (200, WEEKLY_ON_API))
    result, failed = run(session, capsys, WEEKLY, _ansible_diff=True)
    assert not failed and result['changed']
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/blackouts'), ('POST', '/blackouts'),
                               ('GET', '/blackouts/4001')]
    assert session.requests[1]['params'] == {'type': 'Monitor', 'assoc_id': 100001, 'persistent': 'true',
                                             'limit': 100, 'offset': 0}
    assert session.requests[2]['json'] == {'assoc_id': 100001, 'type': 'Monitor', 'persistent': True, 'start_day': 1,
                                           'start_time': '02:00', 'end_day': 1, 'end_time': '04:00', 'note': 'patching'}
    assert result['msg'] == 'Created weekly Monitor blackout of monitor 100001, Sunday 02:00 to Sunday 04:00 (id 4001)'
    assert result['blackouts'] == [WEEKLY_ON_API]
    assert result['diff'][0]['before'] == {} and result['diff'][0]['after']['start_day'] == 1


def test_weekly_window_rerun_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([WEEKLY_ON_API, dict(WEEKLY_ON_API, id=4009, start_time='03:00')]))
    result, failed = run(session, capsys, WEEKLY, start_time='2:00', end_day='sun')
    assert not failed and not result['changed']
    assert session.writes() == []
    assert result['msg'] == 'weekly Monitor blackout of monitor 100001, Sunday 02:00 to Sunday 04:00 (id 4001) is up to date'


def test_weekly_window_note_change_is_one_patch_with_only_the_note(capsys):
    session = FakeSession(token_reply(), page([WEEKLY_ON_API]), (200, {'id': '4001'}),
                          (200, dict(WEEKLY_ON_API, note='patching v2')))
    result, failed = run(session, capsys, WEEKLY, _ansible_diff=True, note='patching v2')
    assert not failed and result['changed']
    assert session.writes() == [('PATCH', '/blackouts/4001')]
    assert session.requests[2]['json'] == {'note': 'patching v2'}
    assert result['diff'] == [dict(before={'note': 'patching'}, after={'note': 'patching v2'},
                                   before_header=result['diff'][0]['before_header'],
                                   after_header=result['diff'][0]['after_header'])]
    assert result['msg'].startswith('Updated weekly Monitor blackout of monitor 100001') and result['msg'].endswith(': note')


def test_one_time_schedule_change_is_a_delete_and_a_create(capsys):
    new = dict(ONCE_ON_API, id=4010, thru_date='2030-06-01 23:30:00')
    session = FakeSession(token_reply(), page([ONCE_ON_API]), (204, None), (200, {'id': '4010'}), (200, new))
    result, failed = run(session, capsys, _ansible_diff=True, type='Alert', monitors=[{'id': 100001}],
                         from_date='2030-06-01 22:00:00', thru_date='2030-06-01 23:30:00', note='deploy 1234')
    assert not failed and result['changed']
    assert session.writes() == [('DELETE', '/blackouts/4002'), ('POST', '/blackouts')]
    assert session.requests[3]['json']['thru_date'] == '2030-06-01 23:30:00'
    assert 'a one-time blackout cannot be modified, so it was deleted and created again' in result['msg']
    assert result['msg'].startswith("Replaced one-time Alert blackout 'deploy 1234' of monitor 100001")
    assert '(id 4010)' in result['msg']
    assert result['diff'][0]['before']['thru_date'] == '2030-06-01 23:00:00'
    assert result['diff'][0]['after']['thru_date'] == '2030-06-01 23:30:00'
    assert result['blackouts'] == [new]


def test_a_one_time_change_that_cannot_start_in_the_future_is_refused_before_any_write(capsys):
    session = FakeSession(token_reply(), page([IN_FORCE_ON_API]))
    result, failed = run(session, capsys, type='Alert', monitors=[{'id': 100001}], from_date='2026-12-02 11:50:00',
                         thru_date='2026-12-02 13:00:00', note='deploy 1234')
    assert failed and 'from_date has passed' in result['msg']
    assert session.writes() == []


def test_absent_deletes_and_absent_again_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([WEEKLY_ON_API]), (204, None))
    result, failed = run(session, capsys, WEEKLY, state='absent')
    assert not failed and result['changed'] and result['blackouts'] == []
    assert session.writes() == [('DELETE', '/blackouts/4001')]
    assert result['msg'].startswith('Deleted weekly Monitor blackout')

    session = FakeSession(token_reply(), page([]))
    result, failed = run(session, capsys, WEEKLY, state='absent')
    assert not failed and not result['changed'] and session.writes() == []
    assert result['msg'] == 'No weekly Monitor blackout of monitor 100001, Sunday 02:00 to Sunday 04:00 exists: nothing to delete'


def test_named_window_from_now_twice_is_one_post(capsys, monkeypatch):
    created = dict(ONCE_ON_API, id=4020, from_date='2026-12-02 12:00:10', thru_date='2026-12-02 12:30:10')
    deploy = dict(type='Alert', monitors=[{'name': 'web', 'type': 'tcp'}], start='now', minutes=30, note='deploy 1234')
    monitors = page([{'id': 100001, 'type': 'tcp', 'name': 'web'}])
    session = FakeSession(token_reply(), monitors, page([ENDED_ON_API]), (200, {'id': '4020'}), (200, created))
    result, failed = run(session, capsys, deploy)
    assert not failed and result['changed']
    assert session.calls()[1:3] == [('GET', '/monitors'), ('GET', '/blackouts')]
    assert session.writes() == [('POST', '/blackouts')]
    assert session.requests[3]['json'] == {'assoc_id': 100001, 'type': 'Alert', 'persistent': False,
                                           'from_date': '2026-12-02 12:00:10', 'thru_date': '2026-12-02 12:30:10',
                                           'note': 'deploy 1234'}

    later = NOON + datetime.timedelta(minutes=5)
    session = FakeSession(token_reply(), monitors, page([ENDED_ON_API, created]))
    monkeypatch.setattr(blackouts, 'utc_now', lambda: later)
    result, failed = run(session, capsys, deploy)
    assert not failed and not result['changed'] and session.writes() == []
    assert result['blackouts'] == [created]


def test_absent_by_note_ends_the_silence_and_leaves_ended_windows_with_a_warning(capsys):
    session = FakeSession(token_reply(), page([ENDED_ON_API, IN_FORCE_ON_API, dict(ONCE_ON_API, note='other')]),
                          (204, None))
    result, failed = run(session, capsys, type='Alert', monitors=[{'id': 100001}], note='deploy 1234', state='absent')
    assert not failed and result['changed']
    assert session.writes() == [('DELETE', '/blackouts/4004')]
    assert session.requests[1]['params'] == {'type': 'Alert', 'assoc_id': 100001, 'limit': 100, 'offset': 0}
    assert result['blackouts'] == [ENDED_ON_API]
    assert 'Deleted one-time Alert blackout' in result['msg'] and 'ended and stays' in result['msg']
    # warnings are structured since ansible-core 2.19: look for the text
    assert 'ended at 2026-12-01 11:00:00 and cannot be deleted' in str(result['warnings'])


def test_an_ended_window_alone_is_unchanged_with_a_warning_and_no_write(capsys):
    session = FakeSession(token_reply(), page([ENDED_ON_API]))
    result, failed = run(session, capsys, type='Alert', monitors=[{'id': 100001}], note='deploy 1234', state='absent')
    assert not failed and not result['changed'] and session.writes() == []
    assert result['msg'].endswith('ended and stays: the API cannot delete windows that ended')
    assert len(result['warnings']) == 1


def test_check_mode_predicts_and_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([ONCE_ON_API]))
    result, failed = run(session, capsys, _ansible_check_mode=True, type='Alert', monitors=[{'id': 100001}],
                         from_date='2030-06-01 22:00:00', thru_date='2030-06-02 00:00:00', note='deploy 1234')
    assert not failed and result['changed'] and session.writes() == []
    assert result['msg'].startswith('Would replace') and 'it would be deleted and created again' in result['msg']
    assert result['blackouts'][0]['thru_date'] == '2030-06-02 00:00:00' and 'id' not in result['blackouts'][0]


def test_a_past_window_is_refused_before_any_request(capsys):
    session = FakeSession()
    result, failed = run(session, capsys, type='Alert', monitors=[{'id': 100001}], from_date='2026-12-02 10:00:00',
                         thru_date='2026-12-02 11:59:59')
    assert failed and 'is in the past (it is 2026-12-02 12:00:00 in UTC)' in result['msg']
    assert session.requests == []


def test_an_ambiguous_monitor_name_is_refused_without_writes(capsys):
    session = FakeSession(token_reply(), page([{'id': 1, 'type': 'tcp', 'name': 'web'}, {'id': 2, 'type': 'tcp', 'name': 'web'}]))
    result, failed = run(session, capsys, WEEKLY, monitors=[{'name': 'web', 'type': 'tcp'}])
    assert failed and result['msg'] == "monitors[0]: 2 tcp monitors are named 'web' (ids 1, 2): give the id instead"
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors')]


def test_many_monitors_one_post_each_and_one_listing_to_read_back(capsys):
    ids = [100001, 100002, 100003]
    stored = [dict(WEEKLY_ON_API, id=4100 + n, assoc_id=assoc_id) for n, assoc_id in enumerate(ids)]
    session = FakeSession(token_reply(), page([stored[0]]), (200, {'id': '4101'}), (200, {'id': '4102'}), page(stored))
    result, failed = run(session, capsys, WEEKLY, parallel_writes=1, monitors=[{'id': i} for i in ids])
    assert not failed and result['changed']
    assert session.writes() == [('POST', '/blackouts'), ('POST', '/blackouts')]
    assert [request['json']['assoc_id'] for request in session.requests if request['url'].endswith('/blackouts')
            and request['method'] == 'POST'] == [100002, 100003]
    assert 'assoc_id' not in session.requests[1]['params']
    assert session.calls()[-1] == ('GET', '/blackouts')
    assert result['blackouts'] == stored
    assert result['msg'] == 'weekly Monitor blackout, Sunday 02:00 to Sunday 04:00 on 3 monitors: 2 created, 1 unchanged'


def test_many_monitors_in_parallel(capsys):
    ids = list(range(200001, 200007))
    session = FakeSession(token_reply(), page([]), *[(200, {'id': str(4200 + n)}) for n in range(6)])
    session.add(page([dict(WEEKLY_ON_API, id=4200 + n, assoc_id=i) for n, i in enumerate(ids)]))
    result, failed = run(session, capsys, WEEKLY, monitors=[{'id': i} for i in ids])
    assert not failed
    assert sorted(request['json']['assoc_id'] for request in session.requests if request['method'] == 'POST'
                  and request['json'] and 'assoc_id' in request['json']) == ids
    assert result['msg'].endswith('on 6 monitors: 6 created')


def test_a_failed_write_keeps_status_and_api_errors(capsys):
    error = {'errors': [{'code': 400, 'fields': ['assoc_id'], 'message': 'unknown monitor'}]}
    session = FakeSession(token_reply(), page([]), (400, error))
    result, failed = run(session, capsys, WEEKLY, monitors=[{'id': 999}])
    assert failed and result['status'] == 400 and result['api_errors'] == ['assoc_id: unknown monitor']
    assert result['msg'] == 'POST /blackouts failed with HTTP 400: assoc_id: unknown monitor'
    assert 'Sup3rSecret!' not in str(result)


def test_recipients_by_name(capsys):
    recipients = page([{'id': 77, 'name': 'On-call phone', 'method_id': 6}])
    stored = {'id': 4300, 'type': 'Recipient', 'assoc_id': 77, 'persistent': False, 'from_date': '2030-07-01 00:00:00',
              'thru_date': '2030-07-15 00:00:00', 'note': 'holiday'}
    session = FakeSession(token_reply(), recipients, page([]), (200, {'id': '4300'}), (200, stored))
    result, failed = run(session, capsys, type='Notifier', recipients=[{'name': 'On-call phone'}],
                         start='2030-07-01 00:00', minutes=20160, note='holiday')
    assert not failed and result['changed']
    assert session.calls()[1:3] == [('GET', '/recipients'), ('GET', '/blackouts')]
    assert session.requests[3]['json']['type'] == 'Notifier' and session.requests[3]['json']['assoc_id'] == 77
    assert result['blackouts'][0]['type'] == 'Notifier'
    # rerun: the API's "Recipient" is the same window
    session = FakeSession(token_reply(), recipients, page([stored]))
    result, failed = run(session, capsys, type='Notifier', recipients=[{'name': 'On-call phone'}],
                         start='2030-07-01 00:00', minutes=20160, note='holiday')
    assert not failed and not result['changed'] and session.writes() == []


def test_a_value_the_api_did_not_keep_is_warned_about(capsys):
    session = FakeSession(token_reply(), page([]), (200, {'id': '4001'}), (200, dict(WEEKLY_ON_API, note='patchin')))
    result, failed = run(session, capsys, WEEKLY)
    assert not failed and result['changed']
    assert 'note: the API did not keep the value sent' in str(result['warnings'])


def test_absent_by_note_when_nothing_matches_names_the_note(capsys):
    session = FakeSession(token_reply(), page([WEEKLY_ON_API]))
    result, failed = run(session, capsys, type='Monitor', monitors=[{'id': 100001}], note='deploy 7', state='absent')
    assert not failed and not result['changed'] and session.writes() == []
    assert result['msg'] == "No Monitor blackout 'deploy 7' of monitor 100001 exists: nothing to delete"


def test_absent_by_note_alone_deletes_weekly_windows_with_that_note_too(capsys):
    session = FakeSession(token_reply(), page([WEEKLY_ON_API, dict(WEEKLY_ON_API, id=4005, note='other')]), (204, None))
    result, failed = run(session, capsys, type='Monitor', monitors=[{'id': 100001}], note='patching', state='absent')
    assert not failed and result['changed']
    assert session.writes() == [('DELETE', '/blackouts/4001')]


@pytest.mark.parametrize('check_mode', [False, True])
def test_a_window_in_force_is_not_given_another_start(capsys, check_mode):
    """Replacing a running window would end the silence now: refused before any write, in check mode too."""
    session = FakeSession(token_reply(), page([IN_FORCE_ON_API]))
    result, failed = run(session, capsys, _ansible_check_mode=check_mode, type='Alert', monitors=[{'id': 100001}],
                         start='2026-12-02 13:00', minutes=60, note='deploy 1234')
    assert failed and session.writes() == []
    assert result['msg'] == (
        "one-time Alert blackout 'deploy 1234' of monitor 100001, 2026-12-02 11:50:00 to 2026-12-02 12:20:00 (id 4004) "
        'is in force (it is 2026-12-02 12:00:00 in UTC) and cannot be given another start: replacing it would end the '
        'silence now and start the new one at 2026-12-02 13:00:00. Nothing was changed. To end it first, run a task '
        "with state=absent and note 'deploy 1234'; to add the new window beside it, give the new one another note; "
        'or run this task again after it ends at 2026-12-02 12:20:00')


def test_a_window_to_come_is_still_replaced(capsys):
    new = dict(ONCE_ON_API, id=4011, from_date='2030-06-02 22:00:00', thru_date='2030-06-02 23:00:00')
    session = FakeSession(token_reply(), page([ONCE_ON_API]), (204, None), (200, {'id': '4011'}), (200, new))
    result, failed = run(session, capsys, type='Alert', monitors=[{'id': 100001}], from_date='2030-06-02 22:00:00',
                         thru_date='2030-06-02 23:00:00', note='deploy 1234')
    assert not failed and session.writes() == [('DELETE', '/blackouts/4002'), ('POST', '/blackouts')]


def test_a_window_from_now_is_dated_again_for_each_post(capsys, monkeypatch):
    """After a 429, the POST sent again carries the dates of its own moment: those of the first attempt may have
    passed while it waited."""
    readings = []

    def clock():  # every reading of the clock is 15 seconds after the one before
        readings.append(NOON + datetime.timedelta(seconds=15 * len(readings)))
        return readings[-1]

    monkeypatch.setattr(blackouts, 'utc_now', clock)
    throttled = FakeResponse(429, {'errors': [{'code': 429, 'message': 'slow down'}]}, headers={'Retry-After': '0'})
    created = dict(ONCE_ON_API, id=4030, from_date='2026-12-02 12:00:40', thru_date='2026-12-02 12:30:40')
    session = FakeSession(token_reply(), page([]), throttled, (200, {'id': '4030'}), (200, created))
    result, failed = run(session, capsys, _ansible_diff=True, type='Alert', monitors=[{'id': 100001}], start='now',
                         minutes=30, note='deploy 1234')
    assert not failed and result['changed']
    posts = [request['json'] for request in session.requests if request['method'] == 'POST' and request['json']
             and 'assoc_id' in request['json']]
    assert [(post['from_date'], post['thru_date']) for post in posts] == [
        ('2026-12-02 12:00:25', '2026-12-02 12:30:25'), ('2026-12-02 12:00:40', '2026-12-02 12:30:40')]
    assert result['msg'] == ("Created one-time Alert blackout 'deploy 1234' of monitor 100001, 2026-12-02 12:00:40 to "
                             '2026-12-02 12:30:40 (id 4030)')
    assert result['diff'][0]['after']['from_date'] == '2026-12-02 12:00:40'
    assert result['blackouts'] == [created]
