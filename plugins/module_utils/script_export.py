# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The scripts of scripted monitors (DéjàClick) shown and written to files: the options ``show_scripts`` and
``scripts_dest`` of ``alertsite_monitor_info``, as :class:`.info.InfoFilter` declarations.

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


def script_path(dest, monitor):
    """Where the script of ``monitor`` is written under ``dest``."""
    return os.path.join(dest, str(monitor.get('type')), str(monitor.get('name')).replace('/', '_') + '.xml')


def write_script(monitor, dest, context):
    """Write the script ``monitor`` holds (if any) under ``dest``; every monitor is kept."""
    script = monitor.get('script')
    if isinstance(script, str) and script:
        path = script_path(dest, monitor)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8', newline='') as handle:
            handle.write(script)
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
