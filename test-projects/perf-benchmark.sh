#!/usr/bin/env bash
# Benchmark (not a test): every row of the performance table (issue 27) for generated projects
# of 10k and 100k models, as ratios to the time to only read the files, and side by side with a
# previous build. Each build is measured through its own ./dbtls launcher, as a user runs it.
#
# Usage: test-projects/perf-benchmark.sh [--base REV|DIR] [sizes or project folders...]
#   (default: 10000 100000). A size is a generated project of that many models; a folder is a real
#   project as it is (its packages in dbt_packages/, its profile through DBT_PROFILES_DIR).
#   --base REV   also measure the build of that git revision (checked out and built once into
#                $BENCH_DIR/base-REV) or of a checkout DIR; the two are measured one after the
#                other per project size, so both see the same machine
# RUNS: runs of each command-line measure (median; default 3). LAUNCHES: server launches, cold
# and warm each (median; default 2, 1 for 100k models and more). BENCH_SETTLE_S: seconds the last
# server is left alone before its requests are timed, so that its start's background column
# inference is over (default 40; 240 from 100k models). BENCH_CACHE_FILES: files the cold start
# writes under its cache folder before it is shut down (default 3: the linked, parse and columns
# caches, so that the warm starts find what a user's finds). BENCH_DIR: where projects and the base
# build go (default /tmp/dbtls-bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-/tmp/dbtls-bench}"
runs="${RUNS:-3}"
base=""
if [ "${1:-}" = "--base" ]; then base="$2"; shift 2; fi
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
mkdir -p "$work"

# the checkout of the base build: a directory as given, or a detached worktree of a revision
if [ -n "$base" ] && [ ! -d "$base" ]; then
  rev="$(git -C "$root" rev-parse --short "$base")"
  dir="$work/base-$rev"
  [ -d "$dir" ] || git -C "$root" worktree add -q --detach "$dir" "$rev"
  base="$dir"
fi
builds=()
if [ -n "$base" ]; then builds+=("$base"); fi
builds+=("$root")
for b in "${builds[@]}"; do "$b/dbtls" --version >/dev/null; done # builds each jar and archive
(cd "$root" && mvn -B -ntp -q test-compile -pl server -am >/dev/null)
bench_cp="$root/server/target/dbtls.jar:$root/server/target/test-classes"
label() { git -C "$1" log -1 --format='%h' 2>/dev/null || basename "$1"; }

# median of a list of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# median wall seconds (and peak RSS in MB as the second word) of a command run $runs times;
# FRESH_CACHE=1 gives each run an empty cache folder (no parse cache of an earlier run)
measure() {
  local times=() mems=() tmp out cache
  for _ in $(seq "$runs"); do
    tmp=$(mktemp); cache="$scratch/cache"
    if [ -n "${FRESH_CACHE:-}" ]; then rm -rf "$cache"; mkdir -p "$cache"; fi
    XDG_CACHE_HOME="$cache" /usr/bin/time -o "$tmp" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp"); rm -f "$tmp"
    times+=("${out% *}"); mems+=("${out#* }")
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${mems[@]}" | median | awk '{printf "%d", $1/1024}')"
}
# the bold median of a column of LatencyBenchmark's or ColumnsBenchmark's markdown tables
# (the first row whose title starts with $2; nothing when there is none)
cell() { { grep -F "| $2" "$1" || true; } | head -1 | awk -F'|' -v c="$3" '{print $c}' | sed -n 's/.*\*\*\([0-9.]*\)\*\*.*/\1/p'; }
col() { { grep -F "| $2" "$1" || true; } | head -1 | awk -F'|' -v c="$3" '{gsub(/ /,"",$c); print $c}'; }

# one build on one project: fills the associative array named by $3
declare -A R
run_build() {
  local b="$1" dir="$2" n="$3" key lat colout launches settle
  key="$(label "$b")/$n"
  scratch="$(mktemp -d "$work/run-XXXX")"
  local dbtls="$b/dbtls"
  read -r t _ < <(measure "$dbtls" read --project-dir "$dir"); R[$key/read]=$t
  read -r t m < <(FRESH_CACHE=1 measure "$dbtls" ls --project-dir "$dir"); R[$key/ls_cold]=$t; R[$key/ls_cold_mb]=$m
  read -r t m < <(measure "$dbtls" ls --project-dir "$dir"); R[$key/ls_warm]=$t; R[$key/ls_warm_mb]=$m
  read -r t _ < <(measure "$dbtls" check --project-dir "$dir"); R[$key/check]=$t
  read -r t m < <(measure "$dbtls" compile --quiet --project-dir "$dir" --output-dir "$scratch/out"); R[$key/compile]=$t; R[$key/compile_mb]=$m
  rm -rf "$scratch/out"
  launches="${LAUNCHES:-$([ "$models" -ge 100000 ] && echo 1 || echo 2)}"
  settle="${BENCH_SETTLE_S:-$([ "$models" -ge 100000 ] && echo 240 || echo 40)}"
  lat="$scratch/latency.txt"; colout="$scratch/columns.txt"
  BENCH_SETTLE_S="$settle" BENCH_CACHE_WAIT_S=180 BENCH_CACHE_FILES="${BENCH_CACHE_FILES:-3}" \
    java -Ddbtls.lspTimeoutS=180 -cp "$bench_cp" dev.dbtls.lsp.LatencyBenchmark "$dbtls" "$dir" 300 -1 "$launches" >"$lat" 2>&1 || true
  R[$key/first_cold]=$(cell "$lat" "first correct completion in ref('" 3)
  R[$key/first_warm]=$(cell "$lat" "first correct completion in ref('" 4)
  R[$key/loaded_cold]=$(cell "$lat" "first completion from the loaded project" 3)
  R[$key/loaded_warm]=$(cell "$lat" "first completion from the loaded project" 4)
  R[$key/p50]=$(col "$lat" "completion in ref('" 4)
  R[$key/p99]=$(col "$lat" "completion in ref('" 5)
  R[$key/edit_p50]=$(col "$lat" "diagnostics after an edit" 4)
  R[$key/first_edit_cold]=$(cell "$lat" "(an edit right after them" 3)
  R[$key/rss]=$(sed -n 's/^server resident set, peak so far: \([0-9]*\) MB/\1/p' "$lat" | head -1 || true)
  java -Ddbtls.lspTimeoutS=180 -cp "$bench_cp" dev.dbtls.lsp.ColumnsBenchmark "$dbtls" "$dir" 1 0 >"$colout" 2>&1 || true
  R[$key/columns]=$(cell "$colout" "cold start: first inference" 3)
  R[$key/columns_restored]=$(cell "$colout" "warm start: every node's columns (restored)" 3)
  R[$key/columns_restored_launch]=$(cell "$colout" "warm start: every node's columns (restored), from launching" 3)
  cp "$lat" "$work/latency-$(label "$b")-$n.txt"; cp "$colout" "$work/columns-$(label "$b")-$n.txt"
  rm -rf "$scratch"
}

ms() { if [ -n "$1" ]; then awk -v v="$1" 'BEGIN{printf "%.2f s", v/1000}'; else echo "n/a"; fi; }
s() { if [ -n "$1" ]; then echo "${1} s"; else echo "n/a"; fi; }
x() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN{if (b>0) printf " (%.1f× read)", a/b}'; fi; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN{if (b>0) printf "%.2f", a/b; else print "n/a"}'; else echo "n/a"; fi; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "builds: $(for b in "${builds[@]}"; do printf '%s ' "$(git -C "$b" log -1 --format='%h %cd' --date=short 2>/dev/null || echo "$b")"; done)"
echo "command-line rows: median of $runs runs; server rows: median of the launches (LAUNCHES)"
for n in "${sizes[@]}"; do
  if [ -d "$n" ]; then # a real project: named by its folder, sized by its models
    dir="$(cd "$n" && pwd)"
    models=$("$root/dbtls" ls --project-dir "$dir" --resource-type model 2>/dev/null | wc -l)
    n="$(basename "$dir")"; title="$n ($models models, "
  else
    dir="$work/p$n"; models="$n"; title="$n models ("
    [ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
  fi
  for b in "${builds[@]}"; do run_build "$b" "$dir" "$n"; done
  nodes=$("$root/dbtls" ls --project-dir "$dir" 2>/dev/null | wc -l)
  echo
  echo "### $title$nodes nodes)"
  echo
  head="| measure |"; sep="|---|"
  for b in "${builds[@]}"; do head+=" $(label "$b") |"; sep+="---|"; done
  if [ -n "$base" ]; then head+=" this / base |"; sep+="---|"; fi
  echo "$head"; echo "$sep"
  row() { # title, key, formatter, with ratio to read (1/0)
    local line="| $1 |" v k
    for b in "${builds[@]}"; do
      k="$(label "$b")/$n"; v="${R[$k/$2]:-}"
      line+=" $($3 "$v")"
      if [ "$4" = 1 ]; then line+="$(x "$v" "${R[$k/read]:-}")"; fi
      line+=" |"
    done
    if [ -n "$base" ]; then
      line+=" $(ratio "${R[$(label "$root")/$n/$2]:-}" "${R[$(label "$base")/$n/$2]:-}") |"
    fi
    echo "$line"
  }
  num() { if [ -n "$1" ]; then echo "$1"; else echo "n/a"; fi; }
  mb() { if [ -n "$1" ]; then echo "$1 MB"; else echo "n/a"; fi; }
  row "read only: \`dbtls read\` (the floor)" read s 0
  row "\`dbtls ls\`, cold JVM, no cache" ls_cold s 1
  row "\`dbtls ls\`, cold JVM, parse cache of a run before" ls_warm s 1
  row "\`dbtls check\`, parse cache of a run before" check s 1
  row "\`dbtls compile\`, every node written" compile s 1
  row "server: first correct completion in \`ref('\`, cold" first_cold ms 0
  row "server: first correct completion in \`ref('\`, warm" first_warm ms 0
  row "server: first completion from the loaded project (not from file names), cold" loaded_cold ms 0
  row "server: first completion from the loaded project (not from file names), warm" loaded_warm ms 0
  row "server: completion in \`ref('\` p50, ms" p50 num 0
  row "server: completion in \`ref('\` p99, ms" p99 num 0
  row "server: diagnostics after an edit p50, ms" edit_p50 num 0
  row "server: an edit right after a cold start's first diagnostics, until its own, ms" first_edit_cold num 0
  row "server: every node's columns, first start" columns ms 0
  row "server: every node's columns, next start (restored)" columns_restored ms 0
  row "server: every node's columns, next start (restored), from launching it" columns_restored_launch ms 0
  row "server: peak resident set" rss mb 0
  row "\`dbtls compile\`: peak resident set" compile_mb mb 0
done
