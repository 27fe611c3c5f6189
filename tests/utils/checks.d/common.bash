# shellcheck shell=bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared set-up of the extra checks in this directory. Sourced by them, not a check itself (run-tests.sh
# runs only the executable *.sh files here):
#
#   . "$(dirname "${BASH_SOURCE[0]}")/common.bash"
#
# The checks run from the root of a collection copy laid out as .../ansible_collections/community/alertsite
# (tests/utils/run-tests.sh makes one and sets the AS_TEST_* variables; see its header). Run by hand, a
# check uses the copy it lies in, and fails at once when that is not such a layout.
#
# After sourcing:
#   CHECK_NAME        the check's name (its file name without .sh)
#   COLLECTION_ROOT   the collection copy (AS_TEST_COLLECTION_ROOT); the check runs from there
#   COLLECTIONS_PATH  the directory holding its ansible_collections/ (AS_TEST_COLLECTIONS_PATH)
#   CHECK_TMP         a scratch directory, removed when the check exits
#   CHECK_LOG         the log of the tools' output: printed only when the check fails
# Functions:
#   check_run SECONDS CMD...   run CMD (stdin closed) with its output appended to CHECK_LOG; CMD is killed
#                              after SECONDS; returns CMD's status
#   check_py SECONDS PYTHON [ARG...] <<'PYTHON'
#                              run the Python snippet read from stdin like check_run (its output to the log)
#   check_fail MSG...          print "FAIL: NAME: MSG" and the log, exit 1
#   check_pass MSG...          print "PASS: NAME: MSG (Ns)", exit 0
#   check_on_exit CMD...       run CMD (a word list, eval'd) when the check exits, before CHECK_TMP is removed
#   check_tools_venv           print the tools venv (tests/utils/requirements-tools.txt, built by lib.sh's
#                              as_ensure_tools_venv if needed, at most CHECK_VENV_TIMEOUT=900 seconds)
#   check_importer_venv        print the galaxy-importer venv (tests/utils/requirements-importer.txt, built by
#                              lib.sh's as_ensure_importer_venv if needed, within CHECK_VENV_TIMEOUT too)
#   check_start_simulator [--https CERT KEY] [SIMULATOR_ARG...]
#                              start the AlertSite API simulator with tests/utils/simctl.py (user demo /
#                              demo-password; over HTTPS with the PEM certificate and key given) and set SIM_URL
#                              (http[s]://127.0.0.1:PORT), SIM_API_URL (SIM_URL/api/v3) and SIM_DIR (simctl's
#                              directory: give it to "simctl.py COMMAND --dir"); it is stopped when the check
#                              exits, and stops by itself after 15 minutes. Each call starts one more simulator.
#   check_sim_log              print the request log of the simulator started last (JSON of GET /_sim/log)
#   SIMCTL                     tests/utils/simctl.py, for any other command: "$SIMCTL" log|clear-log|state --dir DIR
#   check_module_names         print the name of every module in plugins/modules/, one a line
#   check_build [SRC]          ansible-galaxy collection build of SRC (default: the collection root) into
#                              CHECK_TMP/dist; sets CHECK_TARBALL
#   check_install DEST         ansible-galaxy collection install -p DEST of CHECK_TARBALL, from a directory
#                              outside any collection

CHECK_NAME="$(basename "$0" .sh)"
CHECK_START=$SECONDS
_CHECK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_CHECK_EXIT_HOOKS=()

# shellcheck source=../lib.sh
. "${AS_TEST_LIB:-$_CHECK_DIR/../lib.sh}"

COLLECTION_ROOT="${AS_TEST_COLLECTION_ROOT:-$(cd "$_CHECK_DIR/../../.." && pwd)}"
COLLECTIONS_PATH="${AS_TEST_COLLECTIONS_PATH:-$(cd "$COLLECTION_ROOT/../../.." && pwd)}"

CHECK_TMP="$(mktemp -d "${AS_TEST_TMPDIR:-${TMPDIR:-/tmp}}/$CHECK_NAME.XXXXXX")" || {
    echo "FAIL: $CHECK_NAME: mktemp failed"
    exit 1
}
CHECK_LOG="$CHECK_TMP/check.log"
: >"$CHECK_LOG"

_check_cleanup() {
    local hook
    for hook in "${_CHECK_EXIT_HOOKS[@]}"; do
        eval "$hook" >/dev/null 2>&1 || true
    done
    chmod -R u+w "$CHECK_TMP" 2>/dev/null || true
    rm -rf "$CHECK_TMP"
}
trap _check_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check_on_exit() {
    _CHECK_EXIT_HOOKS+=("$*")
}

check_fail() {
    echo "FAIL: $CHECK_NAME: $*"
    if [ -s "$CHECK_LOG" ]; then
        echo "--- output of the tools (last 400 lines):"
        tail -n 400 "$CHECK_LOG"
        echo "---"
    fi
    echo "FAIL: $CHECK_NAME: $* ($((SECONDS - CHECK_START))s)"
    exit 1
}

check_pass() {
    echo "PASS: $CHECK_NAME: $* ($((SECONDS - CHECK_START))s)"
    exit 0
}

check_run() {
    local seconds="$1" rc=0
    shift
    {
        printf '$'
        printf ' %q' "$@"
        printf '\n'
    } >>"$CHECK_LOG"
    timeout -k 10 "$seconds" "$@" </dev/null >>"$CHECK_LOG" 2>&1 || rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        echo "TIMEOUT: stopped after ${seconds}s" >>"$CHECK_LOG"
    fi
    return "$rc"
}

_CHECK_SNIPPETS=0
check_py() {
    local seconds="$1" python="$2" snippet
    shift 2
    _CHECK_SNIPPETS=$((_CHECK_SNIPPETS + 1))
    snippet="$CHECK_TMP/snippet-$_CHECK_SNIPPETS.py"
    cat >"$snippet"
    check_run "$seconds" "$python" "$snippet" "$@"
}

check_tools_venv() {
    # shellcheck disable=SC2016  # $1 is expanded by the inner bash
    timeout -k 10 "${CHECK_VENV_TIMEOUT:-900}" bash -c '. "$1" && as_ensure_tools_venv' _ \
        "${AS_TEST_LIB:-$_CHECK_DIR/../lib.sh}" </dev/null 2>>"$CHECK_LOG"
}

check_importer_venv() {
    # shellcheck disable=SC2016  # $1 is expanded by the inner bash
    timeout -k 10 "${CHECK_VENV_TIMEOUT:-900}" bash -c '. "$1" && as_ensure_importer_venv' _ \
        "${AS_TEST_LIB:-$_CHECK_DIR/../lib.sh}" </dev/null 2>>"$CHECK_LOG"
}

_CHECK_SIMULATORS=0
SIMCTL="$_CHECK_DIR/../simctl.py"
check_start_simulator() {
    local python="${AS_TEST_PYTHON:-python3}"
    local -a extra=()
    if [ "${1:-}" = --https ]; then
        extra=(--tls-cert "$2" --tls-key "$3")
        shift 3
    fi
    extra+=("$@")
    _CHECK_SIMULATORS=$((_CHECK_SIMULATORS + 1))
    SIM_DIR="$CHECK_TMP/simulator-$_CHECK_SIMULATORS"
    check_on_exit "$(printf '%q ' "$python" "$SIMCTL" stop --dir "$SIM_DIR")"
    SIM_URL="$("$python" "$SIMCTL" start --dir "$SIM_DIR" -- --host 127.0.0.1 --lifetime 900 "${extra[@]}" \
        </dev/null 2>>"$CHECK_LOG")" || check_fail "the simulator did not start"
    # shellcheck disable=SC2034  # for the checks that source this file
    SIM_API_URL="$SIM_URL/api/v3"
}

check_sim_log() {
    "${AS_TEST_PYTHON:-python3}" "$SIMCTL" log --dir "$SIM_DIR" </dev/null
}

check_module_names() {
    local path name
    for path in "$COLLECTION_ROOT"/plugins/modules/*.py; do
        name="$(basename "$path" .py)"
        [ "$name" = __init__ ] || printf '%s\n' "$name"
    done
}

check_build() {
    local src="${1:-$COLLECTION_ROOT}" tarballs
    mkdir -p "$CHECK_TMP/dist"
    (cd "$src" && check_run 300 ansible-galaxy collection build --force --output-path "$CHECK_TMP/dist" .) \
        || check_fail "ansible-galaxy collection build failed"
    tarballs=("$CHECK_TMP"/dist/community-alertsite-*.tar.gz)
    [ -f "${tarballs[0]}" ] || check_fail "ansible-galaxy collection build wrote no tarball"
    # shellcheck disable=SC2034  # for the checks that source this file
    CHECK_TARBALL="${tarballs[0]}"
}

check_install() {
    mkdir -p "$1"
    (cd "$CHECK_TMP" && check_run 300 ansible-galaxy collection install -p "$1" "$CHECK_TARBALL") \
        || check_fail "ansible-galaxy collection install -p $1 failed"
}

if [ ! -d "$COLLECTIONS_PATH/ansible_collections/community/alertsite" ] \
    || [ "$(cd "$COLLECTIONS_PATH/ansible_collections/community/alertsite" && pwd -P)" != "$(cd "$COLLECTION_ROOT" && pwd -P)" ]; then
    check_fail "$COLLECTION_ROOT is not laid out as <dir>/ansible_collections/community/alertsite;" \
        "run the check through tests/utils/run-tests.sh (STAGES=extra), or set AS_TEST_COLLECTION_ROOT and AS_TEST_COLLECTIONS_PATH"
fi
cd "$COLLECTION_ROOT" || check_fail "cannot cd to $COLLECTION_ROOT"
