# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The read-only contract check: how the AlertSite API of one account answers, as shapes without values.

The vendor's pages leave open how ``GET /monitors`` pages, whether numbers come back as strings and whether
every field reads back. The collection copes with every plausible reading; this check tells which one an
account has. It logs in (or uses the given token), then only sends GET requests, and reports:

- for every list endpoint of a kind the collection manages (``/monitors``, ``/recipients``, ``/notifier-groups``,
  ``/blackouts``, ``/properties``, ``/slas``): what paging does with ``limit=2`` and ``offset=0``/``offset=2``, and without paging, read
  with the client's own helpers (the reading the modules depend on), and which type names the listing uses
  (the known ones only: a blackout's ``Recipient`` is read as ``Notifier``);
- the keys and JSON types of the token reply, of the list envelope and of one object of each type (as listed,
  and as ``GET <path>/{id}`` shows it; listed with ``limit=1``, or without paging where the API refuses it);
- which fields of the collection's declarations are absent from the replies, or of another JSON type;
- the shape of the site-status report, and with ``ALERTSITE_CONTRACT_RUN_TEST`` (a monitor id) those of a test on
  demand's start and progress replies (:mod:`.contract_tests`).

It never writes, and never shows a value: no secret, id, name, address or API message (only keys, JSON types,
counts and HTTP statuses). It is run by the playbook ``community.alertsite.contract_check`` through
``playbooks/files/contract_check.py``.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re
import textwrap
from collections import OrderedDict, namedtuple

from ansible_collections.community.alertsite.plugins.module_utils.blackout_kinds import BLACKOUT, READ_ALIASES
from ansible_collections.community.alertsite.plugins.module_utils.client import (
    DEFAULT_API_URL,
    HAS_REQUESTS,
    AlertSiteClient,
    AlertSiteError,
    _item_key,
    _list_page,
    _refuses_paging,
)
from ansible_collections.community.alertsite.plugins.module_utils.connection import api_url_of, api_url_problems, token_of
from ansible_collections.community.alertsite.plugins.module_utils.contract_tests import report_live, run_test_problem
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import KIND_OF_TYPE
from ansible_collections.community.alertsite.plugins.module_utils.property_kinds import PROPERTY
from ansible_collections.community.alertsite.plugins.module_utils.routing_kinds import RECIPIENT, RECIPIENT_GROUP
from ansible_collections.community.alertsite.plugins.module_utils.sla_kinds import SLA
from ansible_collections.community.alertsite.plugins.module_utils.version import COLLECTION_VERSION

JSON_TYPES = {'str': 'string', 'int': 'integer', 'bool': 'boolean', 'list': 'array'}
KEY = re.compile(r'^[A-Za-z_][A-Za-z0-9_]{0,63}$')
WIDTH = 116
PAGING_LIMIT = 2

# One list endpoint the check reads: its path, what it lists (``noun``), ``kinds`` {API type: kind} (the type None
# for objects without a type) and ``aliases`` {a type name the API may read back: the type it means}.
Endpoint = namedtuple('Endpoint', 'path noun kinds aliases')


def managed_endpoints():
    """The list endpoints of every kind the collection manages."""
    return [
        Endpoint('/monitors', 'monitor', dict(KIND_OF_TYPE), {}),
        Endpoint(RECIPIENT.list_path, RECIPIENT.noun, {None: RECIPIENT}, {}),
        Endpoint(RECIPIENT_GROUP.list_path, RECIPIENT_GROUP.noun, {None: RECIPIENT_GROUP}, {}),
        Endpoint(BLACKOUT.list_path, BLACKOUT.noun, dict((api_type, BLACKOUT) for api_type in BLACKOUT.types), READ_ALIASES),
        Endpoint(PROPERTY.list_path, PROPERTY.noun, {None: PROPERTY}, {}),
        Endpoint(SLA.list_path, SLA.noun, {None: SLA}, {}),
    ]


# -- shapes ----------------------------------------------------------------------------------------------------

def json_type(value):
    """The JSON type of a value, with the two kinds of string that tell a reading apart: empty, and digits."""
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'boolean'
    if isinstance(value, int):
        return 'integer'
    if isinstance(value, float):
        return 'number'
    if isinstance(value, str):
        if value == '':
            return 'empty string'
        if value.isascii() and value.isdigit():
            return 'string of digits'
        return 'string'
    if isinstance(value, list):
        return 'array'
    if isinstance(value, dict):
        return 'object'
    return 'other'


def key_text(key):
    """A key as the report shows it; a key that does not look like a field name (it might be a value) is
    hidden."""
    return key if isinstance(key, str) and KEY.match(key) else '(other key)'


def shape(value, depth=0):
    """The shape of a JSON value: types and keys, never values."""
    if isinstance(value, dict):
        if not value:
            return 'empty object'
        if depth >= 3:
            return 'object of %d key%s' % (len(value), '' if len(value) == 1 else 's')
        fields = ['%s: %s' % (key_text(key), shape(value[key], depth + 1)) for key in sorted(value, key=str)]
        return 'object {%s}' % ', '.join(fields)
    if isinstance(value, list):
        if not value:
            return 'empty array'
        if all(isinstance(item, dict) for item in value):
            merged = OrderedDict()
            for item in value:
                for key in sorted(item, key=str):
                    merged.setdefault(key, set()).add(shape(item[key], depth + 2))
            if depth >= 3 or not merged:
                return 'array of %d objects' % len(value)
            return 'array of %d objects {%s}' % (len(value), ', '.join(
                '%s: %s' % (key_text(key), '|'.join(sorted(types))) for key, types in merged.items()))
        return 'array of %d %s' % (len(value), '|'.join(sorted(set(json_type(item) for item in value))))
    return json_type(value)


def field_types(obj):
    """``key: JSON type`` of each top-level key of an object, sorted; nested values as their shape."""
    return ['%s: %s' % (key_text(key), shape(obj[key], 1)) for key in sorted(obj, key=str)]


def declared_json_type(field):
    return JSON_TYPES.get(field.kind, field.kind)


def type_mismatch(field, value):
    """How a value the API returned differs from its field's declared JSON type, or None (null is unset)."""
    found = json_type(value)
    expected = declared_json_type(field)
    if found == 'null' or found == expected or (expected == 'string' and found in ('empty string', 'string of digits')):
        return None
    return '%s: %s (declared %s)' % (field.api_name, found, expected)


# -- the report ---------------------------------------------------------------------------------------------------

class Report(object):
    """Lines of text, wrapped, with an indent per level."""

    def __init__(self):
        self.lines = []

    def add(self, text, level=0):
        indent = '  ' * level
        self.lines.extend(textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + '    ',
                                        break_on_hyphens=False) or [indent])

    def items(self, title, items, level=1):
        self.add('%s: %s' % (title, ', '.join(items) if items else '(none)'), level)


def failure(exc):
    """What a failed request shows: its HTTP status, or that it got no reply; never the API's text, which may
    quote values, nor the server's address."""
    if exc.status is not None:
        return 'HTTP %d%s' % (exc.status, ' naming limit/offset' if _refuses_paging(exc) else '')
    return 'no reply (connection, TLS or timeout failure)'


def list_page(path, reply):
    """``(results, count, envelope)`` of a list reply, read as the client reads it (its ``_list_page``: the
    count a number or None); results None when the client would not read it as a list."""
    try:
        results, count = _list_page(path, reply)
    except AlertSiteError:
        return None, None, shape(reply)
    if isinstance(reply, list):
        return results, count, 'a bare JSON list (no envelope)'
    envelope = shape(dict((key, value) for key, value in reply.items() if key != 'results'))
    if envelope.startswith('object {'):
        return results, count, 'object {%s, results: array}' % envelope[len('object {'):-1]
    return results, count, 'object {results: array}'


def ids_of(results):
    """The items of a page as the client tells them apart (by id, or whole without one)."""
    return set(_item_key(item) for item in results)


def count_text(count):
    return 'no count' if count is None else 'count %d' % count


def plural(endpoint):
    """What the objects of an endpoint are called, several of them (its kind's plural: custom properties)."""
    return next(iter(endpoint.kinds.values())).plural


def heading(text):
    """``text`` with its first letter upper case (SLAs stays SLAs)."""
    return text[:1].upper() + text[1:]


class ContractCheck(object):
    """One run of the check with a client; :meth:`run` returns the report's lines."""

    def __init__(self, client, endpoints=None, run_test=None):
        """:param endpoints: the list endpoints to check; by default every managed kind's, and then the account's
            live state (:func:`.contract_tests.report_live`).
        :param run_test: a monitor id to run one test on demand of (the shapes of its replies), or None."""
        self.client = client
        self.run_test = run_test
        self.live = endpoints is None
        self.endpoints = endpoints if endpoints is not None else managed_endpoints()
        self.report = Report()
        self.logged_in = False

    def run(self):
        report = self.report
        report.add('AlertSite API contract check by community.alertsite %s: read only (GET requests after the login); '
                   'it shows keys, JSON types, counts and HTTP statuses, never a value' % COLLECTION_VERSION)
        if not self.login():
            return report.lines
        for endpoint in self.endpoints:
            self.paging(endpoint)
            self.objects(endpoint)
        if self.live:
            report_live(self.client, report, self.run_test, shape, failure)
        report.add('End of the report. Add it to a bug report as it is: it holds no secret, id, name or address.')
        return report.lines

    # -- steps ------------------------------------------------------------------------------------------------------

    def login(self):
        report = self.report
        client = self.client
        if client.token:
            report.add('Login: not made, an access token was given (ALERTSITE_ACCESS_TOKEN)')
            self.logged_in = True
            return True
        try:
            # the whole reply of the login, which the client itself keeps nothing of but the token
            reply = client._send('POST', '/access-tokens',  # pylint: disable=protected-access
                                 json={'username': client.username, 'password': client.password},
                                 authenticated=False, retry_post=True)
        except AlertSiteError as exc:
            report.add('Login: POST /access-tokens failed: %s; nothing else was checked' % failure(exc))
            return False
        report.add('Login: POST /access-tokens answered %s' % shape(reply))
        token = reply.get('access_token') if isinstance(reply, dict) else None
        if not isinstance(token, str) or not token:
            report.add('The reply holds no access_token string: nothing else can be checked', 1)
            return False
        client.token = token
        self.logged_in = True
        return True

    def listing(self, path, params):
        """``(results, count, envelope, problem)`` of one GET of a list endpoint."""
        try:
            reply = self.client.get(path, params=params)
        except AlertSiteError as exc:
            return None, None, None, failure(exc)
        results, count, envelope = list_page(path, reply)
        if results is None:
            return None, None, envelope, 'not a list: %s' % envelope
        return results, count, envelope, None

    def paging(self, endpoint):
        report = self.report
        path = endpoint.path
        first, count, envelope, problem = self.listing(path, {'limit': PAGING_LIMIT, 'offset': 0})
        report.add('Listing: GET %s?limit=%d&offset=0 -> %s' % (path, PAGING_LIMIT, problem or envelope))
        second, second_count, dummy, second_problem = self.listing(path, {'limit': PAGING_LIMIT, 'offset': PAGING_LIMIT})
        whole, whole_count, whole_envelope, whole_problem = self.listing(path, None)
        report.add('Paging of GET %s:' % path)
        if problem:
            report.add('limit=%d&offset=0: %s' % (PAGING_LIMIT, problem), 1)
        else:
            report.add('limit=%d&offset=0: %d results, %s' % (PAGING_LIMIT, len(first), count_text(count)), 1)
        if second_problem:
            report.add('limit=%d&offset=%d: %s' % (PAGING_LIMIT, PAGING_LIMIT, second_problem), 1)
        else:
            repeated = len(ids_of(second) & ids_of(first or []))
            report.add('limit=%d&offset=%d: %d results, %s, %d of them also on the first page'
                       % (PAGING_LIMIT, PAGING_LIMIT, len(second), count_text(second_count), repeated), 1)
        if whole_problem:
            report.add('without limit and offset: %s' % whole_problem, 1)
        else:
            report.add('without limit and offset: %d results, %s%s'
                       % (len(whole), count_text(whole_count),
                          '' if whole_envelope == envelope or problem else '; envelope %s' % whole_envelope), 1)
        for line in self.paging_reading(endpoint, first, count, second, whole, whole_count, problem, second_problem):
            report.add(line, 1)
        self.listed_items(endpoint, (whole or []) + (first or []))

    def listed_items(self, endpoint, sample):
        """What the listed items carry: a type (and which known type names), and ids of which JSON type."""
        if not sample:
            return
        report = self.report
        if None not in endpoint.kinds:
            typed = [item.get('type') for item in sample if 'type' in item]
            report.add('Listed items carry type: %s' % ('yes' if len(typed) == len(sample) else 'no' if not typed else 'some'), 1)
            if typed:
                report.items('Listed type names', sorted(set(self.type_name(endpoint, value) for value in typed)), 1)
        report.add('Listed ids are: %s' % '|'.join(sorted(set(json_type(item.get('id')) for item in sample))), 1)

    @staticmethod
    def type_name(endpoint, value):
        """A type name as the report shows it: a known one (an alias with what it reads as), else hidden."""
        if value in endpoint.aliases:
            return '%s (read as %s)' % (value, endpoint.aliases[value])
        return value if value in endpoint.kinds else '(other name)'

    @staticmethod
    def paging_reading(endpoint, first, count, second, whole, whole_count, problem, second_problem):
        """Sentences saying which reading of paging the replies fit."""
        if problem or second_problem:
            if whole is not None:
                return ['Reading: the API refuses limit/offset (or one of them); without them it answers %d results'
                        % len(whole)]
            return ['Reading: listing fails']
        total = len(whole) if whole is not None else None
        if total is not None and total <= PAGING_LIMIT and len(first) == total:
            return ['Reading: the account has %d %s, too few to judge paging (%d or more needed)'
                    % (total, plural(endpoint), PAGING_LIMIT + 1)]
        lines = ['limit: ignored (%d results for limit=%d)' % (len(first), PAGING_LIMIT) if len(first) > PAGING_LIMIT
                 else 'limit: honoured']
        if second and ids_of(second) == ids_of(first):
            lines.append('offset: ignored (offset=%d repeats the first page)' % PAGING_LIMIT)
        elif second and ids_of(second) & ids_of(first):
            lines.append('offset: overlapping pages')
        else:
            lines.append('offset: honoured')
        if count is None:
            lines.append('count: absent')
        elif count > len(first):
            lines.append('count: the total (larger than its page)')
        elif count == len(first):
            lines.append('count: equals its page (the size of the page, or a total that fits one page)')
        else:
            lines.append('count: smaller than its page')
        if whole is not None and whole_count is not None and total is not None:
            lines.append('without paging: %s' % ('every %s in one reply' % endpoint.noun if whole_count <= total
                                                 else 'one page of a larger total'))
        return ['Reading: ' + '; '.join(lines)]

    def objects(self, endpoint):
        item_path = next(iter(endpoint.kinds.values())).item_path
        if None in endpoint.kinds:
            self.report.add('%s: one of them (GET %s?limit=1, then GET %s):'
                            % (heading(plural(endpoint)), endpoint.path, item_path))
        else:
            self.report.add('%s: one of each type the collection manages (GET %s?type=TYPE&limit=1, then GET %s):'
                            % (heading(plural(endpoint)), endpoint.path, item_path))
        for api_type in sorted(endpoint.kinds, key=str):
            self.one_object(endpoint, api_type, endpoint.kinds[api_type])

    def one_object(self, endpoint, api_type, kind):
        """Report one listed object of ``api_type`` (None: of the endpoint) as listed and as read by id."""
        report = self.report
        label = api_type or endpoint.noun
        params = {'limit': 1} if api_type is None else {kind.type_filter: api_type, 'limit': 1}
        listed, dummy, dummy, problem = self.listing(endpoint.path, params)
        if problem and 'naming limit/offset' in problem:  # paging refused: the whole list instead
            params.pop('limit')
            listed, dummy, dummy, problem = self.listing(endpoint.path, params or None)
        if problem:
            report.add('%s: listing failed: %s' % (label, problem), 1)
            return
        if not listed:
            report.add('%s: the account has none' % label, 1)
            return
        item = listed[0]
        item_id = item.get('id')
        if item_id is None or isinstance(item_id, (dict, list)):
            report.add('%s: the listed item has no id; listed item %s' % (label, ', '.join(field_types(item))), 1)
            return
        try:
            obj = self.client.get(kind.item_path.format(id=item_id))
        except AlertSiteError as exc:
            report.add('%s: GET %s failed: %s' % (label, kind.item_path, failure(exc)), 1)
            return
        if not isinstance(obj, dict):
            report.add('%s: GET %s answered %s' % (label, kind.item_path, shape(obj)), 1)
            return
        report.add('%s:' % label, 1)
        if item.get('type') in endpoint.aliases or obj.get('type') in endpoint.aliases:
            report.add('type: written %s' % self.type_name(endpoint, obj.get('type', item.get('type'))), 2)
        report.items('GET %s' % kind.item_path, field_types(obj), 2)
        self.compare(kind, item, obj)

    def compare(self, kind, item, obj):
        """The listed item against the object read by id, and both against the kind's declared fields."""
        report = self.report
        only_listed = sorted(key_text(key) for key in item if key not in obj)
        only_read = sorted(key_text(key) for key in obj if key not in item)
        retyped = sorted(key_text(key) for key in item if key in obj and shape(item[key], 1) != shape(obj[key], 1))
        if only_listed or only_read or retyped:
            report.items('keys only in the listed item', only_listed, 2)
            report.items('keys the listed item lacks', only_read, 2)
            report.items('keys of another JSON type in the listed item', retyped, 2)
        else:
            report.add('the listed item has the same keys and JSON types', 2)
        fields = [field for field in kind.fields if not field.write_only]
        report.items('declared fields absent from GET', sorted(field.api_name for field in fields if field.api_name not in obj), 2)
        report.items('declared fields absent from the listed item',
                     sorted(field.api_name for field in fields if field.api_name not in item), 2)
        report.items('declared fields of another JSON type',
                     sorted(mismatch for mismatch in (type_mismatch(field, obj[field.api_name]) for field in fields
                                                      if field.api_name in obj and field.kind in JSON_TYPES) if mismatch), 2)
        write_only = [field.api_name for field in kind.fields if field.write_only]
        if write_only:
            report.items('write-only fields returned by GET (values not shown)',
                         [name for name in write_only if name in obj], 2)


# -- running it from the environment ------------------------------------------------------------------------------

def environment_problems(environ):
    """What keeps the check from running, from the ALERTSITE_* variables; no value is quoted."""
    problems = []
    login = environ.get('ALERTSITE_USERNAME') and environ.get('ALERTSITE_PASSWORD')
    if not environ.get('ALERTSITE_ACCESS_TOKEN') and not login:
        problems.append('set ALERTSITE_USERNAME and ALERTSITE_PASSWORD (or ALERTSITE_ACCESS_TOKEN) in the environment')
    # the modules' own check of api_url, without quoting the URL
    problems.extend(api_url_problems(environ.get('ALERTSITE_API_URL') or DEFAULT_API_URL, 'ALERTSITE_API_URL', quote=False))
    for name in ('ALERTSITE_API_TIMEOUT', 'ALERTSITE_API_RETRIES'):
        value = environ.get(name)
        if value and not (value.isascii() and value.isdigit()):
            problems.append('%s must be a whole number' % name)
    if environ.get('ALERTSITE_VALIDATE_CERTS', 'true').lower() not in ('1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'):
        problems.append('ALERTSITE_VALIDATE_CERTS must be true or false')
    if run_test_problem(environ.get('ALERTSITE_CONTRACT_RUN_TEST')):
        problems.append(run_test_problem(environ.get('ALERTSITE_CONTRACT_RUN_TEST')))
    if not HAS_REQUESTS:
        problems.append('the Python library requests is needed')
    return problems


def client_from_environment(environ, session=None):
    """The client the modules would make from the same ALERTSITE_* variables."""
    return AlertSiteClient(api_url=api_url_of({'api_url': environ.get('ALERTSITE_API_URL')}),
                           username=environ.get('ALERTSITE_USERNAME') or None,
                           password=environ.get('ALERTSITE_PASSWORD') or None,
                           access_token=token_of({'access_token': environ.get('ALERTSITE_ACCESS_TOKEN')}) or None,
                           validate_certs=environ.get('ALERTSITE_VALIDATE_CERTS', 'true').lower() in ('1', 'true', 'yes', 'on'),
                           ca_path=environ.get('ALERTSITE_CA_PATH') or None,
                           timeout=int(environ.get('ALERTSITE_API_TIMEOUT') or 30),
                           retries=int(environ.get('ALERTSITE_API_RETRIES') or 3),
                           session=session)


def run(environ, out, session=None, endpoints=None):
    """Check the account of the ALERTSITE_* variables and write the report to ``out``; returns the exit status:
    0 when the check ran, 1 when it could not log in, 2 when the environment is incomplete."""
    problems = environment_problems(environ)
    if problems:
        out.write('The contract check cannot run: %s\n' % '; '.join(problems))
        return 2
    check = ContractCheck(client_from_environment(environ, session), endpoints, environ.get('ALERTSITE_CONTRACT_RUN_TEST') or None)
    try:
        lines = check.run()
    except Exception as exc:  # pylint: disable=broad-except
        # its message might quote a value: only its kind is shown
        lines = check.report.lines + ['The contract check stopped on an unexpected %s' % type(exc).__name__]
        out.write('\n'.join(lines) + '\n')
        return 1
    out.write('\n'.join(lines) + '\n')
    return 0 if check.logged_in else 1
