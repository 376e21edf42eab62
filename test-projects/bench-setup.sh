# Sourced by the benchmarks of the real server: with $root set and the project size in $n, it
# generates the synthetic project (BENCH_DIR, default /tmp/dbtls-bench) into $dir unless it is
# there, builds the jar and the test classes, and prints the machine and the build measured.
dir="${BENCH_DIR:-/tmp/dbtls-bench}/p$n"
[ -f "$dir/dbt_project.yml" ] || python3 "$root/test-projects/generate.py" "$dir" --models "$n" >/dev/null
"$root/dbtls" --version >/dev/null   # builds the jar (and its class-data archive) if needed
(cd "$root" && mvn -B -ntp -q test-compile -pl server -am >/dev/null)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "build: $(git -C "$root" log -1 --format='%h %cd' --date=iso 2>/dev/null || echo unknown)"
