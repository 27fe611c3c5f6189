# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A small in-memory API for the resource modules of alert routing: monitors and blackouts (read only), recipients
and recipient groups (listed, read, created, changed and deleted). Every request is recorded, as by FakeSession;
``fail`` makes the writes whose (method, path) it lists answer 400."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import (
    FakeResponse,
    FakeSession,
    page,
    token_reply,
)

PATHS = {'/monitors': 'monitors', '/recipients': 'recipients', '/notifier-groups': 'groups', '/blackouts': 'blackouts'}
RECIPIENT_DEFAULTS = {'method_id': 12, 'availability_alert': True, 'notify_on_clear': False, 'start_threshold': 1,
                      'stop_threshold': 10}


class RoutingApi(FakeSession):
    def __init__(self, monitors=(), recipients=(), groups=(), fail=(), blackouts=()):
        super(RoutingApi, self).__init__()
        self.store = {'monitors': [dict(item) for item in monitors], 'recipients': [dict(item) for item in recipients],
                      'groups': [dict(item) for item in groups], 'blackouts': [dict(item) for item in blackouts]}
        self.fail = set(fail)
        self.next_id = 900000

    def request(self, method, url, params=None, json=None, headers=None, timeout=None, verify=None):
        self.requests.append(dict(method=method, url=url, params=dict(params or {}), json=copy.deepcopy(json),
                                  headers=dict(headers or {}), timeout=timeout, verify=verify))
        path = url.split('/api/v3', 1)[-1]
        if (method, path) == ('POST', '/access-tokens'):
            return token_reply()
        if (method, path) in self.fail:
            return FakeResponse(400, {'errors': [{'code': 400, 'message': 'refused by the test'}]})
        base, dummy, object_id = path.rpartition('/') if path.count('/') > 1 else (path, '', '')
        items = self.store.get(PATHS.get(base))
        if items is None:
            return FakeResponse(404, {'errors': [{'code': 404, 'message': 'no such path'}]})
        if not object_id:
            return self.collection(method, base, items, params, json)
        found = [item for item in items if str(item['id']) == object_id]
        if not found:
            return FakeResponse(404, {'errors': [{'code': 404, 'message': 'Record not found'}]})
        if method == 'GET':
            return FakeResponse(200, self.shown(base, found[0]))
        if method == 'DELETE':
            items.remove(found[0])
            return FakeResponse(200, {})
        found[0].update(self.stored(base, json))
        return FakeResponse(200, {'id': found[0]['id']})

    def collection(self, method, base, items, params, json):
        if method == 'GET':
            types = [name for name in (params or {}).get('type', '').split(',') if name]
            return page([self.shown(base, item) for item in items if not types or item.get('type') in types])
        self.next_id += 1
        item = dict(RECIPIENT_DEFAULTS) if base == '/recipients' else {}
        item.update(self.stored(base, json), id=self.next_id)
        items.append(item)
        return FakeResponse(200, {'id': str(self.next_id)})

    def stored(self, base, body):
        body = copy.deepcopy(body)
        if base == '/recipients' and 'password' in body:
            body['stored_password'] = body.pop('password')
        return body

    def shown(self, base, item):
        """The API never shows a recipient's password; a group shows its monitors and recipients with names."""
        shown = dict((key, value) for key, value in item.items() if key != 'stored_password')
        if base == '/notifier-groups':
            shown['monitors'] = [dict(entry, step_number=entry.get('step_number', 0)) for entry in item.get('monitors', [])]
            shown.setdefault('errortypes', [])
            shown.setdefault('templates', [])
            shown.setdefault('is_default', False)
        return shown
