#!/usr/bin/env bash
# Quorum's load run: the packaged app on its own embedded PostgreSQL, driven by wrk (Debian's package `wrk`).
#
#   ./mvnw -DskipTests package && src/test/load/run.sh [OUT_DIR]
#
# Phases (every phase's wrk processes run at the same time, so their numbers share the machine's noise):
#   mix         64 connections for LOAD_SECONDS (60): topic pages, other pages, search, suggest, demo runs,
#               one wrk per route class, so each class gets its own latency percentiles;
#   same        the topic page and the static file closest to it in size, 32 connections each, side by side;
#   limits-on   pages alone, then pages beside one greedy client (one address, 48 connections) asking for
#               every demo at its largest sizes and 500-seed counterexample searches;
#   limits-off  the same with the per-client rate limits off, so only the run and search slots bound it.
# Readers come from 2,000 simulated addresses (X-Forwarded-For, trusted from 127.0.0.1 for this run only).
# Results: OUT_DIR/*.json (one line per wrk) and the Markdown report on stdout (mix.py report OUT_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${1:-$root/target/load}"
seconds="${LOAD_SECONDS:-60}"
side_seconds="${LOAD_SIDE_SECONDS:-30}"
port="${LOAD_PORT:-18080}"
base="http://127.0.0.1:$port"
jar="$root/target/quarkus-app/quarkus-run.jar"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install wrk curl python3)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "error: $jar is missing: run ./mvnw -DskipTests package first" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/data"
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

start_app() { # $1: rate limits on (true) or off (false)
  ( cd "$root" && exec env QUORUM_DATA_DIR="$out/data" QUORUM_SCRAPE_ENABLED=false QUORUM_LIMITS_ENABLED="$1" \
      QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
      QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 java -jar "$jar" ) >>"$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -sf "$base/q/health/ready" >/dev/null; then return 0; fi
    kill -0 "$app_pid" 2>/dev/null || { echo "error: the app exited; see $out/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "error: the app did not become ready in 120 s; see $out/app.log" >&2
  exit 1
}

pids=()
drive() { # name connections seconds paths-file [client-spec]: one wrk in the background, joined by join
  wrk -t1 -c"$2" -d"$3"s --timeout 30s -s "$here/route.lua" "$base" -- "$out/$4.txt" "${5:-2000}" >"$out/$1.json" 2>&1 &
  pids+=($!)
  echo "$1 $2" >>"$out/connections.txt"
}
join() { # waits for the wrk processes started since the last join (not for the app)
  for p in "${pids[@]}"; do wait "$p"; done
  pids=()
}

echo "seconds $seconds" >"$out/connections.txt"

start_app true
python3 "$here/mix.py" plan "$base" "$out"
python3 "$here/mix.py" pair "$base" "$out"
cat "$out/topics.txt" "$out/pages.txt" >"$out/allpages.txt"

echo "warm-up (10 s)" >&2
for f in topics pages search suggest runs; do
  drive "warm-$f" 4 10 "$f"
done
join

echo "mix: 64 connections, $seconds s" >&2
drive mix-topics 20 "$seconds" topics
drive mix-pages 12 "$seconds" pages
drive mix-search 12 "$seconds" search
drive mix-suggest 12 "$seconds" suggest
drive mix-runs 8 "$seconds" runs
join

echo "same size: topic page and static file, $seconds s" >&2
drive same-topic 32 "$seconds" topic
drive same-static 32 "$seconds" static
join

greedy_phase() { # limits-on | limits-off
  echo "$1: warm-up (10 s), pages alone, then beside one greedy client, $side_seconds s each" >&2
  drive "warm-$1" 16 10 allpages
  join
  drive "$1-alone" 16 "$side_seconds" allpages
  join
  drive "$1-greedy" 48 "$side_seconds" greedy client=10.200.0.1
  sleep 2
  drive "$1-pages" 16 "$((side_seconds - 4))" allpages
  join
}
greedy_phase limits-on
stop_app
start_app false
greedy_phase limits-off
stop_app

{
  echo "Load run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git -C "$root" rev-parse --short HEAD)"
  python3 "$here/mix.py" report "$out"
} | tee "$out/report.md"
