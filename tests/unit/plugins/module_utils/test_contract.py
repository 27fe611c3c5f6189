# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The read-only contract check (contract.py): shapes without values, readings of paging, exit statuses."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import io

import pytest
import requests

from ansible_collections.community.alertsite.plugins.module_utils import contract
from ansible_collections.community.alertsite.plugins.module_utils.contract import ContractCheck, Endpoint, json_type, run, shape
from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import BLACKOUT, READ_ALIASES
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ROUNDTRIP, TCP
from ansible_collections.community.alertsite.plugins.module_utils.readback import shown
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT, RECIPIENT_GROUP
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse, FakeSession, page

SECRETS = ('s3cret-pass', 'abcdef0123456789', '100001', '100002', 'web-443', 'host.example.net', 'rt@example.net')
TCP_MONITOR = {'id': 100001, 'type': 'tcp', 'name': 'web-443', 'hostname': 'host.example.net', 'port': 443,
               'billing_plancode': 'UBM - A/A', 'note': '', 'sla_id': None,
               'locations': [{'id': 10, 'name': 'Fort Lauderdale (FL)', 'region': 1}]}
RT_MONITOR = {'id': 100002, 'type': 'email-round-trip', 'name': 'rt', 'email': 'rt@example.net', 'interval': '15',
              'billing_plancode': 'UBM - A/A', 'email_password': 'masked'}
ENV = {'ALERTSITE_API_URL': 'https://alertsite.test/api/v3', 'ALERTSITE_USERNAME': 'u', 'ALERTSITE_PASSWORD': 's3cret-pass'}


def monitors(kinds):
    """The endpoint /monitors with only ``kinds`` {API type: kind}."""
    return [Endpoint('/monitors', 'monitor', kinds, {})]


def checked(*replies, **options):
    """Run the check against ``replies`` (after the login) with ``options`` endpoints (default /monitors with
    only TCP) and env."""
    session = FakeSession(FakeResponse(200, {'access_token': 'abcdef0123456789'}), *replies)
    out = io.StringIO()
    status = run(options.get('env', ENV), out, session=session, endpoints=options.get('endpoints', monitors({'tcp': TCP})))
    text = ' '.join(out.getvalue().split())  # long lines are wrapped
    for secret in SECRETS:
        assert secret not in text
    assert all(method == 'GET' for method, path in session.calls()[1:])
    return status, text, session


def test_shapes_show_types_never_values():
    assert shape({'b': 1, 'a': 'x', 'c': None, 'd': True, 'e': 1.5}) == \
        'object {a: string, b: integer, c: null, d: boolean, e: number}'
    assert shape([{'id': 1}, {'id': '2', 'name': 'n'}]) == 'array of 2 objects {id: integer|string of digits, name: string}'
    assert shape([1, 'a']) == 'array of 2 integer|string'
    assert shape({'100001': {'x': 1}, 'ok': []}) == 'object {(other key): object {x: integer}, ok: empty array}'
    assert shape({'a': {'b': {'c': {'d': 1}}}}) == 'object {a: object {b: object {c: object of 1 key}}}'
    assert json_type('') == 'empty string' and json_type('0042') == 'string of digits' and json_type(object()) == 'other'


def test_the_report_of_an_account_read_as_documented():
    status, text, session = checked(
        page([TCP_MONITOR, RT_MONITOR], 3), page([dict(TCP_MONITOR, id=100003)], 3, 2),
        page([TCP_MONITOR, RT_MONITOR, dict(TCP_MONITOR, id=100003)], 3),
        page([TCP_MONITOR], 2), FakeResponse(200, TCP_MONITOR))
    assert status == 0
    assert [(r['params'].get('type'), r['params'].get('limit'), r['params'].get('offset')) for r in session.requests[1:]] == [
        (None, 2, 0), (None, 2, 2), (None, None, None), ('tcp', 1, None), (None, None, None)]
    assert session.calls()[-1] == ('GET', '/monitors/100001')
    assert 'Login: POST /access-tokens answered object {access_token: string}' in text
    assert 'limit=2&offset=2: 1 results, count 3, 0 of them also on the first page' in text
    assert 'Reading: limit: honoured; offset: honoured; count: the total (larger than its page)' in text
    assert 'Listed items carry type: yes' in text
    assert 'the listed item has the same keys and JSON types' in text
    assert 'declared fields absent from GET: alert_note, allow_internal_testing' in text
    assert 'locations: array of 1 objects {id: integer, name: string, region: integer}' in text
    assert text.rstrip().endswith('it holds no secret, id, name or address.')


def test_the_report_of_count_is_page_numbers_as_strings_and_no_type():
    def untyped(monitor):
        return dict((key, value) for key, value in monitor.items() if key != 'type')
    as_strings = dict(TCP_MONITOR, id='100001', port='443', sla_id='')
    status, text, session = checked(
        page([untyped(as_strings), untyped(RT_MONITOR)], 2), page([untyped(RT_MONITOR)], 1, 2),
        page([untyped(as_strings), untyped(RT_MONITOR), untyped(RT_MONITOR)], 3),
        page([untyped(as_strings)], 1), FakeResponse(200, as_strings))
    assert status == 0
    assert 'count: equals its page (the size of the page, or a total that fits one page)' in text
    assert 'offset: overlapping pages' in text
    assert 'Listed items carry type: no' in text
    assert 'Listed ids are: integer|string of digits' in text
    assert 'keys the listed item lacks: type' in text
    assert 'declared fields of another JSON type: port: string of digits (declared integer)' in text


def test_the_report_of_ignored_offset_and_ignored_limit():
    everything = [TCP_MONITOR, RT_MONITOR, dict(TCP_MONITOR, id=100003)]
    status, text, dummy = checked(FakeResponse(200, everything), FakeResponse(200, everything), FakeResponse(200, everything),
                                  FakeResponse(200, []))
    assert 'Listing: GET /monitors?limit=2&offset=0 -> a bare JSON list (no envelope)' in text
    assert ('Reading: limit: ignored (3 results for limit=2); offset: ignored (offset=2 repeats the first page); '
            'count: absent') in text
    assert 'tcp: the account has none' in text


def test_the_report_of_refused_paging():
    refused = FakeResponse(400, {'errors': [{'code': 400, 'message': 'unsupported query parameter', 'fields': ['limit']}]})
    status, text, session = checked(refused, refused, page([TCP_MONITOR], 1), refused, page([TCP_MONITOR], 1),
                                    FakeResponse(200, TCP_MONITOR))
    assert status == 0
    assert 'limit=2&offset=0: HTTP 400 naming limit/offset' in text
    assert 'Reading: the API refuses limit/offset (or one of them); without them it answers 1 results' in text
    # the type's listing with limit=1 is refused too: it is made without paging
    assert [r['params'] for r in session.requests[4:6]] == [{'type': 'tcp', 'limit': 1}, {'type': 'tcp'}]
    assert 'the listed item has the same keys and JSON types' in text
    assert 'unsupported query parameter' not in text


def test_a_type_whose_listing_fails_says_so():
    failing = FakeResponse(403, {'errors': [{'code': 403, 'message': 'web-443 is not yours'}]})
    status, text, session = checked(page([]), page([]), page([]), failing)
    assert status == 0
    assert 'tcp: listing failed: HTTP 403' in text


def test_an_account_with_too_few_monitors_to_judge_paging():
    status, text, dummy = checked(page([TCP_MONITOR]), page([]), page([TCP_MONITOR]), page([{'name': 'no id'}]))
    assert 'Reading: the account has 1 monitors, too few to judge paging (3 or more needed)' in text
    assert 'tcp: the listed item has no id; listed item name: string' in text


def test_write_only_fields_returned_by_get_are_named_without_their_value():
    status, text, dummy = checked(page([]), page([]), page([]), page([RT_MONITOR]), FakeResponse(200, RT_MONITOR),
                                  endpoints=monitors({'email-round-trip': ROUNDTRIP}))
    assert 'write-only fields returned by GET (values not shown): email_password' in text
    assert 'declared fields of another JSON type: interval: string of digits (declared integer)' in text
    assert 'masked' not in text


def test_a_failed_read_by_id_shows_only_its_status():
    status, text, dummy = checked(page([]), page([]), page([]), page([TCP_MONITOR]),
                                  FakeResponse(404, {'errors': [{'code': 404, 'message': 'web-443 not found'}]}))
    assert 'tcp: GET /monitors/{id} failed: HTTP 404' in text


def test_a_failed_login_stops_the_check_with_status_1():
    session = FakeSession(FakeResponse(400, {'errors': [{'message': 'invalid_request - User authentication failed.'}]}))
    out = io.StringIO()
    assert run(ENV, out, session=session) == 1
    assert out.getvalue().splitlines()[-1] == 'Login: POST /access-tokens failed: HTTP 400; nothing else was checked'
    assert len(session.requests) == 1


def test_a_login_reply_without_token_stops_the_check():
    session = FakeSession(FakeResponse(200, {'token': 'abcdef0123456789'}))
    out = io.StringIO()
    assert run(ENV, out, session=session) == 1
    assert 'The reply holds no access_token string' in out.getvalue()
    assert 'abcdef0123456789' not in out.getvalue()


def test_a_given_token_is_used_without_login():
    # /monitors: 3 listings for paging, one per managed type (14); /recipients and /notifier-groups: 3 + 1 each;
    # /blackouts: 3 + one per type (3); /properties and /slas: 3 + 1 each; then the site-status report (1)
    session = FakeSession(*[page([]) for dummy in range(40)])
    out = io.StringIO()
    env = {'ALERTSITE_API_URL': 'https://alertsite.test/api/v3', 'ALERTSITE_ACCESS_TOKEN': 'abcdef0123456789'}
    assert run(env, out, session=session) == 0
    assert 'Login: not made, an access token was given (ALERTSITE_ACCESS_TOKEN)' in out.getvalue()
    assert session.requests[0]['headers']['Authorization'] == 'Bearer abcdef0123456789'
    assert all(method == 'GET' for method, dummy in session.calls())
    assert session.replies == []
    # every kind the collection manages: its list endpoint, paged and typed as the kind says
    assert sorted(set(path for dummy, path in session.calls())) == ['/blackouts', '/monitors', '/notifier-groups', '/properties',
                                                                    '/recipients', '/report-sitestatus', '/slas']
    assert [r['params'] for r in session.requests if r['url'].endswith('/blackouts')][3:] == [
        {'type': 'Alert', 'limit': 1}, {'type': 'Monitor', 'limit': 1}, {'type': 'Notifier', 'limit': 1}]
    assert [r['params'] for r in session.requests if r['url'].endswith('/recipients')][3:] == [{'limit': 1}]
    for title in ('Monitors: one of each type', 'Recipients: one of them (GET /recipients?limit=1, then GET /recipients/{id})',
                  'Recipient groups: one of them', 'Blackouts: one of each type the collection manages (GET '
                  '/blackouts?type=TYPE&limit=1, then GET /blackouts/{id})'):
        assert title in ' '.join(out.getvalue().split())


@pytest.mark.parametrize('env, problem', [
    ({}, 'set ALERTSITE_USERNAME and ALERTSITE_PASSWORD (or ALERTSITE_ACCESS_TOKEN) in the environment'),
    ({'ALERTSITE_USERNAME': 'u'}, 'set ALERTSITE_USERNAME and ALERTSITE_PASSWORD'),
    (dict(ENV, ALERTSITE_API_URL='ftp://secret-host.example.net'), 'ALERTSITE_API_URL must start with http:// or https://'),
    (dict(ENV, ALERTSITE_API_URL='https://u:s3cret-pass@secret-host.example.net/api/v3'),
     'ALERTSITE_API_URL must not hold a user name or password'),
    (dict(ENV, ALERTSITE_API_URL='https://secret-host.example.net/api/v3?x=1'), 'without a query string'),
    (dict(ENV, ALERTSITE_API_TIMEOUT='ten'), 'ALERTSITE_API_TIMEOUT must be a whole number'),
    (dict(ENV, ALERTSITE_VALIDATE_CERTS='maybe'), 'ALERTSITE_VALIDATE_CERTS must be true or false'),
])
def test_an_incomplete_environment_is_refused_before_any_request(env, problem):
    session = FakeSession()
    out = io.StringIO()
    assert run(env, out, session=session) == 2
    assert out.getvalue().startswith('The contract check cannot run: ')
    assert problem in out.getvalue()
    assert 'secret-host' not in out.getvalue() and 's3cret' not in out.getvalue()
    assert session.requests == []


def test_an_unexpected_error_shows_only_its_kind(monkeypatch):
    def boom(self):
        raise ValueError('web-443 at host.example.net')
    monkeypatch.setattr(ContractCheck, 'paging', lambda self, endpoint: boom(self))
    session = FakeSession(FakeResponse(200, {'access_token': 'abcdef0123456789'}))
    out = io.StringIO()
    assert run(ENV, out, session=session) == 1
    assert out.getvalue().splitlines()[-1] == 'The contract check stopped on an unexpected ValueError'
    assert 'host.example.net' not in out.getvalue()


def test_odd_replies_are_reported_by_their_shape():
    status, text, dummy = checked(
        FakeResponse(200, {'results': [TCP_MONITOR, RT_MONITOR, TCP_MONITOR]}),  # no metadata; a repeated item
        FakeResponse(200, {'monitors': {}}),  # not a list
        FakeResponse(403, {'errors': [{'message': 'no'}]}),
        page([TCP_MONITOR]), FakeResponse(200, ['not', 'an', 'object']))
    assert status == 0
    assert 'Listing: GET /monitors?limit=2&offset=0 -> object {results: array}' in text
    assert 'limit=2&offset=2: not a list: object {monitors: empty object}' in text
    assert 'without limit and offset: HTTP 403' in text
    assert 'Reading: listing fails' in text
    assert 'tcp: GET /monitors/{id} answered array of 3 string' in text


def test_a_count_smaller_than_its_page_and_a_request_without_reply():
    status, text, dummy = checked(
        page([TCP_MONITOR, RT_MONITOR], 1), page([dict(TCP_MONITOR, id=100003)], 1), page([TCP_MONITOR] * 3, 1),
        requests.exceptions.ConnectTimeout('host.example.net:443'), env=dict(ENV, ALERTSITE_API_RETRIES='0'))
    assert 'count: smaller than its page' in text
    assert 'tcp: listing failed: no reply (connection, TLS or timeout failure)' in text


def test_shown_never_shows_a_secret():
    assert shown(Field('token', secret=True), 's3cret-pass') == 'a secret value'
    assert shown(Field('port', 'int'), 443) == '443'


def test_the_environment_is_read_as_the_modules_read_it():
    client = contract.client_from_environment({'ALERTSITE_API_URL': '', 'ALERTSITE_ACCESS_TOKEN': 'Bearer abcdef0123456789',
                                               'ALERTSITE_VALIDATE_CERTS': 'false', 'ALERTSITE_API_TIMEOUT': '7'},
                                              session=FakeSession())
    assert client.api_url == 'https://api.alertsite.com/api/v3'
    assert client.token == 'abcdef0123456789'
    assert client.verify is False and client.timeout == 7 and client.retries == 3


BLACKOUT_WINDOW = {'id': 300001, 'assoc_id': '100001', 'type': 'Monitor', 'persistent': True, 'start_day': 1,
                   'start_time': '02:00', 'end_day': 1, 'end_time': '04:00', 'note': 'web-443 patching'}
RECIPIENT_WINDOW = dict(BLACKOUT_WINDOW, id=300002, assoc_id=100002, type='Recipient', persistent=False,
                        from_date='2030-01-01 00:00:00', thru_date='2030-01-01 01:00:00')


def test_blackouts_read_back_as_recipient_are_named_by_their_alias():
    blackouts = [contract.Endpoint('/blackouts', 'blackout', dict((t, BLACKOUT) for t in BLACKOUT.types), READ_ALIASES)]
    status, text, session = checked(
        page([BLACKOUT_WINDOW, RECIPIENT_WINDOW], 3), page([dict(BLACKOUT_WINDOW, id=300003)], 3, 2),
        page([BLACKOUT_WINDOW, RECIPIENT_WINDOW, dict(BLACKOUT_WINDOW, id=300003)], 3),
        page([]), page([BLACKOUT_WINDOW], 1), FakeResponse(200, BLACKOUT_WINDOW),
        page([RECIPIENT_WINDOW], 1), FakeResponse(200, RECIPIENT_WINDOW), endpoints=blackouts)
    assert status == 0
    assert session.calls()[1:4] == [('GET', '/blackouts')] * 3
    assert 'Reading: limit: honoured; offset: honoured; count: the total (larger than its page)' in text
    assert 'Listed type names: Monitor, Recipient (read as Notifier)' in text
    assert 'Alert: the account has none' in text
    assert 'Notifier: type: written Recipient (read as Notifier)' in text
    assert 'declared fields of another JSON type: assoc_id: string of digits (declared integer)' in text
    assert 'patching' not in text and '300001' not in text and '02:00' not in text


def test_recipients_and_groups_are_read_with_the_clients_paging():
    recipient = {'id': 400001, 'name': 'web-443', 'method_id': 12, 'recipient': 'rt@example.net', 'password': 'masked'}
    group = {'id': 500001, 'name': 'web-443', 'is_default': 'false', 'monitors': [{'id': 100001, 'step_number': 0}],
             'recipients': [{'id': 400001}]}
    endpoints = [contract.Endpoint('/recipients', 'recipient', {None: RECIPIENT}, {}),
                 contract.Endpoint('/notifier-groups', 'recipient group', {None: RECIPIENT_GROUP}, {})]
    status, text, session = checked(
        # a count written as a string is read as the client reads it; a bare list has none
        page([recipient], '1'), page([], '1', 2), page([recipient], '1'), page([recipient], '1'), FakeResponse(200, recipient),
        FakeResponse(200, [group]), FakeResponse(200, []), FakeResponse(200, [group]), FakeResponse(200, [group]),
        FakeResponse(200, group), endpoints=endpoints)
    assert status == 0
    assert 'Reading: the account has 1 recipients, too few to judge paging (3 or more needed)' in text
    assert 'limit=2&offset=0: 1 results, count 1' in text
    assert 'write-only fields returned by GET (values not shown): password' in text
    assert 'Listing: GET /notifier-groups?limit=2&offset=0 -> a bare JSON list (no envelope)' in text
    assert 'Reading: the account has 1 recipient groups' in text
    assert 'declared fields of another JSON type: is_default: string (declared boolean)' in text
    assert session.calls()[-1] == ('GET', '/notifier-groups/500001')
    assert 'masked' not in text and '500001' not in text
