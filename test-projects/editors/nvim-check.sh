#!/usr/bin/env bash
# Checks the README's Neovim configuration (nvim-0.7.lua) in a real headless Neovim (0.7+, its
# own LSP client, no plugins) on the sample project: opens models/marts/orders.sql and, the
# moment the client attaches, asks completion inside `ref('`, hover and definition on the ref
# (nvim-check.lua). Prints what Neovim received; exits 1 with FAIL lines when the first
# completion is empty or lacks the project's models, or hover/definition come back empty.
# Needs nvim (Debian: apt-get install neovim).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v nvim >/dev/null || { echo "nvim-check: FAIL: nvim is not installed" >&2; exit 2; }
# DBTLS: the server command to run (default: the launcher). The launcher builds the jar (and
# its class-data archive) first, so that the editor's timing is the server's.
launcher="${DBTLS:-$root/dbtls}"
"$launcher" --version >/dev/null || { echo "nvim-check: FAIL: $launcher failed" >&2; exit 2; }
out="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$out" "$log"' EXIT
cd "$root/test-projects/jaffle_shop"
DBTLS="$launcher" OUT="$out" timeout 120 nvim --headless -n -i NONE \
  -u "$root/test-projects/editors/nvim-0.7.lua" -c "luafile $root/test-projects/editors/nvim-check.lua" \
  models/marts/orders.sql >"$log" 2>&1
rc=$?
nvim --version | head -1
cat "$out"
if [ "$rc" -ne 0 ] || [ ! -s "$out" ] || grep -q '^FAIL:' "$out"; then
  [ -s "$out" ] || { echo "FAIL: Neovim wrote no result (exit $rc)"; cat "$log"; }
  [ "$rc" -eq 124 ] && echo "FAIL: Neovim did not finish within 120 s"
  echo "nvim-check: FAILED"
  exit 1
fi
echo "nvim-check: OK"
