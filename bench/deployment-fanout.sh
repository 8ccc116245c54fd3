#!/bin/sh
# Issue #6's benchmark, on demand: one deployment to 1,000 agentless targets on loopback, against plain
# scp + ssh under xargs -P 50 in the same run. Needs root (it creates throwaway logins) and the test packages
# (scripts/install-test-packages.sh). Figures go to app/target/bench/deployment-fanout.txt.
#   bench/deployment-fanout.sh [targets] [concurrency] [baseline targets]
# Any further arguments go to Maven, e.g. -Dbench.jvmOptions=-XX:StartFlightRecording=filename=/tmp/parc.jfr
set -eu
cd "$(dirname "$0")/.."
targets="${1:-1000}" concurrency="${2:-500}" baseline="${3:-100}"
[ $# -gt 3 ] && shift 3 || set --
exec ./mvnw -B verify -pl app -am -DskipTests=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DeploymentFanOutBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.targets="$targets" -Dbench.concurrency="$concurrency" -Dbench.baselineTargets="$baseline" \
  "$@"
