# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The action of ``alertsite_monitors`` (and so of the role ``monitors``): the ``script_file`` of each
``dejaclick`` definition is read on the controller, as ``alertsite_dejaclick_monitor``'s is, and given to the
module as the definition's ``script``."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.action.alertsite_dejaclick_monitor import ScriptFileAction


class ActionModule(ScriptFileAction):
    """``alertsite_monitors``: the ``script_file`` of every ``dejaclick`` definition of ``config``."""

    def module_args(self, args):
        key = next((key for key in ('config', 'monitors') if isinstance(args.get(key), list)), None)
        if key is None:
            return args, []
        config, problems = [], []
        for position, definition in enumerate(args[key]):
            if isinstance(definition, dict) and definition.get('type') == 'dejaclick':
                where = 'config[%d] (dejaclick %r): ' % (position, str(definition.get('name')))
                definition, problem = self.script_from_file(definition, where)
                problems.extend([problem] if problem else [])
            config.append(definition)
        return dict(args, **{key: config}), problems
