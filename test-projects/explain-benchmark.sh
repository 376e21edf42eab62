#!/usr/bin/env bash
# A real run (not a test) of what the README shows for explain and benchmark: a 1M-row orders
# table on the local PostgreSQL (127.0.0.1:5432, database test, a schema of its own, dropped
# after) and in a DuckDB file; a model filtering one customer; `dbtls explain`, then `dbtls
# benchmark --compare recommendation` with the index explain recommended, in a sandbox.
# Usage: test-projects/explain-benchmark.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
work="$(mktemp -d)"
schema="dbtls_readme_$$"
export DBTLS_STORE="$work/store.db"
trap 'psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $schema cascade" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$root/dbtls" --version >/dev/null

for wh in postgres duckdb; do
  p="$work/$wh"
  mkdir -p "$p/models"
  echo "name: shop
profile: shop" > "$p/dbt_project.yml"
  if [ "$wh" = postgres ]; then
    printf 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n      password: ""\n      dbname: test\n      schema: %s\n      threads: 1\n' "$schema" > "$p/profiles.yml"
    src_schema="$schema"
    psql -h 127.0.0.1 -U postgres -d test -qc "create schema $schema;
      create table $schema.orders as select i as id, (i::bigint * 7919) % 100000 as customer_id,
        md5(i::text) as note, now() - (i || ' minutes')::interval as ordered_at
      from generate_series(1, 1000000) i; analyze $schema.orders;"
  else
    printf 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      threads: 2\n' > "$p/profiles.yml"
    src_schema=main
  fi
  printf 'version: 2\nsources:\n  - name: shop\n    schema: %s\n    tables:\n      - name: orders\n' "$src_schema" > "$p/models/sources.yml"
  printf "select id, note, ordered_at from {{ source('shop', 'orders') }}\nwhere note = md5('4242')\n" > "$p/models/one_order.sql"
done
# the DuckDB file, written with DuckDB itself (through the JDBC driver in the jar)
cat > "$work/Make.java" <<'JAVA'
public class Make {
  public static void main(String[] a) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + a[0]); var s = c.createStatement()) {
      s.execute("create table orders as select i as id, (i * 7919) % 100000 as customer_id,"
          + " md5(i::varchar) as note, now() - to_minutes(i) as ordered_at from range(1, 1000001) t(i)");
    }
  }
}
JAVA
java -cp "$root/server/target/dbtls.jar" "$work/Make.java" "$work/duckdb/shop.duckdb"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for wh in postgres duckdb; do
  p="$work/$wh"
  echo; echo "=== $wh: dbtls explain -s one_order"
  "$root/dbtls" explain --project-dir "$p" -s one_order
  id="$("$root/dbtls" recommendations --project-dir "$p" | sed -n 's/^\([0-9]*\) \[.*/\1/p' | head -1)"
  echo; echo "=== $wh: dbtls explain --analyze -s one_order"
  "$root/dbtls" explain --project-dir "$p" -s one_order --analyze
  echo; echo "=== $wh: dbtls benchmark -s one_order --compare recommendation --recommendation $id --runs $runs"
  "$root/dbtls" benchmark --project-dir "$p" -s one_order --compare recommendation --recommendation "$id" --runs "$runs"
done
echo; echo "=== left in PostgreSQL schema $schema after all that:"
psql -h 127.0.0.1 -U postgres -d test -Atc "select relname || ' (' || relkind::text || ')' from pg_class c join pg_namespace n on n.oid = c.relnamespace where nspname = '$schema'"
