#!/usr/bin/env bash
# Engine throughput of this working tree against an earlier commit, in one run, alternating:
#   src/test/scripts/engine-versus.sh [BASE_REV]     (default: the commit before the demo-platform changes)
# Builds BASE_REV's test classes in a temporary worktree, then runs EngineThroughput (the gossip workload,
# in CPU time) from each classpath in turn, three times. Prints the medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/../../.."
base=${1:-7a50737}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && ./mvnw -q -o test-compile -DskipTests && ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$work/base.cp" >/dev/null)
./mvnw -q -o test-compile -DskipTests
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$work/head.cp" >/dev/null
run() { java -cp "$1/target/test-classes:$1/target/classes:$(cat "$2")" dev.quorum.demo.engine.EngineThroughput | tail -3 | sed 's/ events per CPU second.*//; s/.*: //; s/,//g'; }
: > "$work/base.txt"; : > "$work/head.txt"
for round in 1 2 3; do
  run "$work/base" "$work/base.cp" >> "$work/base.txt"
  run "$PWD" "$work/head.cp" >> "$work/head.txt"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "$work/base.txt"); h=$(median "$work/head.txt")
echo "base $base: median $b events per CPU second (of $(wc -l < "$work/base.txt") rounds)"
echo "this tree:  median $h events per CPU second"
awk -v b="$b" -v h="$h" 'BEGIN { printf "ratio (this / base): %.3f\n", h / b }'
