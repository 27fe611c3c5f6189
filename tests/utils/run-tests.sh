#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The test command of the collection:
#
#   bash tests/utils/run-tests.sh
#
# For every entry of the test matrix it builds (or reuses) a virtual environment with the pinned
# tools of tests/utils/requirements-<entry>.txt, copies the working tree (tracked and untracked files
# that are not ignored, plus .git) to <tmp>/ansible_collections/community/alertsite and runs there:
#
#   sanity       ansible-test sanity --venv --python X.Y (all sanity tests; no ignore files)
#   units        ansible-test units --venv --python X.Y
#   integration  ansible-test integration --venv --python X.Y TARGET, once per target, so that every
#                target gets its own result (ansible-test stops at the first failing target)
#
# A smoke entry (SMOKE) runs less, to keep CI within its time: its units stage as above, and instead of
# the integration stage the stage quickstart, tests/utils/demo.sh with that entry's venv (the collection
# built and installed with ansible-galaxy, docs/examples/quickstart.yml against the API simulator, which
# asserts that its rerun changes nothing), passed when the playbook passes with ansible-core of that
# series and the simulator counted exactly one write. A smoke entry has no sanity stage.
#
# Then, once after the matrix, the extra checks (run_extra_checks): every executable
# tests/utils/checks.d/*.sh, each one test, passed when it exits 0.
#
# Matrix entries (tests/utils/requirements-<entry>.txt pins the exact ansible-core release):
#   2.19 = Python 3.11 + ansible-core 2.19: sanity, units, integration of the subset SUBSET_TARGETS, then the
#          extra checks (run with this entry's venv)
#   2.20 = Python 3.12 + ansible-core 2.20: smoke entry: units, quickstart
#   2.21 = Python 3.12 + ansible-core 2.21: sanity, units, integration (every target)
#
# Every target runs on the newest entry; the older full entry runs a subset that covers what depends on
# ansible-core (module_defaults and the action group, environment fallbacks, no_log at -vvv, roles and their
# argument specs, the bulk module, check mode and diff), so that the run stays within CI's time.
#
# Environment variables:
#   MATRIX="2.19 2.20 2.21"  entries to run (default all three), e.g. MATRIX=2.21
#   SMOKE="2.20"             entries of MATRIX that run as smoke entries (default 2.20; SMOKE= runs all in full)
#   SUBSET="2.19"            entries whose integration stage runs only SUBSET_TARGETS (SUBSET= runs every
#                            target everywhere)
#   SUBSET_TARGETS="..."     the integration targets of a SUBSET entry
#   STAGES="sanity units integration extra"
#                            stages to run (default all); they always run in the order above (a smoke
#                            entry's quickstart runs as its integration stage)
#   RUN_EXTRA=1              set to 0 to skip the extra checks even when STAGES lists "extra"
#   TARGETS=                 integration targets to run (default all), e.g. TARGETS="alertsite_tcp_monitor"
#   CHECKS=                  extra checks to run (default all), e.g. CHECKS="docs galaxy"
#   COMMAND_TIMEOUT=1200     seconds after which a single ansible-test call or check is killed
#   LOG_DIR=                 if set, the stage logs are copied into this directory at the end
#   XDG_CACHE_HOME           venvs are cached in ${XDG_CACHE_HOME:-$HOME/.cache}/community.alertsite/
#                            and rebuilt when their requirements file (or interpreter) changes
#
# Environment of the extra checks (run from the root of a fresh copy of the collection):
#   AS_TEST_VENV, AS_TEST_PYTHON       venv (bin/ on PATH) and python of the first matrix entry
#   AS_TEST_SERIES                     that entry's ansible-core series (2.19, 2.20 or 2.21)
#   AS_TEST_COLLECTION_ROOT            the copy, .../ansible_collections/community/alertsite
#   AS_TEST_COLLECTIONS_PATH           the directory holding that ansible_collections/ directory
#   AS_TEST_REPO_ROOT                  the original checkout (do not write to it)
#   AS_TEST_LIB                        tests/utils/lib.sh of the checkout, to source shared helpers
#   AS_TEST_TMPDIR                     a scratch directory removed at the end of the run
#
# Output: each stage is streamed and logged, followed by its results and wall time; a summary table
# closes the run, and its last line is exactly "N passed, M failed". The exit status is non-zero
# when a test failed or when no test ran at all.
#
# ansible-test needs a few accommodations here, all made by this script and lib.sh:
#   * it must run from a real .../ansible_collections/community/alertsite directory (symlinks are
#     resolved and rejected), hence the copy;
#   * it bootstraps pip in every venv it creates with a get-pip script downloaded from
#     ci-files.testing.ansible.com; where that host is unreachable the stand-in
#     tests/utils/get-pip-standin.py is placed in ~/.ansible/test/cache/get_pip_<version>.py;
#   * it looks up pythonX.Y on PATH, where pyenv shims of non-active versions exit 127, so a
#     directory of symlinks to the real interpreters goes first on PATH;
#   * it passes no ANSIBLE_* variable on, so Ansible's async directory (ANSIBLE_ASYNC_DIR, under the run's
#     temp dir, so that async tasks work where HOME is not the home directory of the password database) is
#     also written into the copy's tests/integration/integration.cfg.

# shellcheck source-path=SCRIPTDIR
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

ROOT="$(as_repo_root)"
MATRIX="${MATRIX:-2.19 2.20 2.21}"
SMOKE="${SMOKE-2.20}"
SUBSET="${SUBSET-2.19}"
SUBSET_TARGETS="${SUBSET_TARGETS:-alertsite_tcp_monitor alertsite_monitors role_monitors env_auth alertsite_access_token alertsite_roundtrip_monitor}"
STAGES="${STAGES:-sanity units integration extra}"
RUN_EXTRA="${RUN_EXTRA:-1}"
COMMAND_TIMEOUT="${COMMAND_TIMEOUT:-1200}"
LOG_DIR="${LOG_DIR:-}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/community.alertsite-tests.XXXXXX")" || as_die "mktemp failed"
LOGS="$WORK/logs"
mkdir -p "$LOGS" "$WORK/bin"
# Ansible's async directory, set explicitly under the run's temp dir: by default async jobs write under $HOME while
# async_status looks in the home directory of the password database, so async tasks fail where HOME is another
# directory. ansible-test passes no ANSIBLE_* variable on: stage_integration also writes it into integration.cfg.
export ANSIBLE_ASYNC_DIR="$WORK/ansible-async"

cleanup() {
    if [ -n "$LOG_DIR" ] && [ -d "$LOGS" ]; then
        mkdir -p "$LOG_DIR" && cp -a "$LOGS"/. "$LOG_DIR"/ 2>/dev/null
    fi
    chmod -R u+w "$WORK" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# bookkeeping

SUMMARY_ROWS=()     # "entry|stage|passed|failed|skipped|seconds"
FAILED_TESTS=()     # "entry stage: name"
TOTAL_PASSED=0
TOTAL_FAILED=0

has_word() {  # has_word WORD LIST...
    local word="$1" item
    shift
    # shellcheck disable=SC2048  # word splitting of the space-separated lists is intended
    for item in $*; do
        [ "$item" = "$word" ] && return 0
    done
    return 1
}

banner() {
    printf '\n==== %s ====\n' "$*"
}

# record ENTRY STAGE PASSED FAILED SKIPPED SECONDS [FAILED_NAME...]
record() {
    local entry="$1" stage="$2" passed="$3" failed="$4" skipped="$5" seconds="$6" name
    shift 6
    SUMMARY_ROWS+=("$entry|$stage|$passed|$failed|$skipped|$seconds")
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    for name in "$@"; do
        FAILED_TESTS+=("$entry $stage: $name")
    done
    printf -- '---- %s %s: %d passed, %d failed, %d skipped, wall time %ds\n' \
        "$entry" "$stage" "$passed" "$failed" "$skipped" "$seconds"
}

# run_logged LOG COMMAND...: stream COMMAND's output and append it to LOG; returns COMMAND's status.
# run_quiet LOG COMMAND...: the same, but the output goes only to LOG. A timeout is said on the terminal and in LOG.
# The output goes to a file descriptor, the test command's own standard output (1) or one open on /dev/null: opening
# /dev/stdout again would start a second write position in a file the output is redirected to, so that the stages'
# lines would empty it or be written over.
exec {QUIET_FD}>/dev/null
run_logged() { run_command 1 "$@"; }
run_quiet() { run_command "$QUIET_FD" "$@"; }
run_command() {
    local out="$1" log="$2" rc
    shift 2
    printf '$%s\n' "$(printf ' %q' "$@")" | tee -a "$log" >&"$out"
    timeout -k 30 "$COMMAND_TIMEOUT" "$@" </dev/null 2>&1 | tee -a "$log" >&"$out"
    rc="${PIPESTATUS[0]}"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        echo "TIMEOUT: the command above was stopped after ${COMMAND_TIMEOUT}s" | tee -a "$log"
    fi
    return "$rc"
}

# print a per-test result table from lines "STATUS<TAB>NAME" on stdin
print_results() {
    local status name
    while IFS=$'\t' read -r status name; do
        printf '  %-8s %s\n' "$status" "$name"
    done
}

# count_test STATUS NAME PASSED_ROW FAILED_ROW: one test NAME that exited with STATUS, added to the caller's
# passed, failed, failed_names and rows (declared local by the caller) with the row that fits; returns STATUS
count_test() {
    if [ "$1" -eq 0 ]; then
        passed=$((passed + 1))
        rows+=("passed"$'\t'"$3")
    else
        failed=$((failed + 1))
        failed_names+=("$2")
        rows+=("failed"$'\t'"$4")
    fi
    return "$1"
}

# tally RESULTS: set passed, failed, skipped and failed_names (declared local by the caller) from the lines
# "STATUS<TAB>NAME" that tests/utils/junit_counts.py printed into the file RESULTS
tally() {
    passed=$(grep -c '^passed' "$1")
    failed=$(grep -c '^failed' "$1")
    skipped=$(grep -c '^skipped' "$1")
    mapfile -t failed_names < <(grep '^failed' "$1" | cut -f2-)
}

# ---------------------------------------------------------------------------------------------
# stages (run from the root of the collection copy, with PATH set up for the matrix entry)

# Each sanity test that ansible-test runs is one test. With --junit ansible-test writes one result
# file per sanity test, tests/output/junit/ansible-test-sanity-*.xml (passed, failed or skipped, e.g. skipped
# when no file is applicable or a tool such as shellcheck is missing), read by tests/utils/junit_counts.py;
# skipped tests count neither as passed nor as failed.
# Without junit files the console is parsed: passed = 'Running sanity test "NAME"' lines minus the N
# of 'The N sanity test(s) listed below (out of T) failed'.
stage_sanity() {
    local entry="$1" python="$2"
    local log="$LOGS/$entry-sanity.log" start=$SECONDS rc results
    local -a junit=()
    banner "$entry sanity: ansible-test sanity --venv --python $python"
    rm -rf tests/output/junit
    run_logged "$log" ansible-test sanity --venv --python "$python" --color no --junit
    rc=$?

    results="$WORK/$entry-sanity.tsv"
    mapfile -t junit < <(compgen -G 'tests/output/junit/ansible-test-sanity-*.xml' | sort)
    "$AS_VENV/bin/python" "$HERE/junit_counts.py" tests "${junit[@]}" >"$results"

    local passed failed skipped ran
    local -a failed_names=()
    if [ -s "$results" ]; then
        tally "$results"
        echo "sanity results ($entry):"
        sort -k1,1 -s "$results" | print_results
    else
        ran=$(grep -c '^Running sanity test "' "$log")
        failed=$(sed -n 's/.*The \([0-9][0-9]*\) sanity test(s) listed below.*/\1/p' "$log" | tail -n1)
        failed=${failed:-0}
        passed=$((ran - failed))
        [ "$passed" -ge 0 ] || passed=0
        skipped=0
        [ "$failed" -gt 0 ] && failed_names=("$failed sanity test(s), see the log above")
    fi
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        failed=1
        failed_names=("ansible-test sanity exited with status $rc")
    fi
    record "$entry" sanity "$passed" "$failed" "$skipped" $((SECONDS - start)) "${failed_names[@]}"
}

# ansible-test units runs pytest once per test context (controller, modules, module_utils, ...), and each run
# writes a JUnit XML file, tests/output/junit/python<X.Y>-<context>-units.xml (ansible-test 2.19 to 2.21): every
# test case in them is one test (a failure or an error counts as failed; skipped ones as skipped). Only when no
# such file was written (ansible-test failed before pytest ran) are pytest's console summary lines ("== 3 passed,
# 1 failed, 2 errors in 1.2s ==") added up instead, and the stage says so. pytest's "no tests ran" counts as zero.
stage_units() {
    local entry="$1" python="$2"
    local log="$LOGS/$entry-units.log" start=$SECONDS rc results
    local -a junit=()
    banner "$entry units: ansible-test units --venv --python $python"
    rm -f tests/output/junit/python*-units.xml
    run_logged "$log" ansible-test units --venv --python "$python" --color no
    rc=$?

    local passed failed skipped
    local -a failed_names=()
    mapfile -t junit < <(compgen -G 'tests/output/junit/python*-units.xml' | sort)
    if [ "${#junit[@]}" -gt 0 ]; then
        results="$WORK/$entry-units.tsv"
        "$AS_VENV/bin/python" "$HERE/junit_counts.py" tests --classname "${junit[@]}" >"$results"
        tally "$results"
        echo "unit test results ($entry), from the JUnit XML of ansible-test units:"
        "$AS_VENV/bin/python" "$HERE/junit_counts.py" totals "${junit[@]}" | sed 's/^/  /'
        grep '^failed' "$results" | print_results
    else
        local summaries errors
        echo "no JUnit XML under tests/output/junit ($entry): counting from pytest's console summary lines"
        summaries="$(grep -E '^=+ .*\b(passed|failed|errors?|skipped|no tests ran)\b.* in [0-9.]+s.*=+$' "$log")"
        sum_of() {
            grep -oE "(^|[ ,])[0-9]+ ($1)\b" <<<"$summaries" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}'
        }
        passed=$(sum_of 'passed')
        failed=$(sum_of 'failed')
        errors=$(sum_of 'errors?')
        skipped=$(sum_of 'skipped')
        mapfile -t failed_names < <(grep -E '^(FAILED|ERROR) [^ ]+' "$log" | grep -v '^ERROR: ' | awk '{print $1 " " $2}' | sort -u)
        failed=$((failed + errors))
        [ -n "$summaries" ] && printf 'pytest summaries (%s):\n%s\n' "$entry" "$summaries"
    fi
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        failed=1
        failed_names=("ansible-test units exited with status $rc")
    fi
    record "$entry" units "$passed" "$failed" "$skipped" $((SECONDS - start)) "${failed_names[@]}"
}

# The integration targets ansible-test would run: "ansible-test integration --list-targets", or if
# that fails, tests/integration/targets/* without a hidden/disabled/unsupported/unstable alias.
list_integration_targets() {
    local python="$1" out dir
    if out="$(ansible-test integration --list-targets --venv --python "$python" --color no 2>/dev/null </dev/null)"; then
        grep -E '^[A-Za-z0-9_.-]+$' <<<"$out"
        return 0
    fi
    for dir in tests/integration/targets/*/; do
        [ -d "$dir" ] || continue
        if [ -f "$dir/aliases" ] && grep -qE '^(hidden|disabled|unsupported|unstable)\b' "$dir/aliases"; then
            continue
        fi
        basename "$dir"
    done
}

stage_integration() {
    local entry="$1" python="$2"
    local log="$LOGS/$entry-integration.log" start=$SECONDS target target_log t0 rc
    local passed=0 failed=0
    local -a targets=() failed_names=() rows=()
    banner "$entry integration: ansible-test integration --venv --python $python TARGET (one target at a time)"
    printf '[defaults]\nasync_dir = %s\n' "$ANSIBLE_ASYNC_DIR" >tests/integration/integration.cfg
    if [ -n "${TARGETS:-}" ]; then
        read -r -a targets <<<"$TARGETS"
    elif has_word "$entry" "$SUBSET"; then
        read -r -a targets <<<"$SUBSET_TARGETS"
    else
        mapfile -t targets < <(list_integration_targets "$python")
    fi
    if [ "${#targets[@]}" -eq 0 ]; then
        echo "no integration targets found" | tee -a "$log"
    else
        echo "integration targets: ${targets[*]}" | tee -a "$log"
    fi
    local -a scanned=()
    for target in "${targets[@]}"; do
        t0=$SECONDS
        # Every target runs at -vvv into its own log (only a failure's tail is printed), so that the
        # secret scan below reads everything Ansible showed. Each call reuses ansible-test's
        # delegation venv (tests/output/.tmp/delegation) of the copy.
        target_log="$LOGS/$entry-integration-$target.log"
        echo "integration target $target (-vvv output in $(basename "$target_log"))" | tee -a "$log"
        run_quiet "$target_log" ansible-test integration --venv --python "$python" --color no -vvv "$target"
        rc=$?
        # sim_selftest drives the simulator with raw HTTP and its own credentials: not the collection's output
        [ "$target" = sim_selftest ] || scanned+=("$target_log")
        t0=$((SECONDS - t0))
        if ! count_test "$rc" "$target" "$target (${t0}s)" "$target (${t0}s, exit status $rc)"; then
            echo "--- last 80 lines of $target_log:"
            tail -n 80 "$target_log"
        fi
    done
    if [ "${#scanned[@]}" -gt 0 ]; then
        run_logged "$log" bash "$HERE/scan-secrets.sh" "$PWD" "${scanned[@]}"
        count_test $? "secret scan" "no secret in the -vvv output of ${#scanned[@]} targets" "secrets found in the -vvv output"
    fi
    if [ "${#rows[@]}" -gt 0 ]; then
        echo "integration results ($entry):"
        printf '%s\n' "${rows[@]}" | print_results
    fi
    record "$entry" integration "$passed" "$failed" 0 $((SECONDS - start)) "${failed_names[@]}"
}

# The quick start of a smoke entry: tests/utils/demo.sh (docs/examples/quickstart.yml against the simulator,
# with the collection built and installed) on that entry's venv; one test.
stage_quickstart() {
    local entry="$1"
    local log="$LOGS/$entry-quickstart.log" start=$SECONDS rc writes
    local passed=0 failed=0
    local -a failed_names=()
    banner "$entry quickstart: DEMO_SERIES=$entry bash tests/utils/demo.sh (docs/examples/quickstart.yml)"
    DEMO_SERIES="$entry" run_logged "$log" bash tests/utils/demo.sh
    rc=$?
    writes="$(sed -n 's/^  writes  *\([0-9][0-9]*\)$/\1/p' "$log" | tail -n1)"
    if [ "$rc" -ne 0 ]; then
        failed_names=("docs/examples/quickstart.yml failed (exit status $rc)")
    elif ! grep -q "ansible \[core ${entry//./\\.}\." "$log"; then
        failed_names=("the quick start did not run on ansible-core $entry")
    elif [ "$writes" != 1 ]; then
        failed_names=("the simulator counted ${writes:-no} writes, expected 1 (the create, then no change)")
    fi
    if [ "${#failed_names[@]}" -eq 0 ]; then
        passed=1
        printf '  %-8s %s\n' passed "docs/examples/quickstart.yml on ansible-core $entry: one create, then no change"
    else
        failed=1
        printf '  %-8s %s\n' failed "${failed_names[0]}"
    fi
    record "$entry" quickstart "$passed" "$failed" 0 $((SECONDS - start)) "${failed_names[@]}"
}

# Extra checks: every executable tests/utils/checks.d/*.sh is one test, passed when it exits 0.
run_extra_checks() {
    local series="$1" venv="$2" start=$SECONDS dest copy script name t0 rc
    local passed=0 failed=0
    local -a failed_names=() rows=() scripts=()
    banner "extra checks: tests/utils/checks.d/*.sh"
    dest="$WORK/extra"
    copy="$(as_copy_collection "$dest")" || {
        record extra checks 0 1 0 $((SECONDS - start)) "copying the collection failed"
        return
    }
    for script in "$copy"/tests/utils/checks.d/*.sh; do
        [ -f "$script" ] && [ -x "$script" ] || continue
        if [ -n "${CHECKS:-}" ] && ! has_word "$(basename "$script" .sh)" "$CHECKS"; then
            continue
        fi
        scripts+=("$script")
    done
    if [ "${#scripts[@]}" -eq 0 ]; then
        echo "no executable tests/utils/checks.d/*.sh found"
    fi
    mkdir -p "$WORK/extra-tmp"
    for script in "${scripts[@]}"; do
        name="$(basename "$script")"
        t0=$SECONDS
        (
            cd "$copy" || exit 1
            export AS_TEST_VENV="$venv" AS_TEST_PYTHON="$venv/bin/python" AS_TEST_SERIES="$series"
            export AS_TEST_COLLECTION_ROOT="$copy" AS_TEST_COLLECTIONS_PATH="$dest"
            export AS_TEST_REPO_ROOT="$ROOT" AS_TEST_LIB="$HERE/lib.sh" AS_TEST_TMPDIR="$WORK/extra-tmp"
            # shellcheck disable=SC2030  # PATH is meant to change in this subshell only
            export PATH="$WORK/bin:$venv/bin:$PATH"
            run_logged "$LOGS/extra-${name%.sh}.log" "tests/utils/checks.d/$name"
        )
        rc=$?
        t0=$((SECONDS - t0))
        count_test "$rc" "$name" "$name (${t0}s)" "$name (${t0}s, exit status $rc)"
    done
    if [ "${#rows[@]}" -gt 0 ]; then
        echo "extra check results:"
        printf '%s\n' "${rows[@]}" | print_results
    fi
    record extra checks "$passed" "$failed" 0 $((SECONDS - start)) "${failed_names[@]}"
}

# ---------------------------------------------------------------------------------------------
# matrix

run_entry() {
    local entry="$1" python_version python venv copy start=$SECONDS
    banner "matrix entry $entry: Python $(as_python_for "$entry") + ansible-core $entry$(has_word "$entry" "$SMOKE" && echo ' (smoke)')"
    python_version="$(as_python_for "$entry")"
    if ! python="$(as_find_python "$python_version")"; then
        record "$entry" setup 0 1 0 $((SECONDS - start)) "Python $python_version not found"
        return
    fi
    if ! venv="$(as_ensure_venv "$entry" "$python")"; then
        record "$entry" setup 0 1 0 $((SECONDS - start)) "building the venv failed"
        return
    fi
    "$venv/bin/ansible" --version | sed -n 1p
    as_install_get_pip_standin "$venv" || as_log "WARNING: could not install the get-pip stand-in"
    [ -z "$FIRST_VENV" ] && FIRST_VENV="$venv" && FIRST_SERIES="$entry"
    if ! copy="$(as_copy_collection "$WORK/$entry")"; then
        record "$entry" setup 0 1 0 $((SECONDS - start)) "copying the collection failed"
        return
    fi
    as_log "setup of $entry took $((SECONDS - start))s; collection copy: $copy"
    # shellcheck disable=SC2031  # the PATH of the extra checks' subshell is not wanted here
    local saved_path="$PATH"
    if cd "$copy"; then
        AS_VENV="$venv"
        # shellcheck disable=SC2031
        export PATH="$WORK/bin:$venv/bin:$saved_path"
        if has_word "$entry" "$SMOKE"; then
            if has_word units "$STAGES"; then stage_units "$entry" "$python_version"; fi
            if has_word integration "$STAGES"; then stage_quickstart "$entry"; fi
        else
            if has_word sanity "$STAGES"; then stage_sanity "$entry" "$python_version"; fi
            if has_word units "$STAGES"; then stage_units "$entry" "$python_version"; fi
            if has_word integration "$STAGES"; then stage_integration "$entry" "$python_version"; fi
        fi
        export PATH="$saved_path"
        cd "$ROOT" || as_die "cannot return to $ROOT"
    else
        record "$entry" setup 0 1 0 $((SECONDS - start)) "cannot enter $copy"
    fi
}

main() {
    local entry start=$SECONDS versions=()
    for entry in $MATRIX; do
        as_python_for "$entry" >/dev/null
        versions+=("$(as_python_for "$entry")")
    done
    for entry in $STAGES; do
        has_word "$entry" "sanity units integration extra" || as_die "unknown stage '$entry' in STAGES"
    done
    as_log "collection root: $ROOT"
    as_log "matrix: $MATRIX; stages: $STAGES; RUN_EXTRA=$RUN_EXTRA; work dir: $WORK"
    as_make_python_bin "$WORK/bin" "${versions[@]}" || as_log "WARNING: some interpreters are missing"

    FIRST_VENV=''
    FIRST_SERIES=''
    for entry in $MATRIX; do
        run_entry "$entry"
    done

    if has_word extra "$STAGES" && [ "$RUN_EXTRA" != 0 ]; then
        if [ -n "$FIRST_VENV" ]; then
            run_extra_checks "$FIRST_SERIES" "$FIRST_VENV"
        else
            record extra checks 0 1 0 0 "no usable matrix venv for the extra checks"
        fi
    fi

    banner "summary (total wall time $((SECONDS - start))s)"
    printf '%-7s %-12s %7s %7s %8s %8s\n' ENTRY STAGE PASSED FAILED SKIPPED TIME
    local row e s p f k t
    for row in "${SUMMARY_ROWS[@]}"; do
        IFS='|' read -r e s p f k t <<<"$row"
        printf '%-7s %-12s %7d %7d %8d %7ds\n' "$e" "$s" "$p" "$f" "$k" "$t"
    done
    if [ "${#FAILED_TESTS[@]}" -gt 0 ]; then
        echo "failed:"
        printf '  %s\n' "${FAILED_TESTS[@]}"
    fi
    if [ -n "$LOG_DIR" ]; then
        echo "logs: $LOG_DIR"
    fi
    if [ $((TOTAL_PASSED + TOTAL_FAILED)) -eq 0 ]; then
        echo "no test ran"
    fi
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
    [ "$TOTAL_FAILED" -eq 0 ] && [ "$TOTAL_PASSED" -gt 0 ]
}

main
