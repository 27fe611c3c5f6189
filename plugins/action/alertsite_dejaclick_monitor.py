# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The action of ``alertsite_dejaclick_monitor``: ``script_file`` is read on the controller.

A module runs on the host the task targets; a recorded script kept in Git beside the playbook is on the controller.
So, as ``ansible.builtin.copy`` does with ``src``, the file is found and read here: a relative path is looked for
in the ``files/`` directory of the role and of the playbook, then beside them. The module gets the file's text as
``script``. A file that is missing, unreadable or not well-formed XML fails the task before the module runs, so
before any request.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible.errors import AnsibleError
from ansible.plugins.action import ActionBase
from ansible.utils.vars import merge_hash

from ansible_collections.community.alertsite.plugins.module_utils.step_fields import SCRIPT_AND_FILE, read_script_file

NOT_FOUND = ('%sscript_file %s does not exist (a relative path is looked for in the files directory of the role '
             'and of the playbook, then beside them)')


class ScriptFileAction(ActionBase):
    """Runs the task's module after reading on the controller the script files its options name.

    A subclass says where they are (:meth:`module_args`); :meth:`script_from_file` reads one."""

    _supports_check_mode = True
    _supports_async = True

    def module_args(self, args):
        """``(the arguments the module gets, problems)`` from the task's arguments."""
        raise NotImplementedError

    def script_from_file(self, options, where=''):
        """``(options, problem)``: ``options`` with the text of the file ``script_file`` names as ``script``, or
        as they are with the problem (``where`` prefixes it). A value that is no path is left to the module."""
        value = options.get('script_file')
        if not isinstance(value, str):
            return options, None
        if options.get('script') is not None:
            return options, where + SCRIPT_AND_FILE
        try:
            path = self._find_needle('files', value) if value.strip() else value
        except AnsibleError:
            return options, NOT_FOUND % (where, value)
        text, problem = read_script_file(path, shown=value)
        if problem:
            return options, where + problem
        options = dict(options, script=text)
        del options['script_file']
        return options, None

    def run(self, tmp=None, task_vars=None):
        result = super(ScriptFileAction, self).run(tmp, task_vars)
        del tmp  # tmp no longer has any effect
        args, problems = self.module_args(dict(self._task.args))
        if problems:
            result.update(failed=True, changed=False, msg='; '.join(problems))
            return result
        wrap_async = self._task.async_val
        result = merge_hash(result, self._execute_module(module_args=args, task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result


class ActionModule(ScriptFileAction):
    """``alertsite_dejaclick_monitor``: its ``script_file``."""

    def module_args(self, args):
        args, problem = self.script_from_file(args)
        return args, [problem] if problem else []
