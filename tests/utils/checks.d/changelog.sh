#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): the changelog.
#   1. antsibull-changelog lint (the fragments in changelogs/fragments/) and
#      antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml;
#   2. changelogs/changelog.yaml holds the release of galaxy.yml's version (release date, release summary, and
#      for 1.0.0 and later the new modules and roles since 0.1.0), and 0.1.0;
#   3. CHANGELOG.rst is what antsibull-changelog generate makes of changelogs/changelog.yaml
#      (generated in a scratch copy of the collection, so the tree checked is not written to).
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

[ -f changelogs/config.yaml ] || check_fail "no changelogs/config.yaml"
[ -f changelogs/changelog.yaml ] || check_fail "no changelogs/changelog.yaml: run antsibull-changelog release"
[ -f CHANGELOG.rst ] || check_fail "no CHANGELOG.rst: run antsibull-changelog release (or generate)"
TOOLS="$(check_tools_venv)" || check_fail "could not build the tools venv"
export ANSIBLE_NOCOLOR=1 NO_COLOR=1
export PATH="$TOOLS/bin:$PATH"

# 1. lint: exit status 0 and no finding printed
lint() {
    local out="$CHECK_TMP/lint.out" rc=0
    timeout -k 10 120 antsibull-changelog "$@" </dev/null >"$out" 2>&1 || rc=$?
    { printf '$ antsibull-changelog %s\n' "$*"; cat "$out"; } >>"$CHECK_LOG"
    [ "$rc" -eq 0 ] || check_fail "antsibull-changelog $* failed (exit status $rc)"
    if grep -q '[^[:space:]]' "$out"; then
        check_fail "antsibull-changelog $* printed findings"
    fi
}
lint lint
lint lint-changelog-yaml changelogs/changelog.yaml

# 2. the release of galaxy.yml's version, and 0.1.0
check_py 60 "$TOOLS/bin/python" changelogs/changelog.yaml galaxy.yml <<'PYTHON' || check_fail "changelogs/changelog.yaml does not hold the releases it should"
import datetime
import sys

import yaml

with open(sys.argv[1], encoding='utf-8') as handle:
    changelog = yaml.safe_load(handle)
with open(sys.argv[2], encoding='utf-8') as handle:
    version = str(yaml.safe_load(handle)['version'])
problems = []
for name in sorted(set(['0.1.0', version])):
    release = (changelog.get('releases') or {}).get(name)
    if not isinstance(release, dict):
        problems.append('no release %s in releases' % name)
        continue
    try:
        datetime.date.fromisoformat(str(release.get('release_date')))
    except ValueError:
        problems.append('release %s has no valid release_date (%r)' % (name, release.get('release_date')))
    if not (release.get('changes') or {}).get('release_summary'):
        problems.append('release %s has no release_summary' % name)
    if not release.get('modules'):
        problems.append('release %s lists no new modules' % name)
if problems:
    print('\n'.join(problems))
    sys.exit(1)
release = changelog['releases'][version]
print('%s released on %s with %d new modules and %d new roles' % (
    version, release['release_date'], len(release['modules']), len(release.get('objects', {}).get('role', []))))
PYTHON
released="$(grep -o '^[0-9.]* released on .*' "$CHECK_LOG" | tail -n1)"

# 3. CHANGELOG.rst is up to date
scratch="$CHECK_TMP/collections/ansible_collections/community/alertsite"
mkdir -p "$scratch"
tar --exclude=./.git --exclude=./tests/output --exclude=./.ansible -cf - . | tar -xf - -C "$scratch"
(
    cd "$scratch"
    ANSIBLE_COLLECTIONS_PATH="$CHECK_TMP/collections" check_run 300 antsibull-changelog generate
) || check_fail "antsibull-changelog generate failed"
if ! diff -u CHANGELOG.rst "$scratch/CHANGELOG.rst" >>"$CHECK_LOG" 2>&1; then
    check_fail "CHANGELOG.rst differs from what antsibull-changelog generate makes of changelogs/changelog.yaml (diff above)"
fi

check_pass "antsibull-changelog lint clean; $released; CHANGELOG.rst up to date"
