#!/usr/bin/env bash
# Copyright: Contributors to the community.alertsite collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# alertsite_monitor_status_info against one simulator, its -vvv output searched for secrets
# (setup_alertsite_sim/files/scanned_playbook.sh says how).
set -eu
exec bash ../setup_alertsite_sim/files/scanned_playbook.sh "$@"
