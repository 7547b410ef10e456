#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds, and runs every test through CTest.
# Exits non-zero on any failure. .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
baton_install_missing
baton_build
cd "$BATON_BUILD"
# Two cores: two tests at a time; GUI tests get QT_QPA_PLATFORM=offscreen from CTest.
ctest --output-on-failure --parallel 2 --timeout 600
