#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): the execution environment metadata, meta/execution-environment.yml.
#   1. the collection is built and installed (ansible-galaxy) into an empty collections path, and
#      ansible-builder introspect over that path must report the collection's Python requirement requests;
#   2. ansible-builder create (schema version 3) generates a build context from the definition into a scratch
#      directory: it must hold a Containerfile FROM the definition's base image and the requirement files
#      (requests, community.alertsite). No image is built (no container engine is needed).
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

# 2. create the build context. The definition names its files relative to the collection root (see the
# comment in meta/execution-environment.yml), so it is placed there, in a scratch copy.
definition="$CHECK_TMP/definition"
mkdir -p "$definition/meta"
cp meta/execution-environment.yml "$definition/execution-environment.yml"
cp meta/ee-* "$definition/meta/"
context="$CHECK_TMP/context"
check_run 300 ansible-builder create -f "$definition/execution-environment.yml" --context "$context" \
    --output-filename Containerfile -v 3 \
    || check_fail "ansible-builder create failed"
[ -s "$context/Containerfile" ] || check_fail "ansible-builder create wrote no Containerfile"
cat "$context/Containerfile" >>"$CHECK_LOG"

check_py 60 "$TOOLS/bin/python" "$definition/execution-environment.yml" "$context" <<'PYTHON' \
    || check_fail "the build context does not match meta/execution-environment.yml"
import os
import sys

import yaml

with open(sys.argv[1], encoding='utf-8') as handle:
    definition = yaml.safe_load(handle)
context = sys.argv[2]
problems = []
if definition.get('version') != 3:
    problems.append('meta/execution-environment.yml is not schema version 3')
base_image = ((definition.get('images') or {}).get('base_image') or {}).get('name')
if not base_image:
    problems.append('no images.base_image.name')
with open(os.path.join(context, 'Containerfile'), encoding='utf-8') as handle:
    containerfile = handle.read()
if base_image and 'ARG EE_BASE_IMAGE="%s"' % base_image not in containerfile:
    problems.append('the Containerfile does not start FROM %s' % base_image)
build = os.path.join(context, '_build')
for name, wanted in (('requirements.txt', 'requests'), ('requirements.yml', 'community.alertsite')):
    path = os.path.join(build, name)
    if not os.path.isfile(path):
        problems.append('the context has no _build/%s' % name)
        continue
    with open(path, encoding='utf-8') as handle:
        if wanted not in handle.read():
            problems.append('_build/%s does not name %s' % (name, wanted))
for step in ('COPY _build/requirements.txt', 'ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml',
             'introspect.py introspect --user-pip=requirements.txt', '/output/scripts/assemble'):
    if step not in containerfile:
        problems.append('the Containerfile has no step %r' % step)
if problems:
    print('\n'.join(problems))
    sys.exit(1)
print('context: Containerfile FROM %s, _build/requirements.txt, _build/requirements.yml' % base_image)
PYTHON

check_pass "ansible-builder introspect lists requests for community.alertsite; ansible-builder create made" \
    "a version 3 build context ($(grep -c '' "$context/Containerfile") lines of Containerfile)"
