# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python half of the extra check runner.sh (an AWX job run with ansible-runner); runner.sh says what it proves.

    runner.py inject HTTP_API_URL HTTPS_API_URL CA_FILE PDD TMP COLLECTIONS_PATH
        the credential type of docs/awx/ injected as AWX injects it, for a password, a token, no API URL and a CA
        bundle (and that bundle left out); each environment read by the modules' own argument spec. Writes
        TMP/envvars-{password,ca,no-ca}.yml for the runs.
    runner.py verify IDENT EXPECT PDD INSTALLED TMP
        judge the ansible-runner run IDENT (EXPECT: create, noop or tls-refused) from the simulator's request log
        and state (TMP/sim-log-IDENT.json, TMP/sim-state-IDENT.json, from tests/utils/simctl.py), the runner's
        artifacts in PDD and its console output (TMP/console-IDENT.txt); writes TMP/summary-IDENT.txt.

Run from the collection root with the tools venv's Python; the exit status is 1 when a problem was found, each one
printed on a line of its own.
"""

import collections
import glob
import importlib.util
import json
import os
import re
import stat
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir))
import simctl  # noqa: E402  pylint: disable=wrong-import-position
import awx_credential  # noqa: E402  pylint: disable=wrong-import-position
import check_commands  # noqa: E402  pylint: disable=wrong-import-position

problems = []


def fail_if(condition, message):
    if condition:
        problems.append(message)


def read(path):
    with open(path, encoding='utf-8', errors='replace') as handle:
        return handle.read()


def inject_credentials(http_api_url, https_api_url, ca_file, pdd, tmp, collections_path):
    """The credential type injected for every kind of credential, and what the modules make of each environment."""
    sys.path.insert(0, collections_path)
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
    from ansible_collections.community.alertsite.plugins.module_utils.connection import (
        connection_argument_spec, connection_problems)

    inputs = awx_credential.load(os.path.join('docs', 'awx', 'credential_type_inputs.yml'))
    injectors = awx_credential.load(os.path.join('docs', 'awx', 'credential_type_injectors.yml'))
    with open(ca_file, encoding='utf-8') as handle:
        ca_pem = handle.read()

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

    return check_commands.report(problems)


def verify_run(ident, expect, pdd, installed, tmp):
    """The run IDENT sent what EXPECT says, ended as it says, and left no secret behind."""
    artifacts = os.path.join(pdd, 'artifacts', ident)

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
        with open(os.path.join(tmp, 'sim-state-%s.json' % ident), encoding='utf-8') as handle:
            stored = json.load(handle)['monitors']
        names = sorted((m['type'], m['name']) for m in stored)
        fail_if(names != [('email-smtp', 'runner-mx-587'), ('tcp', 'runner-db-5432'), ('tcp', 'runner-web-443')],
                'the simulator holds %s' % names)

    # no secret in what the runner leaves behind. env/envvars holds the password by design (it is the input, as
    # AWX writes it), and artifacts/IDENT/command records the command and the whole environment the runner ran
    # it with, so it holds ALERTSITE_PASSWORD too: that one value is taken out of it, and the rest is searched.
    sys.path.insert(0, os.path.dirname(simctl.SIMULATOR))  # for the test_server module beside it
    spec = importlib.util.spec_from_file_location('alertsite_sim', simctl.SIMULATOR)
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
        return check_commands.report(problems)
    with open(os.path.join(tmp, 'summary-%s.txt' % ident), 'w', encoding='utf-8') as handle:
        if expect == 'tls-refused':
            handle.write('failed on TLS verification, 0 requests, %d files searched' % searched)
        else:
            handle.write('%d requests (%d login, %d GET, %d writes), changed=%d, %d files searched'
                         % (counts['total'], counts['logins'], counts['GET'], counts['writes'], changed_wanted, searched))
    return 0


if __name__ == '__main__':
    sys.exit(check_commands.run(__doc__, {'inject': lambda argv: inject_credentials(*argv[1:7]),
                                          'verify': lambda argv: verify_run(*argv[1:6])}))
