#!/bin/sh
# Issue #6's benchmark, on demand: one deployment to 1,000 agentless targets on loopback, against plain
# scp + ssh under xargs -P 50 in the same run. Needs root (it creates throwaway logins) and the test packages
# (scripts/install-test-packages.sh). Figures go to app/target/bench/deployment-fanout.txt.
#   bench/deployment-fanout.sh [targets] [concurrency] [baseline targets]
set -eu
cd "$(dirname "$0")/.."
exec ./mvnw -B verify -pl app -am -DskipTests=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DeploymentFanOutBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.targets="${1:-1000}" -Dbench.concurrency="${2:-500}" -Dbench.baselineTargets="${3:-100}"
