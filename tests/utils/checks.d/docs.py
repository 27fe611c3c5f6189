# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python half of the extra check docs.sh, which says what it proves. Run with the tools venv's Python:

    docs.py module-docs DOC_JSON MODULE...     step 2: the output of ansible-doc --json for every MODULE has
                                               version_added, seealso, attributes, EXAMPLES and a complete RETURN
    docs.py site-warnings LOG PREFIX MODULE... step 3: the docs site build under PREFIX warned (LOG) only about
                                               other projects' labels, and has a page per MODULE

Each prints what it found; the exit status is 1 when something is missing (each problem on a line of its own).
"""

import collections
import json
import os
import re
import sys

import check_commands


def module_docs(argv):
    """Step 2: the docs of every module (ansible-doc --json in argv[1]; the modules in argv[2:])."""
    with open(argv[1], encoding='utf-8') as handle:
        docs = json.load(handle)
    problems = []

    def check_returns(module, values, path):
        for key, spec in sorted(values.items()):
            where = '%s: RETURN %s%s' % (module, path, key)
            if not isinstance(spec, dict):
                problems.append('%s is not a mapping' % where)
                continue
            if not spec.get('description'):
                problems.append('%s has no description' % where)
            if not spec.get('type'):
                problems.append('%s has no type' % where)
            if 'sample' not in spec:
                problems.append('%s has no sample' % where)
            if spec.get('contains'):
                check_returns(module, spec['contains'], path + key + '.')
            elif spec.get('type') == 'dict' or (spec.get('type') == 'list' and spec.get('elements') == 'dict'):
                problems.append('%s is a %s without contains: document its keys' % (
                    where, 'dict' if spec.get('type') == 'dict' else 'list of dicts'))

    for module in argv[2:]:
        entry = docs.get(module)
        if not entry or not entry.get('doc'):
            problems.append('%s: ansible-doc returned no documentation' % module)
            continue
        doc = entry['doc']
        if not doc.get('version_added'):
            problems.append('%s: no version_added' % module)
        seealso = doc.get('seealso') or []
        if not seealso:
            problems.append('%s: no seealso' % module)
        attributes = doc.get('attributes') or {}
        if not attributes:
            problems.append('%s: no attributes' % module)
        for name, attribute in sorted(attributes.items()):
            if not isinstance(attribute, dict) or not attribute.get('description'):
                problems.append('%s: attribute %s has no description' % (module, name))
            elif not attribute.get('support'):
                problems.append('%s: attribute %s has no support level' % (module, name))
        if not (entry.get('examples') or '').strip():
            problems.append('%s: no EXAMPLES' % module)
        returns = entry.get('return') or {}
        if not returns:
            problems.append('%s: no RETURN values' % module)
        check_returns(module, returns, '')
        print('%s: version_added %s, %d seealso, %d attributes, %d return values'
              % (module, doc.get('version_added'), len(seealso), len(attributes), len(returns)))

    return check_commands.report(problems)


def site_warnings(argv):
    """Step 3: the warnings of the docs site build (argv[1], paths under argv[2] shortened), and a page per module (argv[3:])."""
    log, prefix, modules = argv[1], argv[2], argv[3:]
    with open(log, encoding='utf-8') as handle:
        lines = [line.rstrip('\n').replace(prefix, '') for line in handle]
    findings = [line for line in lines if re.search(r'\b(WARNING|ERROR|CRITICAL|SEVERE)\b', line)]
    external = collections.Counter()
    problems = []
    for line in findings:
        match = re.search(r"WARNING: undefined label: '([^']+)'", line)
        if match and not match.group(1).startswith('ansible_collections.community.alertsite.'):
            external[match.group(1)] += 1
        else:
            problems.append(line)
    print('docs site: %d warnings from the collection, %d references to other projects\' docs left unresolved offline (%s)'
          % (len(problems), sum(external.values()), ', '.join('%s x%d' % item for item in sorted(external.items())) or 'none'))
    for module in modules:
        page = os.path.join(prefix, 'build', 'html', 'collections', 'community', 'alertsite', '%s_module.html' % module.split('.')[-1])
        if not os.path.isfile(page):
            problems.append('no page for module %s' % module)
    return check_commands.report(problems)


if __name__ == '__main__':
    sys.exit(check_commands.run(__doc__, {'module-docs': module_docs, 'site-warnings': site_warnings}))
