#!/usr/bin/env bash
# Benchmark (not a test): cold `dbtls ls` and `dbtls compile` on synthetic projects of 1k and
# 10k models, next to the time to only read their files; compile also without writing its
# output, since writing tens of thousands of files is a large, disk-bound part of it.
# Every number is the median of RUNS runs of a fresh JVM through the ./dbtls launcher, as a user
# runs it (page cache warm); memory is the process's peak resident set.
# Usage: test-projects/benchmark.sh [sizes...]   (default: 1000 10000; RUNS=5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="${BENCH_DIR:-/tmp/dbtls-bench}"
dbtls="$root/dbtls"
"$dbtls" --version >/dev/null   # builds the jar and its class-data archive if needed

# median wall seconds and median peak RSS (MB) of a command run $runs times
measure() {
  local times=() mems=() out tmp
  for _ in $(seq "$runs"); do
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1fx", a/b}'; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), median of $runs runs"
echo
echo "| models | nodes | files | read only: cat | read only: dbtls read | dbtls ls | dbtls compile, no files written | dbtls compile | ls / read | compile (no write) / read |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/p$n"
  [ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
  files=$(find "$dir" -type f -not -path '*/target/*' | wc -l)
  nodes=$("$dbtls" ls --project-dir "$dir" 2>/dev/null | wc -l)
  read -r cat_t _ < <(measure bash -c "find '$dir' -type f -not -path '*/target/*' -exec cat {} + >/dev/null")
  read -r rd_t rd_m < <(measure "$dbtls" read --project-dir "$dir")
  read -r ls_t ls_m < <(measure "$dbtls" ls --project-dir "$dir")
  read -r co_t co_m < <(measure "$dbtls" compile --quiet --project-dir "$dir")
  read -r nw_t nw_m < <(measure "$dbtls" compile --quiet --no-write --project-dir "$dir")
  echo "| $n | $nodes | $files | ${cat_t}s | ${rd_t}s, ${rd_m} MB | ${ls_t}s, ${ls_m} MB | ${nw_t}s, ${nw_m} MB | ${co_t}s, ${co_m} MB | $(ratio "$ls_t" "$rd_t") | $(ratio "$nw_t" "$rd_t") |"
done
