# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A kind's ``find_by`` (a filtered GET): the single-object lookup uses it instead of a listing; the bulk path
(one listing made beforehand) does not."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.lookup import Listed, Loaded, find_current
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, ResourceKind
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import page


def by_owner(client, kind, values):
    reply = client.get(kind.list_path, params={'owner': values['owner']})
    return reply or None


def kind(find_by=None):
    return ResourceKind(noun='badge', module='alertsite_badge', list_path='/badges', item_path='/badges/{id}',
                        identity=('owner',), fields=[Field('owner', 'int'), Field('colour')], find_by=find_by,
                        canonical=lambda obj: dict(obj, seen=True))


def test_a_kind_with_find_by_is_found_with_its_filtered_get_and_read_canonically(fake_client):
    client, session = fake_client((200, {'id': 3, 'owner': 12, 'colour': 'red'}))
    current, api_type, warnings = find_current(Loaded(client), kind(by_owner), None, {'owner': 12})
    assert current == {'id': 3, 'owner': 12, 'colour': 'red', 'seen': True}
    assert (api_type, warnings) == (None, [])
    assert [(call[0], call[1]) for call in session.calls()] == [('GET', '/badges')]
    assert session.requests[0]['params'] == {'owner': 12}


def test_find_by_answering_none_is_no_object(fake_client):
    client, session = fake_client((200, {}))
    assert find_current(Loaded(client), kind(by_owner), None, {'owner': 12})[0] is None
    assert len(session.calls()) == 1


def test_without_find_by_the_single_object_lookup_lists(fake_client):
    client, session = fake_client(page([{'id': 3, 'owner': 12}]))
    assert find_current(Loaded(client), kind(), None, {'owner': 12})[0]['id'] == 3
    assert 'owner' not in (session.requests[0]['params'] or {})


def test_a_listing_made_beforehand_is_used_even_with_find_by(fake_client):
    client, session = fake_client(page([{'id': 3, 'owner': 12}, {'id': 4, 'owner': 13}]))
    badges = kind(by_owner)
    listed = Listed(Index.load(client, badges))
    assert find_current(listed, badges, None, {'owner': 13})[0]['id'] == 4
    assert len(session.calls()) == 1
