#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): a smoke run of the fleet benchmark, tests/bench/run.sh
# with a fleet of BENCH_SMOKE_SIZES (default 10) monitors. It fails when the benchmark fails (a playbook
# failed, or its request-log checks did) or when the role's run in sync sent more than 2 + pages
# requests (one login and one listing page per PAGE_SIZE monitors, plus one of slack).
#
# Under run-tests.sh it uses the harness's venv (AS_TEST_VENV); run by hand it uses tests/bench/run.sh's.

set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SIZES="${BENCH_SMOKE_SIZES:-10}"

TMP="$(mktemp -d "${AS_TEST_TMPDIR:-${TMPDIR:-/tmp}}/bench-smoke.XXXXXX")" || { echo "mktemp failed" >&2; exit 1; }
trap 'rm -rf "$TMP"' EXIT

if [ -n "${AS_TEST_VENV:-}" ]; then
    export BENCH_VENV="$AS_TEST_VENV"
    PYTHON="$AS_TEST_VENV/bin/python"
else
    PYTHON="$(command -v python3)" || { echo "python3 not found" >&2; exit 1; }
fi

bash "$ROOT/tests/bench/run.sh" --sizes "$SIZES" --json "$TMP/bench.json"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the fleet benchmark exited with status $rc"
    exit 1
fi
[ -s "$TMP/bench.json" ] || { echo "FAIL: the benchmark wrote no JSON figures"; exit 1; }

# The bound is computed here again from the raw counts, not taken from the benchmark's own verdict.
"$PYTHON" - "$TMP/bench.json" "$SIZES" <<'PYTHON'
import json
import math
import sys

with open(sys.argv[1], encoding='utf-8') as handle:
    figures = json.load(handle)
sizes = [int(size) for size in sys.argv[2].split(',') if size.strip()]
page_size = int(figures.get('page_size') or 100)
rows = dict(((row['n'], row['scenario']), row) for row in figures.get('rows', []))
failures = []
for size in sizes:
    for scenario in ('loop-in-sync', 'bulk-in-sync', 'loop-changed', 'bulk-changed'):
        row = rows.get((size, scenario))
        if row is None:
            failures.append('N=%d: no figures for %s' % (size, scenario))
        elif row['check'] != 'ok':
            failures.append('N=%d: %s check %s: %s' % (size, scenario, row['check'], '; '.join(row.get('problems', []))))
    row = rows.get((size, 'bulk-in-sync'))
    if row is not None:
        bound = 2 + int(math.ceil(size / float(page_size)))
        total = row['counts']['total']
        print('bulk in sync, N=%d: %d requests, bound %d: %s' % (size, total, bound, 'held' if total <= bound else 'EXCEEDED'))
        if total > bound:
            failures.append('N=%d: the role sent %d requests in sync, more than 2 + pages = %d' % (size, total, bound))
        if row['counts']['PATCH'] or row['counts']['writes']:
            failures.append('N=%d: the role wrote although everything was in sync' % size)
if failures:
    print('FAIL:\n  ' + '\n  '.join(failures))
    sys.exit(1)
print('PASS: fleet benchmark smoke run (sizes %s)' % ','.join(str(size) for size in sizes))
PYTHON
