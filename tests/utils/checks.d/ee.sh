#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): the execution environment, as collection metadata
# (meta/execution-environment.yml) and as the definition an AWX admin builds (execution-environment.yml at the
# collection root).
#   1. the collection is built and installed (ansible-galaxy) into an empty collections path, and
#      ansible-builder introspect over that path must report the collection's Python requirement requests;
#   2. the command that docs/docsite/rst/guide_authentication_awx.rst gives for the build context (its
#      "$ ansible-builder create" line, run as it is written) is run in a copy of the collection root and in the
#      unpacked tarball of step 1. Each must write a context whose Containerfile (or Dockerfile, when the
#      default runtime is docker) starts FROM the definition's base image, pinned to a tag other than latest
#      (or a digest), and installs _build/requirements.txt (requests) and _build/requirements.yml
#      (community.alertsite in the version of galaxy.yml); the two contexts must be the same. No image is
#      built (no container engine is needed).
# ee.py beside this script judges introspect's output (step 1) and the two contexts (step 2).
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

[ -f meta/execution-environment.yml ] || check_fail "no meta/execution-environment.yml"
TOOLS="$(check_tools_venv)" || check_fail "could not build the tools venv"
export PATH="$TOOLS/bin:$PATH"
export ANSIBLE_NOCOLOR=1 NO_COLOR=1 ANSIBLE_LOCAL_TEMP="$CHECK_TMP/ansible-tmp"
unset ANSIBLE_COLLECTIONS_PATH ANSIBLE_COLLECTIONS_PATHS

# 1. build, install, introspect
check_build
check_install "$CHECK_TMP/installed"
[ -f "$CHECK_TMP/installed/ansible_collections/community/alertsite/meta/execution-environment.yml" ] \
    || check_fail "the installed collection has no meta/execution-environment.yml"

introspect="$CHECK_TMP/introspect.txt"
if ! timeout -k 10 120 ansible-builder introspect --write-pip "$CHECK_TMP/introspect-pip.txt" \
    "$CHECK_TMP/installed" </dev/null >"$introspect" 2>&1; then
    cat "$introspect" >>"$CHECK_LOG"
    check_fail "ansible-builder introspect failed"
fi
cat "$introspect" >>"$CHECK_LOG"
check_run 60 "$TOOLS/bin/python" tests/utils/checks.d/ee.py introspect "$introspect" \
    || check_fail "ansible-builder introspect does not list requests for community.alertsite"
grep -Eq '^requests\b' "$CHECK_TMP/introspect-pip.txt" \
    || check_fail "ansible-builder introspect --write-pip did not write requests"

# 2. the documented command, from the collection root and from the unpacked tarball
guide=docs/docsite/rst/guide_authentication_awx.rst
mapfile -t documented < <(sed -n 's/^[[:space:]]*\$ \(ansible-builder create\b.*\)$/\1/p' "$guide")
[ "${#documented[@]}" -eq 1 ] || check_fail "$guide gives ${#documented[@]} '\$ ansible-builder create' commands, expected one"
read -r -a create_command <<<"${documented[0]}"
[ -f execution-environment.yml ] || check_fail "no execution-environment.yml at the collection root"

from_root="$CHECK_TMP/root"
mkdir -p "$from_root"
tar --exclude=./.git --exclude=./tests/output --exclude=./context -cf - . | tar -xf - -C "$from_root"
from_tarball="$CHECK_TMP/unpacked"
mkdir -p "$from_tarball"
tar -xzf "$CHECK_TARBALL" -C "$from_tarball" || check_fail "cannot unpack $CHECK_TARBALL"
for dir in "$from_root" "$from_tarball"; do
    (cd "$dir" && check_run 300 "${create_command[@]}") \
        || check_fail "'${documented[0]}' failed in $dir"
done

check_run 60 "$TOOLS/bin/python" tests/utils/checks.d/ee.py contexts galaxy.yml "$from_root" "$from_tarball" \
    || check_fail "the build contexts do not match execution-environment.yml (see above)"

check_pass "ansible-builder introspect lists requests for community.alertsite; '${documented[0]}' made the same" \
    "build context from the collection root and from the unpacked tarball ($(grep -o 'FROM [^,]*' "$CHECK_LOG" | head -n1))"
