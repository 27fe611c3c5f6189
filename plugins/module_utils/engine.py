# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The resource engine: find, compare, plan, apply, diff and describe, for every kind of AlertSite object.

Everything here works from a :class:`.resource.ResourceKind` declaration; nothing names a kind, a field or an
API type. The steps, each a function of its own:

- :func:`wanted_values` - the options the user set, normalised (only these are ever compared);
- :func:`input_problems` - what is wrong with them, found before any request;
- :func:`resolve_values` - references to other objects by name turned into ids (read only);
- :class:`.resource.Index` - the existing objects of a listing, found by their identity;
- :func:`plan_object` - create, update (only the differing fields), delete, or nothing: a :class:`Plan`;
- :func:`apply_plan` - carry the plan out (or, in check mode, predict the result) and read back: an
  :class:`Outcome`;
- :func:`plan_diff`, :func:`plan_command` and :func:`plan_message` - what changed, for ``--diff``, for
  ``commands`` and for ``msg``.

A plan is a value: nothing changes it after planning. A create whose values depend on the moment it is sent
(a blackout window that starts "now") gives its :class:`Plan` a ``refresh`` function: :func:`create_object`
calls it before every POST attempt (a first attempt, and each retry after a 429, a 5xx or a refused
connection), sends what it returns in place of the planned values, and the :class:`Outcome` carries the values
of the POST that went through (``changes``). How long a retry waits is the client's rule
(:meth:`.client.AlertSiteClient.wait_to_retry`); which retries are safe for a create is the engine's.

The module runners (:mod:`.runners`, :mod:`.bulk`) string them together.
Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteError
from ansible_collections.community.alertsite.plugins.module_utils.readback import not_read_back
from ansible_collections.community.alertsite.plugins.module_utils.resource import Index, InputError
from ansible_collections.community.alertsite.plugins.module_utils.secrets import masked, public_object

__all__ = ['Plan', 'Outcome', 'FailedOutcome', 'wanted_values', 'input_problems', 'resolve_values', 'id_problems', 'clean_id',
           'current_values', 'public_object', 'get_object', 'plan_object', 'apply_plan', 'plan_diff',
           'plan_command', 'plan_message']


# -- the user's side -----------------------------------------------------------------------------------

def wanted_values(kind, params):
    """The options the user set (not None), normalised, in declaration order."""
    return dict((field.name, field.from_user(params[field.name]))
                for field in kind.fields if params.get(field.name) is not None)


def input_problems(kind, values):
    """Every problem with ``values`` that can be seen without asking the API."""
    problems = [kind.by_name[name].problem(value) for name, value in values.items()]
    problems.extend(check(values) for check in kind.checks)
    return [problem for problem in problems if problem]


def resolve_values(client, kind, values):
    """``values`` with every reference to other objects by name turned into an id, by the fields that hold
    such references (one listing per field that names objects; no request when nothing is named). Unknown or
    ambiguous names raise :class:`InputError`."""
    return dict((name, kind.by_name[name].resolve(client, value)) for name, value in values.items())


def clean_id(object_id):
    """An id as the user gave it, without surrounding spaces (None stays None)."""
    return object_id.strip() if isinstance(object_id, str) else object_id


def id_problems(object_id, noun='monitor'):
    """An id is a number of ASCII digits (surrounding spaces aside); anything else would change the request's
    path."""
    value = clean_id(object_id)
    if value is not None and not (value.isascii() and value.isdigit()):
        return ['id must be a %s id (digits only), got %r' % (noun, object_id)]
    return []


# -- the API's side ------------------------------------------------------------------------------------

def current_values(kind, obj):
    """The API's object in the same normalised form as :func:`wanted_values` (write-only fields left out)."""
    return dict((field.name, field.normalise(obj.get(field.api_name)))
                for field in kind.fields if not field.write_only and field.api_name in obj)


def get_object(client, kind, object_id, missing_ok=True):
    """The object with that id; None when the API does not know it and ``missing_ok``."""
    path = kind.path_of(object_id)
    try:
        obj = client.get(path, params=kind.read_params or None)
    except AlertSiteError as exc:
        if exc.status == 404 and missing_ok:
            return None
        raise
    if not isinstance(obj, dict) or not obj:
        raise AlertSiteError('GET %s: the reply is not a %s: %.200r' % (path, kind.noun, obj), 'GET', path)
    return kind.read(obj)


# -- planning ------------------------------------------------------------------------------------------

class Plan(object):
    """What to do with one object.

    :ivar action: ``create``, ``update``, ``delete`` or ``none``.
    :ivar current: the object as the API holds it, or None.
    :ivar changes: the normalised values to send, by option name: all wanted ones on create, the differing
        ones on update.
    :ivar before: normalised current values of the keys in ``changes`` (everything on delete).
    :ivar values: the values that name the object in messages (the API's for an existing object, else the
        user's).
    :ivar error: why the object could not be planned (an :class:`InputError`; the action is then ``none``), or
        None.
    :ivar refresh: for a create, None or a function() -> values computed at send time, which replace the planned
        ones in the body of every POST attempt (a window that starts "now" gets the dates of the moment it is
        sent; see :func:`create_object`). The plan itself never changes.
    """

    def __init__(self, kind, api_type, action, values=None, current=None, changes=None, before=None, error=None,
                 refresh=None):
        self.kind = kind
        self.error = error
        self.refresh = refresh
        self.api_type = api_type
        self.action = action
        self.current = current
        self.changes = changes or dict()
        self.before = before or dict()
        # an existing object is named as the API holds it (computed when a message needs it: a bulk task plans
        # thousands of objects that need no message); a new one as the user names it
        self._values = None if current else dict(values or {})
        # ids compare as strings: the API writes "123" and reads 123
        self.object_id = str(current['id']) if current and current.get('id') is not None else None

    @property
    def changed(self):
        return self.action != 'none'

    @property
    def values(self):
        if self._values is None:
            self._values = current_values(self.kind, self.current)
        return self._values

    @property
    def name(self):
        key = self.kind.identity[0]
        if self._values is None:
            field = self.kind.by_name[key]
            return field.normalise(self.current.get(field.api_name))
        return self._values.get(key)

    @property
    def label(self):
        return self.label_for(self.object_id)

    def label_for(self, object_id):
        """How messages name the object, with the id it has (after a create, its new id)."""
        return self.kind.label(self.api_type, self.values, object_id or self.object_id)

    def payload(self, changes=None):
        """The request body: the fields to send (``changes``, by default the planned ones) in the API's form,
        under the API's names."""
        return dict((self.kind.by_name[name].api_name, self.kind.by_name[name].to_api(value))
                    for name, value in (self.changes if changes is None else changes).items())

    def changes_now(self):
        """The values to send at this moment: the planned ones, with what ``refresh`` computes now."""
        return self.changes if self.refresh is None else dict(self.changes, **self.refresh())

    def write(self, object_id=None, changes=None):
        """``(method, path, body)`` of the write this plan makes (``changes``: the values actually sent), or
        None. A description, not an HTTP call (:meth:`.client.AlertSiteClient.request` makes those)."""
        object_id = object_id or self.object_id
        if self.action == 'create':
            return 'POST', self.kind.create_path_for(self.api_type), self.payload(changes)
        if self.action == 'update':
            return 'PATCH', self.kind.update_path_for(self.api_type, object_id), self.payload(changes)
        if self.action == 'delete':
            return 'DELETE', self.kind.path_of(object_id), None
        return None


def plan_object(kind, api_type, wanted, current, state='present', update_password='on_create'):
    """Decide what brings ``current`` (the API's object or None) to ``wanted``.

    Only the options in ``wanted`` are compared. Write-only fields are sent on create, and to an existing
    object only when ``update_password`` is ``always``.
    """
    if state == 'absent':
        if current is None:
            return Plan(kind, api_type, 'none', wanted)
        return Plan(kind, api_type, 'delete', wanted, current, before=current_values(kind, current))
    if current is None:
        missing = [field.name for field in kind.required_fields if field.name not in wanted]
        if missing:
            raise InputError('missing required options to create %s: %s'
                             % (kind.label(api_type, wanted), ', '.join(missing)))
        problems = create_problems(kind, wanted)
        if problems:
            raise InputError('; '.join(problems))
        return Plan(kind, api_type, 'create', wanted, changes=wanted)
    have = current_values(kind, current)
    unreadable = not_read_back(kind, wanted, current)  # cannot be compared: handled like write-only fields
    changes = dict()
    for key, value in wanted.items():
        if kind.by_name[key].write_only or key in unreadable:
            if update_password == 'always':
                changes[key] = value
        elif not kind.by_name[key].same(have.get(key), value) or forced_write(kind.by_name[key], value, update_password):
            changes[key] = sent_to_existing(kind.by_name[key], value, update_password, current)
    # the checks also see the values that cannot be compared, whether they are sent or not
    problems = cross_field_problems(kind, have, dict(changes, **dict((key, wanted[key]) for key in unreadable)))
    if problems:
        raise InputError('; '.join(problems) + ' (with the values %s already has)'
                         % kind.label(api_type, have, current.get('id')))
    before = dict((key, have.get(key)) for key in changes)
    plan = Plan(kind, api_type, 'update' if changes else 'none', wanted, current, changes=changes, before=before)
    plan.unreadable = unreadable
    return plan


def forced_write(field, value, update_password):
    """Whether a value part of which is write-only (a field with ``write_only_part``: an API step's password) is
    sent although the rest is the same: with ``update_password=always``, when it holds such a part."""
    return update_password == 'always' and getattr(field, 'write_only_part', False) and field.holds_write_only(value)


def sent_to_existing(field, value, update_password, current=None):
    """The value sent to an existing object: without its write-only part unless ``update_password=always``; a
    field with ``sent_with`` completes it from what the object holds (a monitor's other custom properties)."""
    if getattr(field, 'write_only_part', False) and update_password != 'always':
        return field.without_write_only(value)
    if getattr(field, 'sent_with', None) is not None and current is not None:
        return field.sent_with(current.get(field.api_name), value)
    return value


def cross_field_problems(kind, have, changes):
    """The kind's cross-field checks over what the object would hold after ``changes``, for the checks whose
    fields the changes touch: stored values that break a rule do not block a task that leaves them alone.
    A check declares the fields it reads as its ``fields`` attribute (without it, it always runs)."""
    merged = dict(have)
    merged.update(changes)
    problems = []
    for check in kind.checks:
        fields = getattr(check, 'fields', None)
        if fields is not None and not any(name in changes for name in fields):
            continue
        problem = check(merged)
        if problem:
            problems.append(problem)
    return problems


def create_problems(kind, wanted):
    """What stops a create: the kind's create checks, and its checks over the values the new object would get
    (the user's, and the API's defaults for those the user leaves out)."""
    defaults = dict((key, value) for key, value in kind.create_defaults.items() if key not in wanted)
    merged = dict(defaults)
    merged.update(wanted)
    checks = list(kind.create_checks) + (list(kind.checks) if defaults else [])
    problems = [problem for problem in (check(merged) for check in checks) if problem]
    if problems and defaults:
        problems[-1] += (' (a new %s gets %s from the API when it is not set)'
                         % (kind.noun, ', '.join('%s=%s' % item for item in defaults.items())))
    return problems


# -- applying ------------------------------------------------------------------------------------------

class Outcome(object):
    """What became of a plan: the object as the API holds it afterwards (None once deleted), its id, the write
    sent (or, in check mode, that would be sent) and the values it carried (``changes``: the plan's, or those
    its ``refresh`` computed for the POST that went through)."""

    def __init__(self, plan, obj, object_id=None, sent=None, changes=None):
        self.plan = plan
        self.object = obj
        self.object_id = object_id if object_id is not None else plan.object_id
        self.sent = sent
        self.changes = plan.changes if changes is None else changes


class FailedOutcome(object):
    """The outcome of a plan whose write failed (``error``), or that was not tried (``skipped``, the reason): the
    object stays as it was."""

    def __init__(self, plan, error=None, skipped=None):
        self.plan = plan
        self.object = plan.current
        self.object_id = plan.object_id
        self.sent = None
        self.changes = plan.changes
        self.error = error
        self.skipped = skipped


def apply_plan(client, plan, check_mode=False, read_back=True):
    """Carry out ``plan`` and return its :class:`Outcome`.

    In check mode nothing is written and the predicted object is returned. After a create or an update the
    object is read back (unless ``read_back`` is false), so the result shows the API's own values and
    defaults.
    """
    if plan.action == 'none':
        return Outcome(plan, plan.current)
    if check_mode:
        return Outcome(plan, predicted_object(plan), sent=plan.write())
    if plan.action == 'delete':
        try:
            client.delete(plan.kind.path_of(plan.object_id))
        except AlertSiteError as exc:
            if exc.status != 404:  # already gone: what we wanted
                raise
        return Outcome(plan, None, sent=plan.write())
    if plan.action == 'create':
        object_id, changes = create_object(client, plan)
    else:
        object_id, changes = plan.object_id, plan.changes
        client.patch(plan.kind.update_path_for(plan.api_type, object_id), plan.payload())
    obj = get_object(client, plan.kind, object_id, missing_ok=False) if read_back else None
    return Outcome(plan, obj, object_id, sent=plan.write(object_id, changes), changes=changes)


def create_object(client, plan):
    """POST a new object; return ``(id, values sent)``. The one owner of a create's retries: at most
    ``api_retries + 1`` POSTs. How long each retry waits is the client's rule
    (:meth:`.client.AlertSiteClient.wait_to_retry`: after a 429, every thread of the task waits).

    The body is built again for every attempt from :meth:`Plan.changes_now`, so a plan whose ``refresh`` computes
    values at send time (a window that starts "now") sends values of the moment of each attempt.

    - Turned away (429) or never sent (no connection): posted again after the wait.
    - Refused by the API (4xx): fails at once.
    - A 5xx reply (it may have created the object): looked up after the wait; adopted when it is there, else
      posted again.
    - No reply although the request may have reached the API (a read timeout, a connection dropped after
      sending): never posted again in this task. It is looked up with backoff a bounded number of times and
      adopted when it appears; otherwise the task fails, saying that the create may still complete and that a
      rerun will converge.
    """
    path = plan.kind.create_path_for(plan.api_type)
    attempts = max(1, client.retries + 1)
    for attempt in range(1, attempts + 1):
        changes = plan.changes_now()
        try:
            reply = client.post(path, plan.payload(changes), retries=0)
        except AlertSiteError as exc:
            failed_at = time.monotonic()
            turned_away = exc.status == 429 or not exc.sent  # surely not carried out
            refused = exc.status is not None and exc.status < 500 and not turned_away
            if refused or turned_away and attempt == attempts:
                raise
            if exc.status is None and not turned_away:  # no reply, and the request may have arrived
                return adopt_created(client, plan, changes, exc, attempts), changes
            client.wait_to_retry(attempt, exc.status, exc.retry_after)
            created = None if turned_away else find_created(client, plan, changes, failed_at)
            if created is not None:
                return created, changes
            if attempt == attempts:
                raise AlertSiteError('%s; looked again and %s does not exist, so nothing was created'
                                     % (exc, plan.kind.label(plan.api_type, plan.values)),
                                     exc.method, exc.path, exc.status, exc.messages)
            continue
        object_id = reply.get('id') if isinstance(reply, dict) else None
        if object_id in (None, ''):
            raise AlertSiteError('POST %s: the reply holds no %s id' % (path, plan.kind.noun), 'POST', path)
        return str(object_id), changes


def find_created(client, plan, changes, since):
    """The id of the object ``plan`` created with ``changes`` (the values of that POST), when a listing begun after
    ``since`` (``time.monotonic()``) shows it, else None. The listing is read as planning reads it (the kind's
    :meth:`.resource.ResourceKind.read` form), only until the object turns up, and shared by the creates of other
    threads that failed before it began."""
    types = [plan.api_type] if plan.api_type else None
    index = Index.load(client, plan.kind, types, looking_for=(plan.api_type, changes), since=since)
    created = index.find(plan.kind, plan.api_type, changes)
    return None if created is None else str(created.get('id'))


def adopt_created(client, plan, changes, exc, lookups):
    """After a reply-less POST: look for the object up to ``lookups`` times with backoff; never POST again."""
    for attempt in range(1, lookups + 1):
        if attempt > 1:
            client.wait_to_retry(attempt - 1)
        created = find_created(client, plan, changes, time.monotonic())
        if created is not None:
            return created
    raise AlertSiteError('%s; %s was not found after %d looks, but the API may still be creating it: do not create '
                         'it by hand; rerun the task, which adopts it once it exists (or creates it if it never does)'
                         % (exc, plan.kind.label(plan.api_type, plan.values), lookups),
                         exc.method, exc.path, exc.status, exc.messages, uncertain=True)


def predicted_object(plan):
    """The object as it would be after ``plan``, for check mode (secrets left out)."""
    if plan.action == 'delete':
        return None
    obj = dict(plan.current) if plan.current else ({'type': plan.api_type} if plan.api_type else {})
    obj.update(plan.payload())
    return public_object(plan.kind, obj)


# -- reporting -----------------------------------------------------------------------------------------

def plan_diff(plan, object_id=None):
    """``before``/``after`` of the changed keys only, secrets masked, for Ansible's ``--diff``."""
    header = plan.label_for(object_id)
    if plan.action == 'create':
        before, after = {}, masked(plan.kind, plan.changes)
    elif plan.action == 'delete':
        before, after = masked(plan.kind, plan.before), {}
    else:
        before, after = masked(plan.kind, plan.before), masked(plan.kind, plan.changes)
    return dict(before=before, after=after, before_header=header, after_header=header)


def plan_command(plan, object_id=None):
    """The write of ``plan`` as ``{method, path, body}`` with secrets masked, or None when it writes nothing."""
    write = plan.write(object_id)
    if write is None:
        return None
    method, path, body = write
    command = dict(method=method, path=path)
    if body is not None:
        command['body'] = masked(plan.kind, body)
    return command


def plan_message(plan, check_mode=False, state='present', object_id=None):
    """One readable sentence about what was (or, in check mode, would be) done."""
    label = plan.label_for(object_id)
    if plan.action == 'none':
        if state == 'absent':
            return 'No %s exists: nothing to delete' % label
        return '%s is up to date' % label
    verbs = {'create': ('Created', 'Would create'), 'update': ('Updated', 'Would update'),
             'delete': ('Deleted', 'Would delete')}
    message = '%s %s' % (verbs[plan.action][1 if check_mode else 0], label)
    if plan.action == 'update':
        message += ': %s' % ', '.join(plan.changes)
    notes = plan.kind.notes(plan, check_mode) if plan.kind.notes else []
    return message + ''.join('; %s' % note for note in notes)
