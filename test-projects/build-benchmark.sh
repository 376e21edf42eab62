#!/usr/bin/env bash
# Benchmark (not a test): the native runner builds a generated project (default 1,000 models, with
# its sources' tables made by an on-run-start hook) on a fresh DuckDB file with 1, 2 and 4 threads
# (dev.dbtls.run.BuildBenchmark). Reports the median wall time and the runner's own overhead per
# node (a node's time less its database calls).
# Usage: test-projects/build-benchmark.sh [models] [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000}"; repeats="${2:-3}"
dir="${BENCH_DIR:-/tmp/dbtls-bench}/build$n"
[ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" --raw-tables >/dev/null
"$root/dbtls" --version >/dev/null
(cd "$root" && mvn -B -ntp -q test-compile -pl server -am >/dev/null)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "build: $(git -C "$root" log -1 --format='%h %cd' --date=iso 2>/dev/null || echo unknown)"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.run.BuildBenchmark "$dir" "$repeats"
