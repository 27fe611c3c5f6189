# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The scripts of scripted monitors (DéjàClick) shown and written to files: the options ``show_scripts`` and
``scripts_dest`` of ``alertsite_monitor_info``, as :class:`.info.InfoFilter` declarations, and ``scripts_dest`` of
``alertsite_monitors`` with ``state=gathered`` (:func:`gathered_script_files`).

A script is written as the API returns it, to ``<dest>/<type>/<name>.xml`` (a ``/`` in a name becomes ``_``),
so that a task converging from that file writes nothing.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

from ansible_collections.community.alertsite.plugins.module_utils.info import InfoFilter


def show_scripts_query(value):
    """The listing's ``show_scripts=true`` when the scripts are wanted."""
    return [('show_scripts', 'true')] if value else []


def script_path(dest, monitor, suffix=''):
    """Where the script of ``monitor`` is written under ``dest`` (``suffix``: added to the name)."""
    name = str(monitor.get('name')).replace('/', '_') + suffix
    return os.path.join(dest, str(monitor.get('type')), name + '.xml')


def write_script_file(monitor, dest, suffix=''):
    """Write the script ``monitor`` holds under ``dest``; return the file's path, or None for no script."""
    script = monitor.get('script')
    if not isinstance(script, str) or not script:
        return None
    path = script_path(dest, monitor, suffix)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        handle.write(script)
    return path


def write_script(monitor, dest, context):
    """Write the script ``monitor`` holds (if any) under ``dest``; every monitor is kept."""
    write_script_file(monitor, dest)
    return True


def dest_problems(dest):
    """``scripts_dest`` must be a directory, or a path where one can be made."""
    if os.path.exists(dest) and not os.path.isdir(dest):
        return ['scripts_dest must be a directory, and %s is a file' % dest]
    return []


SCRIPT_FILTERS = [
    InfoFilter('show_scripts', dict(type='bool'), params=show_scripts_query),
    # last of the filters: only the monitors every other filter keeps are written
    InfoFilter('scripts_dest', dict(type='path'), params=show_scripts_query, keeps=write_script, check=dest_problems),
]


# -- alertsite_monitors, state=gathered -----------------------------------------------------------------------

def gathered_dest_problems(state, dest):
    """``scripts_dest`` of ``alertsite_monitors``: with ``state=gathered`` only, and a directory (or none yet)."""
    if dest is None:
        return []
    if state != 'gathered':
        return ['scripts_dest only applies to state=gathered']
    return dest_problems(dest)


def gathered_script_files(definitions, dest):
    """Gathered ``definitions`` with each script written to ``<dest>/<type>/<name>.xml`` and named by
    ``script_file`` instead of given as ``script``, so that the output feeds back with the scripts in files; as
    they are without ``dest``. A definition that carries its ``id`` (another monitor has its type and name) is
    written to ``<name>.<id>.xml``, so that each keeps its own file."""
    if not dest:
        return definitions
    result = []
    for definition in definitions:
        suffix = '.%s' % definition['id'] if definition.get('id') is not None else ''
        path = write_script_file(definition, dest, suffix)
        if path is not None:
            definition = dict((key, value) for key, value in definition.items() if key != 'script')
            definition['script_file'] = path
        result.append(definition)
    return result


def scripts_dest_option(family):
    """The option ``scripts_dest`` of the resource module of ``family`` when a kind of it has a script file
    (``alertsite_monitors``: DéjàClick), else none."""
    scripted = any('script_file' in kind.by_name for kind in family.distinct_kinds)
    return {'scripts_dest': dict(type='path')} if scripted else {}
