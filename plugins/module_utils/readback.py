# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the API holds after a write, against what was sent: fields that do not read back, and writes the API
ignored or normalised.

The API reference leaves open whether every field reads back as it was written. Two cases matter:

- a field the API never returns (perhaps ``email_username``) cannot be compared: :func:`not_read_back` names
  such fields so that the engine treats them like write-only ones (sent on create; sent to an existing object
  only with ``update_password=always``) instead of reporting a change on every run;
- a field that reads back other than it was sent (ignored, trimmed, re-cased, defaulted): the read-back is the
  truth. :func:`readback_warnings` names the field, the value sent and the value kept, and which value to set
  so that reruns are unchanged. It never repeats the write.

Differences the API evidently does not care about (case of host names, ``""`` against null) are no difference
at all: :meth:`.fields.Field.same` compares them away before a plan is made.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.alertsite.plugins.module_utils.secrets import shown


def not_read_back(kind, wanted, current):
    """The options in ``wanted`` (normalised user values) that ``current`` (the API's object) does not hold at
    all, so that they cannot be compared. Write-only options are left out (they are never compared anyway), and
    so are options the user wants unset: an absent field is unset too."""
    if not current:
        return []
    return [name for name, value in wanted.items()
            if not kind.by_name[name].write_only and kind.by_name[name].api_name not in current
            and kind.by_name[name].comparable(value) is not None]


def read_by_id(client, kind, wanted, current):
    """``current`` as ``GET`` by id shows it, when it lacks options in ``wanted``: a listing may show fewer
    fields than a read by id, and only a field that read does not return either is taken as not read back.
    ``current`` itself (no request) when it holds them all, or is None."""
    if not current or current.get('id') is None or not not_read_back(kind, wanted, current):
        return current
    obj = client.get(kind.path_of(current['id']), params=kind.read_params or None)
    if not isinstance(obj, dict) or not obj:
        return current
    if 'type' in current and 'type' not in obj:
        obj = dict(obj, type=current['type'])
    return obj


def not_sent_hint(kind):
    """How a user sends an option that is not compared to an existing object."""
    if kind.write_only_fields:
        return 'set update_password=always to send it'
    return 'it is sent only when the %s is created' % kind.noun


def readback_warnings(kind, plan, sent, obj):
    """Warnings about what the API holds after ``plan``.

    :param plan: the :class:`.engine.Plan` carried out; its ``unreadable`` attribute names the options that
        were not compared because the API's object does not hold them.
    :param sent: the options written (normalised values by option name), or None when nothing was written
        (no change, check mode, a failed write).
    :param obj: the object as the API holds it afterwards (read back), or None.
    :returns: sentences naming the option, the object and, where it is no secret, the values.
    """
    label = plan.label_for(str(obj['id']) if obj and obj.get('id') is not None else None)
    unreadable = list(getattr(plan, 'unreadable', None) or [])
    warnings = []
    for name in unreadable:
        warning = '%s: the API does not return it, so it cannot be compared with what %s holds' % (name, label)
        if name in plan.changes:
            warnings.append(warning + '; it was sent because update_password=always')
        else:
            warnings.append(warning + ', and it was not sent; ' + not_sent_hint(kind))
    if not sent or not obj:
        return warnings
    for name, value in sent.items():
        field = kind.by_name[name]
        if field.write_only or name in unreadable:
            continue
        if field.api_name not in obj:
            if field.comparable(value) is not None:
                warnings.append('%s: it was sent, but the API does not return it, so it cannot be compared with what %s '
                                'holds; later runs send it again only %s' % (name, label, 'with update_password=always'
                                                                             if kind.write_only_fields else
                                                                             'when a %s is created' % kind.noun))
            continue
        kept = field.normalise(obj.get(field.api_name))
        if getattr(field, 'readback_notes', None) is not None:  # parts of a value the API may drop (step keys)
            warnings.extend(field.readback_notes(value, kept, label))
        if field.same(value, kept):
            continue
        warning = '%s: the API did not keep the value sent to %s' % (name, label)
        if field.secret:
            warnings.append(warning)
        elif field.comparable(kept) is None:
            warnings.append('%s: sent %s, it holds no value; remove %s from the task so that later runs do not send it '
                            'again' % (warning, shown(field, value), name))
        else:
            warnings.append('%s: sent %s, it holds %s; set %s to %s so that later runs do not change it again'
                            % (warning, shown(field, value), shown(field, kept), name, shown(field, kept)))
    return warnings


def outcome_warnings(outcome, check_mode=False):
    """:func:`readback_warnings` of an :class:`.engine.Outcome` (a write that was carried out, or none)."""
    plan = outcome.plan
    written = outcome.sent is not None and not check_mode and plan.action in ('create', 'update')
    return readback_warnings(plan.kind, plan, outcome.changes if written else None, outcome.object if written else None)
