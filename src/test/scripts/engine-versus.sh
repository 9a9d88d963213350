#!/usr/bin/env bash
# Engine throughput of this working tree against an earlier commit, in one run, alternating:
#   src/test/scripts/engine-versus.sh [BASE_REV]     (default: the commit before the demo-platform changes)
# Builds BASE_REV's test classes in a temporary worktree, then runs two workloads from each classpath in
# turn, three times: EngineThroughput (the gossip workload: the engine alone) and ClockThroughput.java (the
# clock demos' largest runs, simulated and written as JSON: what a request costs). CPU time. Prints the
# medians and their ratios.
set -euo pipefail
cd "$(dirname "$0")/../../.."
base=${1:-7a50737}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && ./mvnw -q -o test-compile -DskipTests && ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$work/base.cp" >/dev/null)
./mvnw -q -o test-compile -DskipTests
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$work/head.cp" >/dev/null
clocks=$PWD/src/test/scripts/ClockThroughput.java
numbers() { tail -3 | sed 's/ events per CPU second.*//; s/.*: //; s/,//g'; }
gossip() { java -cp "$1/target/test-classes:$1/target/classes:$(cat "$2")" dev.quorum.demo.engine.EngineThroughput | numbers; }
clock() { java -cp "$1/target/classes:$(cat "$2")" "$clocks" | numbers; }
for f in base-gossip head-gossip base-clocks head-clocks; do : > "$work/$f.txt"; done
for round in 1 2 3; do
  gossip "$work/base" "$work/base.cp" >> "$work/base-gossip.txt"
  gossip "$PWD" "$work/head.cp" >> "$work/head-gossip.txt"
  clock "$work/base" "$work/base.cp" >> "$work/base-clocks.txt"
  clock "$PWD" "$work/head.cp" >> "$work/head-clocks.txt"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for w in gossip clocks; do
  b=$(median "$work/base-$w.txt"); h=$(median "$work/head-$w.txt")
  echo "$w: base $base median $b, this tree median $h events per CPU second ($(wc -l < "$work/base-$w.txt") samples each)"
  awk -v b="$b" -v h="$h" -v w="$w" 'BEGIN { printf "%s ratio (this / base): %.3f\n", w, h / b }'
done
