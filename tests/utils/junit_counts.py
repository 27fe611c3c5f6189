# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Test results from the JUnit XML files that ansible-test writes under tests/output/junit/.

    junit_counts.py tests [--classname] FILE...
        one line per test case: STATUS<TAB>NAME, STATUS passed, failed or skipped; NAME is the test case's
        name (with --classname: CLASSNAME::NAME, as pytest names a test). A case with a <failure> or an
        <error> failed; one with <skipped> was skipped. A file that cannot be read or parsed is one failed
        line, "FILE (unreadable result file)".
    junit_counts.py totals FILE...
        one line per file: "FILE: P passed, F failed, S skipped".

tests/utils/run-tests.sh counts its sanity stage (ansible-test sanity --junit: ansible-test-sanity-*.xml, one
file per sanity test) and its units stage (ansible-test units: python<X.Y>-<context>-units.xml, one file per
test context, written by pytest --junit-xml) with it. Standard library only.
"""

import os
import sys
import xml.etree.ElementTree as ET


def results(path, classname=False):
    """[(status, name)] of the test cases of one JUnit XML file."""
    try:
        cases = list(ET.parse(path).getroot().iter('testcase'))
    except (ET.ParseError, OSError):
        return [('failed', '%s (unreadable result file)' % os.path.basename(path))]
    found = []
    for case in cases:
        name = case.get('name') or os.path.basename(path)
        if classname and case.get('classname'):
            name = '%s::%s' % (case.get('classname'), name)
        if case.find('failure') is not None or case.find('error') is not None:
            status = 'failed'
        elif case.find('skipped') is not None:
            status = 'skipped'
        else:
            status = 'passed'
        found.append((status, name))
    return found


def main(argv):
    if not argv or argv[0] not in ('tests', 'totals'):
        sys.stderr.write(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    classname = command == 'tests' and args[:1] == ['--classname']
    paths = args[1:] if classname else args
    for path in paths:
        found = results(path, classname)
        if command == 'tests':
            for status, name in found:
                sys.stdout.write('%s\t%s\n' % (status, name))
        else:
            statuses = [status for status, _name in found]
            sys.stdout.write('%s: %d passed, %d failed, %d skipped\n' % (
                os.path.basename(path), statuses.count('passed'), statuses.count('failed'), statuses.count('skipped')))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
