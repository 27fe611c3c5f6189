# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection's version, in one place (a unit test compares it with ``galaxy.yml``).

Internal to the collection, like everything in ``module_utils``: not a public API; it may change in any
release without notice.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

COLLECTION_VERSION = '1.0.0'
