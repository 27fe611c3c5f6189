# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Paging through the list endpoints of the AlertSite API: the one owner of the paging rules.

The paging of ``GET /monitors`` is not documented, so every listing is read defensively (see :func:`get_all`).
The pages after the first are read up to ``workers`` at a time when the first page showed how the API pages:
it was full (as many items as ``limit`` asked) and ``metadata.resultset.count`` is believed as the total. Up to
``workers`` pages of the count are then in flight at once (each one finished makes room for the next), and they
are judged one after the other, in the order of their offsets, exactly as if they had been read one after the
other: reading ahead never decides anything differently. A page shorter than the first (the listing changed,
or the API pages unevenly) moves the offsets after it: what was read ahead of it is dropped and read again from
where it ended. Any other listing is read one page after the other.

:mod:`.client` makes the requests (login, retries, the shared 429 pause, which holds these reads too);
this file decides which pages to read and when a listing is complete.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import re
import threading
import time

from collections import deque
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.community.alertsite.plugins.module_utils.pool import Failed

PAGE_SIZE = 100
MAX_PAGES = 1000  # a listing longer than this does not end: its paging is broken
READ_WORKERS = 4  # listing pages read at once, when the first page shows that the count can be believed
# Where a message about a listing that does not add up sends the user.
CONTRACT_HINT = ('. The read-only contract check (ansible-playbook community.alertsite.contract_check) shows how the '
                 'API pages for this account: please add its report to a bug report')


def listing_error(path, message):
    """An :class:`.client.AlertSiteError` about the listing of ``path`` (the client imports this file)."""
    from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
    return AlertSiteError(message, 'GET', path)


def get_all(client, path, params=None, until=None, workers=READ_WORKERS):
    """Every item of a list endpoint, paged defensively: the paging of ``GET /monitors`` is not documented.

    Pages of ``limit=PAGE_SIZE`` are read at growing ``offset`` until one of them shows the end: an empty
    page, a page that brings no item not seen before, a short page (unless ``metadata.resultset.count``
    says there is more), or the count reached. ``count`` is believed as the total only when it is larger
    than the page it came with: a full page whose count equals its own length may be followed by more.
    A bare JSON list or an envelope without count is paged the same way. Repeated items (same ``id``) are
    dropped. When the API refuses ``limit``/``offset`` (a 400 naming them), the list is read once without
    them. When the listing does not add up (fewer items than the count, or a full page repeated as if
    ``offset`` were ignored), it is read once without paging; if that does not settle it, an AlertSiteError
    says so: a listing that may hide an object must not lead to a second one.

    When the first page is full and its count believed, the next pages are read ``workers`` at a time (see
    the top of this file); else one after the other.

    :param until: a function(item) -> bool: paging stops after the page where it is true for an item (the
        items read so far are returned), for a caller that looks for one object, not the whole list.
    """
    return _Pager(client, path, params, until, workers).run()


class _Pager(object):
    """One listing being read: the pages judged so far (``offset``: where the next one begins) and, once the
    listing is settled, its ``items``."""

    def __init__(self, client, path, params, until, workers):
        self.client = client
        self.path = path
        self.params = dict(params or {})
        self.until = until
        self.workers = workers
        self.listing = _Listing()
        self.offset = 0
        self.pages = 0
        self.first = None  # the length of the first page
        self.items = None

    def run(self):
        while self.items is None:
            if self.pages >= MAX_PAGES:
                raise listing_error(self.path, 'GET %s: still more items after %d pages of %d; the listing does not end, '
                                               'so it cannot be trusted%s' % (self.path, MAX_PAGES, PAGE_SIZE, CONTRACT_HINT))
            ahead = self.pages_ahead()
            if ahead > 1:
                self.read_ahead(ahead)
            else:
                self.judge(self.offset, self.read(self.offset))
        return self.items

    def pages_ahead(self):
        """How many pages to read from ``offset`` on: those the count announces when the first page was full and
        the count is believed (never past MAX_PAGES), else 1."""
        total = self.listing.total
        if self.workers <= 1 or total is None or self.first != PAGE_SIZE:
            return 1
        return max(1, min(-(-(total - len(self.listing.items)) // PAGE_SIZE), MAX_PAGES - self.pages))

    def read(self, offset):
        """The reply of the page at ``offset``, or a :class:`.pool.Failed` holding why there is none."""
        try:
            return self.client.get(self.path, params=dict(self.params, limit=PAGE_SIZE, offset=offset))
        except Exception as exc:  # pylint: disable=broad-except  # judged as a failed reply: re-raised unless it refuses paging
            return Failed(exc)

    def read_ahead(self, count):
        """Read ``count`` pages from ``offset`` on, up to ``workers`` in flight, and judge them in their order until
        one settles the listing or moves the offsets (a short page): then the pages read ahead are dropped (those
        not sent yet are not sent)."""
        offsets = deque(self.offset + PAGE_SIZE * number for number in range(count))
        in_flight = deque()
        with ThreadPoolExecutor(max_workers=min(self.workers, count)) as executor:
            try:
                while offsets or in_flight:
                    while offsets and len(in_flight) < self.workers:
                        offset = offsets.popleft()
                        in_flight.append((offset, executor.submit(self.read, offset)))
                    offset, reply = in_flight.popleft()
                    self.judge(offset, reply.result())
                    following = in_flight[0][0] if in_flight else (offsets[0] if offsets else None)
                    if self.items is not None or following not in (None, self.offset):
                        return
            finally:
                for dummy, future in in_flight:
                    future.cancel()

    def judge(self, offset, reply):
        """Take the reply of the page at ``offset``, as if it were the only one read: the next offset, or the
        listing's ``items`` when this page settles it."""
        if isinstance(reply, Failed):
            if not refuses_paging(reply.error):
                raise reply.error
            self.items = self.unpaged(refused=True)
            return
        page, count = list_page(self.path, reply)
        fresh = self.listing.add(page, count)
        self.offset = offset + len(page)
        self.pages += 1
        if self.first is None:
            self.first = len(page)
        if not page or not fresh:
            self.items = self.listing.items if self.listing.settled(repeated=bool(page)) else self.unpaged()
        elif self.listing.complete(page) or (self.until is not None and any(self.until(item) for item in page)):
            self.items = self.listing.items

    def unpaged(self, refused=False):
        """The list read once without ``limit``/``offset``, merged into the listing: its items when the listing
        adds up then, else an AlertSiteError."""
        listing = self.listing
        before = len(listing.items)
        page, count = list_page(self.path, self.client.get(self.path, params=self.params or None))
        listing.add(page, count)
        if refused:
            if listing.total is None or len(listing.items) >= listing.total:
                return listing.items
            reason = ('the API refuses limit and offset, and its list without them holds %d of the %d items that '
                      'metadata.resultset.count announces' % (len(listing.items), listing.total))
        elif listing.total is not None:
            if len(listing.items) >= listing.total:
                return listing.items
            reason = ('metadata.resultset.count announces %d items, but paging with limit and offset brought %d '
                      'different ones and the list without paging %d' % (listing.total, before, len(page)))
        elif len(page) > PAGE_SIZE:
            return listing.items  # the API ignores limit: the list without paging is all of it
        else:
            reason = ('a full page of %d was followed by a page of items already seen (the API may ignore offset), '
                      'and the list without paging (%d items) does not show more' % (PAGE_SIZE, len(page)))
        raise listing_error(self.path, 'GET %s: the listing is inconsistent: %s. Stopped, because an object the listing '
                                       'hides could be created a second time%s' % (self.path, reason, CONTRACT_HINT))


class _Listing(object):
    """The items of a listing read so far (each once) and the total the API announced, when it is believable."""

    def __init__(self):
        self.items = []
        self.keys = set()
        self.total = None
        self.ignores_limit = False

    def add(self, page, count):
        """Keep the items of ``page`` not seen before; returns how many there were.

        ``count`` (``metadata.resultset.count``) becomes the total only when it is larger than its page: every
        vendor example has a count equal to its number of results, which may as well be the page size.
        """
        if count is not None and count > len(page):
            self.total = count
        if len(page) > PAGE_SIZE:
            self.ignores_limit = True
        fresh = 0
        for item in page:
            key = item_key(item)
            if key not in self.keys:
                self.keys.add(key)
                self.items.append(item)
                fresh += 1
        return fresh

    def complete(self, page):
        """Whether ``page``, which brought new items, ends the listing: the count is reached, or it is short and
        no count says there is more."""
        if self.total is not None:
            return len(self.items) >= self.total
        return len(page) < PAGE_SIZE

    def settled(self, repeated):
        """Whether the listing is complete now that a page brought nothing new.

        :param repeated: that page held items seen before (else it was empty). A page that only repeats a full
            page may mean that the API ignores ``offset``: then only an API that ignores ``limit`` too (it sent
            more than asked) has sent everything.
        """
        if self.total is not None:
            return len(self.items) >= self.total
        return not repeated or self.ignores_limit


# -- listings shared between threads -----------------------------------------------------------------------------

class SharedListings(object):
    """The latest listing of each (path, params) made for :func:`get_all_since`, to share between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latest = {}


class _SharedListing(object):
    """A listing one thread makes for others to share: when it began, its items once ``done``, whether it was
    read to its end (``complete``: not stopped where the item its maker looked for turned up), or its error."""

    def __init__(self):
        self.started = time.monotonic()
        self.done = threading.Event()
        self.items = []
        self.complete = False
        self.error = None


def get_all_since(client, shared, path, params, since, until=None):
    """:func:`get_all` for a caller that needs a listing begun after ``since`` (``time.monotonic()``, e.g. the
    moment its POST failed): a listing another thread began after that moment is shared (waited for while in
    flight) when it is complete or holds the item ``until`` looks for; else a new one is made with
    ``client.get_all`` and offered to the others in ``shared`` (:class:`SharedListings`). Creates that failed at
    about the same time look themselves up in one listing."""
    key = (path, json.dumps(params, sort_keys=True))
    with shared.lock:
        latest = shared.latest.get(key)
    if latest is not None and latest.started >= since:
        latest.done.wait()
        if latest.error is None and (latest.complete or until is not None and any(until(item) for item in latest.items)):
            return latest.items
    mine = _SharedListing()
    with shared.lock:
        shared.latest[key] = mine
    try:
        mine.items = client.get_all(path, params, until)
        mine.complete = until is None or not any(until(item) for item in mine.items)
        return mine.items
    except Exception as exc:
        mine.error = exc
        raise
    finally:
        mine.done.set()


# -- replies of list endpoints -----------------------------------------------------------------------------------

def item_key(item):
    """What makes an item of a listing the same as another: its id as a string (the API writes ids as strings
    and reads them as integers), or, without an id, all of it."""
    item_id = item.get('id')
    if item_id is not None and not isinstance(item_id, (dict, list)):
        return 'id', str(item_id)
    return 'item', json.dumps(item, sort_keys=True, default=str)


def list_page(path, reply):
    """``(items, count)`` of one reply of a list endpoint: an envelope with ``results`` (count from
    ``metadata.resultset.count``, None when absent or not a number) or a bare JSON list (no count)."""
    if isinstance(reply, list):
        page, count = reply, None
    elif isinstance(reply, dict) and isinstance(reply.get('results'), list):
        page, count = reply['results'], _resultset_count(reply)
    else:
        raise listing_error(path, 'GET %s: the reply is not a list of results' % path)
    if not all(isinstance(item, dict) for item in page):
        raise listing_error(path, 'GET %s: the list holds results that are not objects' % path)
    return page, count


def _resultset_count(reply):
    metadata = reply.get('metadata')
    resultset = metadata.get('resultset') if isinstance(metadata, dict) else None
    return as_count(resultset.get('count') if isinstance(resultset, dict) else None)


def as_count(value):
    """A ``metadata.resultset.count`` as a number (the API may write it as a string), or None when it is not one."""
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def refuses_paging(exc):
    """Whether an error is the API refusing the paging parameters: a 400 whose message names limit or offset."""
    if getattr(exc, 'status', None) != 400:
        return False
    text = ' '.join(exc.messages) if exc.messages else str(exc)
    return re.search(r'\b(limit|offset)\b', text, re.IGNORECASE) is not None
