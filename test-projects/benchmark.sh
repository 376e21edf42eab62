#!/usr/bin/env bash
# Benchmark (not a test): cold `dbtls ls` and `dbtls compile` on synthetic projects of 1k and
# 10k models, against the time to only read their files. Each number is the median of RUNS
# runs of a fresh JVM (page cache warm); peak memory is the process's maximum resident set.
# Usage: test-projects/benchmark.sh [sizes...]   (default: 1000 10000; RUNS=5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="${BENCH_DIR:-/tmp/dbtls-bench}"
"$root/dbtls" --version >/dev/null   # builds the jar if needed
jar="$root/server/target/dbtls.jar"
java_opts=(${DBTLS_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto})

# median wall seconds and median peak RSS (MB) of a command run $runs times
measure() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    local out tmp
    tmp=$(mktemp)
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp"); rm -f "$tmp"
    times+=("${out% *}"); mems+=("${out#* }")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END{printf "%d", a[int((NR+1)/2)]/1024}')
  echo "$t $m"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), runs per number: $runs"
echo
echo "| models | files | read files only (cat) | read files only (dbtls JVM) | dbtls ls | dbtls compile | ls / read (JVM) | compile / read (JVM) |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/p$n"
  [ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
  files=$(find "$dir" -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.md' -o -name '*.csv' \) -not -path '*/target/*' | wc -l)
  read -r cat_t _ < <(measure bash -c "find '$dir' -type f -not -path '*/target/*' -exec cat {} + >/dev/null")
  read -r rd_t rd_m < <(measure java "${java_opts[@]}" -jar "$jar" read --project-dir "$dir")
  read -r ls_t ls_m < <(measure java "${java_opts[@]}" -jar "$jar" ls --project-dir "$dir")
  read -r co_t co_m < <(measure java "${java_opts[@]}" -jar "$jar" compile --project-dir "$dir" --quiet)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1fx", a/b}'; }
  echo "| $n | $files | ${cat_t}s | ${rd_t}s, ${rd_m} MB | ${ls_t}s, ${ls_m} MB | ${co_t}s, ${co_m} MB | $(ratio "$ls_t" "$rd_t") | $(ratio "$co_t" "$rd_t") |"
done
