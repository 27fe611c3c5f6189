#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): ansible-lint --offline --profile production over the
# collection with the committed .ansible-lint: the role roles/monitors, the playbooks of docs/examples/ and
# any other playbook outside tests/, plus galaxy.yml, meta/ and changelogs/. .ansible-lint excludes tests/
# (ansible-test's yamllint covers the integration targets), tests/output and .ansible.
# The check also makes sure that ansible-lint syntax-checked the role and every example playbook.
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

[ -f .ansible-lint ] || check_fail "no .ansible-lint in $COLLECTION_ROOT"
TOOLS="$(check_tools_venv)" || check_fail "could not build the tools venv"

export ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH"
export NO_COLOR=1 ANSIBLE_NOCOLOR=1
export PATH="$TOOLS/bin:$PATH"

check_run 600 ansible-lint --offline --profile production --nocolor -v -c .ansible-lint \
    || check_fail "ansible-lint --offline --profile production found problems"

summary="$(grep -E '^Passed: ' "$CHECK_LOG" | tail -n1)" || check_fail "ansible-lint printed no 'Passed:' summary"
missing=()
grep -q 'syntax check on role roles/monitors\b' "$CHECK_LOG" || missing+=("roles/monitors")
for playbook in docs/examples/*.yml; do
    [ -f "$playbook" ] || continue
    grep -qF "syntax check on playbook $playbook " "$CHECK_LOG" || missing+=("$playbook")
done
[ "${#missing[@]}" -eq 0 ] || check_fail "ansible-lint did not syntax-check: ${missing[*]}"

summary="${summary#Passed: }"
check_pass "ansible-lint --profile production: ${summary%%. Profile*}"
