#!/usr/bin/env bash
# Checks the README's Neovim configuration in a real (headless) Neovim on the sample project:
# prints what the editor got for hover, definition and completion on a ref. Needs nvim.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mktemp)"
"$root/dbtls" --version >/dev/null
cd "$root/test-projects/jaffle_shop"
DBTLS="$root/dbtls" OUT="$out" timeout 120 nvim --headless -n -i NONE \
  -u "$root/test-projects/editors/nvim-0.7.lua" -c "luafile $root/test-projects/editors/nvim-check.lua" \
  models/marts/orders.sql
nvim --version | head -1
cat "$out"
