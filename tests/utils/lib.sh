# shellcheck shell=bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared shell functions of the test tooling (tests/utils/run-tests.sh, tests/utils/demo.sh and the
# scripts in tests/utils/checks.d/). Source it, do not run it:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Functions (all prefixed with as_):
#   as_log MSG...                 print a progress message on stderr
#   as_die MSG...                 print an error message on stderr and exit 1
#   as_repo_root                  print the collection root (the git top level holding tests/utils)
#   as_python_for SERIES          print the Python version (X.Y) used with an ansible-core series
#   as_find_python X.Y            print the path of a working, real (non-shim) pythonX.Y interpreter
#   as_cache_dir                  print the cache directory, ${XDG_CACHE_HOME:-$HOME/.cache}/community.alertsite
#   as_ensure_venv SERIES PYTHON  create or reuse the cached venv for tests/utils/requirements-SERIES.txt
#                                 and print its path
#   as_ensure_named_venv NAME REQUIREMENTS PYTHON [HEALTH_FUNCTION]
#                                 create or reuse the cached venv <cache>/venv-NAME for the requirements
#                                 file REQUIREMENTS (rebuilt when it or PYTHON changes) and print its path;
#                                 HEALTH_FUNCTION VENV (default: its python runs) must succeed on it
#   as_ensure_tools_venv          the venv "tools" of tests/utils/requirements-tools.txt on Python 3.11
#                                 (ansible-lint, antsibull-docs with Sphinx, antsibull-changelog,
#                                 ansible-builder, ansible-runner, ansible-core): create or reuse it and print
#                                 its path
#   as_ensure_importer_venv       the venv "importer" of tests/utils/requirements-importer.txt on Python 3.11
#                                 (galaxy-importer with its ansible-lint and ansible-core): create or reuse
#                                 it and print its path
#   as_install_get_pip_standin VENV
#                                 put tests/utils/get-pip-standin.py where the ansible-test of VENV
#                                 looks for its cached get-pip script(s)
#   as_make_python_bin DIR X.Y... fill DIR with symlinks pythonX.Y -> real interpreter
#   as_copy_collection DEST [--no-git]
#                                 copy the working tree (tracked and untracked-not-ignored files, plus
#                                 .git unless --no-git) to DEST/ansible_collections/community/alertsite
#                                 and print that path
#   as_build_install VENV DIR     build the collection from a copy of the working tree with VENV's
#                                 ansible-galaxy and install it into DIR/collections (exits on failure,
#                                 with the tool's output)

AS_NAMESPACE=community
AS_NAME=alertsite
AS_UTILS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

as_log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

as_die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

as_repo_root() {
    local root
    root="$(git -C "$AS_UTILS_DIR" rev-parse --show-toplevel 2>/dev/null)" || root=''
    if [ -z "$root" ]; then
        # not a git checkout: tests/utils is two levels below the collection root
        root="$(cd "$AS_UTILS_DIR/../.." && pwd)"
    fi
    printf '%s\n' "$root"
}

as_python_for() {
    case "$1" in
        2.19) echo 3.11 ;;
        2.20) echo 3.12 ;;
        2.21) echo 3.12 ;;
        *) as_die "unknown ansible-core series '$1' (known: 2.19, 2.20, 2.21)" ;;
    esac
}

# Print the real interpreter path (sys.executable) if $1 is a working python of version $2 with
# the venv and ensurepip modules. pyenv shims of versions that are not active exit 127 here.
_as_check_python() {
    local candidate="$1" version="$2"
    [ -x "$candidate" ] || return 1
    "$candidate" -c '
import sys
import ensurepip  # noqa: F401  (needed by venv and by the get-pip stand-in)
import venv  # noqa: F401
if "%d.%d" % sys.version_info[:2] != sys.argv[1]:
    sys.exit(1)
print(sys.executable)
' "$version" 2>/dev/null </dev/null
}

as_find_python() {
    local version="$1" root candidate found
    local -a candidates=()
    if command -v pyenv >/dev/null 2>&1 && root="$(pyenv root 2>/dev/null)" && [ -n "$root" ]; then
        # newest patch release first
        while IFS= read -r candidate; do
            candidates+=("$candidate")
        done < <(compgen -G "$root/versions/$version*/bin/python$version" | sort -rV)
    fi
    candidate="$(command -v "python$version" 2>/dev/null)" && candidates+=("$candidate")
    for candidate in "${candidates[@]}"; do
        if found="$(_as_check_python "$candidate" "$version")" && [ -n "$found" ]; then
            printf '%s\n' "$found"
            return 0
        fi
    done
    as_log "no working python$version found (tried: ${candidates[*]:-nothing})"
    return 1
}

as_cache_dir() {
    printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/$AS_NAMESPACE.$AS_NAME"
}

# The venv key: hash of the requirements file plus the identity of the base interpreter.
_as_venv_key() {
    local requirements="$1" python="$2"
    {
        cat "$requirements"
        "$python" -c 'import sys; print(sys.executable); print(sys.version)'
    } | sha256sum | cut -c1-32
}

_as_venv_healthy() {
    local venv="$1"
    [ -x "$venv/bin/python" ] && [ -x "$venv/bin/ansible-test" ] && [ -x "$venv/bin/ansible-playbook" ] \
        && "$venv/bin/python" -c 'import ansible, ansible_test, requests' >/dev/null 2>&1 </dev/null \
        && "$venv/bin/ansible" --version >/dev/null 2>&1 </dev/null
}

as_ensure_venv() {
    local series="$1" python="$2" requirements
    requirements="$AS_UTILS_DIR/requirements-$series.txt"
    [ -f "$requirements" ] || as_die "missing $requirements"
    as_ensure_named_venv "$series" "$requirements" "$python" _as_venv_healthy
}

_as_venv_python_works() {
    [ -x "$1/bin/python" ] && "$1/bin/python" -c 'import sys' >/dev/null 2>&1 </dev/null
}

as_ensure_named_venv() {
    local name="$1" requirements="$2" python="$3" healthy="${4:-_as_venv_python_works}"
    local cache venv key stamp lock_fd=''
    [ -f "$requirements" ] || as_die "missing $requirements"
    cache="$(as_cache_dir)"
    venv="$cache/venv-$name"
    stamp="$venv/.requirements-key"
    mkdir -p "$cache" || return 1
    key="$(_as_venv_key "$requirements" "$python")" || return 1

    # serialise concurrent runs that share the cache
    if command -v flock >/dev/null 2>&1; then
        exec {lock_fd}>"$cache/venv-$name.lock"
        flock "$lock_fd"
    fi

    local rc=0
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] && "$healthy" "$venv"; then
        as_log "reusing venv $venv (key $key)"
    else
        as_log "building venv $venv from $(basename "$requirements") with $python"
        rm -rf "$venv"
        if "$python" -m venv "$venv" </dev/null >&2 \
            && "$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$requirements" </dev/null >&2 \
            && "$healthy" "$venv"; then
            printf '%s\n' "$key" >"$stamp"
        else
            as_log "failed to build venv $venv"
            rm -rf "$venv"
            rc=1
        fi
    fi

    if [ -n "$lock_fd" ]; then
        exec {lock_fd}>&-
    fi
    [ "$rc" -eq 0 ] || return "$rc"
    printf '%s\n' "$venv"
}

_as_tools_venv_healthy() {
    local venv="$1" tool
    for tool in ansible-lint antsibull-docs antsibull-changelog ansible-builder ansible-runner \
        ansible-playbook ansible-doc ansible-galaxy sphinx-build; do
        [ -x "$venv/bin/$tool" ] || return 1
    done
    "$venv/bin/python" -c 'import ansible, ansiblelint, antsibull_docs, antsibull_changelog, ansible_builder, ansible_runner, requests, sphinx_ansible_theme' \
        >/dev/null 2>&1 </dev/null
}

as_ensure_tools_venv() {
    local python
    python="$(as_find_python 3.11)" || return 1
    as_ensure_named_venv tools "$AS_UTILS_DIR/requirements-tools.txt" "$python" _as_tools_venv_healthy
}

_as_importer_venv_healthy() {
    local venv="$1" tool
    for tool in ansible-lint ansible-doc ansible-galaxy; do
        [ -x "$venv/bin/$tool" ] || return 1
    done
    "$venv/bin/python" -c 'import galaxy_importer.main, ansible, ansiblelint' >/dev/null 2>&1 </dev/null
}

as_ensure_importer_venv() {
    local python
    python="$(as_find_python 3.11)" || return 1
    as_ensure_named_venv importer "$AS_UTILS_DIR/requirements-importer.txt" "$python" _as_importer_venv_healthy
}

# The pip version(s) that the ansible-test of a venv bootstraps, read from its python_requirements.py
# (default_packages = dict(pip='X.Y') plus any per-Python overrides), one per line.
as_ansible_test_pip_versions() {
    local venv="$1"
    "$venv/bin/python" - <<'PYTHON'
import os
import re

import ansible_test

path = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(path, encoding='utf-8') as handle:
    source = handle.read()
for version in sorted(set(re.findall(r'''\bpip\s*=\s*['"]([0-9][0-9a-zA-Z.]*)['"]''', source))):
    print(version)
PYTHON
}

as_install_get_pip_standin() {
    local venv="$1" version target cache_dir versions
    cache_dir="$HOME/.ansible/test/cache"
    versions="$(as_ansible_test_pip_versions "$venv")" || return 1
    [ -n "$versions" ] || { as_log "could not read the pip version pinned by ansible-test in $venv"; return 1; }
    mkdir -p "$cache_dir" || return 1
    while IFS= read -r version; do
        target="$cache_dir/get_pip_${version//./_}.py"
        # keep a real get-pip script that ansible-test managed to download itself
        if [ -f "$target" ] && ! grep -q 'Offline stand-in for the pip bootstrap script' "$target"; then
            as_log "keeping existing $target"
            continue
        fi
        if [ -f "$target" ] && cmp -s "$AS_UTILS_DIR/get-pip-standin.py" "$target"; then
            as_log "get-pip stand-in for pip $version in place at $target"
            continue
        fi
        cp "$AS_UTILS_DIR/get-pip-standin.py" "$target" || return 1
        as_log "installed the get-pip stand-in for pip $version at $target"
    done <<<"$versions"
}

as_make_python_bin() {
    local dir="$1" version python
    shift
    mkdir -p "$dir" || return 1
    for version in "$@"; do
        python="$(as_find_python "$version")" || return 1
        ln -sfn "$python" "$dir/python$version" || return 1
    done
}

as_copy_collection() {
    local dest="$1" with_git=1 root target path
    [ "${2:-}" = "--no-git" ] && with_git=0
    root="$(as_repo_root)"
    target="$dest/ansible_collections/$AS_NAMESPACE/$AS_NAME"
    mkdir -p "$target" || return 1
    if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
        # tracked and untracked-but-not-ignored files; skip tracked files deleted in the work tree
        (
            cd "$root" || exit 1
            git ls-files -z -c -o --exclude-standard | while IFS= read -r -d '' path; do
                if [ -e "$path" ] || [ -L "$path" ]; then
                    printf '%s\0' "$path"
                fi
            done | tar --null --no-recursion -T - -cf - | tar -xf - -C "$target"
        ) || return 1
        if [ "$with_git" -eq 1 ]; then
            # ansible-test asks git which files belong to the collection, so .gitignore is honoured
            cp -a "$root/.git" "$target/.git" || return 1
        fi
    else
        (cd "$root" && tar --exclude=./tests/output -cf - .) | tar -xf - -C "$target" || return 1
    fi
    printf '%s\n' "$target"
}

as_build_install() {
    local venv="$1" dir="$2" copy tarball
    copy="$(as_copy_collection "$dir/src" --no-git)" || as_die "could not copy the collection"
    as_log "building the collection"
    "$venv/bin/ansible-galaxy" collection build "$copy" --output-path "$dir/dist" </dev/null >"$dir/build.log" 2>&1 \
        || { cat "$dir/build.log" >&2; as_die "ansible-galaxy collection build failed"; }
    tarball="$(compgen -G "$dir/dist/community-alertsite-*.tar.gz" | head -n1)"
    [ -n "$tarball" ] || as_die "no collection tarball was built"
    as_log "installing $(basename "$tarball")"
    ANSIBLE_COLLECTIONS_PATH="$dir/collections" "$venv/bin/ansible-galaxy" collection install --offline \
        -p "$dir/collections" "$tarball" </dev/null >"$dir/install.log" 2>&1 \
        || { cat "$dir/install.log" >&2; as_die "ansible-galaxy collection install failed"; }
}
