#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `pg_cluster.sh start DIR` creates a fresh one
# in DIR, listening only on a Unix socket in DIR, and prints its connection URI (also written
# to DIR/uri); `pg_cluster.sh stop DIR` stops it and removes DIR. CTest runs both as the
# fixture "postgres" (tests/CMakeLists.txt).
#
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to an
# unprivileged system user (PG_USER, default nobody), which needs DIR's parent to be
# reachable. Durability is switched off: the cluster lives for one test run.
set -euo pipefail

PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
PG_USER="${PG_USER:-nobody}"

die() {
  echo "pg_cluster.sh: $*" >&2
  exit 1
}

usage() {
  die "usage: pg_cluster.sh start|stop DIR"
}

# Runs a PostgreSQL binary as OWNER: as is when that is us, else through runuser (root only).
# The server keeps the machine's clock when the tests run under faketime: it is the team's
# server, not code under test, and libfaketime stops its deadlock timer from firing.
as_owner() {
  local owner="$1"
  shift
  if [ "$owner" = "$(id -un)" ]; then
    env -u LD_PRELOAD -u FAKETIME "$@"
  else
    env -u LD_PRELOAD -u FAKETIME runuser -u "$owner" -- "$@"
  fi
}

# The user the cluster runs as: ourselves, unless we are root.
cluster_user() {
  if [ "$(id -u)" -eq 0 ]; then echo "$PG_USER"; else id -un; fi
}

# libpq decodes percent-escapes in a URI's parameters; escape what a path may hold.
uri_escape() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9/._~-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# Stops a server still running in DIR (a run killed before its cleanup) and removes DIR.
remove_cluster() {
  local dir="$1"
  [ -e "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    local owner
    owner="$(stat -c %U "$dir/data")"
    as_owner "$owner" "$PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate -w stop \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start() {
  local dir="$1"
  [ -x "$PG_BINDIR/initdb" ] || die "no initdb in $PG_BINDIR (install postgresql-15 or set PG_BINDIR)"
  # The server's socket is DIR/.s.PGSQL.5432; sun_path holds 107 bytes.
  [ $((${#dir} + 14)) -lt 100 ] || die "$dir is too long for a Unix socket path"
  remove_cluster "$dir"
  local user
  user="$(cluster_user)"
  mkdir -p "$dir"
  chmod 0700 "$dir"
  if [ "$user" != "$(id -un)" ]; then
    chown "$user" "$dir"
    as_owner "$user" test -w "$dir" || die "$user cannot reach $dir (its parents must be searchable)"
  fi
  # initdb and the server change to their own directories, but start somewhere the user may be.
  cd "$dir"
  # C.UTF-8 is built into Debian 12's glibc, so no locale package is needed.
  as_owner "$user" "$PG_BINDIR/initdb" -D "$dir/data" --auth=trust --username=postgres \
    --encoding=UTF8 --locale=C.UTF-8 --lc-collate=C --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  as_owner "$user" "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 -o \
    "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null ||
    { cat "$dir/log" >&2 || true; die "the server did not start"; }
  local uri
  uri="postgresql:///postgres?host=$(uri_escape "$dir")&user=postgres"
  printf '%s\n' "$uri" >"$dir/uri"
  printf '%s\n' "$uri"
}

stop() {
  remove_cluster "$1"
}

[ $# -eq 2 ] || usage
# An absolute path: the URI and the server's socket setting must not depend on where we are.
case "$2" in
  /*) dir="$2" ;;
  *) dir="$(pwd)/$2" ;;
esac
dir="${dir%/}"
case "$1" in
  start) start "$dir" ;;
  stop) stop "$dir" ;;
  *) usage ;;
esac
