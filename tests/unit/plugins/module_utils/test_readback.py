# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fields that do not read back, and writes the API ignored or normalised (readback.py), alone and through the
engine."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from collections import OrderedDict

from ansible_collections.community.alertsite.plugins.module_utils.engine import Plan, apply_plan, plan_object
from ansible_collections.community.alertsite.plugins.module_utils.fields import Field
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import ROUNDTRIP, TCP
from ansible_collections.community.alertsite.plugins.module_utils.readback import (
    not_read_back,
    outcome_warnings,
    readback_warnings,
)
from ansible_collections.community.alertsite.plugins.module_utils.resource import ResourceKind

TCP_ON_API = {
    'id': 100001, 'type': 'tcp', 'name': 'web', 'billing_plancode': 'UBM - A/A', 'hostname': 'www.example.com',
    'port': 443, 'interval': 5, 'note': '', 'locations': [{'id': 10}], 'mode': 'Primary',
}
RT_ON_API = {
    'id': 100002, 'type': 'email-round-trip', 'name': 'rt', 'billing_plancode': 'UBM - A/A',
    'smtp_hostname': 'smtp.example.com', 'pop3_hostname': 'pop3.example.com', 'email': 'rt@example.com',
    'interval': 15, 'timeout': 300,
}
LABEL = "tcp monitor 'web' (id 100001)"


def update(kind, current, **wanted):
    return plan_object(kind, current['type'], OrderedDict(wanted), current)


# -- not_read_back -----------------------------------------------------------------------------------------

def test_a_wanted_field_the_object_does_not_hold_is_not_read_back():
    assert not_read_back(ROUNDTRIP, {'email_username': 'rt', 'interval': 15}, RT_ON_API) == ['email_username']


def test_unset_write_only_and_present_fields_are_not_counted():
    wanted = {'email_username': '', 'email_password': 'x', 'interval': 30}
    assert not_read_back(ROUNDTRIP, wanted, RT_ON_API) == []
    assert not_read_back(ROUNDTRIP, {'email_username': 'rt'}, None) == []


# -- readback_warnings after a write -----------------------------------------------------------------------

def written(kind, current, obj, **changes):
    plan = Plan(kind, current['type'], 'update', current=current, changes=OrderedDict(changes))
    return readback_warnings(kind, plan, plan.changes, obj)


def test_a_value_kept_as_sent_or_alike_gives_no_warning():
    assert written(TCP, TCP_ON_API, dict(TCP_ON_API, hostname='www.example.com', port='443'),
                   hostname='WWW.EXAMPLE.COM', port=443) == []


def test_a_defaulted_value_names_the_field_both_values_and_what_to_set():
    assert written(TCP, TCP_ON_API, dict(TCP_ON_API, interval=5), interval=7) == [
        'interval: the API did not keep the value sent to ' + LABEL + ': sent 7, it holds 5; set interval to 5 so that '
        'later runs do not change it again']


def test_a_trimmed_string_is_reported_with_both_spellings():
    assert written(TCP, TCP_ON_API, dict(TCP_ON_API, billing_plancode='UBM-A/A'), billing_plancode='UBM - A/A') == [
        'billing_plancode: the API did not keep the value sent to ' + LABEL + ': sent "UBM - A/A", it holds "UBM-A/A"; '
        'set billing_plancode to "UBM-A/A" so that later runs do not change it again']


def test_an_ignored_value_that_leaves_the_field_unset_says_to_remove_it():
    assert written(TCP, TCP_ON_API, dict(TCP_ON_API, note=None), note='on call') == [
        'note: the API did not keep the value sent to ' + LABEL + ': sent "on call", it holds no value; remove note '
        'from the task so that later runs do not send it again']


def test_a_list_that_did_not_take_is_shown_as_a_list():
    assert written(TCP, TCP_ON_API, dict(TCP_ON_API, locations=[{'id': 10}]), locations=[10, 20]) == [
        'locations: the API did not keep the value sent to ' + LABEL + ': sent [10, 20], it holds [10]; set locations '
        'to [10] so that later runs do not change it again']


def test_a_sent_field_of_a_kind_without_write_only_fields_is_not_sent_again():
    obj = dict(TCP_ON_API)
    del obj['note']
    plan = Plan(TCP, 'tcp', 'create', values={'name': 'web'}, changes=OrderedDict(name='web', note='on call'))
    assert readback_warnings(TCP, plan, plan.changes, obj) == [
        "note: it was sent, but the API does not return it, so it cannot be compared with what " + LABEL + " holds; "
        "later runs send it again only when a monitor is created"]


def test_a_sent_field_that_does_not_come_back_is_write_only_from_then_on():
    obj = dict(RT_ON_API)
    plan = Plan(ROUNDTRIP, 'email-round-trip', 'create', values={'name': 'rt'},
                changes=OrderedDict(name='rt', email_username='rt', email_password='pw', note=''))
    assert readback_warnings(ROUNDTRIP, plan, plan.changes, obj) == [
        "email_username: it was sent, but the API does not return it, so it cannot be compared with what "
        "email-round-trip monitor 'rt' (id 100002) holds; later runs send it again only with update_password=always"]


def test_secret_values_are_never_shown():
    kind = ResourceKind('recipient', 'alertsite_recipient', [Field('name'), Field('token', secret=True)], '/recipients',
                        '/recipients/{id}')
    current = {'id': 7, 'name': 'ops', 'token': 'masked'}
    plan = Plan(kind, None, 'update', current=current, changes=OrderedDict(token='s3cr3t-value'))
    warnings = readback_warnings(kind, plan, plan.changes, dict(current, token='other-value'))
    assert warnings == ["token: the API did not keep the value sent to recipient 'ops' (id 7)"]
    assert 's3cr3t-value' not in str(warnings) and 'other-value' not in str(warnings)


def test_outcome_warnings_compare_only_writes_that_were_carried_out(fake_client):
    plan = update(TCP, TCP_ON_API, name='web', interval=7)
    client, session = fake_client((200, {'id': '100001'}), (200, dict(TCP_ON_API, interval=5)))
    outcome = apply_plan(client, plan)
    assert session.writes() == [('PATCH', '/monitors/tcp/100001')]
    assert outcome_warnings(outcome) == [
        'interval: the API did not keep the value sent to ' + LABEL + ': sent 7, it holds 5; set interval to 5 so that '
        'later runs do not change it again']
    # check mode predicts the object: nothing was written, so nothing is compared
    assert outcome_warnings(apply_plan(client, plan, check_mode=True), check_mode=True) == []
    assert len(session.requests) == 2
