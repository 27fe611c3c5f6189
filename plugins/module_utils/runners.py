# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The life of each module, from its options to ``exit_json``: one runner per shape of module.

- :func:`run_resource_module` - a module that manages one object of a :class:`.resource.ResourceKind`
  (``alertsite_tcp_monitor`` and its kin);
- :func:`run_access_token_module` - ``alertsite_access_token``.

The info modules have theirs in :mod:`.info`, the bulk module ``alertsite_monitors`` in :mod:`.bulk`. Every
runner checks all input (options and connection) before any request, and fails through :func:`fail`, which
keeps the API's status and error messages in the result.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import TOKEN_LIFETIME, AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.connection import (
    client_from_module,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.engine import (
    apply_plan,
    clean_id,
    id_problems,
    input_problems,
    plan_diff,
    plan_message,
    plan_object,
    resolve_values,
    wanted_values,
)
from ansible_collections.community.alertsite.plugins.module_utils.lookup import Loaded, find_current
from ansible_collections.community.alertsite.plugins.module_utils.readback import outcome_warnings, read_by_id
from ansible_collections.community.alertsite.plugins.module_utils.resource import InputError
from ansible_collections.community.alertsite.plugins.module_utils.secrets import public_object, secret_values


def fail(module, exc, **result):
    """Fail the task with ``exc``'s message, plus the HTTP ``status`` and the API's ``api_errors`` when known."""
    status = getattr(exc, 'status', None)
    if status is not None:
        result['status'] = status
    messages = getattr(exc, 'messages', None)
    if messages:
        result['api_errors'] = list(messages)
    module.fail_json(msg=str(exc), **result)


def refuse(module, problems):
    """Fail before any request when there are input problems."""
    if problems:
        module.fail_json(msg='; '.join(problems))


# -- one object ------------------------------------------------------------------------------------------

def resource_argument_spec(kind):
    """The argument spec of a kind's single-object module, built from its field declarations."""
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    if kind.selector_option:
        spec[kind.selector_option] = dict(type='str', required=True, choices=sorted(kind.api_types))
    for field in kind.fields:
        spec[field.name] = field.argument_spec()
    spec.update(kind.options)
    if kind.write_only_fields:
        spec['update_password'] = dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False)
    return spec


def run_resource_module(kind, module=None):
    """The whole life of a module that manages one object of ``kind`` (``module``: one already made from
    :func:`resource_argument_spec`, for a module that has another path besides, such as ``alertsite_sla``)."""
    module = module or new_module(resource_argument_spec(kind), hidden=lambda params: secret_values(kind, params))
    params = module.params
    wanted = wanted_values(kind, params)
    problems = id_problems(params['id'], kind.noun)
    if not clean_id(params['id']) and params.get(kind.identity[0]) is None:
        problems.append('%s is required, or id to select an existing %s' % (kind.identity[0], kind.noun))
    refuse(module, problems + input_problems(kind, wanted) + connection_problems(params))
    client = client_from_module(module)
    try:
        wanted = resolve_values(client, kind, wanted)
        current, api_type, warnings = find_current(Loaded(client), kind, kind.api_type(params), wanted,
                                                   clean_id(params['id']), params['state'])
        for warning in warnings:
            module.warn(warning)
        current = read_by_id(client, kind, wanted, current)
        plan = plan_object(kind, api_type, wanted, current, params['state'], params.get('update_password', 'on_create'))
        if kind.before_write is not None:
            plan = kind.before_write(client, plan, params)
        notes = kind.api_notes(client, plan, module.check_mode) if kind.api_notes else []
        outcome = apply_plan(client, plan, module.check_mode)
    except (AlertSiteError, InputError) as exc:
        fail(module, exc)
    else:
        for warning in outcome_warnings(outcome, module.check_mode):
            module.warn(warning)
        message = plan_message(plan, module.check_mode, params['state'], outcome.object_id)
        result = dict(changed=plan.changed, msg=message + ''.join('; %s' % note for note in notes))
        result[kind.result_key] = public_object(kind, outcome.object)
        if module._diff:
            result['diff'] = plan_diff(plan, outcome.object_id)
        module.exit_json(**result)


# -- alertsite_access_token -------------------------------------------------------------------------------

def run_access_token_module():
    """alertsite_access_token: log in once and hand the token to later tasks."""
    spec = connection_argument_spec()
    spec['username']['required'] = True
    spec['password']['required'] = True
    module = new_module(spec)
    refuse(module, connection_problems(module.params, needs_login=True))
    client = client_from_module(module, access_token=False)  # this module always logs in
    try:
        token = client.login()
    except AlertSiteError as exc:
        fail(module, exc)
    else:
        module.exit_json(changed=False, access_token=token, expires_in=TOKEN_LIFETIME,
                         msg='Logged in to %s as %s; the token lives %d minutes'
                             % (client.api_url, client.username, TOKEN_LIFETIME // 60))
