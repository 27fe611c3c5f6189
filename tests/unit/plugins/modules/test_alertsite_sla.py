# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

from ansible_collections.community.alertsite.plugins.modules.alertsite_sla import main
from ansible_collections.community.alertsite.plugins.modules.alertsite_sla_info import main as info_main
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeSession,
    page,
    run_module,
    token_reply,
)

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'username': 'ops@example.com', 'password': 'Sup3rSecret!'}
OUTAGE = {'from_date': '2026-10-20 04:17:00', 'thru_date': '2026-10-20 04:25:00', 'note': 'ISP outage'}
HELD = {'id': 700001, 'monitor_id': 123456, 'monitor_name': 'Home page', 'name': 'Home SLA', 'availability': 97,
        'response_time': 2, 'secondary_response_time': 0, 'uptime': 99.5,
        'operating_periods': [{'id': 3214, 'exclude': False, 'from_day': 1, 'from_time': '00:00', 'thru_day': 7,
                               'thru_time': '23:59'}],
        'exclusions': [dict(OUTAGE, id=2413, location_id=None, location_description='-- All --')]}
MONITOR = {'id': 123456, 'type': 'website', 'name': 'Home page', 'mode': 'Primary', 'locations': [{'id': 10}]}


def test_create_reads_the_monitor_and_sends_only_what_is_set(capsys):
    created = dict(HELD, exclusions=[])
    session = FakeSession(token_reply(), page([]), (200, MONITOR), (200, {'id': '700001'}), (200, created))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, name='Home SLA', availability=97.0,
                                           response_time=2.0), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('POST', '/slas')]
    assert session.requests[3]['json'] == {'monitor_id': 123456, 'name': 'Home SLA', 'availability': 97,
                                           'response_time': 2}


def test_reordered_exclusions_and_the_default_period_write_nothing(capsys):
    other = {'from_date': '2026-11-01 00:00:00', 'thru_date': '2026-11-02 00:00:00', 'location_id': 10}
    held = dict(HELD, exclusions=HELD['exclusions'] + [dict(other, id=2414, note='')])
    session = FakeSession(token_reply(), page([held]))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, availability=97.000, operating_periods=[],
                                           exclusions=[other, OUTAGE]), session, capsys)
    assert not failed and result['changed'] is False
    assert session.writes() == []


def test_one_exclusion_added_is_one_patch_of_the_whole_array(capsys):
    new = {'from_date': '2026-11-01 00:00:00', 'thru_date': '2026-11-02 00:00:00'}
    after = copy.deepcopy(HELD)
    after['exclusions'].append(dict(new, id=2415, location_id=None, note=None))
    session = FakeSession(token_reply(), page([HELD]), (200, {'id': '700001'}), (200, after))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, exclusions=[OUTAGE, new]), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('PATCH', '/slas/700001')]
    sent = session.requests[2]['json']
    assert list(sent) == ['exclusions']
    assert sorted(sent['exclusions'], key=repr) == sorted([dict(OUTAGE, location_id=None), dict(new, location_id=None)],
                                                          key=repr)


def test_uptime_on_a_monitor_outside_the_sla_mode_is_refused_before_any_write(capsys):
    session = FakeSession(token_reply(), page([HELD]), (200, MONITOR))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, uptime=99.9), session, capsys)
    assert failed and 'uptime applies only to monitors in the SLA mode' in result['msg']
    assert session.writes() == []


def test_an_exclusion_at_a_location_the_monitor_does_not_use_is_refused(capsys):
    session = FakeSession(token_reply(), page([HELD]), (200, MONITOR))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, exclusions=[dict(OUTAGE, location_id=20)]),
                                session, capsys)
    assert failed and 'location_id 20 is not among the locations' in result['msg']
    assert session.writes() == []


def test_absent_deletes_and_no_sla_is_no_change(capsys):
    session = FakeSession(token_reply(), page([HELD]), (204, None))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, state='absent'), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('DELETE', '/slas/700001')]
    session = FakeSession(token_reply(), page([]))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, state='absent'), session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []


def test_monitor_by_name_and_type_is_resolved_with_one_listing(capsys):
    session = FakeSession(token_reply(), page([MONITOR]), page([HELD]))
    result, failed = run_module(main, dict(AUTH, monitor={'name': 'Home page', 'type': 'website'}, name='Home SLA'),
                                session, capsys)
    assert not failed and result['changed'] is False
    assert [call[1] for call in session.calls()[1:]] == ['/monitors', '/slas']


def test_info_filters_by_monitor(capsys):
    other = dict(HELD, id=700002, monitor_id=5)
    session = FakeSession(token_reply(), page([HELD, other]))
    result, failed = run_module(info_main, dict(AUTH, monitor={'id': 123456}), session, capsys)
    assert not failed and [sla['id'] for sla in result['slas']] == [700001]
    assert session.requests[1]['params']['monitor_id'] == 123456


def test_append_sends_one_bulk_edit_with_only_what_each_sla_lacks(capsys):
    other = dict(HELD, id=700002, monitor_id=5, exclusions=[])
    after = [dict(HELD), dict(other, exclusions=[dict(OUTAGE, id=1)])]
    session = FakeSession(token_reply(), page([HELD, other]), (200, {}), page(after))
    result, failed = run_module(main, dict(AUTH, monitors=[{'id': 123456}, {'id': 5}], exclusions_mode='append',
                                           exclusions=[OUTAGE]), session, capsys)
    assert not failed and result['changed'] is True
    assert session.writes() == [('POST', '/slas/bulk-edit')]
    body = session.requests[2]['json']
    assert body['monitors'] == [5] and body['update_exclusions_action'] == 'append'
    assert body['exclusions'] == [dict(OUTAGE, location_id=None)]
    assert not body['update_sla_objectives'] and not body['update_operating_periods'] and body['update_exclusions']


def test_append_to_slas_that_hold_it_writes_nothing(capsys):
    session = FakeSession(token_reply(), page([HELD]))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, exclusions_mode='append', exclusions=[OUTAGE]),
                                session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []


def test_append_to_a_monitor_without_an_sla_fails_before_any_write(capsys):
    session = FakeSession(token_reply(), page([HELD]))
    result, failed = run_module(main, dict(AUTH, monitors=[{'id': 123456}, {'id': 9}], exclusions_mode='append',
                                           exclusions=[OUTAGE]), session, capsys)
    assert failed and result['msg'] == 'monitors without an SLA (create it first): 9'
    assert session.writes() == []


def test_monitors_without_append_and_objectives_with_append_are_refused(capsys):
    session = FakeSession()
    result, failed = run_module(main, dict(AUTH, monitors=[{'id': 1}], exclusions=[OUTAGE]), session, capsys)
    assert failed and 'monitors needs exclusions_mode=append' in result['msg']
    result, failed = run_module(main, dict(AUTH, monitor={'id': 1}, exclusions_mode='append', availability=99.0,
                                           exclusions=[OUTAGE]), session, capsys)
    assert failed and 'it takes no availability' in result['msg']
    assert session.requests == []


def test_the_sla_is_found_with_one_filtered_get_whatever_its_form(capsys):
    for reply in (page([HELD]), (200, HELD), (200, [HELD])):
        session = FakeSession(token_reply(), reply)
        result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, name='Home SLA'), session, capsys)
        assert not failed and result['changed'] is False and result['sla']['id'] == 700001
        assert session.calls()[1:] == [('GET', '/slas')]
        assert session.requests[1]['params'] == {'monitor_id': 123456}


def test_a_404_or_an_empty_list_for_the_monitor_is_no_sla(capsys):
    for reply in ((404, {'message': 'Not found'}), page([])):
        session = FakeSession(token_reply(), reply)
        result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, state='absent'), session, capsys)
        assert not failed and result['changed'] is False and session.writes() == []


def test_two_slas_for_one_monitor_fail_naming_them_before_any_write(capsys):
    session = FakeSession(token_reply(), page([HELD, dict(HELD, id=700009)]))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, name='Other'), session, capsys)
    assert failed and 'monitor 123456 has 2 SLAs (ids 700001, 700009)' in result['msg']
    assert session.writes() == []


def test_use_fullpage_time_that_does_not_read_back_warns_and_is_not_sent_again(capsys):
    created = dict(HELD, exclusions=[])
    session = FakeSession(token_reply(), page([]), (200, MONITOR), (200, {'id': '700001'}), (200, created))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, name='Home SLA', availability=97.0,
                                           response_time=2.0, use_fullpage_time=True), session, capsys)
    assert not failed and session.requests[3]['json']['use_fullpage_time'] is True
    assert 'use_fullpage_time: it was sent, but the API does not return it' in str(result['warnings'])
    session = FakeSession(token_reply(), page([created]), (200, created))
    result, failed = run_module(main, dict(AUTH, monitor={'id': 123456}, name='Home SLA', use_fullpage_time=True),
                                session, capsys)
    assert not failed and result['changed'] is False and session.writes() == []
    assert 'use_fullpage_time: the API does not return it' in str(result['warnings'])
