# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""No secret comes back: every info module (by listing and by id) and ``alertsite_monitors`` with
``state=gathered`` run over API objects that carry every secret field of every kind they return, and no secret
key or value is in the result.

The kinds are found in the declaration files (every :class:`.resource.ResourceKind` of a ``*_kinds.py``), so a
new kind with a secret field fails :func:`test_every_kind_with_a_secret_is_covered` until a module that returns
it is in :data:`MODULES`.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import glob
import importlib
import json
import os

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITOR_KINDS
from ansible_collections.community.alertsite.plugins.module_utils.resource import ResourceKind
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT, RECIPIENT_GROUP
from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import BLACKOUT
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, page, run_module

AUTH = {'api_url': 'https://alertsite.test/api/v3', 'access_token': 't0k3n'}
MODULE_UTILS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'plugins', 'module_utils')
PACKAGE = 'ansible_collections.community.alertsite.plugins.module_utils.'


def declared_kinds():
    """Every kind declared in a ``*_kinds.py`` file."""
    kinds = []
    for path in sorted(glob.glob(os.path.join(MODULE_UTILS, '*_kinds.py'))):
        module = importlib.import_module(PACKAGE + os.path.basename(path)[:-3])
        kinds.extend(value for value in vars(module).values() if isinstance(value, ResourceKind) and value not in kinds)
    return kinds


def secret_value(field):
    return 'S3cret-of-%s' % field.api_name


def api_object(kind, api_type, object_id, kinds):
    """An object of ``kind`` as the API might list it, carrying every secret field of ``kinds``."""
    obj = {'id': object_id, 'name': 'obj-%d' % object_id}
    if api_type:
        obj['type'] = api_type
    if kind is BLACKOUT:
        obj.update(assoc_id=100001, persistent=True, start_day=1, start_time='02:00', end_day=1, end_time='04:00')
    for other in kinds:
        obj.update((field.api_name, secret_value(field)) for field in other.secret_fields)
    return obj


def objects_of(kinds):
    """One object of every API type of ``kinds`` (one object for a kind without types)."""
    objects = []
    for kind in kinds:
        for api_type in kind.types or [None]:
            objects.append(api_object(kind, api_type, 900001 + len(objects), kinds))
    return objects


# module, the kinds its result holds, the key of the list in its result, extra options
MODULES = [
    ('alertsite_monitor_info', MONITOR_KINDS, 'monitors', {}),
    ('alertsite_recipient_info', (RECIPIENT,), 'recipients', {}),
    ('alertsite_recipient_group_info', (RECIPIENT_GROUP,), 'recipient_groups', {}),
    ('alertsite_blackout_info', (BLACKOUT,), 'blackouts', {}),
    ('alertsite_monitors', MONITOR_KINDS, 'gathered', {'state': 'gathered'}),
]


def secrets_of(kinds):
    """The secret fields' option and API names, and their values."""
    keys, values = set(), set()
    for kind in kinds:
        for field in kind.secret_fields:
            keys.update((field.name, field.api_name))
            values.add(secret_value(field))
    return keys, values


def main_of(module):
    return importlib.import_module('ansible_collections.community.alertsite.plugins.modules.%s' % module).main


def assert_no_secret(result, kinds):
    keys, values = secrets_of(kinds)
    text = json.dumps(result)
    assert [value for value in values if value in text] == []
    for items in (value for value in result.values() if isinstance(value, list)):
        for item in items:
            assert sorted(keys.intersection(item)) == []


def test_every_kind_with_a_secret_is_covered():
    covered = set(kind for dummy, kinds, dummy_key, dummy_args in MODULES for kind in kinds)
    with_secrets = [kind.module for kind in declared_kinds() if kind.secret_fields and kind not in covered
                    and not set(field.name for field in kind.secret_fields) <= secrets_of(covered)[0]]
    assert with_secrets == []
    # the test has secrets to look for: the mailbox password of round-trip monitors, the recipients' password
    assert {'email_password', 'password'} <= secrets_of(covered)[0]


@pytest.mark.parametrize('module, kinds, key, extra', MODULES, ids=[row[0] + '-' + row[3].get('state', 'list') for row in MODULES])
def test_a_listing_returns_no_secret(capsys, module, kinds, key, extra):
    objects = objects_of(kinds)
    if module == 'alertsite_recipient_group_info':
        # the group's members as the API lists them, carrying the recipient's secret too
        for obj in objects:
            obj['recipients'] = [api_object(RECIPIENT, None, 200001, (RECIPIENT,))]
        kinds = kinds + (RECIPIENT,)
    result, failed = run_module(main_of(module), dict(AUTH, **extra), FakeSession(page(objects)), capsys)
    assert not failed, result
    assert len(result[key]) == len(objects)
    assert_no_secret(result, kinds)


@pytest.mark.parametrize('module, kinds, key', [row[:3] for row in MODULES if not row[3]])
def test_one_by_id_returns_no_secret(capsys, module, kinds, key):
    for obj in objects_of(kinds):
        session = FakeSession((200, obj))
        result, failed = run_module(main_of(module), dict(AUTH, id=str(obj['id'])), session, capsys)
        assert not failed and len(result[key]) == 1
        assert_no_secret(result, kinds)
