#!/usr/bin/env bash
# A server sweep of a /22 (1,022 addresses) where 4 hosts answer, against `nmap -sn` of the same network in the same
# run. Everything happens inside network namespaces this script creates and deletes: Parc itself runs in the
# scanner's namespace (with its embedded PostgreSQL, on that namespace's loopback), on a bridge with four host
# namespaces; no route leads out, so no probe leaves them. Needs root, iproute2, nmap and curl
# (scripts/install-test-packages.sh). Figures go to app/target/bench/discovery-sweep.txt, printed at the end.
#   bench/discovery-sweep.sh            # default concurrency (parc.discovery.concurrency, 256)
#   ROUNDS=3 bench/discovery-sweep.sh   # more sweeps, each beside an nmap run
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "Run as root: network namespaces need it" >&2; exit 2; }
command -v nmap >/dev/null && command -v curl >/dev/null || scripts/install-test-packages.sh
JAR=${JAR:-app/target/parc.jar}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18090}
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
mkdir -p app/target/bench
OUT=app/target/bench/discovery-sweep.txt

# 198.51.100.0/22 spans beyond the documentation /24; it exists only inside these isolated namespaces.
NET=198.51.100.0/22
HOSTS="198.51.100.10 198.51.101.20 198.51.102.30 198.51.103.40"
SCAN=parcbench-scan
DATA=$(mktemp -d /tmp/parc-sweep-bench-XXXXXX)
PARC=""
cleanup() {
  [ -n "$PARC" ] && kill "$PARC" 2>/dev/null && wait "$PARC" 2>/dev/null || true
  # The embedded PostgreSQL stops with the JVM's shutdown; one left behind by a killed run is found by its folder.
  pkill -f -- "-D $DATA/postgres" 2>/dev/null || true
  for ns in $(ip netns list | awk '/^parcbench-/ {print $1}'); do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup

ip netns add $SCAN
ip -n $SCAN link set lo up
ip -n $SCAN link add br0 type bridge
ip -n $SCAN addr add 198.51.100.1/22 dev br0
ip -n $SCAN link set br0 up
i=0
for address in $HOSTS; do
  i=$((i + 1))
  ip netns add parcbench-h$i
  ip link add pbv$i type veth peer name pbp$i
  ip link set pbv$i netns $SCAN
  ip link set pbp$i netns parcbench-h$i
  ip -n $SCAN link set pbv$i master br0 up
  ip -n parcbench-h$i addr add "$address/22" dev pbp$i
  ip -n parcbench-h$i link set pbp$i up
  ip -n parcbench-h$i link set lo up
done
in_scan() { ip netns exec $SCAN "$@"; }

# Not through in_scan: $! must be the JVM itself (ip execs java in the namespace) for its CPU ticks.
ip netns exec $SCAN java -Xmx1g -jar "$JAR" --parc.data-dir="$DATA" --server.port="$PORT" --logging.level.root=warn \
  --parc.discovery.reverse-dns=false >"$DATA/parc.log" 2>&1 &
PARC=$!
for _ in $(seq 1 180); do
  in_scan curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
in_scan curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Parc did not start: $DATA/parc.log" >&2; exit 1; }
AUTH="admin:$(cat "$DATA/initial-admin-password")"
api() { in_scan curl -fs -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
NETWORK=$(api -X POST -d "{\"name\": \"bench /22\", \"address\": \"$NET\"}" "http://127.0.0.1:$PORT/api/networks" |
  sed -E 's/^\{"id":([0-9]+).*/\1/')

ticks() { awk '{print $14 + $15}' "/proc/$PARC/stat"; }
now() { date +%s.%N; }

parc_sweep() {
  local started ticks_before sweep state body
  ticks_before=$(ticks)
  started=$(now)
  sweep=$(api -X POST "http://127.0.0.1:$PORT/api/networks/$NETWORK/sweeps" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  while :; do
    body=$(api "http://127.0.0.1:$PORT/api/networks/$NETWORK/sweeps/$sweep")
    state=$(echo "$body" | sed -E 's/.*"state":"([A-Z]+)".*/\1/')
    [ "$state" = RUNNING ] || break
    sleep 0.1
  done
  local seconds cpu found
  seconds=$(echo "$(now) - $started" | bc)
  cpu=$(echo "($(ticks) - $ticks_before) / $(getconf CLK_TCK)" | bc -l)
  found=$(echo "$body" | sed -E 's/.*"found":([0-9]+).*/\1/')
  printf '%s %.2f %.2f %s\n' "$state" "$seconds" "$cpu" "$found"
}

nmap_sweep() {
  local started output up
  started=$(now)
  output=$(in_scan nmap -sn -n "$NET")
  up=$(echo "$output" | sed -nE 's/.*\(([0-9]+) hosts? up\).*/\1/p')
  printf '%.2f %s\n' "$(echo "$(now) - $started" | bc)" "$up"
}

command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null
{
  echo "Sweep of $NET (1,022 addresses, 4 answering hosts), inside namespaces; $(nproc) cores; $(date -u +%FT%TZ)"
  echo "Parc $(git rev-parse --short HEAD), default concurrency; nmap $(nmap --version | head -1 | awk '{print $3}')"
  echo "round  parc_s  parc_cpu_s  parc_found  nmap_s  nmap_up  parc/nmap"
} >"$OUT"
parc_sweep >/dev/null   # warm-up: the first sweep also compiles the probe path
for round in $(seq 1 "$ROUNDS"); do
  read -r state parc_s parc_cpu found < <(parc_sweep)
  read -r nmap_s nmap_up < <(nmap_sweep)
  [ "$state" = DONE ] || echo "round $round: the sweep ended $state" >>"$OUT"
  printf '%5s  %6s  %10s  %10s  %6s  %7s  %9.2f\n' "$round" "$parc_s" "$parc_cpu" "$found" "$nmap_s" "$nmap_up" \
    "$(echo "$parc_s / $nmap_s" | bc -l)" >>"$OUT"
done
echo "nmap counts the scanner's own address as up; Parc skips it." >>"$OUT"
cat "$OUT"
