# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Listings whose items do not say their type are still matched to it (Index.load)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import (
    ANY_MONITOR,
    EMAIL,
    KIND_OF_TYPE,
    TCP,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import page


def listed(session):
    return [r['params'].get('type') for r in session.requests]


def test_items_with_their_type_take_one_listing(fake_client):
    client, session = fake_client(page([{'id': 1, 'type': 'tcp', 'name': 'a'}, {'id': 2, 'type': 'ping', 'name': 'a'}]))
    index = Index.load(client, ANY_MONITOR, ['tcp', 'ping'], kind_of=KIND_OF_TYPE.get)
    assert listed(session) == ['ping,tcp']
    assert index.find(TCP, 'tcp', {'name': 'a'})['id'] == 1


def test_a_listing_of_one_type_gives_its_items_that_type_without_another_request(fake_client):
    client, session = fake_client(page([{'id': 1, 'name': 'a'}, {'id': 2, 'name': 'b'}]))
    index = Index.load(client, TCP)
    assert listed(session) == ['tcp']
    assert [obj['type'] for obj in index.objects] == ['tcp', 'tcp']
    assert index.find(TCP, 'tcp', {'name': 'b'})['id'] == 2


def test_items_without_type_in_a_listing_of_several_types_are_listed_again_one_type_at_a_time(fake_client):
    untyped = [{'id': 1, 'name': 'mx'}, {'id': 2, 'name': 'mx'}, {'id': 3, 'name': 'web'}]
    client, session = fake_client(page(untyped), page([untyped[0]]), page([untyped[1]]), page([untyped[2]]))
    index = Index.load(client, EMAIL)
    assert listed(session) == ['email-imap,email-pop,email-smtp', 'email-imap', 'email-pop', 'email-smtp']
    # the same name under two protocols is two monitors, not an ambiguity
    assert index.find(EMAIL, 'email-imap', {'name': 'mx'})['id'] == 1
    assert index.find(EMAIL, 'email-pop', {'name': 'mx'})['id'] == 2
    assert index.find(EMAIL, 'email-smtp', {'name': 'mx'}) is None
    assert [(obj['id'], obj['type']) for obj in index.objects] == [(1, 'email-imap'), (2, 'email-pop'), (3, 'email-smtp')]


def test_the_bulk_index_of_untyped_items_knows_their_kinds(fake_client):
    client, session = fake_client(page([{'id': 1, 'name': 'a'}, {'id': 2, 'name': 'a'}]),
                                  page([{'id': 2, 'name': 'a'}]), page([{'id': 1, 'name': 'a'}]))
    index = Index.load(client, ANY_MONITOR, ['tcp', 'ping'], kind_of=KIND_OF_TYPE.get)
    assert listed(session) == ['ping,tcp', 'ping', 'tcp']
    assert index.find(TCP, 'tcp', {'name': 'a'})['id'] == 1
    assert index.find(KIND_OF_TYPE['ping'], 'ping', {'name': 'a'})['id'] == 2
