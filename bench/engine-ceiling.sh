#!/bin/sh
# The orchestration's ceiling, on demand: one deployment (transfer, execute, delete) to N machines (10,000) whose work
# a test worker reports done at once, against the floor (a flat process of three external tasks) in the same run.
# Figures go to app/target/bench/engine-ceiling.txt, printed at the end; its last line is
#   targets_per_second=X floor_targets_per_second=F cpu_ms_per_target=Y heap_mib=Z all_done=true|false
#   bench/engine-ceiling.sh [targets] [concurrency]
# Any further arguments go to Maven.
set -eu
cd "$(dirname "$0")/.."
targets="${1:-10000}" concurrency="${2:-500}"
mkdir -p app/target
[ $# -gt 2 ] && shift 2 || set --
./mvnw -B -q verify -pl app -am -DskipTests=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dit.test=EngineCeilingBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.targets="$targets" -Dbench.concurrency="$concurrency" "$@" >app/target/engine-ceiling-maven.log 2>&1 ||
  { tail -50 app/target/engine-ceiling-maven.log; exit 1; }
cat app/target/bench/engine-ceiling.txt
