# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fleet benchmark: a loop over alertsite_tcp_monitor against the role community.alertsite.monitors.

For each fleet size N, one AlertSite API simulator is started and seeded with N TCP monitors; then four
playbooks run against it, each from the same freshly seeded state:

  loop, in sync        one alertsite_tcp_monitor task looping over the N definitions, nothing to change
  bulk, in sync        the role community.alertsite.monitors with the same N definitions
  loop, 10% changed    the loop after a new port in 10% of the definitions
  bulk, 10% changed    the role with the same change

Each measurement records the wall time of ansible-playbook and the request counts of the simulator log
(cleared before each run). It checks from that log that every changed monitor got exactly one PATCH
holding only the new port, that nothing was written when in sync and that no request failed, and that
Ansible reported exactly the changed monitors as changed. The bulk path in sync must also stay within
2 + pages requests, pages = ceil(N / PAGE_SIZE) with the client's PAGE_SIZE (100).

Run it through tests/bench/run.sh, which provides the venv and an installed build of the collection::

    bash tests/bench/run.sh [--sizes 50,200,500] [--json FILE]

The exit status is 1 when a check or a playbook fails, 2 when the benchmark cannot run at all.
"""

import argparse
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SIMULATOR = os.path.join(HERE, os.pardir, 'integration', 'targets', 'setup_alertsite_sim', 'files', 'alertsite_sim.py')
DEFAULT_SIZES = '50,200,500'
SIM_USER = 'demo'
SIM_PASSWORD = 'demo-password'
FALLBACK_PAGE_SIZE = 100  # PAGE_SIZE of plugins/module_utils/client.py, when it cannot be read
FIRST_PORT = 10000        # monitor i listens on FIRST_PORT + i ...
CHANGED_PORT = 30000      # ... and on CHANGED_PORT + i once changed
MAX_SIZE = 65535 - CHANGED_PORT
REPORT_MARKER = 'BENCH_CHANGED:'
COUNT_NAMES = ('total', 'logins', 'GET', 'POST', 'PATCH', 'DELETE', 'writes')

# (key, mode, changed): the order in which they run for each size
SCENARIOS = (
    ('loop-in-sync', 'loop', False),
    ('bulk-in-sync', 'bulk', False),
    ('loop-changed', 'loop', True),
    ('bulk-changed', 'bulk', True),
)

LOOP_PLAYBOOK = '''---
- name: Fleet benchmark, one alertsite_tcp_monitor task looping over the monitors
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/community.alertsite.alertsite:
      api_url: "{{ alertsite_api_url }}"
      username: "{{ alertsite_username }}"
      password: "{{ alertsite_password }}"
  tasks:
    - name: Converge each TCP monitor
      community.alertsite.alertsite_tcp_monitor:
        name: "{{ item.name }}"
        billing_plancode: "{{ item.billing_plancode }}"
        hostname: "{{ item.hostname }}"
        port: "{{ item.port }}"
        interval: "{{ item.interval }}"
        timeout: "{{ item.timeout }}"
        locations: "{{ item.locations }}"
      loop: "{{ bench_monitors }}"
      loop_control:
        label: "{{ item.name }}"
      register: bench_result

    - name: Report the monitors Ansible saw change
      ansible.builtin.debug:
        msg: "MARKER{{ bench_result.results | selectattr('changed') | map(attribute='item.name') | join(',') }}"
'''.replace('MARKER', REPORT_MARKER)

BULK_PLAYBOOK = '''---
- name: Fleet benchmark, the role community.alertsite.monitors
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Converge the TCP monitors with the role
      ansible.builtin.import_role:
        name: community.alertsite.monitors
      vars:
        alertsite_monitors: "{{ bench_monitors }}"

    - name: Report the monitors Ansible saw change
      ansible.builtin.debug:
        msg: "MARKER{{ alertsite_monitors_result.results | selectattr('changed') | map(attribute='name') | join(',') }}"
'''.replace('MARKER', REPORT_MARKER)


class BenchError(Exception):
    """A set-up step failed: the benchmark cannot go on."""


def log(message):
    """Print a progress line on stderr."""
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def format_number(value):
    """A float without trailing zeros: 10.0 -> '10', 12.5 -> '12.5'."""
    return f'{value:f}'.rstrip('0').rstrip('.')


def scenario_label(key, percent):
    """'loop-in-sync' -> 'loop, in sync'; 'bulk-changed' -> 'bulk, 10% changed'."""
    mode, _sep, state = key.partition('-')
    return f"{mode}, {'in sync' if state == 'in-sync' else format_number(percent) + '% changed'}"


# -- the simulator ---------------------------------------------------------------------------------------------

class Simulator:
    """One simulator process in its own temporary directory; stop() ends it and removes the directory."""

    def __init__(self, script, lifetime, page_size):
        self.script = script
        self.lifetime = lifetime
        self.page_size = page_size
        self.workdir = None
        self.process = None
        self.port = None
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    @property
    def base(self):
        """The root URL of the simulator."""
        return f'http://127.0.0.1:{self.port}'

    @property
    def api_url(self):
        """The API base URL the modules use."""
        return self.base + '/api/v3'

    def start(self):
        """Start the simulator on a free port and wait until it reports the port."""
        self.workdir = tempfile.mkdtemp(prefix='alertsite-bench-sim.')
        port_file = os.path.join(self.workdir, 'sim.port')
        command = [sys.executable, self.script, '--port', '0', '--port-file', port_file,
                   '--pid-file', os.path.join(self.workdir, 'sim.pid'), '--lifetime', str(int(self.lifetime)),
                   '--max-page-size', str(self.page_size)]
        with open(os.path.join(self.workdir, 'sim.out'), 'wb') as output:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output,  # pylint: disable=consider-using-with
                                            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f'the simulator exited with status {self.process.returncode}: {self.output()}')
            try:
                with open(port_file, encoding='utf-8') as handle:
                    text = handle.read().strip()
            except OSError:
                text = ''
            if text.isdigit():
                self.port = int(text)
                return
            time.sleep(0.05)
        raise BenchError(f'the simulator did not report its port within 20 seconds: {self.output()}')

    def output(self):
        """What the simulator printed so far."""
        try:
            with open(os.path.join(self.workdir, 'sim.out'), encoding='utf-8', errors='replace') as handle:
                return handle.read().strip() or '(no output)'
        except OSError:
            return '(no output)'

    def stop(self):
        """End the simulator process (if it runs) and remove its directory."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def control(self, method, path, body=None):
        """Send one /_sim control request; return the parsed reply."""
        data = json.dumps(body).encode('utf-8') if body is not None else None
        request = urllib.request.Request(self.base + '/_sim' + path, data=data, method=method)
        if data is not None:
            request.add_header('Content-Type', 'application/json')
        try:
            with self.opener.open(request, timeout=60) as reply:
                return json.loads(reply.read().decode('utf-8') or 'null')
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise BenchError(f'{method} /_sim{path} failed: {exc}') from exc

    def reseed(self, monitors):
        """Go back to the start state (no monitors, empty log, no tokens), then seed; return {name: id}."""
        self.control('POST', '/reset')
        reply = self.control('POST', '/monitors', {'monitors': monitors})
        ids = reply.get('ids') if isinstance(reply, dict) else None
        if not isinstance(ids, list) or len(ids) != len(monitors):
            raise BenchError(f'seeding {len(monitors)} monitors returned {reply!r}')
        return {monitor['name']: monitor_id for monitor, monitor_id in zip(monitors, ids)}


# -- the fleet -------------------------------------------------------------------------------------------------

def definitions(size):
    """The N monitor definitions, with every field the playbooks set; also what is seeded."""
    return [{
        'type': 'tcp',
        'name': f'bench-{index:04d}',
        'billing_plancode': 'UBM - A/A',
        'hostname': f'host-{index:04d}.example.com',
        'port': FIRST_PORT + index,
        'interval': 10,
        'timeout': 15,
        'locations': [10, 20],
    } for index in range(size)]


def changed_indexes(size, percent):
    """Evenly spread indexes of percent % of the monitors (at least one)."""
    count = min(size, max(1, int(round(size * percent / 100.0))))
    return sorted({index * size // count for index in range(count)})


def with_changes(monitors, indexes):
    """A copy of the definitions with a new port for the monitors at indexes."""
    result = [dict(monitor) for monitor in monitors]
    for index in indexes:
        result[index]['port'] = CHANGED_PORT + index
    return result


# -- checks ----------------------------------------------------------------------------------------------------

def patch_problems(patches, expected):
    """Problems of the PATCH requests, given the expected body by monitor id ({} when in sync)."""
    if not expected:
        return [f'{len(patches)} PATCH(es) although everything was in sync'] if patches else []
    problems = []
    seen = {}
    for entry in patches:
        match = re.match(r'^/api/v3/monitors/tcp/(\d+)$', entry.get('path', ''))
        monitor_id = int(match.group(1)) if match else None
        if monitor_id not in expected:
            problems.append(f"PATCH of a monitor that did not change: {entry.get('path')}")
            continue
        seen[monitor_id] = seen.get(monitor_id, 0) + 1
        if entry.get('body') != expected[monitor_id]:
            problems.append(f"PATCH {entry.get('path')} sent {json.dumps(entry.get('body'), sort_keys=True)}, "
                            f'expected only {json.dumps(expected[monitor_id])}')
    for monitor_id in sorted(expected):
        if seen.get(monitor_id, 0) != 1:
            problems.append(f'monitor {monitor_id} got {seen.get(monitor_id, 0)} PATCH(es), expected exactly 1')
    return problems


def request_problems(sim_log, expected):
    """Problems of the simulator's request log, given the expected PATCH bodies by monitor id."""
    problems = []
    requests = sim_log.get('requests', [])
    failed = [entry for entry in requests if not 200 <= (entry.get('status') or 0) < 300]
    if failed:
        first = failed[0]
        problems.append(f"{len(failed)} request(s) failed, first: {first.get('method')} {first.get('path')} -> {first.get('status')}")
    patches = [entry for entry in requests if entry.get('method') == 'PATCH']
    others = sim_log.get('counts', {}).get('writes', 0) - len(patches)
    if others:
        problems.append(f'{others} write(s) besides PATCH (creates or deletes)')
    return problems + patch_problems(patches, expected)


def reported_problems(reported, expected_names):
    """Problems of the monitors Ansible reported as changed (None: no report was printed)."""
    if reported is None:
        return ['the playbook printed no report of changed monitors']
    problems = []
    missing = sorted(set(expected_names) - set(reported))
    extra = sorted(set(reported) - set(expected_names))
    if missing:
        problems.append(f"Ansible did not report as changed: {', '.join(missing)}")
    if extra:
        problems.append(f"Ansible reported as changed although not changed: {', '.join(extra)}")
    if len(reported) != len(set(reported)):
        problems.append('Ansible reported a monitor twice')
    return problems


def parse_report(output):
    """The monitor names the report task printed, or None when it printed nothing."""
    match = re.search(re.escape(REPORT_MARKER) + r'([^"\n]*)"', output)
    if match is None:
        return None
    return [name for name in match.group(1).split(',') if name]


# -- running ---------------------------------------------------------------------------------------------------

def ansible_environment(collections_path, workdir):
    """The environment of ansible-playbook: the temporary collection, an empty config, quiet output."""
    config = os.path.join(workdir, 'ansible.cfg')
    with open(config, 'w', encoding='utf-8') as handle:
        handle.write('[defaults]\n')
    local_temp = os.path.join(workdir, 'ansible-tmp')
    os.makedirs(local_temp, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(('ALERTSITE_', 'ANSIBLE_'))}
    no_proxy = ','.join(item for item in (os.environ.get('NO_PROXY', ''), '127.0.0.1,localhost') if item)
    env.update({
        'ANSIBLE_CONFIG': config,
        'ANSIBLE_COLLECTIONS_PATH': collections_path,
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_LOCAL_TEMP': local_temp,
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_FORCE_COLOR': '0',
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'ANSIBLE_RETRY_FILES_ENABLED': 'false',
        'ANSIBLE_STDOUT_CALLBACK': 'ansible.builtin.default',
        'ANSIBLE_CALLBACK_RESULT_FORMAT': 'json',
        'NO_PROXY': no_proxy,
        'no_proxy': no_proxy,
    })
    return env


def stop_group(process):
    """Stop a process started in its own session and every process of its group: SIGTERM, then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except OSError:  # the group is gone
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


class Bench:
    """One benchmark run: the playbooks in a temporary directory, and the rows measured so far."""

    def __init__(self, args, workdir, page_size):
        self.args = args
        self.workdir = workdir
        self.page_size = page_size
        self.rows = []
        self.playbooks = {}
        for mode, text in (('loop', LOOP_PLAYBOOK), ('bulk', BULK_PLAYBOOK)):
            self.playbooks[mode] = os.path.join(workdir, f'{mode}.yml')
            with open(self.playbooks[mode], 'w', encoding='utf-8') as handle:
                handle.write(text)
        self.env = ansible_environment(args.collections_path, workdir)

    def label(self, key):
        """The printed name of a scenario."""
        return scenario_label(key, self.args.changed_percent)

    def playbook(self, mode, variables, timeout):
        """Run one playbook; return (wall seconds, exit status or None after a timeout, captured output)."""
        vars_file = os.path.join(self.workdir, 'vars.json')
        with open(vars_file, 'w', encoding='utf-8') as handle:
            json.dump(variables, handle)
        command = [self.args.ansible_playbook, '-e', '@' + vars_file, self.playbooks[mode]]
        start = time.monotonic()
        # its own session, so that a timeout or an interrupt stops its worker processes too
        with subprocess.Popen(command, cwd=self.workdir, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, start_new_session=True) as process:
            try:
                output, _unused = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                stop_group(process)
                output, _unused = process.communicate()
                return time.monotonic() - start, None, f"{output.decode('utf-8', 'replace')}\n(stopped after {timeout} seconds)"
            except BaseException:
                stop_group(process)
                raise
        return time.monotonic() - start, process.returncode, output.decode('utf-8', 'replace')

    def timeout(self, size):
        """Seconds after which a playbook of this fleet size is stopped."""
        return self.args.playbook_timeout or (120 + 3 * size)

    def run_size(self, size):
        """Measure every scenario of one fleet size against its own simulator."""
        lifetime = len(SCENARIOS) * (self.timeout(size) + 60) + 120
        sim = Simulator(self.args.simulator, lifetime=lifetime, page_size=self.page_size)
        try:
            sim.start()
            log(f'N={size}: simulator on port {sim.port}; {len(changed_indexes(size, self.args.changed_percent))} '
                'monitor(s) changed in the changed scenarios')
            for key, mode, is_changed in SCENARIOS:
                log(f'N={size}: {self.label(key)} ...')
                self.record(size, key, mode, self.measure(sim, size, mode, is_changed))
        finally:
            sim.stop()

    def measure(self, sim, size, mode, is_changed):
        """Seed the start state and run one scenario's playbook; return what the checks need."""
        seed = definitions(size)
        wanted = with_changes(seed, changed_indexes(size, self.args.changed_percent) if is_changed else [])
        ids = sim.reseed(seed)
        changed = [monitor for monitor, seeded in zip(wanted, seed) if monitor != seeded]
        variables = {
            'alertsite_api_url': sim.api_url,
            'alertsite_username': SIM_USER,
            'alertsite_password': SIM_PASSWORD,
            'bench_monitors': wanted,
        }
        sim.control('DELETE', '/log')
        seconds, status, output = self.playbook(mode, variables, self.timeout(size))
        return {
            'seconds': seconds,
            'status': status,
            'output': output,
            'log': sim.control('GET', '/log'),
            'expected': {ids[monitor['name']]: {'port': monitor['port']} for monitor in changed},
            'changed_names': [monitor['name'] for monitor in changed],
        }

    def record(self, size, key, mode, result):
        """Check one measurement and add its row."""
        status = result['status']
        problems = []
        if status != 0:
            problems.append('ansible-playbook timed out' if status is None else f'ansible-playbook exited with status {status}')
        problems.extend(request_problems(result['log'], result['expected']))
        problems.extend(reported_problems(parse_report(result['output']), result['changed_names']))
        if status != 0 or self.args.verbose:
            sys.stderr.write(f"---- ansible-playbook output (N={size}, {self.label(key)}) ----\n{result['output'].rstrip()}\n"
                             '---- end of output ----\n')
        counts = result['log'].get('counts', {})
        row = {
            'n': size,
            'scenario': key,
            'mode': mode,
            'changed': len(result['changed_names']),
            'wall_seconds': round(result['seconds'], 3),
            'counts': {name: counts.get(name, 0) for name in COUNT_NAMES},
            'check': 'FAIL' if problems else 'ok',
            'problems': problems,
        }
        self.rows.append(row)
        details = ''.join('\n    ' + problem for problem in problems)
        log(f"N={size}: {self.label(key)}: {result['seconds']:.1f}s, {row['counts']['total']} requests, check {row['check']}{details}")


# -- reporting -------------------------------------------------------------------------------------------------

def ratio(numerator, denominator):
    """numerator / denominator rounded to 2 places, None when the denominator is 0."""
    return round(float(numerator) / denominator, 2) if denominator else None


def summarise(rows, sizes, page_size):
    """The ratios loop / bulk and the bound of the bulk path in sync, from the rows."""
    by_key = {(row['n'], row['scenario']): row for row in rows}
    ratios, bounds = [], []
    for size in sizes:
        for state in ('in-sync', 'changed'):
            loop, bulk = by_key.get((size, 'loop-' + state)), by_key.get((size, 'bulk-' + state))
            if loop is not None and bulk is not None:
                ratios.append({
                    'n': size,
                    'state': state,
                    'time': ratio(loop['wall_seconds'], bulk['wall_seconds']),
                    'requests': ratio(loop['counts']['total'], bulk['counts']['total']),
                })
        bulk = by_key.get((size, 'bulk-in-sync'))
        if bulk is not None:
            pages = max(1, math.ceil(size / page_size))
            total = bulk['counts']['total']
            bounds.append({'n': size, 'pages': pages, 'bound': 2 + pages, 'requests': total, 'held': total <= 2 + pages})
    return ratios, bounds


def times(value):
    """A ratio as printed: '12.3x'."""
    return 'n/a' if value is None else f'{value:.1f}x'


def print_report(rows, ratios, bounds, page_size, percent):
    """Print the table, the ratios, the bound and the failed checks on stdout."""
    header = f"{'N':>6}  {'scenario':<18} {'changed':>7} {'wall s':>9} {'requests':>9} {'logins':>7} {'GETs':>6} {'PATCHes':>8}  check"
    print(header)
    print('-' * len(header))
    for row in rows:
        counts = row['counts']
        print(f"{row['n']:>6}  {scenario_label(row['scenario'], percent):<18} {row['changed']:>7} {row['wall_seconds']:>9.2f} "
              f"{counts['total']:>9} {counts['logins']:>7} {counts['GET']:>6} {counts['PATCH']:>8}  {row['check']}")
    print()
    print('ratios, loop / bulk:')
    print(f"{'N':>6}  {'state':<12} {'time':>8} {'requests':>10}")
    for item in ratios:
        state = scenario_label('x-' + item['state'], percent).split(', ', 1)[1]
        print(f"{item['n']:>6}  {state:<12} {times(item['time']):>8} {times(item['requests']):>10}")
    print()
    print(f'bound, bulk in sync: requests <= 2 + pages, pages = ceil(N / {page_size}):')
    print(f"{'N':>6} {'pages':>6} {'bound':>6} {'requests':>9}  held")
    for item in bounds:
        print(f"{item['n']:>6} {item['pages']:>6} {item['bound']:>6} {item['requests']:>9}  {'yes' if item['held'] else 'NO'}")
    failed = [row for row in rows if row['problems']]
    if failed:
        print()
        print('failed checks:')
        for row in failed:
            for problem in row['problems']:
                print(f"  N={row['n']}, {scenario_label(row['scenario'], percent)}: {problem}")


# -- set-up ----------------------------------------------------------------------------------------------------

def parse_sizes(text):
    """'50,200,500' -> [50, 200, 500]."""
    try:
        sizes = [int(item) for item in text.split(',') if item.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f'sizes must be comma-separated integers, got {text!r}') from None
    if not sizes or any(size < 1 or size > MAX_SIZE for size in sizes):
        raise argparse.ArgumentTypeError(f'sizes must be between 1 and {MAX_SIZE}, got {text!r}')
    return sizes


def default_ansible_playbook():
    """The ansible-playbook next to this Python (the venv's), else the one on PATH."""
    sibling = os.path.join(os.path.dirname(sys.executable), 'ansible-playbook')
    if os.access(sibling, os.X_OK):
        return sibling
    return shutil.which('ansible-playbook') or 'ansible-playbook'


def parse_args(argv=None):
    """Parse and check the command line."""
    parser = argparse.ArgumentParser(description='Compare a loop over alertsite_tcp_monitor with the role community.alertsite.monitors '
                                                 'against the AlertSite API simulator: wall time and request counts.')
    parser.add_argument('--sizes', type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                        help=f'comma-separated fleet sizes (default {DEFAULT_SIZES})')
    parser.add_argument('--json', metavar='FILE', help='also write the figures to FILE as JSON')
    parser.add_argument('--changed-percent', type=float, default=10.0,
                        help='share of the monitors changed in the changed scenarios, at least one (default 10)')
    parser.add_argument('--collections-path', default=os.environ.get('ANSIBLE_COLLECTIONS_PATH', ''),
                        help='directory holding ansible_collections/community/alertsite (default $ANSIBLE_COLLECTIONS_PATH)')
    parser.add_argument('--ansible-playbook', default=default_ansible_playbook(),
                        help='the ansible-playbook to run (default: next to this Python, else from PATH)')
    parser.add_argument('--simulator', default=os.path.normpath(DEFAULT_SIMULATOR), help='the simulator script')
    parser.add_argument('--playbook-timeout', type=int, default=0,
                        help='seconds after which a playbook is stopped (default 120 + 3 * N)')
    parser.add_argument('--verbose', action='store_true', help='print the output of every playbook, not only of failed ones')
    args = parser.parse_args(argv)
    if not 0 < args.changed_percent <= 100:
        parser.error('--changed-percent must be above 0 and at most 100')
    paths = [os.path.abspath(path) for path in args.collections_path.split(os.pathsep) if path]
    found = [path for path in paths if os.path.isdir(os.path.join(path, 'ansible_collections', 'community', 'alertsite'))]
    if not found:
        parser.error(f'community.alertsite is not installed in --collections-path {args.collections_path!r} (use tests/bench/run.sh)')
    args.collections_path = os.pathsep.join(paths)
    args.collection_root = os.path.join(found[0], 'ansible_collections', 'community', 'alertsite')
    if not os.path.isfile(args.simulator):
        parser.error(f'simulator not found: {args.simulator}')
    return args


def page_size_of(collection_root):
    """PAGE_SIZE of the installed client: the page size of every listing."""
    path = os.path.join(collection_root, 'plugins', 'module_utils', 'client.py')
    try:
        with open(path, encoding='utf-8') as handle:
            match = re.search(r'^PAGE_SIZE\s*=\s*(\d+)', handle.read(), re.MULTILINE)
    except OSError:
        match = None
    if match is None:
        log(f'could not read PAGE_SIZE from {path}; assuming {FALLBACK_PAGE_SIZE}')
        return FALLBACK_PAGE_SIZE
    return int(match.group(1))


def ansible_version(ansible_playbook):
    """The ansible-core version of ansible-playbook."""
    try:
        done = subprocess.run([ansible_playbook, '--version'], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BenchError(f'cannot run {ansible_playbook}: {exc}') from exc
    first = done.stdout.decode('utf-8', 'replace').splitlines()[:1]
    if done.returncode != 0 or not first:
        raise BenchError(f'{ansible_playbook} --version failed')
    match = re.search(r'core ([0-9][^\]\s]*)', first[0])
    return match.group(1) if match else first[0]


def terminate(signum, frame):  # pylint: disable=unused-argument
    """On SIGTERM unwind, so the running playbook and the simulator are stopped and the temporary files removed."""
    raise SystemExit(128 + signum)


def run(args, page_size):
    """Measure every size; return (rows, error message or None)."""
    workdir = tempfile.mkdtemp(prefix='alertsite-bench.')
    bench = None
    try:
        bench = Bench(args, workdir, page_size)
        for size in args.sizes:
            bench.run_size(size)
    except BenchError as exc:
        log(f'ERROR: {exc}')
        return (bench.rows if bench else []), str(exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return bench.rows, None


def main(argv=None):
    """Run the benchmark; return the exit status."""
    signal.signal(signal.SIGTERM, terminate)
    args = parse_args(argv)
    page_size = page_size_of(args.collection_root)
    try:
        core = ansible_version(args.ansible_playbook)
    except BenchError as exc:
        log(f'ERROR: {exc}')
        return 2
    python = sys.version.split()[0]
    log(f"ansible-core {core}, Python {python}, page size {page_size}, sizes {','.join(str(size) for size in args.sizes)}")
    start = time.monotonic()
    rows, error = run(args, page_size)
    ratios, bounds = summarise(rows, args.sizes, page_size)
    print_report(rows, ratios, bounds, page_size, args.changed_percent)
    ok = error is None and bool(rows) and not any(row['problems'] for row in rows) and all(item['held'] for item in bounds)
    if args.json:
        figures = {
            'ansible_core': core,
            'python': python,
            'page_size': page_size,
            'changed_percent': args.changed_percent,
            'sizes': args.sizes,
            'total_seconds': round(time.monotonic() - start, 1),
            'rows': rows,
            'ratios': ratios,
            'bounds': bounds,
            'error': error,
            'ok': ok,
        }
        with open(args.json, 'w', encoding='utf-8') as handle:
            json.dump(figures, handle, indent=2, sort_keys=True)
            handle.write('\n')
    if error is not None:
        return 2
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
