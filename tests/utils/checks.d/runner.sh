#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extra check (run by tests/utils/run-tests.sh): an AWX job, run the way AWX runs it, with ansible-runner.
#   1. the credential type of docs/awx/ (credential_type_inputs.yml and credential_type_injectors.yml, the
#      contents of AWX's two boxes) must pass AWX's own rules for saving a credential type (awx_credential.py
#      beside this script: schema, field ids, defaults, env variable names, every template rendered with
#      undefined names refused). Then it is injected as AWX injects it (a sandboxed Jinja2 environment; only
#      the inputs a credential holds, empty strings left out, unset booleans false; file injectors written to
#      env/ of the private data directory) for these credentials, and the modules' own argument spec reads
#      each environment (env fallbacks, type conversion, connection checks):
#        password  API URL = the simulator, user, password: ALERTSITE_API_URL/USERNAME/PASSWORD, TLS verified,
#                  ALERTSITE_CA_PATH empty (the CA file is written empty, as AWX does, and not used);
#        token     API URL, an access token and skip_tls_verify: the token, TLS verification off, and the
#                  empty ALERTSITE_USERNAME and ALERTSITE_PASSWORD do not get in the way;
#        no URL    user and password only, as a credential made through AWX's API may be: AWX starts the job
#                  (no required input missing) and the modules use the public API's URL;
#        CA        API URL = a second simulator over HTTPS (a certificate from a CA generated here), user,
#                  password and the CA's PEM as the CA bundle: ALERTSITE_CA_PATH names a file in env/, mode
#                  0600, holding exactly that PEM, and the modules read it as ca_path with TLS verified;
#   2. a private data directory as AWX lays it out: env/envvars, inventory/hosts, project/converge.yml
#      (localhost, the role community.alertsite.monitors with 2 tcp and 1 email-smtp monitors, and no
#      connection variable at all) and the collection built with ansible-galaxy collection build and
#      installed into the empty requirements_collections/, the only collections path;
#   3. ansible-runner run four times, each judged from the simulators' request logs, the runner's status,
#      its playbook_on_stats event and the PLAY RECAP of its stdout:
#        first     (password) one login and the three creates (POSTs to /monitors/tcp twice and
#                  /monitors/email-smtp once), nothing else written, changed=1; the role's task ran from
#                  the installed collection;
#        second    (password) one login, no write at all, changed=0;
#        no-ca     (the CA credential without its bundle, against the HTTPS simulator) fails on TLS
#                  verification, and not one request reaches that simulator;
#        ca        (CA) one login and the three creates on the HTTPS simulator, changed=1;
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

# sim_request METHOD URL [CA_FILE]: the simulator's control API (GET prints the reply), over HTTPS verified
# with CA_FILE
sim_request() {
    "$PYTHON" - "$@" <<'PYTHON'
import ssl
import sys
import urllib.request

method, url = sys.argv[1:3]
context = ssl.create_default_context(cafile=sys.argv[3]) if len(sys.argv) > 3 else None
request = urllib.request.Request(url, method=method)
with urllib.request.urlopen(request, timeout=10, context=context) as reply:
    sys.stdout.write(reply.read().decode('utf-8'))
PYTHON
}

# 1. two simulators (plain HTTP, and HTTPS with a certificate from a CA made here) and the credential type
certs="$CHECK_TMP/certs"
mkdir -p "$certs"
check_run 60 "$PYTHON" tests/integration/targets/client_tls_proxy/files/make_certs.py --dir "$certs" --ip 127.0.0.1 \
    || check_fail "could not generate the test CA and the simulator's certificate"
check_start_simulator
HTTP_SIM_URL="$SIM_URL"
HTTP_SIM_API_URL="$SIM_API_URL"
check_start_simulator --https "$certs/server.pem" "$certs/server-key.pem"
HTTPS_SIM_URL="$SIM_URL"
HTTPS_SIM_API_URL="$SIM_API_URL"
for url in "$HTTP_SIM_URL" "$HTTPS_SIM_URL"; do
    sim_request GET "$url/_sim/log" "$certs/ca.pem" >/dev/null 2>>"$CHECK_LOG" \
        || check_fail "the simulator at $url does not answer"
done

check_run 60 "$PYTHON" tests/utils/checks.d/awx_credential.py validate \
    docs/awx/credential_type_inputs.yml docs/awx/credential_type_injectors.yml \
    || check_fail "AWX would refuse the credential type of docs/awx/ (see above)"

check_py 120 "$PYTHON" tests/utils/checks.d "$HTTP_SIM_API_URL" "$HTTPS_SIM_API_URL" "$certs/ca.pem" "$PDD" \
    "$CHECK_TMP" "$COLLECTIONS_PATH" <<'PYTHON' \
    || check_fail "the credential type of docs/awx/ does not inject a usable environment"
import os
import stat
import sys

import yaml

checks_dir, http_api_url, https_api_url, ca_file, pdd, tmp, collections_path = sys.argv[1:8]
sys.path.insert(0, checks_dir)
sys.path.insert(0, collections_path)
import awx_credential  # noqa: E402  pylint: disable=import-error,wrong-import-position

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator  # noqa: E402
from ansible_collections.community.alertsite.plugins.module_utils.connection import (  # noqa: E402
    connection_argument_spec, connection_problems)

inputs = awx_credential.load(os.path.join('docs', 'awx', 'credential_type_inputs.yml'))
injectors = awx_credential.load(os.path.join('docs', 'awx', 'credential_type_injectors.yml'))
with open(ca_file, encoding='utf-8') as handle:
    ca_pem = handle.read()
problems = []


def fail_if(condition, message):
    if condition:
        problems.append(message)


def module_view(env):
    """The connection options a module reads from this environment, and what it objects to."""
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


def inject(name, credential):
    """The credential's environment, as AWX injects it into the job's private data directory."""
    missing = awx_credential.missing_required(inputs, credential)
    fail_if(missing, '%s: AWX would not start a job with this credential, it lacks %s' % (name, missing))
    env, files = awx_credential.inject(inputs, injectors, credential, pdd)
    params, objections = module_view(env)
    fail_if(objections, '%s: the modules refuse the environment: %s' % (name, '; '.join(objections)))
    print('%s: %s' % (name, ', '.join(
        '%s=%s' % (variable, '(%d characters)' % len(value) if 'PASSWORD' in variable or 'TOKEN' in variable else repr(value))
        for variable, value in sorted(env.items()))))
    return env, files, params


def save(name, env):
    path = os.path.join(tmp, 'envvars-%s.yml' % name)
    with open(path, 'w', encoding='utf-8') as handle:
        os.chmod(path, 0o600)
        yaml.safe_dump(env, handle, default_flow_style=False)


public_url = [field for field in inputs['fields'] if field['id'] == 'api_url'][0].get('default')
fail_if(public_url != connection_argument_spec()['api_url']['default'],
        'the API URL input defaults to %r, the modules to %r' % (public_url, connection_argument_spec()['api_url']['default']))

# password: the CA file is written (empty) but not named
env, files, params = inject('password', {'api_url': http_api_url, 'username': 'demo', 'password': 'demo-password'})
fail_if(env.get('ALERTSITE_API_URL') != http_api_url, 'password: ALERTSITE_API_URL is %r' % env.get('ALERTSITE_API_URL'))
fail_if((params.get('username'), params.get('password')) != ('demo', 'demo-password'),
        'password: the modules do not read the user and password from the environment')
fail_if(params.get('access_token'), 'password: the modules read an access token that was not given')
fail_if(params.get('validate_certs') is not True, 'password: a credential that says nothing about TLS turns verification off')
fail_if(env.get('ALERTSITE_CA_PATH') != '' or params.get('ca_path'),
        'password: ALERTSITE_CA_PATH is %r without a CA bundle' % env.get('ALERTSITE_CA_PATH'))
fail_if(sorted(files) != ['template.ca_bundle'], 'password: files written: %s' % sorted(files))
save('password', env)

# token
env, files, params = inject('token', {'api_url': http_api_url, 'access_token': '0123456789abcdef', 'skip_tls_verify': True})
fail_if(params.get('access_token') != '0123456789abcdef', 'token: a token-only credential gives no token')
fail_if(params.get('username') or params.get('password'), 'token: the modules read a user or password that was not given')
fail_if(params.get('validate_certs') is not False, 'token: skip_tls_verify does not turn verification off')

# no URL, as a credential made through the API may be
env, files, params = inject('no URL', {'username': 'demo', 'password': 'demo-password'})
fail_if(env.get('ALERTSITE_API_URL') != public_url, 'no URL: ALERTSITE_API_URL is %r, not %r' % (env.get('ALERTSITE_API_URL'), public_url))
fail_if(params.get('api_url') != public_url, 'no URL: the modules would use %r, not %r' % (params.get('api_url'), public_url))

# CA: the bundle is a file of env/, and ALERTSITE_CA_PATH names it
env, files, params = inject('CA', {'api_url': https_api_url, 'username': 'demo', 'password': 'demo-password', 'ca_bundle': ca_pem})
ca_path = env.get('ALERTSITE_CA_PATH') or ''
fail_if(not ca_path or ca_path != files.get('template.ca_bundle'), 'CA: ALERTSITE_CA_PATH is %r, the file written %r' % (ca_path, files))
if ca_path and os.path.isfile(ca_path):
    fail_if(os.path.dirname(ca_path) != os.path.join(pdd, 'env'), 'CA: the bundle is not in env/ of the private data directory')
    fail_if(stat.S_IMODE(os.stat(ca_path).st_mode) != 0o600, 'CA: the bundle file has mode %o' % stat.S_IMODE(os.stat(ca_path).st_mode))
    with open(ca_path, encoding='utf-8') as handle:
        fail_if(handle.read() != ca_pem, 'CA: the bundle file does not hold the PEM given')
else:
    problems.append('CA: no bundle file at %r' % ca_path)
fail_if(params.get('ca_path') != ca_path or params.get('validate_certs') is not True,
        'CA: the modules read ca_path=%r validate_certs=%r' % (params.get('ca_path'), params.get('validate_certs')))
save('ca', env)

# the same credential without its bundle, for the run that must fail
env, files, params = inject('no CA', {'api_url': https_api_url, 'username': 'demo', 'password': 'demo-password'})
fail_if(params.get('ca_path'), 'no CA: the modules read a ca_path')
save('no-ca', env)

if problems:
    print('\n'.join(problems))
    sys.exit(1)
PYTHON

# 2. the private data directory. The collection as an execution environment or AWX gets it: the built
# tarball installed into an empty collections path, which env/envvars names (as AWX does for a project's
# collections/requirements.yml), next to the credential's variables.
check_build
check_install "$PDD/requirements_collections"
INSTALLED="$PDD/requirements_collections/ansible_collections/community/alertsite"
[ -f "$INSTALLED/roles/monitors/tasks/main.yml" ] || check_fail "the role was not installed to $INSTALLED"

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

# 3. the runs. Each one gets the env/envvars of its credential, plus ANSIBLE_COLLECTIONS_PATH (an absolute
# path) naming the installed collection as the only one, as AWX does for a project's collections.
runner_run() {
    local ident="$1" credential="$2" out="$CHECK_TMP/console-$1.txt" rc=0
    cp "$CHECK_TMP/envvars-$credential.yml" "$PDD/env/envvars"
    chmod 600 "$PDD/env/envvars"
    printf 'ANSIBLE_COLLECTIONS_PATH: %s\n' "$PDD/requirements_collections" >>"$PDD/env/envvars"
    timeout -k 10 600 ansible-runner run "$PDD" -p converge.yml --ident "$ident" </dev/null >"$out" 2>&1 || rc=$?
    { printf '$ ansible-runner run %s -p converge.yml --ident %s\n' "$PDD" "$ident"; cat "$out"; } >>"$CHECK_LOG"
    return "$rc"
}

# verify_run IDENT EXPECT SIM_URL: EXPECT is create, noop or tls-refused
verify_run() {
    local ident="$1" expect="$2" sim_base="$3"
    sim_request GET "$sim_base/_sim/log" "$certs/ca.pem" >"$CHECK_TMP/sim-log-$ident.json" 2>>"$CHECK_LOG" \
        || check_fail "could not read the request log of the simulator at $sim_base"
    sim_request GET "$sim_base/_sim/monitors" "$certs/ca.pem" >"$CHECK_TMP/sim-monitors-$ident.json" 2>>"$CHECK_LOG" \
        || check_fail "could not read the monitors of the simulator at $sim_base"
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
if expect == 'tls-refused':
    fail_if(requests or counts['total'], 'the simulator got %d requests over a connection that must fail' % counts['total'])
else:
    fail_if(len(logins) != 1, '%d logins, expected exactly one' % len(logins))
wanted = {'/api/v3/monitors/tcp': 2, '/api/v3/monitors/email-smtp': 1} if expect == 'create' else {}
fail_if(creates != collections.Counter(wanted), 'POSTs besides the login: %s, expected %s' % (dict(creates), wanted))
fail_if(others, 'PATCH, DELETE or other writes: %s' % ['%s %s' % (r['method'], r['path']) for r in others])
fail_if(failed, 'requests that failed: %s' % ['%s %s -> %s' % (r['method'], r['path'], r.get('status')) for r in failed])
fail_if(counts['writes'] != sum(wanted.values()), 'the simulator counted %d writes' % counts['writes'])

# the runner's verdict
status = read(os.path.join(artifacts, 'status')).strip() if os.path.isfile(os.path.join(artifacts, 'status')) else None
rc = read(os.path.join(artifacts, 'rc')).strip() if os.path.isfile(os.path.join(artifacts, 'rc')) else None
if expect == 'tls-refused':
    fail_if(status != 'failed', 'artifacts/%s/status is %r, expected failed' % (ident, status))
    fail_if(rc in (None, '0'), 'artifacts/%s/rc is %r' % (ident, rc))
else:
    fail_if(status != 'successful', 'artifacts/%s/status is %r' % (ident, status))
    fail_if(rc != '0', 'artifacts/%s/rc is %r' % (ident, rc))
events = []
for path in sorted(glob.glob(os.path.join(artifacts, 'job_events', '*.json'))):
    with open(path, encoding='utf-8') as handle:
        events.append(json.load(handle))
stats = [e['event_data'] for e in events if e.get('event') == 'playbook_on_stats']
fail_if(len(stats) != 1, '%d playbook_on_stats events' % len(stats))
changed_wanted = 1 if expect == 'create' else 0
failed_wanted = 1 if expect == 'tls-refused' else 0
if stats:
    changed = stats[0].get('changed') or {}
    fail_if(changed.get('localhost', 0) != changed_wanted or set(changed) - {'localhost'},
            'playbook_on_stats changed=%s, expected localhost: %d' % (changed, changed_wanted))
    failures = stats[0].get('failures') or {}
    fail_if(failures.get('localhost', 0) != failed_wanted or set(failures) - {'localhost'},
            'playbook_on_stats failures=%s, expected localhost: %d' % (failures, failed_wanted))
    fail_if(stats[0].get('dark'), 'unreachable: %s' % stats[0])
stdout = read(os.path.join(artifacts, 'stdout')) if os.path.isfile(os.path.join(artifacts, 'stdout')) else ''
recap = re.findall(r'^localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)', stdout, re.M)
fail_if(len(recap) != 1, 'artifacts/%s/stdout has %d PLAY RECAP lines for localhost' % (ident, len(recap)))
if recap:
    fail_if(recap[0][1:] != (str(changed_wanted), '0', str(failed_wanted)),
            'PLAY RECAP: ok=%s changed=%s unreachable=%s failed=%s' % recap[0])
module = 'community.alertsite.alertsite_monitors'
role_tasks = [e['event_data'] for e in events if e.get('event') in ('runner_on_ok', 'runner_on_failed')
              and (e.get('event_data') or {}).get('resolved_action') == module]
outcome = 'runner_on_failed' if expect == 'tls-refused' else 'runner_on_ok'
fail_if([e.get('event') for e in events if e.get('event') in ('runner_on_ok', 'runner_on_failed')
         and (e.get('event_data') or {}).get('resolved_action') == module] != [outcome],
        'the %s task did not end once with %s' % (module, outcome))
for data in role_tasks:
    fail_if(not data.get('task_path', '').startswith(os.path.join(installed, 'roles', 'monitors') + os.sep),
            'the role ran from %r, not from the installed collection' % data.get('task_path'))
    if expect == 'tls-refused':
        message = str((data.get('res') or {}).get('msg'))
        fail_if(not re.search(r'TLS|certificate verify failed', message), 'the task failed for another reason: %s' % message)
        print('run %s failed as it must: %s' % (ident, message))
if expect == 'create':
    with open(os.path.join(tmp, 'sim-monitors-%s.json' % ident), encoding='utf-8') as handle:
        stored = json.load(handle)
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
    if expect == 'tls-refused':
        handle.write('failed on TLS verification, 0 requests, %d files searched' % searched)
    else:
        handle.write('%d requests (%d login, %d GET, %d writes), changed=%d, %d files searched'
                     % (counts['total'], counts['logins'], counts['GET'], counts['writes'], changed_wanted, searched))
PYTHON
}

sim_request DELETE "$HTTP_SIM_URL/_sim/log" >/dev/null 2>>"$CHECK_LOG" || check_fail "could not clear the simulator's request log"
runner_run first password || check_fail "ansible-runner run (first run, creating the monitors) failed"
verify_run first create "$HTTP_SIM_URL"
sim_request DELETE "$HTTP_SIM_URL/_sim/log" >/dev/null 2>>"$CHECK_LOG" || check_fail "could not clear the simulator's request log"
runner_run second password || check_fail "ansible-runner run (second run, nothing to change) failed"
verify_run second noop "$HTTP_SIM_URL"
sim_request DELETE "$HTTPS_SIM_URL/_sim/log" "$certs/ca.pem" >/dev/null 2>>"$CHECK_LOG" \
    || check_fail "could not clear the HTTPS simulator's request log"
if runner_run no-ca no-ca; then
    check_fail "ansible-runner run no-ca succeeded against the HTTPS simulator without its CA"
fi
verify_run no-ca tls-refused "$HTTPS_SIM_URL"
runner_run ca ca || check_fail "ansible-runner run ca (CA bundle from the credential, HTTPS simulator) failed"
verify_run ca create "$HTTPS_SIM_URL"

check_pass "credential type accepted by AWX's rules; injected for a password, a token, no API URL (public API) and a CA" \
    "bundle, each accepted by the modules; ansible-runner run 1: $(cat "$CHECK_TMP/summary-first.txt");" \
    "run 2: $(cat "$CHECK_TMP/summary-second.txt"); without the CA bundle: $(cat "$CHECK_TMP/summary-no-ca.txt");" \
    "with it: $(cat "$CHECK_TMP/summary-ca.txt"); no password or token in the artifacts"
