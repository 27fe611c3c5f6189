# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""alertsite_blackouts against a small stateful API: the requests each state sends, what it returns, and the bad
input it refuses before any request."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import datetime

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import blackouts
from ansible_collections.community.alertsite.plugins.modules.alertsite_blackouts import main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
NOON = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=datetime.timezone.utc)  # a Wednesday

MONITORS = [{'id': 100001, 'type': 'tcp', 'name': 'web-443'}, {'id': 100002, 'type': 'email-smtp', 'name': 'mx'},
            {'id': 100003, 'type': 'tcp', 'name': 'twin'}, {'id': 100004, 'type': 'tcp', 'name': 'twin'}]
RECIPIENTS = [{'id': 200001, 'name': 'On-call phone'}]
EMPTY = dict((key, None) for key in ('from_date', 'thru_date', 'start_day', 'start_time', 'end_day', 'end_time', 'note'))

WEEKLY = dict(type='Monitor', monitors=[{'name': 'web-443', 'type': 'tcp'}, {'id': 100002}], start_day='Sunday',
              start_time='02:00', end_day=1, end_time='04:00', note='patching')
MOVE = dict(type='Alert', monitors=[{'id': 100001}], from_date='2030-06-01 22:00:00', thru_date='2030-06-01 23:00:00',
            note='datacenter move')
HOLIDAY = dict(type='Notifier', recipients=[{'name': 'On-call phone'}], start='2030-07-01 00:00', minutes=60)


def weekly(record_id, assoc_id, note='patching', kind='Monitor', start_day=1):
    return dict(EMPTY, id=record_id, type=kind, assoc_id=assoc_id, persistent=True, start_day=start_day,
                start_time='02:00', end_day=start_day, end_time='04:00', note=note)


def once(record_id, assoc_id, first, last, note=None, kind='Alert'):
    return dict(EMPTY, id=record_id, type=kind, assoc_id=assoc_id, persistent=False, from_date=first, thru_date=last,
                note=note)


class FakeApi(FakeSession):
    """Monitors, recipients and blackouts: listings (monitors filtered by type), and the writes of blackouts."""

    def __init__(self, windows=()):
        super(FakeApi, self).__init__()
        self.windows = [copy.deepcopy(window) for window in windows]
        self.next_id = 300100

    def request(self, method, url, params=None, json=None, headers=None, timeout=None, verify=None):
        self.requests.append(dict(method=method, url=url, params=dict(params or {}), json=json))
        path = url.split('/api/v3', 1)[-1]
        if (method, path) == ('POST', '/access-tokens'):
            return token_reply()
        if (method, path) == ('GET', '/monitors'):
            types = [name for name in (params or {}).get('type', '').split(',') if name]
            return page([monitor for monitor in MONITORS if not types or monitor['type'] in types])
        if (method, path) == ('GET', '/recipients'):
            return page(RECIPIENTS)
        if (method, path) == ('GET', '/blackouts'):
            return page(copy.deepcopy(self.windows)) if not (params or {}).get('offset') else page([])
        if (method, path) == ('POST', '/blackouts'):
            if json['assoc_id'] not in [target['id'] for target in MONITORS + RECIPIENTS]:
                return FakeResponse(400, {'errors': [{'code': 400, 'message': 'unknown id %s' % json['assoc_id'],
                                                      'fields': ['assoc_id']}]})
            self.next_id += 1
            self.windows.append(dict(EMPTY, id=self.next_id, **json))
            return FakeResponse(200, {'id': str(self.next_id)})
        return self.by_id(method, path, json)

    def by_id(self, method, path, json):
        found = [window for window in self.windows if '/blackouts/%s' % window['id'] == path]
        if not found:
            return FakeResponse(404, {'errors': [{'code': 404, 'message': 'Record not found'}]})
        if method == 'GET':
            return FakeResponse(200, copy.deepcopy(found[0]))
        if method == 'PATCH':
            found[0].update(json)
            return FakeResponse(200, {'id': str(found[0]['id'])})
        self.windows.remove(found[0])
        return FakeResponse(204)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(blackouts, 'utc_now', lambda: NOON)


def run(session, capsys, **args):
    return run_module(main, dict(AUTH, **args), session, capsys)


def writes(session):
    return [(request['method'], request['url'].split('/api/v3', 1)[-1], request['json']) for request in session.requests
            if request['method'] in ('POST', 'PATCH', 'DELETE') and not request['url'].endswith('/access-tokens')]


# -- converging --------------------------------------------------------------------------------------------------

def test_merged_creates_one_window_per_target_with_exact_bodies_and_a_rerun_writes_nothing(capsys):
    api = FakeApi()
    result, failed = run(api, capsys, config=[WEEKLY, MOVE, HOLIDAY])
    assert not failed and result['changed'], result
    assert writes(api) == [
        ('POST', '/blackouts', {'assoc_id': 100001, 'type': 'Monitor', 'persistent': True, 'start_day': 1,
                                'start_time': '02:00', 'end_day': 1, 'end_time': '04:00', 'note': 'patching'}),
        ('POST', '/blackouts', {'assoc_id': 100002, 'type': 'Monitor', 'persistent': True, 'start_day': 1,
                                'start_time': '02:00', 'end_day': 1, 'end_time': '04:00', 'note': 'patching'}),
        ('POST', '/blackouts', {'assoc_id': 100001, 'type': 'Alert', 'persistent': False,
                                'from_date': '2030-06-01 22:00:00', 'thru_date': '2030-06-01 23:00:00',
                                'note': 'datacenter move'}),
        ('POST', '/blackouts', {'assoc_id': 200001, 'type': 'Notifier', 'persistent': False,
                                'from_date': '2030-07-01 00:00:00', 'thru_date': '2030-07-01 01:00:00'})]
    assert [item['action'] for item in result['results']] == ['create'] * 4
    assert [item['name'] for item in result['results']] == [100001, 100002, 100001, 200001]
    assert result['results'][0]['blackout']['id'] == 300101
    # one listing of the blackouts, one of the monitors named (tcp), one of the recipients, then the writes
    reads = [call for call in api.calls() if call[0] == 'GET']
    assert reads[:3] == [('GET', '/blackouts'), ('GET', '/monitors'), ('GET', '/recipients')]
    assert api.requests[2]['params']['type'] == 'tcp'
    assert result['msg'] == 'merged 4 blackouts: 4 created, 0 updated, 0 deleted, 0 unchanged'

    rerun = FakeApi(api.windows)
    again, failed = run(rerun, capsys, config=[WEEKLY, MOVE, HOLIDAY])
    assert not failed and not again['changed']
    assert writes(rerun) == [] and [item['action'] for item in again['results']] == ['none'] * 4
    # the windows left as they were: named in results, without the window, and not in before
    assert again['before'] == [] and all('blackout' not in item for item in again['results'])
    again, failed = run(FakeApi(api.windows), capsys, config=[WEEKLY, MOVE, HOLIDAY], return_unchanged=True)
    assert not failed and not again['changed'] and [item['blackout']['id'] for item in again['results']] == [
        int(item['id']) for item in again['results']]
    assert again['before'] == [
        {'type': 'Monitor', 'monitors': [{'id': 100001}], 'start_day': 1, 'start_time': '02:00', 'end_day': 1,
         'end_time': '04:00', 'note': 'patching'},
        {'type': 'Monitor', 'monitors': [{'id': 100002}], 'start_day': 1, 'start_time': '02:00', 'end_day': 1,
         'end_time': '04:00', 'note': 'patching'},
        {'type': 'Alert', 'monitors': [{'id': 100001}], 'from_date': '2030-06-01 22:00:00',
         'thru_date': '2030-06-01 23:00:00', 'note': 'datacenter move'},
        {'type': 'Notifier', 'recipients': [{'id': 200001}], 'from_date': '2030-07-01 00:00:00',
         'thru_date': '2030-07-01 01:00:00'}]


def account():
    """Windows of every kind: alike ones on two monitors, two alike on one, a recipient's, one that ended, one in
    force, and one on a monitor whose name another monitor shares."""
    return [weekly(300001, 100001), weekly(300002, 100002), weekly(300003, 100001, note='twice'),
            weekly(300004, 100001, note='twice'), weekly(300005, 200001, note=None, kind='Notifier'),
            once(300006, 100001, '2026-12-01 10:00:00', '2026-12-01 11:00:00', 'ended'),
            once(300007, 100002, '2026-12-02 11:00:00', '2026-12-02 13:00:00', 'in force'),
            once(300008, 100003, '2030-01-01 00:00:00', '2030-01-02 00:00:00')]


def test_gathered_groups_alike_windows_names_targets_and_leaves_ended_windows_out(capsys):
    api = FakeApi(account())
    result, failed = run(api, capsys, state='gathered')
    assert not failed and not result['changed']
    assert result['gathered'] == [
        {'type': 'Monitor', 'monitors': [{'name': 'web-443', 'type': 'tcp'}, {'name': 'mx', 'type': 'email-smtp'}],
         'start_day': 1, 'start_time': '02:00', 'end_day': 1, 'end_time': '04:00', 'note': 'patching'},
        {'type': 'Monitor', 'monitors': [{'name': 'web-443', 'type': 'tcp'}], 'start_day': 1, 'start_time': '02:00',
         'end_day': 1, 'end_time': '04:00', 'note': 'twice'},
        {'type': 'Monitor', 'monitors': [{'name': 'web-443', 'type': 'tcp'}], 'start_day': 1, 'start_time': '02:00',
         'end_day': 1, 'end_time': '04:00', 'note': 'twice'},
        {'type': 'Notifier', 'recipients': [{'name': 'On-call phone'}], 'start_day': 1, 'start_time': '02:00',
         'end_day': 1, 'end_time': '04:00'},
        {'type': 'Alert', 'monitors': [{'name': 'mx', 'type': 'email-smtp'}], 'from_date': '2026-12-02 11:00:00',
         'thru_date': '2026-12-02 13:00:00', 'note': 'in force'},
        {'type': 'Alert', 'monitors': [{'id': 100003}], 'from_date': '2030-01-01 00:00:00',
         'thru_date': '2030-01-02 00:00:00'}]
    assert [call for call in api.calls() if call[0] == 'GET'] == [('GET', '/blackouts'), ('GET', '/monitors'),
                                                                  ('GET', '/recipients')]
    assert writes(api) == []


@pytest.mark.parametrize('state', ['merged', 'replaced', 'overridden'])
def test_gathered_fed_back_writes_nothing(state, capsys):
    gathered, failed = run(FakeApi(account()), capsys, state='gathered')
    api = FakeApi(account())
    result, failed = run(api, capsys, state=state, config=gathered['gathered'])
    assert not failed and not result['changed'], result
    assert writes(api) == []
    assert [item['action'] for item in result['results']] == ['none'] * 7


def test_overridden_deletes_the_live_windows_no_item_claims_never_those_that_ended(capsys):
    api = FakeApi(account())
    result, failed = run(api, capsys, state='overridden', config=[WEEKLY], types=['Alert'], _ansible_diff=True)
    assert not failed and result['changed']
    assert writes(api) == [('DELETE', '/blackouts/300003', None), ('DELETE', '/blackouts/300004', None),
                           ('DELETE', '/blackouts/300007', None), ('DELETE', '/blackouts/300008', None)]
    # the Notifier window is of a type the task is not about; the ended one stays (the API keeps it)
    assert sorted(window['id'] for window in api.windows) == [300001, 300002, 300005, 300006]
    assert result['diff'][0]['before_header'] == 'weekly Monitor blackout of monitor 100001, Sunday 02:00 to Sunday 04:00 (id 300003)'


def test_check_mode_writes_nothing_and_predicts(capsys):
    api = FakeApi(account())
    result, failed = run(api, capsys, state='overridden', config=[WEEKLY], types=['Alert'], _ansible_check_mode=True)
    assert not failed and result['changed'] and writes(api) == []
    assert [command['method'] for command in result['commands']] == ['DELETE'] * 4
    assert 'check mode' in result['msg']


def test_replaced_clears_the_note_of_a_weekly_window_the_item_leaves_out(capsys):
    api = FakeApi([weekly(300001, 100001)])
    item = dict(WEEKLY, monitors=[{'id': 100001}], note=None)
    merged, failed = run(api, capsys, config=[item])
    assert not failed and not merged['changed'] and writes(api) == []
    result, failed = run(api, capsys, state='replaced', config=[item])
    assert not failed and result['changed']
    assert writes(api) == [('PATCH', '/blackouts/300001', {'note': None})]
    assert result['after'] == [{'type': 'Monitor', 'monitors': [{'id': 100001}], 'start_day': 1, 'start_time': '02:00',
                                'end_day': 1, 'end_time': '04:00'}]


def test_a_one_time_window_given_other_dates_is_created_then_the_old_one_deleted(capsys):
    api = FakeApi([once(300001, 100001, '2030-06-01 22:00:00', '2030-06-01 23:00:00', 'datacenter move')])
    result, failed = run(api, capsys, config=[dict(MOVE, thru_date='2030-06-02 01:00:00')])
    assert not failed and result['changed']
    assert writes(api) == [
        ('POST', '/blackouts', {'assoc_id': 100001, 'type': 'Alert', 'persistent': False,
                                'from_date': '2030-06-01 22:00:00', 'thru_date': '2030-06-02 01:00:00',
                                'note': 'datacenter move'}),
        ('DELETE', '/blackouts/300001', None)]
    assert [item['action'] for item in result['results']] == ['create', 'delete']


def test_a_window_in_force_is_not_replaced_and_the_item_fails_alone(capsys):
    api = FakeApi([once(300001, 100001, '2026-12-02 11:00:00', '2026-12-02 13:00:00', 'deploy')])
    item = dict(type='Alert', monitors=[{'id': 100001}], from_date='2026-12-02 15:00:00',
                thru_date='2026-12-02 16:00:00', note='deploy')
    result, failed = run(api, capsys, state='overridden', config=[item, dict(WEEKLY, monitors=[{'id': 100002}])])
    assert failed
    assert "config[0]: one-time Alert blackout 'deploy' of monitor 100001" in result['msg']
    assert 'is in force (it is 2026-12-02 12:00:00 in UTC) and cannot be given another start' in result['msg']
    # the other item converged; nothing was deleted because an item failed
    assert writes(api) == [('POST', '/blackouts', {'assoc_id': 100002, 'type': 'Monitor', 'persistent': True,
                                                   'start_day': 1, 'start_time': '02:00', 'end_day': 1,
                                                   'end_time': '04:00', 'note': 'patching'})]


def test_an_unknown_or_shared_name_fails_its_item_and_overridden_then_deletes_nothing(capsys):
    api = FakeApi([weekly(300001, 100002, note='extra')])
    config = [dict(WEEKLY, monitors=[{'name': 'twin', 'type': 'tcp'}]), dict(WEEKLY, monitors=[{'id': 100001}]),
              dict(WEEKLY, monitors=[{'name': 'gone', 'type': 'tcp'}])]
    result, failed = run(api, capsys, state='overridden', config=config)
    assert failed
    assert "2 tcp monitors are named 'twin' (ids 100003, 100004): give the id instead" in result['msg']
    assert "config[2]: monitors[0]: no tcp monitor 'gone' exists" in result['msg']
    assert [write[0] for write in writes(api)] == ['POST']
    assert [item.get('skipped') for item in result['results']] == [None, None, None, True]


def test_a_create_the_api_refuses_fails_the_task_and_overridden_then_deletes_nothing(capsys):
    api = FakeApi([weekly(300001, 100002, note='extra')])
    config = [dict(WEEKLY, monitors=[{'id': 100001}]), dict(WEEKLY, monitors=[{'id': 999999}])]
    result, failed = run(api, capsys, state='overridden', config=config)
    assert failed and result['status'] == 400 and result['api_errors']
    assert [write[0] for write in writes(api)] == ['POST', 'POST']
    assert [(item['action'], item.get('failed'), item.get('skipped')) for item in result['results']] == [
        ('create', None, None), ('create', True, None), ('delete', None, True)]
    assert [window['id'] for window in api.windows] == [300001, 300101]


def test_a_one_time_item_wholly_in_the_past_does_nothing_and_warns(capsys):
    api = FakeApi()
    item = dict(MOVE, from_date='2026-01-01 10:00:00', thru_date='2026-01-01 11:00:00')
    result, failed = run(api, capsys, config=[item])
    assert not failed and not result['changed'] and writes(api) == []
    assert ("config[0] (Alert blackout 'datacenter move'): one-time Alert blackout 'datacenter move' of monitor 100001, "
            "2026-01-01 10:00:00 to 2026-01-01 11:00:00 lies in the past (it is 2026-12-02 12:00:00 in UTC): a window "
            "that ended is history; nothing to do") in str(result['warnings'])


def test_a_window_in_force_that_was_ended_early_is_not_created_again(capsys):
    api = FakeApi(account())
    gathered, failed = run(api, capsys, state='gathered', types=['Alert'])
    run(api, capsys, state='deleted', config=[{'type': 'Alert', 'monitors': [{'id': 100002}], 'note': 'in force'}])
    assert writes(api)[-1] == ('DELETE', '/blackouts/300007', None)
    result, failed = run(api, capsys, state='overridden', config=gathered['gathered'], types=['Alert'])
    assert not failed and not result['changed'], result
    assert [write[0] for write in writes(api)] == ['DELETE']
    assert ("one-time Alert blackout 'in force' of monitor 100002, 2026-12-02 11:00:00 to 2026-12-02 13:00:00 has begun "
            "and does not exist (it was ended early, or deleted)") in str(result['warnings'])


def test_an_item_may_give_its_own_time_zone(capsys):
    api = FakeApi()
    item = dict(HOLIDAY, recipients=[{'id': 200001}], start='2030-07-01 00:00+02:00', timezone='Europe/Berlin')
    result, failed = run(api, capsys, config=[item, dict(item, timezone=None, note='in UTC')])
    assert not failed
    assert [(body['from_date'], body.get('note')) for method, path, body in writes(api)] == [
        ('2030-07-01 00:00:00', None), ('2030-06-30 22:00:00', 'in UTC')]


def test_deleted_by_note_deletes_every_live_window_of_the_targets_with_that_note(capsys):
    api = FakeApi(account())
    result, failed = run(api, capsys, state='deleted', config=[{'type': 'Monitor', 'monitors': [{'id': 100001}],
                                                                'note': 'twice'}])
    assert not failed and result['changed']
    assert writes(api) == [('DELETE', '/blackouts/300003', None), ('DELETE', '/blackouts/300004', None)]


# -- offline states ----------------------------------------------------------------------------------------------

def test_rendered_and_parsed_make_no_request(capsys):
    api = FakeSession()
    rendered, failed = run(api, capsys, state='rendered', config=[dict(WEEKLY, monitors=[{'id': 100001}])])
    assert not failed and rendered['rendered'] == [
        {'method': 'POST', 'path': '/blackouts', 'body': {'assoc_id': 100001, 'type': 'Monitor', 'persistent': True,
                                                          'start_day': 1, 'start_time': '02:00', 'end_day': 1,
                                                          'end_time': '04:00', 'note': 'patching'}}]
    parsed, failed = run(api, capsys, state='parsed', running_config={'results': account()}, types=['Alert'])
    assert not failed and parsed['parsed'] == [
        {'type': 'Alert', 'monitors': [{'id': 100002}], 'from_date': '2026-12-02 11:00:00',
         'thru_date': '2026-12-02 13:00:00', 'note': 'in force'},
        {'type': 'Alert', 'monitors': [{'id': 100003}], 'from_date': '2030-01-01 00:00:00',
         'thru_date': '2030-01-02 00:00:00'}]
    assert api.requests == []


# -- bad input: refused before any request -----------------------------------------------------------------------

BAD_INPUT = [
    ({'config': [dict(WEEKLY, type='Sometimes')]}, 'value of type must be one of: Monitor, Alert, Notifier'),
    ({'config': [dict((key, value) for key, value in WEEKLY.items() if key != 'type')]},
     'missing required arguments: type found in config'),
    ({'config': ['weekly patching']}, 'config[0] must be a dictionary, got str'),
    ({'config': [dict(WEEKLY, monitors=None)]}, 'config[0] (Monitor blackout \'patching\'): monitors is required with type=Monitor'),
    ({'config': [dict(WEEKLY, monitors=[])]}, 'monitors must name at least one monitor'),
    ({'config': [dict(WEEKLY, recipients=[{'id': 5}])]}, 'type=Monitor silences monitors: give monitors, not recipients'),
    ({'config': [dict(WEEKLY, monitors=[{'name': 'web-443'}])]}, 'monitors[0]: name needs type (the API type, such as tcp)'),
    ({'config': [dict(WEEKLY, monitors=[{'id': 5}, {'id': 5}])]}, 'monitors names monitor 5 more than once'),
    ({'config': [dict(WEEKLY, start_day=8)]}, 'config[0] (Monitor blackout \'patching\'): start_day must be a day: 1-7'),
    ({'config': [dict(WEEKLY, start_time=1320)]}, "start_time must be a quoted time such as '22:00'"),
    ({'config': [dict(WEEKLY, end_time='02:00')]}, 'the weekly window starts and ends at the same moment'),
    ({'config': [dict(WEEKLY, from_date='2030-06-01 10:00:00')]}, 'make a weekly window and from_date a one-time window'),
    ({'config': [dict(MOVE, thru_date='2030-06-01 09:00:00')]}, 'from_date (2030-06-01 22:00:00) must be before thru_date'),
    ({'config': [dict(MOVE, from_date='01/06/2030 10:00')]}, "from_date must be a date as the API takes it"),
    ({'config': [dict(MOVE, from_date=None, thru_date=None, start='now', minutes=30, note=None)]},
     'start=now needs note to name the window'),
    ({'config': [dict(MOVE, from_date=None, thru_date=None, start='2030-06-01 10:00')]}, 'start needs minutes'),
    ({'config': [dict(WEEKLY, note='n' * 256)]}, 'note must be at most 255 characters, got 256'),
    ({'config': [dict(WEEKLY, note='')]}, 'note must not be empty'),
    ({'config': [dict(WEEKLY, start_day=None, start_time=None, end_day=None, end_time=None)]},
     'the window needs a schedule'),
    ({'config': [WEEKLY], 'timezone': 'Mars/Olympus_Mons'}, 'timezone must be an IANA time zone name'),
    ({'config': [dict(WEEKLY, timezone='Moon/Tranquility')]},
     "config[0] (Monitor blackout 'patching'): timezone must be an IANA time zone name"),
    ({'config': [dict(WEEKLY, colour='red')]}, 'Unsupported parameters'),
    ({'config': [WEEKLY], 'types': ['Monitor']}, 'types only applies to state=overridden'),
    ({'state': 'overridden', 'config': []}, 'state=overridden with an empty config deletes every blackout of the types'),
    ({'state': 'parsed'}, 'state=parsed needs running_config (a GET /blackouts reply'),
    ({'config': [WEEKLY], 'parallel_writes': 0}, 'parallel_writes must be at least 1, got 0'),
    ({'state': 'deleted', 'config': [dict(WEEKLY, start_day=None, start_time=None, end_day=None, end_time=None,
                                          note=None)]}, 'state=absent needs the window'),
    ({'state': 'rendered', 'config': [WEEKLY]}, 'state=rendered makes no request, so monitors cannot be named'),
    ({'config': [WEEKLY], 'types': ['Sometimes']}, 'value of types must be one or more of: Alert, Monitor, Notifier'),
    ({'config': [WEEKLY], 'prune_notes': ['deploy ']}, 'prune_notes is only for state=overridden'),
    ({'state': 'overridden', 'config': [WEEKLY], 'prune_notes': ['deploy (']}, "prune_notes[0]: 'deploy (' is no regular expression"),
]


@pytest.mark.parametrize('args, expect', BAD_INPUT, ids=[expect[:40] for args, expect in BAD_INPUT])
def test_bad_input_is_refused_before_any_request(args, expect, capsys, clean_environment):
    session = FakeSession()
    result, failed = run(session, capsys, **args)
    assert failed, result
    assert expect in result['msg']
    assert session.requests == []


def test_there_are_enough_bad_input_rows():
    assert len(BAD_INPUT) >= 15
