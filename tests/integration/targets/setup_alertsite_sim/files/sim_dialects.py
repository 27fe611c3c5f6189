# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dialects of the AlertSite API simulator: readings of what the API reference leaves unknown.

By default the simulator answers as the reference reads most naturally. Each dialect switches one unknown
to another plausible reading, so a test can prove the collection copes with it. They are chosen with
``--dialect NAME`` (repeatable) or at run time through ``/_sim/dialects``.
"""

COUNT_IS_PAGE = 'count-is-page'
IGNORE_PAGING = 'ignore-paging'
IGNORE_OFFSET = 'ignore-offset'
REJECT_PAGING = 'reject-paging'
BARE_LIST = 'bare-list'
NO_TYPE = 'no-type'
NUMBERS_AS_STRINGS = 'numbers-as-strings'
NO_EMAIL_USERNAME = 'no-email-username'
LENIENT_FIELDS = 'lenient-fields'
RECIPIENT_TYPE = 'recipient-type'

DIALECTS = {
    COUNT_IS_PAGE: 'every list: metadata.resultset.count is the size of this page, not the total',
    IGNORE_PAGING: 'every list: limit and offset are ignored, everything comes in one reply',
    IGNORE_OFFSET: 'every list: limit is honoured, offset ignored (always the first page)',
    REJECT_PAGING: 'every list: limit and offset are refused with 400 naming the parameter in fields',
    BARE_LIST: 'every list is a bare JSON list of results, without the metadata envelope',
    NO_TYPE: 'the items of GET /monitors carry no type key',
    NUMBERS_AS_STRINGS: 'every integer of a monitor (ids and nested ones included) is returned as a string, '
                        'unset numbers as ""',
    NO_EMAIL_USERNAME: 'GET never returns the email_username of a monitor',
    LENIENT_FIELDS: 'unknown fields in a write (any kind) are silently ignored (200) instead of refused',
    RECIPIENT_TYPE: 'GET shows the type of a recipient blackout as "Recipient" (the vendor\'s one-time GET example), '
                    'not "Notifier" as it was written',
}


def check_dialects(names):
    """Return the set of dialect names, or raise ValueError naming the unknown ones."""
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValueError('dialects must be a list of names')
    unknown = sorted(set(names) - set(DIALECTS))
    if unknown:
        raise ValueError('unknown dialect %s (known: %s)' % (', '.join(unknown), ', '.join(sorted(DIALECTS))))
    return set(names)


def numbers_as_strings(value, number_fields):
    """``value`` with every integer (not booleans) turned into its string, and None in ``number_fields`` into ""."""
    if isinstance(value, dict):
        return dict((key, '' if item is None and key in number_fields else numbers_as_strings(item, number_fields))
                    for key, item in value.items())
    if isinstance(value, list):
        return [numbers_as_strings(item, number_fields) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
