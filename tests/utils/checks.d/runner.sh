#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): an AWX job, run the way AWX runs it, with ansible-runner.
#   1. the injector of docs/awx/credential_type.yml is rendered as AWX renders it (a sandboxed Jinja2
#      environment; only the inputs a credential holds, empty strings left out, unset booleans false) for
#      the inputs api_url = the simulator, username demo, password demo-password: every input and every
#      name a template uses must be a field, the required inputs must be given, and the environment must
#      hold ALERTSITE_API_URL, ALERTSITE_USERNAME and ALERTSITE_PASSWORD and verify TLS certificates. The
#      modules' own argument spec then reads it (env fallbacks, type conversion, connection checks): it
#      must be usable as it is, and so must the environment of a token-only credential, whose empty
#      ALERTSITE_USERNAME and ALERTSITE_PASSWORD must not get in the way. The result is env/envvars;
#   2. a private data directory as AWX lays it out: env/envvars, inventory/hosts, project/converge.yml
#      (localhost, the role community.alertsite.monitors with 2 tcp and 1 email-smtp monitors, and no
#      connection variable at all) and the collection built with ansible-galaxy collection build and
#      installed into the empty requirements_collections/, the only collections path;
#   3. ansible-runner run twice. The first run must succeed with one login and the three creates (POSTs to
#      /monitors/tcp twice and /monitors/email-smtp once), nothing else written, changed=1; the second
#      with one login, no write at all and changed=0 (the runner's status, its playbook_on_stats event and
#      the PLAY RECAP of its stdout). The role's task must have run from the installed collection;
#   4. neither the password nor any simulator token appears in the runner's artifacts (stdout, job
#      events, status) or its console output.
set -euo pipefail

# shellcheck source=common.bash
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

TOOLS="$(check_tools_venv)" || check_fail "could not build the tools venv"
[ -x "$TOOLS/bin/ansible-runner" ] || check_fail "no ansible-runner in the tools venv $TOOLS"
PYTHON="$TOOLS/bin/python"
export PATH="$TOOLS/bin:$PATH"
export ANSIBLE_NOCOLOR=1 NO_COLOR=1 ANSIBLE_FORCE_COLOR=0
export ANSIBLE_LOCAL_TEMP="$CHECK_TMP/ansible-tmp"
unset ANSIBLE_COLLECTIONS_PATH ANSIBLE_COLLECTIONS_PATHS
# The connection must come from env/envvars only, not from the environment the check was started in.
for name in $(compgen -e ALERTSITE_ || true); do
    unset "$name"
done

SIM="$COLLECTION_ROOT/tests/integration/targets/setup_alertsite_sim/files/alertsite_sim.py"
PDD="$CHECK_TMP/private"
mkdir -p "$PDD/env" "$PDD/inventory" "$PDD/project" "$PDD/requirements_collections"

sim_clear_log() {
    "$PYTHON" -c '
import sys
import urllib.request
request = urllib.request.Request(sys.argv[1] + "/_sim/log", method="DELETE")
with urllib.request.urlopen(request, timeout=10) as reply:
    reply.read()
' "$SIM_URL"
}

# 1. the simulator and the credential's environment
check_start_simulator

check_py 120 "$PYTHON" docs/awx/credential_type.yml "$SIM_API_URL" "$PDD/env/envvars" "$COLLECTIONS_PATH" <<'PYTHON' \
    || check_fail "the injector of docs/awx/credential_type.yml does not render a usable environment"
import os
import sys

import yaml
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

definition_path, api_url, envvars_path, collections_path = sys.argv[1:5]
with open(definition_path, encoding='utf-8') as handle:
    definition = yaml.safe_load(handle)
inputs = definition.get('inputs') or {}
fields = dict((field['id'], field) for field in inputs.get('fields') or [])
required = inputs.get('required') or []
env_templates = (definition.get('injectors') or {}).get('env') or {}
problems = []


def fail_if(condition, message):
    if condition:
        problems.append(message)


fail_if(not fields, 'inputs.fields is empty')
fail_if(not env_templates, 'injectors.env is empty')
for name in required:
    fail_if(name not in fields, 'inputs.required names %r, which is not a field' % name)
sandbox = ImmutableSandboxedEnvironment()
# Saving a credential type, AWX renders every injector with all fields set and undefined names refused.
strict = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
for variable, template in env_templates.items():
    fail_if(variable.startswith('ANSIBLE_') or variable in ('PATH', 'PYTHONPATH', 'VIRTUAL_ENV'),
            'AWX refuses to inject %s' % variable)
    unknown = meta.find_undeclared_variables(sandbox.parse(template)) - set(fields) - {'tower'}
    fail_if(unknown, '%s uses %s, which are not fields' % (variable, ', '.join(sorted(unknown))))
    for flag in (True, False):
        namespace = dict((name, flag if field.get('type') == 'boolean' else 'example')
                         for name, field in fields.items())
        try:
            strict.from_string(template).render(**namespace)
        except Exception as exc:  # pylint: disable=broad-except
            problems.append('%s does not render: %s' % (variable, exc))


def render(credential_inputs):
    """The environment AWX's CredentialType.inject_credential makes for a credential's inputs."""
    for name, value in credential_inputs.items():
        fail_if(name not in fields, 'input %r is not a field' % name)
        wanted = bool if fields.get(name, {}).get('type') == 'boolean' else str
        fail_if(not isinstance(value, wanted), 'input %r is not a %s' % (name, wanted.__name__))
    for name in required:
        fail_if(credential_inputs.get(name) in (None, ''), 'the required input %r is not given' % name)
    namespace = {}
    for name, value in credential_inputs.items():
        if isinstance(value, bool) or len(value):
            namespace[name] = value
    for name, field in fields.items():
        if field.get('type') == 'boolean' and name not in credential_inputs:
            namespace[name] = False
    return dict((variable, sandbox.from_string(template).render(**namespace))
                for variable, template in env_templates.items())


def module_view(env):
    """The connection options a module reads from this environment, and what it objects to."""
    sys.path.insert(0, collections_path)
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
    from ansible_collections.community.alertsite.plugins.module_utils.connection import (
        connection_argument_spec, connection_problems)

    saved = dict(os.environ)
    try:
        for variable in [name for name in os.environ if name.startswith('ALERTSITE_')]:
            del os.environ[variable]
        os.environ.update(env)
        result = ArgumentSpecValidator(connection_argument_spec()).validate({})
    finally:
        os.environ.clear()
        os.environ.update(saved)
    errors = [str(error) for error in result.errors]
    return result.validated_parameters, errors + connection_problems(result.validated_parameters)


env = render({'api_url': api_url, 'username': 'demo', 'password': 'demo-password'})
for variable in ('ALERTSITE_API_URL', 'ALERTSITE_USERNAME', 'ALERTSITE_PASSWORD'):
    fail_if(not env.get(variable), 'the rendered environment has no %s' % variable)
fail_if(env.get('ALERTSITE_API_URL') != api_url, 'ALERTSITE_API_URL is %r' % env.get('ALERTSITE_API_URL'))
params, objections = module_view(env)
fail_if(objections, 'the modules refuse the environment: %s' % '; '.join(objections))
fail_if(params.get('validate_certs') is not True,
        'a credential that says nothing about TLS turns certificate verification off')
fail_if((params.get('username'), params.get('password')) != ('demo', 'demo-password'),
        'the modules do not read the user and password from the environment')
fail_if(params.get('access_token'), 'the modules read an access token that was not given')
print('rendered for api_url, username, password: %s' % ', '.join(
    '%s=%s' % (variable, '(%d characters)' % len(value) if 'PASSWORD' in variable else repr(value))
    for variable, value in sorted(env.items())))

token_env = render({'api_url': api_url, 'access_token': '0123456789abcdef', 'skip_tls_verify': True})
token_params, objections = module_view(token_env)
fail_if(objections, 'the modules refuse the environment of a token-only credential: %s' % '; '.join(objections))
fail_if(token_params.get('access_token') != '0123456789abcdef', 'a token-only credential gives no token')
fail_if(token_params.get('validate_certs') is not False, 'skip_tls_verify does not turn verification off')

if problems:
    print('\n'.join(problems))
    sys.exit(1)
with open(envvars_path, 'w', encoding='utf-8') as handle:
    os.chmod(envvars_path, 0o600)
    yaml.safe_dump(env, handle, default_flow_style=False)
PYTHON

# 2. the private data directory. The collection as an execution environment or AWX gets it: the built
# tarball installed into an empty collections path, which env/envvars names (as AWX does for a project's
# collections/requirements.yml), next to the credential's variables.
check_build
check_install "$PDD/requirements_collections"
INSTALLED="$PDD/requirements_collections/ansible_collections/community/alertsite"
[ -f "$INSTALLED/roles/monitors/tasks/main.yml" ] || check_fail "the role was not installed to $INSTALLED"
printf 'ANSIBLE_COLLECTIONS_PATH: %s\n' "$PDD/requirements_collections" >>"$PDD/env/envvars"

printf 'localhost\n' >"$PDD/inventory/hosts"
cat >"$PDD/project/converge.yml" <<YAML
---
# The connection comes from the environment (the AlertSite credential's ALERTSITE_* variables).
- name: Converge AlertSite monitors
  hosts: localhost
  gather_facts: false
  connection: local
  vars:
    ansible_python_interpreter: "$PYTHON"
  tasks:
    - name: Converge the fleet
      ansible.builtin.include_role:
        name: community.alertsite.monitors
      vars:
        alertsite_monitors:
          - type: tcp
            name: runner-web-443
            billing_plancode: UBM - A/A
            hostname: www.example.com
            port: 443
            locations: [10, 20]
          - type: tcp
            name: runner-db-5432
            billing_plancode: UBM - A/A
            hostname: db.example.com
            port: 5432
          - type: email-smtp
            name: runner-mx-587
            billing_plancode: UBM - A/A
            hostname: smtp.example.com
            port: 587
YAML

# 3. two runs
runner_run() {
    local ident="$1" out="$CHECK_TMP/console-$1.txt" rc=0
    timeout -k 10 600 ansible-runner run "$PDD" -p converge.yml --ident "$ident" </dev/null >"$out" 2>&1 || rc=$?
    { printf '$ ansible-runner run %s -p converge.yml --ident %s\n' "$PDD" "$ident"; cat "$out"; } >>"$CHECK_LOG"
    return "$rc"
}

verify_run() {
    local ident="$1" expect="$2"
    check_sim_log >"$CHECK_TMP/sim-log-$ident.json" || check_fail "could not read the simulator's request log"
    check_py 120 "$PYTHON" "$ident" "$expect" "$PDD" "$INSTALLED" "$CHECK_TMP" "$SIM" <<'PYTHON' \
        || check_fail "ansible-runner run $ident ($expect): unexpected requests, result or leaked secret"
import collections
import glob
import importlib.util
import json
import os
import re
import sys

ident, expect, pdd, installed, tmp, sim_path = sys.argv[1:7]
artifacts = os.path.join(pdd, 'artifacts', ident)
problems = []


def fail_if(condition, message):
    if condition:
        problems.append(message)


def read(path):
    with open(path, encoding='utf-8', errors='replace') as handle:
        return handle.read()


# the requests
with open(os.path.join(tmp, 'sim-log-%s.json' % ident), encoding='utf-8') as handle:
    log = json.load(handle)
counts = log['counts']
requests = log['requests']
logins = [r for r in requests if r['method'] == 'POST' and r['path'] == '/api/v3/access-tokens']
creates = collections.Counter(r['path'] for r in requests if r['method'] == 'POST' and r not in logins)
others = [r for r in requests if r['method'] not in ('GET', 'POST')]
failed = [r for r in requests if not 200 <= (r.get('status') or 0) < 300]
fail_if(len(logins) != 1, '%d logins, expected exactly one' % len(logins))
wanted = {'/api/v3/monitors/tcp': 2, '/api/v3/monitors/email-smtp': 1} if expect == 'create' else {}
fail_if(creates != collections.Counter(wanted), 'POSTs besides the login: %s, expected %s' % (dict(creates), wanted))
fail_if(others, 'PATCH, DELETE or other writes: %s' % ['%s %s' % (r['method'], r['path']) for r in others])
fail_if(failed, 'requests that failed: %s' % ['%s %s -> %s' % (r['method'], r['path'], r.get('status')) for r in failed])
fail_if(counts['writes'] != sum(wanted.values()), 'the simulator counted %d writes' % counts['writes'])

# the runner's verdict
status = read(os.path.join(artifacts, 'status')).strip() if os.path.isfile(os.path.join(artifacts, 'status')) else None
rc = read(os.path.join(artifacts, 'rc')).strip() if os.path.isfile(os.path.join(artifacts, 'rc')) else None
fail_if(status != 'successful', 'artifacts/%s/status is %r' % (ident, status))
fail_if(rc != '0', 'artifacts/%s/rc is %r' % (ident, rc))
events = []
for path in sorted(glob.glob(os.path.join(artifacts, 'job_events', '*.json'))):
    with open(path, encoding='utf-8') as handle:
        events.append(json.load(handle))
stats = [e['event_data'] for e in events if e.get('event') == 'playbook_on_stats']
fail_if(len(stats) != 1, '%d playbook_on_stats events' % len(stats))
changed_wanted = 1 if expect == 'create' else 0
if stats:
    changed = stats[0].get('changed') or {}
    fail_if(changed.get('localhost', 0) != changed_wanted or set(changed) - {'localhost'},
            'playbook_on_stats changed=%s, expected localhost: %d' % (changed, changed_wanted))
    fail_if(stats[0].get('failures') or stats[0].get('dark'), 'failed or unreachable: %s' % stats[0])
    fail_if((stats[0].get('ok') or {}).get('localhost', 0) < 1, 'no task ran: %s' % stats[0])
stdout = read(os.path.join(artifacts, 'stdout')) if os.path.isfile(os.path.join(artifacts, 'stdout')) else ''
recap = re.findall(r'^localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)', stdout, re.M)
fail_if(len(recap) != 1, 'artifacts/%s/stdout has %d PLAY RECAP lines for localhost' % (ident, len(recap)))
if recap:
    fail_if(int(recap[0][1]) != changed_wanted or recap[0][2:] != ('0', '0'),
            'PLAY RECAP: ok=%s changed=%s unreachable=%s failed=%s' % recap[0])
role_tasks = [e['event_data'] for e in events if e.get('event') == 'runner_on_ok'
              and (e.get('event_data') or {}).get('resolved_action') == 'community.alertsite.alertsite_monitors']
fail_if(len(role_tasks) != 1, '%d successful community.alertsite.alertsite_monitors tasks' % len(role_tasks))
for data in role_tasks:
    fail_if(not data.get('task_path', '').startswith(os.path.join(installed, 'roles', 'monitors') + os.sep),
            'the role ran from %r, not from the installed collection' % data.get('task_path'))
if expect == 'create':
    import urllib.request
    with urllib.request.urlopen(os.environ['SIM_URL'] + '/_sim/monitors', timeout=10) as reply:
        stored = json.load(reply)
    names = sorted((m['type'], m['name']) for m in stored)
    fail_if(names != [('email-smtp', 'runner-mx-587'), ('tcp', 'runner-db-5432'), ('tcp', 'runner-web-443')],
            'the simulator holds %s' % names)

# no secret in what the runner leaves behind. env/envvars holds the password by design (it is the input, as
# AWX writes it), and artifacts/IDENT/command records the command and the whole environment the runner ran
# it with, so it holds ALERTSITE_PASSWORD too: that one value is taken out of it, and the rest is searched.
sys.path.insert(0, os.path.dirname(sim_path))  # for the test_server module beside it
spec = importlib.util.spec_from_file_location('alertsite_sim', sim_path)
sim = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sim)
secret = re.compile(r'demo-password|%s[0-9a-f]{24}' % re.escape(sim.TOKEN_PREFIX))
searched = 0
leaks = []
console = os.path.join(tmp, 'console-%s.txt' % ident)
for path in [console] + sorted(glob.glob(os.path.join(artifacts, '**'), recursive=True)):
    if not os.path.isfile(path):
        continue
    text = read(path)
    if os.path.relpath(path, artifacts) == 'command':
        record = json.loads(text)
        fail_if(record.get('env', {}).pop('ALERTSITE_PASSWORD', None) != 'demo-password',
                'artifacts/%s/command does not record ALERTSITE_PASSWORD as given' % ident)
        text = json.dumps(record)
    searched += 1
    for match in sorted(set(secret.findall(text))):
        leaks.append('%s: %s' % (os.path.relpath(path, pdd) if path != console else 'console output',
                                 'the password' if match == 'demo-password' else 'a token'))
fail_if(leaks, 'secrets in the output: %s' % '; '.join(leaks))
fail_if(not os.path.isfile(os.path.join(artifacts, 'stdout')) or not glob.glob(os.path.join(artifacts, 'job_events', '*.json')),
        'artifacts/%s has no stdout or no job events to search' % ident)

print('run %s: %s' % (ident, json.dumps(counts, sort_keys=True)))
if problems:
    print('\n'.join(problems))
    sys.exit(1)
with open(os.path.join(tmp, 'summary-%s.txt' % ident), 'w', encoding='utf-8') as handle:
    handle.write('%d requests (%d login, %d GET, %d writes), changed=%d, %d files searched'
                 % (counts['total'], counts['logins'], counts['GET'], counts['writes'], changed_wanted, searched))
PYTHON
}

export SIM_URL
sim_clear_log || check_fail "could not clear the simulator's request log"
runner_run first || check_fail "ansible-runner run (first run, creating the monitors) failed"
verify_run first create
sim_clear_log || check_fail "could not clear the simulator's request log"
runner_run second || check_fail "ansible-runner run (second run, nothing to change) failed"
verify_run second noop

check_pass "credential type rendered and accepted by the modules; ansible-runner run 1: $(cat "$CHECK_TMP/summary-first.txt");" \
    "run 2: $(cat "$CHECK_TMP/summary-second.txt"); no password or token in the artifacts"
