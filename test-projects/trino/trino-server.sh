#!/usr/bin/env bash
# A real Trino server for dbtls's warehouse tests: Trino's own distribution from Maven Central
# (trino-server-core with the tpch and memory connectors), single node, on 127.0.0.1:${TRINO_PORT},
# run by the Temurin 25 JDK (Trino 476 needs Java 24+; dbtls itself stays on Java 17).
#
#   test-projects/trino/trino-server.sh start    fetch once, start, wait until it answers, seed
#   test-projects/trino/trino-server.sh status   whether it answers
#   test-projects/trino/trino-server.sh stop
#
# It keeps the unpacked server in ${XDG_CACHE_HOME:-~/.cache}/dbtls/trino-<version> and its log in
# .../trino-<version>/var/server.log. The seed is memory.dbtls.customers and memory.dbtls.orders
# (from tpch.tiny), which the tests read.
set -euo pipefail

VERSION=476
PORT="${TRINO_PORT:-18080}"
HOME_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/dbtls/trino-$VERSION"
SERVER="$HOME_DIR/trino-server-core-$VERSION"
JAVA25="${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
URL="http://127.0.0.1:$PORT"

say() { echo "trino-server.sh: $*" >&2; }

answering() {
  curl -s -m 2 "$URL/v1/info" 2>/dev/null | grep -q '"starting":false'
}

fetch() {
  [ -x "$SERVER/bin/launcher" ] && [ -d "$SERVER/plugin/tpch" ] && return 0
  say "fetching Trino $VERSION from Maven Central (about 220 MB, once)"
  mkdir -p "$HOME_DIR"
  local m2="${MAVEN_REPO:-$HOME/.m2/repository}"
  for a in trino-server-core:tar.gz trino-tpch:zip trino-memory:zip; do
    mvn -B -q -ntp dependency:get -Dtransitive=false "-Dartifact=io.trino:${a%%:*}:$VERSION:${a##*:}" >&2
  done
  tar xzf "$m2/io/trino/trino-server-core/$VERSION/trino-server-core-$VERSION.tar.gz" -C "$HOME_DIR"
  for c in tpch memory; do
    rm -rf "$SERVER/plugin/$c" "$SERVER/plugin/trino-$c-$VERSION"
    python3 -m zipfile -e "$m2/io/trino/trino-$c/$VERSION/trino-$c-$VERSION.zip" "$SERVER/plugin"
    mv "$SERVER/plugin/trino-$c-$VERSION" "$SERVER/plugin/$c"
  done
}

configure() {
  mkdir -p "$SERVER/etc/catalog" "$HOME_DIR/data"
  cat >"$SERVER/etc/node.properties" <<PROPS
node.environment=dbtls_test
node.id=dbtls-test-1
node.data-dir=$HOME_DIR/data
PROPS
  cat >"$SERVER/etc/jvm.config" <<PROPS
-server
-Xmx1536M
-XX:+UseG1GC
-XX:+ExitOnOutOfMemoryError
-Djdk.attach.allowAttachSelf=true
PROPS
  cat >"$SERVER/etc/config.properties" <<PROPS
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PORT
discovery.uri=$URL
query.max-memory=512MB
query.max-memory-per-node=512MB
PROPS
  echo "connector.name=tpch" >"$SERVER/etc/catalog/tpch.properties"
  echo "connector.name=memory" >"$SERVER/etc/catalog/memory.properties"
}

# runs one statement through Trino's REST protocol, following nextUri until it ends
statement() {
  python3 - "$URL" "$1" <<'PY'
import json, sys, time, urllib.request
url, sql = sys.argv[1], sys.argv[2]
for attempt in range(120):
    req = urllib.request.Request(url + "/v1/statement", data=sql.encode(), method="POST",
                                 headers={"X-Trino-User": "dbtls"})
    r = json.load(urllib.request.urlopen(req, timeout=30))
    while "nextUri" in r:
        time.sleep(0.05)
        r = json.load(urllib.request.urlopen(r["nextUri"], timeout=30))
    # a server that has just started may not have registered its own worker yet
    if "error" in r and "nodes" in r["error"]["message"].lower():
        time.sleep(0.5)
        continue
    break
if "error" in r:
    sys.exit("trino: " + r["error"]["message"])
PY
}

seed() {
  statement "create schema if not exists memory.dbtls"
  statement "create table if not exists memory.dbtls.customers as select custkey as id, name, mktsegment as segment, nationkey from tpch.tiny.customer"
  statement "create table if not exists memory.dbtls.orders as select orderkey as id, custkey as customer_id, orderstatus as status, totalprice as amount, orderdate as ordered_at from tpch.tiny.orders"
}

start() {
  if answering; then
    say "already answering on $URL"
    return 0
  fi
  if [ ! -x "$JAVA25/bin/java" ]; then
    say "no Java 24+ at $JAVA25 (Trino $VERSION needs it; set TRINO_JAVA_HOME)"
    return 1
  fi
  fetch
  configure
  local t0=$SECONDS
  mkdir -p "$HOME_DIR/var"
  JAVA_HOME="$JAVA25" PATH="$JAVA25/bin:$PATH" "$SERVER/bin/launcher" \
    --data-dir="$HOME_DIR/var" --pid-file="$HOME_DIR/var/launcher.pid" \
    --server-log-file="$HOME_DIR/var/server.log" --launcher-log-file="$HOME_DIR/var/launcher.log" start >/dev/null
  for _ in $(seq 1 240); do
    if answering; then
      seed
      say "Trino $VERSION answers on $URL after $((SECONDS - t0)) s (log: $HOME_DIR/var/server.log)"
      return 0
    fi
    if ! kill -0 "$(cat "$HOME_DIR/var/launcher.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
      say "Trino stopped while starting; see $HOME_DIR/var/server.log"
      tail -20 "$HOME_DIR/var/server.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  say "Trino did not answer within 120 s; see $HOME_DIR/var/server.log"
  tail -20 "$HOME_DIR/var/server.log" >&2 || true
  return 1
}

stop() {
  if [ -x "$SERVER/bin/launcher" ]; then
    JAVA_HOME="$JAVA25" "$SERVER/bin/launcher" --data-dir="$HOME_DIR/var" \
      --pid-file="$HOME_DIR/var/launcher.pid" stop >/dev/null 2>&1 || true
  fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) if answering; then say "answering on $URL"; else say "not answering on $URL"; exit 1; fi ;;
  *) say "usage: $0 start|status|stop"; exit 2 ;;
esac
