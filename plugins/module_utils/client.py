# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one HTTP client of the collection: everything that talks to the AlertSite Management API v3.

Login (``POST /access-tokens``), the bearer token, one reused ``requests.Session``, timeouts, TLS,
retries with jittered backoff, paging through list endpoints, and API errors turned into
:class:`AlertSiteError` with a readable message. Modules never talk HTTP themselves.

This file knows nothing of Ansible modules: :mod:`.connection` builds a client from a module's options.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import email.utils
import json
import random
import re
import ssl
import threading
import time
import traceback

from urllib.parse import urlparse

from ansible_collections.community.alertsite.plugins.module_utils.version import COLLECTION_VERSION

try:
    import requests
    from urllib3.exceptions import NewConnectionError
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:  # pragma: no cover - exercised through the module's missing-library message
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

DEFAULT_API_URL = 'https://api.alertsite.com/api/v3'
PAGE_SIZE = 100
MAX_PAGES = 1000  # a listing longer than this does not end: its paging is broken
# Where a message about a listing that does not add up sends the user.
CONTRACT_HINT = ('. The read-only contract check (ansible-playbook community.alertsite.contract_check) shows how the '
                 'API pages for this account: please add its report to a bug report')
TOKEN_LIFETIME = 3600  # seconds; documented by AlertSite, not returned by the login

# Statuses worth another try: the request was not (or not surely) carried out.
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
# Methods that may be repeated without harm. POST creates, so it is only repeated after a 429,
# which means the API turned the request away unprocessed.
IDEMPOTENT_METHODS = frozenset(('GET', 'PATCH', 'DELETE'))
BACKOFF_BASE = 0.5      # seconds; doubled for each further attempt
BACKOFF_CAP = 10.0      # the longest backoff between two attempts
RETRY_AFTER_CAP = 60.0  # the longest Retry-After we honour


class AlertSiteError(Exception):
    """A request that failed for good: the message is ready for ``fail_json``.

    ``uncertain`` is true when the API may have carried out the request although it did not say so
    (a timeout, a dropped connection or a 5xx reply): a caller that created something must look again.
    """

    def __init__(self, message, method=None, path=None, status=None, messages=None, uncertain=False, retry_after=None,
                 sent=True):
        """:param messages: the API's ``errors[].message`` texts (``api_errors`` in a failed task's result).
        :param retry_after: seconds the API asked to wait (its ``Retry-After``), when it said.
        :param sent: False when the request surely never reached the API (no connection, TLS refused).
        """
        self.retry_after = retry_after
        self.sent = sent
        super(AlertSiteError, self).__init__(message)
        self.message = message
        self.method = method
        self.path = path
        self.status = status
        self.messages = messages or []
        self.uncertain = uncertain

    def __str__(self):
        return self.message


def error_messages(body):
    """Every ``errors[].message`` of an AlertSite error envelope, with the fields they name."""
    messages = []
    if isinstance(body, dict):
        errors = body.get('errors')
        if isinstance(errors, dict):
            errors = [errors]
        for error in errors if isinstance(errors, list) else []:
            if not isinstance(error, dict):
                messages.append(str(error))
                continue
            text = str(error.get('message') or error.get('code') or 'unknown error')
            fields = error.get('fields')
            if isinstance(fields, list) and fields:
                text = '%s: %s' % (', '.join(str(f) for f in fields), text)
            messages.append(text)
    return messages


def retry_after_seconds(value):
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


class AlertSiteClient(object):
    """A logged-in conversation with the AlertSite API.

    :param api_url: base URL, e.g. ``https://api.alertsite.com/api/v3``.
    :param session: a ``requests.Session`` (tests pass a mock); made here when omitted.
    :param sleep: the function used to wait between attempts (tests pass a recorder).
    """

    def __init__(self, api_url=DEFAULT_API_URL, username=None, password=None, access_token=None,
                 validate_certs=True, ca_path=None, timeout=30, retries=3, session=None, sleep=time.sleep):
        self.api_url = api_url.rstrip('/')
        self.username = username
        self.password = password
        self.token = access_token
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep
        if session is None:
            session = requests.Session()
        self.session = session
        # Passed with every request too: requests lets REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE from the
        # environment override the session's verify (even False), but not a per-request one.
        self.verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        self.session.verify = self.verify
        self.session.headers.update({
            'Accept': 'application/json',
            'User-Agent': 'community.alertsite/%s' % COLLECTION_VERSION,
        })
        self.logins = 0
        self.calls = 0  # API calls asked for (each may take several attempts); logins not counted
        # Shared by the threads of parallel writes: one login at a time, and a 429 pauses every thread.
        self._login_lock = threading.Lock()
        self._pause_lock = threading.Lock()
        self._paused_until = 0.0
        self._own = threading.local()  # per thread: the pause its own 429 asked for, and the last one waited out
        self._shared_lock = threading.Lock()
        self._shared = {}  # the latest listing of each (path, params) made by get_all_since, to share

    @property
    def can_login(self):
        return bool(self.username and self.password)

    # -- authentication -------------------------------------------------------------------------

    def login(self, stale_token=None):
        """Get a fresh bearer token with username and password; returns it.

        :param stale_token: the token a caller saw refused; when another thread has already replaced it, that
            new token is returned without a second login.
        """
        with self._login_lock:
            if stale_token is not None and self.token and self.token != stale_token:
                return self.token
            return self._login()

    def _login(self):
        if not self.can_login:
            raise AlertSiteError('cannot log in to AlertSite: username and password are not set', 'POST', '/access-tokens')
        try:
            body = self._send('POST', '/access-tokens', json={'username': self.username, 'password': self.password},
                              authenticated=False, retry_post=True)
        except AlertSiteError as exc:
            if exc.status == 404:
                raise AlertSiteError('POST %s/access-tokens failed with HTTP 404: no AlertSite API there; api_url must be the '
                                     'base of the API v3, ending in /api/v3 (the default is %s)'
                                     % (self.api_url, DEFAULT_API_URL), 'POST', '/access-tokens', 404, exc.messages)
            raise
        token = body.get('access_token') if isinstance(body, dict) else None
        if not token:
            raise AlertSiteError('POST /access-tokens: the reply holds no access_token', 'POST', '/access-tokens')
        self.token = token
        self.logins += 1
        return token

    # -- requests ------------------------------------------------------------------------------

    def request(self, method, path, params=None, json=None, retries=None):
        """One API call; returns the parsed JSON reply (None for an empty reply such as a 204).

        Logs in first when there is no token yet, and once more after a 401 when it can.

        :param retries: attempts after the first (default: the client's ``retries``); a caller that owns its
            retries (a create, see :func:`.engine.create_object`) passes 0.
        """
        self.calls += 1
        if not self.token:
            self.login(stale_token='')
        token = self.token
        try:
            return self._send(method, path, params=params, json=json, retries=retries)
        except AlertSiteError as exc:
            if exc.status != 401:
                raise
            if not self.can_login:
                raise AlertSiteError(
                    '%s %s failed with HTTP 401: the access token was refused; it may have expired (tokens live one '
                    'hour). Give username and password so the module can log in again, or get a new token.'
                    % (method, path), method, path, 401, exc.messages)
        self.login(stale_token=token)
        try:
            return self._send(method, path, params=params, json=json, retries=retries)
        except AlertSiteError as exc:
            if exc.status == 401:
                raise AlertSiteError('%s %s failed with HTTP 401 again right after a new login: the user may lack '
                                     'the permission for this request' % (method, path), method, path, 401, exc.messages)
            raise

    def get(self, path, params=None):
        return self.request('GET', path, params=params)

    def post(self, path, json, retries=None):
        return self.request('POST', path, json=json, retries=retries)

    def patch(self, path, json):
        return self.request('PATCH', path, json=json)

    def delete(self, path):
        return self.request('DELETE', path)

    def get_all(self, path, params=None, until=None):
        """Every item of a list endpoint, paged defensively: the paging of ``GET /monitors`` is not documented.

        Pages of ``limit=PAGE_SIZE`` are read at growing ``offset`` until one of them shows the end: an empty
        page, a page that brings no item not seen before, a short page (unless ``metadata.resultset.count``
        says there is more), or the count reached. ``count`` is believed as the total only when it is larger
        than the page it came with: a full page whose count equals its own length may be followed by more.
        A bare JSON list or an envelope without count is paged the same way. Repeated items (same ``id``) are
        dropped. When the API refuses ``limit``/``offset`` (a 400 naming them), the list is read once without
        them. When the listing does not add up (fewer items than the count, or a full page repeated as if
        ``offset`` were ignored), it is read once without paging; if that does not settle it,
        :class:`AlertSiteError` says so: a listing that may hide an object must not lead to a second one.

        :param until: a function(item) -> bool: paging stops after the page where it is true for an item (the
            items read so far are returned), for a caller that looks for one object, not the whole list.
        """
        params = dict(params or {})
        listing = _Listing()
        offset = 0
        for dummy in range(MAX_PAGES):
            try:
                reply = self.get(path, params=dict(params, limit=PAGE_SIZE, offset=offset))
            except AlertSiteError as exc:
                if not _refuses_paging(exc):
                    raise
                return self._get_unpaged(path, params, listing, refused=True)
            page, count = _list_page(path, reply)
            fresh = listing.add(page, count)
            offset += len(page)
            if not page or not fresh:
                if listing.settled(repeated=bool(page)):
                    return listing.items
                return self._get_unpaged(path, params, listing)
            if listing.complete(page) or (until is not None and any(until(item) for item in page)):
                return listing.items
        raise AlertSiteError('GET %s: still more items after %d pages of %d; the listing does not end, so it cannot be '
                             'trusted%s' % (path, MAX_PAGES, PAGE_SIZE, CONTRACT_HINT), 'GET', path)

    def get_all_since(self, path, params, since, until=None):
        """:meth:`get_all` for a caller that needs a listing begun after ``since`` (``time.monotonic()``, e.g. the
        moment its POST failed): a listing another thread began after that moment is shared (waited for while in
        flight) when it is complete or holds the item ``until`` looks for; else a new one is made, and offered to
        the others. Creates that failed at about the same time look themselves up in one listing."""
        key = (path, json.dumps(params, sort_keys=True))
        with self._shared_lock:
            shared = self._shared.get(key)
        if shared is not None and shared.started >= since:
            shared.done.wait()
            if shared.error is None and (shared.complete or until is not None and any(until(item) for item in shared.items)):
                return shared.items
        mine = _SharedListing()
        with self._shared_lock:
            self._shared[key] = mine
        try:
            mine.items = self.get_all(path, params, until)
            mine.complete = until is None or not any(until(item) for item in mine.items)
            return mine.items
        except AlertSiteError as exc:
            mine.error = exc
            raise
        finally:
            mine.done.set()

    def _get_unpaged(self, path, params, listing, refused=False):
        """The list read once without ``limit``/``offset``, merged into ``listing``: its items when the listing
        adds up then, else an AlertSiteError."""
        before = len(listing.items)
        reply = self.get(path, params=params or None)
        page, count = _list_page(path, reply)
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
        raise AlertSiteError('GET %s: the listing is inconsistent: %s. Stopped, because an object the listing hides '
                             'could be created a second time%s' % (path, reason, CONTRACT_HINT), 'GET', path)

    # -- transport -----------------------------------------------------------------------------

    def wait_to_retry(self, attempt, status=None, retry_after=None):
        """Wait before attempt ``attempt + 1`` of a call whose reply had ``status`` and ``retry_after`` (seconds of
        its ``Retry-After``; both None without a reply). The one owner of how long a retry waits, for the client's
        own retries and for a caller that owns its retries (a create, see :func:`.engine.create_object`):

        - after a 429: until the pause that reply set for every thread of this client is over (see
          :meth:`throttled`): the API said it is overloaded, so no thread sends anything meanwhile;
        - else the API's ``Retry-After`` (capped) when it gave one, else the jittered, growing backoff.
        """
        if status == 429:
            self._hold()
            return
        self.sleep(min(retry_after, RETRY_AFTER_CAP) if retry_after is not None else self._backoff(attempt))

    def pause_all(self, seconds):
        """Hold every request of this client (every thread) for ``seconds``: the API said it is overloaded.
        Returns the moment (``time.monotonic()``) until which requests wait."""
        with self._pause_lock:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)
            return self._paused_until

    def throttled(self, retry_after, attempt):
        """The API answered 429 (to any request, retried or not): every thread of this client holds for its
        ``Retry-After`` (capped), or for the backoff of ``attempt`` when it gave none, before its next request."""
        seconds = min(retry_after, RETRY_AFTER_CAP) if retry_after is not None else self._backoff(attempt)
        self._own.pause = (self.pause_all(seconds), seconds)

    def _hold(self):
        """Wait while a 429 holds every request of this client; each thread waits out each pause once."""
        with self._pause_lock:
            until = self._paused_until
        if until <= getattr(self._own, 'waited', 0.0):
            return
        own_until, seconds = getattr(self._own, 'pause', (None, None))
        left = seconds if until == own_until else until - time.monotonic()
        self._own.waited = until
        if left > 0:
            self.sleep(left)

    def _send(self, method, path, params=None, json=None, authenticated=True, retry_post=False, retries=None):
        """Send with retries; parse the reply; raise AlertSiteError for anything but success."""
        url = self.api_url + path
        headers = {}
        if authenticated:
            headers['Authorization'] = 'Bearer %s' % self.token
        may_repeat = method in IDEMPOTENT_METHODS or retry_post
        limit = self.retries if retries is None else retries
        attempt = 0
        while True:
            attempt += 1
            last_attempt = attempt > limit
            self._hold()
            try:
                response = self.session.request(method, url, params=params, json=json, headers=headers, timeout=self.timeout,
                                                verify=self.verify)
            except requests.exceptions.RequestException as exc:
                reason, sent = self._transport_failure(exc, url)
                # A TLS failure is no accident; a request that never left may be sent again, even a POST.
                worth_repeating = not isinstance(exc, requests.exceptions.SSLError) and (may_repeat or not sent)
                if worth_repeating and not last_attempt:
                    self.wait_to_retry(attempt)
                    continue
                raise AlertSiteError('%s %s failed: %s%s' % (method, path, reason, self._attempts_note(attempt)),
                                     method, path, uncertain=sent, sent=sent)
            status = response.status_code
            retry_after = retry_after_seconds(response.headers.get('Retry-After'))
            if status == 429:  # the API is overloaded: every thread waits, not only this one
                self.throttled(retry_after, attempt)
            if status in RETRY_STATUSES and (may_repeat or status == 429) and not last_attempt:
                self.wait_to_retry(attempt, status, retry_after)
                continue
            return self._parse(method, path, response, attempt)

    def _transport_failure(self, exc, url):
        """``(reason, sent)`` for a request that got no HTTP reply: a readable reason naming the server, and
        whether the request may have reached the API (then a POST may have created something)."""
        parts = urlparse(url)
        server = '%s:%s' % (parts.hostname, parts.port or (443 if parts.scheme == 'https' else 80))
        chain = _causes(exc)
        root = chain[-1]
        cause = str(root) if isinstance(root, ssl.SSLError) else (getattr(root, 'strerror', None) or str(root))
        if isinstance(exc, requests.exceptions.SSLError):
            if 'WRONG_VERSION_NUMBER' in cause.upper() or 'RECORD_LAYER_FAILURE' in cause.upper():
                return ('TLS error with %s: %s: the server does not answer in TLS; the scheme of api_url looks wrong '
                        '(http:// for a server without TLS?)' % (server, cause), False)
            return ('TLS error with %s: %s (set ca_path to your CA bundle, or validate_certs: false for a test server)'
                    % (server, cause), False)
        if isinstance(exc, requests.exceptions.ProxyError):
            return ('cannot connect through the proxy set by https_proxy or http_proxy in the environment (no_proxy '
                    'bypasses it): %s' % cause, False)
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return 'cannot connect to %s within api_timeout (%s s)' % (server, self.timeout), False
        if isinstance(exc, requests.exceptions.Timeout):
            return 'no reply from %s within api_timeout (%s s)' % (server, self.timeout), True
        if any(isinstance(error, NewConnectionError) for error in chain):
            return 'cannot connect to %s: %s' % (server, cause), False
        if isinstance(exc, requests.exceptions.ConnectionError):
            return 'the connection to %s broke off: %s' % (server, cause), True
        return str(exc), True

    def _backoff(self, attempt):
        return min(BACKOFF_CAP, BACKOFF_BASE * (2 ** (attempt - 1))) * random.uniform(0.5, 1.0)

    @staticmethod
    def _attempts_note(attempt):
        return ' (after %d attempts)' % attempt if attempt > 1 else ''

    def _parse(self, method, path, response, attempt):
        status = response.status_code
        text = response.text or ''
        body = None
        parse_error = None
        if text.strip():
            try:
                body = response.json()
            except ValueError as exc:
                parse_error = exc
        if 200 <= status < 300:
            if parse_error is not None:
                raise AlertSiteError('%s %s: HTTP %d with a reply that is not JSON (%s): %s'
                                     % (method, path, status, response.headers.get('Content-Type', 'no content type'),
                                        _snippet(text)), method, path, status)
            return body
        messages = error_messages(body)
        detail = '; '.join(messages) if messages else (_snippet(text) or getattr(response, 'reason', '') or 'no details')
        raise AlertSiteError('%s %s failed with HTTP %d: %s%s' % (method, path, status, detail, self._attempts_note(attempt)),
                             method, path, status, messages, uncertain=status >= 500,
                             retry_after=retry_after_seconds(response.headers.get('Retry-After')))


class _SharedListing(object):
    """A listing one thread makes for others to share: when it began, its items once ``done``, whether it was
    read to its end (``complete``: not stopped where the item its maker looked for turned up), or its error."""

    def __init__(self):
        self.started = time.monotonic()
        self.done = threading.Event()
        self.items = []
        self.complete = False
        self.error = None


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
            key = _item_key(item)
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


def _item_key(item):
    """What makes an item of a listing the same as another: its id as a string (the API writes ids as strings
    and reads them as integers), or, without an id, all of it."""
    item_id = item.get('id')
    if item_id is not None and not isinstance(item_id, (dict, list)):
        return 'id', str(item_id)
    return 'item', json.dumps(item, sort_keys=True, default=str)


def _list_page(path, reply):
    """``(items, count)`` of one reply of a list endpoint: an envelope with ``results`` (count from
    ``metadata.resultset.count``, None when absent or not a number) or a bare JSON list (no count)."""
    if isinstance(reply, list):
        page, count = reply, None
    elif isinstance(reply, dict) and isinstance(reply.get('results'), list):
        page, count = reply['results'], _resultset_count(reply)
    else:
        raise AlertSiteError('GET %s: the reply is not a list of results' % path, 'GET', path)
    if not all(isinstance(item, dict) for item in page):
        raise AlertSiteError('GET %s: the list holds results that are not objects' % path, 'GET', path)
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


def _refuses_paging(exc):
    """Whether an error is the API refusing the paging parameters: a 400 whose message names limit or offset."""
    if exc.status != 400:
        return False
    text = ' '.join(exc.messages) if exc.messages else str(exc)
    return re.search(r'\b(limit|offset)\b', text, re.IGNORECASE) is not None


def _causes(exc):
    """``exc`` and what caused it, outermost first: requests wraps urllib3's errors, which wrap the socket's."""
    chain = []
    while isinstance(exc, BaseException) and not any(exc is seen for seen in chain):
        chain.append(exc)
        inner = getattr(exc, 'reason', None)
        if not isinstance(inner, BaseException):
            wrapped = [arg for arg in exc.args if isinstance(arg, BaseException)]
            inner = wrapped[0] if wrapped else (exc.__cause__ or exc.__context__)
        exc = inner
    return chain


def _snippet(text, limit=200):
    text = ' '.join(text.split())
    return text if len(text) <= limit else text[:limit] + '...'
