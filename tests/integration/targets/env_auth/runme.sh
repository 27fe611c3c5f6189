#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Connection options from ALERTSITE_* environment variables only, the way an AWX credential injects
# them: exported into the environment of ansible-playbook, never written into a play. (A task's
# "environment:" keyword would also work, but Ansible shows it on the EXEC line at -vvv, so it is no
# place for a password.)
#
#   1. ALERTSITE_API_URL, ALERTSITE_USERNAME and ALERTSITE_PASSWORD: env_password.yml
#   2. ALERTSITE_API_URL and ALERTSITE_ACCESS_TOKEN (a token from a login made here): env_token.yml
#
# The playbooks prove from the simulator's request log what each run sent.
set -eu

SIM="../setup_alertsite_sim/files/alertsite_sim.py"
PYTHON="$(command -v python || command -v python3)"
WORK="$(mktemp -d)"
SIM_PID=''

cleanup() {
    if [ -n "$SIM_PID" ]; then
        kill "$SIM_PID" 2>/dev/null || true
        wait "$SIM_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$PYTHON" "$SIM" --host 127.0.0.1 --port 0 --port-file "$WORK/port" --pid-file "$WORK/pid" --lifetime 600 \
    </dev/null >"$WORK/sim.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 150); do
    [ -s "$WORK/port" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/sim.out" >&2; exit 1; }
    sleep 0.2
done
[ -s "$WORK/port" ] || { echo "the simulator did not report its port" >&2; exit 1; }
SIM_URL="http://127.0.0.1:$(tr -dc '0-9' <"$WORK/port")"

export ANSIBLE_ROLES_PATH=..
unset ALERTSITE_API_URL ALERTSITE_USERNAME ALERTSITE_PASSWORD ALERTSITE_ACCESS_TOKEN

# 1. username and password
ALERTSITE_API_URL="$SIM_URL/api/v3" ALERTSITE_USERNAME=demo ALERTSITE_PASSWORD=demo-password \
    ansible-playbook -i "$INVENTORY_PATH" env_password.yml -e "alertsite_sim_url=$SIM_URL" "$@"

# 2. a token only: log in here, without showing the token
ALERTSITE_ACCESS_TOKEN="$("$PYTHON" - "$SIM_URL/api/v3/access-tokens" <<'PYTHON'
import json
import sys
import urllib.request

request = urllib.request.Request(sys.argv[1], method='POST', headers={'Content-Type': 'application/json'},
                                 data=json.dumps({'username': 'demo', 'password': 'demo-password'}).encode())
with urllib.request.urlopen(request, timeout=10) as response:
    print(json.load(response)['access_token'])
PYTHON
)"
export ALERTSITE_ACCESS_TOKEN
ALERTSITE_API_URL="$SIM_URL/api/v3" ansible-playbook -i "$INVENTORY_PATH" env_token.yml -e "alertsite_sim_url=$SIM_URL" "$@"
