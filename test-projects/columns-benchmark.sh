#!/usr/bin/env bash
# Benchmark (not a test): column inference of every node in the real language server, over
# JSON-RPC on stdio, on a synthetic project (default 10k models) (dev.dbtls.lsp.ColumnsBenchmark).
# Reports the first inference after start-up, per launch, and full re-inferences after macro
# edits on the last server, as the server logs them (medians).
# Usage: test-projects/columns-benchmark.sh [models] [launches] [macro-edits]
# BENCH_DROP_PAGE_CACHE=1 (Linux, as root): each warm start finds the project on disk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"; launches="${2:-3}"; edits="${3:-5}"
. "$root/test-projects/bench-setup.sh"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.ColumnsBenchmark "$root/dbtls" "$dir" "$launches" "$edits"
