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
# The playbooks prove from the simulator's request log what each run sent. The simulator is started and
# stopped with tests/utils/simctl.py (copied in by setup_alertsite_sim's needs/file alias).
set -eu

SIMCTL=../../../utils/simctl.py
PYTHON="$(command -v python || command -v python3)"
WORK="$(mktemp -d)"
trap '"$PYTHON" "$SIMCTL" stop --dir "$WORK/sim" --remove; rm -rf "$WORK"' EXIT

SIM_URL="$("$PYTHON" "$SIMCTL" start --dir "$WORK/sim" --lifetime 600)"

export ANSIBLE_ROLES_PATH=..
unset ALERTSITE_API_URL ALERTSITE_USERNAME ALERTSITE_PASSWORD ALERTSITE_ACCESS_TOKEN

# 1. username and password
ALERTSITE_API_URL="$SIM_URL/api/v3" ALERTSITE_USERNAME=demo ALERTSITE_PASSWORD=demo-password \
    ansible-playbook -i "$INVENTORY_PATH" env_password.yml -e "alertsite_sim_url=$SIM_URL" "$@"

# 2. a token only: log in here, without showing the token
ALERTSITE_ACCESS_TOKEN="$("$PYTHON" "$SIMCTL" token --dir "$WORK/sim" --user demo:demo-password)"
export ALERTSITE_ACCESS_TOKEN
ALERTSITE_API_URL="$SIM_URL/api/v3" ansible-playbook -i "$INVENTORY_PATH" env_token.yml -e "alertsite_sim_url=$SIM_URL" "$@"
