# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # The options every resource module shares (plugins/module_utils/bulk.py bulk_argument_spec).
    DOCUMENTATION = r'''
options:
  return_unchanged:
    description:
      - Whether the result holds the objects the task left as they were (C(action=none)), as it always holds those it
        creates, updates or deletes (or in check mode would), or fails on.
      - With V(true), each such item of RV(results) holds its object as the API returns it, and RV(before) (and
        RV(after) when something changed) list every object the task planned, in the O(config) format.
      - By default such an item of RV(results) holds only C(type) (where the kind has types), C(name), C(id),
        C(action=none), C(changed=false) and C(changes=[]), and RV(before) and RV(after) leave the object out. With
        thousands of objects in sync, those objects would make up most of the result, which Ansible serialises,
        scans for secrets, parses, copies and passes between its processes; at 5,000 monitors in sync the reply of
        M(community.alertsite.alertsite_monitors) is about 7 MB with V(true), under 1.5 MB by default.
      - O(state=gathered) returns every object in the O(config) format.
      - Set it to V(true) where a later task reads the unchanged objects from RV(results) or RV(before) (the shape of
        the result of M(community.alertsite.alertsite_monitors) 1.0.0).
      - This applies to the states that converge (V(merged), V(replaced), V(overridden), V(deleted)).
    type: bool
    default: false
    version_added: 2.0.0
'''
