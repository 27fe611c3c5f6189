# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one HTTP client of the collection: everything that talks to the AlertSite Management API v3.

Login (``POST /access-tokens``), the bearer token, one reused ``requests.Session``, timeouts, TLS,
retries with jittered backoff, the pause every thread keeps after a 429, and API errors turned into
:class:`AlertSiteError` with a readable message. Modules never talk HTTP themselves. Which pages of a list
endpoint to read, and when a listing is complete, is decided in :mod:`.paging`.

This file knows nothing of Ansible modules: :mod:`.connection` builds a client from a module's options.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import email.utils
import random
import ssl
import threading
import time
import traceback

from urllib.parse import urlparse

from ansible_collections.community.alertsite.plugins.module_utils import paging
# PAGE_SIZE and the readers of list replies are imported from here by other files
from ansible_collections.community.alertsite.plugins.module_utils.paging import (  # pylint: disable=unused-import
    PAGE_SIZE,
    READ_WORKERS,
    item_key as _item_key,
    list_page as _list_page,
    refuses_paging as _refuses_paging,
)
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
    :param read_workers: listing pages read at once when the paging allows it (see :mod:`.paging`); 1 reads
        every listing one page after the other.
    """

    def __init__(self, api_url=DEFAULT_API_URL, username=None, password=None, access_token=None,
                 validate_certs=True, ca_path=None, timeout=30, retries=3, session=None, sleep=time.sleep,
                 read_workers=READ_WORKERS):
        self.api_url = api_url.rstrip('/')
        self.username = username
        self.password = password
        self.token = access_token
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep
        self.read_workers = read_workers
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
        self._shared = paging.SharedListings()  # the latest listing of each (path, params) of get_all_since

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
        """Every item of a list endpoint, paged defensively, the pages after the first ``read_workers`` at a time
        when the count of the first page is believed: see :func:`.paging.get_all` (``until`` too)."""
        return paging.get_all(self, path, params, until, self.read_workers)

    def get_all_since(self, path, params, since, until=None):
        """:meth:`get_all` for a caller that needs a listing begun after ``since`` (``time.monotonic()``, e.g. the
        moment its POST failed), sharing the listing of another thread when it will do: see
        :func:`.paging.get_all_since`."""
        return paging.get_all_since(self, self._shared, path, params, since, until)

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
