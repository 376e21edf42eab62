#!/usr/bin/env bash
# Benchmark (not a test): the language server as an editor drives it, over JSON-RPC on stdio,
# on a synthetic project (default 10k models) (dev.dbtls.lsp.LatencyBenchmark). Reports, from
# launching the server process, cold (fresh store and cache directories) and warm (a second
# process on the same directories), median of several launches each: time until initialize
# answers, to the first correct completion in ref(' (and how many wrong answers came first), to
# the first diagnostics of the open file. Then, on the last warm server: heap after indexing and
# p50/p99 of completion, hover, definition, references and diagnostics after an edit.
# Usage: test-projects/lsp-benchmark.sh [models] [requests] [rebuildDelayMs] [launches]
# BENCH_DIR: where projects are generated (default /tmp/dbtls-bench); BENCH_POLL_MS: pause
# between a wrong completion answer at start and the next request (default 0: none);
# BENCH_CACHE_WAIT_S: how long a cold start may take to write its cache file before it is shut
# down (default 20). BENCH_SETTLE_S: seconds the last server is left alone before its requests
# are timed (default 0: at once, while column inference still runs in the background).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"; requests="${2:-300}"; delay="${3:--1}"   # -1: rebuildDelayMs unset (adaptive)
launches="${4:-3}"                                         # cold and warm starts, each
. "$root/test-projects/bench-setup.sh"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.LatencyBenchmark "$root/dbtls" "$dir" "$requests" "$delay" "$launches"
