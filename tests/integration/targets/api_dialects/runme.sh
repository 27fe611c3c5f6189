#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The core proofs and the contract check under every dialect of the simulator (every plausible reading of what
# the API reference leaves unknown), one simulator per dialect. The simulators start here side by side with
# tests/utils/simctl.py (copied in by setup_alertsite_sim's needs/file alias), then dialects.yml loops over the
# dialects (dialect.yml against each one's simulator); they stop when this script ends.
#
# The simulators' credentials are exported, the way an AWX credential injects them, so that the modules and the
# contract check read them from the environment and -vvv never shows them. Each simulator's URL is passed per
# task: it is no secret.
set -eu

SIMCTL=../../../utils/simctl.py
PYTHON="$(command -v python || command -v python3)"
DIALECTS=(default count-is-page ignore-paging ignore-offset reject-paging bare-list no-type numbers-as-strings
          no-email-username lenient-fields)
WORK="$(mktemp -d)"

cleanup() {
    for dialect in "${DIALECTS[@]}"; do
        [ -d "$WORK/$dialect" ] && "$PYTHON" "$SIMCTL" stop --dir "$WORK/$dialect" --remove || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# start them side by side; simctl returns once its simulator answers
starts=()
for dialect in "${DIALECTS[@]}"; do
    args=(--lifetime 900)
    [ "$dialect" = default ] || args+=(--dialect "$dialect")
    "$PYTHON" "$SIMCTL" start --dir "$WORK/$dialect" -- "${args[@]}" >"$WORK/$dialect.url" &
    starts+=("$!")
done
for start in "${starts[@]}"; do
    wait "$start"
done
urls=()
for dialect in "${DIALECTS[@]}"; do
    urls+=("\"$dialect\": \"$(cat "$WORK/$dialect.url")\"")
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
