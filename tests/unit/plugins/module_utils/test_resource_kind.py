# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The engine works for any declared kind: a made-up kind that is not a monitor (shaped like a recipient group,
whose fields are lists of ``{id}`` objects compared as sets) goes through create, unchanged, update and delete
with no special case in the engine."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import re

import pytest

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    apply_plan,
    get_object,
    input_problems,
    plan_command,
    plan_diff,
    plan_message,
    plan_object,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field, IdListField
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError, ResourceKind
from ansible_collections.community.alertsite.plugins.module_utils.runners import resource_argument_spec
from ansible_collections.community.alertsite.plugins.module_utils.version import COLLECTION_VERSION
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse, page

ROTA = ResourceKind(
    noun='rota',
    module='alertsite_rota',
    list_path='/rotas',
    item_path='/rotas/{id}',
    fields=[
        Field('name', required_on_create=True, non_empty=True),
        Field('is_default', 'bool'),
        IdListField('members', keys=('id', 'step_number'), defaults={'step_number': 0}, required_on_create=True,
                    non_empty=True),
        IdListField('channels', required_on_create=True),
        Field('secret_word', secret=True, write_only=True),
    ],
)

ON_API = {'id': 7, 'name': 'payments', 'is_default': False,
          'members': [{'id': 2, 'step_number': 0, 'name': 'api'}, {'id': 1, 'step_number': 3, 'step_name': 'login'}],
          'channels': [{'id': 30, 'name': 'ops'}, {'id': 10, 'name': 'dev'}]}


def wanted(**values):
    params = dict((name, None) for name in resource_argument_spec(ROTA))
    params.update(values)
    return wanted_values(ROTA, params)


def test_the_argument_spec_comes_from_the_declaration():
    spec = resource_argument_spec(ROTA)
    assert spec['members'] == dict(type='list', elements='dict', options=dict(
        id=dict(type='int', required=True), step_number=dict(type='int', required=False)))
    assert 'required' not in spec['name'] and spec['secret_word']['no_log'] is True
    assert spec['update_password']['default'] == 'on_create'
    assert 'protocol' not in spec


def test_lists_of_ids_compare_as_sets_and_are_checked():
    assert wanted(name='payments', members=[{'id': 1, 'step_number': 3}, {'id': 2, 'step_number': None}])['members'] == [(1, 3), (2, 0)]
    assert input_problems(ROTA, wanted(name='p', members=[], channels=[-1])) == [
        'members must not be empty', 'channels must be a list of positive ids, got [-1]']


def test_create_unchanged_update_delete_through_the_engine(fake_client):
    # create: one listing finds nothing, one POST, one read-back
    client, session = fake_client(page([]), (200, {'id': '7'}), (200, ON_API))
    values = wanted(name='payments', members=[{'id': 2}, {'id': 1, 'step_number': 3}], channels=[{'id': 10}, {'id': 30}],
                    secret_word='hush')
    current = Index.load(client, ROTA).find(ROTA, None, values)
    plan = plan_object(ROTA, None, values, current)
    outcome = apply_plan(client, plan)
    assert plan.action == 'create' and outcome.object_id == '7'
    assert session.calls() == [('GET', '/rotas'), ('POST', '/rotas'), ('GET', '/rotas/7')]
    assert session.requests[1]['json'] == {'name': 'payments', 'members': [{'id': 1, 'step_number': 3}, {'id': 2, 'step_number': 0}],
                                           'channels': [{'id': 10}, {'id': 30}], 'secret_word': 'hush'}
    assert plan_message(plan, object_id=outcome.object_id) == "Created rota 'payments' (id 7)"
    assert plan_diff(plan)['after']['secret_word'] == '********'
    assert plan_command(plan)['body']['secret_word'] == '********'

    # unchanged: the same lists in another order, extra read-only keys on the API's side; no write
    client, session = fake_client(page([ON_API]))
    values = wanted(name='payments', members=[{'id': 1, 'step_number': 3}, {'id': 2}], channels=[{'id': 30}, {'id': 10}],
                    secret_word='hush')
    plan = plan_object(ROTA, None, values, Index.load(client, ROTA).find(ROTA, None, values))
    assert plan.action == 'none' and apply_plan(client, plan).object == ON_API
    assert session.writes() == []

    # update: one list differs and is sent whole, in the API's form; the rest is not sent
    client, session = fake_client((200, {'id': '7'}), (200, ON_API))
    plan = plan_object(ROTA, None, wanted(name='payments', channels=[{'id': 10}, {'id': 30}, {'id': 40}], is_default=False), ON_API)
    apply_plan(client, plan)
    assert session.calls() == [('PATCH', '/rotas/7'), ('GET', '/rotas/7')]
    assert session.requests[0]['json'] == {'channels': [{'id': 10}, {'id': 30}, {'id': 40}]}
    assert plan_diff(plan)['before'] == {'channels': [10, 30]}

    # delete
    client, session = fake_client((204, None))
    plan = plan_object(ROTA, None, wanted(name='payments'), ON_API, state='absent')
    assert apply_plan(client, plan).object is None
    assert session.calls() == [('DELETE', '/rotas/7')]
    assert plan_message(plan) == "Deleted rota 'payments' (id 7)"


# A kind whose API may write a type under another name: every object read is seen in one form.
ALIASES = {'Person': 'Notifier'}
WINDOW = ResourceKind(
    noun='window',
    module='alertsite_window',
    list_path='/windows',
    item_path='/windows/{id}',
    api_types=OrderedDict((name, name) for name in ('Monitor', 'Notifier')),
    selector='type',
    type_filter='type',
    fields=[Field('type', required_on_create=True), Field('assoc_id', 'int', required_on_create=True), Field('note')],
    identity=('assoc_id', 'note'),
    canonical=lambda obj: dict(obj, type=ALIASES[obj['type']]) if obj.get('type') in ALIASES else obj,
)
HELD = {'id': 9, 'type': 'Person', 'assoc_id': 4, 'note': 'deploy'}


def test_canonical_applies_to_listings_and_reads_by_id(fake_client):
    client, session = fake_client(page([HELD]), (200, HELD))
    values = {'type': 'Notifier', 'assoc_id': 4, 'note': 'deploy'}
    found = Index.load(client, WINDOW, ['Notifier']).find(WINDOW, 'Notifier', values)
    assert found == dict(HELD, type='Notifier')
    assert get_object(client, WINDOW, 9) == dict(HELD, type='Notifier')
    assert plan_object(WINDOW, 'Notifier', values, found).action == 'none'


def test_a_create_answered_5xx_is_found_under_the_type_as_read(fake_client):
    """Stored but answered 500: the lookup reads the listing as planning does, finds the window the API lists
    under its other name for the type, and adopts it instead of posting it again."""
    busy = FakeResponse(500, {'errors': [{'code': 500, 'message': 'oops'}]})
    client, session = fake_client(busy, page([HELD]), (200, HELD), retries=3)
    plan = plan_object(WINDOW, 'Notifier', {'type': 'Notifier', 'assoc_id': 4, 'note': 'deploy'}, None)
    outcome = apply_plan(client, plan)
    assert outcome.object_id == '9' and outcome.object['type'] == 'Notifier'
    assert session.calls() == [('POST', '/windows'), ('GET', '/windows'), ('GET', '/windows/9')]
    assert session.requests[1]['params']['type'] == 'Notifier'


def test_missing_required_options_name_the_kind():
    with pytest.raises(InputError) as err:
        plan_object(ROTA, None, wanted(name='payments'), None)
    assert str(err.value) == "missing required options to create rota 'payments': members, channels"


def test_the_version_has_one_source_of_truth():
    galaxy = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'galaxy.yml')
    with open(galaxy) as handle:
        version = re.search(r'^version:\s*(\S+)', handle.read(), re.M).group(1)
    assert COLLECTION_VERSION == version.strip('"\'')


def test_references_resolve_names_with_one_listing(fake_client):
    from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ANY_MONITOR
    from ansible_collections.community.alertsite.plugins.module_utils.references import reference_problems, resolve_references

    items = [{'id': '5', 'step_number': 2}, {'name': 'web', 'type': 'tcp'}, {'name': 'mx', 'type': 'email-smtp'}]
    assert reference_problems('monitors', items, typed=True) == []
    assert reference_problems('monitors', [{'name': 'web'}, {'id': 1, 'name': 'x'}, {}], typed=True) == [
        'monitors[0]: name needs type (the API type, such as tcp)', 'monitors[1]: give id or name, not both',
        'monitors[2]: give id or name']
    client, session = fake_client(page([{'id': 11, 'type': 'tcp', 'name': 'web'}, {'id': 12, 'type': 'email-smtp', 'name': 'mx'}]))
    assert resolve_references(client, ANY_MONITOR, 'monitors', items, typed=True) == [
        {'id': 5, 'step_number': 2}, {'id': 11}, {'id': 12}]
    assert session.calls() == [('GET', '/monitors')] and session.requests[0]['params']['type'] == 'email-smtp,tcp'
    client, session = fake_client(page([{'id': 11, 'type': 'tcp', 'name': 'web'}, {'id': 13, 'type': 'tcp', 'name': 'web'}]))
    with pytest.raises(InputError) as err:
        resolve_references(client, ANY_MONITOR, 'monitors', [{'name': 'web', 'type': 'tcp'}, {'name': 'db', 'type': 'tcp'}], typed=True)
    assert str(err.value) == ("monitors[0]: 2 tcp monitors are named 'web' (ids 11, 13): give the id instead; "
                              "monitors[1]: no tcp monitor 'db' exists")
    client, session = fake_client()
    assert resolve_references(client, ANY_MONITOR, 'monitors', [{'id': 3}], typed=True) == [{'id': 3}]
    assert session.requests == []
