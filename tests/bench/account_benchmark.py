# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Account benchmark: a whole account exported with the playbook community.alertsite.export and converged with the
role community.alertsite.alerting from the vars file it wrote, against the AlertSite API simulator.

Run it through tests/bench/run.sh, which provides the venv and an installed build of the collection::

    bash tests/bench/run.sh --account              # the default account below, at 100 ms
    bash tests/bench/run.sh --account --smoke      # a small account at latency 0, the export and the changed run only
                                                   # (CI's bench smoke check, tests/utils/checks.d/bench-smoke.sh)

The account (every size is an option): --monitors (1,000) TCP monitors, --recipients (200) recipients (e-mail and
SMS), --groups (50) recipient groups of --group-monitors (10) monitors and --group-recipients (5) recipients each,
and --blackouts (100) windows, each on one monitor or one recipient (weekly ones, and every tenth one-time in the
future), each with a note of its own. It is seeded into one simulator (--latency-ms, default 100; every API
request waits that long, holding no lock, so concurrent requests overlap), with the same ids every time.

What one run measures, in this order:

  export        the playbook community.alertsite.export writes the account's vars file: requests per kind (a
                listing of a kind is its pages; "listings" is its GETs / its pages), wall time, and the peak
                memory of each module process;
  in sync       the role alerting with that vars file (as the playbook wrote it, loaded with include_vars: once,
                where vars_files would be read again for every task) against
                the same account: requests (1 login + the listing pages of each kind, no GET by id), writes (0),
                wall time against the critical path and the role's fixed overhead (below);
  latency 0     the same run with the simulator's latency set to 0 (POST /_sim/latency): the role's fixed Ansible
                overhead (start-up, templating, the module processes), printed beside the run at the latency;
                these two runs are made --repeats (2) times, in turn, and the fastest of each is the row (the wall
                time of every run is printed below the table; the checks hold for every run); so is the changed run
                (each time on the account changed again), so that its cost over the run in sync compares the fastest
                of each, not a machine's noise;
  changed       --changed-percent (10%) of every kind changed on the simulator side (the account reset and
                seeded again with the same ids: monitors with another port, recipients with notify_on_clear
                set, groups without their last monitor, weekly windows with another note), then the role with the
                same vars file: requests, writes (one per changed object, checked by kind), the most writes in
                flight at once, wall time against the run in sync; afterwards every changed field is checked
                back on the simulator;
  export big    right after the first export (so that a slow role leaves it measured): the export again over an
                account with --memory-monitors (5,000) monitors (the other kinds as above), for the module processes'
                peak memory; then the account of the first export is seeded again.

The critical path of a run in sync: 1 login + ceil(pages / 4) listing rounds per kind (the client reads a kind's
pages after the first four at a time), times the latency; "rounds" is what the log shows: the login plus, per kind,
its listing GETs that waited on each other (see tests/bench/info_listing.py serial_rounds). The target of issue 21:
wall time <= 2 x critical path + the role's fixed overhead (the run at latency 0).

Memory: every module runs with ansible_python_interpreter set to an interpreter wrapper (WRAPPER below, as the
one of tests/bench/fleet_benchmark.py, see "Memory" there): it forks, runs the module, waits for it with os.wait4()
and records the child's ru_maxrss (the kernel's peak, nothing missed between samples), by AnsiballZ script, with
when it started and ended. "module peak MB" is the largest of a run, with its module's name. ansible-playbook itself
also runs under that wrapper, so "run peak MB" is the largest process of the whole run (the controller, its forked
workers and the modules they reaped). The wrapper costs one small Python start per module run (tens of ms), in
every run alike.

Where the time goes: for each module run, its process's run time and the requests that arrived while it ran (the
wrapper's times and the log's are both the system's monotonic clock); the rest of the wall time is
ansible-playbook's own work (start-up, templating the role's variables, the result). Per kind, the span of its
requests in the simulator's log.

Checks (the exit status is 1 when one fails): every playbook succeeded; the export wrote nothing and its file
lists every seeded object of each kind; the role in sync sent 1 login, only listing GETs and no write, and Ansible
reported no change; changed, exactly one write per changed object of each kind, no failed request, Ansible
reported a change, and afterwards the account is as seeded. Timings are printed, never asserted; the targets of
issue 21 are printed as measured, met or MISSED. Exit status 2 when the benchmark cannot run at all.
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

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fleet_benchmark as fleet  # noqa: E402  pylint: disable=wrong-import-position,import-error  # tests/bench/fleet_benchmark.py
import info_listing  # noqa: E402  pylint: disable=wrong-import-position,import-error  # tests/bench/info_listing.py

READ_WORKERS = info_listing.READ_WORKERS
KINDS = ('monitors', 'recipients', 'notifier-groups', 'blackouts')  # API paths, in the role's order
KIND_LABELS = {'monitors': 'monitors', 'recipients': 'recipients', 'notifier-groups': 'groups', 'blackouts': 'blackouts'}
EXPORT_KEYS = {'monitors': 'alertsite_monitors', 'recipients': 'alertsite_recipients',
               'notifier-groups': 'alertsite_recipient_groups', 'blackouts': 'alertsite_blackouts'}
API_PATH = re.compile(r'^/api/v3/(monitors|recipients|notifier-groups|blackouts)(/.*)?$')
WRITE_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')
MARKER = 'BENCH_ACCOUNT_CHANGED:'
ONE_TIME_EVERY = 10   # every tenth window is one-time
NOTIFIER_EVERY = 5    # every fifth window (of the others) silences a recipient
# targets of issue 21 (printed as measured, never asserted)
TARGET_MEMORY_MB = 150
TARGET_EXTRA_SECONDS = 3.0
TARGET_WRITE_PEAK = 3
SMOKE = {'monitors': 12, 'recipients': 6, 'groups': 2, 'group_monitors': 3, 'group_recipients': 2, 'blackouts': 10,
         'latency_ms': 0, 'memory_monitors': 0, 'skip_in_sync': True}

# The interpreter wrapper (as fleet_benchmark.RSS_WRAPPER, see "Memory" there), which also records when the child ran
# (monotonic clock, as the simulator's log), so that each logged request can be put down to the module run that sent it.
WRAPPER = '''#!{python} -IS
import json
import os
import sys
import time

start = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        os.execv({real!r}, [{real!r}] + sys.argv[1:])
    finally:
        os._exit(127)
while True:
    try:
        status, usage = os.wait4(pid, 0)[1:]
        break
    except InterruptedError:
        continue
end = time.monotonic()
with open({records!r}, 'a', encoding='utf-8') as handle:
    handle.write(json.dumps({{'script': os.path.basename(sys.argv[1]) if len(sys.argv) > 1 else '-',
                              'maxrss_kb': usage.ru_maxrss, 'start': start, 'end': end,
                              'seconds': round(end - start, 3)}}) + '\\n')
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
'''

ROLE_PLAYBOOK = '''---
- name: Account benchmark, the role alerting with the exported vars file
  hosts: localhost
  gather_facts: false
  tasks:
    # include_vars reads the file once; vars_files would be read again for every task (see the role's README)
    - name: Load the exported vars file
      ansible.builtin.include_vars:
        file: "{{ bench_vars_file }}"

    - name: Converge the account with the role
      ansible.builtin.import_role:
        name: community.alertsite.alerting

    - name: Report whether the role changed anything
      ansible.builtin.debug:
        msg: "MARKER{{ alertsite_alerting_result.changed }}"
'''.replace('MARKER', MARKER)


def log(message):
    """A progress line on stderr."""
    fleet.log(message)


# -- the account -----------------------------------------------------------------------------------------------

def account(sizes):
    """The seed of the account: {kind: [objects]}; groups and blackouts refer to the others by their index (turned
    into ids when seeded). sizes: monitors, recipients, groups, group_monitors, group_recipients, blackouts."""
    monitors = fleet.definitions(sizes['monitors'])
    recipients = []
    for index in range(sizes['recipients']):
        email = index % 4 != 3
        recipients.append({'name': f'bench-recipient-{index:04d}', 'method_id': 12 if email else 6,
                           'recipient': f'oncall-{index:04d}@example.com' if email else f'+1555{index:07d}',
                           'notify_on_clear': False})
    groups = []
    for index in range(sizes['groups']):
        groups.append({'name': f'bench-group-{index:03d}',
                       'monitors': [(index * sizes['group_monitors'] + item) % sizes['monitors']
                                    for item in range(sizes['group_monitors'])],
                       'recipients': [(index * sizes['group_recipients'] + item) % sizes['recipients']
                                      for item in range(sizes['group_recipients'])]})
    blackouts = []
    for index in range(sizes['blackouts']):
        window = {'note': f'bench window {index:04d}'}
        if index % NOTIFIER_EVERY == NOTIFIER_EVERY - 1:
            window.update(type='Notifier', target=index % sizes['recipients'])
        else:
            window.update(type='Alert' if index % 2 else 'Monitor', target=(index * 7) % sizes['monitors'])
        if index % ONE_TIME_EVERY == ONE_TIME_EVERY - 1:
            day = 1 + index % 28
            window.update(from_date=f'2036-01-{day:02d} 01:00:00', thru_date=f'2036-01-{day:02d} 03:00:00')
        else:
            window.update(start_day=1 + index % 7, start_time=f'{index % 24:02d}:00', end_day=1 + index % 7,
                          end_time=f'{index % 24:02d}:30')
        blackouts.append(window)
    return {'monitors': monitors, 'recipients': recipients, 'notifier-groups': groups, 'blackouts': blackouts}


def changed_indexes(seed, percent):
    """{kind: indexes changed}: an evenly spread percent of each kind (at least one); of the blackouts only weekly
    windows (a one-time window cannot be modified, only replaced)."""
    found = {}
    for kind in KINDS:
        candidates = [index for index, item in enumerate(seed[kind]) if kind != 'blackouts' or 'start_day' in item]
        if not candidates:
            found[kind] = []
            continue
        count = min(len(candidates), max(1, int(round(len(seed[kind]) * percent / 100.0))))
        found[kind] = [candidates[index] for index in fleet.changed_indexes(len(candidates), count * 100.0 / len(candidates))][:count]
    return found


def with_changes(seed, changes):
    """A copy of the seed with the changed fields (see the docstring: "changed")."""
    result = {kind: [dict(item) for item in items] for kind, items in seed.items()}
    for index in changes['monitors']:
        result['monitors'][index]['port'] = fleet.CHANGED_PORT + index
    for index in changes['recipients']:
        result['recipients'][index]['notify_on_clear'] = True
    for index in changes['notifier-groups']:
        result['notifier-groups'][index]['monitors'] = result['notifier-groups'][index]['monitors'][:-1]
    for index in changes['blackouts']:
        result['blackouts'][index]['note'] += ' (moved)'
    return result


def seed_account(sim, seed):
    """Reset the simulator and seed the account (ids restart with the reset, so every seeding gives the same ids);
    empty the log; return {kind: [ids]}."""
    fleet.sim_call('POST /_sim/reset', sim.reset)
    ids = {}
    for kind, key in (('monitors', 'monitors'), ('recipients', 'recipients')):
        ids[kind] = post_seed(sim, key, seed[kind])
    groups = [dict(group, monitors=[ids['monitors'][item] for item in group['monitors']],
                   recipients=[ids['recipients'][item] for item in group['recipients']]) for group in seed['notifier-groups']]
    ids['notifier-groups'] = post_seed(sim, 'notifier_groups', groups)
    windows = []
    for window in seed['blackouts']:
        item = {key: value for key, value in window.items() if key != 'target'}
        item['assoc_id'] = ids['recipients' if window['type'] == 'Notifier' else 'monitors'][window['target']]
        windows.append(item)
    ids['blackouts'] = post_seed(sim, 'blackouts', windows)
    fleet.sim_call('DELETE /_sim/log', sim.clear_log)
    return ids


def post_seed(sim, key, items):
    """POST /_sim/<key> {key: items}; the ids."""
    path = '/_sim/' + key.replace('_', '-')
    reply = fleet.sim_call(f'seeding {len(items)} {key}', sim.request, 'POST', path, {key: items}, timeout=300)
    ids = reply.get('ids') if isinstance(reply, dict) else None
    if not isinstance(ids, list) or len(ids) != len(items):
        raise fleet.BenchError(f'seeding {len(items)} {key} returned {reply!r}')
    return [int(value) for value in ids]


def restored_problems(sim, seed, ids, changes):
    """Whether every changed field is back as seeded, from GET /_sim/state."""
    state = fleet.sim_call('GET /_sim/state', sim.request, 'GET', '/_sim/state', timeout=300)
    stored = {kind: {item['id']: item for item in state.get(kind.replace('-', '_'), [])} for kind in KINDS}
    problems = []
    checks = {'monitors': lambda item, want: item.get('port') == want['port'],
              'recipients': lambda item, want: item.get('notify_on_clear') is False,
              'notifier-groups': lambda item, want: len(item.get('monitors', [])) == len(want['monitors']),
              'blackouts': lambda item, want: item.get('note') == want['note']}
    for kind in KINDS:
        wrong = [ids[kind][index] for index in changes[kind]
                 if not checks[kind](stored[kind].get(ids[kind][index], {}), seed[kind][index])]
        if wrong:
            problems.append(f'{len(wrong)} changed {KIND_LABELS[kind]} not converged back, first id {wrong[0]}')
    return problems


# -- figures from the log --------------------------------------------------------------------------------------

def kind_of(entry):
    """(kind, listing?) of a logged API request; kind None for the login and other paths."""
    match = API_PATH.match(entry.get('path') or '')
    if match is None:
        return None, False
    return match.group(1), match.group(2) in (None, '', '/')


def peak_overlap(entries):
    """The most of these requests in flight at once, from their start and finish."""
    events = []
    for entry in entries:
        if entry.get('start') is not None and entry.get('finish') is not None:
            events += [(entry['start'], 1), (entry['finish'], -1)]
    peak = current = 0
    for _unused, step in sorted(events, key=lambda item: (item[0], item[1])):
        current += step
        peak = max(peak, current)
    return peak


def log_figures(sim_log):
    """Counts by kind and method, listing rounds, in-flight peaks and API spans of one run."""
    requests = sim_log.get('requests', [])
    figures = {'total': len(requests), 'logins': sum(1 for entry in requests if fleet.is_login(entry)),
               'failed': sum(1 for entry in requests if not 200 <= (entry.get('status') or 0) < 300),
               'kinds': {}, 'get_peak': sim_log.get('max_in_flight', {}).get('GET', 0)}
    writes = []
    for kind in KINDS:
        mine = [entry for entry in requests if kind_of(entry)[0] == kind]
        listing = [entry for entry in mine if entry.get('method') == 'GET' and kind_of(entry)[1]]
        kind_writes = [entry for entry in mine if entry.get('method') in WRITE_METHODS]
        writes += kind_writes
        starts = [entry['start'] for entry in mine if entry.get('start') is not None]
        finishes = [entry['finish'] for entry in mine if entry.get('finish') is not None]
        figures['kinds'][kind] = {
            'listing': len(listing), 'get_by_id': sum(1 for entry in mine if entry.get('method') == 'GET') - len(listing),
            'writes': len(kind_writes), 'write_ids': sorted(entry.get('path') for entry in kind_writes),
            'rounds': info_listing.serial_rounds(listing),
            'span_seconds': round(max(finishes) - min(starts), 3) if starts and finishes else 0.0,
        }
    figures['listing'] = sum(item['listing'] for item in figures['kinds'].values())
    figures['get_by_id'] = sum(item['get_by_id'] for item in figures['kinds'].values())
    figures['writes'] = len(writes)
    figures['write_peak'] = peak_overlap(writes)
    figures['rounds'] = figures['logins'] + sum(item['rounds'] for item in figures['kinds'].values())
    figures['other'] = figures['total'] - figures['logins'] - figures['listing'] - figures['get_by_id'] - figures['writes']
    return figures


def by_module(modules, sim_log):
    """Per module run (in order): its name, run time and the requests that arrived while it ran, by kind:
    [(module, seconds, {kind label: 'nG+nW'})]."""
    found = []
    for run in modules:
        counts = {}
        for entry in sim_log.get('requests', []):
            if run.get('start') is None or not run['start'] <= (entry.get('start') or 0) <= run['end']:
                continue
            kind = kind_of(entry)[0]
            label = KIND_LABELS.get(kind, 'login') if kind or fleet.is_login(entry) else 'other'
            method = ' write' if entry.get('method') in WRITE_METHODS and kind else ' GET' if entry.get('method') == 'GET' else ''
            counts[label + method] = counts.get(label + method, 0) + 1
        found.append((run['module'], run.get('seconds', 0), counts))
    return found


def gaps(modules, own):
    """The controller's time between module runs, longest first: [(seconds, after, before)] (ansible-playbook's start
    and end at either side)."""
    if own.get('start') is None:
        return []
    marks = [(own['start'], 'start')]
    for run in sorted(modules, key=lambda item: item.get('start') or 0):
        marks += [(run['start'], run['module']), (run['end'], run['module'])]
    marks.append((own['end'], 'end'))
    found = [(round(marks[index + 1][0] - marks[index][0], 3), marks[index][1], marks[index + 1][1])
             for index in range(0, len(marks) - 1, 2)]
    return sorted(found, reverse=True)


def module_runs(records):
    """The module runs the wrapper recorded (in order), and the run of ansible-playbook itself."""
    try:
        with open(records, encoding='utf-8') as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError):
        lines = []
    modules = [dict(line, module=re.sub(r'^AnsiballZ_|\.py$', '', line.get('script', '-'))) for line in lines
               if line.get('script') != 'ansible-playbook']
    playbook = [line for line in lines if line.get('script') == 'ansible-playbook']
    return modules, (playbook[-1] if playbook else {})


# -- running ---------------------------------------------------------------------------------------------------

class AccountBench:
    """One run: the simulator, the temporary directory, the rows measured so far."""

    def __init__(self, args, workdir, page_size):
        self.args = args
        self.workdir = workdir
        self.page_size = page_size
        self.rows = []
        self.env = fleet.ansible_environment(args.collections_path, workdir)
        self.records = os.path.join(workdir, 'runs.jsonl')
        self.wrapper = os.path.join(workdir, 'python-wrapper')
        with open(self.wrapper, 'w', encoding='utf-8') as handle:
            handle.write(WRAPPER.format(python=sys.executable, real=sys.executable, records=self.records))
        os.chmod(self.wrapper, 0o755)
        self.role_playbook = os.path.join(workdir, 'role.yml')
        with open(self.role_playbook, 'w', encoding='utf-8') as handle:
            handle.write(ROLE_PLAYBOOK)
        self.sim = None

    def playbook(self, playbook, variables, timeout):
        """Run ansible-playbook under the wrapper; return (wall seconds, status or None on timeout, output, module
        runs, the run's own record)."""
        vars_file = os.path.join(self.workdir, 'extra-vars.json')
        with open(vars_file, 'w', encoding='utf-8') as handle:
            json.dump(dict(variables, ansible_python_interpreter=self.wrapper), handle)
        if os.path.exists(self.records):
            os.remove(self.records)
        command = [self.wrapper, self.args.ansible_playbook, '-e', '@' + vars_file, playbook]
        start = time.monotonic()
        with subprocess.Popen(command, cwd=self.workdir, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, start_new_session=True) as process:
            try:
                output, _unused = process.communicate(timeout=timeout)
                status = process.returncode
            except subprocess.TimeoutExpired:
                fleet.stop_group(process)
                output, _unused = process.communicate()
                output += f'\n(stopped after {timeout} seconds)'.encode()
                status = None
            except BaseException:
                fleet.stop_group(process)
                raise
        seconds = time.monotonic() - start
        modules, own = module_runs(self.records)
        return seconds, status, output.decode('utf-8', 'replace'), modules, own

    def connection(self):
        """The role's and the export's connection variables."""
        return {'alertsite_api_url': self.sim.api_url, 'alertsite_username': fleet.SIM_USER,
                'alertsite_password': fleet.SIM_PASSWORD}

    def timeout(self, monitors):
        """Seconds after which a playbook is stopped."""
        return self.args.playbook_timeout or 300 + monitors // 10

    def measure(self, name, playbook, variables, monitors, latency):
        """Run one playbook with an empty log; return its row (figures, no checks yet)."""
        fleet.sim_call('DELETE /_sim/log', self.sim.clear_log)
        log(f'{name} ...')
        seconds, status, output, modules, own = self.playbook(playbook, variables, self.timeout(monitors))
        sim_log = fleet.read_log(self.sim)
        figures = log_figures(sim_log)
        figures['by_module'] = by_module(modules, sim_log)
        biggest = max(modules, key=lambda item: item.get('maxrss_kb') or 0) if modules else {}
        row = {'name': name, 'monitors': monitors, 'latency_ms': latency, 'status': status, 'wall_seconds': round(seconds, 3),
               'figures': figures, 'modules': modules, 'module_rss_kb': biggest.get('maxrss_kb'),
               'module_rss_name': biggest.get('module'), 'run_rss_kb': own.get('maxrss_kb'), 'problems': [],
               'gaps': gaps(modules, own)}
        if status != 0:
            row['problems'].append('ansible-playbook timed out' if status is None else f'ansible-playbook exited with status {status}')
        if figures['failed']:
            row['problems'].append(f"{figures['failed']} request(s) failed")
        if status != 0 or self.args.verbose:
            sys.stderr.write(f'---- ansible-playbook output ({name}) ----\n{output.rstrip()}\n---- end of output ----\n')
        row['output'] = output
        return row

    def finish(self, row):
        """Record a row (its output dropped) and log it."""
        row.pop('output', None)
        row['check'] = 'FAIL' if row['problems'] else 'ok'
        self.rows.append(row)
        figures = row['figures']
        memory = f", module {row['module_rss_kb'] / 1024.0:.1f} MB" if row['module_rss_kb'] else ''
        log(f"{row['name']}: {row['wall_seconds']:.1f} s, {figures['total']} requests ({figures['writes']} writes, "
            f"write peak {figures['write_peak']}){memory}, check {row['check']}"
            + ''.join('\n    ' + problem for problem in row['problems']))
        return row

    def pages(self, seed):
        """Listing GETs per kind that the client's paging rule needs (plugins/module_utils/paging.py): ceil(objects /
        page size), at least 1; and 2 for exactly one full page, whose count (equal to the page's length) is not
        believed as the total, so that the next, empty, page shows the end."""
        return {kind: 2 if len(seed[kind]) == self.page_size else max(1, math.ceil(len(seed[kind]) / self.page_size))
                for kind in KINDS}

    def export(self, name, seed, latency):
        """Run the export playbook; check it wrote nothing and listed every object; return the vars file."""
        export_file = os.path.join(self.workdir, f"account-{len(seed['monitors'])}.yml")
        variables = dict(self.connection(), export_file=export_file)
        row = self.measure(name, 'community.alertsite.export', variables, len(seed['monitors']), latency)
        figures = row['figures']
        row['pages'] = self.pages(seed)
        if figures['writes'] or figures['get_by_id'] or figures['logins'] != 1:
            row['problems'].append(f"{figures['logins']} login(s), {figures['get_by_id']} GET(s) by id, "
                                   f"{figures['writes']} write(s): expected 1 login and listings only")
        try:
            with open(export_file, encoding='utf-8') as handle:
                exported = yaml.safe_load(handle) or {}
        except (OSError, yaml.YAMLError) as exc:
            row['problems'].append(f'no readable vars file: {exc}')
            exported = {}
        row['exported'] = {kind: len(exported.get(EXPORT_KEYS[kind]) or []) for kind in KINDS}
        for kind in KINDS:
            if row['exported'][kind] != len(seed[kind]):
                row['problems'].append(f"the file lists {row['exported'][kind]} {KIND_LABELS[kind]}, {len(seed[kind])} seeded")
        self.finish(row)
        return export_file

    def role(self, name, vars_file, seed, latency, expected):
        """Run the role with the vars file; expected: {kind: ids written} ({} in sync). Return the row."""
        variables = dict(self.connection(), bench_vars_file=vars_file,
                         alertsite_alerting_parallel_writes=self.args.parallel_writes)
        row = self.measure(name, self.role_playbook, variables, len(seed['monitors']), latency)
        figures = row['figures']
        row['pages'] = self.pages(seed)
        match = re.search(re.escape(MARKER) + r'\s*(True|False)', row['output'])
        reported = None if match is None else match.group(1) == 'True'
        if reported is None:
            row['problems'].append('the playbook printed no report')
        elif reported != bool(expected):
            row['problems'].append(f'Ansible reported changed={reported}')
        # a changed run may read written objects back by id (fewer requests than a listing); in sync it reads none
        if figures['logins'] != 1 or figures['other'] or (figures['get_by_id'] and not expected):
            row['problems'].append(f"{figures['logins']} login(s), {figures['get_by_id']} GET(s) by id, {figures['other']} "
                                   'other request(s): expected 1 login, listings (and read-backs when changed) and writes only')
        for kind in KINDS:
            want = expected.get(kind, 0)
            got = figures['kinds'][kind]['writes']
            if got != want:
                row['problems'].append(f'{got} write(s) of {KIND_LABELS[kind]}, expected {want}')
        return row

    def in_sync(self, vars_file, seed):
        """The role in sync at the latency and at latency 0, --repeats times in turn; the fastest run of each is the
        row (a machine's noise only ever adds time), with the problems of every run."""
        args = self.args
        idle = args.latency_ms and not args.skip_latency_0
        runs = {'role in sync': [], 'role in sync, latency 0': []}
        for dummy in range(args.repeats):
            runs['role in sync'].append(self.role('role in sync', vars_file, seed, args.latency_ms, {}))
            if idle:
                fleet.sim_call('POST /_sim/latency', self.sim.request, 'POST', '/_sim/latency', {'latency_ms': 0})
                try:
                    runs['role in sync, latency 0'].append(self.role('role in sync, latency 0', vars_file, seed, 0, {}))
                finally:
                    fleet.sim_call('POST /_sim/latency', self.sim.request, 'POST', '/_sim/latency',
                                   {'latency_ms': args.latency_ms})
        for rows in runs.values():
            if rows:
                self.finish(fastest(rows))

    def run(self):
        """Every measurement, in the order of the docstring."""
        args = self.args
        sizes = {key: getattr(args, key) for key in ('monitors', 'recipients', 'groups', 'group_monitors',
                                                     'group_recipients', 'blackouts')}
        seed = account(sizes)
        timeout = self.timeout(max(args.monitors, args.memory_monitors))
        self.sim = fleet.start_simulator(self.page_size, args.latency_ms, 0, 8 * timeout + 300)
        try:
            log(f"simulator on {self.sim.url}, {args.latency_ms} ms; account of {args.monitors} monitors, {args.recipients} "
                f"recipients, {args.groups} groups, {args.blackouts} blackouts")
            ids = seed_account(self.sim, seed)
            vars_file = self.export('export', seed, args.latency_ms)
            if args.memory_monitors:
                # before the role's runs, so that a slow role leaves the memory figures measured
                big = account(dict(sizes, monitors=args.memory_monitors))
                seed_account(self.sim, big)
                self.export('export big', big, args.latency_ms)
                seed_account(self.sim, seed)
            if not args.skip_in_sync:
                self.in_sync(vars_file, seed)
            changes = changed_indexes(seed, args.changed_percent)
            rows = []
            for dummy in range(1 if args.skip_in_sync else args.repeats):
                seed_account(self.sim, with_changes(seed, changes))
                rows.append(self.role(f'role, {fleet.format_number(args.changed_percent)}% changed', vars_file, seed,
                                      args.latency_ms, {kind: len(indexes) for kind, indexes in changes.items()}))
                rows[-1]['problems'] += restored_problems(self.sim, seed, ids, changes)
            row = fastest(rows)
            row['changed_objects'] = {kind: len(indexes) for kind, indexes in changes.items()}
            self.finish(row)
        finally:
            fleet.stop_simulator(self.sim)


def fastest(rows):
    """The fastest of the runs of one scenario, holding the problems of every run and the wall time of each."""
    row = min(rows, key=lambda one: one['wall_seconds'])
    row['problems'] = [problem for one in rows for problem in one['problems']]
    row['runs_seconds'] = [one['wall_seconds'] for one in rows]
    return row


# -- reporting -------------------------------------------------------------------------------------------------

def critical_seconds(pages, latency):
    """(1 login + ceil(pages / READ_WORKERS) listing rounds per kind) x latency, in seconds; and those rounds."""
    rounds = 1 + sum(math.ceil(count / float(READ_WORKERS)) for count in pages.values())
    return rounds * latency / 1000.0, rounds


def find(rows, name_start):
    """The first row whose name starts so, or None."""
    return next((row for row in rows if row['name'].startswith(name_start)), None)


def limit_of(row):
    """The requests a run needs at least: 1 login + the pages of each kind, twice when changed (the read-back), plus
    the changed writes."""
    pages = sum(row['pages'].values())
    changed = sum(row.get('changed_objects', {}).values())
    return 1 + (2 * pages if changed else pages) + changed


def overhead_row(rows):
    """The run that gives the role's fixed overhead: the run in sync at latency 0 (the run in sync when the latency is
    0 anyway)."""
    synced = find(rows, 'role in sync')
    return find(rows, 'role in sync, latency 0') or (synced if synced and synced['latency_ms'] == 0 else None)


def versus(row, rows):
    """The 'wall vs critical path' cell of a row."""
    crit, rounds = critical_seconds(row['pages'], row['latency_ms'])
    text = f"crit {crit:.2f} s ({rounds} rounds; log {row['figures']['rounds']})"
    overhead = overhead_row(rows)
    if row['status'] != 0:
        text += '; did not finish'
    elif row['name'] == 'role in sync' and overhead is not None and overhead is not row and overhead['status'] == 0:
        bound = 2 * crit + overhead['wall_seconds']
        text += f"; <= 2 x crit + overhead = {bound:.2f} s"
    elif row['name'].startswith('role,'):
        synced = find(rows, 'role in sync')
        if synced is not None and synced['status'] == 0 and row['status'] == 0:
            text += f"; {row['wall_seconds'] - synced['wall_seconds']:+.2f} s vs in sync"
    return text


def megabytes(kib):
    """KiB as MB with one decimal, '-' when unknown."""
    return '-' if not kib else f'{kib / 1024.0:.1f}'


def table(rows):
    """The markdown table, as lines."""
    lines = ['| run | N mon. | lat. ms | requests | login + list GETs + GET by id + writes | limit | list GETs per kind '
             '(mon/rec/grp/blk) | pages per kind | peak in flight GET / write | wall s | wall vs critical path | module '
             'peak MB | run peak MB | check |',
             '|---|---:|---:|---:|---|---:|---|---|---|---:|---|---|---:|---|']
    for row in rows:
        figures = row['figures']
        per_kind = '/'.join(str(figures['kinds'][kind]['listing']) for kind in KINDS)
        pages = '/'.join(str(row['pages'][kind]) for kind in KINDS)
        lines.append(
            f"| {row['name']} | {row['monitors']} | {row['latency_ms']} | {figures['total']} | {figures['logins']} + "
            f"{figures['listing']} + {figures['get_by_id']} + {figures['writes']} | {limit_of(row)} | {per_kind} | {pages} | "
            f"{figures['get_peak']} / {figures['write_peak']} | {row['wall_seconds']:.2f} | {versus(row, rows)} | "
            f"{megabytes(row['module_rss_kb'])} ({row['module_rss_name'] or '-'}) | {megabytes(row['run_rss_kb'])} | "
            f"{row['check']} |")
    return lines


def targets(rows):
    """The targets of issue 21 this benchmark measures: (text, measured, met)."""
    found = []
    synced, overhead, changed = find(rows, 'role in sync'), overhead_row(rows), find(rows, 'role,')
    for row in [item for item in rows if item['name'].startswith('export')]:
        listings = ', '.join(f"{KIND_LABELS[kind]} {row['figures']['kinds'][kind]['listing'] / float(row['pages'][kind]):g}"
                             for kind in KINDS)
        found.append((f"export N={row['monitors']}: one listing per kind", listings,
                      all(row['figures']['kinds'][kind]['listing'] == row['pages'][kind] for kind in KINDS)))
        found.append((f"export N={row['monitors']}: module peak memory < {TARGET_MEMORY_MB} MB",
                      f"{megabytes(row['module_rss_kb'])} MB ({row['module_rss_name']})",
                      bool(row['module_rss_kb']) and row['module_rss_kb'] / 1024.0 < TARGET_MEMORY_MB))
    if synced is not None:
        figures = synced['figures']
        found.append(('in sync: 1 login + listing pages, no GET by id, 0 writes',
                      f"{figures['logins']} + {figures['listing']} GETs (pages {sum(synced['pages'].values())}), "
                      f"{figures['get_by_id']} by id, {figures['writes']} writes",
                      figures['logins'] == 1 and figures['listing'] == sum(synced['pages'].values())
                      and not figures['get_by_id'] and not figures['writes']))
        if synced['status'] != 0:
            found.append(('in sync: wall time', 'n/a: ansible-playbook did not finish', False))
        elif overhead is not None and overhead is not synced and overhead['status'] == 0:
            crit = critical_seconds(synced['pages'], synced['latency_ms'])[0]
            bound = 2 * crit + overhead['wall_seconds']
            found.append((f"in sync: wall <= 2 x crit ({crit:.2f} s) + overhead ({overhead['wall_seconds']:.2f} s)",
                          f"{synced['wall_seconds']:.2f} s vs {bound:.2f} s", synced['wall_seconds'] <= bound))
    if changed is not None:
        figures = changed['figures']
        found.append((f'changed: requests <= 1 + 2 x pages + writes = {limit_of(changed)}', str(figures['total']),
                      figures['total'] <= limit_of(changed)))
        if changed['latency_ms']:
            found.append((f'changed: at least {TARGET_WRITE_PEAK} writes in flight', str(figures['write_peak']),
                          figures['write_peak'] >= TARGET_WRITE_PEAK))
        if changed['status'] != 0 or (synced is not None and synced['status'] != 0):
            found.append((f'changed: at most {TARGET_EXTRA_SECONDS:g} s more than in sync', 'n/a: a run did not finish', False))
        elif synced is not None:
            extra = changed['wall_seconds'] - synced['wall_seconds']
            found.append((f'changed: at most {TARGET_EXTRA_SECONDS:g} s more than in sync', f'{extra:+.2f} s',
                          extra <= TARGET_EXTRA_SECONDS))
    return found


def time_lines(rows):
    """Where the time goes, for the role's runs: each module process's run time, each kind's span of requests."""
    lines = []
    for row in rows:
        modules = ', '.join(f"{module} {seconds:.2f} s [{' '.join(f'{key} {value}' for key, value in sorted(counts.items()))}]"
                            for module, seconds, counts in row['figures'].get('by_module', []))
        spent = sum(item.get('seconds', 0) for item in row['modules'])
        spans = ', '.join(f"{KIND_LABELS[kind]} {row['figures']['kinds'][kind]['span_seconds']:.2f} s "
                          f"({row['figures']['kinds'][kind]['listing']} GET + {row['figures']['kinds'][kind]['writes']} writes)"
                          for kind in KINDS)
        lines.append(f"  {row['name']}: wall {row['wall_seconds']:.2f} s; module processes, run time [the requests sent while it ran]: {modules} "
                     f"(sum {spent:.2f} s; the rest, {row['wall_seconds'] - spent:.2f} s, is ansible-playbook's own work)")
        lines.append(f'    requests by kind, first arrival to last reply: {spans}')
        lines.append('    longest stretches without a module process (the controller alone): '
                     + (', '.join(f'{seconds:.2f} s between {after} and {before}' for seconds, after, before in row.get('gaps', [])[:3])
                        or 'unknown (ansible-playbook was stopped)'))
    return lines


def print_report(rows, args, page_size):
    """The table, the targets, where the time goes, the failed checks."""
    print()
    print(f'account benchmark: export (playbook community.alertsite.export) and the role community.alertsite.alerting with '
          f'the exported vars file; page size {page_size}, {READ_WORKERS} pages read at once, '
          f'{args.parallel_writes} writes in flight per task (alertsite_alerting_parallel_writes)')
    print()
    print('\n'.join(table(rows)))
    print()
    print('limit: 1 login + the listing pages of each kind (changed: twice, for the read-back, + the changed writes). crit: '
          f'(1 login + ceil(pages / {READ_WORKERS}) rounds per kind) x latency; "log": the login and listing GETs that waited '
          'on each other, from the simulator\'s log;')
    print('overhead: the run in sync at latency 0. module peak MB: the largest module process (ru_maxrss); run peak MB: the '
          'largest process of the run (controller and workers included). See tests/bench/account_benchmark.py.')
    changed = find(rows, 'role,')
    if changed is not None:
        print('changed objects: ' + ', '.join(f"{KIND_LABELS[kind]} {count}" for kind, count in changed['changed_objects'].items())
              + '; writes by kind: ' + ', '.join(f"{KIND_LABELS[kind]} {changed['figures']['kinds'][kind]['writes']}"
                                                 for kind in KINDS))
    repeated = [row for row in rows if len(row.get('runs_seconds', [])) > 1]
    if repeated:
        print('runs, fastest in the table: ' + '; '.join(
            f"{row['name']} " + ', '.join(f'{seconds:.2f}' for seconds in row['runs_seconds']) + ' s' for row in repeated))
    found = targets(rows)
    if found:
        print()
        print('targets of issue 21 (measured, not asserted):')
        for text, measured, met in found:
            print(f"  {text:<66} {measured:>40}  {'met' if met else 'MISSED'}")
    print()
    print('where the time goes:')
    print('\n'.join(time_lines(rows)))
    for row in rows:
        for problem in row['problems']:
            print(f"  FAILED {row['name']}: {problem}")


# -- set-up ----------------------------------------------------------------------------------------------------

def parse_args(argv=None):
    """Parse and check the command line."""
    parser = argparse.ArgumentParser(description='Export a seeded account and converge it with the role alerting against '
                                                 'the simulator: requests, in-flight peaks, wall time vs critical path, memory.')
    for name, default, text in (('monitors', 1000, 'TCP monitors'), ('recipients', 200, 'recipients'),
                                ('groups', 50, 'recipient groups'), ('group-monitors', 10, 'monitors per group'),
                                ('group-recipients', 5, 'recipients per group'), ('blackouts', 100, 'blackouts'),
                                ('memory-monitors', 5000, 'monitors of the second export, for memory (0: none)'),
                                ('latency-ms', 100, 'latency of every API request in ms')):
        parser.add_argument('--' + name, type=int, default=default, help=f'{text} (default {default})')
    parser.add_argument('--changed-percent', type=float, default=10.0, help='share of each kind changed (default 10)')
    parser.add_argument('--repeats', type=int, default=2,
                        help='runs of the role in sync, at latency 0 and changed; the fastest of each is shown (default 2)')
    parser.add_argument('--parallel-writes', type=int, default=4,
                        help="the role's alertsite_alerting_parallel_writes: writes in flight per task (default 4)")
    parser.add_argument('--skip-in-sync', action='store_true', help='no run of the role in sync (nor at latency 0)')
    parser.add_argument('--skip-latency-0', action='store_true', help='no run of the role in sync at latency 0 (no overhead figure)')
    parser.add_argument('--smoke', action='store_true',
                        help='a small account at latency 0 without the second export: ' + ', '.join(f'{key} {value}' for key, value in SMOKE.items()))
    parser.add_argument('--json', metavar='FILE', help='also write the figures to FILE as JSON')
    parser.add_argument('--collections-path', default=os.environ.get('ANSIBLE_COLLECTIONS_PATH', ''),
                        help='directory holding ansible_collections/community/alertsite (default $ANSIBLE_COLLECTIONS_PATH)')
    parser.add_argument('--ansible-playbook', default=fleet.default_ansible_playbook(), help='the ansible-playbook to run')
    parser.add_argument('--playbook-timeout', type=int, default=0, help='seconds after which a playbook is stopped '
                                                                        '(default 300 + monitors / 10)')
    parser.add_argument('--verbose', action='store_true', help='print the output of every playbook')
    args = parser.parse_args(argv)
    if args.smoke:
        for key, value in SMOKE.items():
            setattr(args, key, value)
    if min(args.monitors, args.recipients, args.groups, args.group_monitors, args.group_recipients, args.blackouts) < 1:
        parser.error('every size must be at least 1')
    if args.monitors > fleet.MAX_SIZE or args.memory_monitors > fleet.MAX_SIZE or args.memory_monitors < 0:
        parser.error(f'--monitors and --memory-monitors must be at most {fleet.MAX_SIZE}')
    if not 0 < args.changed_percent <= 100 or args.latency_ms < 0:
        parser.error('--changed-percent must be above 0 and at most 100, --latency-ms at least 0')
    if args.repeats < 1 or args.parallel_writes < 1:
        parser.error('--repeats and --parallel-writes must be at least 1')
    paths = [os.path.abspath(path) for path in args.collections_path.split(os.pathsep) if path]
    found = [path for path in paths if os.path.isdir(os.path.join(path, 'ansible_collections', 'community', 'alertsite'))]
    if not found:
        parser.error(f'community.alertsite is not installed in --collections-path {args.collections_path!r} (use tests/bench/run.sh)')
    args.collections_path = os.pathsep.join(paths)
    args.collection_root = os.path.join(found[0], 'ansible_collections', 'community', 'alertsite')
    return args


def main(argv=None):
    """Run the benchmark; return the exit status."""
    signal.signal(signal.SIGTERM, fleet.terminate)
    args = parse_args(argv)
    fleet.bypass_proxies()
    page_size = fleet.page_size_of(args.collection_root)
    try:
        core = fleet.ansible_version(args.ansible_playbook)
    except fleet.BenchError as exc:
        log(f'ERROR: {exc}')
        return 2
    python = sys.version.split()[0]
    start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix='alertsite-account-bench.')
    bench, error = None, None
    try:
        bench = AccountBench(args, workdir, page_size)
        bench.run()
    except fleet.BenchError as exc:
        log(f'ERROR: {exc}')
        error = str(exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    rows = bench.rows if bench is not None else []
    if rows:
        print_report(rows, args, page_size)
    total = round(time.monotonic() - start, 1)
    print()
    print(f'{len(rows)} run(s) in {total:.0f} s (ansible-core {core}, Python {python}, {os.cpu_count()} CPU(s), load average '
          f"{', '.join(f'{value:.2f}' for value in os.getloadavg())} at the end)")
    expected = 2 + (0 if args.skip_in_sync else 1 + (1 if args.latency_ms and not args.skip_latency_0 else 0)) \
        + (1 if args.memory_monitors else 0)
    ok = error is None and len(rows) == expected and not any(row['problems'] for row in rows)
    if args.json:
        figures = {'ansible_core': core, 'python': python, 'page_size': page_size, 'total_seconds': total,
                   'sizes': {key: getattr(args, key) for key in ('monitors', 'recipients', 'groups', 'group_monitors',
                                                                 'group_recipients', 'blackouts', 'memory_monitors')},
                   'latency_ms': args.latency_ms, 'changed_percent': args.changed_percent, 'rows': rows,
                   'limits': {row['name']: limit_of(row) for row in rows},
                   'targets': [{'target': text, 'measured': measured, 'met': met} for text, measured, met in targets(rows)],
                   'error': error, 'ok': ok}
        with open(args.json, 'w', encoding='utf-8') as handle:
            json.dump(figures, handle, indent=2, sort_keys=True)
            handle.write('\n')
    if error is not None:
        return 2
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
