#!/usr/bin/env bash
# Runs SQL on Apache Spark in process (local mode) for the tests of Databricks' dialect and plans:
#   spark-sql.sh IN.json OUT.json WAREHOUSE_DIR
# IN.json: an array of SQL statements; OUT.json: for each, {columns, rows} or {error}.
# Spark's class path (pom.xml beside this script: about 290 MB from Maven Central) is resolved
# once into ~/.cache/dbtls/spark-<version>/; Java 17 or newer runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$(sed -n 's:.*<version>\(4[^<]*\)</version>.*:\1:p' "$here/pom.xml" | head -1)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/dbtls/spark-$version"
mkdir -p "$cache"
# a class path whose jars left the Maven repository is resolved again
if [ -s "$cache/classpath.txt" ] && [ ! -f "$(cut -d: -f1 "$cache/classpath.txt")" ]; then
  rm -f "$cache/classpath.txt"
fi
if [ ! -s "$cache/classpath.txt" ]; then
  echo "spark-sql.sh: resolving Spark $version from Maven Central (about 290 MB, once)" >&2
  mvn -B -ntp -q -f "$here/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$cache/classpath.part" >&2
  mv "$cache/classpath.part" "$cache/classpath.txt"
fi
# the JDK packages Spark opens on Java 17 (as its own launcher does)
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action \
  sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
exec java -Xmx1g "${opens[@]}" -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.level=ERROR \
  -cp "$(cat "$cache/classpath.txt")" "$here/SparkSql.java" "$@"
