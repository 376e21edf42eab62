#!/usr/bin/env bash
# Benchmark (not a test): the language server as an editor drives it, over JSON-RPC on stdio,
# on a synthetic project (default 10k models). Reports time to the first diagnostics after
# start, heap after indexing, and p50/p99 of completion, hover, definition, references and
# diagnostics after an edit (dev.dbtls.lsp.LatencyBenchmark).
# Usage: test-projects/lsp-benchmark.sh [models] [requests] [rebuildDelayMs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"; requests="${2:-300}"; delay="${3:--1}"   # -1: rebuildDelayMs unset (adaptive)
dir="${BENCH_DIR:-/tmp/dbtls-bench}/p$n"
[ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
"$root/dbtls" --version >/dev/null   # builds the jar if needed
(cd "$root" && mvn -B -ntp -q test-compile -pl server >/dev/null)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.LatencyBenchmark "$root/dbtls" "$dir" "$requests" "$delay"
