#!/usr/bin/env bash
# Takes the README's screenshots from the real console window at 1280x800, on a demo store
# as scripts/run.sh makes it, under Xvfb, by keyboard (xdotool) and ImageMagick's import.
#   scripts/screenshots.sh [OUT_DIR]   (default docs/screenshots; needs xvfb xdotool imagemagick)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/screenshots}"
baton="${BATON_BUILD:-$root/build}/baton"
now="${BATON_SCREENSHOT_NOW:-2026-12-03T09:30:00Z}"
work="$(mktemp -d)"
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME" "$out"
store="$work/demo.sqlite"
"$baton" --store "$store" --now "$now" demo --leads 2000 --seed 42 >/dev/null

Xvfb :97 -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
export DISPLAY=:97 QT_QPA_PLATFORM=xcb
sleep 1
shot() { sleep "${2:-2}"; import -window root "$out/$1.png"; echo "wrote $out/$1.png"; }
key() { xdotool key --clearmodifiers "$@"; }
# The console as USER (empty: the demo's rep), focused: there is no window manager.
open_as() {
  "$baton" --store "$store" --now "$now" ${1:+--user "$1"} &
  app=$!
  xdotool windowfocus --sync "$(xdotool search --sync --name '^Baton' | head -1)"
  sleep 4
}
open_as ""
key ctrl+1; shot inbox
key j; key j; shot brief 1
key l; shot lineage 3
key ctrl+4; shot dashboard 4
kill "$app"; wait "$app" 2>/dev/null || true
# The outbox and the escalations are a manager's.
open_as dana.okoro@baton.example
key ctrl+5; shot outbox
key ctrl+2; shot escalations
kill "$app"; wait "$app" 2>/dev/null || true
# The Models page is marketing ops': a fitted version on a 10% canary, its first feature's shape.
version="$("$baton" --store "$store" --now "$now" model fit --additive |
  sed -n 's/^saved as candidate \([^:]*\):.*/\1/p')"
"$baton" --store "$store" --now "$now" model canary "$version" --share 10 \
  --as priya.natarajan@baton.example >/dev/null
open_as priya.natarajan@baton.example
key ctrl+0; shot models 3
