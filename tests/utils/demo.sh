#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end demonstration against the local AlertSite API simulator:
#
#   bash tests/utils/demo.sh [PLAYBOOK]        (default PLAYBOOK: docs/examples/quickstart.yml)
#
# 1. builds (or reuses) the Python 3.11 + ansible-core 2.19 venv of tests/utils/run-tests.sh;
# 2. builds the collection with ansible-galaxy collection build (from a copy of the working tree:
#    tracked and untracked files that are not ignored) and installs the tarball into a temporary
#    collections path;
# 3. starts the API simulator (tests/integration/targets/setup_alertsite_sim/files/alertsite_sim.py) on a
#    free port with tests/utils/simctl.py;
# 4. runs ansible-playbook PLAYBOOK on the implicit localhost with ALERTSITE_API_URL,
#    ALERTSITE_USERNAME, ALERTSITE_PASSWORD and ANSIBLE_COLLECTIONS_PATH exported;
# 5. prints the simulator's request counts, stops it and removes the temporary files.
#
# The exit status is the playbook's (non-zero also when a set-up step fails).
# DEMO_SERIES=2.21 runs the demo with the Python 3.12 + ansible-core 2.21 venv instead.

set -uo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SIMCTL="$AS_UTILS_DIR/simctl.py"
ROOT="$(as_repo_root)"
SERIES="${DEMO_SERIES:-2.19}"
PLAYBOOK="${1:-docs/examples/quickstart.yml}"
SIM_USER=demo
SIM_PASSWORD=demo-password

case "$PLAYBOOK" in
    /*) ;;
    *) PLAYBOOK="$ROOT/$PLAYBOOK" ;;
esac
[ -f "$PLAYBOOK" ] || as_die "playbook not found: $PLAYBOOK"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/community.alertsite-demo.XXXXXX")" || as_die "mktemp failed"
venv=''

# shellcheck disable=SC2317,SC2329  # invoked by the EXIT trap
cleanup() {
    [ -n "$venv" ] && "$venv/bin/python" "$SIMCTL" stop --dir "$WORK/sim"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

python="$(as_find_python "$(as_python_for "$SERIES")")" || as_die "Python $(as_python_for "$SERIES") is required"
venv="$(as_ensure_venv "$SERIES" "$python")" || as_die "could not build the venv"
as_log "$("$venv/bin/ansible" --version | sed -n 1p) in $venv"

# --- build and install the collection ---------------------------------------------------------
as_build_install "$venv" "$WORK"

# --- start the simulator ----------------------------------------------------------------------
as_log "starting the simulator"
SIM_URL="$("$venv/bin/python" "$SIMCTL" start --dir "$WORK/sim" --lifetime 600 </dev/null)" \
    || as_die "the simulator did not start"
head -n1 "$WORK/sim/simulator.log"

# --- run the playbook -------------------------------------------------------------------------
export ALERTSITE_API_URL="$SIM_URL/api/v3"
export ALERTSITE_USERNAME="$SIM_USER"
export ALERTSITE_PASSWORD="$SIM_PASSWORD"
export ANSIBLE_COLLECTIONS_PATH="$WORK/collections"
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false
export ANSIBLE_FORCE_COLOR="${ANSIBLE_FORCE_COLOR:-false}"

as_log "ALERTSITE_API_URL=$ALERTSITE_API_URL ALERTSITE_USERNAME=$ALERTSITE_USERNAME"
as_log "running ansible-playbook ${PLAYBOOK#"$ROOT"/}"
# the implicit localhost runs modules with ansible-playbook's own python (the venv)
(cd "$ROOT" && "$venv/bin/ansible-playbook" "$PLAYBOOK" </dev/null)
rc=$?

# --- report -----------------------------------------------------------------------------------
if counts="$("$venv/bin/python" "$SIMCTL" log --dir "$WORK/sim" --counts)"; then
    echo 'simulator request counts:'
    "$venv/bin/python" -c 'import json, sys; counts = json.loads(sys.argv[1]); print("\n".join(
        "  %-7s %s" % (key, counts.get(key, 0)) for key in ("total", "GET", "POST", "PATCH", "DELETE", "logins", "writes")))' "$counts"
else
    as_log "could not read the simulator's request log"
fi

if [ "$rc" -eq 0 ]; then
    as_log "demo playbook succeeded"
else
    as_log "demo playbook failed (exit status $rc)"
fi
exit "$rc"
