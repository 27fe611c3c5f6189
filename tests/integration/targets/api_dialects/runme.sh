#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The core proofs and the contract check under every dialect of the simulator (every plausible reading of what
# the API reference leaves unknown), one simulator per dialect. The simulators start here side by side, then
# dialects.yml loops over the dialects (dialect.yml against each one's simulator); they stop when this script
# ends.
#
# The simulators' credentials are exported, the way an AWX credential injects them, so that the modules and the
# contract check read them from the environment and -vvv never shows them. Each simulator's URL is passed per
# task: it is no secret.
set -eu

SIM="../setup_alertsite_sim/files/alertsite_sim.py"
PYTHON="$(command -v python || command -v python3)"
DIALECTS=(default count-is-page ignore-paging ignore-offset reject-paging bare-list no-type numbers-as-strings
          no-email-username lenient-fields)
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

for dialect in "${DIALECTS[@]}"; do
    args=()
    [ "$dialect" = default ] || args=(--dialect "$dialect")
    "$PYTHON" "$SIM" --host 127.0.0.1 --port 0 --port-file "$WORK/$dialect.port" --lifetime 900 "${args[@]}" \
        </dev/null >"$WORK/$dialect.out" 2>&1 &
    PIDS+=("$!")
done

# each simulator writes its port file once it listens: wait for all of them (at most 30 s)
urls=()
for index in "${!DIALECTS[@]}"; do
    dialect="${DIALECTS[$index]}"
    for _ in $(seq 1 150); do
        [ -s "$WORK/$dialect.port" ] && break
        kill -0 "${PIDS[$index]}" 2>/dev/null || { cat "$WORK/$dialect.out" >&2; exit 1; }
        sleep 0.2
    done
    [ -s "$WORK/$dialect.port" ] || { echo "the $dialect simulator did not report its port" >&2; exit 1; }
    urls+=("\"$dialect\": \"http://127.0.0.1:$(tr -dc '0-9' <"$WORK/$dialect.port")\"")
done
(IFS=,; echo "{\"sim_urls\": {${urls[*]}}, \"work_dir\": \"$WORK\"}") >"$WORK/vars.json"

# the contract check's script in the collection under test, run directly where the playbook is not
CHECK=''
IFS=: read -ra collection_paths <<<"${ANSIBLE_COLLECTIONS_PATH:-}"
for path in "${collection_paths[@]}"; do
    if [ -f "$path/ansible_collections/community/alertsite/playbooks/files/contract_check.py" ]; then
        CHECK="$path/ansible_collections/community/alertsite/playbooks/files/contract_check.py"
        break
    fi
done
[ -n "$CHECK" ] || { echo "playbooks/files/contract_check.py not found in ANSIBLE_COLLECTIONS_PATH" >&2; exit 1; }

export ANSIBLE_ROLES_PATH=..
unset ALERTSITE_API_URL ALERTSITE_ACCESS_TOKEN
export ALERTSITE_USERNAME=demo ALERTSITE_PASSWORD=demo-password

ansible-playbook -i "$INVENTORY_PATH" dialects.yml -e "@$WORK/vars.json" -e "contract_check_script=$CHECK" "$@"
