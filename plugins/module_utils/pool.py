# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A bounded pool of threads for writes that do not depend on each other (the bulk module's PATCHes).

Results come back in the order of the work given, whatever order the writes finish in, and a failure of one
piece of work is kept as its result instead of stopping the others. A 429 from the API, to any request, pauses
every thread of the same client (see :meth:`.client.AlertSiteClient.throttled`).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from concurrent.futures import ThreadPoolExecutor


class Failed(object):
    """The result of a piece of work that raised ``error``."""

    def __init__(self, error):
        self.error = error


def run_ordered(function, items, workers=4):
    """``[function(item) for item in items]`` on up to ``workers`` threads; an item whose call raised an
    Exception gives a :class:`Failed` holding it. ``workers=1`` runs one at a time, in this thread."""
    items = list(items)

    def call(item):
        try:
            return function(item)
        except Exception as exc:  # pylint: disable=broad-except  # kept as the item's result, reported by the caller
            return Failed(exc)

    if workers <= 1 or len(items) <= 1:
        return [call(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(workers, len(items))) as executor:
        return list(executor.map(call, items))
