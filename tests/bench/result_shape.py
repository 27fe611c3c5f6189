# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The result-shape benchmark of tests/bench/fleet_benchmark.py: the role community.alertsite.monitors in sync
over N monitors at latency 0, with the result as it was (every unchanged monitor's object in ``results`` and in
``before``: ``return_unchanged: true``) and with the default (an unchanged monitor only named in ``results``),
side by side.

fleet_benchmark.py seeds the monitors once and runs the playbook below with each shape, --shape-repeats times
in turn (full, default, full, default, ...); the table shows the fastest run of each shape (the least disturbed by
the rest of the machine), and every run is in the JSON. With latency 0 the API costs little, so the wall time is
mostly Ansible's start-up and the module's result: built, scanned for secrets (no_log) and serialised by the
module, then parsed, registered and passed between the controller's processes.

The columns:

  shape        full (return_unchanged: true, the result of earlier releases) or default
  wall s       wall time of ansible-playbook (start-up, the module, the report task)
  module s     the module process, from its start by the interpreter wrapper to its exit (see "Memory" in
               fleet_benchmark.py: the wrapper also passes the module's reply on and counts its bytes)
  reply MB     the module's reply: the JSON result it printed, ``invocation`` included
  RSS MB       the module's peak resident memory
  objects      the items of ``results`` that hold a monitor, and the length of ``before`` (full: N each;
               default: none, everything is in sync)
  requests     1 login + the listing pages, no write

Checks (the exit status of the benchmark is 1 when one fails): the playbook succeeded; exactly 1 login and the
listing pages, nothing written, no request failed; Ansible reported no monitor as changed; ``results`` has N
items, with N objects and N items in ``before`` in the full shape and none by default; the reply was measured.
Timings are printed, never asserted: the target of issue 21 (the default at least a third faster than the full
shape, at N = 5,000) is printed as measured, met or not.
"""

import re

MARKER = 'BENCH_SHAPE:'
# (name, return_unchanged)
SHAPES = (('full', True), ('default', False))
TARGET_SIZE = 5000
TARGET_RATIO = 2.0 / 3.0

PLAYBOOK = '''---
- name: Result-shape benchmark, the role community.alertsite.monitors in sync
  hosts: localhost
  gather_facts: false
  # the role's task sets the connection in module_defaults of the module; the group's defaults merge with them
  module_defaults:
    group/community.alertsite.alertsite:
      return_unchanged: "{{ bench_return_unchanged }}"
  tasks:
    - name: Converge the TCP monitors with the role
      ansible.builtin.import_role:
        name: community.alertsite.monitors
      vars:
        alertsite_monitors: "{{ bench_monitors }}"

    - name: Report the changed monitors, the items of results, those holding a monitor, and the items of before
      ansible.builtin.debug:
        msg: "MARKER{{ [bench_results | selectattr('changed') | list | length, bench_results | length,
          bench_results | selectattr('monitor', 'defined') | list | length,
          alertsite_monitors_result.before | length] | join(',') }}"
      vars:
        bench_results: "{{ alertsite_monitors_result.results }}"
'''.replace('MARKER', MARKER)


def parse_marker(output):
    """(changed, results items, items holding a monitor, items of before) from the playbook's report, or None."""
    match = re.search(re.escape(MARKER) + r'\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)', output)
    return tuple(int(value) for value in match.groups()) if match else None


def problems(row, listing_requests):
    """What went wrong in one run (an empty list when every check held)."""
    found = []
    if row['status'] != 0:
        found.append('ansible-playbook timed out' if row['status'] is None else f"ansible-playbook exited with status {row['status']}")
    counts = row['counts']
    if (counts['total'], counts['logins'], counts['GET']) != (1 + listing_requests, 1, listing_requests):
        found.append(f"{counts['total']} requests ({counts['logins']} login(s), {counts['GET']} GET(s)), expected exactly "
                     f'1 login + {listing_requests} listing page(s)')
    if counts['writes']:
        found.append(f"{counts['writes']} write(s) although everything was in sync")
    if row['failed_requests']:
        found.append(f"{row['failed_requests']} request(s) failed")
    objects = row['n'] if row['return_unchanged'] else 0
    if row['report'] is None:
        found.append('the playbook printed no report of the results')
    elif tuple(row['report']) != (0, row['n'], objects, objects):
        found.append(f"{row['report'][0]} changed, {row['report'][1]} items in results, {row['report'][2]} holding a "
                     f"monitor, {row['report'][3]} in before; expected 0, {row['n']}, {objects} and {objects}")
    if not row.get('reply_bytes'):
        found.append("the module's reply was not measured")
    return found


def best(rows, size, shape):
    """The fastest run of a shape at a size, or None."""
    runs = [row for row in rows if row['n'] == size and row['shape'] == shape and row['status'] == 0]
    return min(runs, key=lambda row: row['wall_seconds']) if runs else None


def targets(rows):
    """The target of issue 21 for the result: (text, measured, met), at its size."""
    full, default = best(rows, TARGET_SIZE, 'full'), best(rows, TARGET_SIZE, 'default')
    if full is None or default is None:
        return []
    return [(f'N={TARGET_SIZE} in sync, latency 0: default wall <= 2/3 of full ({full["wall_seconds"]:.2f} s)',
             f"{default['wall_seconds']:.2f} s ({default['wall_seconds'] / full['wall_seconds']:.0%})",
             default['wall_seconds'] <= TARGET_RATIO * full['wall_seconds'])]


def megabytes(value, scale=1024.0 * 1024.0):
    """A size in MB with 2 decimals, '-' when unknown."""
    return '-' if not value else f'{value / scale:.2f}'


def print_report(rows):
    """The table of the shape runs (the fastest of each shape and size), the target and the failed checks."""
    if not rows:
        return
    print()
    print('result shape: the role community.alertsite.monitors in sync at latency 0, unchanged monitors in results and '
          'before (full: return_unchanged: true) or not (default); the fastest of the runs of each')
    header = (f"{'shape':<8} {'N':>5}  {'runs':>4} {'wall s':>7} {'module s':>8} {'reply MB':>8} {'RSS MB':>7}  "
              f"{'objects':>11} {'requests':>8}  check")
    print(header)
    print('-' * len(header))
    for size in sorted(set(row['n'] for row in rows)):
        for shape, _unused in SHAPES:
            runs = [row for row in rows if row['n'] == size and row['shape'] == shape]
            row = best(rows, size, shape) or (runs[0] if runs else None)
            if row is None:
                continue
            objects = '-' if row['report'] is None else f"{row['report'][2]}/{row['report'][3]}"
            check = 'FAIL' if any(item['problems'] for item in runs) else 'ok'
            print(f"{shape:<8} {size:>5}  {len(runs):>4} {row['wall_seconds']:>7.2f} "
                  f"{'-' if row.get('module_seconds') is None else format(row['module_seconds'], '.2f'):>8} "
                  f"{megabytes(row.get('reply_bytes')):>8} {megabytes(row.get('rss_kb'), 1024.0):>7}  {objects:>11} "
                  f"{row['counts']['total']:>8}  {check}")
        full, default = best(rows, size, 'full'), best(rows, size, 'default')
        if full and default and full.get('reply_bytes') and default.get('reply_bytes'):
            print(f"  N={size}: default / full: wall {default['wall_seconds'] / full['wall_seconds']:.0%}, module "
                  f"{default['module_seconds'] / full['module_seconds']:.0%}, reply "
                  f"{default['reply_bytes'] / full['reply_bytes']:.0%}")
    found = targets(rows)
    if found:
        print('target of issue 21 (measured, not asserted):')
        for text, measured, met in found:
            print(f"  {text:<70} {measured:>16}  {'met' if met else 'MISSED'}")
    for row in rows:
        for problem in row['problems']:
            print(f"  FAILED {row['shape']} N={row['n']}: {problem}")
