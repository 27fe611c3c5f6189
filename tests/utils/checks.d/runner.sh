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
# The simulators are started and read with tests/utils/simctl.py; the judging is done by runner.py beside this
# script (runner.py inject: step 1's environments; runner.py verify: steps 3 and 4 for one run).
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

PDD="$CHECK_TMP/private"
mkdir -p "$PDD/env" "$PDD/inventory" "$PDD/project" "$PDD/requirements_collections"

# 1. two simulators (plain HTTP, and HTTPS with a certificate from a CA made here) and the credential type
certs="$CHECK_TMP/certs"
mkdir -p "$certs"
check_run 60 "$PYTHON" tests/integration/targets/client_tls_proxy/files/make_certs.py --dir "$certs" --ip 127.0.0.1 \
    || check_fail "could not generate the test CA and the simulator's certificate"
check_start_simulator
HTTP_SIM_DIR="$SIM_DIR"
HTTP_SIM_API_URL="$SIM_API_URL"
check_start_simulator --https "$certs/server.pem" "$certs/server-key.pem"
HTTPS_SIM_DIR="$SIM_DIR"
HTTPS_SIM_API_URL="$SIM_API_URL"

# sim COMMAND DIR: tests/utils/simctl.py COMMAND for the simulator of DIR (HTTPS verified with the CA made here)
sim() {
    "$PYTHON" "$SIMCTL" "$1" --dir "$2" --cafile "$certs/ca.pem" </dev/null 2>>"$CHECK_LOG"
}
for dir in "$HTTP_SIM_DIR" "$HTTPS_SIM_DIR"; do
    sim log "$dir" >/dev/null || check_fail "the simulator at $(cat "$dir/url") does not answer"
done

check_run 60 "$PYTHON" tests/utils/checks.d/awx_credential.py validate \
    docs/awx/credential_type_inputs.yml docs/awx/credential_type_injectors.yml \
    || check_fail "AWX would refuse the credential type of docs/awx/ (see above)"

check_run 120 "$PYTHON" tests/utils/checks.d/runner.py inject "$HTTP_SIM_API_URL" "$HTTPS_SIM_API_URL" "$certs/ca.pem" \
    "$PDD" "$CHECK_TMP" "$COLLECTIONS_PATH" \
    || check_fail "the credential type of docs/awx/ does not inject a usable environment"

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

# verify_run IDENT EXPECT SIM_DIR: EXPECT is create, noop or tls-refused
verify_run() {
    local ident="$1" expect="$2" dir="$3"
    sim log "$dir" >"$CHECK_TMP/sim-log-$ident.json" \
        || check_fail "could not read the request log of the simulator at $(cat "$dir/url")"
    sim state "$dir" >"$CHECK_TMP/sim-state-$ident.json" \
        || check_fail "could not read the monitors of the simulator at $(cat "$dir/url")"
    check_run 120 "$PYTHON" tests/utils/checks.d/runner.py verify "$ident" "$expect" "$PDD" "$INSTALLED" "$CHECK_TMP" \
        || check_fail "ansible-runner run $ident ($expect): unexpected requests, result or leaked secret"
}

sim clear-log "$HTTP_SIM_DIR" || check_fail "could not clear the simulator's request log"
runner_run first password || check_fail "ansible-runner run (first run, creating the monitors) failed"
verify_run first create "$HTTP_SIM_DIR"
sim clear-log "$HTTP_SIM_DIR" || check_fail "could not clear the simulator's request log"
runner_run second password || check_fail "ansible-runner run (second run, nothing to change) failed"
verify_run second noop "$HTTP_SIM_DIR"
sim clear-log "$HTTPS_SIM_DIR" || check_fail "could not clear the HTTPS simulator's request log"
if runner_run no-ca no-ca; then
    check_fail "ansible-runner run no-ca succeeded against the HTTPS simulator without its CA"
fi
verify_run no-ca tls-refused "$HTTPS_SIM_DIR"
runner_run ca ca || check_fail "ansible-runner run ca (CA bundle from the credential, HTTPS simulator) failed"
verify_run ca create "$HTTPS_SIM_DIR"

check_pass "credential type accepted by AWX's rules; injected for a password, a token, no API URL (public API) and a CA" \
    "bundle, each accepted by the modules; ansible-runner run 1: $(cat "$CHECK_TMP/summary-first.txt");" \
    "run 2: $(cat "$CHECK_TMP/summary-second.txt"); without the CA bundle: $(cat "$CHECK_TMP/summary-no-ca.txt");" \
    "with it: $(cat "$CHECK_TMP/summary-ca.txt"); no password or token in the artifacts"
