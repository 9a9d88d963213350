#!/usr/bin/env bash
# The packaged app, end to end: a second process on a running instance's data directory, and an instance
# pointed at another's embedded PostgreSQL, must both exit non-zero with their message while the first
# instance keeps serving.
#   src/test/scripts/instance-guards.sh        (SKIP_BUILD=1 to use the jar already in target/quarkus-app)
# Recorded result: docs/operations.md, "Failures".
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -o -B package -DskipTests
jar=target/quarkus-app/quarkus-run.jar
work=$(mktemp -d)
first=
cleanup() { if [ -n "$first" ]; then kill "$first" 2>/dev/null || true; wait "$first" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
app() { QUORUM_SCRAPE_ENABLED=false QUARKUS_HTTP_PORT=$(port) QUORUM_DATA_DIR="$1" "${@:2}" java -jar "$jar"; }
ready() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready" || true; }
refused() { # name, expected message, log
  local rc=$1 name=$2 message=$3 log=$4
  if [ "$rc" -ne 0 ] && grep -q "$message" "$log"; then
    echo "PASS $name: exit $rc, $(grep -m1 -o "$message.*" "$log" | cut -c1-160)…"
  else
    echo "FAIL $name: exit $rc"; tail -20 "$log"; exit 1
  fi
}

http=$(port)
QUORUM_SCRAPE_ENABLED=false QUARKUS_HTTP_PORT=$http QUORUM_DATA_DIR="$work/a" java -jar "$jar" > "$work/a.log" 2>&1 &
first=$!
for _ in $(seq 240); do [ "$(ready "$http")" = 200 ] && break; sleep 0.5; done
[ "$(ready "$http")" = 200 ] || { echo "FAIL: the first instance did not become ready"; tail -30 "$work/a.log"; exit 1; }
echo "first instance ready on :$http (pid $first)"

set +e
app "$work/a" timeout 120 > "$work/b.log" 2>&1; rc=$?
set -e
refused "$rc" "same data directory" "refusing to start: the data directory" "$work/b.log"

pg=$(grep -m1 -o 'embedded PostgreSQL on port [0-9]*' "$work/a.log" | grep -o '[0-9]*$')
set +e
app "$work/c" env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg/quorum" QUARKUS_DATASOURCE_USERNAME=postgres \
  timeout 120 > "$work/c.log" 2>&1; rc=$?
set -e
refused "$rc" "another instance's embedded database" "refusing to start: the configured database" "$work/c.log"

[ "$(ready "$http")" = 200 ] && echo "PASS the first instance still ready" || { echo "FAIL: the first instance is not ready"; exit 1; }
