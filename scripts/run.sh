#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds, creates a demo store if there is
# none, and opens the console on it.
#   BATON_STORE=path  use another store (default: the platform data directory)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
baton_install_missing
baton_build

# The same default as app/StoreLocation.cpp.
store="${BATON_STORE:-${XDG_DATA_HOME:-$HOME/.local/share}/baton/baton.sqlite}"
if [ ! -f "$store" ]; then
  echo "baton: no store at $store yet; creating a demo store (2,000 leads that lived 4 weeks)"
  "$BATON_BUILD/baton" --store "$store" demo --leads 2000 --seed 42
fi
exec "$BATON_BUILD/baton" --store "$store"
