# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fixtures shared by the unit tests. HTTP is mocked at the session boundary (:mod:`.fake_session`)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.community.alertsite.plugins.module_utils.client import AlertSiteClient
from ansible_collections.community.alertsite.tests.unit.plugins.fake_session import FakeSession

CREDENTIAL_VARIABLES = ('ALERTSITE_ACCESS_TOKEN', 'ALERTSITE_USERNAME', 'ALERTSITE_PASSWORD')


@pytest.fixture
def fake_client():
    """A factory: ``fake_client(*replies)`` -> ``(client, session)``, a client holding a token whose session
    answers with ``replies`` in order; waits between attempts are recorded in ``client.waits``, not slept."""
    def make(*replies, **options):
        session = FakeSession(*replies)
        waits = []
        options.setdefault('access_token', 't')
        client = AlertSiteClient(api_url='https://alertsite.test/api/v3', session=session, sleep=waits.append, **options)
        client.waits = waits
        return client, session
    return make


@pytest.fixture
def clean_environment(monkeypatch):
    """No ALERTSITE_* variable of the machine running the tests leaks into a module's options."""
    for name in CREDENTIAL_VARIABLES:
        monkeypatch.setenv(name, '')


@pytest.fixture(autouse=True)
def fresh_warnings(monkeypatch):
    """Every test starts with no warning: Ansible collects them process-wide, so one test's module warnings
    would otherwise show up in the next test's result."""
    monkeypatch.setattr(ansible_warnings, '_global_warnings', type(ansible_warnings._global_warnings)())  # pylint: disable=protected-access
    monkeypatch.setattr(ansible_warnings, '_global_deprecations', type(ansible_warnings._global_deprecations)())  # pylint: disable=protected-access
