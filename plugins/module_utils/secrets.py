# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one owner of secrets: a field declared ``secret`` (:class:`.fields.Field`) never leaves a module.

- :func:`public_object` - an object fit to return (results, info modules): secrets removed, also from the
  objects it lists;
- :func:`masked` - values fit to show (diffs, ``commands``): secrets replaced by a mask;
- :func:`shown` - one value as a message shows it: never a secret's;
- :func:`secret_values` - the secrets an object from the user holds, for Ansible to mask wherever it shows the
  task (``running_config`` of ``alertsite_monitors``).

What is secret is read from the kind's declaration alone (for "any monitor", every monitor kind's secrets:
see :data:`.monitor_kinds.ANY_MONITOR`).

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible_collections.community.alertsite.plugins.module_utils.fields import SECRET_MASK


def secret_keys(kind):
    """The keys under which ``kind``'s secrets travel: each secret field's option name and API name."""
    keys = set()
    for field in kind.secret_fields:
        keys.update((field.name, field.api_name))
    return keys


def public_object(kind, obj):
    """An object of ``kind`` fit to return: its secret fields removed, and those of the objects it lists (a recipient
    group's recipients: the kind a reference field refers to); ``{}`` for no object."""
    if not obj:
        return {}
    secrets = secret_keys(kind)
    members = dict((field.api_name, field.target) for field in kind.fields
                   if getattr(field, 'target', None) is not None and holds_secret(field.target, obj.get(field.api_name)))
    inner = [field for field in inner_secret_fields(kind) if obj.get(field.api_name) is not None]
    if not secrets.intersection(obj) and not members and not inner:
        return obj  # nothing to remove: no copy (a bulk task returns thousands)
    public = dict((key, value) for key, value in obj.items() if key not in secrets)
    for key, target in members.items():
        public[key] = [public_object(target, item) if isinstance(item, dict) else item for item in public[key]]
    for field in inner:
        public[field.api_name] = field.public_value(public[field.api_name])
    return public


def inner_secret_fields(kind):
    """The fields of ``kind`` whose values hold secrets inside them (an API step's password): each has
    ``public_value``, ``masked_value`` and ``secret_values_in``."""
    return [field for field in kind.fields if getattr(field, 'secret_values_in', None) is not None]


def holds_secret(kind, items):
    """Whether a list of objects of ``kind`` holds a secret field of it."""
    secrets = secret_keys(kind)
    return isinstance(items, list) and any(isinstance(item, dict) and secrets.intersection(item) for item in items)


def masked(kind, values):
    """``values`` (by option name or by API name) with every secret that is set shown as a mask; a secret the API
    never returns stays None (unknown)."""
    secrets = secret_keys(kind)
    inner = dict((key, field) for field in inner_secret_fields(kind) for key in (field.name, field.api_name))
    return dict((key, SECRET_MASK if key in secrets and value is not None else
                 inner[key].masked_value(value) if key in inner else value) for key, value in values.items())


def shown(field, value):
    """A value as a message shows it: JSON, never a secret's."""
    if field.secret:
        return 'a secret value'
    if getattr(field, 'public_value', None) is not None:  # a value with secrets inside (steps with passwords)
        value = field.public_value(value)
    return json.dumps(value, sort_keys=True, default=str)


def secret_values(kind, obj):
    """The values of ``kind``'s secret fields that ``obj`` holds, as text (what Ansible's ``no_log`` masks); none
    when ``obj`` is no mapping (input refused later, with a message)."""
    if not isinstance(obj, dict):
        return set()
    secrets = secret_keys(kind)
    found = set(value if isinstance(value, str) else json.dumps(value) for key, value in obj.items()
                if key in secrets and value not in (None, '', []))
    for field in inner_secret_fields(kind):
        found.update(field.secret_values_in(obj.get(field.api_name)))
    return found
