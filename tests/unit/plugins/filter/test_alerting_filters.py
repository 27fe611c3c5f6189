# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The filters of the role alerting: alerting_definitions (the definitions split and checked in one pass),
alerting_deletions (what is deleted after the groups) and alerting_references over several lists."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.community.alertsite.plugins.filter.alerting_definitions import alerting_definitions
from ansible_collections.community.alertsite.plugins.filter.alerting_deletions import alerting_deletions
from ansible_collections.community.alertsite.plugins.filter.alerting_references import alerting_references

OPTIONS = {'recipients': ['id', 'name', 'state', 'method', 'recipient', 'recipient_password', 'update_password'],
           'recipient_groups': ['id', 'name', 'state', 'is_default', 'monitors', 'recipients'],
           'blackouts': ['state', 'type', 'monitors', 'note', 'start_day']}
MAIL = {'name': 'mail', 'method': 'email_html', 'recipient': 'a@example.com'}
HOOK = {'name': 'hook', 'method': 'web_post_json', 'recipient': 'https://h.example.com', 'recipient_password': 'pw',
        'update_password': 'always'}


def split(recipients=(), groups=(), blackouts=(), prune=None, update_password='on_create'):
    return alerting_definitions(list(recipients), recipient_groups=list(groups), blackouts=list(blackouts), prune=prune,
                                update_password=update_password, options=OPTIONS)


def test_definitions_are_split_by_state_without_state_and_update_password():
    recipients = [MAIL, dict(HOOK, state='present'), {'name': 'old', 'state': 'absent'},
                  dict(HOOK, name='hook2', state='absent')]
    groups = [{'name': 'web', 'recipients': [{'name': 'mail'}]}, {'name': 'legacy', 'state': 'absent'}]
    blackouts = [{'type': 'Alert', 'note': 'a'}, {'type': 'Alert', 'note': 'b', 'state': 'absent'}]
    result = split(recipients, groups, blackouts)
    assert result['problems'] == []
    hook = dict((key, value) for key, value in HOOK.items() if key != 'update_password')
    assert result['recipients'] == [MAIL, hook]
    assert result['recipients_always'] == [hook]
    assert result['recipients_absent'] == [{'name': 'old'}, dict(hook, name='hook2')]
    assert result['recipient_groups'] == [groups[0]] and result['recipient_groups_absent'] == [{'name': 'legacy'}]
    assert result['blackouts'] == [blackouts[0]] and result['blackouts_absent'] == [{'type': 'Alert', 'note': 'b'}]
    assert result['prune'] == {'recipients': [], 'monitors': [], 'recipient_groups': [], 'blackouts': []}
    assert HOOK['update_password'] == 'always' and recipients[1]['state'] == 'present'  # the input is left as it is


def test_the_prune_patterns_and_whether_one_takes_the_whole_kind():
    result = split(prune={'recipients': ['shop-'], 'monitors': ['.*'], 'blackouts': ['']})
    assert result['prune'] == {'recipients': ['shop-'], 'monitors': ['.*'], 'recipient_groups': [], 'blackouts': ['']}
    assert result['prune_whole'] == {'recipients': False, 'monitors': True, 'recipient_groups': False, 'blackouts': True}


@pytest.mark.parametrize('args, problem', [
    (dict(recipients=[MAIL, dict(MAIL, recipient='b@example.com')]),
     "alertsite_recipients[0] and alertsite_recipients[1] have the same name 'mail'"),
    (dict(groups=[{'name': 'a', 'is_default': True}, {'name': 'b', 'is_default': True}]),
     "at most one recipient group can be the default (the API keeps one), got 'a', 'b'"),
    (dict(update_password='never'), "alertsite_alerting_update_password must be on_create or always, got 'never'"),
    (dict(recipients=[dict(MAIL, colour='red', size=1)]), 'alertsite_recipients: unknown options colour, size'),
    (dict(blackouts=[{'type': 'Alert', 'weekday': 1}]), 'alertsite_blackouts: unknown options weekday'),
    (dict(groups=[{'name': 'a', 'state': 'gone'}]), "alertsite_recipient_groups[0]: state must be present or absent, got 'gone'"),
    (dict(prune={'recipient': ['x']}), 'alertsite_alerting_prune names only recipients, monitors, recipient_groups, '
                                       'blackouts, not recipient'),
    (dict(prune={'monitors': 'shop-'}), 'alertsite_alerting_prune.monitors must be a list of regular expressions'),
    (dict(prune={'monitors': ['shop-(']}), "alertsite_alerting_prune.monitors: 'shop-(' is no regular expression"),
    (dict(recipients=['mail']), 'alertsite_recipients must be a list of dictionaries'),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_problems_are_reported_not_raised(args, problem):
    problems = split(**args)['problems']
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_deletions_are_the_pruned_objects_outside_the_definitions_and_the_absent_ones():
    definitions = split(recipients=[MAIL, {'name': 'gone', 'state': 'absent'}, {'id': 7, 'state': 'absent'}],
                        groups=[{'name': 'legacy', 'state': 'absent'}],
                        prune={'recipients': ['shop-', 'old'], 'monitors': ['.*']})
    outside = [{'name': 'shop-pager', 'id': '3'}, {'name': 'ops-mail', 'id': '4'}, {'name': 'gone', 'id': '5'},
               {'name': 'shop-seven', 'id': '7'}, {'name': 'older', 'id': '8'}, {'name': 'x-old', 'id': '9'}]
    monitors = [{'type': 'tcp', 'name': 'ftp', 'id': '100'}]
    groups = [{'name': 'shop-x', 'id': '400'}]
    result = alerting_deletions(definitions, recipients=outside, monitors=monitors, recipient_groups=groups)
    # the absent definitions first; an object one of them deletes is not pruned again; patterns match at the start
    assert result['recipients'] == {
        'config': [{'name': 'gone'}, {'id': 7}, {'id': '3', 'name': 'shop-pager'}, {'id': '8', 'name': 'older'}],
        'pruned': ['3', '8']}
    assert result['monitors'] == {'config': [{'id': '100', 'name': 'ftp', 'type': 'tcp'}], 'pruned': ['100']}
    # groups are not pruned: only the absent one is deleted
    assert result['recipient_groups'] == {'config': [{'name': 'legacy'}], 'pruned': []}
    assert result['any'] is True


def test_no_deletion_when_nothing_is_pruned_or_absent():
    result = alerting_deletions(split(recipients=[MAIL]), recipients=[{'name': 'shop-pager', 'id': '3'}])
    assert all(result[kind] == {'config': [], 'pruned': []} for kind in ('recipients', 'monitors', 'recipient_groups'))
    assert result['any'] is False
    # a blackout marked absent is something to delete
    assert alerting_deletions(split(blackouts=[{'type': 'Alert', 'note': 'a', 'state': 'absent'}]))['any'] is True
    with pytest.raises(AnsibleFilterError):
        alerting_deletions([])


def test_references_of_several_lists_from_one_reading_of_the_results():
    lists = {'recipient_groups': [{'name': 'web', 'monitors': [{'name': 'db', 'type': 'tcp'}], 'recipients': [{'name': 'mail'}]}],
             'blackouts': [{'type': 'Alert', 'monitors': [{'name': 'db', 'type': 'tcp'}]}], 'blackouts_absent': []}
    monitors = [{'type': 'tcp', 'name': 'db', 'id': '1', 'action': 'none'}]
    recipients = [{'name': 'mail', 'id': '14', 'action': 'none'}]
    rewritten = alerting_references(lists, monitors=monitors, recipients=recipients)
    assert rewritten == {'recipient_groups': [{'name': 'web', 'monitors': [{'id': 1}], 'recipients': [{'id': 14}]}],
                         'blackouts': [{'type': 'Alert', 'monitors': [{'id': 1}]}], 'blackouts_absent': []}
    assert rewritten['recipient_groups'] == alerting_references(lists['recipient_groups'], monitors=monitors,
                                                                recipients=recipients)
    with pytest.raises(AnsibleFilterError):
        alerting_references({'blackouts': 'web'})


def test_without_secrets_the_recipients_keep_no_password():
    result = alerting_definitions([HOOK, dict(HOOK, name='gone', state='absent')], secrets=False, options=OPTIONS)
    assert 'recipient_password' not in result['recipients'][0] and result['recipients'][0]['name'] == 'hook'
    assert 'recipient_password' not in result['recipients_always'][0]
    assert result['recipients_absent'] == [{'name': 'gone', 'method': 'web_post_json', 'recipient': 'https://h.example.com'}]
    assert alerting_definitions([HOOK])['recipients'][0]['recipient_password'] == 'pw'


def test_strict_fails_with_every_problem_and_no_secret():
    with pytest.raises(AnsibleFilterError) as caught:
        alerting_definitions([HOOK, HOOK], recipient_groups=[{'name': 'a', 'colour': 'red'}], strict=True, options=OPTIONS)
    message = str(caught.value)
    assert message.startswith('The alerting setup is refused before any request: alertsite_recipients[0] and '
                              "alertsite_recipients[1] have the same name 'hook'")
    assert 'alertsite_recipient_groups: unknown options colour' in message and 'pw' not in message
    assert alerting_definitions([HOOK], strict=True)['problems'] == []
