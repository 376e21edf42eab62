#!/usr/bin/env bash
# Benchmark (not a test): column inference of every node in the real language server, over
# JSON-RPC on stdio, on a synthetic project (default 10k models) (dev.dbtls.lsp.ColumnsBenchmark).
# Reports the first inference after start-up, per launch, and full re-inferences after macro
# edits on the last server, as the server logs them (medians).
# Usage: test-projects/columns-benchmark.sh [models] [launches] [macro-edits]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"; launches="${2:-3}"; edits="${3:-5}"
dir="${BENCH_DIR:-/tmp/dbtls-bench}/p$n"
[ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
"$root/dbtls" --version >/dev/null   # builds the jar (and its class-data archive) if needed
(cd "$root" && mvn -B -ntp -q test-compile -pl server -am >/dev/null)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "build: $(git -C "$root" log -1 --format='%h %cd' --date=iso 2>/dev/null || echo unknown)"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.ColumnsBenchmark "$root/dbtls" "$dir" "$launches" "$edits"
