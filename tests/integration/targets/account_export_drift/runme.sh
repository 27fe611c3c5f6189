#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The playbooks community.alertsite.export and community.alertsite.drift against one simulator: tests.yml seeds an
# account, exports it, converges the export with the role alerting, changes the account and reports the drift, at
# -vvv, its output searched for secrets (setup_alertsite_sim/files/scanned_playbook.sh says how); then drift with
# fail_on_drift=true must fail.
set -eu
exec bash ../setup_alertsite_sim/files/scanned_playbook.sh "$@"
