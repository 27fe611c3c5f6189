#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): a smoke run of the fleet benchmark, tests/bench/run.sh,
# small and with latency (about 25 s on an idle machine, the collection build included; under a minute loaded):
#
#   the bulk path (the role) with BENCH_SMOKE_SIZE (default 20) monitors behind BENCH_SMOKE_LATENCY_MS
#   (default 50) ms of latency, with parallel_writes 1 and 4, in sync and with 25% changed (5 monitors, so
#   that four writes can overlap); and a loop over alertsite_tcp_monitor against the role with
#   BENCH_SMOKE_SIZES (default 10; comma-separated) monitors at latency 0.
#
# It fails when the benchmark fails (a playbook failed, or one of its checks from the request log did: one
# PATCH per changed monitor holding only the new port, no write in sync, no failed request, Ansible's changed
# count, the request counts, writes overlapping), and checks again here, from the raw figures of its JSON
# rather than from its verdict: every scenario was measured; the role in sync sent exactly 1 login + pages
# requests (one listing page per PAGE_SIZE monitors) and no write; changed, one PATCH per changed monitor and
# at most 1 + 2 x pages + writes requests; with parallel_writes 4 behind the latency, at least min(3, changed)
# PATCHes were in flight at once; the latency was in force (the in-sync requests, one after the other, took
# at least that long each); the module's peak memory was recorded. Timings are printed, not asserted.
#
# Under run-tests.sh it uses the harness's venv (AS_TEST_VENV); run by hand it uses tests/bench/run.sh's.

set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SIZE="${BENCH_SMOKE_SIZE:-20}"
LATENCY="${BENCH_SMOKE_LATENCY_MS:-50}"
LOOP_SIZES="${BENCH_SMOKE_SIZES:-10}"
PERCENT=25
PARALLEL=1,4

TMP="$(mktemp -d "${AS_TEST_TMPDIR:-${TMPDIR:-/tmp}}/bench-smoke.XXXXXX")" || { echo "mktemp failed" >&2; exit 1; }
trap 'rm -rf "$TMP"' EXIT

if [ -n "${AS_TEST_VENV:-}" ]; then
    export BENCH_VENV="$AS_TEST_VENV"
    PYTHON="$AS_TEST_VENV/bin/python"
else
    PYTHON="$(command -v python3)" || { echo "python3 not found" >&2; exit 1; }
fi

start=$SECONDS
# and the listing of alertsite_monitor_info over BENCH_SMOKE_INFO_SIZE (default 500: five pages) monitors at that
# latency, its pages one after the other and in parallel (the benchmark checks every monitor listed once, the
# listing requests, and pages in flight at once only where the count is believed); and the role in sync over
# BENCH_SMOKE_SHAPE_SIZE (default 100) monitors at latency 0 with each result shape, once each (the benchmark checks
# the objects in results and before: all with return_unchanged, none by default)
bash "$ROOT/tests/bench/run.sh" --sizes "$SIZE" --latencies "$LATENCY" --parallel-writes "$PARALLEL" \
    --changed-percent "$PERCENT" --memory-sizes none --loop-sizes "$LOOP_SIZES" \
    --info-sizes "${BENCH_SMOKE_INFO_SIZE:-500}" --info-latency "$LATENCY" \
    --shape-sizes "${BENCH_SMOKE_SHAPE_SIZE:-100}" --shape-repeats 1 --json "$TMP/bench.json"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the fleet benchmark exited with status $rc"
    exit 1
fi
[ -s "$TMP/bench.json" ] || { echo "FAIL: the benchmark wrote no JSON figures"; exit 1; }

# The bounds are computed here again from the raw counts, not taken from the benchmark's own verdict.
"$PYTHON" - "$TMP/bench.json" "$SIZE" "$LATENCY" "$PARALLEL" "$LOOP_SIZES" <<'PYTHON'
import json
import math
import sys

with open(sys.argv[1], encoding='utf-8') as handle:
    figures = json.load(handle)
size, latency = int(sys.argv[2]), int(sys.argv[3])
parallel = [int(value) for value in sys.argv[4].split(',') if value.strip()]
loop_sizes = [int(value) for value in sys.argv[5].split(',') if value.strip()]
page_size = int(figures.get('page_size') or 100)
rows = dict(((row['mode'], row['n'], row['latency_ms'], row['parallel_writes'], row['changed']), row)
            for row in figures.get('rows', []))

wanted = [('bulk', size, latency, value, changed) for value in parallel for changed in (False, True)]
for loop_size in loop_sizes:
    for changed in (False, True):
        wanted += [('loop', loop_size, 0, None, changed), ('bulk', loop_size, 0, 4, changed)]


def name(key):
    mode, n, ms, value, changed = key
    return '%s N=%d %d ms%s %s' % (mode, n, ms, '' if value is None else ' parallel_writes %d' % value,
                                   'changed' if changed else 'in sync')


failures = []
for key in wanted:
    row = rows.get(key)
    if row is None:
        failures.append('%s: no figures' % name(key))
        continue
    if row['check'] != 'ok':
        failures.append('%s: check %s: %s' % (name(key), row['check'], '; '.join(row.get('problems', []))))
    if row['mode'] != 'bulk':
        continue
    counts = row['counts']
    n, ms, value, changed = key[1:]
    pages = int(math.ceil(n / float(page_size))) + (1 if n == page_size else 0)
    if not changed:
        print('%s: %d requests (%d login, %d GET), expected 1 + %d pages, %.2f s' % (
            name(key), counts['total'], counts['logins'], counts['GET'], pages, row['wall_seconds']))
        if (counts['total'], counts['logins'], counts['GET']) != (1 + pages, 1, pages):
            failures.append('%s: %d requests, expected exactly 1 login + %d pages' % (name(key), counts['total'], pages))
        if counts['PATCH'] or counts['writes']:
            failures.append('%s: the role wrote although everything was in sync' % name(key))
        if row['api_seconds'] < (1 + pages) * ms / 1000.0 * 0.99:
            failures.append('%s: %d requests one after the other took %.3f s: the latency of %d ms was not in force'
                            % (name(key), 1 + pages, row['api_seconds'], ms))
    else:
        bound = 1 + 2 * pages + row['changed_monitors']
        print('%s: %d requests (bound %d), %d PATCHes for %d changed, at most %d in flight, %.2f s' % (
            name(key), counts['total'], bound, counts['PATCH'], row['changed_monitors'], row['patch_peak'], row['wall_seconds']))
        if counts['PATCH'] != row['changed_monitors'] or counts['writes'] != counts['PATCH']:
            failures.append('%s: %d PATCHes and %d writes for %d changed monitors'
                            % (name(key), counts['PATCH'], counts['writes'], row['changed_monitors']))
        if counts['total'] > bound:
            failures.append('%s: %d requests, more than 1 + 2 x pages + writes = %d' % (name(key), counts['total'], bound))
        if ms > 0 and value >= 3 and row['patch_peak'] < min(3, row['changed_monitors']):
            failures.append('%s: at most %d PATCH(es) in flight at once, expected at least %d'
                            % (name(key), row['patch_peak'], min(3, row['changed_monitors'])))
    if not row.get('rss_kb'):
        failures.append('%s: the module\'s peak memory was not recorded' % name(key))
shapes = dict((row['shape'], row) for row in figures.get('shape_rows', []))
for shape in ('full', 'default'):
    row = shapes.get(shape)
    if row is None:
        failures.append('result shape %s: no figures' % shape)
        continue
    objects = row['n'] if shape == 'full' else 0
    print('result shape %s N=%d: reply %s bytes, %s objects in results and before, %.2f s' % (
        shape, row['n'], row.get('reply_bytes'), row.get('report'), row['wall_seconds']))
    if row['check'] != 'ok' or list(row.get('report') or []) != [0, row['n'], objects, objects]:
        failures.append('result shape %s: check %s, report %s: %s' % (shape, row['check'], row.get('report'),
                                                                      '; '.join(row.get('problems', []))))
if len(shapes) == 2 and not shapes['default'].get('reply_bytes', 0) < shapes['full'].get('reply_bytes', 0):
    failures.append('result shape: the default reply is not smaller than the full one')
if failures:
    print('FAIL:\n  ' + '\n  '.join(failures))
    sys.exit(1)
print('PASS: fleet benchmark smoke run (N=%d at %d ms, parallel_writes %s; loop sizes %s)'
      % (size, latency, ','.join(str(value) for value in parallel), ','.join(str(value) for value in loop_sizes) or 'none'))
PYTHON
rc=$?
echo "fleet benchmark smoke run took $((SECONDS - start)) s"
[ "$rc" -eq 0 ] || exit "$rc"

# The account benchmark (tests/bench/account_benchmark.py) in its smoke mode: a small account at latency 0, exported
# with community.alertsite.export, 10% of every kind changed on the simulator, converged back with the role alerting
# from the exported file (two playbooks; the run in sync and the big export are left to the full benchmark). Checked
# again here from its raw figures: the export logged in once and sent only listings, its file lists every seeded
# object; the role wrote exactly once per changed object of each kind, within 1 + 2 x pages + writes requests.
account_start=$SECONDS
bash "$ROOT/tests/bench/run.sh" --account --smoke --json "$TMP/account.json"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the account benchmark exited with status $rc"
    exit 1
fi
"$PYTHON" - "$TMP/account.json" <<'PYTHON'
import json
import sys

with open(sys.argv[1], encoding='utf-8') as handle:
    figures = json.load(handle)
rows = dict((row['name'], row) for row in figures.get('rows', []))
failures = []
export = rows.get('export')
changed = next((row for name, row in rows.items() if name.startswith('role,')), None)
if export is None or changed is None:
    failures.append('runs measured: %s, expected the export and the changed run' % sorted(rows))
else:
    kinds = export['figures']['kinds']
    if export['figures']['logins'] != 1 or export['figures']['writes'] or any(item['get_by_id'] for item in kinds.values()):
        failures.append('export: %(logins)d login(s), %(writes)d write(s), GETs by id: expected 1 login and listings' % export['figures'])
    seeded = figures['sizes']
    wanted = {'monitors': seeded['monitors'], 'recipients': seeded['recipients'], 'notifier-groups': seeded['groups'],
              'blackouts': seeded['blackouts']}
    if export.get('exported') != wanted:
        failures.append('export: the file lists %s, seeded %s' % (export.get('exported'), wanted))
    pages = sum(changed['pages'].values())
    writes = dict((kind, item['writes']) for kind, item in changed['figures']['kinds'].items())
    bound = 1 + 2 * pages + sum(changed['changed_objects'].values())
    print('account smoke: export %d requests (%s listing GETs by kind); changed %s, writes %s, %d requests (bound %d), %.2f s'
          % (export['figures']['total'], dict((kind, item['listing']) for kind, item in kinds.items()),
             changed['changed_objects'], writes, changed['figures']['total'], bound, changed['wall_seconds']))
    if writes != changed['changed_objects']:
        failures.append('changed: writes by kind %s, changed objects %s' % (writes, changed['changed_objects']))
    if changed['figures']['total'] > bound or changed['figures']['logins'] != 1:
        failures.append('changed: %d requests (%d logins), bound 1 login + 2 x %d pages + writes = %d'
                        % (changed['figures']['total'], changed['figures']['logins'], pages, bound))
for row in rows.values():
    if row['check'] != 'ok':
        failures.append('%s: %s' % (row['name'], '; '.join(row['problems'])))
if failures or not figures.get('ok'):
    print('FAIL:\n  ' + '\n  '.join(failures or ['the account benchmark reported a failure']))
    sys.exit(1)
print('PASS: account benchmark smoke run')
PYTHON
rc=$?
echo "account benchmark smoke run took $((SECONDS - account_start)) s; bench-smoke took $((SECONDS - start)) s"
exit "$rc"
