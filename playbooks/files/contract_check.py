# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run the read-only contract check of community.alertsite against the account of the ALERTSITE_* variables.

The playbook community.alertsite.contract_check runs this file with Ansible's own Python; the check itself is
plugins/module_utils/contract.py of the same copy of the collection.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import sys


def main():
    # .../ansible_collections/community/alertsite/playbooks/files/contract_check.py: the directory that holds
    # ansible_collections comes first, so that this copy of the collection is the one imported
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.normpath(os.path.join(here, os.pardir, os.pardir, os.pardir, os.pardir, os.pardir)))
    from ansible_collections.community.alertsite.plugins.module_utils.contract import run  # pylint: disable=import-outside-toplevel
    return run(os.environ, sys.stdout)


if __name__ == '__main__':
    sys.exit(main())
