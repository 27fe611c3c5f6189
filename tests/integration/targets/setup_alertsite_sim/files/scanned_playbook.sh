#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A target's playbook tests.yml against one simulator (started with tests/utils/simctl.py, copied in by
# setup_alertsite_sim's needs/file alias), run from the target's directory by its runme.sh. The playbook runs at
# -vvv and its whole output is then searched for the password and for any access token (every simulator token
# starts with 5ec7e7ed).
set -eu -o pipefail

SIMCTL=../../../utils/simctl.py
PYTHON="$(command -v python || command -v python3)"
WORK="$(mktemp -d)"
trap '"$PYTHON" "$SIMCTL" stop --dir "$WORK/sim" --remove; rm -rf "$WORK"' EXIT

SIM_URL="$("$PYTHON" "$SIMCTL" start --dir "$WORK/sim" --lifetime 600)"

export ANSIBLE_ROLES_PATH=..
unset ALERTSITE_API_URL ALERTSITE_USERNAME ALERTSITE_PASSWORD ALERTSITE_ACCESS_TOKEN
PASSWORD=demo-password

echo "{\"sim_password\": \"$PASSWORD\"}" >"$WORK/secrets.json"
ansible-playbook -i "$INVENTORY_PATH" tests.yml -e "alertsite_sim_url=$SIM_URL" -e "@$WORK/secrets.json" -vvv "$@" \
    | tee "$WORK/output.log"

if grep -n -e "$PASSWORD" -e 5ec7e7ed "$WORK/output.log"; then
    echo "a secret is in the -vvv output (lines above)" >&2
    exit 1
fi
echo "no password and no token in $(wc -l <"$WORK/output.log") lines of -vvv output"
