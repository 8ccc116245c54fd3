#!/bin/sh
# Which SSH key exchange and cipher cost least, on demand: Parc's client (MINA SSHD) against the Debian OpenSSH
# server on a loopback port, one algorithm at a time. Figures go to app/target/bench/ssh-algorithms.txt, printed
# at the end. Needs root and openssh-server (scripts/install-test-packages.sh).
#   bench/ssh-algorithms.sh [sessions per key exchange] [MiB per cipher]
# Any further arguments go to Maven.
set -eu
cd "$(dirname "$0")/.."
sessions="${1:-40}" mebibytes="${2:-128}"
mkdir -p app/target
[ $# -gt 2 ] && shift 2 || set --
./mvnw -B -q verify -pl app -am -DskipTests=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dit.test=SshAlgorithmsBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.sessions="$sessions" -Dbench.mebibytes="$mebibytes" "$@" >app/target/ssh-algorithms-maven.log 2>&1 ||
  { tail -50 app/target/ssh-algorithms-maven.log; exit 1; }
cat app/target/bench/ssh-algorithms.txt
