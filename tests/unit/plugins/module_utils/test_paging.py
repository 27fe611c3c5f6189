# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Defensive paging in AlertSiteClient.get_all: every reading of the undocumented paging of GET /monitors that the
API reference lists, with a page size of 3 so that the pages stay readable."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import client as client_mod
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse

SIZE = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(client_mod, 'PAGE_SIZE', SIZE)


def monitors(first, last):
    return [{'id': number, 'name': 'm%d' % number} for number in range(first, last)]


def envelope(results, count=None):
    """A list reply; ``count`` None leaves metadata.resultset.count out."""
    resultset = {} if count is None else {'count': count}
    return FakeResponse(200, {'metadata': {'resultset': resultset}, 'results': results})


def paging(session):
    """(limit, offset) of every request, None where the parameter was not sent."""
    return [(r['params'].get('limit'), r['params'].get('offset')) for r in session.requests]


def test_a_lookup_stops_paging_at_the_page_where_its_object_turned_up(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 9), envelope(monitors(3, 6), 9))
    assert client.get_all('/monitors', until=lambda item: item['name'] == 'm4') == monitors(0, 6)
    assert paging(session) == [(3, 0), (3, 3)]


def test_a_lookup_whose_object_is_not_there_reads_the_whole_listing(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 5), envelope(monitors(3, 5), 5))
    assert client.get_all('/monitors', until=lambda item: item['name'] == 'other') == monitors(0, 5)
    assert paging(session) == [(3, 0), (3, 3)]


def test_lookups_that_failed_before_a_listing_began_share_it(fake_client):
    """Creates that failed at about the same time (on other threads) look themselves up in one listing: any
    listing begun after a create failed will do for it."""
    client, session = fake_client(envelope(monitors(0, 2), 2), envelope(monitors(0, 1), 1))
    failed = time.monotonic()
    assert client.get_all_since('/monitors', {'type': 'tcp'}, failed) == monitors(0, 2)
    assert client.get_all_since('/monitors', {'type': 'tcp'}, failed) == monitors(0, 2)
    assert len(session.requests) == 1
    # a create that failed after that listing began needs a new one
    assert client.get_all_since('/monitors', {'type': 'tcp'}, time.monotonic()) == monitors(0, 1)
    assert len(session.requests) == 2


def test_a_shared_listing_cut_short_where_another_item_turned_up_does_not_say_an_item_is_missing(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 9), envelope(monitors(0, 3), 9), envelope(monitors(3, 6), 9))
    failed = time.monotonic()
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm1') == monitors(0, 3)
    # the same listing holds m2: shared
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm2') == monitors(0, 3)
    assert len(session.requests) == 1
    # it was cut short and m4 is not in it: read again, until m4 turns up
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm4') == monitors(0, 6)
    assert paging(session) == [(3, 0), (3, 0), (3, 3)]


def test_count_is_the_total_and_is_followed(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 7), envelope(monitors(3, 6), 7), envelope(monitors(6, 7), 7))
    assert client.get_all('/monitors', {'type': 'tcp'}) == monitors(0, 7)
    assert paging(session) == [(3, 0), (3, 3), (3, 6)]
    assert all(r['params']['type'] == 'tcp' for r in session.requests)


def test_count_reached_on_a_full_page_ends_without_another_request(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 6), envelope(monitors(3, 6), 6))
    assert client.get_all('/monitors') == monitors(0, 6)
    assert len(session.requests) == 2


def test_count_equal_to_a_full_page_may_be_followed_by_more(fake_client):
    # count-is-page: count is the size of each page, so a full page says nothing about the end
    client, session = fake_client(envelope(monitors(0, 3), 3), envelope(monitors(3, 6), 3), envelope(monitors(6, 8), 2))
    assert client.get_all('/monitors') == monitors(0, 8)
    assert paging(session) == [(3, 0), (3, 3), (3, 6)]


def test_a_short_page_ends_the_listing_when_no_count_says_more(fake_client):
    client, session = fake_client(envelope(monitors(0, 2), 2))
    assert client.get_all('/monitors') == monitors(0, 2)
    assert len(session.requests) == 1


def test_a_short_page_with_a_larger_count_is_followed(fake_client):
    # the API pages by less than the limit asked: the count still says how many there are
    client, session = fake_client(envelope(monitors(0, 2), 5), envelope(monitors(2, 4), 5), envelope(monitors(4, 5), 5))
    assert client.get_all('/monitors') == monitors(0, 5)
    assert paging(session) == [(3, 0), (3, 2), (3, 4)]


def test_an_empty_page_after_full_pages_ends_the_listing(fake_client):
    client, session = fake_client(envelope(monitors(0, 3)), envelope(monitors(3, 6)), envelope([]))
    assert client.get_all('/monitors') == monitors(0, 6)
    assert len(session.requests) == 3


def test_a_full_bare_list_is_not_complete(fake_client):
    client, session = fake_client(FakeResponse(200, monitors(0, 3)), FakeResponse(200, monitors(3, 4)))
    assert client.get_all('/monitors') == monitors(0, 4)
    assert paging(session) == [(3, 0), (3, 3)]


def test_a_full_envelope_without_count_is_not_complete(fake_client):
    client, session = fake_client(FakeResponse(200, {'results': monitors(0, 3)}), FakeResponse(200, {'results': []}))
    assert client.get_all('/monitors') == monitors(0, 3)
    assert len(session.requests) == 2


def test_repeated_ids_are_dropped_and_ids_compare_as_strings(fake_client):
    second = [{'id': '2', 'name': 'm2'}, {'id': 3, 'name': 'm3'}, {'id': '4', 'name': 'm4'}]
    client, session = fake_client(envelope(monitors(0, 3)), envelope(second), envelope(monitors(5, 6)))
    assert [str(item['id']) for item in client.get_all('/monitors')] == ['0', '1', '2', '3', '4', '5']
    assert paging(session) == [(3, 0), (3, 3), (3, 6)]


def test_items_without_id_are_told_apart_by_their_content(fake_client):
    page = [{'name': 'a'}, {'name': 'b'}, {'name': 'a'}]
    client, session = fake_client(envelope(page, 3), envelope([{'name': 'c'}]))
    assert client.get_all('/recipients') == [{'name': 'a'}, {'name': 'b'}, {'name': 'c'}]
    assert len(session.requests) == 2


def test_a_count_that_is_not_a_number_is_ignored(fake_client):
    client, session = fake_client(envelope(monitors(0, 2), True), envelope(monitors(0, 1), 'many'))
    assert client.get_all('/monitors') == monitors(0, 2)
    assert len(session.requests) == 1


# -- an API that ignores limit and offset -------------------------------------------------------------------

def test_everything_in_one_short_reply_takes_one_request(fake_client):
    client, session = fake_client(envelope(monitors(0, 2), 2))
    assert client.get_all('/monitors') == monitors(0, 2)
    assert len(session.requests) == 1


def test_more_than_the_limit_in_one_reply_is_confirmed_by_a_repeat(fake_client):
    everything = monitors(0, 5)
    client, session = fake_client(envelope(everything, 5), envelope(everything, 5))
    assert client.get_all('/monitors') == everything
    assert paging(session) == [(3, 0), (3, 5)]


# -- an API that ignores offset ------------------------------------------------------------------------------

def test_ignored_offset_with_a_count_fails_clearly(fake_client):
    first = monitors(0, 3)
    client, session = fake_client(envelope(first, 5), envelope(first, 5), envelope(first, 5))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors', {'type': 'tcp'})
    message = str(err.value)
    assert message.startswith('GET /monitors: the listing is inconsistent: metadata.resultset.count announces 5 items, '
                              'but paging with limit and offset brought 3 different ones and the list without paging 3.')
    assert 'could be created a second time' in message
    assert 'ansible-playbook community.alertsite.contract_check' in message
    # the last request is the list once without paging, with the filter kept
    assert paging(session) == [(3, 0), (3, 3), (None, None)]
    assert session.requests[-1]['params'] == {'type': 'tcp'}


def test_ignored_offset_without_a_count_fails_clearly(fake_client):
    first = monitors(0, 3)
    client, session = fake_client(FakeResponse(200, first), FakeResponse(200, first), FakeResponse(200, first))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert ('a full page of 3 was followed by a page of items already seen (the API may ignore offset), and the list '
            'without paging (3 items) does not show more') in str(err.value)
    assert len(session.requests) == 3


def test_ignored_offset_is_settled_by_a_list_without_paging_that_holds_more(fake_client):
    first = monitors(0, 3)
    client, session = fake_client(FakeResponse(200, first), FakeResponse(200, first), FakeResponse(200, monitors(0, 5)))
    assert client.get_all('/monitors') == monitors(0, 5)
    assert paging(session) == [(3, 0), (3, 3), (None, None)]


def test_a_count_reached_by_the_list_without_paging_settles_it(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 4), envelope([], 4), envelope(monitors(0, 4), 4))
    assert client.get_all('/monitors') == monitors(0, 4)
    assert paging(session) == [(3, 0), (3, 3), (None, None)]


# -- an API that refuses limit and offset --------------------------------------------------------------------

def refusal(*names):
    return FakeResponse(400, {'errors': [{'code': 400, 'message': 'unsupported query parameter', 'fields': [name]}
                                         for name in names]})


def test_refused_paging_lists_once_without_it(fake_client):
    client, session = fake_client(refusal('limit', 'offset'), envelope(monitors(0, 5), 5))
    assert client.get_all('/monitors', {'type': 'tcp'}) == monitors(0, 5)
    assert paging(session) == [(3, 0), (None, None)]
    assert session.requests[1]['params'] == {'type': 'tcp'}


def test_refused_offset_on_a_later_page_keeps_what_was_read(fake_client):
    client, session = fake_client(envelope(monitors(0, 3)), FakeResponse(400, {'errors': [{'message': 'Offset is not supported'}]}),
                                  FakeResponse(200, monitors(2, 4)))
    assert client.get_all('/monitors') == monitors(0, 4)
    assert paging(session) == [(3, 0), (3, 3), (None, None)]


def test_refused_paging_with_a_larger_count_fails_clearly(fake_client):
    client, session = fake_client(refusal('limit'), envelope(monitors(0, 3), 5))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert ('the API refuses limit and offset, and its list without them holds 3 of the 5 items that '
            'metadata.resultset.count announces') in str(err.value)


@pytest.mark.parametrize('reply', [
    FakeResponse(400, {'errors': [{'code': 400, 'message': 'type: unknown monitor type'}]}),
    FakeResponse(403, {'errors': [{'code': 403, 'message': 'limit reached for this role'}]}),
])
def test_other_errors_are_not_taken_for_refused_paging(fake_client, reply):
    client, session = fake_client(reply)
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert err.value.status == reply.status_code
    assert len(session.requests) == 1


def test_a_listing_that_never_ends_fails(fake_client, monkeypatch):
    monkeypatch.setattr(client_mod, 'MAX_PAGES', 3)
    client, session = fake_client(*[envelope(monitors(n * 3, n * 3 + 3)) for n in range(3)])
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert str(err.value).startswith('GET /monitors: still more items after 3 pages of 3; the listing does not end')
    assert len(session.requests) == 3


def test_a_list_without_paging_that_is_not_a_list_fails(fake_client):
    client, session = fake_client(refusal('limit'), FakeResponse(200, {'monitors': []}))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert str(err.value) == 'GET /monitors: the reply is not a list of results'
