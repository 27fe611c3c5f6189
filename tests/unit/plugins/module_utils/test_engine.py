# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import threading

import pytest
import requests

from urllib3.exceptions import NewConnectionError

from ansible_collections.community.alertsite.plugins.module_utils import client as client_mod
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteClient, AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    Plan,
    apply_plan,
    id_problems,
    input_problems,
    plan_command,
    plan_diff,
    plan_message,
    plan_object,
    public_object,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import SECRET_MASK, as_int
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR, EMAIL, KIND_OF_TYPE, ROUNDTRIP, TCP
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.runners import resource_argument_spec
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    CONNECTION_ERROR,
    READ_TIMEOUT,
    FakeResponse,
    FakeSession,
    page,
)

TCP_ON_API = {
    'id': 100001, 'type': 'tcp', 'name': 'web', 'billing_plancode': 'UBM - A/A', 'hostname': 'www.example.com',
    'port': 443, 'interval': 5, 'timeout': 30, 'enabled': True, 'resolve_dns': True, 'ipv4': '',
    'locations': [{'id': 20, 'name': 'Atlanta (GA)', 'region': 1}, {'id': 10, 'name': 'Fort Lauderdale (FL)', 'region': 1}],
    'home_location': 10, 'mode': 'Primary', 'access_type': 'Edit', 'has_sla': False,
}


def params(family, **values):
    """Module params as Ansible would give them: every option present, unset ones None."""
    result = dict((name, None) for name in resource_argument_spec(family))
    result.update(values)
    return result


def client_with(*replies):
    session = FakeSession(*replies)
    return AlertSiteClient(api_url='https://alertsite.test/api/v3', access_token='t', session=session,
                           sleep=lambda seconds: None), session


# -- argument spec ---------------------------------------------------------------------------------------

def test_argument_spec_is_built_from_the_declaration():
    spec = resource_argument_spec(TCP)
    assert spec['name'] == dict(type='str')  # optional: id may select the monitor
    assert spec['port'] == dict(type='int')
    assert spec['locations'] == dict(type='list', elements='int')
    assert spec['password']['no_log'] is True
    assert 'protocol' not in spec and 'update_password' not in spec
    email = resource_argument_spec(EMAIL)
    assert email['protocol'] == dict(type='str', required=True, choices=['imap', 'pop3', 'smtp'])
    roundtrip = resource_argument_spec(ROUNDTRIP)
    assert roundtrip['email_password'] == dict(type='str', no_log=True)
    assert roundtrip['update_password'] == dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False)


# -- the user's side -----------------------------------------------------------------------------------

def test_wanted_values_hold_only_what_the_user_set():
    wanted = wanted_values(TCP, params(TCP, name='web', port=443, locations=[20, 10, 20], enabled=False))
    assert wanted == {'name': 'web', 'port': 443, 'locations': [10, 20], 'enabled': False}


@pytest.mark.parametrize('values, message', [
    ({'port': 0}, 'port must be between 1 and 65535, got 0'),
    ({'port': 65536}, 'port must be between 1 and 65535, got 65536'),
    ({'name': '  '}, 'name must not be empty'),
    ({'interval': 0}, 'interval must be at least 1, got 0'),
    ({'locations': []}, 'locations must name at least one location id'),
    ({'locations': [10, -1]}, 'locations must be a list of positive location ids, got [-1]'),
    ({'ipv4': '300.1.1.1'}, "ipv4 must be an IPv4 address such as 203.0.113.5, got '300.1.1.1'"),
    ({'hostname': 'a host'}, "hostname must be a host name or IP address without spaces or slashes, got 'a host'"),
    ({'note': 'x' * 256}, 'note must be at most 255 characters, got 256'),
    ({'alert_note': 'x' * 1001}, 'alert_note must be at most 1000 characters, got 1001'),
])
def test_input_problems_name_the_option(values, message):
    assert input_problems(TCP, values) == [message]


def test_valid_values_have_no_problems():
    assert input_problems(TCP, {'name': 'web', 'port': 65535, 'ipv4': '', 'locations': [10], 'hostname': '10.0.0.1'}) == []


@pytest.mark.parametrize('values, expected', [
    ({'smtp_hostname': 'smtps://smtp.example.com:465'}, []),
    ({'pop3_hostname': 'pop3s://mail.example.com:995'}, []),
    ({'pop3_hostname': 'mail.example.com'}, []),
    ({'smtp_hostname': 'imap://x'}, ["smtp_hostname must be a host name or a URL starting with smtp:// or smtps://, got 'imap://x'"]),
    ({'pop3_hostname': 'pop3s://mail:99999'}, ["pop3_hostname has a port that is not between 1 and 65535 in 'pop3s://mail:99999'"]),
    ({'email': 'nobody'}, ["email must be an email address such as monitor@example.com, got 'nobody'"]),
    ({'interval': 5, 'timeout': 300}, ['interval (5 minutes) must be longer than timeout (300 seconds) for round-trip email monitors']),
    ({'interval': 15, 'timeout': 300}, []),
    ({'interval': 1}, []),
])
def test_roundtrip_checks(values, expected):
    assert input_problems(ROUNDTRIP, values) == expected


# -- planning --------------------------------------------------------------------------------------------

def test_create_needs_the_required_fields():
    with pytest.raises(InputError) as err:
        plan_object(TCP, 'tcp', {'name': 'web', 'hostname': 'h'}, None)
    assert str(err.value) == "missing required options to create tcp monitor 'web': billing_plancode, port"


def test_create_sends_every_wanted_value_in_api_form():
    wanted = {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 80, 'locations': [10, 20]}
    plan = plan_object(TCP, 'tcp', wanted, None)
    assert plan.action == 'create' and plan.changed
    assert plan.payload() == {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 80,
                              'locations': [{'id': 10}, {'id': 20}]}


def test_update_sends_only_the_differing_fields():
    wanted = {'name': 'web', 'port': 8443, 'timeout': 30, 'locations': [10, 20], 'enabled': True}
    plan = plan_object(TCP, 'tcp', wanted, TCP_ON_API)
    assert plan.action == 'update'
    assert plan.payload() == {'port': 8443}
    assert plan.before == {'port': 443}
    assert plan.object_id == '100001'


def test_in_sync_is_nothing_even_when_the_api_uses_strings():
    on_api = dict(TCP_ON_API, port='443', interval='5', enabled='true', locations=[{'id': '10'}, {'id': '20'}])
    wanted = wanted_values(TCP, params(TCP, name='web', port=443, interval=5, enabled=True, locations=[20, 10]))
    plan = plan_object(TCP, 'tcp', wanted, on_api)
    assert plan.action == 'none' and not plan.changed


def test_a_field_the_api_does_not_return_is_handled_like_a_write_only_one():
    # issue 11: it cannot be compared, so it is not sent to an existing monitor unless update_password=always
    on_api = dict(TCP_ON_API)
    assert 'note' not in on_api
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'note': 'hi'}, on_api)
    assert plan.action == 'none' and plan.unreadable == ['note']
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'note': 'hi'}, on_api, update_password='always')
    assert plan.payload() == {'note': 'hi'}


def test_write_only_password_follows_update_password():
    on_api = {'id': 5, 'type': 'email-round-trip', 'name': 'rt', 'email': 'a@example.com'}
    wanted = {'name': 'rt', 'email': 'a@example.com', 'email_password': 'pw'}
    assert plan_object(ROUNDTRIP, 'email-round-trip', wanted, on_api).action == 'none'
    plan = plan_object(ROUNDTRIP, 'email-round-trip', wanted, on_api, update_password='always')
    assert plan.payload() == {'email_password': 'pw'}
    assert plan_diff(plan)['after'] == {'email_password': SECRET_MASK}


def test_roundtrip_checks_use_the_existing_values_when_updating():
    on_api = {'id': 5, 'type': 'email-round-trip', 'name': 'rt', 'interval': 5, 'timeout': 60}
    with pytest.raises(InputError) as err:
        plan_object(ROUNDTRIP, 'email-round-trip', {'name': 'rt', 'timeout': 300}, on_api)
    assert 'interval (5 minutes) must be longer than timeout (300 seconds)' in str(err.value)


def test_absent_plans():
    assert plan_object(TCP, 'tcp', {'name': 'web'}, None, state='absent').action == 'none'
    plan = plan_object(TCP, 'tcp', {'name': 'web'}, TCP_ON_API, state='absent')
    assert plan.action == 'delete' and plan.object_id == '100001'
    diff = plan_diff(plan)
    assert diff['after'] == {} and diff['before']['port'] == 443


# -- finding ----------------------------------------------------------------------------------------------

def test_index_finds_by_type_and_name():
    index = Index(KIND_OF_TYPE.get, [dict(TCP_ON_API), {'id': 2, 'type': 'tcp', 'name': 'other'}])
    assert index.find(TCP, 'tcp', {'name': 'web'})['id'] == 100001
    assert index.find(TCP, 'tcp', {'name': 'missing'}) is None
    assert index.find(EMAIL, 'email-smtp', {'name': 'web'}) is None


def test_index_refuses_to_guess_between_namesakes():
    index = Index(KIND_OF_TYPE.get, [{'id': 1, 'type': 'tcp', 'name': 'dup'}, {'id': 2, 'type': 'tcp', 'name': 'dup'}])
    with pytest.raises(InputError) as err:
        index.find(TCP, 'tcp', {'name': 'dup'})
    assert str(err.value) == "2 tcp monitors are named 'dup' (ids 1, 2): set id to choose one"


def test_index_namesakes_under_other_types():
    index = Index(KIND_OF_TYPE.get, [{'id': 1, 'type': 'email-imap', 'name': 'mx'}, {'id': 2, 'type': 'email-pop', 'name': 'mx'}])
    assert [m['id'] for m in index.namesakes(EMAIL, {'name': 'mx'}, 'email-smtp')] == [1, 2]
    assert [m['id'] for m in index.namesakes(EMAIL, {'name': 'mx'}, 'email-imap')] == [2]


def test_index_load_pages_one_type_filter():
    client, session = client_with(page([{'id': 1, 'name': 'a'}]))
    index = Index.load(client, TCP)
    assert index.find(TCP, 'tcp', {'name': 'a'})['id'] == 1  # a listing of one type may omit 'type'
    assert session.requests[0]['params']['type'] == 'tcp'


# -- applying ---------------------------------------------------------------------------------------------

def test_check_mode_writes_nothing_and_predicts():
    client, session = client_with()
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'port': 8443, 'locations': [30]}, TCP_ON_API)
    outcome = apply_plan(client, plan, check_mode=True)
    predicted = outcome.object
    assert session.requests == []
    assert outcome.sent == ('PATCH', '/monitors/tcp/100001', {'port': 8443, 'locations': [{'id': 30}]})
    assert predicted['port'] == 8443 and predicted['locations'] == [{'id': 30}] and predicted['id'] == 100001


def test_create_then_read_back():
    client, session = client_with((200, {'id': '100009'}), (200, dict(TCP_ON_API, id=100009)))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}, None)
    outcome = apply_plan(client, plan)
    assert session.calls() == [('POST', '/monitors/tcp'), ('GET', '/monitors/100009')]
    assert outcome.object['id'] == 100009 and outcome.object_id == '100009'
    assert plan.object_id is None  # the plan is not changed by carrying it out


def test_update_patches_the_type_path_then_reads_back():
    client, session = client_with((200, {'id': '100001'}), (200, dict(TCP_ON_API, port=8443)))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'port': 8443}, TCP_ON_API)
    assert apply_plan(client, plan).object['port'] == 8443
    assert session.calls() == [('PATCH', '/monitors/tcp/100001'), ('GET', '/monitors/100001')]
    assert session.requests[0]['json'] == {'port': 8443}


def test_delete_tolerates_a_monitor_already_gone():
    client, session = client_with((404, {'errors': [{'code': 404, 'message': 'Record not found'}]}))
    plan = plan_object(TCP, 'tcp', {'name': 'web'}, TCP_ON_API, state='absent')
    assert apply_plan(client, plan).object is None
    assert session.calls() == [('DELETE', '/monitors/100001')]


def test_uncertain_create_looks_again_and_finds_the_monitor():
    client, session = client_with(READ_TIMEOUT, page([dict(TCP_ON_API, id=100010)]), (200, dict(TCP_ON_API, id=100010)))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}, None)
    assert apply_plan(client, plan).object['id'] == 100010
    assert session.writes() == [('POST', '/monitors/tcp')]


def test_uncertain_create_posts_again_only_when_not_found():
    client, session = client_with((500, None), page([]), (200, {'id': '100011'}), (200, dict(TCP_ON_API, id=100011)))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}, None)
    assert apply_plan(client, plan).object['id'] == 100011
    assert session.calls() == [('POST', '/monitors/tcp'), ('GET', '/monitors'), ('POST', '/monitors/tcp'),
                               ('GET', '/monitors/100011')]


def test_create_gives_up_after_the_retries_and_says_nothing_was_created():
    client, session = client_with((500, None), page([]), (500, None), page([]))
    client.retries = 1
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}, None)
    with pytest.raises(AlertSiteError) as err:
        apply_plan(client, plan)
    assert "tcp monitor 'web' does not exist, so nothing was created" in str(err.value)
    assert len(session.writes()) == 2


def test_create_refused_by_the_api_is_not_looked_up():
    client, session = client_with((400, {'errors': [{'code': 400, 'message': 'bad plan'}]}))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}, None)
    with pytest.raises(AlertSiteError):
        apply_plan(client, plan)
    assert session.calls() == [('POST', '/monitors/tcp')]


# -- reporting --------------------------------------------------------------------------------------------

def test_diff_and_message_for_each_action():
    update = plan_object(TCP, 'tcp', {'name': 'web', 'port': 8443, 'timeout': 10}, TCP_ON_API)
    assert plan_diff(update) == {'before': {'port': 443, 'timeout': 30}, 'after': {'port': 8443, 'timeout': 10},
                                 'before_header': "tcp monitor 'web' (id 100001)",
                                 'after_header': "tcp monitor 'web' (id 100001)"}
    assert plan_message(update) == "Updated tcp monitor 'web' (id 100001): port, timeout"
    assert plan_message(update, check_mode=True).startswith('Would update')
    wanted = {'name': 'rt', 'billing_plancode': 'P', 'smtp_hostname': 's', 'pop3_hostname': 'p', 'email': 'a@b.c',
              'email_password': 'pw'}
    create = plan_object(ROUNDTRIP, 'email-round-trip', wanted, None)
    assert plan_diff(create)['before'] == {}
    assert plan_diff(create)['after']['email_password'] == SECRET_MASK
    assert plan_message(create) == "Created email-round-trip monitor 'rt'"
    same = plan_object(TCP, 'tcp', {'name': 'web'}, TCP_ON_API)
    assert plan_message(same) == "tcp monitor 'web' (id 100001) is up to date"
    gone = plan_object(TCP, 'tcp', {'name': 'web'}, None, state='absent')
    assert plan_message(gone, state='absent') == "No tcp monitor 'web' exists: nothing to delete"


def test_public_object_of_any_monitor_drops_every_monitor_kinds_secrets():
    assert public_object(ANY_MONITOR, {'id': 1, 'email_password': 'pw', 'email': 'a@b.c'}) == {'id': 1, 'email': 'a@b.c'}
    assert public_object(ANY_MONITOR, None) == {}
    assert public_object(ROUNDTRIP, {'id': 1, 'email_password': 'pw'}) == {'id': 1}
    assert public_object(TCP, None) == {}


def test_commands_mask_secrets():
    wanted = {'name': 'rt', 'billing_plancode': 'P', 'smtp_hostname': 's', 'pop3_hostname': 'p', 'email': 'a@b.c',
              'email_password': 'pw'}
    create = plan_object(ROUNDTRIP, 'email-round-trip', wanted, None)
    command = plan_command(create)
    assert command['method'] == 'POST' and command['path'] == '/monitors/email-round-trip'
    assert command['body']['email_password'] == SECRET_MASK and command['body']['name'] == 'rt'
    assert plan_command(plan_object(TCP, 'tcp', {'name': 'web'}, TCP_ON_API)) is None
    assert plan_command(plan_object(TCP, 'tcp', {'name': 'web'}, TCP_ON_API, state='absent')) == {
        'method': 'DELETE', 'path': '/monitors/100001'}


@pytest.mark.parametrize('value, expected', [
    ('5', 5), (' 7 ', 7), ('-5', -5), ('--5', '--5'), ('-', '-'), ('', ''), ('\u0665', '\u0665'), (True, 1), (3, 3), ('x', 'x'),
])
def test_as_int_converts_only_plain_integers(value, expected):
    assert as_int(value) == expected


@pytest.mark.parametrize('value, problems', [
    ('123', []), (' 123 ', []), (None, []),
    ('12a', ["id must be a monitor id (digits only), got '12a'"]),
    ('\u0661\u0662', ["id must be a monitor id (digits only), got '\u0661\u0662'"]),
    ('../1', ["id must be a monitor id (digits only), got '../1'"]),
])
def test_ids_are_ascii_digits(value, problems):
    assert id_problems(value) == problems


def test_a_read_back_that_is_not_a_monitor_is_a_clear_error():
    client, session = client_with((200, {'id': '100001'}), (200, None))
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'port': 8443}, TCP_ON_API)
    with pytest.raises(AlertSiteError) as err:
        apply_plan(client, plan)
    assert str(err.value) == 'GET /monitors/100001: the reply is not a monitor: None'


def test_listing_results_that_are_not_objects_are_a_clear_error():
    client, session = client_with(page(['not', 'objects']))
    with pytest.raises(AlertSiteError) as err:
        Index.load(client, TCP)
    assert str(err.value) == 'GET /monitors: the list holds results that are not objects'


def test_unknown_extra_fields_are_carried_but_never_compared():
    on_api = dict(TCP_ON_API, brand_new_field={'nested': [1, 2]}, another=None)
    plan = plan_object(TCP, 'tcp', {'name': 'web', 'port': 443}, on_api)
    assert plan.action == 'none'
    assert Index(KIND_OF_TYPE.get, [on_api]).find(TCP, 'tcp', {'name': 'web'})['brand_new_field'] == {'nested': [1, 2]}


# -- creates: one owner of the retries ---------------------------------------------------------------------

CREATE = {'name': 'web', 'billing_plancode': 'P', 'hostname': 'h', 'port': 1}


def test_a_create_sends_at_most_retries_plus_one_posts_each_after_a_wait_and_a_lookup(fake_client):
    busy = FakeResponse(503, {'errors': [{'code': 503, 'message': 'busy'}]}, headers={'Retry-After': '1'})
    client, session = fake_client(busy, page([]), busy, page([]), busy, page([]), busy, page([]), retries=3)
    with pytest.raises(AlertSiteError) as err:
        apply_plan(client, plan_object(TCP, 'tcp', CREATE, None))
    assert session.calls() == [('POST', '/monitors/tcp'), ('GET', '/monitors')] * 4
    assert client.waits == [1.0] * 4
    assert 'nothing was created' in str(err.value)


def test_a_create_turned_away_is_posted_again_after_retry_after_without_a_lookup(fake_client):
    throttled = FakeResponse(429, {'errors': [{'code': 429, 'message': 'slow down'}]}, headers={'Retry-After': '2'})
    client, session = fake_client(throttled, throttled, (200, {'id': '5'}), (200, dict(TCP_ON_API, id=5)), retries=3)
    assert apply_plan(client, plan_object(TCP, 'tcp', CREATE, None)).object_id == '5'
    assert session.calls() == [('POST', '/monitors/tcp')] * 3 + [('GET', '/monitors/5')]
    assert client.waits == [2.0, 2.0]


def test_a_create_turned_away_holds_every_other_thread_too(fake_client):
    """A 429 on a create pauses the whole client, as one on a PATCH does: a write another thread sends while the
    create waits out its Retry-After waits as long."""
    throttled = FakeResponse(429, {'errors': [{'code': 429, 'message': 'slow down'}]}, headers={'Retry-After': '2'})
    client, session = fake_client(throttled, (200, {'id': '9'}), (200, {'id': '5'}), (200, dict(TCP_ON_API, id=5)),
                                  retries=3)
    waits = client.waits

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 1:  # while the creating thread waits, another one updates a monitor
            other = threading.Thread(target=client.patch, args=('/monitors/tcp/9', {'port': 1}))
            other.start()
            other.join()
    client.sleep = sleep
    assert apply_plan(client, plan_object(TCP, 'tcp', CREATE, None)).object_id == '5'
    assert session.calls() == [('POST', '/monitors/tcp'), ('PATCH', '/monitors/tcp/9'), ('POST', '/monitors/tcp'),
                               ('GET', '/monitors/5')]
    assert len(waits) == 2 and waits[0] == 2.0 and 1.5 < waits[1] <= 2.0


def test_a_create_builds_its_body_again_for_every_attempt(fake_client):
    """A plan's refresh gives the values of the moment each POST is sent; the plan stays as planned, and the
    outcome carries what the POST that went through sent."""
    busy = FakeResponse(503, {'errors': [{'code': 503, 'message': 'busy'}]})
    client, session = fake_client(busy, page([]), (200, {'id': '5'}), (200, dict(TCP_ON_API, id=5, note='second')),
                                  retries=1)
    notes = iter(['first', 'second'])
    plan = Plan(TCP, 'tcp', 'create', CREATE, changes=CREATE, refresh=lambda: {'note': next(notes)})
    outcome = apply_plan(client, plan)
    posts = [request['json'] for request in session.requests if request['method'] == 'POST']
    assert posts == [dict(CREATE, note='first'), dict(CREATE, note='second')]
    assert outcome.changes == dict(CREATE, note='second') and outcome.sent[2] == dict(CREATE, note='second')
    assert plan.changes == CREATE
    assert plan_command(plan) == {'method': 'POST', 'path': '/monitors/tcp', 'body': CREATE}


def test_the_lookup_after_a_5xx_looks_for_the_values_of_that_attempt(fake_client):
    busy = FakeResponse(500, {'errors': [{'code': 500, 'message': 'oops'}]})
    created = dict(TCP_ON_API, id=5, name='web-2')
    client, session = fake_client(busy, page([created]), (200, created), retries=1)
    plan = Plan(TCP, 'tcp', 'create', CREATE, changes=CREATE, refresh=lambda: {'name': 'web-2'})
    assert apply_plan(client, plan).object_id == '5'
    assert session.writes() == [('POST', '/monitors/tcp')]


def test_the_lookup_after_a_5xx_stops_listing_once_the_object_turned_up(fake_client, monkeypatch):
    monkeypatch.setattr(client_mod, 'PAGE_SIZE', 2)
    busy = FakeResponse(500, {'errors': [{'code': 500, 'message': 'oops'}]})
    first = [dict(TCP_ON_API, id=1, name='a'), dict(TCP_ON_API, id=5, name='web')]
    client, session = fake_client(busy, page(first, count=40), (200, dict(TCP_ON_API, id=5)), retries=3)
    assert apply_plan(client, plan_object(TCP, 'tcp', CREATE, None)).object_id == '5'
    assert session.calls() == [('POST', '/monitors/tcp'), ('GET', '/monitors'), ('GET', '/monitors/5')]


def test_a_create_never_sent_is_posted_again(fake_client):
    refused = requests.exceptions.ConnectionError(NewConnectionError(None, 'Connection refused'))
    client, session = fake_client(refused, (200, {'id': '6'}), (200, dict(TCP_ON_API, id=6)), retries=1)
    assert apply_plan(client, plan_object(TCP, 'tcp', CREATE, None)).object_id == '6'
    assert session.writes() == [('POST', '/monitors/tcp')] * 2 and len(client.waits) == 1


def test_a_create_without_reply_is_never_posted_again(fake_client):
    client, session = fake_client(READ_TIMEOUT, page([]), page([]), page([dict(TCP_ON_API, id=7)]), (200, dict(TCP_ON_API, id=7)),
                                  retries=3)
    assert apply_plan(client, plan_object(TCP, 'tcp', CREATE, None)).object_id == '7'
    assert session.writes() == [('POST', '/monitors/tcp')]
    assert len(client.waits) == 2 and client.waits[1] > client.waits[0] * 0.5


def test_a_create_without_reply_that_never_shows_fails_saying_a_rerun_converges(fake_client):
    client, session = fake_client(CONNECTION_ERROR, page([]), page([]), retries=1)
    with pytest.raises(AlertSiteError) as err:
        apply_plan(client, plan_object(TCP, 'tcp', CREATE, None))
    assert session.writes() == [('POST', '/monitors/tcp')]
    assert "tcp monitor 'web' was not found after 2 looks, but the API may still be creating it" in str(err.value)
    assert 'rerun the task' in str(err.value)


def test_cross_field_checks_only_when_the_change_touches_their_fields():
    stored = {'id': 5, 'type': 'email-round-trip', 'name': 'rt', 'interval': 1, 'timeout': 300, 'note': ''}
    same = plan_object(ROUNDTRIP, 'email-round-trip', {'name': 'rt', 'interval': 1, 'timeout': 300}, stored)
    assert same.action == 'none'
    note = plan_object(ROUNDTRIP, 'email-round-trip', {'name': 'rt', 'note': 'hello'}, stored)
    assert dict(note.changes) == {'note': 'hello'}
    with pytest.raises(InputError):
        plan_object(ROUNDTRIP, 'email-round-trip', {'name': 'rt', 'interval': 2}, stored)


def test_an_existing_object_is_named_as_the_api_holds_it():
    plan = plan_object(TCP, 'tcp', {'name': 'other'}, TCP_ON_API, state='absent')
    assert plan_message(plan) == "Deleted tcp monitor 'web' (id 100001)"
