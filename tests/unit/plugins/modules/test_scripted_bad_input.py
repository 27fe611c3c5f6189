# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bad input of the FTP, API endpoint and DéjàClick monitor modules, refused before any request.

The rows are read from each module's integration target (``tests/integration/targets/<module>/vars/
bad_input.yml``), so the unit tests and the targets check exactly the same input; the rows are built as
``test_bad_input`` builds those of the ``bad_input`` target.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

import pytest
import yaml

from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession, run_module
from ansible_collections.community.alertsite.tests.unit.plugins.modules.test_bad_input import (
    MINIMUM_ROWS,
    module_args,
    module_main,
)

TARGETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'integration', 'targets')
# module, table (its base is named <table>_base)
TABLES = [
    ('alertsite_ftp_monitor', 'bad_input_ftp'),
    ('alertsite_api_monitor', 'bad_input_api'),
    ('alertsite_dejaclick_monitor', 'bad_input_dejaclick'),
]


def load_table(module, table):
    with open(os.path.join(TARGETS, module, 'vars', 'bad_input.yml')) as handle:
        tables = yaml.safe_load(handle)
    return tables[table], tables.get(table + '_base')


def row_params():
    params = []
    for module, table in TABLES:
        rows, base = load_table(module, table)
        params.extend(pytest.param(module, row, base, id='%s-%d-%s' % (module, position, row['expect'][:40]))
                      for position, row in enumerate(rows))
    return params


@pytest.mark.parametrize('module, table', TABLES)
def test_every_module_has_enough_rows(module, table):
    assert len(load_table(module, table)[0]) >= MINIMUM_ROWS


@pytest.mark.parametrize('module, row, base', row_params())
def test_bad_input_is_refused_before_any_request(module, row, base, capsys, clean_environment, monkeypatch):
    # a relative script_file is read beside the target's files, as the action plugin finds it in the target's files/
    files = os.path.join(TARGETS, module, 'files')
    if os.path.isdir(files):
        monkeypatch.chdir(files)
    session = FakeSession()
    result, failed = run_module(module_main(module), module_args(row, base), session, capsys)
    assert failed, result
    assert row['expect'] in result['msg']
    assert session.requests == []
