# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Field types of scripted monitors: the ordered ``api_steps`` of API endpoint monitors (:class:`StepsField`), and
the comparison form and check of the recorded script of DéjàClick monitors (:func:`script_key`,
:func:`xml_problem`), which may be read from a file (:class:`ScriptFileField`, :func:`read_script_file`).

The decisions they follow are those of the API reference for sections 15 and 16: steps are compared position by
position, each by the keys the user set (the API may fill the others), and a change sends the whole list, every
step numbered by its position; a step's ``head.http_basic_auth_password`` is write-only and secret. Two scripts are
the same when their canonical XML is.

Internal to the collection: not a public API, it may change in any release.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import re
from xml.etree import ElementTree

from ansible_collections.community.alertsite.plugins.module_utils.fields import SECRET_MASK, Field, as_bool

HTTP_METHODS = ('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH')
PASSWORD = 'http_basic_auth_password'
# The step keys the API reference documents (step_number is the collection's: the step's position).
STEP_KEYS = ('step_name', 'url', 'http_method', 'post', 'head', 'assertions', 'variables')
HEAD_KEYS = {'http_basic_auth_username': 'str', PASSWORD: 'str', 'preemptive_authentication': 'bool'}
# The keys of the items of a step's lists, those an item needs first.
ITEM_KEYS = {'assertions': (('source', 'comparison'), ('property', 'value')),
             'variables': (('name', 'property'), ())}


class DeclaredSteps(list):
    """Steps as the user declares them: only the keys they hold are compared with the API's steps."""


def scalar(value):
    """The comparable form of a value inside a step: ``""`` and null are "not set", numbers compare as text."""
    if value is None or value == '':
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def normal_step(step, declared=False):
    """A step with its method in upper case (``GET`` when a declared step leaves it out)."""
    step = dict(step)
    if isinstance(step.get('http_method'), str):
        step['http_method'] = step['http_method'].strip().upper()
    elif declared and step.get('http_method') is None:
        step['http_method'] = 'GET'
    return step


def head_same(declared, held):
    """A step's ``head``, by the keys declared; the password is never compared (write-only)."""
    held = held if isinstance(held, dict) else {}
    for key, value in declared.items():
        if key == PASSWORD:
            continue
        kind = HEAD_KEYS.get(key)
        mine, theirs = (as_bool(value), as_bool(held.get(key))) if kind == 'bool' else (value, held.get(key))
        if scalar(mine) != scalar(theirs):
            return False
    return True


def items_same(declared, held):
    """``assertions`` or ``variables``: ordered lists, each item by the keys declared."""
    if not isinstance(declared, list):
        return declared == held
    held = held if isinstance(held, list) else []
    if len(declared) != len(held):
        return False
    return all(isinstance(theirs, dict) and all(scalar(value) == scalar(theirs.get(key)) for key, value in mine.items())
               if isinstance(mine, dict) else mine == theirs for mine, theirs in zip(declared, held))


def step_same(declared, held):
    """One declared step against the API's step at its position: the keys declared, except those the API's step
    lacks that the collection does not know (the read-back warns of them)."""
    for key, value in declared.items():
        if key not in STEP_KEYS and key not in held:
            continue
        if key == 'head':
            same = head_same(value, held.get(key))
        elif key in ITEM_KEYS:
            same = items_same(value, held.get(key))
        elif key in STEP_KEYS:
            same = scalar(value) == scalar(held.get(key))
        else:
            same = value == held.get(key)
        if not same:
            return False
    return True


def map_passwords(steps, change):
    """``steps`` with each step's password passed through ``change`` (which returns the new value, or None to
    leave it out); the steps themselves are left as they are."""
    result = []
    for step in steps:
        if isinstance(step, dict) and isinstance(step.get('head'), dict) and step['head'].get(PASSWORD) is not None:
            head = dict(step['head'])
            value = change(head.pop(PASSWORD))
            if value is not None:
                head[PASSWORD] = value
            step = dict(step, head=head)
        result.append(step)
    return type(steps)(result) if isinstance(steps, DeclaredSteps) else result


def passwords_of(steps):
    """The passwords the steps hold."""
    found = []
    map_passwords(steps if isinstance(steps, list) else [], found.append)
    return found


# -- checks of the user's steps, before any request ---------------------------------------------------------

def type_problem(label, value, kind):
    """``label`` must be a string (or null) / a boolean."""
    if kind == 'str' and value is not None and not isinstance(value, str):
        return '%s must be a string, got %r' % (label, value)
    if kind == 'bool' and not isinstance(value, bool):
        return '%s must be a boolean, got %r' % (label, value)
    return None


def head_problems(label, head):
    if not isinstance(head, dict):
        return ['%s must be a dictionary, got %r' % (label, head)]
    return [problem for problem in (type_problem('%s.%s' % (label, key), head[key], kind)
                                    for key, kind in HEAD_KEYS.items() if key in head) if problem]


def item_problems(label, key, items):
    """The items of ``assertions`` or ``variables``."""
    if not isinstance(items, list):
        return ['%s must be a list, got %r' % (label, items)]
    needed, optional = ITEM_KEYS[key]
    problems = []
    for position, item in enumerate(items, 1):
        where = '%s[%d]' % (label, position)
        if not isinstance(item, dict):
            problems.append('%s must be a dictionary, got %r' % (where, item))
            continue
        problems.extend('%s.%s is required' % (where, name) for name in needed if scalar(item.get(name)) is None)
        problems.extend('%s.%s must be text, got %r' % (where, name, item[name]) for name in needed + optional
                        if isinstance(item.get(name), (dict, list, bool)))
    return problems


def step_problems(label, step, url_check):
    """What is wrong with one declared step (``label`` names it: ``api_steps[2]``)."""
    if not isinstance(step, dict):
        return ['%s must be a dictionary, got %r' % (label, step)]
    problems = []
    if 'step_number' in step:
        problems.append('%s.step_number is set by the collection (the step\'s position): leave it out' % label)
    url = step.get('url')
    if scalar(url) is None:
        problems.append('%s.url is required' % label)
    elif not isinstance(url, str) or url_check(url):
        problems.append('%s.url %s' % (label, url_check(url) if isinstance(url, str) else 'must be a string'))
    method = step.get('http_method')
    if method is not None and (not isinstance(method, str) or method.strip().upper() not in HTTP_METHODS):
        problems.append('%s.http_method must be one of %s, got %r' % (label, ', '.join(HTTP_METHODS), method))
    problems.extend(filter(None, (type_problem('%s.%s' % (label, key), step.get(key), 'str')
                                  for key in ('step_name', 'post'))))
    if 'head' in step:
        problems.extend(head_problems('%s.head' % label, step['head']))
    for key in ITEM_KEYS:
        if step.get(key) is not None:
            problems.extend(item_problems('%s.%s' % (label, key), key, step[key]))
    return problems


class StepsField(Field):
    """An ordered list of steps (``api_steps``): each step a dictionary of the API's step keys, and of keys the
    collection does not know, which are passed through as given.

    Compared position by position; within a step only the keys the user set (``assertions`` and ``variables`` as
    ordered lists, each item by its keys). Sent whole, every step numbered by its position (``step_number``) with
    its ``http_method`` (``GET`` when left out). ``head.http_basic_auth_password`` is write-only and secret: never
    compared, sent on create, and to an existing monitor only with ``update_password=always``.

    :param url_check: a function(url) -> a problem (without the option's name) or None.
    """

    # the steps' passwords: the engine sends them only on create or with update_password=always
    write_only_part = True

    def __init__(self, name, url_check, **kwargs):
        super(StepsField, self).__init__(name, kind='list', **kwargs)
        self.url_check = url_check

    def argument_spec(self):
        # no suboptions: a step may hold keys the collection does not know, which are passed through
        return dict(type='list', elements='dict')

    def from_user(self, value):
        if not isinstance(value, list):
            return value
        return DeclaredSteps(normal_step(step, declared=True) if isinstance(step, dict) else step for step in value)

    def normalise(self, value):
        if not isinstance(value, list):
            return value
        return [normal_step(step) if isinstance(step, dict) else step for step in value]

    def comparable(self, value):
        return value or None

    def same(self, one, other):
        """Whether the API's steps are the user's; with no user's side (two sets of the API's), equal steps."""
        declared, held = (one, other) if isinstance(one, DeclaredSteps) else (other, one)
        if not isinstance(declared, DeclaredSteps):
            return self.public_value(one) == self.public_value(other)
        if not isinstance(held, list) or len(held) != len(declared):
            return False
        return all(isinstance(mine, dict) and isinstance(theirs, dict) and step_same(mine, theirs)
                   for mine, theirs in zip(declared, held))

    def to_api(self, value):
        return [dict([('step_number', position)] + list(step.items())) for position, step in enumerate(value, 1)]

    def problem(self, value):
        if value is None:
            return None
        if not isinstance(value, list) or not value:
            return '%s must be a list of one step or more' % self.name
        problems = [problem for position, step in enumerate(value, 1)
                    for problem in step_problems('%s[%d]' % (self.name, position), step, self.url_check)]
        return '; '.join(problems) or None

    # -- the write-only, secret part ---------------------------------------------------------------------------

    def holds_write_only(self, value):
        return bool(passwords_of(value))

    def without_write_only(self, value):
        return map_passwords(value, lambda password: None) if isinstance(value, list) else value

    def public_value(self, value):
        """The steps fit to return: no password (whatever the API shows of it)."""
        return self.without_write_only(value)

    def input_value(self, value):
        """The steps as the option takes them (gathered output fed back): no password, no ``step_number``."""
        if not isinstance(value, list):
            return value
        return [dict((key, item) for key, item in step.items() if key != 'step_number') if isinstance(step, dict) else step
                for step in self.without_write_only(value)]

    def masked_value(self, value):
        """The steps fit to show in a diff or a command: each password set shown as a mask."""
        return map_passwords(value, lambda password: SECRET_MASK) if isinstance(value, list) else value

    def secret_values_in(self, value):
        """The passwords, as Ansible's no_log masks them wherever it shows the task."""
        return set(password if isinstance(password, str) else str(password) for password in passwords_of(value)
                   if password not in (None, ''))

    # -- read-back ---------------------------------------------------------------------------------------------

    def readback_notes(self, sent, kept, label):
        """Warnings for the step keys the collection does not know that were sent and do not read back."""
        kept = kept if isinstance(kept, list) else []
        notes = []
        for position, step in enumerate(sent or [], 1):
            held = kept[position - 1] if position <= len(kept) and isinstance(kept[position - 1], dict) else {}
            for key in step if isinstance(step, dict) else ():
                if key not in STEP_KEYS and key not in held:
                    notes.append('%s[%d].%s: it was sent, but the API does not return it, so it cannot be compared with '
                                 'what %s holds; it is not compared on later runs' % (self.name, position, key, label))
        return notes


# -- recorded scripts (DéjàClick): XML text compared as canonical XML ------------------------------------------

XML_DECLARATION = re.compile(r'^\ufeff?\s*<\?xml[^>]*\?>')


def xml_problem(value):
    """A check for a script: well-formed XML (its declaration aside)."""
    try:
        ElementTree.fromstring(XML_DECLARATION.sub('', value, count=1))
    except ElementTree.ParseError as exc:
        return 'is not well-formed XML: %s' % exc
    return None


def script_key(value):
    """The form in which two scripts are compared: the canonical XML (C14N 2.0, every text stripped of the white
    space at its ends, comments left out) of the script without its declaration; so the declaration, line endings,
    attribute order and quoting, empty-element forms, indentation and comments do not count. A script that does
    not parse is compared as text with its line endings normalised."""
    text = XML_DECLARATION.sub('', value, count=1)
    try:
        return ElementTree.canonicalize(text, strip_text=True)
    except ElementTree.ParseError:
        return value.replace('\r\n', '\n').replace('\r', '\n')


# -- a recorded script read from a file (script_file) ------------------------------------------------------------

def read_script_file(path, shown=None):
    """``(text, problem)`` of the script file at ``path`` (``shown``: the path as the user gave it, for messages):
    its text when it is a readable file of UTF-8 text (a byte order mark left out) that is well-formed XML, else a
    message naming the file. The action plugins read it on the controller; the module, where it runs."""
    label = 'script_file %s' % (shown or path)
    if not path.strip():
        return None, 'script_file must not be empty'
    path = os.path.expanduser(path)
    if os.path.isdir(path):
        return None, '%s is a directory, not a file' % label
    try:
        with open(path, 'rb') as handle:
            data = handle.read()
    except (IOError, OSError) as exc:
        missing = not os.path.lexists(path)
        return None, '%s %s' % (label, 'does not exist' if missing else 'cannot be read: %s' % (exc.strerror or exc))
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as exc:
        return None, '%s is not UTF-8 text (byte %d): save it as UTF-8' % (label, exc.start)
    text = text[1:] if text.startswith('\ufeff') else text
    problem = xml_problem(text)
    return (None, '%s %s' % (label, problem)) if problem else (text, None)


class ScriptFromFile(str):
    """The text of a script file, with the path it was read from and what stops it being used (or None)."""

    def __new__(cls, text, path, problem=None):
        value = super(ScriptFromFile, cls).__new__(cls, text)
        value.path = path
        value.problem = problem
        return value


class ScriptFileField(Field):
    """``script_file``: a file that holds the recorded script. Its text stands for ``script``: compared with the
    script the API holds (as canonical XML) and sent as ``script``. A file that is missing, unreadable or not
    well-formed XML is refused before any request, naming the file.

    Under ``ansible-playbook`` the action plugins read the file on the controller and pass its text as ``script``;
    this field reads it where the module runs, when the module runs without them. Gathered output never shows it
    (the script is ``script`` there, or a file :mod:`.script_export` writes)."""

    def __init__(self, name='script_file', **kwargs):
        super(ScriptFileField, self).__init__(name, api_name='script', compare=script_key, no_log=False, **kwargs)

    def from_user(self, value):
        if not isinstance(value, str):
            return value
        text, problem = read_script_file(value)
        return ScriptFromFile(text or '', value, problem)

    def problem(self, value):
        return getattr(value, 'problem', None) if isinstance(value, ScriptFromFile) else super(ScriptFileField, self).problem(value)

    def to_api(self, value):
        return str(value)

    def input_value(self, value):
        """Nothing: what the API holds is gathered as ``script``."""
        return None


def script_and_file(values):
    """``script`` and ``script_file`` are alternatives: the recorded script as text, or the file that holds it."""
    if values.get('script') is not None and values.get('script_file') is not None:
        return SCRIPT_AND_FILE
    return None


SCRIPT_AND_FILE = 'script and script_file are mutually exclusive: give the recorded script as text or as a file'
# the user's input only: what the API holds shows as both (one script), so no stored value takes part
script_and_file.fields = ()
