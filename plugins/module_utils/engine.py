# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The monitor engine: find, compare, plan, apply, diff and describe, for every monitor family.

The steps, each a function of its own:

- :func:`wanted_values` - the options the user set, normalised (only these are ever compared);
- :func:`input_problems` - what is wrong with them, found before any request;
- :class:`MonitorIndex` - the existing monitors of a listing, found by (API type, name);
- :func:`plan_monitor` - create, update (only the differing fields), delete, or nothing;
- :func:`apply_plan` - carry the plan out (or, in check mode, predict the result) and read back;
- :func:`plan_diff` and :func:`plan_message` - what changed, for ``--diff`` and for ``msg``.

:func:`run_monitor_module` strings them together for the single-monitor modules.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import new_module
from ansible_collections.community.alertsite.plugins.module_utils.client import (
    AlertSiteClient,
    AlertSiteError,
    connection_argument_spec,
    connection_problems,
)
from ansible_collections.community.alertsite.plugins.module_utils.fields import SECRET_MASK
from ansible_collections.community.alertsite.plugins.module_utils.monitor_types import API_TYPES, SECRET_FIELDS


class InputError(Exception):
    """The user's input cannot be carried out; the message names the options at fault."""


# -- argument spec -----------------------------------------------------------------------------------

def monitor_argument_spec(family):
    """The argument spec of a family's single-monitor module, built from its field declarations."""
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    if family.selector:
        spec[family.selector] = dict(type='str', required=True, choices=sorted(family.api_types))
    for field in family.fields:
        spec[field.name] = field.argument_spec()
    spec['name']['required'] = True
    if family.write_only_fields:
        spec['update_password'] = dict(type='str', default='on_create', choices=['on_create', 'always'], no_log=False)
    return spec


# -- the user's side -----------------------------------------------------------------------------------

def wanted_values(family, params):
    """The options the user set (not None), normalised, in declaration order."""
    return OrderedDict((field.name, field.normalise(params[field.name]))
                       for field in family.fields if params.get(field.name) is not None)


def input_problems(family, values):
    """Every problem with ``values`` that can be seen without asking the API."""
    problems = [family.by_name[name].problem(value) for name, value in values.items()]
    problems.extend(check(values) for check in family.checks)
    return [problem for problem in problems if problem]


def id_problems(monitor_id):
    """A monitor id is a number; anything else would change the request's path."""
    if monitor_id is not None and not monitor_id.strip().isdigit():
        return ['id must be a monitor id (digits only), got %r' % monitor_id]
    return []


# -- the API's side ------------------------------------------------------------------------------------

def current_values(family, monitor):
    """The API's monitor in the same normalised form as :func:`wanted_values` (write-only fields left out)."""
    return OrderedDict((field.name, field.normalise(monitor.get(field.name)))
                       for field in family.fields if not field.write_only and field.name in monitor)


def public_monitor(monitor):
    """A monitor fit to return: secret fields removed."""
    if not monitor:
        return {}
    return dict((key, value) for key, value in monitor.items() if key not in SECRET_FIELDS)


def monitor_label(api_type, name, monitor_id=None):
    label = "%s monitor '%s'" % (api_type, name)
    return label if monitor_id in (None, '') else '%s (id %s)' % (label, monitor_id)


class MonitorIndex(object):
    """Existing monitors from a listing, looked up by (API type, name)."""

    def __init__(self, monitors, default_type=None):
        self.monitors = list(monitors)
        self.by_key = {}
        for monitor in self.monitors:
            key = (monitor.get('type', default_type), monitor.get('name'))
            self.by_key.setdefault(key, []).append(monitor)

    @classmethod
    def load(cls, client, api_types):
        """One paged listing of every monitor of ``api_types``."""
        types = sorted(set(api_types))
        listing = client.get_all('/monitors', params={'type': ','.join(types)})
        return cls(listing, default_type=types[0] if len(types) == 1 else None)

    def find(self, api_type, name):
        """The monitor of that type and name, or None; more than one is an error, never a guess."""
        found = self.by_key.get((api_type, name), [])
        if len(found) > 1:
            raise InputError('%d %s monitors are named %r (ids %s): set id to choose one'
                             % (len(found), api_type, name, ', '.join(str(m.get('id')) for m in found)))
        return found[0] if found else None

    def namesakes(self, api_types, name, but_type):
        """Monitors named ``name`` under the other ``api_types`` (e.g. the other email protocols)."""
        return [monitor for api_type in api_types if api_type != but_type
                for monitor in self.by_key.get((api_type, name), [])]


def get_monitor(client, monitor_id, missing_ok=True):
    """The monitor with that id; None when the API does not know it and ``missing_ok``."""
    path = '/monitors/%s' % monitor_id
    try:
        monitor = client.get(path)
    except AlertSiteError as exc:
        if exc.status == 404 and missing_ok:
            return None
        raise
    if not isinstance(monitor, dict) or not monitor:
        raise AlertSiteError('GET %s: the reply is not a monitor: %.200r' % (path, monitor), 'GET', path)
    return monitor


# -- planning ------------------------------------------------------------------------------------------

class Plan(object):
    """What to do with one monitor.

    :ivar action: ``create``, ``update``, ``delete`` or ``none``.
    :ivar current: the monitor as the API holds it, or None.
    :ivar send: normalised values to send (all wanted ones on create, the differing ones on update).
    :ivar before: normalised current values of the keys in ``send`` (everything on delete).
    """

    def __init__(self, family, api_type, name, action, current=None, send=None, before=None):
        self.family = family
        self.api_type = api_type
        self.name = name
        self.action = action
        self.current = current
        self.send = send or OrderedDict()
        self.before = before or OrderedDict()
        # ids compare as strings: the API writes "123" and reads 123
        self.monitor_id = str(current['id']) if current and current.get('id') is not None else None

    @property
    def changed(self):
        return self.action != 'none'

    def payload(self):
        """The request body: the fields to send in the API's form."""
        return OrderedDict((name, self.family.by_name[name].to_api(value)) for name, value in self.send.items())

    @property
    def label(self):
        return monitor_label(self.api_type, self.name, self.monitor_id)


def plan_monitor(family, api_type, name, wanted, current, state='present', update_password='on_create'):
    """Decide what brings ``current`` (the API's monitor or None) to ``wanted``.

    Only the options in ``wanted`` are compared. Write-only fields are sent on create, and to an
    existing monitor only when ``update_password`` is ``always``.
    """
    if state == 'absent':
        if current is None:
            return Plan(family, api_type, name, 'none')
        return Plan(family, api_type, name, 'delete', current, before=current_values(family, current))
    if current is None:
        missing = [field.name for field in family.fields if field.required_on_create and field.name not in wanted]
        if missing:
            raise InputError('missing required options to create %s: %s'
                             % (monitor_label(api_type, name), ', '.join(missing)))
        return Plan(family, api_type, name, 'create', send=wanted)
    have = current_values(family, current)
    merged = OrderedDict(have)
    merged.update(wanted)
    problems = [check(merged) for check in family.checks]
    problems = [problem for problem in problems if problem]
    if problems:
        raise InputError('; '.join(problems) + ' (with the values %s already has)' % monitor_label(api_type, name, current.get('id')))
    send = OrderedDict()
    for key, value in wanted.items():
        if family.by_name[key].write_only:
            if update_password == 'always':
                send[key] = value
        elif have.get(key) != value:
            send[key] = value
    before = OrderedDict((key, have.get(key)) for key in send)
    return Plan(family, api_type, name, 'update' if send else 'none', current, send=send, before=before)


# -- applying ------------------------------------------------------------------------------------------

def apply_plan(client, plan, check_mode=False):
    """Carry out ``plan``; return the monitor as the API holds it afterwards (None once deleted).

    In check mode nothing is written and the predicted monitor is returned. After a create or an
    update the monitor is read back, so the result shows the API's own values and defaults.
    """
    if plan.action == 'none':
        return plan.current
    if check_mode:
        return predicted_monitor(plan)
    if plan.action == 'delete':
        try:
            client.delete('/monitors/%s' % plan.monitor_id)
        except AlertSiteError as exc:
            if exc.status != 404:  # already gone: what we wanted
                raise
        return None
    if plan.action == 'create':
        plan.monitor_id = create_monitor(client, plan)
    else:
        client.patch('/monitors/%s/%s' % (plan.api_type, plan.monitor_id), plan.payload())
    return get_monitor(client, plan.monitor_id, missing_ok=False)


def create_monitor(client, plan):
    """POST a new monitor; return its id.

    A POST is never repeated blindly: when it fails in a way that may have created the monitor anyway
    (a timeout, a dropped connection, a 5xx reply), the monitor is looked up again first, and only
    posted once more when it is not there.
    """
    attempts = max(1, client.retries + 1)
    for attempt in range(1, attempts + 1):
        try:
            reply = client.post('/monitors/%s' % plan.api_type, plan.payload())
        except AlertSiteError as exc:
            if not exc.uncertain:
                raise
            created = MonitorIndex.load(client, [plan.api_type]).find(plan.api_type, plan.name)
            if created is not None:
                return str(created.get('id'))
            if attempt == attempts:
                raise AlertSiteError('%s; looked again and %s does not exist, so nothing was created'
                                     % (exc, monitor_label(plan.api_type, plan.name)),
                                     exc.method, exc.path, exc.status, exc.messages)
            continue
        monitor_id = reply.get('id') if isinstance(reply, dict) else None
        if monitor_id in (None, ''):
            raise AlertSiteError('POST /monitors/%s: the reply holds no monitor id' % plan.api_type, 'POST',
                                 '/monitors/%s' % plan.api_type)
        return str(monitor_id)


def predicted_monitor(plan):
    """The monitor as it would be after ``plan``, for check mode (secrets left out)."""
    if plan.action == 'delete':
        return None
    monitor = dict(plan.current) if plan.current else {'type': plan.api_type}
    monitor.update(plan.payload())
    return public_monitor(monitor)


# -- reporting -----------------------------------------------------------------------------------------

def _masked(family, values):
    """Secrets shown as a mask; a write-only secret the API never returns stays None (unknown)."""
    return OrderedDict((key, SECRET_MASK if family.by_name[key].secret and value is not None else value)
                       for key, value in values.items())


def plan_diff(plan):
    """``before``/``after`` of the changed keys only, secrets masked, for Ansible's ``--diff``."""
    header = plan.label
    if plan.action == 'create':
        before, after = {}, _masked(plan.family, plan.send)
    elif plan.action == 'delete':
        before, after = _masked(plan.family, plan.before), {}
    else:
        before, after = _masked(plan.family, plan.before), _masked(plan.family, plan.send)
    return dict(before=before, after=after, before_header=header, after_header=header)


def plan_message(plan, check_mode=False, state='present'):
    """One readable sentence about what was (or, in check mode, would be) done."""
    if plan.action == 'none':
        if state == 'absent':
            return 'No %s exists: nothing to delete' % plan.label
        return '%s is up to date' % plan.label
    verbs = {'create': ('Created', 'Would create'), 'update': ('Updated', 'Would update'),
             'delete': ('Deleted', 'Would delete')}
    message = '%s %s' % (verbs[plan.action][1 if check_mode else 0], plan.label)
    if plan.action == 'update':
        message += ': %s' % ', '.join(plan.send)
    return message


# -- the single-monitor modules -----------------------------------------------------------------------

def run_monitor_module(family):
    """The whole life of a single-monitor module (alertsite_tcp_monitor and its kin)."""
    module = new_module(monitor_argument_spec(family))
    params = module.params
    api_type = family.api_type(params)
    wanted = wanted_values(family, params)
    problems = id_problems(params['id']) + input_problems(family, wanted) + connection_problems(params)
    if problems:
        module.fail_json(msg='; '.join(problems))
    client = AlertSiteClient.from_module(module)
    try:
        current = find_current(module, client, family, api_type)
        plan = plan_monitor(family, api_type, params['name'], wanted, current, params['state'],
                            params.get('update_password', 'on_create'))
        monitor = apply_plan(client, plan, module.check_mode)
    except (AlertSiteError, InputError) as exc:
        module.fail_json(msg=str(exc))
    else:
        result = dict(changed=plan.changed, monitor=public_monitor(monitor),
                      msg=plan_message(plan, module.check_mode, params['state']))
        if module._diff:
            result['diff'] = plan_diff(plan)
        module.exit_json(**result)


def find_current(module, client, family, api_type):
    """The monitor the task is about: by ``id`` when given, else by (API type, name)."""
    params = module.params
    if params['id']:
        current = get_monitor(client, params['id'])
        if current is None and params['state'] == 'present':
            raise InputError('id %s: no monitor with this id exists (omit id to create a monitor by name)' % params['id'])
        if current is not None and current.get('type', api_type) != api_type:
            raise InputError('id %s is a %s monitor, not %s: %s cannot change the type of a monitor'
                             % (params['id'], current.get('type'), api_type, family.module))
        return current
    index = MonitorIndex.load(client, family.types)
    for other in index.namesakes(family.types, params['name'], api_type):
        module.warn('%s also exists; a monitor cannot change its type in place: to move it, delete that one '
                    '(state=absent) and create this one' % monitor_label(other.get('type'), other.get('name'), other.get('id')))
    return index.find(api_type, params['name'])


# -- alertsite_monitor_info -------------------------------------------------------------------------------

def info_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'),
        name=dict(type='str'),
        type=dict(type='list', elements='str', choices=list(API_TYPES)),
    )
    return spec


def find_monitors(client, monitor_id=None, name=None, api_types=None):
    """Monitors matching every filter given: by id (one GET), else one paged listing filtered by type on
    the server and by name here."""
    if monitor_id:
        found = get_monitor(client, monitor_id)
        monitors = [found] if found else []
    else:
        params = {'type': ','.join(api_types)} if api_types else None
        monitors = client.get_all('/monitors', params=params)
    return [public_monitor(monitor) for monitor in monitors
            if (name is None or monitor.get('name') == name)
            and (not api_types or monitor.get('type') in api_types or monitor.get('type') is None)]


def run_info_module():
    """alertsite_monitor_info: read only, the same in check mode."""
    module = new_module(info_argument_spec())
    params = module.params
    problems = id_problems(params['id']) + connection_problems(params)
    if params['name'] is not None and not params['name'].strip():
        problems.insert(0, 'name must not be empty')
    if problems:
        module.fail_json(msg='; '.join(problems))
    client = AlertSiteClient.from_module(module)
    try:
        monitors = find_monitors(client, params['id'], params['name'], params['type'])
    except AlertSiteError as exc:
        module.fail_json(msg=str(exc))
    else:
        module.exit_json(changed=False, monitors=monitors,
                         msg='Found %d monitor%s' % (len(monitors), '' if len(monitors) == 1 else 's'))
