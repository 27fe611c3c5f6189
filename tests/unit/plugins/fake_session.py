# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A stand-in for ``requests.Session``: the boundary where unit tests mock HTTP.

Each test scripts the replies (or exceptions) in order; every request is recorded.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json as jsonlib

import requests


class FakeResponse(object):
    def __init__(self, status=200, body=None, headers=None, text=None):
        self.status_code = status
        self.headers = dict(headers or {})
        if text is None:
            text = '' if body is None else jsonlib.dumps(body)
            self.headers.setdefault('Content-Type', 'application/json')
        self.text = text
        self.reason = 'reason %d' % status

    def json(self):
        return jsonlib.loads(self.text)


class FakeSession(object):
    """Replies with the scripted items in order: a FakeResponse, a (status, body) pair, or an exception."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests = []
        self.headers = {}
        self.verify = None

    def add(self, *replies):
        self.replies.extend(replies)

    def request(self, method, url, params=None, json=None, headers=None, timeout=None, verify=None):
        self.requests.append(dict(method=method, url=url, params=dict(params or {}), json=json,
                                  headers=dict(headers or {}), timeout=timeout, verify=verify))
        if not self.replies:
            raise AssertionError('unexpected request: %s %s' % (method, url))
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, tuple):
            reply = FakeResponse(*reply)
        return reply

    def calls(self):
        """(method, path) of every request, the API base stripped."""
        return [(r['method'], r['url'].split('/api/v3', 1)[-1]) for r in self.requests]

    def writes(self):
        return [call for call in self.calls() if call[0] in ('POST', 'PATCH', 'DELETE') and call[1] != '/access-tokens']


def token_reply(token='t0k3n'):
    return FakeResponse(200, {'access_token': token})


def page(results, count=None, offset=0):
    return FakeResponse(200, {'metadata': {'resultset': {'count': len(results) if count is None else count,
                                                         'limit': 100, 'offset': str(offset)}},
                              'results': results})


CONNECTION_ERROR = requests.exceptions.ConnectionError('Connection reset by peer')
READ_TIMEOUT = requests.exceptions.ReadTimeout('read timed out')


def with_invocation(args):
    """``args`` plus what makes ansible-core return the task's invocation in the result: 2.21 returns it only when
    asked (``_ansible_inject_invocation``), earlier releases always do (and refuse that argument)."""
    from ansible.module_utils.common.parameters import PASS_VARS

    return dict(args, _ansible_inject_invocation=True) if 'inject_invocation' in PASS_VARS else dict(args)


def run_module(main, args, session, capsys):
    """Run a module's main() with ``args`` against ``session``; return (result dict, failed)."""
    from ansible.module_utils.testing import patch_module_args
    from ansible_collections.community.alertsite.plugins.module_utils import client as client_module

    original = client_module.requests.Session
    client_module.requests.Session = lambda: session
    code = None
    try:
        with patch_module_args(args):
            try:
                main()
            except SystemExit as exc:
                code = exc.code
            else:
                raise AssertionError('the module did not exit')
    finally:
        client_module.requests.Session = original
    result = jsonlib.loads(capsys.readouterr().out)
    return result, code != 0
