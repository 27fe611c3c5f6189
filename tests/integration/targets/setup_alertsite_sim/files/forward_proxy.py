#!/usr/bin/env python
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small logging forward proxy for integration tests.

It tunnels ``CONNECT host:port`` (what a client sends for an ``https://`` URL through
``https_proxy``) and forwards plain requests with an absolute URI (``GET http://host:port/path``,
what a client sends for an ``http://`` URL through ``http_proxy``).

Every proxied request is logged with its method, target host and port, the path for plain
requests, and the status the proxy answered with; never headers, query strings or bodies
(they hold credentials and tokens). Control endpoints, requested with a plain path and never
logged:

* ``GET /_proxy/log``: ``{"requests": [...], "counts": {"total": N, "CONNECT": N, "GET": N, ...}}``;
* ``DELETE /_proxy/log``: clear the log.

Only the Python standard library is used.  Run ``forward_proxy.py --help`` for options.
"""

import argparse
import http.client
import json
import select
import socket
import sys
from urllib.parse import urlsplit

from test_server import DispatchingHandler, QuietThreadingServer, RequestLog, add_server_arguments, serve

CONTROL_PATH = '/_proxy/log'
# Headers that belong to one connection and are not passed on (RFC 9110, section 7.6.1).
HOP_BY_HOP = frozenset((
    'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
    'transfer-encoding', 'upgrade',
))
BUFFER_SIZE = 65536


class ProxyLog(RequestLog):
    """The log of proxied requests."""

    def log(self, method, host, port, path=None):
        """Log a request and return its entry (its status is set later)."""
        return self.add({'method': method, 'host': host, 'port': port, 'target': '%s:%d' % (host, port), 'path': path,
                         'status': None})

    def finish(self, entry, status):
        """Record the status the proxy answered with."""
        self.update(entry, status=status)


def split_host_port(value, default_port):
    """(host, port) of ``host:port``, ``[v6]:port`` or a bare host."""
    if value.startswith('['):
        host, _sep, rest = value[1:].partition(']')
        port = rest[1:] if rest.startswith(':') else ''
    else:
        host, _sep, port = value.rpartition(':') if ':' in value else (value, '', '')
    if not host:
        raise ValueError('no host in %r' % value)
    return host, int(port) if port else default_port


def tunnel(client, upstream):
    """Copy bytes both ways until one side closes."""
    sockets = [client, upstream]
    peer = {client: upstream, upstream: client}
    try:
        while True:
            readable, _writable, broken = select.select(sockets, [], sockets, 120)
            if broken or not readable:
                return
            for sock in readable:
                data = sock.recv(BUFFER_SIZE)
                if not data:
                    return
                peer[sock].sendall(data)
    except OSError:
        return


class ProxyHandler(DispatchingHandler):
    """Tunnels CONNECT, forwards absolute-URI requests, serves the control endpoints."""

    server_version = 'ForwardProxy/1.0'
    do_HEAD = DispatchingHandler.do_GET  # pylint: disable=invalid-name

    @property
    def proxy_log(self):
        """The shared log."""
        return self.server.proxy_log

    def send_json(self, status, body):
        """Reply with a JSON body."""
        data = json.dumps(body).encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_plain(self, status, text):
        """Reply with a short text body and close the connection."""
        data = (text + '\n').encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('Connection', 'close')
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def read_body(self):
        """The request body (Content-Length only; chunked bodies are refused), or None when refused."""
        if 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
            return None
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length > 0 else b''

    # -- CONNECT ----------------------------------------------------------------------------------

    def do_CONNECT(self):  # pylint: disable=invalid-name
        """Open a tunnel to host:port."""
        try:
            host, port = split_host_port(self.path, 443)
        except ValueError:
            self.send_plain(400, 'bad CONNECT target')
            return
        entry = self.proxy_log.log('CONNECT', host, port)
        try:
            upstream = socket.create_connection((host, port), timeout=30)
        except OSError as exc:
            self.proxy_log.finish(entry, 502)
            self.send_plain(502, 'cannot connect to %s:%d: %s' % (host, port, exc))
            return
        self.proxy_log.finish(entry, 200)
        self.send_response(200, 'Connection Established')
        self.end_headers()
        self.close_connection = True
        try:
            upstream.settimeout(None)
            self.connection.settimeout(None)
            tunnel(self.connection, upstream)
        finally:
            upstream.close()

    # -- plain requests ---------------------------------------------------------------------------

    def dispatch(self):
        """A plain path is a control request; an absolute URI is forwarded."""
        if self.path.startswith('/'):
            self.control()
        else:
            self.forward()

    def control(self):
        """Serve GET and DELETE /_proxy/log."""
        if self.read_body() is None:
            self.send_plain(411, 'chunked request bodies are not supported')
            return
        if urlsplit(self.path).path != CONTROL_PATH:
            self.send_plain(404, 'not found; the control endpoint is %s' % CONTROL_PATH)
        elif self.command == 'GET':
            self.send_json(200, self.proxy_log.snapshot())
        elif self.command == 'DELETE':
            self.proxy_log.clear()
            self.send_json(200, {'cleared': True})
        else:
            self.send_plain(405, 'GET or DELETE only')

    def forward(self):
        """Send an absolute-URI request on to its server and relay the reply."""
        url = urlsplit(self.path)
        if url.scheme != 'http' or not url.hostname:
            self.send_plain(400, 'only absolute http:// URIs are forwarded (use CONNECT for https)')
            return
        host, port = url.hostname, url.port or 80
        entry = self.proxy_log.log(self.command, host, port, url.path or '/')
        body = self.read_body()
        if body is None:
            self.proxy_log.finish(entry, 411)
            self.send_plain(411, 'chunked request bodies are not supported')
            return
        target = (url.path or '/') + ('?' + url.query if url.query else '')
        connection = http.client.HTTPConnection(host, port, timeout=60)
        try:
            connection.putrequest(self.command, target, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    connection.putheader(name, value)
            connection.endheaders(body if body else None)
            reply = connection.getresponse()
            data = reply.read()
        except (OSError, http.client.HTTPException) as exc:
            self.proxy_log.finish(entry, 502)
            self.send_plain(502, 'cannot forward to %s:%d: %s' % (host, port, exc))
            return
        finally:
            connection.close()
        self.proxy_log.finish(entry, reply.status)
        self.send_response_only(reply.status, reply.reason)
        for name, value in reply.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != 'content-length':
                self.send_header(name, value)
        has_body = self.command != 'HEAD' and reply.status not in (204, 304) and reply.status >= 200
        if has_body:
            self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        if has_body:
            self.wfile.write(data)


class ProxyServer(QuietThreadingServer):
    """Threading proxy server holding the log."""

    def __init__(self, address, verbose=False):
        self.proxy_log = ProxyLog()
        self.verbose = verbose
        super().__init__(address, ProxyHandler)


def parse_args(argv=None):
    """Parse the command line."""
    parser = argparse.ArgumentParser(description='Logging forward proxy (CONNECT and absolute-URI HTTP) for integration tests.')
    add_server_arguments(parser)
    return parser.parse_args(argv)


def main(argv=None):
    """Start the proxy and serve until stopped or the lifetime runs out."""
    args = parse_args(argv)
    server = ProxyServer((args.host, args.port), args.verbose)
    return serve(server, args, 'forward proxy listening on http://%s:%%d' % args.host)


if __name__ == '__main__':
    sys.exit(main())
