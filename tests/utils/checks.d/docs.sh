#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): the collection's documentation.
#   1. antsibull-docs lint-collection-docs --plugin-docs . must report nothing (module and role docs,
#      docs/docsite/links.yml, extra-docs.yml and the rst guides);
#   2. ansible-doc --json over every module of plugins/modules/ (the docs with the fragments merged) must
#      show: version_added, a non-empty seealso, attributes each with a description and a support level,
#      EXAMPLES, and a RETURN block where every value (also inside "contains") has a description, a
#      type and a sample, and every dict or list of dicts documents its keys with "contains";
#   3. the docs site, built as antsibull-docs sphinx-init sets it up (antsibull-docs collection, then
#      sphinx-build with a nitpicky configuration): module and role pages, the guides of
#      docs/docsite/extra-docs.yml and the links of links.yml. Offline, so intersphinx is switched off (the
#      inventories of Python's and Ansible's docs cannot be fetched) and a reference to a label of another
#      project's docs cannot resolve: those warnings (an undefined label outside
#      ansible_collections.community.alertsite.*) are counted and listed, and any other warning or error
#      fails the check.
# docs.py beside this script reads ansible-doc's output (step 2) and the build's warnings (step 3).
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

TOOLS="$(check_tools_venv)" || check_fail "could not build the tools venv"
export ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH"
export ANSIBLE_NOCOLOR=1 NO_COLOR=1
export PATH="$TOOLS/bin:$PATH"

# 1. antsibull-docs: exit status 0 and no finding printed
lint_out="$CHECK_TMP/antsibull-docs.out"
if ! timeout -k 10 600 antsibull-docs lint-collection-docs --plugin-docs . </dev/null >"$lint_out" 2>&1; then
    cat "$lint_out" >>"$CHECK_LOG"
    check_fail "antsibull-docs lint-collection-docs --plugin-docs . found problems"
fi
if grep -q '[^[:space:]]' "$lint_out"; then
    cat "$lint_out" >>"$CHECK_LOG"
    check_fail "antsibull-docs lint-collection-docs --plugin-docs . printed findings"
fi

# 2. ansible-doc --json over every module
mapfile -t modules < <(check_module_names | sed 's/^/community.alertsite./')
[ "${#modules[@]}" -gt 0 ] || check_fail "no module found in plugins/modules/"
doc_json="$CHECK_TMP/ansible-doc.json"
if ! timeout -k 10 300 ansible-doc --json -t module "${modules[@]}" </dev/null >"$doc_json" 2>>"$CHECK_LOG"; then
    check_fail "ansible-doc --json -t module ${modules[*]} failed"
fi

check_run 60 "$TOOLS/bin/python" tests/utils/checks.d/docs.py module-docs "$doc_json" "${modules[@]}" \
    || check_fail "module documentation is incomplete (see above)"

# 3. the docs site
site_start=$SECONDS
site="$CHECK_TMP/docsite"
mkdir -m 700 "$site"
check_run 300 antsibull-docs sphinx-init --use-current --fail-on-error --dest-dir "$site" community.alertsite \
    || check_fail "antsibull-docs sphinx-init failed"
cat >>"$site/conf.py" <<'CONF'

# Offline: the intersphinx inventories of other projects cannot be fetched.
intersphinx_mapping = {}
CONF
mkdir -p "$site/rst" && chmod og-w "$site/rst"  # antsibull-docs wants it writable by its owner only
(cd "$site" && check_run 600 antsibull-docs --config-file antsibull-docs.cfg collection --cleanup everything \
    --fail-on-error --use-current --dest-dir rst community.alertsite) \
    || check_fail "antsibull-docs collection failed"
(cd "$site" && check_run 600 sphinx-build -M html rst build -c . --keep-going -q -w warnings.log) \
    || check_fail "sphinx-build failed"
for page in index.rst monitors_role.rst docsite/guide_authentication_awx.rst; do
    [ -f "$site/rst/collections/community/alertsite/$page" ] || check_fail "the docs site has no $page"
done
[ -f "$site/build/html/collections/community/alertsite/index.html" ] || check_fail "sphinx-build wrote no collection index"
check_run 60 "$TOOLS/bin/python" tests/utils/checks.d/docs.py site-warnings "$site/warnings.log" "$site/" "${modules[@]}" \
    || check_fail "the docs site build warned about the collection's docs (see above)"
site_summary="$(grep -o '^docs site: .*' "$CHECK_LOG" | tail -n1) ($((SECONDS - site_start))s)"

check_pass "antsibull-docs lint-collection-docs clean; ${#modules[@]} modules with version_added, seealso, attributes," \
    "examples and RETURN samples; $site_summary"
