#!/usr/bin/env python
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""simctl: start, stop and drive the AlertSite API simulator, the one way the tests do it.

The simulator is tests/integration/targets/setup_alertsite_sim/files/alertsite_sim.py (its --help documents
its options, its API and its control endpoints under /_sim). simctl starts it in the background, waits until
it answers, and keeps what the other commands need in a directory of its own:

    DIR/url            http[s]://HOST:PORT, the simulator (the API is URL/api/v3)
    DIR/port, DIR/pid  written by the simulator itself (it removes the pid file when it exits)
    DIR/simulator.log  its standard output and error

Command line (standard library only; run it with the Python that should run the simulator):

    simctl.py start [--dir DIR] [--json] [--wait SECONDS] [--] [SIMULATOR_ARG...]
        Start the simulator, wait until GET /_sim/log answers (at most --wait seconds, default 30; no fixed
        sleep), print its URL (or with --json: {"url", "api_url", "port", "pid", "dir"}) and exit; the
        simulator keeps running, detached. Without --dir a new temporary directory is made. SIMULATOR_ARGs
        go to alertsite_sim.py as they are, e.g. --user NAME:PASSWORD, --dialect NAME, --latency-ms N,
        --max-page-size N, --seed-file PATH, --lifetime SECONDS, --tls-cert PEM --tls-key PEM (the URL is
        then https://); --port-file and --pid-file are simctl's.
    simctl.py stop --dir DIR [--remove]
        Stop the simulator of DIR (SIGTERM, then SIGKILL after 10 s; only a process running
        alertsite_sim.py is signalled) and wait until it is gone; --remove deletes DIR as well.
        Stopping a simulator that has already stopped succeeds.
    simctl.py reset     --dir DIR | --url URL   POST /_sim/reset: no objects, log, faults or tokens
    simctl.py log       --dir DIR | --url URL   print the request log (JSON of GET /_sim/log);
                        [--counts]              only its counts
    simctl.py clear-log --dir DIR | --url URL   DELETE /_sim/log
    simctl.py state     --dir DIR | --url URL   print what it holds (JSON of GET /_sim/state: monitors,
                                                recipients, blackouts, notifier_groups, clock, dialects)
    simctl.py faults    --dir DIR | --url URL (--arm JSON | --clear | --list)
                                                arm fault rules (a JSON list of rules, or @FILE holding one),
                                                remove them all, or print them
    simctl.py seed      --dir DIR | --url URL JSON
                                                store objects without validation: JSON (or @FILE) is
                                                {"monitors": [...], "recipients": [...], "blackouts": [...],
                                                "notifier_groups": [...]} (any of them; a bare list holds
                                                monitors); prints {"monitors": [ids], ...}. "tests" sets how
                                                the tests on demand of monitors end ([{"monitor_id", "result":
                                                passed|failed|running|forget, "status", "status_desc",
                                                "polls"}]), "report_sitestatus" their site status
    simctl.py token     --dir DIR | --url URL [--user NAME:PASSWORD]
                                                log in (POST /api/v3/access-tokens, default demo:demo-password)
                                                and print the access token
    Every command that talks to a simulator over HTTPS verifies its certificate only with --cafile PEM.
    Exit status: 0, or 1 with the reason on standard error.

From Python (the benchmark, the extra checks), with tests/utils on sys.path:

    import simctl
    sim = simctl.start(['--latency-ms', '5'])    # or simctl.start(args, directory=DIR)
    sim.url, sim.api_url, sim.port, sim.pid, sim.dir
    sim.clear_log(); sim.arm([{'method': 'GET', 'path': '^/api/v3/monitors$', 'status': 500}])
    sim.seed({'monitors': [...]}); sim.log()['counts']; sim.state()['monitors']; sim.reset(); sim.token()
    sim.stop(remove=True)
    simctl.Simulator.from_dir(DIR)                # a simulator started by another process
"""

import argparse
import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SIMULATOR = os.path.join(HERE, os.pardir, 'integration', 'targets', 'setup_alertsite_sim', 'files', 'alertsite_sim.py')
DEFAULT_USER = 'demo:demo-password'
POLL = 0.05  # seconds between two looks at a starting or stopping simulator


class SimError(Exception):
    """A simulator that does not start, stop or answer as asked."""


def _option(args, name, default=None):
    """The value of ``--name VALUE`` or ``--name=VALUE`` in a list of simulator arguments."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + '='):
            return arg[len(name) + 1:]
    return default


def _read(path):
    try:
        with open(path, encoding='utf-8') as handle:
            return handle.read().strip()
    except OSError:
        return ''


def _running(pid):
    """Whether process ``pid`` exists and is no zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = _read('/proc/%d/stat' % pid)
    return not stat or stat.rsplit(')', 1)[-1].split()[0] != 'Z'


def _is_simulator(pid):
    """Whether ``pid`` runs alertsite_sim.py (true where /proc cannot tell)."""
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as handle:
            cmdline = handle.read()
    except FileNotFoundError:
        return not os.path.isdir('/proc/self')
    except OSError:
        return True
    return b'alertsite_sim.py' in cmdline


class Simulator:
    """A running simulator: its URL, port, pid and directory, and its control endpoints."""

    def __init__(self, url, directory=None, cafile=None, process=None):
        self.url = url.rstrip('/')
        self.api_url = self.url + '/api/v3'
        self.dir = directory
        self.cafile = cafile
        self.process = process
        self.port = int(self.url.rsplit(':', 1)[1])

    @classmethod
    def from_dir(cls, directory, cafile=None):
        """The simulator whose files are in ``directory`` (started by ``simctl.py start --dir``)."""
        url = _read(os.path.join(directory, 'url'))
        if not url:
            raise SimError('no simulator in %s (no url file)' % directory)
        return cls(url, directory, cafile)

    @property
    def pid(self):
        """The simulator's process id (None once it has stopped)."""
        if self.process is not None:
            return self.process.pid if self.process.poll() is None else None
        text = _read(os.path.join(self.dir, 'pid')) if self.dir else ''
        return int(text) if text.isdigit() else None

    def describe(self):
        return {'url': self.url, 'api_url': self.api_url, 'port': self.port, 'pid': self.pid, 'dir': self.dir}

    def request(self, method, path, body=None, timeout=10):
        """Send one request to the simulator; return the decoded JSON reply (None when empty)."""
        data = None if body is None else json.dumps(body).encode('utf-8')
        headers = {'Content-Type': 'application/json'} if data is not None else {}
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        context = None
        if self.url.startswith('https:'):
            if self.cafile:
                context = ssl.create_default_context(cafile=self.cafile)
            else:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
        try:
            with urllib.request.urlopen(request, timeout=timeout, context=context) as reply:
                text = reply.read().decode('utf-8')
        except urllib.error.HTTPError as exc:
            raise SimError('%s %s: HTTP %d %s' % (method, path, exc.code, exc.read().decode('utf-8', 'replace'))) from None
        except (urllib.error.URLError, OSError) as exc:
            raise SimError('%s %s%s: %s' % (method, self.url, path, getattr(exc, 'reason', exc))) from None
        return json.loads(text) if text.strip() else None

    def log(self):
        """The request log: {"requests", "counts", "max_in_flight", "in_flight"}."""
        return self.request('GET', '/_sim/log')

    def clear_log(self):
        self.request('DELETE', '/_sim/log')

    def reset(self):
        self.request('POST', '/_sim/reset')

    def state(self):
        """Everything stored: {"monitors", "recipients", "blackouts", "notifier_groups", "clock", "dialects"}."""
        return self.request('GET', '/_sim/state')

    def arm(self, rules):
        """Add fault rules (see alertsite_sim.py --help); return them as stored."""
        return self.request('POST', '/_sim/faults', {'faults': rules})['faults']

    def clear_faults(self):
        self.request('DELETE', '/_sim/faults')

    def faults(self):
        return self.request('GET', '/_sim/faults')['faults']

    def seed(self, objects):
        """Store objects without validation; ``objects`` as in the --seed-file (a bare list holds monitors).
        Returns {"monitors": [ids], ...} for the kinds given."""
        if isinstance(objects, list):
            objects = {'monitors': objects}
        ids = {}
        for key, items in objects.items():
            path = '/_sim/' + key.replace('_', '-')
            ids[key] = self.request('POST', path, {key: items})['ids']
        return ids

    def token(self, user=DEFAULT_USER):
        """Log in as NAME:PASSWORD and return the access token."""
        name, _sep, password = user.partition(':')
        return self.request('POST', '/api/v3/access-tokens', {'username': name, 'password': password})['access_token']

    def stop(self, remove=False, timeout=10):
        """Stop the simulator and wait until it is gone; with ``remove`` delete its directory too."""
        pid = self.pid
        if pid is not None and _running(pid) and (self.process is not None or _is_simulator(pid)):
            os.kill(pid, signal.SIGTERM)
            if not self._gone(pid, timeout):
                os.kill(pid, signal.SIGKILL)
                if not self._gone(pid, timeout):
                    raise SimError('the simulator (pid %d) does not stop' % pid)
        if remove and self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _gone(self, pid, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None:
                if self.process.poll() is not None:
                    return True
            elif not _running(pid):
                return True
            time.sleep(POLL)
        return False


def start(args=(), directory=None, wait=30, python=None, cafile=None):
    """Start the simulator with the command line ``args``; return a :class:`Simulator` once it answers.

    Its files go to ``directory`` (made if needed; a new temporary one when None). ``python`` runs it
    (default: this interpreter)."""
    args = list(args)
    for own in ('--port-file', '--pid-file'):
        if _option(args, own) is not None:
            raise SimError('%s is set by simctl' % own)
    made = not directory
    directory = os.path.abspath(directory) if directory else tempfile.mkdtemp(prefix='alertsite_sim.')
    os.makedirs(directory, exist_ok=True)
    port_file = os.path.join(directory, 'port')
    for name in ('port', 'pid', 'url'):
        if os.path.exists(os.path.join(directory, name)):
            os.remove(os.path.join(directory, name))
    command = [python or sys.executable, os.path.normpath(SIMULATOR), '--port', '0', '--port-file', port_file,
               '--pid-file', os.path.join(directory, 'pid')] + args
    with open(os.path.join(directory, 'simulator.log'), 'ab') as output:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)

    def failed(reason):
        if process.poll() is None:
            process.kill()
            process.wait()
        output = _read(os.path.join(directory, 'simulator.log'))
        if made:
            shutil.rmtree(directory, ignore_errors=True)
        return SimError('%s (simulator output: %s)' % (reason, output[-2000:] or 'none'))

    deadline = time.monotonic() + wait
    port = ''
    while not port.isdigit():
        if process.poll() is not None:
            raise failed('the simulator exited with status %s' % process.returncode)
        if time.monotonic() > deadline:
            raise failed('the simulator did not report its port within %s s' % wait)
        time.sleep(POLL)
        port = _read(port_file)
    scheme = 'https' if _option(args, '--tls-cert') else 'http'
    host = _option(args, '--host', '127.0.0.1')
    sim = Simulator('%s://%s:%s' % (scheme, '[%s]' % host if ':' in host else host, port), directory, cafile, process)
    while True:
        try:
            sim.log()
            break
        except SimError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                raise failed('the simulator does not answer on %s: %s' % (sim.url, exc)) from None
            time.sleep(POLL)
    with open(os.path.join(directory, 'url'), 'w', encoding='utf-8') as handle:
        handle.write(sim.url + '\n')
    return sim


def _json_argument(text):
    """JSON given inline or as @FILE."""
    if text.startswith('@'):
        with open(text[1:], encoding='utf-8') as handle:
            return json.load(handle)
    return json.loads(text)


def _print_json(data):
    sys.stdout.write(json.dumps(data, sort_keys=True) + '\n')


def parse_args(argv):
    parser = argparse.ArgumentParser(prog='simctl.py', description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     allow_abbrev=False)
    commands = parser.add_subparsers(dest='command', required=True, metavar='COMMAND')

    def command(name, help_text, needs_sim=True):
        sub = commands.add_parser(name, help=help_text, allow_abbrev=False)
        if needs_sim:
            where = sub.add_mutually_exclusive_group(required=True)
            where.add_argument('--dir', help='the directory given to (or made by) simctl.py start')
            where.add_argument('--url', help='the simulator, http[s]://HOST:PORT')
            sub.add_argument('--cafile', help='verify an HTTPS simulator with this CA bundle')
        return sub

    sub = command('start', 'start a simulator in the background and print its URL', needs_sim=False)
    sub.add_argument('--dir', help='where simctl keeps the simulator files (default: a new temporary directory)')
    sub.add_argument('--json', action='store_true', help='print {"url", "api_url", "port", "pid", "dir"}')
    sub.add_argument('--wait', type=float, default=30, help='seconds to wait for it to answer (default 30)')
    sub.add_argument('--cafile', help='verify its HTTPS certificate with this CA bundle while waiting')
    sub = command('stop', 'stop the simulator of a directory', needs_sim=False)
    sub.add_argument('--dir', required=True, help='the directory of simctl.py start')
    sub.add_argument('--remove', action='store_true', help='delete the directory as well')
    command('reset', 'forget every object, the log, the fault rules and the tokens')
    sub = command('log', 'print the request log (JSON)')
    sub.add_argument('--counts', action='store_true', help='print only its counts')
    command('clear-log', 'empty the request log')
    command('state', 'print the stored objects, the clock and the dialects (JSON)')
    sub = command('faults', 'arm, clear or list fault rules')
    what = sub.add_mutually_exclusive_group(required=True)
    what.add_argument('--arm', metavar='JSON', help='a JSON list of fault rules, or @FILE holding one')
    what.add_argument('--clear', action='store_true', help='remove every fault rule')
    what.add_argument('--list', action='store_true', help='print the fault rules')
    sub = command('seed', 'store objects without validation')
    sub.add_argument('objects', metavar='JSON', help='{"monitors": [...], ...} or a list of monitors, or @FILE')
    sub = command('token', 'log in and print an access token')
    sub.add_argument('--user', default=DEFAULT_USER, metavar='NAME:PASSWORD', help='default %s' % DEFAULT_USER)
    return parser.parse_known_args(argv)


def main(argv=None):
    args, extra = parse_args(sys.argv[1:] if argv is None else argv)
    if extra and args.command != 'start':
        sys.stderr.write('simctl.py %s: unrecognized arguments: %s\n' % (args.command, ' '.join(extra)))
        return 2
    if extra[:1] == ['--']:
        extra = extra[1:]
    try:
        if args.command == 'start':
            sim = start(extra, args.dir, args.wait, cafile=args.cafile)
            if args.json:
                _print_json(sim.describe())
            else:
                sys.stdout.write(sim.url + '\n')
            return 0
        if args.command == 'stop':
            if _read(os.path.join(args.dir, 'url')):
                Simulator.from_dir(args.dir).stop(remove=args.remove)
            elif args.remove:
                shutil.rmtree(args.dir, ignore_errors=True)
            return 0
        sim = Simulator.from_dir(args.dir, args.cafile) if args.dir else Simulator(args.url, cafile=args.cafile)
        if args.command == 'reset':
            sim.reset()
        elif args.command == 'log':
            log = sim.log()
            _print_json(log['counts'] if args.counts else log)
        elif args.command == 'clear-log':
            sim.clear_log()
        elif args.command == 'state':
            _print_json(sim.state())
        elif args.command == 'faults':
            if args.arm:
                _print_json(sim.arm(_json_argument(args.arm)))
            elif args.clear:
                sim.clear_faults()
            else:
                _print_json(sim.faults())
        elif args.command == 'seed':
            _print_json(sim.seed(_json_argument(args.objects)))
        elif args.command == 'token':
            sys.stdout.write(sim.token(args.user) + '\n')
    except (SimError, OSError, ValueError) as exc:
        sys.stderr.write('simctl.py %s: %s\n' % (args.command, exc))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
