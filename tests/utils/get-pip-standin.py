# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline stand-in for the pip bootstrap script that ansible-test downloads.

ansible-test bootstraps pip into every virtual environment it creates by running a get-pip script
that it downloads from ci-files.testing.ansible.com and caches as
~/.ansible/test/cache/get_pip_<version>.py. Where that host cannot be reached, tests/utils/lib.sh
copies this file to the cache path instead.

It is run with the arguments of a real get-pip script, for example
``--disable-pip-version-check pip==25.2 --no-setuptools --no-wheel``: it installs the pip bundled
with the interpreter (ensurepip), then installs the requested packages from the configured package
index. The get-pip-only options --no-setuptools and --no-wheel are dropped.
"""

from __future__ import annotations

import subprocess
import sys

GET_PIP_ONLY_OPTIONS = frozenset(('--no-setuptools', '--no-wheel'))


def main() -> int:
    """Bootstrap pip into the running interpreter and install the requested packages."""
    args = [arg for arg in sys.argv[1:] if arg not in GET_PIP_ONLY_OPTIONS]

    rc = subprocess.call([sys.executable, '-m', 'ensurepip', '--upgrade', '--default-pip'])

    if rc == 0 and [arg for arg in args if not arg.startswith('-')]:
        rc = subprocess.call([sys.executable, '-m', 'pip', 'install', '-q'] + args)

    return rc


if __name__ == '__main__':
    sys.exit(main())
