#!/usr/bin/env bash
# Measures dbtls on real dbt projects (public ones, checked out somewhere outside this repository):
#
#   test-projects/real-projects.sh JAR DIR[=ADAPTER][,NAME=VALUE]...   (NAME=VALUE: env vars for that project)
#   test-projects/real-projects.sh --table OLD.json NEW.json     (two earlier runs side by side)
#   test-projects/real-projects.sh --triage OUT [error|warning|compile]  (a run's problems by code and message;
#                                            compile: errors only `compile` printed)
#   test-projects/real-projects.sh --strict JAR DIR[=ADAPTER][,NAME=VALUE]...  (dbt v2's strict spec, below)
#   test-projects/real-projects.sh --strict-table OUT                (a strict run's tables again)
#
# --strict: for each project, `check` and `check --strict` (a code that check reports as a warning and
# --strict as an error at the same place is a deprecation) and `fix --dry-run` (diff hunks counted; the
# project's files are hashed before and after: a dry run must write nothing); then, on a copy of the
# project in OUT, `compile --output-dir`, `fix`, `compile` again and `check --strict` again. Reports
# per project the deprecations, the hunks, the files fix changed, the compiled files that are byte
# for byte the same before and after the fix (every difference listed, diffs in OUT/<project>/sql-diffs)
# and what --strict still finds, and whether `fix --dry-run` on the fixed copy finds more (it should
# not); then every code with its count before and after the fix.
# OUT/results-strict.json keeps it all; KEEP=1 keeps the fixed copies.
#
# For each project folder (the one holding dbt_project.yml) it runs, with the given jar:
#   dbtls ls --resource-type model -o json   -> the enabled models (all packages / the project's own)
#   dbtls check                              -> errors and warnings by problem code, wall time
#   dbtls compile --output-dir <temp>        -> nodes compiled / failed, wall time
# and, where the project commits dbt's own output (a manifest.json with compiled_code under
# target/ or docs/, its parent's docs/, or a target/compiled/ tree), compares every model's
# compiled SQL with dbt's. Two texts count as identical when they are equal after removing
# trailing whitespace from every line and trailing blank lines (nothing else is normalized).
# A model whose source differs from the manifest's raw_code (dbt's output is older than the
# source) is counted as stale and not compared.
# "Plain" models are those dbt did not compile against a live warehouse state: not incremental
# (is_incremental() depends on the table existing) and without ephemeral parents.
#
# Each project gets a throwaway profiles.yml (in a temp folder, passed with --profiles-dir) of one
# target `dev` for the project's profile: adapter from DIR=ADAPTER, else the committed manifest's
# adapter_type, else the `type` in the project's own profiles.yml, else postgres. Database and
# schema come from the manifest where there is one (so relation names can match dbt's), else
# analytics/dbt. Nothing is written inside the projects.
#
# Output: a per-project table, totals, codes, and OUT/results.json (OUT=... to choose the
# folder; default a new temp folder) with check output and per-model diffs for triage.
# Environment: OUT, TIMEOUT (seconds per command, default 900), JAVA_OPTS.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "${1:-}" = "--triage" ]; then
  exec python3 "$here/real_projects.py" triage "$2" "${3:-error}"
fi
if [ "${1:-}" = "--table" ]; then
  exec python3 "$here/real_projects.py" table "$2" "$3"
fi
if [ "${1:-}" = "--strict-table" ]; then
  exec python3 "$here/real_projects.py" strict-table "$2"
fi
mode=run
if [ "${1:-}" = "--strict" ]; then
  mode=strict
  shift
fi
if [ $# -lt 2 ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
  exit 2
fi
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
out="${OUT:-$(mktemp -d /tmp/real-projects.XXXXXX)}"
mkdir -p "$out"
exec python3 "$here/real_projects.py" "$mode" "$jar" "$out" "$@"
