# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Defensive paging (plugins/module_utils/paging.py, through AlertSiteClient.get_all): every reading of the
undocumented paging of GET /monitors that the API reference lists, with a page size of 3 so that the pages stay
readable. The tests with replies scripted in order read one page after the other (read_workers=1) where the
paging would read ahead; the parallel reads are tested at the end against a list endpoint that answers by
offset."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import threading
import time

import pytest

from ansible_collections.community.alertsite.plugins.module_utils import paging as paging_mod
from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteClient, AlertSiteError
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeResponse

SIZE = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(paging_mod, 'PAGE_SIZE', SIZE)


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
    client, session = fake_client(envelope(monitors(0, 3), 9), envelope(monitors(3, 6), 9), read_workers=1)
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
    client, session = fake_client(envelope(monitors(0, 3), 9), envelope(monitors(0, 3), 9), envelope(monitors(3, 6), 9),
                                  read_workers=1)
    failed = time.monotonic()
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm1') == monitors(0, 3)
    # the same listing holds m2: shared
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm2') == monitors(0, 3)
    assert len(session.requests) == 1
    # it was cut short and m4 is not in it: read again, until m4 turns up
    assert client.get_all_since('/monitors', {}, failed, until=lambda item: item['name'] == 'm4') == monitors(0, 6)
    assert paging(session) == [(3, 0), (3, 0), (3, 3)]


def test_count_is_the_total_and_is_followed(fake_client):
    client, session = fake_client(envelope(monitors(0, 3), 7), envelope(monitors(3, 6), 7), envelope(monitors(6, 7), 7),
                                  read_workers=1)
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
    monkeypatch.setattr(paging_mod, 'MAX_PAGES', 3)
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


# -- parallel reads: a list endpoint that answers by offset ------------------------------------------------------

class ListEndpoint(object):
    """A stand-in for ``requests.Session`` that serves ``items`` as GET /monitors does in one paging ``dialect``
    (see the simulator's sim_dialects.py), answering each request by its limit and offset, from any thread.

    It records every request's paging, and the most requests it held at once (``peak``). ``hold`` seconds: how long
    each paged request (offset above 0) waits before its reply, so that requests sent together overlap. ``faults``:
    {offset: [replies]} answered first, one per request at that offset.
    """

    def __init__(self, items, dialect='default', server_page=None, hold=0.0, faults=None, barrier=None):
        self.items = items
        self.dialect = dialect
        self.server_page = server_page
        self.hold = hold
        self.faults = dict((offset, list(replies)) for offset, replies in (faults or {}).items())
        self.barrier = barrier
        self.headers = {}
        self.verify = None
        self.lock = threading.Lock()
        self.requests = []
        self.in_flight = 0
        self.peak = 0

    def request(self, method, url, params=None, **dummy):
        params = dict(params or {})
        with self.lock:
            self.requests.append((params.get('limit'), params.get('offset')))
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            fault = self.faults.get(params.get('offset'), [None]).pop(0) if self.faults.get(params.get('offset')) else None
        try:
            if params.get('offset'):
                if self.barrier is not None:
                    self.barrier.wait()
                time.sleep(self.hold)
            return fault or self.answer(params.get('limit'), params.get('offset'))
        finally:
            with self.lock:
                self.in_flight -= 1

    def answer(self, limit, offset):
        paged = limit is not None or offset is not None
        if paged and self.dialect == 'reject-paging':
            return FakeResponse(400, {'errors': [{'code': 400, 'message': 'unsupported query parameter', 'fields': ['limit']}]})
        if self.dialect == 'ignore-paging':
            page = self.items
        elif not paged:
            page = self.items[:self.server_page or SIZE]
        else:
            start = 0 if self.dialect == 'ignore-offset' else offset
            page = self.items[start:start + min(limit, self.server_page or limit)]
        if self.dialect == 'bare-list':
            return FakeResponse(200, page)
        count = len(page) if self.dialect == 'count-is-page' else len(self.items)
        return envelope(page, None if self.dialect == 'no-count' else count)

    def offsets(self):
        return sorted(offset for dummy, offset in self.requests if offset is not None)


def listing_client(endpoint, **options):
    return AlertSiteClient(api_url='https://alertsite.test/api/v3', session=endpoint, access_token='t', sleep=lambda s: None,
                           **options)


# (dialect, server page): whether the pages after the first are read in parallel, and for which numbers of
# monitors the listing cannot show that it holds them all (then it fails clearly, as reading one page after the
# other does): with offset ignored, a full page or more; with paging ignored, exactly a page (it reads as offset
# ignored); paging refused, more than the API sends without it
DIALECTS = [
    ('default', None, True, lambda total: False),
    ('count-is-page', None, False, lambda total: False),
    ('no-count', None, False, lambda total: False),
    ('bare-list', None, False, lambda total: False),
    ('ignore-paging', None, False, lambda total: total == SIZE),
    ('ignore-offset', None, False, lambda total: total >= SIZE),
    ('reject-paging', None, False, lambda total: total > SIZE),
    ('default', 2, False, lambda total: False),  # the API pages by less than the limit asked
]


@pytest.mark.parametrize('dialect, server_page, parallel, hides', DIALECTS)
@pytest.mark.parametrize('total', [0, 2, 3, 4, 6, 7, 12, 31])
def test_every_dialect_lists_each_item_once_and_reads_in_parallel_only_where_the_count_is_believed(
        dialect, server_page, parallel, hides, total):
    items = monitors(0, total)
    for workers in (1, 4):
        endpoint = ListEndpoint(items, dialect, server_page, hold=0.005)
        client = listing_client(endpoint, read_workers=workers)
        if hides(total):
            with pytest.raises(AlertSiteError) as err:
                client.get_all('/monitors')
            assert 'the listing is inconsistent' in str(err.value)
            continue
        assert client.get_all('/monitors') == items
        pages = -(-total // SIZE)
        if parallel and workers > 1 and pages > 2:
            assert endpoint.peak > 1, endpoint.requests
            # the pages the count announces, each read once: none ahead of the end, none twice
            assert endpoint.offsets() == [SIZE * number for number in range(pages)]
        else:
            assert endpoint.peak == 1, endpoint.requests


def test_the_pages_after_the_first_are_read_four_at_a_time():
    """Four requests are in flight at the same time: the endpoint holds each until four arrived (the barrier
    breaks after 10 s when they come one after the other)."""
    endpoint = ListEndpoint(monitors(0, 3 * 9), barrier=threading.Barrier(4, timeout=10))
    client = listing_client(endpoint)
    assert client.get_all('/monitors') == monitors(0, 27)
    assert endpoint.peak == 4
    # the first page, then eight pages, four at a time
    assert endpoint.requests[0] == (SIZE, 0)
    assert endpoint.offsets() == [SIZE * number for number in range(9)]


def test_read_workers_bound_the_pages_in_flight():
    endpoint = ListEndpoint(monitors(0, 3 * 12), hold=0.02)
    client = listing_client(endpoint, read_workers=2)
    assert client.get_all('/monitors') == monitors(0, 36)
    assert endpoint.peak == 2


def test_a_short_page_in_a_round_moves_the_next_offset_and_drops_the_pages_read_ahead():
    """A page shorter than the first (an object deleted meanwhile, or irregular pages): what follows it is read
    again from where that page ended; the pages read ahead of it are not used, so nothing is listed twice."""
    items = monitors(0, 10)
    short = envelope(items[3:5], 10)
    endpoint = ListEndpoint(items, faults={3: [short]})
    client = listing_client(endpoint)
    assert client.get_all('/monitors') == items
    # offsets 3, 6, 9 read together; 6 and 9 dropped after the short page at 3 (or not sent yet); then 5 and 8
    assert endpoint.requests[:1] == [(SIZE, 0)]
    assert set(endpoint.offsets()) - {6, 9} == {0, 3, 5, 8}
    assert len(endpoint.offsets()) == len(set(endpoint.offsets()))


def test_a_round_that_repeats_the_first_page_fails_clearly_as_reading_one_after_the_other_does():
    first = envelope(monitors(0, 3), 12)
    endpoint = ListEndpoint(monitors(0, 12), faults={3: [first], None: [envelope(monitors(0, 3), 12)]})
    client = listing_client(endpoint)
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert ('metadata.resultset.count announces 12 items, but paging with limit and offset brought 3 different ones and '
            'the list without paging 3') in str(err.value)


def test_a_lookup_stops_the_rounds_at_the_page_where_its_object_turned_up():
    endpoint = ListEndpoint(monitors(0, 60))
    client = listing_client(endpoint)
    found = client.get_all('/monitors', until=lambda item: item['name'] == 'm4')
    assert found == monitors(0, 6)
    # the first page, then at most four in flight: not the 20 pages of the listing
    assert endpoint.offsets()[:2] == [0, 3] and set(endpoint.offsets()) <= {0, 3, 6, 9, 12}


def test_a_429_on_a_page_read_in_parallel_pauses_the_client_and_the_page_is_read_again():
    throttled = FakeResponse(429, {'errors': [{'code': 429, 'message': 'slow down'}]}, {'Retry-After': '2'})
    waits = []
    endpoint = ListEndpoint(monitors(0, 15), faults={6: [throttled]})
    client = AlertSiteClient(api_url='https://alertsite.test/api/v3', session=endpoint, access_token='t', sleep=waits.append)
    assert client.get_all('/monitors') == monitors(0, 15)
    assert endpoint.offsets() == [0, 3, 6, 6, 9, 12]
    # the thread that got the 429 waited out its Retry-After; the pause held the client (every thread)
    assert 2.0 in waits
    assert client._paused_until > 0  # pylint: disable=protected-access


def test_a_failed_page_read_in_parallel_fails_the_listing():
    broken = FakeResponse(403, {'errors': [{'code': 403, 'message': 'forbidden'}]})
    endpoint = ListEndpoint(monitors(0, 15), faults={9: [broken]})
    client = listing_client(endpoint)
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert err.value.status == 403 and 'forbidden' in str(err.value)
