# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line of the Python halves of the extra checks (docs.py, ee.py, runner.py): ``NAME.py COMMAND ARG...``.

Each check script calls ``sys.exit(check_commands.run(__doc__, {'command': function, ...}))``; the function gets
``[program, ARG...]`` (so ``argv[1]`` is the first argument after the command, as the check passes it) and
returns the exit status; ``report(problems)`` is the usual one. An unknown command prints the script's docstring
and exits 2.
"""

import sys


def run(doc, commands, argv=None):
    """Run the command named by ``argv[1]`` (default ``sys.argv``); return its exit status."""
    argv = sys.argv if argv is None else argv
    if len(argv) < 2 or argv[1] not in commands:
        sys.stderr.write(doc)
        return 2
    return commands[argv[1]]([argv[0]] + argv[2:])


def report(problems):
    """Print the problems found, one a line; the exit status: 1 when there is any, else 0."""
    if problems:
        print('\n'.join(problems))
        return 1
    return 0
