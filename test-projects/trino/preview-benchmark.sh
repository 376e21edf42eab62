#!/usr/bin/env bash
# Benchmark (not a test): time to the first preview page on Trino through dbtls against the bare
# Trino driver, warm, alternating in one run (dev.dbtls.warehouse.TrinoPreviewBenchmark).
# Starts the test Trino server when it is not running. Usage: preview-benchmark.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/test-projects/trino/trino-server.sh" start
"$root/dbtls" --version >/dev/null
(cd "$root" && mvn -B -ntp -q -pl server -am test-compile >/dev/null)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$root/server/target/dbtls.jar:$root/server/target/test-classes" \
  dev.dbtls.warehouse.TrinoPreviewBenchmark "${1:-21}" "${TRINO_PORT:-18080}"
