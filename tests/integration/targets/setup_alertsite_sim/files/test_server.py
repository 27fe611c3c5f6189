# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the test servers beside this file share: the AlertSite API simulator and the forward proxy.

* :func:`add_server_arguments`: the options to bind, report the port and pid, and stop by itself;
* :class:`QuietThreadingServer`: a threading HTTP server that stays quiet about clients that went away;
* :class:`DispatchingHandler`: a request handler that sends every method to ``dispatch()``;
* :class:`RequestLog`: the thread-safe log of requests the control endpoints show and clear;
* :func:`serve`: write the pid and port files, serve until SIGTERM, SIGINT or the lifetime, clean up.

Only the Python standard library is used.
"""

import copy
import os
import signal
import socket
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def add_server_arguments(parser):
    """Add --host, --port, --port-file, --pid-file, --lifetime and --verbose to ``parser``."""
    parser.add_argument('--host', default='127.0.0.1', help='address to bind (default 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port to bind; 0 picks a free one (default 0)')
    parser.add_argument('--port-file', help='write the bound port to this file')
    parser.add_argument('--pid-file', help='write the process id to this file')
    parser.add_argument('--lifetime', type=float, default=1800, help='exit by itself after this many seconds (default 1800)')
    parser.add_argument('--verbose', action='store_true', help='log each request to stderr')


class QuietThreadingServer(ThreadingHTTPServer):
    """A threading HTTP server that does not print tracebacks for clients that went away."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, socket.timeout, ssl.SSLError)):
            return
        super().handle_error(request, client_address)


class DispatchingHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive; GET, POST, PUT, PATCH, DELETE and OPTIONS all go to :meth:`dispatch`;
    request lines are logged only with --verbose."""

    protocol_version = 'HTTP/1.1'
    timeout = 120
    # Headers and body go out in two writes: without TCP_NODELAY the body waits for the client's delayed ACK
    # (about 40 ms), which a real API does not add to every request.
    disable_nagle_algorithm = True

    def _any_method(self):
        self.dispatch()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _any_method  # pylint: disable=invalid-name

    def dispatch(self):
        """Answer the request; subclasses say how."""
        raise NotImplementedError

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        if self.server.verbose:
            sys.stderr.write('%s - %s\n' % (self.address_string(), format % args))


class RequestLog:
    """A thread-safe log of requests: entries (dicts) numbered from 1 by ``seq``, completed later."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []
        self.seq = 0

    def add(self, entry):
        """Number ``entry``, append it and return it."""
        with self.lock:
            self.seq += 1
            entry['seq'] = self.seq
            self.entries.append(entry)
        return entry

    def update(self, entry, **fields):
        """Complete a logged entry (its status, for instance)."""
        with self.lock:
            entry.update(fields)

    def count(self, entries):
        """The counters of a snapshot: the total and one per method."""
        counts = {'total': len(entries)}
        for entry in entries:
            counts[entry['method']] = counts.get(entry['method'], 0) + 1
        return counts

    def snapshot(self):
        """``{"requests": [...], "counts": {...}}``: copies of the entries and their counters."""
        with self.lock:
            entries = copy.deepcopy(self.entries)
        return {'requests': entries, 'counts': self.count(entries)}

    def clear(self):
        """Empty the log (sequence numbers start again at 1)."""
        with self.lock:
            self.entries = []
            self.seq = 0


def write_atomic(path, text):
    """Write ``text`` to ``path`` so that a reader never sees a partial file."""
    directory = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(directory, '.%s.%d.tmp' % (os.path.basename(path), os.getpid()))
    with open(tmp, 'w', encoding='utf-8') as handle:
        handle.write(text)
    os.replace(tmp, path)


def serve(server, args, banner):
    """Serve until stopped; ``banner`` is printed with the bound port (``%d``) once the port file is written."""
    port = server.server_address[1]

    def stop(signum, frame):  # pylint: disable=unused-argument
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if args.pid_file:
        write_atomic(args.pid_file, '%d\n' % os.getpid())
    if args.port_file:
        write_atomic(args.port_file, '%d\n' % port)
    sys.stdout.write(banner % port + '\n')
    sys.stdout.flush()

    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        timer.cancel()
        server.server_close()
        if args.pid_file:
            try:
                os.remove(args.pid_file)
            except OSError:
                pass
    return 0
