#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Many AlertSite accounts in one play: one inventory host per account (inventory.yml), each with its own
# connection in its host variables and a local connection, converged by the role community.alertsite.monitors
# with two forks (multi_account.yml). Each account is a simulator of its own that accepts only that account's
# user. The playbook proves from both request logs that each account's requests (its login, its listing and
# its creates) went to its own simulator only, and that each simulator holds exactly that account's monitors;
# then it runs again and nothing is written.
set -eu

SIMCTL=../../../utils/simctl.py
PYTHON="$(command -v python || command -v python3)"
WORK="$(mktemp -d)"

cleanup() {
    local name
    for name in alpha beta; do
        "$PYTHON" "$SIMCTL" stop --dir "$WORK/$name" || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# The users and passwords are those of inventory.yml, read from there so that they are written only once.
credentials() {
    "$PYTHON" - "$1" <<'PYTHON'
import sys

import yaml

with open('inventory.yml', encoding='utf-8') as handle:
    host = yaml.safe_load(handle)['alertsite_accounts']['hosts'][sys.argv[1]]
print('%s:%s' % (host['alertsite_username'], host['alertsite_password']))
PYTHON
}

# one simulator per account (tests/utils/simctl.py, copied in by setup_alertsite_sim's needs/file alias)
ALPHA="$("$PYTHON" "$SIMCTL" start --dir "$WORK/alpha" --lifetime 600 --user "$(credentials account_alpha)")"
BETA="$("$PYTHON" "$SIMCTL" start --dir "$WORK/beta" --lifetime 600 --user "$(credentials account_beta)")"
mkdir -p "$WORK/barrier/first" "$WORK/barrier/again"
cat >"$WORK/vars.json" <<JSON
{"multi_account_sim_urls": {"account_alpha": "$ALPHA", "account_beta": "$BETA"},
 "multi_account_api_urls": {"account_alpha": "$ALPHA/api/v3", "account_beta": "$BETA/api/v3"},
 "multi_account_dir": "$WORK/barrier"}
JSON

unset ALERTSITE_API_URL ALERTSITE_USERNAME ALERTSITE_PASSWORD ALERTSITE_ACCESS_TOKEN
for run in first again; do
    ansible-playbook -i inventory.yml --forks 2 multi_account.yml \
        -e "@$WORK/vars.json" -e "multi_account_run=$run" "$@"
done
