# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Declarations sit below the runners: no ``*_kinds.py`` file imports a runner, the connection or
``AnsibleModule``, directly or through the collection's files it imports (read from their import lines)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import glob
import os
import re

import pytest

MODULE_UTILS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'plugins', 'module_utils')
PREFIX = 'ansible_collections.community.alertsite.plugins.module_utils'

# the runners, the connection and the HTTP client, and Ansible's module class
FORBIDDEN = ('runners', 'info', 'bulk', 'blackouts', 'lookup', 'connection', 'client', 'ansible_module', 'pool')
FORBIDDEN_NAMES = ('ansible.module_utils.basic', 'AnsibleModule')

IMPORT = re.compile(r'^(?:from\s+(\S+)\s+import\s+(\([^)]*\)|[^\n]*)|import\s+(\S+))', re.MULTILINE)


def imports_of(name):
    """``[(module, imported names)]`` of a file of module_utils, from its import lines (parenthesised lists
    included)."""
    with open(os.path.join(MODULE_UTILS, name + '.py')) as handle:
        text = handle.read()
    return [(match.group(1) or match.group(3), match.group(2) or '') for match in IMPORT.finditer(text)]


def local_name(module, names):
    """The collection's module_utils files a line imports (``from ...module_utils import blackout_schedule``
    names the file among its names)."""
    if module == PREFIX:
        return [name.strip() for name in re.split(r'[\s,()]+', names) if name.strip() and name.strip() != 'as'][:1]
    if module.startswith(PREFIX + '.'):
        return [module[len(PREFIX) + 1:]]
    return []


def reached_from(name):
    """Every module_utils file ``name`` imports, directly or through others, and every other module it imports."""
    seen, others, todo = set(), set(), [name]
    while todo:
        current = todo.pop()
        for module, names in imports_of(current):
            local = local_name(module, names)
            if not local:
                others.add(module)
                others.update(part.strip() for part in re.split(r'[\s,()]+', names) if part.strip())
            for found in local:
                if found not in seen:
                    seen.add(found)
                    todo.append(found)
    return seen, others


KINDS_FILES = sorted(os.path.basename(path)[:-3] for path in glob.glob(os.path.join(MODULE_UTILS, '*_kinds.py')))


def test_every_family_has_a_declaration_file():
    assert {'monitor_kinds', 'routing_kinds', 'blackout_kinds'} <= set(KINDS_FILES)


@pytest.mark.parametrize('name', KINDS_FILES)
def test_a_declaration_imports_no_runner_no_connection_no_module(name):
    local, others = reached_from(name)
    assert local, 'no import line was read from %s.py' % name
    assert sorted(local.intersection(FORBIDDEN)) == [], '%s.py reaches %s' % (name, sorted(local.intersection(FORBIDDEN)))
    assert sorted(others.intersection(FORBIDDEN_NAMES)) == []


def test_the_reading_of_import_lines_finds_a_runner():
    # the check above would see the runner that runners.py is: it imports the connection and new_module
    local, others = reached_from('runners')
    assert {'connection', 'ansible_module', 'client'} <= local and 'AnsibleModule' in others
