# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Values compared the way the API evidently treats them, names without surrounding white space, and the modes
that need two locations."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.alertsite.plugins.module_utils.engine import input_problems, wanted_values
from ansible_collections.community.alertsite.plugins.module_utils.fields import (
    Field,
    LocationsField,
    email_key,
    host_key,
    no_surrounding_space,
    trailing_space_key,
    url_key,
)
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import (
    EMAIL,
    MONITOR_KINDS,
    ROUNDTRIP,
    TCP,
    WEBSITE,
    mode_needs_locations,
)


def same(kind, name, user, api):
    field = kind.by_name[name]
    return field.same(field.from_user(user), field.normalise(api))


@pytest.mark.parametrize('user, api', [('', None), ('', ''), (None, ''), (None, None)])
def test_empty_null_and_absent_strings_are_all_unset(user, api):
    assert Field('note').same(user, api)


def test_a_set_string_differs_from_unset():
    assert not Field('note').same('x', None)
    assert not Field('note').same('x', '')


def test_plain_strings_keep_case_and_space():
    field = Field('billing_plancode')
    assert not field.same('UBM - A/A', 'ubm - a/a')
    assert not field.same('UBM - A/A', 'UBM - A/A ')


@pytest.mark.parametrize('user, api', [
    ('WWW.Example.COM', 'www.example.com'),
    ('www.example.com', 'WWW.EXAMPLE.COM'),
])
def test_host_names_compare_in_any_case(user, api):
    for kind in (TCP, EMAIL):
        assert same(kind, 'hostname', user, api)


def test_host_names_still_differ_by_more_than_case():
    assert not same(TCP, 'hostname', 'www.example.com', 'www.example.org')


def test_round_trip_hosts_and_email_domain_compare_in_any_case():
    assert same(ROUNDTRIP, 'smtp_hostname', 'smtps://SMTP.Example.com:465', 'smtps://smtp.example.com:465')
    assert same(ROUNDTRIP, 'pop3_hostname', 'POP3S://mail.example.com', 'pop3s://MAIL.example.com')
    assert same(ROUNDTRIP, 'email', 'Monitor@Example.COM', 'Monitor@example.com')
    # the part before @ may be case-sensitive
    assert not same(ROUNDTRIP, 'email', 'Monitor@example.com', 'monitor@example.com')


def test_urls_compare_scheme_and_host_in_any_case_but_not_the_path():
    assert same(WEBSITE, 'url', 'HTTPS://WWW.Example.com:8443/Status', 'https://www.example.com:8443/Status')
    assert not same(WEBSITE, 'url', 'https://www.example.com/Status', 'https://www.example.com/status')


@pytest.mark.parametrize('name', ['note', 'alert_note'])
def test_notes_compare_without_trailing_space(name):
    assert same(TCP, name, 'on call: ops  \n', 'on call: ops')
    assert same(TCP, name, '   ', None)
    assert not same(TCP, name, '  on call', 'on call')


def test_ids_and_numbers_compare_as_numbers_whatever_their_form():
    assert same(TCP, 'port', 443, '443')
    assert same(TCP, 'home_location', 10, '10')
    assert same(TCP, 'interval', None, '')
    locations = LocationsField()
    assert locations.same(locations.from_user([20, 10]), locations.normalise([{'id': '10', 'name': 'x'}, {'id': 20}]))


def test_comparison_forms():
    assert host_key('Mail.Example.COM') == 'mail.example.com'
    assert url_key('HTTP://Host.Example:80/A/b?Q=1') == 'http://host.example:80/A/b?Q=1'
    assert url_key('no scheme') == 'no scheme'
    assert email_key('A.B@Example.COM') == 'A.B@example.com'
    assert email_key('no at sign') == 'no at sign'
    assert trailing_space_key('a b \t\n') == 'a b'


# -- names ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize('name', [' web', 'web ', '\tweb', 'web\n'])
def test_names_with_surrounding_space_are_refused_for_every_kind(name):
    for kind in MONITOR_KINDS:
        problems = input_problems(kind, wanted_values(kind, {'name': name}))
        assert problems == ['name must not start or end with white space, got %r' % name]


def test_names_with_inner_space_are_fine():
    assert no_surrounding_space('web front 443') is None
    assert input_problems(TCP, wanted_values(TCP, {'name': 'web front 443'})) == []


# -- modes that need two locations ------------------------------------------------------------------------------

@pytest.mark.parametrize('mode', ['Round Robin', 'SLA', 'round robin'])
def test_multi_location_modes_need_two_locations(mode):
    problems = input_problems(TCP, wanted_values(TCP, {'name': 'web', 'mode': mode, 'locations': [10]}))
    assert problems == ['mode %s needs at least two locations, and locations has 1' % mode]


@pytest.mark.parametrize('values', [
    {'mode': 'Round Robin', 'locations': [10, 20]},
    {'mode': 'SLA'},               # locations unknown: the API judges (or the engine, with the stored ones)
    {'locations': [10]},
    {'mode': 'Primary', 'locations': [10]},
    {'mode': 'Global Verify', 'locations': [10]},
])
def test_other_combinations_pass(values):
    assert mode_needs_locations(values) is None


def test_the_mode_check_names_its_fields_for_the_engine():
    assert mode_needs_locations.fields == ('mode', 'locations')
    assert all(mode_needs_locations in kind.checks for kind in MONITOR_KINDS)
