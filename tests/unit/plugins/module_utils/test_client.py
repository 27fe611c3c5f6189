# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ssl
import threading

import pytest
import requests

from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError, ProxyError

from ansible_collections.community.alertsite.plugins.module_utils import client as client_mod
from ansible_collections.community.alertsite.plugins.module_utils.client import (
    AlertSiteClient,
    AlertSiteError,
    error_messages,
    retry_after_seconds,
)
from ansible_collections.community.alertsite.plugins.module_utils.connection import connection_problems
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    CONNECTION_ERROR,
    READ_TIMEOUT,
    FakeResponse,
    FakeSession,
    page,
    token_reply,
)

URL = 'https://alertsite.test/api/v3'


def make(*replies, **kwargs):
    sleeps = []
    session = FakeSession(*replies)
    options = dict(api_url=URL, username='user@example.com', password='s3cret', retries=3, session=session,
                   sleep=sleeps.append)
    options.update(kwargs)
    return AlertSiteClient(**options), session, sleeps


def test_login_then_bearer_token_on_every_call():
    client, session, dummy = make(token_reply('abc'), (200, {'id': 1}))
    assert client.get('/monitors/1') == {'id': 1}
    login, get = session.requests
    assert (login['method'], login['url']) == ('POST', URL + '/access-tokens')
    assert login['json'] == {'username': 'user@example.com', 'password': 's3cret'}
    assert 'Authorization' not in login['headers']
    assert get['headers']['Authorization'] == 'Bearer abc'
    assert get['timeout'] == 30


def test_given_access_token_is_used_without_login():
    client, session, dummy = make((200, {'id': 1}), username=None, password=None, access_token='given')
    client.get('/monitors/1')
    assert session.calls() == [('GET', '/monitors/1')]
    assert session.requests[0]['headers']['Authorization'] == 'Bearer given'


def test_401_logs_in_again_once_and_repeats_the_request():
    client, session, dummy = make(token_reply('old'), (401, {'errors': [{'code': 401, 'message': 'Unauthorized'}]}),
                                  token_reply('new'), (200, {'id': 1}))
    assert client.get('/monitors/1') == {'id': 1}
    assert session.calls() == [('POST', '/access-tokens'), ('GET', '/monitors/1'),
                               ('POST', '/access-tokens'), ('GET', '/monitors/1')]
    assert session.requests[-1]['headers']['Authorization'] == 'Bearer new'
    assert client.logins == 2


def test_second_401_fails_clearly():
    client, session, dummy = make(token_reply(), (401, None), token_reply(), (401, None))
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors/1')
    assert err.value.status == 401
    assert 'again right after a new login' in str(err.value)
    assert len(session.requests) == 4


def test_401_with_only_a_token_explains_expiry():
    client, session, dummy = make((401, None), username=None, password=None, access_token='stale')
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert 'may have expired' in str(err.value)
    assert session.calls() == [('GET', '/monitors')]


def test_bad_credentials_show_the_api_message():
    body = {'errors': [{'code': 400, 'message': 'invalid_request - User authentication failed.'}]}
    client, session, dummy = make((400, body))
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert str(err.value) == 'POST /access-tokens failed with HTTP 400: invalid_request - User authentication failed.'
    assert 's3cret' not in str(err.value)


def test_429_honours_retry_after():
    client, session, sleeps = make(token_reply(), FakeResponse(429, None, {'Retry-After': '2'}), (200, {'id': 1}))
    assert client.get('/monitors/1') == {'id': 1}
    assert sleeps == [2.0]


# -- a 429 anywhere holds every thread of the client ---------------------------------------------------------

THROTTLED = FakeResponse(429, {'errors': [{'code': 429, 'message': 'slow down'}]}, {'Retry-After': '2'})


@pytest.mark.parametrize('method', ['POST', 'PATCH', 'DELETE', 'GET'])
def test_a_429_holds_the_requests_of_every_other_thread_for_its_retry_after(method):
    """Even when its caller does not retry (a create owns its retries), a 429 pauses the whole client: a request
    another thread sends meanwhile waits until the Retry-After is over."""
    client, session, sleeps = make(token_reply(), THROTTLED, (200, {'id': 1}))
    with pytest.raises(AlertSiteError) as err:
        client.request(method, '/monitors/1', json={} if method in ('POST', 'PATCH') else None, retries=0)
    assert err.value.status == 429 and err.value.retry_after == 2.0
    assert sleeps == []
    other = threading.Thread(target=client.get, args=('/monitors/1',))
    other.start()
    other.join()
    assert session.calls()[-1] == ('GET', '/monitors/1')
    assert len(sleeps) == 1 and 1.5 < sleeps[0] <= 2.0


def test_the_thread_that_got_the_429_waits_it_out_once():
    """The caller that owns its retries asks the client how to wait: after a 429, the pause that reply set, and
    its next request does not wait again."""
    client, session, sleeps = make(token_reply(), THROTTLED, (200, {'id': '7'}))
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'}, retries=0)
    client.wait_to_retry(1, err.value.status, err.value.retry_after)
    assert client.post('/monitors/tcp', {'name': 'x'}, retries=0) == {'id': '7'}
    assert sleeps == [2.0]


def test_a_pause_another_thread_set_during_a_retry_is_waited_out_before_the_next_attempt():
    client, session, sleeps = make(token_reply(), (503, None), (200, {'id': 1}))
    seen = []

    def sleep(seconds):
        seen.append(seconds)
        if len(seen) == 1:  # while this thread backs off, another one gets a 429 with Retry-After 5
            client.pause_all(5)
    client.sleep = sleep
    assert client.get('/monitors/1') == {'id': 1}
    assert len(seen) == 2 and 4.5 < seen[1] <= 5.0


def test_a_429_without_retry_after_pauses_for_the_backoff():
    client, session, sleeps = make(token_reply(), FakeResponse(429, None), (200, {'id': 1}))
    assert client.get('/monitors/1') == {'id': 1}
    assert len(sleeps) == 1 and 0 < sleeps[0] <= client_mod.BACKOFF_BASE


def test_retry_after_is_capped():
    client, session, sleeps = make(token_reply(), FakeResponse(503, None, {'Retry-After': '3600'}), (200, {}))
    client.get('/monitors/1')
    assert sleeps == [client_mod.RETRY_AFTER_CAP]


@pytest.mark.parametrize('method', ['GET', 'PATCH', 'DELETE'])
@pytest.mark.parametrize('status', [500, 502, 503, 504])
def test_idempotent_methods_retry_5xx_then_fail_with_attempt_count(method, status):
    replies = [FakeResponse(status, {'errors': [{'code': status, 'message': 'boom'}]})] * 4
    client, session, sleeps = make(token_reply(), *replies)
    with pytest.raises(AlertSiteError) as err:
        client.request(method, '/monitors/1', json={} if method == 'PATCH' else None)
    assert str(err.value) == '%s /monitors/1 failed with HTTP %d: boom (after 4 attempts)' % (method, status)
    assert len(session.requests) == 5
    assert len(sleeps) == 3
    assert all(0 < wait <= client_mod.BACKOFF_CAP for wait in sleeps)
    assert sleeps[2] > client_mod.BACKOFF_BASE  # grows: attempt 3 waits at least 1 s * 0.5 jitter


def test_retries_zero_means_one_attempt():
    client, session, sleeps = make(token_reply(), (500, None), retries=0)
    with pytest.raises(AlertSiteError):
        client.get('/monitors')
    assert len(session.requests) == 2 and sleeps == []


@pytest.mark.parametrize('failure', [CONNECTION_ERROR, READ_TIMEOUT])
def test_transport_errors_are_retried_on_get(failure):
    client, session, sleeps = make(token_reply(), failure, (200, {'id': 1}))
    assert client.get('/monitors/1') == {'id': 1}
    assert len(sleeps) == 1


@pytest.mark.parametrize('failure', [(500, None), CONNECTION_ERROR, READ_TIMEOUT])
def test_post_is_never_blindly_retried_and_is_marked_uncertain(failure):
    client, session, sleeps = make(token_reply(), failure)
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert session.writes() == [('POST', '/monitors/tcp')]
    assert err.value.uncertain


def test_post_rejected_by_validation_is_certain():
    client, session, dummy = make(token_reply(), (400, {'errors': [{'code': 400, 'message': 'bad'}]}))
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert not err.value.uncertain


def test_post_is_retried_after_429_which_means_not_processed():
    client, session, sleeps = make(token_reply(), FakeResponse(429, None, {'Retry-After': '1'}), (200, {'id': '7'}))
    assert client.post('/monitors/tcp', {'name': 'x'}) == {'id': '7'}
    assert session.writes() == [('POST', '/monitors/tcp'), ('POST', '/monitors/tcp')]


def test_timeout_message_names_the_request():
    client, session, dummy = make(token_reply(), READ_TIMEOUT, READ_TIMEOUT, retries=1)
    with pytest.raises(AlertSiteError) as err:
        client.delete('/monitors/5')
    assert str(err.value).startswith('DELETE /monitors/5 failed: no reply from alertsite.test:443 within api_timeout (30 s)')
    assert '(after 2 attempts)' in str(err.value)


def refused(proxy=False):
    """The exception requests raises when nothing listens on the port (of the server, or of the proxy)."""
    try:
        try:
            raise ConnectionRefusedError(111, 'Connection refused')
        except ConnectionRefusedError as cause:
            raise NewConnectionError(None, 'Failed to establish a new connection: [Errno 111] Connection refused') from cause
    except NewConnectionError as error:
        inner = ProxyError('Unable to connect to proxy', error) if proxy else error
        wrapper = requests.exceptions.ProxyError if proxy else requests.exceptions.ConnectionError
        return wrapper(MaxRetryError(None, '/api/v3/monitors/tcp', inner))


def test_refused_connection_names_the_server_and_is_certain():
    client, session, sleeps = make(refused(), refused(), access_token='t', retries=1)
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert str(err.value) == 'POST /monitors/tcp failed: cannot connect to alertsite.test:443: Connection refused (after 2 attempts)'
    # nothing reached the API, so even a POST may be sent again, and nothing may have been created
    assert session.writes() == [('POST', '/monitors/tcp')] * 2
    assert not err.value.uncertain


def test_proxy_failure_says_where_the_proxy_comes_from():
    client, session, dummy = make(refused(proxy=True), access_token='t', retries=0)
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert str(err.value) == ('GET /monitors failed: cannot connect through the proxy set by https_proxy or http_proxy in the '
                              'environment (no_proxy bypasses it): Connection refused')
    assert not err.value.uncertain


def test_tls_failure_is_not_retried():
    failure = requests.exceptions.SSLError(MaxRetryError(None, '/api/v3/monitors', ssl.SSLCertVerificationError(
        1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)')))
    client, session, sleeps = make(failure, access_token='t', retries=3)
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert str(err.value).startswith('GET /monitors failed: TLS error with alertsite.test:443: [SSL: CERTIFICATE_VERIFY_FAILED]')
    assert 'set ca_path' in str(err.value)
    assert len(session.requests) == 1 and sleeps == []


def test_broken_connection_is_uncertain():
    reset = requests.exceptions.ConnectionError(ProtocolError('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer')))
    client, session, dummy = make(reset, access_token='t', retries=0)
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert str(err.value) == 'POST /monitors/tcp failed: the connection to alertsite.test:443 broke off: Connection reset by peer'
    assert err.value.uncertain


def test_connect_timeout_is_certain_and_read_timeout_is_not():
    client, session, dummy = make(requests.exceptions.ConnectTimeout('x'), READ_TIMEOUT, access_token='t', retries=0, timeout=7)
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert str(err.value) == 'POST /monitors/tcp failed: cannot connect to alertsite.test:443 within api_timeout (7 s)'
    assert not err.value.uncertain
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {'name': 'x'})
    assert str(err.value) == 'POST /monitors/tcp failed: no reply from alertsite.test:443 within api_timeout (7 s)'
    assert err.value.uncertain


def test_every_error_message_and_field_is_reported():
    body = {'errors': [{'code': 400, 'message': 'required and is empty', 'fields': ['hostname', 'port']},
                       {'code': 400, 'message': 'unknown field', 'fields': ['colour']}]}
    client, session, dummy = make(token_reply(), (400, body))
    with pytest.raises(AlertSiteError) as err:
        client.post('/monitors/tcp', {})
    assert str(err.value) == ('POST /monitors/tcp failed with HTTP 400: hostname, port: required and is empty; '
                              'colour: unknown field')
    assert err.value.messages == ['hostname, port: required and is empty', 'colour: unknown field']


def test_html_instead_of_json_is_a_clear_error():
    html = FakeResponse(200, text='<html><body>Gateway</body></html>', headers={'Content-Type': 'text/html'})
    client, session, dummy = make(token_reply(), html)
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors/1')
    assert 'not JSON (text/html)' in str(err.value)
    assert '<html><body>Gateway</body></html>' in str(err.value)


def test_html_error_page_is_summarised():
    html = FakeResponse(404, text='<html>not here</html>', headers={'Content-Type': 'text/html'})
    client, session, dummy = make(token_reply(), html)
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors/1')
    assert str(err.value) == 'GET /monitors/1 failed with HTTP 404: <html>not here</html>'


def test_empty_reply_is_none():
    client, session, dummy = make(token_reply(), FakeResponse(204, text=''))
    assert client.delete('/monitors/1') is None


def test_login_reply_without_token_is_an_error():
    client, session, dummy = make((200, {}))
    with pytest.raises(AlertSiteError) as err:
        client.get('/monitors')
    assert 'no access_token' in str(err.value)


def test_get_all_follows_offset_until_count():
    monitors = [{'id': n} for n in range(250)]
    client, session, dummy = make(token_reply(), page(monitors[:100], 250), page(monitors[100:200], 250, 100),
                                  page(monitors[200:], 250, 200), read_workers=1)  # in parallel: test_paging.py
    assert client.get_all('/monitors', {'type': 'tcp'}) == monitors
    offsets = [r['params'].get('offset') for r in session.requests[1:]]
    assert offsets == [0, 100, 200]
    assert all(r['params']['type'] == 'tcp' and r['params']['limit'] == 100 for r in session.requests[1:])


def test_get_all_copes_with_a_smaller_server_page_size():
    monitors = [{'id': n} for n in range(5)]
    client, session, dummy = make(token_reply(), page(monitors[:2], 5), page(monitors[2:4], 5, 2), page(monitors[4:], 5, 4))
    assert client.get_all('/monitors') == monitors
    assert [r['params']['offset'] for r in session.requests[1:]] == [0, 2, 4]


def test_get_all_without_metadata_is_complete():
    client, session, dummy = make(token_reply(), (200, {'results': [{'id': 1}]}))
    assert client.get_all('/monitors') == [{'id': 1}]
    assert len(session.requests) == 2


def test_get_all_with_count_as_string_and_empty_page_fails_as_inconsistent():
    # count '9' is larger than its page, so it is the total: an empty page after one item, and one item again
    # without paging, leave 8 unaccounted for, which could make a module create a duplicate
    client, session, dummy = make(token_reply(), (200, {'metadata': {'resultset': {'count': '9'}}, 'results': [{'id': 1}]}),
                                  (200, {'metadata': {'resultset': {'count': '9'}}, 'results': []}),
                                  (200, {'metadata': {'resultset': {'count': '9'}}, 'results': [{'id': 1}]}))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert 'the listing is inconsistent: metadata.resultset.count announces 9 items' in str(err.value)
    assert [r['params'].get('offset') for r in session.requests[1:]] == [0, 1, None]


def test_get_all_rejects_a_reply_without_results():
    client, session, dummy = make(token_reply(), (200, {'unexpected': True}))
    with pytest.raises(AlertSiteError) as err:
        client.get_all('/monitors')
    assert 'not a list of results' in str(err.value)


def test_tls_settings_reach_the_session():
    assert make(validate_certs=False)[0].session.verify is False
    assert make(ca_path='/ca.pem')[0].session.verify == '/ca.pem'
    assert make()[0].session.verify is True


class RecordingAdapter(requests.adapters.HTTPAdapter):
    """A transport adapter that records the verify setting each request reaches it with, and replies 200."""

    def __init__(self):
        super(RecordingAdapter, self).__init__()
        self.verify = []

    def send(self, request, **kwargs):  # pylint: disable=arguments-differ
        self.verify.append(kwargs.get('verify'))
        response = requests.Response()
        response.status_code = 200
        response.headers['Content-Type'] = 'application/json'
        response._content = b'{"id": 1}'  # pylint: disable=protected-access
        response.request = request
        response.url = request.url
        return response


@pytest.mark.parametrize('options, verify', [
    (dict(validate_certs=False), False),
    (dict(ca_path='/ca.pem'), '/ca.pem'),
    (dict(validate_certs=False, ca_path='/ca.pem'), False),
    (dict(), '/env/bundle.pem'),  # validate_certs true and no ca_path: the environment's bundle is fine
])
def test_tls_settings_win_over_a_ca_bundle_from_the_environment(monkeypatch, options, verify):
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', '/env/bundle.pem')
    monkeypatch.setenv('CURL_CA_BUNDLE', '/env/bundle.pem')
    session = requests.Session()
    adapter = RecordingAdapter()
    session.mount('https://', adapter)
    client = AlertSiteClient(api_url=URL, access_token='given', session=session, **options)
    assert client.get('/monitors/1') == {'id': 1}
    assert adapter.verify == [verify]


def test_retry_after_parsing():
    assert retry_after_seconds('3') == 3.0
    assert retry_after_seconds('') is None
    assert retry_after_seconds('not a date') is None
    assert retry_after_seconds('Wed, 21 Oct 2015 07:28:00 GMT') == 0.0


def test_error_messages_tolerates_odd_envelopes():
    assert error_messages({'errors': {'message': 'one'}}) == ['one']
    assert error_messages({'errors': ['plain']}) == ['plain']
    assert error_messages('text') == []


def test_connection_problems():
    ok = dict(api_url='https://x/api/v3', username='u', password='p', access_token=None, api_timeout=30, api_retries=3)
    assert connection_problems(ok) == []
    assert 'either access_token' in connection_problems(dict(ok, username=None, password=None))[0]
    assert connection_problems(dict(ok, password=None)) == ['password is required with username']
    assert connection_problems(dict(ok, username=None, password=None, access_token='t')) == []
    assert 'api_url must start with' in connection_problems(dict(ok, api_url='ftp://x'))[0]
    assert connection_problems(dict(ok, api_timeout=0, api_retries=-1)) == [
        'api_timeout must be at least 1 second, got 0', 'api_retries must be 0 or more, got -1']


def test_get_all_accepts_a_bare_list():
    client, session, dummy = make(token_reply(), (200, [{'id': 1}, {'id': 2}]))
    assert client.get_all('/monitors') == [{'id': 1}, {'id': 2}]
    assert len(session.requests) == 2
