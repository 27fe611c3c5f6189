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
      - Whether an item of RV(results) for an object the task left as it was (C(action=none)) holds that object as the
        API returns it, as the items of the objects created, updated or deleted always do.
      - By default such an item holds only C(type) (where the kind has types), C(name), C(id), C(action=none),
        C(changed=false) and C(changes=[]). With thousands of objects in sync, their objects would make up most of
        the result, which Ansible serialises, scans for secrets and passes on; RV(before) still lists every object
        planned in the O(config) format.
      - Set it to V(true) where a later task reads the unchanged objects as the API holds them from RV(results) (the
        shape of RV(results) of M(community.alertsite.alertsite_monitors) 1.0.0). An item that failed, or a deletion that was skipped, always holds
        the object.
      - This applies to the states that converge (V(merged), V(replaced), V(overridden), V(deleted)); the other states
        return no RV(results).
    type: bool
    default: false
    version_added: 1.1.0
'''
