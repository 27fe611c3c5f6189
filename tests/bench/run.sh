#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The fleet benchmark: the bulk path (role community.alertsite.monitors / module alertsite_monitors) against
# the local AlertSite API simulator, with and without network latency, optionally a loop over
# alertsite_tcp_monitor, and the listing of alertsite_monitor_info with its pages read one after the other and in
# parallel (see the docstrings of tests/bench/fleet_benchmark.py and tests/bench/info_listing.py for every column
# and formula).
#
#   bash tests/bench/run.sh [--sizes 500] [--latencies 0,100] [--parallel-writes 1,4] [--changed-percent 10]
#                           [--memory-sizes 500,5000] [--loop-sizes SIZES] [--info-sizes 5000]
#                           [--info-latency 100] [--shape-sizes 5000] [--shape-repeats 2] [--jitter-ms 0]
#                           [--json FILE] [--playbook-timeout SECONDS] [--verbose]
#   bash tests/bench/run.sh --help       this text (without building anything)
#   bash tests/bench/run.sh --account [--smoke] [ARG...]
#                                        instead, the account benchmark (tests/bench/account_benchmark.py, its
#                                        docstring and --help): export and the role alerting over a whole account
#
# The default run (15 playbook runs, about 2.5 minutes on 2 lightly loaded cores) prints one table, side by side, for
# N = 500 monitors in sync and with 10% changed, at latency 0 and 100 ms, with parallel_writes 1 and 4 (the
# default): wall time, requests by method, the ratio to the physical limit (requests / (1 login + pages +
# changed writes)), the critical path (logins + listing pages + ceil(writes / parallel_writes) + read-back
# requests) and wall time / (critical path x latency), the peak of PATCHes in flight (from the simulator's
# log) and the module's peak RSS; then requests, wall time and peak RSS at N = 500 and N = 5,000 in sync
# (latency 0), and the targets of issue 13 as measured; then the listing of alertsite_monitor_info over 5,000
# monitors at 100 ms, one page after the other (the simulator's dialect count-is-page) and in parallel (the
# default): listing requests, GETs in flight at once, listing round trips, the listing's wall time, and the
# targets of issue 21 as measured; then the role in sync over 5,000 monitors at latency 0 with the full result
# (return_unchanged: true) and the default result, side by side: wall time, the module's run time, the size of
# its reply, peak RSS, and the target of issue 21 as measured. Timings are printed, never asserted; the exit
# status is 1 when a correctness or request-count check fails (see the docstrings).
#
#   --sizes N,...             fleet sizes of the latency grid (default 500; none: no grid)
#   --latencies MS,...        latencies of the grid, each with a simulator of its own (default 0,100)
#   --parallel-writes P,...   parallel_writes values of the grid (default 1,4)
#   --changed-percent P       share of the monitors changed in the changed scenarios (default 10)
#   --memory-sizes N,...      sizes measured in sync at latency 0 for memory and growth (default 500,5000)
#   --loop-sizes N,...        also compare a loop over alertsite_tcp_monitor with the bulk path at latency 0
#                             (default none; about 1 s per monitor and scenario, e.g. --loop-sizes 50,200)
#   --info-sizes N,...        sizes at which alertsite_monitor_info lists every monitor (default 5000; none: skip)
#   --info-latency MS         latency of those listing runs (default 100)
#   --shape-sizes N,...       sizes at which the role runs in sync with each result shape (default 5000; none: skip)
#   --shape-repeats R         runs of each shape, in turn; the fastest is shown (default 2)
#   --jitter-ms M             a random 0 to M ms more per request where the latency is above 0 (default 0)
#   --json FILE               also write every figure to FILE
#
# Examples: a quick look with latency, as CI's smoke check runs it (tests/utils/checks.d/bench-smoke.sh):
#   bash tests/bench/run.sh --sizes 20 --latencies 50 --changed-percent 25 --memory-sizes none --loop-sizes 10 \
#       --info-sizes 500 --info-latency 50
# the loop against the bulk path as before issue 13:
#   bash tests/bench/run.sh --sizes none --memory-sizes none --loop-sizes 50,200,500
#
# 1. builds (or reuses) the Python 3.11 + ansible-core 2.19 venv of tests/utils/run-tests.sh;
# 2. builds the collection with ansible-galaxy collection build (from a copy of the working tree:
#    tracked and untracked files that are not ignored) and installs the tarball into a temporary
#    collections path;
# 3. runs tests/bench/fleet_benchmark.py with that venv's Python, passing every argument through.
#
# Environment:
#   BENCH_SERIES=2.19   the matrix entry whose venv is used (2.19 or 2.21)
#   BENCH_VENV=         use this existing venv instead (it needs ansible-core and requests)
#
# The exit status is the benchmark's (non-zero also when a set-up step fails).

# shellcheck source-path=SCRIPTDIR
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

for arg in "$@"; do
    case "$arg" in
        -h | --help)
            # the header above, up to its first empty line
            sed -n '6,/^$/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
            exit 0
            ;;
    esac
done
# shellcheck source=../utils/lib.sh
. "$HERE/../utils/lib.sh"

SERIES="${BENCH_SERIES:-2.19}"
VENV="${BENCH_VENV:-}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/community.alertsite-bench.XXXXXX")" || as_die "mktemp failed"

BENCH_PID=''

# shellcheck disable=SC2317,SC2329  # invoked by the traps
cleanup() {
    rm -rf "$WORK"
}
# shellcheck disable=SC2317,SC2329  # invoked by the traps
stop() {
    # the benchmark stops its simulator and playbook itself on SIGTERM
    if [ -n "$BENCH_PID" ]; then
        kill -TERM "$BENCH_PID" 2>/dev/null
        wait "$BENCH_PID" 2>/dev/null
    fi
    exit "$1"
}
trap cleanup EXIT
trap 'stop 130' INT
trap 'stop 143' TERM

if [ -n "$VENV" ]; then
    if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/ansible-playbook" ]; then
        as_die "BENCH_VENV=$VENV is not a venv with ansible-core"
    fi
else
    python="$(as_find_python "$(as_python_for "$SERIES")")" || as_die "Python $(as_python_for "$SERIES") is required"
    VENV="$(as_ensure_venv "$SERIES" "$python")" || as_die "could not build the venv"
fi
# read the whole output: with "| head -n1" ansible may die of a broken pipe
version="$("$VENV/bin/ansible" --version </dev/null 2>&1)" || as_die "$VENV/bin/ansible --version failed: $version"
as_log "${version%%$'\n'*} in $VENV"

# --- build and install the collection ---------------------------------------------------------
as_build_install "$VENV" "$WORK"

# --- run the benchmark ------------------------------------------------------------------------
SCRIPT=fleet_benchmark.py
if [ "${1:-}" = "--account" ]; then SCRIPT=account_benchmark.py; shift; fi
# in the background, so that a signal reaches the traps at once (and through them the benchmark)
"$VENV/bin/python" "$HERE/$SCRIPT" --collections-path "$WORK/collections" \
    --ansible-playbook "$VENV/bin/ansible-playbook" "$@" </dev/null &
BENCH_PID=$!
wait "$BENCH_PID"
rc=$?
BENCH_PID=''
exit "$rc"
