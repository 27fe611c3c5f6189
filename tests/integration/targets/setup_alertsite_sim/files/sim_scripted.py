# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""FTP, API endpoint and DéjàClick monitors in the AlertSite API simulator (reference sections 15, 16 and 17).

The rows of the type table of :mod:`sim_monitors` for the types ``ftp``/``ftp-ssl``, ``website-api``/
``website-ssl-api`` and ``dejaclick``, and their own checks:

- ``ftp`` takes only ``ftp://`` hosts, ``ftp-ssl`` only ``ftps://`` ones (400 naming ``hostname``);
  ``enable_ftp_upload`` is required on create.
- ``api_steps`` (required on create, one step at least) is stored as sent, every key of a step included. Each step
  needs an ``http://`` or ``https://`` ``url`` (``website-ssl-api``: ``https://`` only), an int ``step_number``
  and a string ``http_method``. A GET never shows a step's ``head.http_basic_auth_password``; a PATCH whose step
  leaves it out keeps the password the step at that position had. Under the dialect ``drop-step-extras`` the
  API keeps only the step keys the vendor's example shows.
- ``dejaclick`` needs ``step_timeout`` and ``transaction_steps`` (ints >= 1) and ``script`` or ``url``; a script
  that is not well-formed XML is refused (400 naming ``script``). The script is stored with CRLF line endings (as
  the vendor's example reads back) and shown only with ``show_scripts=true``.
"""

import copy
from xml.etree import ElementTree

from sim_dialects import DIALECTS

FTP_SCHEMES = {'ftp': ('ftp', 'ftp-ssl'), 'ftp-ssl': ('ftps', 'ftp')}
API_TYPES = ('website-api', 'website-ssl-api')
HTTP_METHODS = ('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH')
STEP_KEYS = ('step_number', 'step_name', 'url', 'http_method', 'post', 'head', 'assertions', 'variables')
DROP_STEP_EXTRAS = 'drop-step-extras'
PASSWORD = 'http_basic_auth_password'
DIALECTS[DROP_STEP_EXTRAS] = 'API endpoint monitors keep only the step keys of the vendor\'s example'

FIELD_TYPES = {
    'enable_ftp_upload': 'bool', 'api_steps': 'any', 'script': 'string', 'step_timeout': 'int',
    'transaction_steps': 'int', 'browser_type': 'string',
}
WEB_FIELDS = frozenset((
    'check_fullpage_missing_objects', 'check_fullpage_object_sizes', 'fullpage_object_timeout',
    'notify_on_fullpage_errors', 'keyword_string', 'keyword_match_type', 'keyword_match_invert', 'use_ssl_version',
))
FIELDS = {
    'ftp': frozenset(('hostname', 'enable_ftp_upload', 'port')),
    'ftp-ssl': frozenset(('hostname', 'enable_ftp_upload', 'port', 'use_ssl_version')),
    'website-api': WEB_FIELDS | frozenset(('api_steps',)),
    'website-ssl-api': WEB_FIELDS | frozenset(('api_steps',)),
    'dejaclick': frozenset(('script', 'url', 'step_timeout', 'transaction_steps', 'browser_type')),
}
REQUIRED = {
    'ftp': ('billing_plancode', 'name', 'hostname', 'enable_ftp_upload'),
    'ftp-ssl': ('billing_plancode', 'name', 'hostname', 'enable_ftp_upload'),
    'website-api': ('billing_plancode', 'name', 'api_steps'),
    'website-ssl-api': ('billing_plancode', 'name', 'api_steps'),
    'dejaclick': ('billing_plancode', 'name', 'step_timeout', 'transaction_steps'),
}
TYPE_DEFAULTS = {
    'ftp': {'port': 21},
    'ftp-ssl': {'port': 990, 'use_ssl_version': 2},
    'website-api': {'keyword_string': '', 'keyword_match_invert': False},
    'website-ssl-api': {'keyword_string': '', 'keyword_match_invert': False, 'use_ssl_version': 2},
    'dejaclick': {'browser_type': 'Firefox', 'url': ''},
}


def step_problem(mtype, step):
    """What is wrong with one step of ``api_steps``, or None."""
    if not isinstance(step, dict):
        return 'each step must be an object'
    url = step.get('url')
    schemes = ('https://',) if mtype == 'website-ssl-api' else ('http://', 'https://')
    if not isinstance(url, str) or not url.lower().startswith(schemes):
        return 'url of a %s step must start with %s' % (mtype, ' or '.join(schemes))
    if not isinstance(step.get('step_number'), int) or isinstance(step.get('step_number'), bool):
        return 'step_number must be an integer'
    if step.get('http_method') not in HTTP_METHODS:
        return 'http_method must be one of %s' % ', '.join(HTTP_METHODS)
    for key in ('assertions', 'variables'):
        if key in step and not isinstance(step[key], list):
            return '%s must be a list' % key
    if 'head' in step and not isinstance(step['head'], dict):
        return 'head must be an object'
    return None


def script_problem(script):
    """What is wrong with a DéjàClick script, or None."""
    try:
        ElementTree.fromstring(script.encode('utf-8'))
    except ElementTree.ParseError as exc:
        return 'script is not well-formed XML: %s' % exc
    return None


def check_scripted(mtype, key, value, data, errors):
    """The rules of the fields of the new types (their JSON type is already right)."""
    if key == 'hostname' and mtype in FTP_SCHEMES:
        scheme, other = FTP_SCHEMES[mtype]
        if not value.lower().startswith(scheme + '://'):
            errors.add('hostname must be an %s:// host for a %s monitor (use %s for %s:// hosts)'
                       % (scheme, mtype, other, FTP_SCHEMES[other][0]), [key])
    elif key == 'api_steps':
        if not isinstance(value, list) or not value:
            errors.add('api_steps must be a list of one step or more', [key])
            return
        problems = [step_problem(mtype, step) for step in value]
        for number, problem in enumerate(problems, 1):
            if problem:
                errors.add('api_steps[%d]: %s' % (number, problem), [key])
    elif key in ('step_timeout', 'transaction_steps') and value < 1:
        errors.add('%s must be at least 1' % key, [key])
    elif key == 'script':
        problem = script_problem(value)
        if problem:
            errors.add(problem, [key])
        else:
            data[key] = value.replace('\r\n', '\n').replace('\n', '\r\n')


def check_scripted_body(mtype, data, stored, errors):
    """A DéjàClick monitor needs a script or a url."""
    if mtype == 'dejaclick' and stored is None and not data.get('script') and not data.get('url'):
        errors.add('a dejaclick monitor needs script or url', ['script', 'url'])


def stored_steps(steps, old_steps, dialects):
    """``api_steps`` as the API keeps them: a step without a password keeps the one its position had."""
    kept = []
    for position, step in enumerate(steps):
        step = copy.deepcopy(step)
        if DROP_STEP_EXTRAS in dialects:
            step = dict((key, value) for key, value in step.items() if key in STEP_KEYS)
        old = old_steps[position] if position < len(old_steps) and isinstance(old_steps[position], dict) else {}
        old_password = (old.get('head') or {}).get(PASSWORD)
        if old_password is not None and PASSWORD not in (step.get('head') or {}):
            step['head'] = dict(step.get('head') or {}, **{PASSWORD: old_password})
        kept.append(step)
    return kept


def scripted_view(result, query):
    """What a GET shows of the new types: no step password; a script only with ``show_scripts=true``."""
    if isinstance(result.get('api_steps'), list):
        result['api_steps'] = [
            dict(step, head=dict((key, value) for key, value in step['head'].items() if key != PASSWORD))
            if isinstance(step, dict) and isinstance(step.get('head'), dict) else step
            for step in result['api_steps']]
    if 'script' in result and query.get('show_scripts', '').lower() != 'true':
        result.pop('script')
    return result
