#!/usr/bin/env bash
# Benchmark (not a test): column inference of every node in the real language server, over
# JSON-RPC on stdio, on a synthetic project (default 10k models) (dev.dbtls.lsp.ColumnsBenchmark).
# Reports the first inference after start-up, per launch, and full re-inferences after macro
# edits on the last server, as the server logs them (medians).
# Usage: test-projects/columns-benchmark.sh [models] [launches] [macro-edits]
# BENCH_DROP_PAGE_CACHE=1 (Linux, as root): each warm start finds the project on disk.
# BENCH_EDIT_BETWEEN=1: each warm start is followed by one after a model's file changed.
# BENCH_CLOCK_READERS=K: a project where every K-th staging model reads run_started_at (30: 100 of
# 10,000 models), so that a warm start has restored results to check by a render.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"; launches="${2:-3}"; edits="${3:-5}"
. "$root/test-projects/bench-setup.sh"
if [ -n "${BENCH_CLOCK_READERS:-}" ]; then
  dir="${BENCH_DIR:-/tmp/dbtls-bench}/p$n-clock$BENCH_CLOCK_READERS"
  [ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" \
    --models "$n" --clock-readers "$BENCH_CLOCK_READERS" >/dev/null
fi
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.ColumnsBenchmark "$root/dbtls" "$dir" "$launches" "$edits"
