#!/usr/bin/env bash
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Secrets never show: search -vvv output of the integration targets for the secrets they use.
#
#   bash tests/utils/scan-secrets.sh COLLECTION_ROOT LOG...
#
# Searched for: the simulator's password (demo-password), any access token the simulator issued (all start
# with 5ec7e7ed), and every literal password-like value written in the targets' YAML (recipient passwords
# under any key that ends in recipient_password, and http_basic_auth_password). Prints every leak with
# its first lines; exits 1 when anything leaked.
set -uo pipefail

root="$1"
shift
mapfile -t secrets < <(
    { echo demo-password
      grep -rhoE '^\s*(email_password|password|alertsite_password|ALERTSITE_PASSWORD|[a-z_]*recipient_password|http_basic_auth_password):\s*["'"'"']?[^"'"'"'{} ]{6,}' \
          "$root/tests/integration/targets" --include='*.yml' | sed -E 's/^[^:]*:\s*["'"'"']?//'
      echo 5ec7e7ed
    } | sort -u)
leaks=0
for secret in "${secrets[@]}"; do
    count="$(cat "$@" | grep -cF -- "$secret" || true)"
    if [ "$count" -gt 0 ]; then
        leaks=$((leaks + 1))
        echo "LEAK: '${secret:0:4}...' appears on $count line(s), for example:"
        grep -nF -- "$secret" "$@" | head -n 3 | cut -c1-300
    fi
done
echo "searched $(cat "$@" | wc -c) bytes of -vvv output in $# log(s) for ${#secrets[@]} secrets: $leaks leaked"
[ "$leaks" -eq 0 ]
