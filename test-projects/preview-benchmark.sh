#!/usr/bin/env bash
# Benchmark (not a test): dbt/preview of a 1M-row model through the real server on DuckDB and
# PostgreSQL (127.0.0.1:5432, database test): time to the first page, to page through it all,
# and the server's peak resident memory (dev.dbtls.lsp.PreviewServerBenchmark).
# Usage: test-projects/preview-benchmark.sh [rows]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/dbtls" --version >/dev/null
(cd "$root" && mvn -B -ntp -q test-compile -pl server >/dev/null)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.lsp.PreviewServerBenchmark "$root/dbtls" "${1:-1000000}"
