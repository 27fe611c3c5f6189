# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one place every module of the collection is created: :func:`new_module`.

Ansible turns any value given to a ``str`` option into text (a dict becomes ``"{'a': 1}"``) and a boolean
given to an ``int`` option into 0 or 1. For options that name monitors and servers that silently creates
nonsense, so the raw input is checked too, before any request.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, _load_params

from ansible_collections.community.alertsite.plugins.module_utils.connection import url_user_info


def _type_name(value):
    return {dict: 'a dictionary', list: 'a list', bool: 'a boolean'}.get(type(value), type(value).__name__)


def raw_type_problems(argument_spec, raw, where=''):
    """Options whose raw value Ansible would only accept by converting it into something else."""
    problems = []
    for name, spec in argument_spec.items():
        keys = [name] + list(spec.get('aliases', []))
        given = [raw[key] for key in keys if isinstance(raw, dict) and raw.get(key) is not None]
        if not given:
            continue
        value = given[0]
        kind = spec.get('type', 'str')
        label = where + name
        if kind == 'str' and isinstance(value, (dict, list, bool)):
            problems.append('%s must be a string, got %s' % (label, _type_name(value)))
        elif kind == 'int' and isinstance(value, bool):
            problems.append('%s must be an integer, got a boolean' % label)
        elif kind == 'dict' and spec.get('options') and not isinstance(value, dict):
            problems.append('%s must be a dictionary, got %s' % (label, _type_name(value)))
        elif kind == 'list' and spec.get('options') and isinstance(value, list):
            for position, item in enumerate(value):
                if not isinstance(item, dict):
                    problems.append('%s[%d] must be a dictionary, got %s' % (label, position, _type_name(item)))
                    continue
                problems.extend(raw_type_problems(spec['options'], item, '%s%s[%d].' % (where, name, position)))
    return problems


def _not_mappings(spec, value):
    """Whether ``value`` is no dictionary where ``spec`` has suboptions: ansible-core's own validation then fails
    with a TypeError instead of a message (a dict option given 12, a list of dicts holding a string)."""
    if not spec.get('options') or value is None:
        return False
    if spec.get('type', 'str') == 'dict':
        return not isinstance(value, dict)
    return spec.get('type') == 'list' and isinstance(value, list) and not all(isinstance(item, dict) for item in value)


def tolerant_spec(argument_spec, raw):
    """``argument_spec`` with every option whose raw value :func:`_not_mappings` taken as ``raw``, so that the
    module is built and :func:`raw_type_problems` says what is wrong."""
    tolerant = dict(argument_spec)
    for name, spec in argument_spec.items():
        values = [raw.get(key) for key in [name] + list(spec.get('aliases', []))] if isinstance(raw, dict) else []
        if any(_not_mappings(spec, value) for value in values):
            tolerant[name] = dict((key, spec[key]) for key in ('aliases', 'no_log') if key in spec)
            tolerant[name]['type'] = 'raw'
    return tolerant


def new_module(argument_spec, module_class=AnsibleModule, hidden=None, **kwargs):
    """An ``AnsibleModule`` (or ``module_class``, a subclass of it; check mode supported) whose raw input was also
    checked for silent conversions.

    :param hidden: a function(params) -> secret values that options hold inside them (an API step's password in a
        list of steps, which no ``no_log`` option holds alone): Ansible masks them wherever it shows the task, the
        invocation it logs on the host included. The user info of a URL given as ``api_url`` is always hidden.
    """
    def hide(params):
        return url_user_info(params) + (list(hidden(params)) if hidden is not None else [])
    raw = _load_params()
    module = hiding(module_class, hide)(argument_spec=tolerant_spec(argument_spec, raw), supports_check_mode=True,
                                        **kwargs)
    module.no_log_values.update(hide(module.params))  # also when Ansible logs no invocation (no_log)
    problems = raw_type_problems(argument_spec, raw)
    if problems:
        module.fail_json(msg='; '.join(problems))
    return module


def hiding(module_class, hidden):
    """A subclass of ``module_class`` that adds ``hidden(params)`` to the no_log values before the invocation is
    logged."""
    class HidingModule(module_class):
        def _log_invocation(self):
            self.no_log_values.update(hidden(self.params))
            super(HidingModule, self)._log_invocation()

        def fail_json(self, msg, **kwargs):
            # Ansible fails this way on options it refuses, before the invocation is logged
            self.no_log_values.update(hidden(getattr(self, 'params', None) or {}))
            super(HidingModule, self).fail_json(msg, **kwargs)
    return HidingModule
