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
check_py 60 "$TOOLS/bin/python" "$introspect" <<'PYTHON' \
    || check_fail "ansible-builder introspect does not list requests for community.alertsite"
import re
import sys

import yaml

with open(sys.argv[1], encoding='utf-8') as handle:
    data = yaml.safe_load(handle) or {}
python = data.get('python') or []
found = [line for line in python if re.match(r'requests\b.*# from collection community\.alertsite$', str(line))]
print('introspect: python %r, system %r' % (python, data.get('system')))
sys.exit(0 if found else 1)
PYTHON
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

check_py 60 "$TOOLS/bin/python" galaxy.yml "$from_root" "$from_tarball" <<'PYTHON' \
    || check_fail "the build contexts do not match execution-environment.yml (see above)"
import filecmp
import os
import re
import sys

import yaml

problems = []
contexts = []
with open(sys.argv[1], encoding='utf-8') as handle:
    version = yaml.safe_load(handle)['version']
for root in sys.argv[2:4]:
    with open(os.path.join(root, 'execution-environment.yml'), encoding='utf-8') as handle:
        definition = yaml.safe_load(handle)
    where = os.path.basename(root)
    if definition.get('version') != 3:
        problems.append('%s: execution-environment.yml is not schema version 3' % where)
    base_image = ((definition.get('images') or {}).get('base_image') or {}).get('name') or ''
    if not re.search(r'(@sha256:[0-9a-f]{64}|:(?!latest$)[\w][\w.-]*)$', base_image):
        problems.append('%s: the base image %r is not pinned to a tag or digest' % (where, base_image))
    context = os.path.join(root, 'context')
    names = [name for name in ('Containerfile', 'Dockerfile') if os.path.isfile(os.path.join(context, name))]
    if len(names) != 1:
        problems.append('%s: the context holds %s, expected one Containerfile or Dockerfile' % (where, names))
        continue
    with open(os.path.join(context, names[0]), encoding='utf-8') as handle:
        containerfile = handle.read()
    if 'ARG EE_BASE_IMAGE="%s"' % base_image not in containerfile or 'FROM $EE_BASE_IMAGE' not in containerfile:
        problems.append('%s: the %s does not start FROM %s' % (where, names[0], base_image))
    build = os.path.join(context, '_build')
    with open(os.path.join(build, 'requirements.txt'), encoding='utf-8') as handle:
        python = [line.strip() for line in handle if line.strip() and not line.startswith('#')]
    if python != ['requests']:
        problems.append('%s: _build/requirements.txt asks for %s, expected requests' % (where, python))
    with open(os.path.join(build, 'requirements.yml'), encoding='utf-8') as handle:
        collections = (yaml.safe_load(handle) or {}).get('collections') or []
    wanted = [{'name': 'community.alertsite', 'version': version}]
    if collections != wanted:
        problems.append('%s: _build/requirements.yml asks for %s, expected %s' % (where, collections, wanted))
    for step in ('COPY _build/requirements.txt', 'ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml',
                 'introspect.py introspect --user-pip=requirements.txt', '/output/scripts/assemble'):
        if step not in containerfile:
            problems.append('%s: the %s has no step %r' % (where, names[0], step))
    contexts.append(context)
    print('%s: %s FROM %s, community.alertsite %s from Galaxy, requests' % (where, names[0], base_image, version))


def files_of(top):
    return sorted(os.path.relpath(os.path.join(dirpath, name), top)
                  for dirpath, dummy, names in os.walk(top) for name in names)


if len(contexts) == 2:
    left, right = files_of(contexts[0]), files_of(contexts[1])
    differ = sorted(set(left) ^ set(right))
    differ += [name for name in sorted(set(left) & set(right))
               if not filecmp.cmp(os.path.join(contexts[0], name), os.path.join(contexts[1], name), shallow=False)]
    if differ or not left:
        problems.append('the contexts from the collection root and from the tarball differ: %s' % differ)
if problems:
    print('\n'.join(problems))
    sys.exit(1)
PYTHON

check_pass "ansible-builder introspect lists requests for community.alertsite; '${documented[0]}' made the same" \
    "build context from the collection root and from the unpacked tarball ($(grep -o 'FROM [^,]*' "$CHECK_LOG" | head -n1))"
