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
RECIPIENT_IN_GROUP = 'recipient-in-group'
TEST_ID_KEY = 'test-id-key'
TEST_ENVELOPE = 'test-envelope'
TEST_NUMERIC_ID = 'test-numeric-id'
TEST_OPAQUE_ID = 'test-opaque-id'
TEST_URL_ONLY = 'test-url-only'
SITESTATUS_OBJ_DEVICE = 'sitestatus-obj-device'
SITESTATUS_NAME_ONLY = 'sitestatus-name-only'
SITESTATUS_PER_LOCATION = 'sitestatus-per-location'
SITESTATUS_INT_STATUS = 'sitestatus-int-status'
SITESTATUS_ISO_DATES = 'sitestatus-iso-dates'
SLA_FILTER_OBJECT = 'sla-filter-object'
SLA_FILTER_404 = 'sla-filter-404'
SLA_NO_FULLPAGE = 'sla-no-fullpage'

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
    RECIPIENT_IN_GROUP: 'DELETE /recipients/{id} of a recipient that a recipient group still names is refused with 409 '
                        '(instead of taking it out of its groups)',
    TEST_ID_KEY: 'GET /tests answers {"test_id": ...} instead of {"id": ...}',
    TEST_ENVELOPE: 'GET /tests answers a list envelope {"metadata", "results": [{"id": ...}]}',
    TEST_NUMERIC_ID: 'GET /tests gives the test id as a JSON number',
    TEST_OPAQUE_ID: 'test ids hold characters that must be URL-quoted in GET /tests/{id} ("tod:700001/a+b")',
    TEST_URL_ONLY: 'GET /tests answers only {"result_url": ...}, without a test id',
    SITESTATUS_OBJ_DEVICE: 'site-status rows name the monitor id obj_device, not monitor_id',
    SITESTATUS_NAME_ONLY: 'site-status rows carry no monitor id, only device_name',
    SITESTATUS_PER_LOCATION: 'site-status rows are one per monitor and location',
    SITESTATUS_INT_STATUS: 'site-status last_status is a JSON number, not a string',
    SITESTATUS_ISO_DATES: 'site-status dt_last_status is written YYYY-MM-DDTHH:MM:SS',
    SLA_FILTER_OBJECT: 'GET /slas?monitor_id=ID answers the monitor\'s SLA as a bare object, 404 when it has none',
    SLA_FILTER_404: 'GET /slas?monitor_id=ID answers 404 when the monitor has no SLA (the list envelope otherwise)',
    SLA_NO_FULLPAGE: 'no monitor is a full-page one: an SLA never shows use_fullpage_time (it is accepted and dropped)',
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
