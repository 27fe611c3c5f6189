# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A custom AWX credential type as AWX takes it and injects it, for tests/utils/checks.d/runner.sh.

The two documents are what an AWX admin pastes into the two boxes of a new credential type: the *contents*
of ``inputs`` (``fields``, ``required``) and of ``injectors`` (``file``, ``env``, ``extra_vars``), without
those top-level keys. AWX's rules, as its credential type model applies them:

* saving the type (``CredentialTypeInputField`` / ``CredentialTypeInjectorField``): a JSON schema of the
  allowed keys and values (Draft 4), unique field ids other than ``tower``, defaults of the field's type,
  ``choices``/``multiline``/``format``/``secret`` only on strings, no ``dependencies`` in a custom type,
  no ``ANSIBLE_*`` nor reserved environment variable, and every template rendered in a sandbox with
  undefined names refused, every field set to ``EXAMPLE`` and ``tower.filename`` to the file names the
  ``file`` injector defines;
* starting a job (``UnifiedJob.pre_start``): every ``required`` input must be given;
* running it (``CredentialType.inject_credential``): a sandboxed Jinja2 environment with only the inputs
  the credential holds (empty strings left out, booleans kept, unset booleans false); each ``file``
  template is rendered into a new file (mode 0600) in the private data directory's ``env/``, named in
  ``tower.filename`` (``tower.filename.NAME`` for ``template.NAME``); then every ``env`` template.

Use as a module (``load``, ``type_problems``, ``missing_required``, ``inject``) or from the shell:

    python awx_credential.py validate INPUTS.yml INJECTORS.yml
"""

import os
import stat
import sys
import tempfile

import yaml
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jsonschema import Draft4Validator

# Environment variables that AWX refuses in an injector (besides every ANSIBLE_* one).
ENV_BLOCKLIST = frozenset((
    'VIRTUAL_ENV', 'PATH', 'PYTHONPATH', 'JOB_ID', 'INVENTORY_ID', 'INVENTORY_SOURCE_ID', 'INVENTORY_UPDATE_ID',
    'AD_HOC_COMMAND_ID', 'REST_API_URL', 'REST_API_TOKEN', 'MAX_EVENT_RES', 'CALLBACK_QUEUE', 'CALLBACK_CONNECTION',
    'CACHE', 'JOB_CALLBACK_DEBUG', 'INVENTORY_HOSTVARS', 'AWX_HOST', 'PROJECT_REVISION', 'SUPERVISOR_CONFIG_PATH',
))

INPUTS_SCHEMA = {
    'type': 'object',
    'additionalProperties': False,
    'properties': {
        'required': {'type': 'array', 'items': {'type': 'string'}},
        'fields': {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {
                    'type': {'enum': ['string', 'boolean']},
                    'format': {'enum': ['ssh_private_key', 'url']},
                    'choices': {'type': 'array', 'minItems': 1, 'items': {'type': 'string'}, 'uniqueItems': True},
                    'id': {'type': 'string', 'pattern': '^[a-zA-Z_]+[a-zA-Z0-9_]*$'},
                    'label': {'type': 'string'},
                    'help_text': {'type': 'string'},
                    'multiline': {'type': 'boolean'},
                    'secret': {'type': 'boolean'},
                    'ask_at_runtime': {'type': 'boolean'},
                    'default': {},
                },
                'additionalProperties': False,
                'required': ['id', 'label'],
            },
        },
    },
}

INJECTORS_SCHEMA = {
    'type': 'object',
    'additionalProperties': False,
    'properties': {
        'file': {
            'type': 'object',
            'patternProperties': {r'^template(\.[a-zA-Z_]+[a-zA-Z0-9_]*)?$': {'type': 'string'}},
            'additionalProperties': False,
        },
        'env': {
            'type': 'object',
            'patternProperties': {'^[a-zA-Z_]+[a-zA-Z0-9_]*$': {'type': 'string', 'pattern': '^[\x00-\x7F]*$'}},
            'additionalProperties': False,
        },
        'extra_vars': {
            'type': 'object',
            'patternProperties': {
                r'^[a-zA-Z_\{\}]+[a-zA-Z0-9_\{\}]*$': {
                    'anyOf': [{'type': 'string'}, {'type': 'array'}, {'$ref': '#/properties/extra_vars'}],
                },
            },
            'additionalProperties': False,
        },
    },
}


class Namespace:
    """An attribute container, like the ``tower`` namespace AWX hands to the templates."""


def load(path):
    """One pasted box: a YAML (or JSON) mapping."""
    with open(path, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def _fields(inputs):
    return [field for field in (inputs or {}).get('fields') or [] if isinstance(field, dict)]


def _field_type(field):
    return field.get('type', 'string')


def type_problems(inputs, injectors):
    """What AWX objects to when the credential type is saved with these two boxes."""
    problems = []
    for name, document, schema in (('inputs', inputs, INPUTS_SCHEMA), ('injectors', injectors, INJECTORS_SCHEMA)):
        if not isinstance(document, dict):
            problems.append('%s: not a mapping (%s)' % (name, type(document).__name__))
            continue
        for error in Draft4Validator(schema).iter_errors(document):
            problems.append('%s: %s at %s' % (name, error.message, '/'.join(str(part) for part in error.path) or 'the top'))
    if problems:
        return problems
    if 'dependencies' in inputs:
        problems.append("inputs: 'dependencies' is not supported for custom credentials")
    ids = set()
    for field in _fields(inputs):
        field_id = field['id']
        if field_id == 'tower':
            problems.append('inputs: "tower" is a reserved field name')
        if field_id in ids:
            problems.append('inputs: field IDs must be unique (%s)' % field_id)
        ids.add(field_id)
        if 'default' in field:
            wanted = {'string': str, 'boolean': bool}[_field_type(field)]
            if type(field['default']) is not wanted:  # pylint: disable=unidiomatic-typecheck  # AWX's own test
                problems.append('inputs: the default of %s is not a %s' % (field_id, _field_type(field)))
        for key in ('choices', 'multiline', 'format', 'secret'):
            if key in field and _field_type(field) != 'string':
                problems.append('inputs: %s not allowed for %s type (%s)' % (key, _field_type(field), field_id))
    for name in inputs.get('required') or []:
        if name not in ids:
            problems.append('inputs: required names %r, which is not a field' % name)

    # every template, rendered with every field set and undefined names refused
    tower = Namespace()
    templates = [name for name in (injectors.get('file') or {}) if name.startswith('template')]
    if 'template' in templates:
        tower.filename = 'EXAMPLE_FILENAME'
        if len(templates) > 1:
            problems.append('injectors: must use multi-file syntax when injecting multiple files')
    elif templates:
        tower.filename = Namespace()
        for name in templates:
            setattr(tower.filename, name.split('.', 1)[1], 'EXAMPLE_FILENAME')
    namespace = dict((field_id, 'EXAMPLE') for field_id in ids)
    namespace['tower'] = tower
    strict = ImmutableSandboxedEnvironment(undefined=StrictUndefined)

    def check_template(kind, key, template):
        try:
            strict.from_string(template).render(namespace)
        except UndefinedError as exc:
            problems.append('injectors: %s %s uses an undefined field (%s)' % (kind, key, exc))
        except SecurityError as exc:
            problems.append('injectors: %s %s: unsafe code (%s)' % (kind, key, exc))
        except TemplateSyntaxError as exc:
            problems.append('injectors: %s %s: syntax error (%s)' % (kind, key, exc))

    def check_extra_vars(key, node):
        if isinstance(node, dict):
            for sub_key, value in node.items():
                check_template('extra_vars', 'a key' if key is None else key, sub_key)
                check_extra_vars(sub_key if key is None else '%s.%s' % (key, sub_key), value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                check_extra_vars('%s[%d]' % (key, index), value)
        else:
            check_template('extra_vars', key, node)

    for kind, injector in injectors.items():
        if kind == 'env':
            for variable in injector:
                if variable.startswith('ANSIBLE_') or variable in ENV_BLOCKLIST:
                    problems.append('injectors: environment variable %s is not allowed in credentials' % variable)
        if kind == 'extra_vars':
            check_extra_vars(None, injector)
        else:
            for key, template in injector.items():
                check_template(kind, key, template)
    return problems


def missing_required(inputs, credential_inputs):
    """The required inputs a credential lacks: AWX does not start a job with it."""
    ids = set(field['id'] for field in _fields(inputs))
    return [name for name in inputs.get('required') or []
            if name in ids and credential_inputs.get(name) in (None, '')]


def inject(inputs, injectors, credential_inputs, private_data_dir):
    """The environment variables a job gets from a credential, and the files written for it.

    :returns: ``(env, files)``, ``files`` mapping each ``file`` injector's label to the path written.
    """
    fields = dict((field['id'], field) for field in _fields(inputs))
    namespace = {}
    for name, value in credential_inputs.items():
        if name not in fields:
            raise ValueError('input %r is not a field of the credential type' % name)
        if isinstance(value, bool) or len(value):
            namespace[name] = value
    for name, field in fields.items():
        if _field_type(field) == 'boolean' and name not in credential_inputs:
            namespace[name] = False
        if field.get('format') == 'ssh_private_key' and name in namespace and not namespace[name].endswith('\n'):
            namespace[name] += '\n'
    sandbox = ImmutableSandboxedEnvironment()
    tower = Namespace()
    namespace['tower'] = tower
    files = {}
    env_dir = os.path.join(private_data_dir, 'env')
    os.makedirs(env_dir, exist_ok=True)
    for label, template in (injectors.get('file') or {}).items():
        data = sandbox.from_string(template).render(**namespace)
        handle, path = tempfile.mkstemp(dir=env_dir)
        with os.fdopen(handle, 'w') as stream:
            stream.write(data)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        files[label] = path
        if '.' not in label:
            tower.filename = path
        else:
            if not hasattr(tower, 'filename'):
                tower.filename = Namespace()
            setattr(tower.filename, label.split('.', 1)[1], path)
    env = {}
    for variable, template in (injectors.get('env') or {}).items():
        if variable.startswith('ANSIBLE_') or variable in ENV_BLOCKLIST:
            continue  # AWX logs and skips it
        env[variable] = sandbox.from_string(template).render(**namespace)
    return env, files


def main(argv):
    if len(argv) != 4 or argv[1] != 'validate':
        sys.stderr.write('usage: %s validate INPUTS.yml INJECTORS.yml\n' % argv[0])
        return 2
    problems = type_problems(load(argv[2]), load(argv[3]))
    for problem in problems:
        print(problem)
    if not problems:
        print('AWX accepts the credential type (inputs %s, injectors %s)' % (argv[2], argv[3]))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
