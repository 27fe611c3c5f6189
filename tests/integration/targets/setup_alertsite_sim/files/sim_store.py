# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The generic layer of the AlertSite API simulator: replies and errors, field checks, paging, and
:class:`Kind`, the store and the routes of one kind of object (monitors, blackouts, recipients, recipient
groups), which the ``sim_<kind>.py`` files beside this one fill in with their rules.

Only the Python standard library is used.
"""

import copy
import json

from sim_dialects import BARE_LIST, COUNT_IS_PAGE, IGNORE_OFFSET, IGNORE_PAGING, LENIENT_FIELDS, REJECT_PAGING

HTTP_REASONS = {
    200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    408: 'Request Timeout', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}


class ApiError(Exception):
    """An error reply: HTTP status plus the entries of the ``errors`` envelope."""

    def __init__(self, status, message=None, fields=None, errors=None, headers=None):
        super().__init__(message)
        self.status = status
        if errors is None:
            entry = {'code': status, 'message': message}
            if fields:
                entry['fields'] = list(fields)
            errors = [entry]
        self.errors = errors
        self.headers = headers or {}

    def body(self):
        """Return the JSON error envelope."""
        return {'errors': self.errors}


def not_found():
    """The 404 the API answers for an unknown id."""
    return ApiError(404, 'Record not found')


class Reply:
    """A reply to send: status, JSON-able payload (or raw bytes) and extra headers."""

    def __init__(self, status, payload=None, raw=None, content_type='application/json', headers=None):
        self.status = status
        self.payload = payload
        self.raw = raw
        self.content_type = content_type
        self.headers = headers or {}

    def encode(self):
        """Return the body bytes."""
        if self.raw is not None:
            return self.raw
        if self.payload is None:
            return b''
        return json.dumps(self.payload).encode('utf-8')


class Request:
    """What an API operation needs of a request: the query (last value of each parameter), the parsed JSON
    body, and the user the token belongs to."""

    def __init__(self, query, body, user):
        self.query = query
        self.body = body
        self.user = user

    def object_body(self):
        """The body as a JSON object (no body is an empty object); 400 for anything else."""
        if self.body is None:
            return {}
        if not isinstance(self.body, dict):
            raise ApiError(400, 'request body must be a JSON object')
        return self.body


# -- values ---------------------------------------------------------------------------------------------------

def is_int(value):
    """True for an integer that is not a boolean."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_blank(value):
    """True for None and for a string of only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def id_list(value, keep=()):
    """Turn a seeded list of ids or objects into ``[{"id": n, ...}]``, keeping the keys in ``keep``; items without
    a usable id are dropped."""
    result = []
    for item in value or []:
        extra = {}
        if isinstance(item, dict):
            extra = dict((key, item[key]) for key in keep if key in item)
            item = item.get('id')
        try:
            result.append(dict({'id': int(item)}, **extra))
        except (TypeError, ValueError):
            continue
    return result


TYPE_MESSAGES = {
    'string': 'invalid type: expected a string',
    'int': 'invalid type: expected an integer',
    'bool': 'invalid type: expected a boolean',
    'list': 'invalid type: expected a list',
}
TYPE_TESTS = {
    'string': lambda value: isinstance(value, str),
    'int': is_int,
    'bool': lambda value: isinstance(value, bool),
    'list': lambda value: isinstance(value, list),
    'any': lambda value: True,
}


class Errors:
    """The validation errors of one write, reported together as one 400 reply."""

    def __init__(self):
        self.entries = []

    def add(self, message, fields):
        """Record one error naming ``fields``."""
        self.entries.append({'code': 400, 'message': message, 'fields': list(fields)})

    def __bool__(self):
        return bool(self.entries)

    def raise_any(self):
        """Raise the 400 reply if any error was recorded."""
        if self.entries:
            raise ApiError(400, errors=self.entries)


def screen_body(body, types, errors, lenient=False, required=(), nullable=(), ignored=(), check=None):
    """The checks every write shares; return the fields kept.

    ``types`` maps each writable field to ``string``, ``int``, ``bool``, ``list`` or ``any``. Fields not in it are
    refused as ``unknown field`` (silently dropped when ``lenient``, or when listed in ``ignored``); ``required``
    fields that are absent or blank are refused as ``required and is empty``. Each remaining field, in name order,
    must have its type (None is accepted for ``nullable`` fields); ``check(key, value, data, errors)`` then applies
    the kind's own rules to each field of the right type.
    """
    unknown = sorted(key for key in body if key not in types and key not in ignored)
    if unknown and not lenient:
        errors.add('unknown field', unknown)
    data = dict((key, value) for key, value in body.items() if key in types)
    missing = [key for key in required if is_blank(data.get(key))]
    if missing:
        errors.add('required and is empty', missing)
    for key in missing:
        data.pop(key, None)
    for key in sorted(data):
        value = data[key]
        if value is None and key in nullable:
            continue
        if not TYPE_TESTS[types[key]](value):
            errors.add(TYPE_MESSAGES[types[key]], [key])
        elif check is not None:
            check(key, value, data, errors)
    return data


def int_param(query, name):
    """The integer value of a query parameter, None when absent or empty; 400 naming it when not an integer."""
    text = query.get(name, '')
    if text == '':
        return None
    try:
        return int(text)
    except ValueError:
        raise ApiError(400, '%s must be an integer' % name, fields=[name]) from None


def selection(query):
    """The set of field names asked for with ``select``, or None."""
    if 'select' not in query:
        return None
    return set(name.strip() for name in query['select'].split(',') if name.strip())


def select_fields(view, query):
    """``view`` reduced to the fields of ``select`` (case-sensitive; unknown names ignored)."""
    wanted = selection(query)
    if wanted is None:
        return view
    return dict((key, value) for key, value in view.items() if key in wanted)


# -- paging ---------------------------------------------------------------------------------------------------

def _count_param(query, name, minimum, message, errors):
    """The integer value of a paging parameter (None when absent or empty); a bad value adds to ``errors``."""
    if query.get(name, '') == '':
        return None
    try:
        value = int(query[name])
    except ValueError:
        value = None
    if value is None or value < minimum:
        errors.append({'code': 400, 'message': message, 'fields': [name]})
        return None
    return value


def paging_params(query, dialects):
    """Return (limit, offset) of a list request; None for no limit. 400 for bad values, and with the
    ``reject-paging`` dialect for any limit or offset at all."""
    if REJECT_PAGING in dialects:
        refused = [name for name in ('limit', 'offset') if name in query]
        if refused:
            raise ApiError(400, errors=[{'code': 400, 'message': 'unsupported query parameter', 'fields': [name]}
                                        for name in refused])
    errors = []
    limit = _count_param(query, 'limit', 1, 'limit must be a positive integer', errors)
    offset = _count_param(query, 'offset', 0, 'offset must be a non-negative integer', errors)
    if errors:
        raise ApiError(400, errors=errors)
    return limit, offset or 0


def list_reply(records, query, render, settings, offset_when_absent='0'):
    """The reply to a list request: one page of ``records`` (already filtered), each shown by ``render``.

    Paging follows ``limit``/``offset`` (the page is never larger than ``settings.max_page_size``) in the list
    envelope ``{"metadata": {"__permissions": {"acl": 7}, "resultset": {"count", "limit", "offset"}}, "results"}``
    with ``count`` the total, ``limit`` null when not asked, ``offset`` a string (``offset_when_absent`` when not
    asked). The dialects ``count-is-page``, ``ignore-paging``, ``ignore-offset``, ``reject-paging`` and
    ``bare-list`` change that as their names say.
    """
    dialects = settings.dialects
    limit, offset = paging_params(query, dialects)
    offset_asked = query.get('offset', '') != ''
    if IGNORE_PAGING in dialects:
        limit, offset, offset_asked, page_size = None, 0, False, len(records)
    else:
        if IGNORE_OFFSET in dialects:
            offset, offset_asked = 0, False
        if limit is not None:
            limit = min(limit, settings.max_page_size)
        page_size = limit if limit is not None else settings.max_page_size
    results = [render(record) for record in records[offset:offset + page_size]]
    if BARE_LIST in dialects:
        return Reply(200, results)
    if offset_asked or offset_when_absent is not None:
        shown_offset = str(offset)
    else:
        shown_offset = None
    return Reply(200, {
        'metadata': {
            '__permissions': {'acl': 7},
            'resultset': {
                'count': len(results) if COUNT_IS_PAGE in dialects else len(records),
                'limit': limit,
                'offset': shown_offset,
            },
        },
        'results': results,
    })


# -- kinds ----------------------------------------------------------------------------------------------------

class Kind:
    """One kind of object the API manages: its records by id and what every kind does with them.

    ``sim`` is the simulator state: its ``lock`` is held by the caller around every operation, and it gives
    ``dialects``, ``max_page_size``, ``now()`` and the other kinds (``sim.kinds[path]``). A subclass names its
    ``path`` (the URL segment under /api/v3) and ``first_id`` in its class line, ``class Blackouts(ObjectKind,
    path='blackouts', first_id=300001)``; its ``seed_key`` (the list's key in a seed body) is the path with
    underscores. It provides ``routes(parts)`` and ``seed(items)``. Records are stored with their id under ``id``.
    """

    path = None
    seed_key = None
    first_id = 1
    # the ``offset`` the list metadata shows when the request gave none
    offset_when_absent = '0'

    def __init_subclass__(cls, path=None, first_id=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if path is not None:
            cls.path = path
            cls.seed_key = path.replace('-', '_')
        if first_id is not None:
            cls.first_id = first_id

    def __init__(self, sim):
        self.sim = sim
        self.records = {}
        self.next_id = self.first_id

    def insert(self, fields, wanted_id=None):
        """Store a record (a copy of ``fields``) under ``wanted_id`` when free, else the next id; return the id."""
        if is_int(wanted_id) and wanted_id > 0 and wanted_id not in self.records:
            new_id = wanted_id
        else:
            new_id = self.next_id
        self.next_id = max(self.next_id, new_id + 1)
        record = copy.deepcopy(fields)
        record['id'] = new_id
        self.records[new_id] = record
        return new_id

    def find(self, record_id):
        """The stored record (not a copy) or None."""
        return self.records.get(record_id)

    def require(self, record_id):
        """The stored record; 404 ``Record not found`` when there is none."""
        record = self.records.get(record_id)
        if record is None:
            raise not_found()
        return record

    def ordered(self):
        """The stored records ordered by id (not copies)."""
        return [self.records[key] for key in sorted(self.records)]

    def stored(self):
        """Copies of the stored records as they are kept (write-only fields included), for the control API."""
        return copy.deepcopy(self.ordered())

    def forget(self, record_ids):
        """Forget these records and, in the other kinds, what refers to them."""
        for record_id in record_ids:
            self.records.pop(record_id, None)
        for kind in self.sim.kinds.values():
            if kind is not self:
                kind.forget_for(self.path, record_ids)

    def forget_for(self, kind_path, record_ids):
        """Forget what refers to these deleted records of the kind at ``kind_path`` (nothing, unless a subclass
        keeps references)."""

    def clear(self):
        """Forget every record (ids keep counting up)."""
        self.forget(list(self.records))

    def restart(self):
        """Forget every record; ids start again at ``first_id``."""
        self.records = {}
        self.next_id = self.first_id

    @property
    def lenient(self):
        """True when unknown fields of a write are ignored (the ``lenient-fields`` dialect)."""
        return LENIENT_FIELDS in self.sim.dialects

    def filters(self, query):  # pylint: disable=unused-argument
        """A predicate over records for the list filters of ``query`` (400 for bad filter values)."""
        return lambda record: True

    def list_view(self, request, show):
        """A filtered, paged listing, each record shown by ``show(record)``."""
        paging_params(request.query, self.sim.dialects)  # bad paging is reported before bad filters
        keep = self.filters(request.query)
        records = [record for record in self.ordered() if keep(record)]
        return list_reply(records, request.query, show, self.sim, self.offset_when_absent)

    def api_delete(self, request, record_id):  # pylint: disable=unused-argument
        """DELETE /<path>/{id}: 204; 404 when unknown."""
        self.require(record_id)
        self.forget([record_id])
        return Reply(204)

    def routes(self, parts):
        """The operations for the path segments after ``path``: {method: function(request)}, or None for 404."""
        raise NotImplementedError

    def seed(self, items):
        """Store records without validation (defaults filled in); return their ids."""
        raise NotImplementedError


class ObjectKind(Kind):
    """A kind served the plain way: ``GET``/``POST /<path>``, ``GET``/``PATCH``/``DELETE /<path>/{id}``.

    A subclass provides ``validate(body, stored)``, ``view(record)`` and ``seed_fields(item)``, and may override
    ``filters(query)``, ``new_fields(fields, request)`` and ``after_write(record)``.
    """

    def validate(self, body, stored=None):
        """Check a create (``stored`` is None) or edit body; return the fields to store or raise ApiError."""
        raise NotImplementedError

    def view(self, record):
        """The API view of a stored record."""
        raise NotImplementedError

    def seed_fields(self, item):
        """The fields to store for a seeded item (no validation)."""
        raise NotImplementedError

    def new_fields(self, fields, request):  # pylint: disable=unused-argument
        """The record to store for validated create ``fields``: defaults filled in."""
        return fields

    def after_write(self, record):
        """Called after a create or an edit stored ``record``."""

    def seed(self, items):
        if not isinstance(items, list):
            raise ApiError(400, '%s must be a list' % self.seed_key, fields=[self.seed_key])
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise ApiError(400, '%s item %d must be an object' % (self.seed_key, index), fields=[self.seed_key])
        prepared = [(self.seed_fields(item), item.get('id')) for item in items]
        return [self.insert(fields, wanted_id) for fields, wanted_id in prepared]

    def api_list(self, request):
        """GET /<path>: filtered, paged listing (``select`` applies to each item)."""
        return self.list_view(request, lambda record: select_fields(self.view(record), request.query))

    def api_get(self, request, record_id):
        """GET /<path>/{id}: the bare object."""
        return Reply(200, select_fields(self.view(self.require(record_id)), request.query))

    def api_create(self, request):
        """POST /<path>: 200 ``{"id": "<string>"}``."""
        fields = self.validate(request.object_body())
        new_id = self.insert(self.new_fields(fields, request))
        self.after_write(self.records[new_id])
        return Reply(200, {'id': str(new_id)})

    def api_edit(self, request, record_id):
        """PATCH /<path>/{id}: 200 ``{"id": "<string>"}``."""
        record = self.require(record_id)
        fields = self.validate(request.object_body(), stored=record)
        record.update(copy.deepcopy(fields))
        self.after_write(record)
        return Reply(200, {'id': str(record_id)})

    def routes(self, parts):
        if not parts:
            return {'GET': self.api_list, 'POST': self.api_create}
        if len(parts) == 1 and parts[0].isdigit():
            record_id = int(parts[0])
            return {
                'GET': lambda request: self.api_get(request, record_id),
                'PATCH': lambda request: self.api_edit(request, record_id),
                'DELETE': lambda request: self.api_delete(request, record_id),
            }
        return None
