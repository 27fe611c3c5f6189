# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # For modules that create, change and delete monitors.
    DOCUMENTATION = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check mode and predict the result without sending any change to the API.
    support: full
  diff_mode:
    description: Returns the changed options before and after (secrets masked) in diff mode.
    support: full
  action_group:
    description: Use C(group/community.alertsite.alertsite) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.alertsite.alertsite
'''

    # For modules that only read.
    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    description: This module only reads, and does the same in check mode.
    support: full
  diff_mode:
    description: This module only reads; there is nothing to show in diff mode.
    support: N/A
  action_group:
    description: Use C(group/community.alertsite.alertsite) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.alertsite.alertsite
'''
