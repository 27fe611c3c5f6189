# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fleet benchmark: the bulk path (role community.alertsite.monitors, module alertsite_monitors) against the
AlertSite API simulator, with and without network latency, and optionally a loop over alertsite_tcp_monitor.

Run it through tests/bench/run.sh, which provides the venv and an installed build of the collection::

    bash tests/bench/run.sh                       # the default run below (15 playbooks, about 2.5 minutes on 2 cores)
    bash tests/bench/run.sh --loop-sizes 50,200   # and the loop against the bulk path at these sizes

What one run measures (the default; every dimension is an option):

  latency grid   N = --sizes (500) monitors, 0% and --changed-percent (10%) changed, for every latency of
                 --latencies (0 and 100 ms) and every value of --parallel-writes (1 and 4, the default of the
                 module and the role): the role with that parallel_writes;
  memory         N = --memory-sizes (500 and 5,000), in sync, latency 0, parallel_writes 4: the bulk module's
                 peak memory, requests and wall time, to show that the cost grows with pages, not with N^2
                 (a scenario the grid already holds is measured once);
  loop vs bulk   N = --loop-sizes (none by default), latency 0: one alertsite_tcp_monitor task looping over the
                 N definitions against the role (parallel_writes 4), in sync and changed, and their ratios;
  listing        N = --info-sizes (5,000) monitors at --info-latency (100 ms): alertsite_monitor_info lists them
                 all, its pages read one after the other, then in parallel; listing requests, GETs in flight,
                 the listing's wall time (its own table and checks: see tests/bench/info_listing.py).
  result shape   N = --shape-sizes (5,000) monitors in sync at latency 0: the role with the full result
                 (return_unchanged: true, every unchanged monitor's object in results) and with the default,
                 --shape-repeats (2) times each in turn: wall time, the module's run time, reply size and peak
                 memory (its own table and checks: see tests/bench/result_shape.py).

Each (N, latency) gets its own simulator (started and driven through tests/utils/simctl.py), with --latency-ms
(and --jitter-ms): every API request waits that long before it is handled, holding no lock, so concurrent
requests overlap as they would over a network.
Each scenario starts from the same freshly seeded state (a reset, N TCP monitors seeded, an empty log); the
changed scenarios give a new port to an evenly spread share of the definitions.

The columns, per scenario:

  wall s       wall time of ansible-playbook (start-up, templating and the module included)
  +sync s      changed scenarios: wall time minus that of the same N, latency and parallel_writes in sync
  API s        from the first request's arrival to the last one's reply, from the simulator's log
  requests     the simulator's count, then by method: logins (POST /access-tokens), GETs, PATCHes, and other
               writes (creates, deletes: always 0 here)
  limit        the physical limit: 1 login + pages + changed writes, pages = ceil(N / page size); nothing can
               converge with fewer requests. req/lim = requests / limit. The bulk path reads the written types
               back with one more paged listing (or a GET per written monitor when that is fewer requests), so
               its changed runs send up to 1 + 2 x pages + writes.
  crit         the critical path: the requests that must wait on each other, from what the client sent:
                   crit = logins + listing rounds + ceil(writes / parallel_writes) + read-back rounds
               The login gives the token every other request needs; the plan needs the whole listing, so the
               writes start after its last page; the writes do not depend on each other and go out on
               parallel_writes threads, so they take ceil(writes / parallel_writes) round trips; the read-back
               waits for the writes. Listing pages are the GETs that arrived before the first write, read-back
               requests the GETs after it; the rounds of each are its round trips one after the other, from the
               log (the most of its GETs of which each began after the one before had its reply: the pages the
               client reads in parallel count once, see tests/bench/info_listing.py). In the loop every request
               waits on the one before (crit = requests).
  wall/crit    wall time / (crit x latency), latency = --latency-ms + --jitter-ms / 2 (the mean): 1.0 would be
               a run that costs exactly its chain of round trips; the rest is what the run spends besides
               waiting on the network (ansible-playbook start-up, the module's Python, threads on shared
               cores). n/a at latency 0.
  PATCH peak   the most PATCHes in flight at once (max_in_flight of the simulator's log)
  RSS MB       the bulk module's peak resident memory, ru_maxrss of the module process (see below)

Below the table: the simulator's own round trip without latency, the median of a few small control requests on
one kept-alive connection (as the modules' client keeps its connection). Every request costs that on top of
the latency; it should be about a millisecond, and when it is not, the report says why.

Memory: the bulk scenarios run with ansible_python_interpreter set to a small wrapper (written into the
benchmark's temporary directory) that forks, executes the real Python with Ansible's arguments (the
AnsiballZ payload, which runs the module in that same process), waits for it with os.wait4() and appends the
child's ru_maxrss to a file. The kernel keeps that peak for the whole life of the process, so nothing is missed
between two samples, as polling /proc could, and the reply the module prints at its very end is counted. The
figure is at least the wrapper's own resident size at the fork (a Python started with -I -S, a few MB), far
below a module's. The wrapper costs one small Python start per module run (tens of ms); the loop scenarios,
which start the module N times, run without it and show no memory.

Checks, in every scenario, from the simulator's log and Ansible's output (the exit status is 1 if one fails):
every changed monitor got exactly one PATCH holding only its new port; nothing was written when in sync and no
other write was sent; no request failed; Ansible reported exactly the changed monitors as changed; the
playbook succeeded. For the bulk path also: in sync, the requests are exactly 1 login + pages (pages =
ceil(N / page size), one more when N is exactly one page, as the client then cannot tell the end from a count
equal to the page); changed, at most 1 + 2 x pages + writes; and with parallel_writes >= 3 at a latency
above 0, at least min(3, changed) PATCHes were in flight at once. Timings are printed, never asserted (the
targets of issue 13 are printed as measured, met or not, without changing the exit status).

The exit status is 0 when every check held, 1 when a check or a playbook failed, 2 when the benchmark cannot
run at all.
"""

import argparse
import http.client
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
import urllib.parse
from collections import OrderedDict, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, 'utils'))
import simctl  # noqa: E402  pylint: disable=wrong-import-position,import-error  # tests/utils/simctl.py
import info_listing  # noqa: E402  pylint: disable=wrong-import-position,import-error  # tests/bench/info_listing.py
import result_shape  # noqa: E402  pylint: disable=wrong-import-position,import-error  # tests/bench/result_shape.py

DEFAULT_SIZES = '500'
DEFAULT_LATENCIES = '0,100'
DEFAULT_PARALLEL = '1,4'
DEFAULT_MEMORY_SIZES = '500,5000'
DEFAULT_LOOP_SIZES = ''
DEFAULT_INFO_SIZES = '5000'
DEFAULT_INFO_LATENCY = 100
DEFAULT_SHAPE_SIZES = '5000'
DEFAULT_SHAPE_REPEATS = 2
MODULE_PARALLEL_WRITES = 4  # the default of the module's parallel_writes and the role's variable
SIM_USER = 'demo'
SIM_PASSWORD = 'demo-password'
FALLBACK_PAGE_SIZE = 100  # PAGE_SIZE of plugins/module_utils/paging.py, when it cannot be read
FIRST_PORT = 10000        # monitor i listens on FIRST_PORT + i ...
CHANGED_PORT = 30000      # ... and on CHANGED_PORT + i once changed
MAX_SIZE = 65535 - CHANGED_PORT
REPORT_MARKER = 'BENCH_CHANGED:'
COUNT_NAMES = ('total', 'logins', 'GET', 'POST', 'PATCH', 'DELETE', 'writes')
LOGIN_PATH = '/api/v3/access-tokens'
# targets of issue 13, printed with what was measured (never asserted)
TARGET_LATENCY = 100
TARGET_SIZE = 500
TARGET_EXTRA_SECONDS = 3.0
TARGET_PEAK = 3
TARGET_MEMORY_SIZE = 5000
TARGET_MEMORY_MB = 100
SLOW_ROUND_TRIP_MS = 10   # a simulator round trip above this is explained below the table

# One measurement: mode 'bulk' or 'loop', fleet size, latency (ms), parallel_writes (bulk), changed or in sync.
Scenario = namedtuple('Scenario', 'mode n latency parallel changed')

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
        alertsite_monitors_parallel_writes: "{{ bench_parallel_writes }}"

    - name: Report the monitors Ansible saw change
      ansible.builtin.debug:
        msg: "MARKER{{ alertsite_monitors_result.results | selectattr('changed') | map(attribute='name') | join(',') }}"
'''.replace('MARKER', REPORT_MARKER)

# The interpreter wrapper of the bulk scenarios (see "Memory" above); formatted with python, real, records.
RSS_WRAPPER = '''#!{python} -IS
"""Run the real Python with these arguments as a child, passing its output on; append its peak RSS (ru_maxrss,
KiB), the bytes it printed (the module's reply) and its run time to a file."""
import json
import os
import sys
import time

REAL = {real!r}
RECORDS = {records!r}

start = time.monotonic()
reader, writer = os.pipe()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(writer, 1)
        os.close(reader)
        os.close(writer)
        os.execv(REAL, [REAL] + sys.argv[1:])
    finally:
        os._exit(127)
os.close(writer)
printed = 0
while True:
    chunk = os.read(reader, 1 << 16)
    if not chunk:
        break
    printed += len(chunk)
    sys.stdout.buffer.write(chunk)
sys.stdout.buffer.flush()
while True:
    try:
        status, usage = os.wait4(pid, 0)[1:]
        break
    except InterruptedError:
        continue
with open(RECORDS, 'a', encoding='utf-8') as handle:
    handle.write(json.dumps({{'script': os.path.basename(sys.argv[1]) if len(sys.argv) > 1 else '-',
                              'maxrss_kb': usage.ru_maxrss, 'reply_bytes': printed,
                              'seconds': round(time.monotonic() - start, 3)}}) + '\\n')
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
'''


class BenchError(Exception):
    """A set-up step failed: the benchmark cannot go on."""


def log(message):
    """Print a progress line on stderr."""
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def format_number(value):
    """A float without trailing zeros: 10.0 -> '10', 12.5 -> '12.5'."""
    return f'{value:f}'.rstrip('0').rstrip('.')


def state_label(changed, percent):
    """'in sync' or '10% changed'."""
    return f'{format_number(percent)}% changed' if changed else 'in sync'


def scenario_label(scenario, percent):
    """'bulk, N=500, 100 ms, parallel_writes 4, 10% changed'."""
    parts = [scenario.mode, f'N={scenario.n}', f'{scenario.latency} ms']
    if scenario.mode == 'bulk':
        parts.append(f'parallel_writes {scenario.parallel}')
    parts.append(state_label(scenario.changed, percent))
    return ', '.join(parts)


# -- the simulator ---------------------------------------------------------------------------------------------
# Started, driven and stopped through tests/utils/simctl.py, the one control of the simulator; the rest of the
# benchmark only calls the four functions below and reads sim.api_url.

def start_simulator(page_size, latency_ms, jitter_ms, lifetime):
    """A simulator with this page size and latency that stops by itself after lifetime seconds."""
    try:
        sim = simctl.start(['--lifetime', str(int(lifetime)), '--max-page-size', str(page_size),
                            '--latency-ms', str(latency_ms), '--jitter-ms', str(jitter_ms)])
    except (simctl.SimError, OSError) as exc:
        raise BenchError(f'the simulator did not start: {exc}') from exc
    try:
        reply = sim_call('GET /_sim/latency', sim.request, 'GET', '/_sim/latency')
        wanted = {'latency_ms': latency_ms, 'jitter_ms': jitter_ms}
        if not isinstance(reply, dict) or any(reply.get(key) != value for key, value in wanted.items()):
            raise BenchError(f'the simulator reports latency {reply!r}, expected {wanted!r}')
    except BaseException:
        stop_simulator(sim)
        raise
    return sim


def stop_simulator(sim):
    """Stop the simulator and remove its directory."""
    try:
        sim.stop(remove=True)
    except (simctl.SimError, OSError) as exc:
        log(f'could not stop the simulator on {sim.url}: {exc}')


def sim_call(what, function, *args, **kwargs):
    """function(*args, **kwargs), with a failure of the simulator as a BenchError."""
    try:
        return function(*args, **kwargs)
    except (simctl.SimError, OSError, ValueError, KeyError, TypeError) as exc:
        raise BenchError(f'{what} failed: {exc}') from exc


def reseed(sim, monitors):
    """Go back to the start state (no monitors, empty log, no tokens, the command line's latency), seed the
    monitors and empty the log; return {name: id}."""
    sim_call('POST /_sim/reset', sim.reset)
    # seeding thousands of monitors may take longer than simctl's usual timeout
    reply = sim_call('seeding the monitors', sim.request, 'POST', '/_sim/monitors', {'monitors': monitors}, timeout=300)
    ids = reply.get('ids') if isinstance(reply, dict) else None
    if not isinstance(ids, list) or len(ids) != len(monitors):
        raise BenchError(f'seeding {len(monitors)} monitors returned {reply!r}')
    sim_call('DELETE /_sim/log', sim.clear_log)
    return {monitor['name']: monitor_id for monitor, monitor_id in zip(monitors, ids)}


def round_trip_ms(sim, count=7):
    """The median time in ms of a small control request (GET /_sim/latency, to which no latency applies) on one
    kept-alive connection, after one to open it: what the simulator and the loopback cost per request on top of
    the latency. None when it cannot be measured."""
    where = urllib.parse.urlsplit(sim.url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    samples = []
    try:
        for index in range(count + 1):
            start = time.monotonic()
            connection.request('GET', '/_sim/latency')
            connection.getresponse().read()
            if index:
                samples.append((time.monotonic() - start) * 1000.0)
    except (OSError, http.client.HTTPException):
        return None
    finally:
        connection.close()
    return round(sorted(samples)[len(samples) // 2], 1)


def read_log(sim):
    """The request log: requests (with start and finish), counts, max_in_flight."""
    return sim_call('GET /_sim/log', sim.request, 'GET', '/_sim/log', timeout=300)


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


def pages_of(size, page_size):
    """Listing pages of N monitors: ceil(N / page size)."""
    return max(1, math.ceil(size / page_size))


def listing_requests(size, page_size):
    """The GETs the client needs to list N monitors: one more than the pages when N is exactly one page, as a
    full page whose count equals its length may be followed by more (client.get_all)."""
    return pages_of(size, page_size) + (1 if size == page_size else 0)


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


def bulk_problems(scenario, figures, changed, page_size):
    """Problems of the bulk path's request counts and overlap."""
    counts = figures['counts']
    problems = []
    listing = listing_requests(scenario.n, page_size)
    if not scenario.changed:
        if (counts['total'], counts['logins'], counts['GET']) != (1 + listing, 1, listing):
            problems.append(f"in sync: {counts['total']} requests ({counts['logins']} login(s), {counts['GET']} GET(s)), "
                            f'expected exactly 1 login + {listing} listing page(s)')
    else:
        bound = 1 + 2 * pages_of(scenario.n, page_size) + changed
        if counts['total'] > bound:
            problems.append(f"{counts['total']} requests, more than 1 login + 2 x pages + writes = {bound}")
        if scenario.latency > 0 and scenario.parallel >= TARGET_PEAK:
            least = min(TARGET_PEAK, changed)
            if figures['patch_peak'] < least:
                problems.append(f"at most {figures['patch_peak']} PATCH(es) in flight at once with parallel_writes "
                                f'{scenario.parallel} and {scenario.latency} ms latency, expected at least {least}')
    if figures['rss_kb'] is None:
        problems.append("the module's peak memory was not recorded")
    return problems


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


# -- figures from the log --------------------------------------------------------------------------------------

def is_login(entry):
    """A POST /access-tokens."""
    return entry.get('method') == 'POST' and entry.get('path') == LOGIN_PATH


def log_figures(sim_log, scenario):
    """Counts, the critical path and the overlap of one run, from the simulator's request log."""
    requests = sorted(sim_log.get('requests', []), key=lambda entry: (entry.get('start') or 0, entry.get('seq') or 0))
    counts = sim_log.get('counts', {})
    writes = [entry for entry in requests if entry.get('method') in ('POST', 'PATCH', 'DELETE') and not is_login(entry)]
    gets = [entry for entry in requests if entry.get('method') == 'GET']
    first_write = min(entry['start'] for entry in writes) if writes else None
    listing = [entry for entry in gets if first_write is None or entry['start'] < first_write]
    logins = sum(1 for entry in requests if is_login(entry))
    if scenario.mode == 'bulk':
        rounds = math.ceil(len(writes) / scenario.parallel)
        readback = [entry for entry in gets if entry not in listing]
        critical = logins + info_listing.serial_rounds(listing) + rounds + info_listing.serial_rounds(readback)
    else:
        critical = len(requests)  # every request waits on the one before
    starts = [entry['start'] for entry in requests if entry.get('start') is not None]
    finishes = [entry['finish'] for entry in requests if entry.get('finish') is not None]
    peaks = sim_log.get('max_in_flight', {})
    return {
        'counts': {name: counts.get(name, 0) for name in COUNT_NAMES},
        'listing_requests': len(listing),
        'readback_requests': len(gets) - len(listing),
        'critical_path': critical,
        'api_seconds': round(max(finishes) - min(starts), 3) if starts and finishes else 0.0,
        'patch_peak': peaks.get('PATCH', 0),
        'peak_in_flight': peaks.get('total', 0),
    }


# -- the module's memory ---------------------------------------------------------------------------------------

def write_rss_wrapper(workdir):
    """Write the interpreter wrapper; return (its path, the file it appends its records to)."""
    records = os.path.join(workdir, 'rss.jsonl')
    path = os.path.join(workdir, 'python-rss')
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(RSS_WRAPPER.format(python=sys.executable, real=sys.executable, records=records))
    os.chmod(path, 0o755)
    return path, records


def read_rss(records, module):
    """The largest ru_maxrss (KiB) recorded for a run of module (the AnsiballZ_<module>.py payload), or None."""
    try:
        with open(records, encoding='utf-8') as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError):
        return None
    found = [line['maxrss_kb'] for line in lines if line.get('script') in (f'AnsiballZ_{module}.py', '-')]
    return max(found) if found else None


def read_run(records, module):
    """The record of the module's run (the last one of AnsiballZ_<module>.py): rss_kb, reply_bytes and
    module_seconds, each None when not recorded."""
    try:
        with open(records, encoding='utf-8') as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError):
        lines = []
    found = [line for line in lines if line.get('script') == f'AnsiballZ_{module}.py'] or [{}]
    return {'rss_kb': found[-1].get('maxrss_kb'), 'reply_bytes': found[-1].get('reply_bytes'),
            'module_seconds': found[-1].get('seconds')}


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


def plan_scenarios(args):
    """Every scenario to measure, each once, in the order they run, grouped by (N, latency): one simulator each."""
    wanted = []
    for size in args.sizes:
        for latency in args.latencies:
            for changed in (False, True):
                for parallel in args.parallel_writes:
                    wanted.append(Scenario('bulk', size, latency, parallel, changed))
    for size in args.memory_sizes:
        wanted.append(Scenario('bulk', size, 0, MODULE_PARALLEL_WRITES, False))
    for size in args.loop_sizes:
        for changed in (False, True):
            wanted.append(Scenario('loop', size, 0, 1, changed))
            wanted.append(Scenario('bulk', size, 0, MODULE_PARALLEL_WRITES, changed))
    groups = OrderedDict()
    for scenario in wanted:
        group = groups.setdefault((scenario.n, scenario.latency), [])
        if scenario not in group:
            group.append(scenario)
    return groups


class Bench:
    """One benchmark run: the playbooks in a temporary directory, and the rows measured so far."""

    def __init__(self, args, workdir, page_size):
        self.args = args
        self.workdir = workdir
        self.page_size = page_size
        self.rows = []
        self.playbooks = {}
        self.info_rows = []
        self.shape_rows = []
        for mode, text in (('loop', LOOP_PLAYBOOK), ('bulk', BULK_PLAYBOOK), ('info', info_listing.PLAYBOOK),
                           ('shape', result_shape.PLAYBOOK)):
            self.playbooks[mode] = os.path.join(workdir, f'{mode}.yml')
            with open(self.playbooks[mode], 'w', encoding='utf-8') as handle:
                handle.write(text)
        self.env = ansible_environment(args.collections_path, workdir)
        self.wrapper, self.rss_records = write_rss_wrapper(workdir)

    def label(self, scenario):
        """The printed name of a scenario."""
        return scenario_label(scenario, self.args.changed_percent)

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

    def timeout(self, scenario):
        """Seconds after which the playbook of a scenario is stopped."""
        if self.args.playbook_timeout:
            return self.args.playbook_timeout
        if scenario.mode == 'loop':
            return 120 + 3 * scenario.n + scenario.n * scenario.latency // 100
        return 180 + scenario.n // 10 + scenario.n * scenario.latency // 1000

    def run_all(self):
        """Measure every scenario, one simulator per (N, latency)."""
        for (size, latency), scenarios in plan_scenarios(self.args).items():
            lifetime = sum(self.timeout(scenario) + 60 for scenario in scenarios) + 120
            sim = start_simulator(self.page_size, latency, self.args.jitter_ms, lifetime)
            try:
                overhead = round_trip_ms(sim)
                log(f'N={size}, latency {latency} ms (jitter {self.args.jitter_ms} ms): simulator on {sim.url}, '
                    f'{fixed(overhead, 1, "?")} ms a request on top of the latency; '
                    f'{len(changed_indexes(size, self.args.changed_percent))} monitor(s) changed in the changed scenarios')
                for scenario in scenarios:
                    log(f'{self.label(scenario)} ...')
                    self.record(scenario, self.measure(sim, scenario), overhead)
            finally:
                stop_simulator(sim)

    def run_info(self):
        """The listing benchmark (see tests/bench/info_listing.py): for each size, alertsite_monitor_info with the
        pages read one after the other, then in parallel, against one simulator with the monitors seeded once."""
        latency = self.args.info_latency
        for size in self.args.info_sizes:
            timeout = self.args.playbook_timeout or 180 + size // 10 + size * latency // 1000
            sim = start_simulator(self.page_size, latency, 0, 2 * timeout + 180)
            try:
                reseed(sim, definitions(size))
                for reads, dialects in info_listing.READS:
                    log(f'listing, N={size}, {latency} ms, {reads} ...')
                    sim_call('POST /_sim/dialects', sim.request, 'POST', '/_sim/dialects', {'dialects': dialects})
                    sim_call('DELETE /_sim/log', sim.clear_log)
                    variables = {'alertsite_api_url': sim.api_url, 'alertsite_username': SIM_USER,
                                 'alertsite_password': SIM_PASSWORD}
                    seconds, status, output = self.playbook('info', variables, timeout)
                    row = {'reads': reads, 'n': size, 'latency_ms': latency, 'status': status,
                           'wall_seconds': round(seconds, 3), 'listed': info_listing.parse_marker(output)}
                    row.update(info_listing.figures(read_log(sim), latency))
                    row['problems'] = info_listing.problems(row, self.page_size)
                    row['check'] = 'FAIL' if row['problems'] else 'ok'
                    self.info_rows.append(row)
                    if status != 0 or self.args.verbose:
                        sys.stderr.write(f'---- ansible-playbook output (listing, {reads}) ----\n{output.rstrip()}\n'
                                         '---- end of output ----\n')
                    log(f"listing, N={size}, {reads}: {row['gets']} GETs, at most {row['get_peak']} in flight, listing "
                        f"{row['listing_seconds']:.2f} s, wall {seconds:.1f} s, check {row['check']}")
            finally:
                stop_simulator(sim)

    def run_shape(self):
        """The result-shape benchmark (see tests/bench/result_shape.py): for each size, the role in sync at latency
        0 with each shape, --shape-repeats times in turn, against one simulator with the monitors seeded once."""
        for size in self.args.shape_sizes:
            timeout = self.args.playbook_timeout or 180 + size // 10
            runs = self.args.shape_repeats * len(result_shape.SHAPES)
            sim = start_simulator(self.page_size, 0, 0, runs * (timeout + 30) + 180)
            try:
                monitors = definitions(size)
                reseed(sim, monitors)
                for repeat in range(self.args.shape_repeats):
                    for shape, return_unchanged in result_shape.SHAPES:
                        self.shape_rows.append(self.measure_shape(sim, monitors, shape, return_unchanged, timeout))
                        row = self.shape_rows[-1]
                        log(f"result shape, N={size}, {shape} ({repeat + 1}/{self.args.shape_repeats}): wall "
                            f"{row['wall_seconds']:.2f} s, module {fixed(row['module_seconds'])} s, reply "
                            f"{result_shape.megabytes(row['reply_bytes'])} MB, check {row['check']}")
            finally:
                stop_simulator(sim)

    def measure_shape(self, sim, monitors, shape, return_unchanged, timeout):
        """One run of the shape playbook in sync; its row."""
        sim_call('DELETE /_sim/log', sim.clear_log)
        if os.path.exists(self.rss_records):
            os.remove(self.rss_records)
        variables = {'alertsite_api_url': sim.api_url, 'alertsite_username': SIM_USER, 'alertsite_password': SIM_PASSWORD,
                     'bench_monitors': monitors, 'bench_return_unchanged': return_unchanged,
                     'ansible_python_interpreter': self.wrapper}
        seconds, status, output = self.playbook('shape', variables, timeout)
        sim_log = read_log(sim)
        row = {'shape': shape, 'return_unchanged': return_unchanged, 'n': len(monitors), 'latency_ms': 0,
               'status': status, 'wall_seconds': round(seconds, 3), 'report': result_shape.parse_marker(output),
               'counts': {name: sim_log.get('counts', {}).get(name, 0) for name in COUNT_NAMES},
               'failed_requests': sum(1 for entry in sim_log.get('requests', [])
                                      if not 200 <= (entry.get('status') or 0) < 300)}
        row.update(read_run(self.rss_records, 'alertsite_monitors'))
        row['problems'] = result_shape.problems(row, listing_requests(len(monitors), self.page_size))
        row['check'] = 'FAIL' if row['problems'] else 'ok'
        if status != 0 or self.args.verbose:
            sys.stderr.write(f'---- ansible-playbook output (result shape, {shape}) ----\n{output.rstrip()}\n'
                             '---- end of output ----\n')
        return row

    def measure(self, sim, scenario):
        """Seed the start state and run one scenario's playbook; return what the checks need."""
        seed = definitions(scenario.n)
        wanted = with_changes(seed, changed_indexes(scenario.n, self.args.changed_percent) if scenario.changed else [])
        ids = reseed(sim, seed)
        changed = [monitor for monitor, seeded in zip(wanted, seed) if monitor != seeded]
        variables = {
            'alertsite_api_url': sim.api_url,
            'alertsite_username': SIM_USER,
            'alertsite_password': SIM_PASSWORD,
            'bench_monitors': wanted,
        }
        if scenario.mode == 'bulk':
            variables['bench_parallel_writes'] = scenario.parallel
            variables['ansible_python_interpreter'] = self.wrapper
        if os.path.exists(self.rss_records):
            os.remove(self.rss_records)
        seconds, status, output = self.playbook(scenario.mode, variables, self.timeout(scenario))
        return {
            'seconds': seconds,
            'status': status,
            'output': output,
            'log': read_log(sim),
            'rss_kb': read_rss(self.rss_records, 'alertsite_monitors') if scenario.mode == 'bulk' else None,
            'expected': {ids[monitor['name']]: {'port': monitor['port']} for monitor in changed},
            'changed_names': [monitor['name'] for monitor in changed],
        }

    def record(self, scenario, result, overhead=None):
        """Check one measurement and add its row (overhead: the simulator's round trip without latency, in ms)."""
        status = result['status']
        figures = log_figures(result['log'], scenario)
        figures['rss_kb'] = result['rss_kb']
        changed = len(result['changed_names'])
        problems = []
        if status != 0:
            problems.append('ansible-playbook timed out' if status is None else f'ansible-playbook exited with status {status}')
        problems.extend(request_problems(result['log'], result['expected']))
        problems.extend(reported_problems(parse_report(result['output']), result['changed_names']))
        if scenario.mode == 'bulk':
            problems.extend(bulk_problems(scenario, figures, changed, self.page_size))
        if status != 0 or self.args.verbose:
            sys.stderr.write(f"---- ansible-playbook output ({self.label(scenario)}) ----\n{result['output'].rstrip()}\n"
                             '---- end of output ----\n')
        pages = pages_of(scenario.n, self.page_size)
        limit = 1 + pages + changed
        latency = scenario.latency + self.args.jitter_ms / 2.0
        row = dict(scenario._asdict())
        row.update(figures)
        row.update({
            'parallel_writes': scenario.parallel if scenario.mode == 'bulk' else None,
            'latency_ms': scenario.latency,
            'jitter_ms': self.args.jitter_ms,
            'sim_round_trip_ms': overhead,
            'changed_monitors': changed,
            'pages': pages,
            'wall_seconds': round(result['seconds'], 3),
            'limit': limit,
            'limit_ratio': ratio(figures['counts']['total'], limit),
            'critical_ratio': ratio(result['seconds'], figures['critical_path'] * latency / 1000.0) if latency else None,
            'check': 'FAIL' if problems else 'ok',
            'problems': problems,
        })
        del row['parallel'], row['latency']
        self.rows.append(row)
        details = ''.join('\n    ' + problem for problem in problems)
        memory = f", {result['rss_kb'] / 1024.0:.1f} MB" if result['rss_kb'] else ''
        log(f"{self.label(scenario)}: {result['seconds']:.1f}s, {figures['counts']['total']} requests, "
            f"PATCH peak {figures['patch_peak']}{memory}, check {row['check']}{details}")


# -- reporting -------------------------------------------------------------------------------------------------

def ratio(numerator, denominator):
    """numerator / denominator rounded to 2 places, None when the denominator is 0."""
    return round(float(numerator) / denominator, 2) if denominator else None


def row_key(row):
    """The scenario of a row."""
    return Scenario(row['mode'], row['n'], row['latency_ms'], row['parallel_writes'] or 1, row['changed'])


def summarise(rows, args):
    """Derived figures: +sync seconds on the rows, the loop / bulk ratios, the memory growth, the targets."""
    by_key = {row_key(row): row for row in rows}
    for row in rows:
        synced = by_key.get(row_key(row)._replace(changed=False)) if row['changed'] else None
        row['extra_seconds'] = round(row['wall_seconds'] - synced['wall_seconds'], 3) if synced else None
    ratios = []
    for size in args.loop_sizes:
        for changed in (False, True):
            loop = by_key.get(Scenario('loop', size, 0, 1, changed))
            bulk = by_key.get(Scenario('bulk', size, 0, MODULE_PARALLEL_WRITES, changed))
            if loop is not None and bulk is not None:
                ratios.append({'n': size, 'changed': changed,
                               'time': ratio(loop['wall_seconds'], bulk['wall_seconds']),
                               'requests': ratio(loop['counts']['total'], bulk['counts']['total'])})
    memory = [by_key[key] for key in (Scenario('bulk', size, 0, MODULE_PARALLEL_WRITES, False) for size in args.memory_sizes)
              if key in by_key]
    return {'loop_ratios': ratios, 'memory': memory, 'targets': targets(by_key)}


def targets(by_key):
    """The targets of issue 13 with what was measured: (text, measured, met) or an empty list when not run."""
    found = []
    changed = by_key.get(Scenario('bulk', TARGET_SIZE, TARGET_LATENCY, MODULE_PARALLEL_WRITES, True))
    synced = by_key.get(Scenario('bulk', TARGET_SIZE, TARGET_LATENCY, MODULE_PARALLEL_WRITES, False))
    if changed is not None:
        bound = 1 + 2 * changed['pages'] + changed['changed_monitors']
        found.append((f'requests <= 1 login + 2 x pages + writes = {bound}', str(changed['counts']['total']),
                      changed['counts']['total'] <= bound))
        found.append((f'at least {TARGET_PEAK} PATCHes in flight at once', str(changed['patch_peak']),
                      changed['patch_peak'] >= TARGET_PEAK))
        if synced is not None:
            extra = changed['wall_seconds'] - synced['wall_seconds']
            found.append((f'changed costs at most {TARGET_EXTRA_SECONDS:g} s more than in sync', f'{extra:+.2f} s',
                          extra <= TARGET_EXTRA_SECONDS))
    if synced is not None:
        found.append(('in sync: 1 login + pages, no write',
                      f"{synced['counts']['logins']} + {synced['counts']['GET']} GET, {synced['counts']['writes']} writes",
                      synced['check'] == 'ok' and synced['counts']['writes'] == 0))
    big = by_key.get(Scenario('bulk', TARGET_MEMORY_SIZE, 0, MODULE_PARALLEL_WRITES, False))
    if big is not None and big['rss_kb']:
        found.append((f'N={TARGET_MEMORY_SIZE}: module memory under {TARGET_MEMORY_MB} MB', f"{big['rss_kb'] / 1024.0:.1f} MB",
                      big['rss_kb'] / 1024.0 < TARGET_MEMORY_MB))
    return found


def fixed(value, places=2, empty='-'):
    """A number with places decimals, or empty for None."""
    return empty if value is None else f'{value:.{places}f}'


def print_report(rows, summary, args, page_size):
    """Print the table, the memory growth, the loop ratios, the targets and the failed checks on stdout."""
    percent = args.changed_percent
    order = sorted(rows, key=lambda row: (row['n'], row['latency_ms'], row['mode'] != 'bulk', row['changed'],
                                          row['parallel_writes'] or 0))
    header = (f"{'mode':<4} {'N':>5} {'lat ms':>6} {'pw':>2}  {'state':<12} {'wall s':>7} {'+sync s':>7} {'API s':>6}  "
              f"{'requests':>8} {'login':>5} {'GET':>4} {'PATCH':>5} {'other':>5}  {'limit':>5} {'req/lim':>7}  "
              f"{'crit':>4} {'wall/crit':>9}  {'PATCH peak':>10} {'RSS MB':>6}  check")
    print(f'bulk path (role community.alertsite.monitors) against the simulator, page size {page_size}'
          + (f', jitter {args.jitter_ms} ms' if args.jitter_ms else ''))
    print(header)
    print('-' * len(header))
    previous = None
    for row in order:
        group = (row['n'], row['latency_ms'])
        if previous is not None and group != previous:
            print()
        previous = group
        counts = row['counts']
        other = counts['writes'] - counts['PATCH']
        memory = fixed(row['rss_kb'] / 1024.0, 1) if row['rss_kb'] else '-'
        print(f"{row['mode']:<4} {row['n']:>5} {row['latency_ms']:>6} {row['parallel_writes'] or '-':>2}  "
              f"{state_label(row['changed'], percent):<12} {row['wall_seconds']:>7.2f} {fixed(row['extra_seconds']):>7} "
              f"{row['api_seconds']:>6.2f}  {counts['total']:>8} {counts['logins']:>5} {counts['GET']:>4} {counts['PATCH']:>5} "
              f"{other:>5}  {row['limit']:>5} {fixed(row['limit_ratio']):>7}  {row['critical_path']:>4} "
              f"{fixed(row['critical_ratio'], 2, 'n/a'):>9}  {row['patch_peak']:>10} {memory:>6}  {row['check']}")
    print()
    print('pw: parallel_writes; limit: 1 login + pages + changed writes; crit: logins + listing rounds + '
          'ceil(writes / pw) + read-back rounds;')
    print('wall/crit: wall time / (crit x latency); RSS MB: peak RSS of the alertsite_monitors process '
          '(see the docstring of tests/bench/fleet_benchmark.py).')
    overheads = sorted(set(row['sim_round_trip_ms'] for row in rows if row.get('sim_round_trip_ms') is not None))
    if overheads:
        print(f"simulator round trip without latency (kept-alive connection, small reply): {', '.join(fixed(value, 1) for value in overheads)} ms")
        if overheads[-1] >= SLOW_ROUND_TRIP_MS:
            print('  a request with a small reply takes that much longer than the latency (in wall s, and in API s between '
                  'requests; the log')
            print('  does not see it): the simulator sends headers and body in two writes, and with Nagle on the body waits '
                  'for the client\'s')
            print('  delayed ACK (about 40 ms on Linux); TCP_NODELAY on its sockets (disable_nagle_algorithm) would end it')
    memory = summary['memory']
    if memory:
        print()
        print(f'cost by fleet size (bulk, in sync, latency 0, parallel_writes {MODULE_PARALLEL_WRITES}):')
        print(f"{'N':>6} {'pages':>6} {'requests':>9} {'wall s':>8} {'API s':>7} {'RSS MB':>7}")
        for row in memory:
            print(f"{row['n']:>6} {row['pages']:>6} {row['counts']['total']:>9} {row['wall_seconds']:>8.2f} "
                  f"{row['api_seconds']:>7.2f} {fixed(row['rss_kb'] / 1024.0 if row['rss_kb'] else None, 1):>7}")
        if len(memory) > 1:
            small, big = memory[0], memory[-1]
            growth = [f"N x{ratio(big['n'], small['n']):g}", f"pages x{ratio(big['pages'], small['pages']):g}",
                      f"requests x{ratio(big['counts']['total'], small['counts']['total']):g}"]
            if small['api_seconds']:
                growth.append(f"API time x{ratio(big['api_seconds'], small['api_seconds']):g}")
            growth.append(f"wall time x{ratio(big['wall_seconds'], small['wall_seconds']):g}")
            if small['rss_kb'] and big['rss_kb']:
                growth.append(f"RSS x{ratio(big['rss_kb'], small['rss_kb']):g} "
                              f"({(big['rss_kb'] - small['rss_kb']) / 1024.0:+.1f} MB)")
            print(f"from N={small['n']} to N={big['n']}: " + ', '.join(growth))
    if summary['loop_ratios']:
        print()
        print(f'ratios, loop / bulk (latency 0, parallel_writes {MODULE_PARALLEL_WRITES}):')
        print(f"{'N':>6}  {'state':<12} {'time':>8} {'requests':>10}")
        for item in summary['loop_ratios']:
            print(f"{item['n']:>6}  {state_label(item['changed'], percent):<12} {times(item['time']):>8} {times(item['requests']):>10}")
    if summary['targets']:
        print()
        print(f'targets of issue 13 (N={TARGET_SIZE}, {TARGET_LATENCY} ms, parallel_writes {MODULE_PARALLEL_WRITES}; '
              'measured, not asserted):')
        for text, measured, met in summary['targets']:
            print(f"  {text:<58} {measured:>20}  {'met' if met else 'MISSED'}")
    failed = [row for row in order if row['problems']]
    if failed:
        print()
        print('failed checks:')
        for row in failed:
            for problem in row['problems']:
                print(f'  {scenario_label(row_key(row), percent)}: {problem}')


def times(value):
    """A ratio as printed: '12.3x'."""
    return 'n/a' if value is None else f'{value:.1f}x'


# -- set-up ----------------------------------------------------------------------------------------------------

def int_list(low, high, what):
    """An argparse type: comma-separated integers between low and high; '' or 'none' for an empty list."""
    def parse(text):
        if text.strip().lower() in ('', 'none'):
            return []
        try:
            values = [int(item) for item in text.split(',') if item.strip()]
        except ValueError:
            raise argparse.ArgumentTypeError(f'{what} must be comma-separated integers, got {text!r}') from None
        if any(value < low or value > high for value in values):
            raise argparse.ArgumentTypeError(f'{what} must be between {low} and {high}, got {text!r}')
        return list(OrderedDict.fromkeys(values))
    return parse


def default_ansible_playbook():
    """The ansible-playbook next to this Python (the venv's), else the one on PATH."""
    sibling = os.path.join(os.path.dirname(sys.executable), 'ansible-playbook')
    if os.access(sibling, os.X_OK):
        return sibling
    return shutil.which('ansible-playbook') or 'ansible-playbook'


def parse_args(argv=None):
    """Parse and check the command line."""
    parser = argparse.ArgumentParser(
        description='Measure the bulk path (role community.alertsite.monitors) against the AlertSite API simulator with '
                    'and without latency: wall time, requests, ratios to the physical limit and the critical path, '
                    'PATCHes in flight, the module\'s peak memory; optionally against a loop over alertsite_tcp_monitor.')
    sizes = int_list(1, MAX_SIZE, 'sizes')
    parser.add_argument('--sizes', type=sizes, default=sizes(DEFAULT_SIZES),
                        help=f'fleet sizes of the latency grid (default {DEFAULT_SIZES}; none: no grid)')
    parser.add_argument('--latencies', type=int_list(0, 10000, 'latencies'), default=DEFAULT_LATENCIES,
                        help=f'latencies in ms of the grid (default {DEFAULT_LATENCIES})')
    parser.add_argument('--parallel-writes', type=int_list(1, 64, 'parallel_writes values'), default=DEFAULT_PARALLEL,
                        help=f'parallel_writes values of the grid (default {DEFAULT_PARALLEL})')
    parser.add_argument('--memory-sizes', type=sizes, default=DEFAULT_MEMORY_SIZES,
                        help=f'fleet sizes measured in sync at latency 0 for memory and growth (default {DEFAULT_MEMORY_SIZES}; none: skip)')
    parser.add_argument('--loop-sizes', type=sizes, default=DEFAULT_LOOP_SIZES,
                        help='fleet sizes at which a loop over alertsite_tcp_monitor is compared with the bulk path, at latency 0 '
                             '(default none; the loop sends several requests per monitor, one after the other)')
    parser.add_argument('--info-sizes', type=sizes, default=DEFAULT_INFO_SIZES,
                        help='sizes at which alertsite_monitor_info lists every monitor, its pages one after the other and in '
                             f'parallel (default {DEFAULT_INFO_SIZES}; none: skip)')
    parser.add_argument('--info-latency', type=int, default=DEFAULT_INFO_LATENCY,
                        help=f'latency in ms of the listing runs (default {DEFAULT_INFO_LATENCY})')
    parser.add_argument('--shape-sizes', type=sizes, default=DEFAULT_SHAPE_SIZES,
                        help='sizes at which the role runs in sync at latency 0 with the full result (return_unchanged) and the '
                             f'default, side by side (default {DEFAULT_SHAPE_SIZES}; none: skip)')
    parser.add_argument('--shape-repeats', type=int, default=DEFAULT_SHAPE_REPEATS,
                        help=f'runs of each shape, in turn; the fastest is shown (default {DEFAULT_SHAPE_REPEATS})')
    parser.add_argument('--changed-percent', type=float, default=10.0,
                        help='share of the monitors changed in the changed scenarios, at least one (default 10)')
    parser.add_argument('--jitter-ms', type=int, default=0,
                        help='random extra latency of 0 to this many ms per request, where the latency is above 0 (default 0)')
    parser.add_argument('--json', metavar='FILE', help='also write the figures to FILE as JSON')
    parser.add_argument('--collections-path', default=os.environ.get('ANSIBLE_COLLECTIONS_PATH', ''),
                        help='directory holding ansible_collections/community/alertsite (default $ANSIBLE_COLLECTIONS_PATH)')
    parser.add_argument('--ansible-playbook', default=default_ansible_playbook(),
                        help='the ansible-playbook to run (default: next to this Python, else from PATH)')
    parser.add_argument('--playbook-timeout', type=int, default=0,
                        help='seconds after which a playbook is stopped (default: loop 120 + 3 * N, bulk 180 + N / 10, '
                             'plus the latency of the requests)')
    parser.add_argument('--verbose', action='store_true', help='print the output of every playbook, not only of failed ones')
    args = parser.parse_args(argv)
    if not 0 < args.changed_percent <= 100:
        parser.error('--changed-percent must be above 0 and at most 100')
    if args.jitter_ms < 0:
        parser.error('--jitter-ms must be at least 0')
    if args.sizes and not (args.latencies and args.parallel_writes):
        parser.error('the latency grid needs at least one latency and one parallel_writes value')
    if not (args.sizes or args.memory_sizes or args.loop_sizes or args.info_sizes or args.shape_sizes):
        parser.error('nothing to measure: --sizes, --memory-sizes, --loop-sizes, --info-sizes and --shape-sizes are all empty')
    if args.shape_repeats < 1:
        parser.error('--shape-repeats must be at least 1')
    if args.info_latency < 0:
        parser.error('--info-latency must be at least 0')
    paths = [os.path.abspath(path) for path in args.collections_path.split(os.pathsep) if path]
    found = [path for path in paths if os.path.isdir(os.path.join(path, 'ansible_collections', 'community', 'alertsite'))]
    if not found:
        parser.error(f'community.alertsite is not installed in --collections-path {args.collections_path!r} (use tests/bench/run.sh)')
    args.collections_path = os.pathsep.join(paths)
    args.collection_root = os.path.join(found[0], 'ansible_collections', 'community', 'alertsite')
    return args


def page_size_of(collection_root):
    """PAGE_SIZE of the installed collection's paging: the page size of every listing."""
    path = os.path.join(collection_root, 'plugins', 'module_utils', 'paging.py')
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


def bypass_proxies():
    """Reach the simulator on 127.0.0.1 directly, also from the control requests of simctl (urllib)."""
    no_proxy = ','.join(item for item in (os.environ.get('NO_PROXY', ''), '127.0.0.1,localhost') if item)
    os.environ['NO_PROXY'] = os.environ['no_proxy'] = no_proxy


def terminate(signum, frame):  # pylint: disable=unused-argument
    """On SIGTERM unwind, so the running playbook and the simulator are stopped and the temporary files removed."""
    raise SystemExit(128 + signum)


def run(args, page_size):
    """Measure every scenario; return (rows, listing rows, shape rows, error message or None)."""
    workdir = tempfile.mkdtemp(prefix='alertsite-bench.')
    bench = None
    try:
        bench = Bench(args, workdir, page_size)
        bench.run_all()
        bench.run_info()
        bench.run_shape()
    except BenchError as exc:
        log(f'ERROR: {exc}')
        if bench is None:
            return [], [], [], str(exc)
        return bench.rows, bench.info_rows, bench.shape_rows, str(exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return bench.rows, bench.info_rows, bench.shape_rows, None


def main(argv=None):
    """Run the benchmark; return the exit status."""
    signal.signal(signal.SIGTERM, terminate)
    args = parse_args(argv)
    bypass_proxies()
    page_size = page_size_of(args.collection_root)
    try:
        core = ansible_version(args.ansible_playbook)
    except BenchError as exc:
        log(f'ERROR: {exc}')
        return 2
    python = sys.version.split()[0]
    planned = sum(len(group) for group in plan_scenarios(args).values())
    log(f'ansible-core {core}, Python {python}, page size {page_size}, {planned} scenarios: grid sizes '
        f"{','.join(map(str, args.sizes)) or 'none'} x latencies {','.join(map(str, args.latencies))} ms x parallel_writes "
        f"{','.join(map(str, args.parallel_writes))}; memory sizes {','.join(map(str, args.memory_sizes)) or 'none'}; "
        f"loop sizes {','.join(map(str, args.loop_sizes)) or 'none'}; listing sizes "
        f"{','.join(map(str, args.info_sizes)) or 'none'} at {args.info_latency} ms; result shape sizes "
        f"{','.join(map(str, args.shape_sizes)) or 'none'} x {args.shape_repeats}")
    start = time.monotonic()
    rows, info_rows, shape_rows, error = run(args, page_size)
    total_seconds = round(time.monotonic() - start, 1)
    summary = summarise(rows, args)
    if rows:
        print_report(rows, summary, args, page_size)
    info_listing.print_report(info_rows, page_size)
    result_shape.print_report(shape_rows)
    print()
    scenarios = len(rows) + len(info_rows) + len(shape_rows)
    print(f'{scenarios} scenario(s) in {total_seconds:.0f} s (ansible-core {core}, Python {python}, {os.cpu_count()} CPU(s))')
    ok = (error is None and bool(rows or info_rows or shape_rows) and len(rows) == planned
          and len(info_rows) == len(args.info_sizes) * len(info_listing.READS)
          and len(shape_rows) == len(args.shape_sizes) * args.shape_repeats * len(result_shape.SHAPES)
          and not any(row['problems'] for row in rows + info_rows + shape_rows))
    if args.json:
        figures = {
            'ansible_core': core,
            'python': python,
            'page_size': page_size,
            'changed_percent': args.changed_percent,
            'jitter_ms': args.jitter_ms,
            'sizes': args.sizes,
            'latencies': args.latencies,
            'parallel_writes': args.parallel_writes,
            'memory_sizes': args.memory_sizes,
            'loop_sizes': args.loop_sizes,
            'total_seconds': total_seconds,
            'rows': rows,
            'info_sizes': args.info_sizes,
            'info_latency': args.info_latency,
            'info_rows': info_rows,
            'info_targets': [{'target': text, 'measured': measured, 'met': met}
                             for text, measured, met in info_listing.targets(info_rows)],
            'shape_sizes': args.shape_sizes,
            'shape_repeats': args.shape_repeats,
            'shape_rows': shape_rows,
            'shape_targets': [{'target': text, 'measured': measured, 'met': met}
                              for text, measured, met in result_shape.targets(shape_rows)],
            'loop_ratios': summary['loop_ratios'],
            'targets': [{'target': text, 'measured': measured, 'met': met} for text, measured, met in summary['targets']],
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
