#!/usr/bin/env bash
# Shared by scripts/run.sh and scripts/test.sh: install what is missing, configure, build.
# Debian 12 only; every dependency is a Debian package so a clean machine needs nothing else.
set -euo pipefail

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BATON_BUILD="${BATON_BUILD:-$BATON_ROOT/build}"

# Grouped by why we need them; keep in sync with README "What gets installed".
BATON_PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config file dpkg-dev
  # Qt 6.4 (Widgets, Charts, HttpServer, Test, LinguistTools); Charts needs the OpenGL
  # dev package and HttpServer needs WebSockets at configure time on Debian 12.
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev
  qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev fonts-dejavu-core
  # core: SQLite (with FTS5), JSON, JSON Schema
  libsqlite3-dev sqlite3 nlohmann-json3-dev libvalijson-dev libssl-dev
  libmimalloc-dev libsimdjson-dev
  # tests: the official JSON Schema Test Suite; faketime to run the suite on other dates
  json-schema-test-suite faketime
  # team mode's engine: libpq to build against; the PostgreSQL 15 server only for the tests,
  # which start a throwaway cluster of their own (tests/support/pg_cluster.sh)
  postgresql-15 libpq-dev
)

baton_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

baton_install_missing() {
  local missing=()
  local p
  for p in "${BATON_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "baton: all ${#BATON_PACKAGES[@]} Debian packages already installed"
    return
  fi
  echo "baton: installing missing Debian packages: ${missing[*]}"
  # A fresh machine has no package lists; refresh them once before installing.
  baton_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  baton_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

baton_build() {
  local werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  cmake -S "$BATON_ROOT" -B "$BATON_BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DBATON_WERROR="$werror"
  # Two cores: let Ninja pick, but keep memory-heavy template code from thrashing.
  cmake --build "$BATON_BUILD" -j "$(nproc)"
}
