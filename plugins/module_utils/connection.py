# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The connection options every module shares, checked in one place, and the client they make.

:data:`CONNECTION_ARGSPEC` matches the doc fragment ``community.alertsite.connection``; each option falls back
to an ``ALERTSITE_*`` environment variable, so AWX credentials and ``module_defaults`` work.
:func:`connection_problems` is the only check of these options; :func:`client_from_module` builds the
:class:`.client.AlertSiteClient` from a module whose options passed it.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback, missing_required_lib

from ansible_collections.community.alertsite.plugins.module_utils.client import (
    DEFAULT_API_URL,
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    AlertSiteClient,
)

CONNECTION_ARGSPEC = dict(
    api_url=dict(type='str', default=DEFAULT_API_URL, fallback=(env_fallback, ['ALERTSITE_API_URL'])),
    username=dict(type='str', fallback=(env_fallback, ['ALERTSITE_USERNAME'])),
    password=dict(type='str', no_log=True, fallback=(env_fallback, ['ALERTSITE_PASSWORD'])),
    access_token=dict(type='str', no_log=True, fallback=(env_fallback, ['ALERTSITE_ACCESS_TOKEN'])),
    validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['ALERTSITE_VALIDATE_CERTS'])),
    ca_path=dict(type='path', fallback=(env_fallback, ['ALERTSITE_CA_PATH'])),
    api_timeout=dict(type='int', default=30, fallback=(env_fallback, ['ALERTSITE_API_TIMEOUT'])),
    api_retries=dict(type='int', default=3, fallback=(env_fallback, ['ALERTSITE_API_RETRIES'])),
)


def connection_argument_spec():
    """A fresh copy of the connection options, to merge into a module's argument spec."""
    return dict((name, dict(spec)) for name, spec in CONNECTION_ARGSPEC.items())


def connection_problems(params, needs_login=False):
    """Messages for connection options that cannot work, checked before any request.

    :param needs_login: the module always logs in (``alertsite_access_token``): a token alone is not enough.
    """
    problems = []
    token = None if needs_login else params.get('access_token')
    if params.get('username') and not params.get('password') and not token:
        problems.append('password is required with username')
    elif not token and not (params.get('username') and params.get('password')):
        problems.append('either access_token, or username and password, are required '
                        '(also read from ALERTSITE_ACCESS_TOKEN, ALERTSITE_USERNAME and ALERTSITE_PASSWORD)')
    problems.extend(api_url_problems(api_url_of(params)))
    if params.get('api_timeout') is not None and params['api_timeout'] < 1:
        problems.append('api_timeout must be at least 1 second, got %s' % params['api_timeout'])
    if params.get('api_retries') is not None and params['api_retries'] < 0:
        problems.append('api_retries must be 0 or more, got %s' % params['api_retries'])
    return problems


def api_url_problems(url, option='api_url', quote=True):
    """Why ``url`` cannot be the API URL given as ``option``. A message shows the URL (``quote``) with its user
    info hidden (:func:`redact_url`)."""
    def got(separator):
        return '%s%r' % (separator, redact_url(url)) if quote else ''
    if not url.lower().startswith(('http://', 'https://')):
        return ['%s must start with http:// or https://%s' % (option, got(', got '))]
    problems = []
    if '@' in url:
        problems.append('%s must not hold a user name or password (user:password@host); set username and password, '
                        'or access_token, instead%s' % (option, got(': got ')))
    if '?' in url or '#' in url:
        problems.append('%s must be the base of the API, without a query string (?...) or fragment (#...)%s'
                        % (option, got(', got ')))
    if not problems:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if not host:
            problems.append('%s has no host name%s' % (option, got(': ')))
    return problems


def redact_url(url):
    """``url`` with everything between its scheme and its last ``@`` (user info, however oddly written) replaced
    by ``***``, so that no message shows a password written into a URL."""
    return re.sub(r'^([A-Za-z][A-Za-z0-9+.-]*://)?.*@', r'\1***@', url, flags=re.DOTALL) if '@' in url else url


def url_user_info(params):
    """The user info written into the task's ``api_url`` (``user:password``) and its password part: values Ansible
    is to mask wherever it shows the task (the invocation, messages), since the URL is refused but shown."""
    url = params.get('api_url') or ''
    match = re.match(r'^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(.*)@', url, flags=re.DOTALL)
    if not match or not match.group(1):
        return []
    user_info = match.group(1)
    return [user_info] + [part for part in user_info.split(':', 1)[1:] if part]


def api_url_of(params):
    """The API URL: an empty one (an ALERTSITE_API_URL set to nothing) means the default."""
    return params.get('api_url') or DEFAULT_API_URL


def token_of(params):
    """The access token without a pasted ``Bearer `` prefix (the header's scheme, not part of the token)."""
    token = params.get('access_token')
    if token and token[:7].lower() == 'bearer ':
        token = token[7:].strip()
    return token


def client_from_module(module, access_token=True):
    """The client for a module whose connection options passed :func:`connection_problems`.

    :param access_token: use the task's ``access_token`` (False: always log in with username and password).
    """
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    params = module.params
    return AlertSiteClient(api_url=api_url_of(params), username=params['username'], password=params['password'],
                           access_token=token_of(params) if access_token else None,
                           validate_certs=params['validate_certs'], ca_path=params['ca_path'],
                           timeout=params['api_timeout'], retries=params['api_retries'])
