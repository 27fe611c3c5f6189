#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): the collection as Galaxy users get it.
#   1. ansible-galaxy collection build, from a scratch copy of the collection to which caches, test output,
#      venvs and the like have been added on purpose: the tarball must contain none of them (tests/output,
#      __pycache__, *.pyc, .pytest_cache, .ci, .git, .ansible, .tox, venvs, changelogs/.plugin-cache.yaml,
#      tests/integration/inventory, older tarballs), and must contain every module, the role and the docs;
#   2. galaxy-importer (what Galaxy runs on an upload; pinned in tests/utils/requirements-importer.txt, its
#      own venv) on that tarball, without a container (configuration: galaxy-importer.cfg beside this
#      script): the import must succeed and log no ERROR; its result must list every module with its
#      documentation and every role with a README. Its WARNING lines are printed (and make no failure);
#   3. ansible-galaxy collection install -p into an empty collections path;
#   4. ansible-doc on every module (and the role) from there;
#   5. the installed docs/examples/quickstart.yml, run against the API simulator with the connection in
#      ALERTSITE_API_URL / ALERTSITE_USERNAME / ALERTSITE_PASSWORD: it must pass (it asserts that its second
#      run changes nothing), having created exactly one monitor.
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

if [ -n "${AS_TEST_VENV:-}" ]; then
    VENV="$AS_TEST_VENV"
else
    VENV="$(check_tools_venv)" || check_fail "could not build the tools venv"
fi
export PATH="$VENV/bin:$PATH"
export ANSIBLE_NOCOLOR=1 NO_COLOR=1 ANSIBLE_FORCE_COLOR=0
export ANSIBLE_LOCAL_TEMP="$CHECK_TMP/ansible-tmp"
unset ANSIBLE_COLLECTIONS_PATH ANSIBLE_COLLECTIONS_PATHS

mapfile -t modules < <(check_module_names)
[ "${#modules[@]}" -gt 0 ] || check_fail "no module found in plugins/modules/"

# 1. build from a scratch copy with unwanted files planted in it
src="$CHECK_TMP/src/ansible_collections/community/alertsite"
mkdir -p "$src"
tar -cf - . | tar -xf - -C "$src"
for bait in tests/output/bait.txt plugins/modules/__pycache__/bait.cpython-311.pyc plugins/module_utils/bait.pyc \
    .pytest_cache/v/bait tests/unit/.pytest_cache/v/bait .ansible/collections/bait tests/unit/.ansible/bait \
    .tox/bait .venv/pyvenv.cfg .venv-tools/pyvenv.cfg venv/pyvenv.cfg .mypy_cache/bait \
    changelogs/.plugin-cache.yaml tests/integration/inventory community-alertsite-0.0.1.tar.gz .ci/bait; do
    mkdir -p "$src/$(dirname "$bait")"
    echo bait >"$src/$bait"
done
mkdir -p "$src/.git" && echo bait >"$src/.git/bait"

check_build "$src"
tarball="$CHECK_TARBALL"
tar -tzf "$tarball" | sed 's|^\./||' >"$CHECK_TMP/members.txt" || check_fail "cannot list $tarball"

unwanted="$(grep -E '(^|/)(__pycache__|\.pytest_cache|\.mypy_cache|\.tox|\.git|\.ansible|\.venv[^/]*|venv)(/|$)|\.pyc$|^\.ci(/|$)|^tests/output(/|$)|^tests/integration/inventory$|(^|/)pyvenv\.cfg$|^changelogs/\.plugin-cache\.yaml$|\.tar\.gz$' \
    "$CHECK_TMP/members.txt" || true)"
if [ -n "$unwanted" ]; then
    printf 'unwanted files in %s:\n%s\n' "$(basename "$tarball")" "$unwanted" >>"$CHECK_LOG"
    check_fail "the tarball contains caches, test output, VCS or venv files (listed above)"
fi
missing=()
for member in MANIFEST.json FILES.json README.md meta/runtime.yml roles/monitors/tasks/main.yml \
    roles/monitors/meta/argument_specs.yml docs/examples/quickstart.yml CHANGELOG.rst changelogs/changelog.yaml; do
    grep -qxF "$member" "$CHECK_TMP/members.txt" || missing+=("$member")
done
for name in "${modules[@]}"; do
    grep -qxF "plugins/modules/$name.py" "$CHECK_TMP/members.txt" || missing+=("plugins/modules/$name.py")
done
[ "${#missing[@]}" -eq 0 ] || check_fail "the tarball lacks: ${missing[*]}"

# 2. galaxy-importer on the tarball, as Galaxy runs it on an upload (ansible-test sanity in a container left out)
importer_start=$SECONDS
IMPORTER="$(check_importer_venv)" || check_fail "could not build the galaxy-importer venv"
roles=()
for dir in roles/*/; do
    [ -d "$dir" ] && roles+=("$(basename "$dir")")
done
importer_dir="$CHECK_TMP/importer"
mkdir -p "$importer_dir/tmp" "$importer_dir/ansible-tmp"
importer_out="$importer_dir/output.txt"
importer_rc=0
# It writes importer_result.json into its working directory, and reads ansible-lint and ansible-doc from PATH.
(
    cd "$importer_dir" || exit 1
    export GALAXY_IMPORTER_CONFIG="$COLLECTION_ROOT/tests/utils/checks.d/galaxy-importer.cfg"
    export GALAXY_IMPORTER_TMP_ROOT_DIR="$importer_dir/tmp" GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP="$importer_dir/ansible-tmp"
    export PATH="$IMPORTER/bin:$PATH"
    timeout -k 10 600 "$IMPORTER/bin/python" -m galaxy_importer.main "$tarball" </dev/null >"$importer_out" 2>&1
) || importer_rc=$?
{ printf '$ python -m galaxy_importer.main %s\n' "$(basename "$tarball")"; cat "$importer_out"; } >>"$CHECK_LOG"
[ "$importer_rc" -eq 0 ] || check_fail "galaxy-importer failed on $(basename "$tarball") (exit status $importer_rc)"
grep -q '^ERROR' "$importer_out" && check_fail "galaxy-importer logged errors"
grep -qx 'Importer processing completed successfully' "$importer_out" \
    || check_fail "galaxy-importer did not report a completed import"
check_py 60 "$IMPORTER/bin/python" "$importer_dir/importer_result.json" "${#modules[@]}" "${modules[@]}" "${roles[@]}" \
    <<'PYTHON' || check_fail "galaxy-importer's result lacks modules, their docs or role READMEs"
import json
import sys

with open(sys.argv[1], encoding='utf-8') as handle:
    result = json.load(handle)
count = int(sys.argv[2])
modules, roles = sys.argv[3:3 + count], sys.argv[3 + count:]
contents = dict(((entry['content_type'], entry['content_name']), entry)
                for entry in result['docs_blob']['contents'])
problems = []
for name in modules:
    entry = contents.get(('module', name))
    if entry is None:
        problems.append('module %s was not found' % name)
    elif not ((entry.get('doc_strings') or {}).get('doc') or {}).get('short_description'):
        problems.append('module %s has no documentation in the import' % name)
for name in roles:
    entry = contents.get(('role', name))
    if entry is None:
        problems.append('role %s was not found' % name)
    elif not entry.get('readme_file') or not entry.get('readme_html'):
        problems.append('role %s has no README in the import' % name)
if not (result['docs_blob'].get('collection_readme') or {}).get('html'):
    problems.append('the collection README was not rendered')
print('galaxy-importer result: %d modules, %d roles, requires_ansible %s, license %s'
      % (len(modules), len(roles), result.get('requires_ansible'), result['metadata'].get('license')))
if problems:
    print('\n'.join(problems))
    sys.exit(1)
PYTHON
importer_warnings="$(grep -c '^WARNING' "$importer_out" || true)"
if [ "$importer_warnings" -gt 0 ]; then
    echo "galaxy-importer warnings ($importer_warnings):"
    grep '^WARNING' "$importer_out" | sed 's/^/  /'
fi
importer_summary="galaxy-importer $("$IMPORTER/bin/python" -c 'import importlib.metadata as m; print(m.version("galaxy-importer"))'):"
importer_summary="$importer_summary 0 errors, $importer_warnings warnings ($((SECONDS - importer_start))s)"

# 3. install into an empty collections path (from a directory outside any collection)
installed="$CHECK_TMP/installed"
check_install "$installed"
cd "$CHECK_TMP"
target="$installed/ansible_collections/community/alertsite"
[ -f "$target/MANIFEST.json" ] || check_fail "the collection was not installed to $target"
export ANSIBLE_COLLECTIONS_PATH="$installed"

# 4. ansible-doc from the installed collection
for name in "${modules[@]}"; do
    out="$CHECK_TMP/doc-$name.txt"
    if ! timeout -k 10 120 ansible-doc -t module "community.alertsite.$name" </dev/null >"$out" 2>&1; then
        cat "$out" >>"$CHECK_LOG"
        check_fail "ansible-doc community.alertsite.$name failed on the installed collection"
    fi
    grep -qF "$target/plugins/modules/$name.py" "$out" \
        || { cat "$out" >>"$CHECK_LOG"; check_fail "ansible-doc community.alertsite.$name did not read the installed copy"; }
    grep -q '^ERROR\|^\[ERROR\]' "$out" && { cat "$out" >>"$CHECK_LOG"; check_fail "ansible-doc community.alertsite.$name printed an error"; }
done
check_run 120 ansible-doc -t role community.alertsite.monitors || check_fail "ansible-doc -t role community.alertsite.monitors failed"

# 5. the quick-start playbook against the simulator
check_start_simulator
export ALERTSITE_API_URL="$SIM_API_URL" ALERTSITE_USERNAME=demo ALERTSITE_PASSWORD=demo-password
check_run 300 ansible-playbook "$target/docs/examples/quickstart.yml" \
    || check_fail "docs/examples/quickstart.yml failed against the simulator"
check_sim_log >"$CHECK_TMP/sim-log.json" || check_fail "could not read the simulator's request log"
check_py 60 "$VENV/bin/python" "$CHECK_TMP/sim-log.json" <<'PYTHON' || check_fail "unexpected requests from the quick start"
import json
import sys

with open(sys.argv[1], encoding='utf-8') as handle:
    counts = json.load(handle)['counts']
print('simulator counts: %s' % json.dumps(counts, sort_keys=True))
if counts['writes'] != 1 or counts['POST'] - counts['logins'] != 1 or counts['PATCH'] or counts['DELETE']:
    print('expected exactly one write (the create of quickstart-web-443)')
    sys.exit(1)
PYTHON

check_pass "$(basename "$tarball") ($(wc -l <"$CHECK_TMP/members.txt") entries, none unwanted); $importer_summary; installed;" \
    "ansible-doc on ${#modules[@]} modules and the role; quickstart.yml passed (1 create, then no change)"
