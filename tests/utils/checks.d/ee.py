# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python half of the extra check ee.sh, which says what it proves. Run with the tools venv's Python:

    ee.py introspect FILE                  step 1: the output of ansible-builder introspect (FILE) lists requests
                                           from community.alertsite
    ee.py contexts GALAXY_YML ROOT UNPACKED
                                           step 2: the build contexts of ansible-builder create in ROOT and in
                                           UNPACKED (the tarball) start FROM the pinned base image, install
                                           requests and this collection's version, and are the same

Each prints what it found; the exit status is 1 on a problem (each problem on a line of its own).
"""

import filecmp
import os
import re
import sys

import yaml

import check_commands


def introspect(argv):
    """Step 1: ansible-builder introspect (its output in argv[1]) lists requests for community.alertsite."""
    with open(argv[1], encoding='utf-8') as handle:
        data = yaml.safe_load(handle) or {}
    python = data.get('python') or []
    found = [line for line in python if re.match(r'requests\b.*# from collection community\.alertsite$', str(line))]
    print('introspect: python %r, system %r' % (python, data.get('system')))
    return 0 if found else 1


def build_contexts(argv):
    """Step 2: the build contexts under argv[2] and argv[3] match execution-environment.yml and galaxy.yml (argv[1]), and each other."""
    problems = []
    contexts = []
    with open(argv[1], encoding='utf-8') as handle:
        version = yaml.safe_load(handle)['version']
    for root in argv[2:4]:
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
    return check_commands.report(problems)


if __name__ == '__main__':
    sys.exit(check_commands.run(__doc__, {'introspect': introspect, 'contexts': build_contexts}))
