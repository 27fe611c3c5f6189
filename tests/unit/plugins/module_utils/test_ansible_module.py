# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.ansible_module import raw_type_problems, tolerant_spec
from ansible_collections.community.alertsite.plugins.module_utils.bulk import bulk_argument_spec
from ansible_collections.community.alertsite.plugins.module_utils.engine import id_problems
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import TCP
from ansible_collections.community.alertsite.plugins.module_utils.runners import resource_argument_spec


@pytest.mark.parametrize('raw, expected', [
    ({'name': {'first': 'web'}}, ['name must be a string, got a dictionary']),
    ({'hostname': ['a']}, ['hostname must be a string, got a list']),
    ({'note': True}, ['note must be a string, got a boolean']),
    ({'port': True}, ['port must be an integer, got a boolean']),
    ({'name': 'web', 'port': '443', 'enabled': 'yes'}, []),
    ({'name': None}, []),
])
def test_raw_values_that_ansible_would_silently_convert(raw, expected):
    assert raw_type_problems(resource_argument_spec(TCP), raw) == expected


def test_options_with_suboptions_that_are_no_mappings():
    # ansible-core's own validation raises a TypeError on these instead of failing with a message
    spec = bulk_argument_spec()
    assert raw_type_problems(spec, {'config': ['web', {'type': 'tcp', 'name': 'ok'}]}) == [
        'config[0] must be a dictionary, got str']
    assert raw_type_problems(spec, {'scope': 'payments'}) == ['scope must be a dictionary, got str']
    tolerant = tolerant_spec(spec, {'config': ['web'], 'scope': {'custom_properties': {'Team': 'x'}}})
    assert tolerant['config'] == {'type': 'raw', 'aliases': ['monitors']} and tolerant['scope'] == spec['scope']


def test_raw_values_inside_fleet_definitions_and_aliases():
    raw = {'monitors': [{'type': 'tcp', 'name': 'ok'}, {'type': 'tcp', 'name': ['x'], 'port': False}]}
    assert raw_type_problems(bulk_argument_spec(), raw) == [
        'config[1].name must be a string, got a list', 'config[1].port must be an integer, got a boolean']


def test_ids_are_digits():
    assert id_problems(None) == [] and id_problems('100001') == []
    assert id_problems('1/2') == ["id must be a monitor id (digits only), got '1/2'"]
