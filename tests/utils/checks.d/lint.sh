#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): ansible-lint --offline --profile production over the
# collection with the committed .ansible-lint: the roles of roles/, the playbooks of docs/examples/ and
# any other playbook outside tests/, plus galaxy.yml, meta/ and changelogs/. .ansible-lint excludes tests/
# (ansible-test's yamllint covers the integration targets), tests/output and .ansible.
# The check also makes sure that ansible-lint syntax-checked every role and every playbook of docs/examples/ and
# playbooks/.
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
for role in roles/*/; do
    role="${role%/}"
    [ -d "$role" ] || continue
    grep -q "syntax check on role $role\b" "$CHECK_LOG" || missing+=("$role")
done
# the playbooks among docs/examples/*.yml and playbooks/*.yml (a play list; vars files are not syntax-checked)
for playbook in docs/examples/*.yml playbooks/*.yml; do
    [ -f "$playbook" ] || continue
    grep -qE '^- +(name|hosts|import_playbook|ansible\.builtin\.import_playbook):' "$playbook" || continue
    grep -qF "syntax check on playbook $playbook " "$CHECK_LOG" || missing+=("$playbook")
done
[ "${#missing[@]}" -eq 0 ] || check_fail "ansible-lint did not syntax-check: ${missing[*]}"

summary="${summary#Passed: }"
check_pass "ansible-lint --profile production: ${summary%%. Profile*}"
