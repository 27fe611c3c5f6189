# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Plain copies of the data a filter is given.

A filter's input may be made of ansible-core's lazily templated containers. ``copy.deepcopy`` of one copies the
templating context it carries too, which with thousands of definitions costs minutes and gigabytes on the
controller; :func:`plain` reads each value once and builds plain dicts and lists.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections.abc import Mapping


def plain(value):
    """``value`` as plain data: every mapping a dict (its order kept), every list or tuple a list."""
    if isinstance(value, Mapping):
        return dict((key, plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value
