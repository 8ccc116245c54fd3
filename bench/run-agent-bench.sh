#!/usr/bin/env bash
# Agent-endpoint benchmark (issue #4): starts the packaged Parc on a fresh data folder with a 1 GiB heap cap, replays
# the captured OCS 2.10 inventory (802 packages) as N distinct machines through PROLOG + INVENTORY for each client
# count C, and reports inventories/s, p50/p95 latency, server RSS and heap, CPU seconds per stored inventory, and the
# number of machines actually stored against the number of 200 answers. Ratios are against the reference OCS
# Inventory NG server 2.8.1 figures quoted in issue #4 (measured on this kind of machine, not in this run).
#
# Usage: bench/run-agent-bench.sh            (N=400 machines per run, C = 1 8 32)
#        N=1000 CLIENTS="8" bench/run-agent-bench.sh
#        WORKLOAD=repeat CLIENTS=8 bench/run-agent-bench.sh   (new | repeat | mix, see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-400}
WORKLOAD=${WORKLOAD:-new}
case "$WORKLOAD" in new | repeat | mix) ;; *) echo "WORKLOAD is new, repeat or mix" >&2; exit 2 ;; esac
CLIENTS=${CLIENTS:-"1 8 32"}
PORT=${PORT:-18089}
JAR=${JAR:-app/target/parc.jar}
FIXTURE=ocs-agent/src/test/resources/fixtures/ocs/inventory-request.xml

[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d /tmp/parc-bench-XXXXXX)
# A fixed port for the embedded PostgreSQL, so that the database's growth and WAL can be read with psql.
PGPORT=${PGPORT:-15439}
java -Xmx1g -jar "$JAR" --parc.data-dir="$DATA" --server.port="$PORT" --logging.level.root=warn \
  --parc.db.embedded-port="$PGPORT" \
  >"$DATA/parc.log" 2>&1 &
PARC=$!
trap 'kill $PARC 2>/dev/null || true; wait $PARC 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Parc did not start; see $DATA/parc.log" >&2; exit 1; }
PASSWORD=$(cat "$DATA/initial-admin-password")

# CPU ticks (user + system, reaped children included) of Parc's JVM and of the embedded PostgreSQL. zonky starts
# PostgreSQL through a short-lived launcher, so the postmaster is not under the JVM: it is found by its data folder.
tree_ticks() {
  local total=0 pids="$PARC $(pgrep -f -- "-D $DATA/postgres" || true)" all="" next
  while [ -n "$pids" ]; do
    all="$all $pids"; next=""
    for p in $pids; do next="$next $(pgrep -P "$p" || true)"; done
    pids=$(echo $next)
  done
  for p in $all; do
    if [ -r "/proc/$p/stat" ]; then
      total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat")))
    fi
  done
  echo $total
}
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$PARC/status"; }
heap_kib() { jstat -gc "$PARC" | awk 'NR == 2 {printf "%d", $3 + $4 + $6 + $8}'; }
stored() {
  curl -fs -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"criteria\":[{\"field\":\"name\",\"operator\":\"EQUAL\",\"value\":\"$1-*\"}],\"size\":1}" \
    "http://127.0.0.1:$PORT/api/inventory/search" | sed -E 's/.*"totalElements":([0-9]+).*/\1/'
}

# Bytes of the database and of WAL written so far: per stored inventory, what docs/scale-out.md sizes PostgreSQL by.
db_bytes() { PGPASSWORD=postgres psql -qtA -h 127.0.0.1 -p "$PGPORT" -U postgres -c "select pg_database_size(current_database())"; }
wal_bytes() { PGPASSWORD=postgres psql -qtA -h 127.0.0.1 -p "$PGPORT" -U postgres -c "select pg_current_wal_lsn() - '0/0'::pg_lsn"; }
commits() { PGPASSWORD=postgres psql -qtA -h 127.0.0.1 -p "$PGPORT" -U postgres -c "select xact_commit from pg_stat_database where datname = current_database()"; }

HZ=$(getconf CLK_TCK)
# The JIT compiles for a while after start: a warm-up run, not counted, so every C is measured on a warm server.
WARMUP=${WARMUP:-300}
java bench/AgentLoad.java "http://127.0.0.1:$PORT" "warmup" "$WARMUP" 8 "$FIXTURE" >/dev/null
if [ "$WORKLOAD" != new ]; then
  # The repeat path warms up too: the same warm-up machines sent again, as the workload does.
  java bench/AgentLoad.java "http://127.0.0.1:$PORT" "warmup" "$WARMUP" 8 "$FIXTURE" "$WORKLOAD" >/dev/null
fi
declare -A REF_RATE=([1]=0.9 [8]=2.5 [32]=2.1)
declare -A REF_P95=([8]=4600 [32]=19700)
echo "# Parc agent-endpoint benchmark, workload $WORKLOAD: N=$N machines per run after $WARMUP warm-up inventories, heap capped at 1 GiB, $(nproc) cores, $(date -u +%FT%TZ)"
echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), data $DATA"
printf '%-4s %-10s %-8s %-8s %-8s %-10s %-9s %-9s %-10s %-12s %-10s %-10s %-12s %s\n' C "inv/s" "x OCS" p50ms p95ms "CPU s/inv" "RSS MiB" "heap MiB" "200s" "stored" "DB KiB/inv" "WAL KiB/inv" "commits/inv" "check"
for C in $CLIENTS; do
  RUN="bench-c$C-$RANDOM"
  if [ "$WORKLOAD" != new ]; then
    # The machines a repeat or a mix sends again, stored first as new ones, outside the measure.
    java -Xmx1g bench/AgentLoad.java "http://127.0.0.1:$PORT" "$RUN" "$N" 8 "$FIXTURE" new >/dev/null
  fi
  MAX_RSS=0; MAX_HEAP=0
  ( while kill -0 $PARC 2>/dev/null; do echo "$(rss_kib) $(heap_kib)"; sleep 0.5; done ) >"$DATA/samples-$C.txt" &
  SAMPLER=$!
  DB_BEFORE=$(db_bytes); WAL_BEFORE=$(wal_bytes); COMMITS_BEFORE=$(commits)
  BEFORE=$(tree_ticks)
  LINE=$(java -Xmx1g bench/AgentLoad.java "http://127.0.0.1:$PORT" "$RUN" "$N" "$C" "$FIXTURE" "$WORKLOAD")
  AFTER=$(tree_ticks)
  DB_AFTER=$(db_bytes); WAL_AFTER=$(wal_bytes); COMMITS_AFTER=$(commits)
  kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
  read -r MAX_RSS MAX_HEAP < <(awk 'BEGIN {r = 0; h = 0} {if ($1 > r) r = $1; if ($2 > h) h = $2} END {print r, h}' "$DATA/samples-$C.txt")
  RATE=$(echo "$LINE" | sed -E 's/.*inventoriesPerSecond=([0-9.]+).*/\1/')
  P50=$(echo "$LINE" | sed -E 's/.*p50ms=([0-9.]+).*/\1/')
  P95=$(echo "$LINE" | sed -E 's/.*p95ms=([0-9.]+).*/\1/')
  OK=$(echo "$LINE" | sed -E 's/.*answered200=([0-9]+).*/\1/')
  if [ "$WORKLOAD" = new ]; then
    STORED=$(stored "$RUN")
  else
    # Stored means the API now answers with what was sent last: the later uptime, the upgraded package.
    STORED=$(PARC_PASSWORD="$PASSWORD" java bench/AgentLoad.java "http://127.0.0.1:$PORT" "$RUN" "$N" 1 "$FIXTURE" \
      "verify-$WORKLOAD" | sed -E 's/verified=//')
  fi
  CPU=$(awk -v t=$((AFTER - BEFORE)) -v hz="$HZ" -v n="$STORED" 'BEGIN {printf "%.3f", (n > 0) ? t / hz / n : 0}')
  PER_INV() { awk -v d="$1" -v n="$STORED" -v u="$2" 'BEGIN {printf "%.1f", (n > 0) ? d / n / u : 0}'; }
  DB_KIB=$(PER_INV "$((DB_AFTER - DB_BEFORE))" 1024)
  WAL_KIB=$(PER_INV "$(awk -v a="$WAL_AFTER" -v b="$WAL_BEFORE" 'BEGIN {printf "%d", a - b}')" 1024)
  COMMITS_PER=$(PER_INV "$((COMMITS_AFTER - COMMITS_BEFORE))" 1)
  RATIO=$(awk -v r="$RATE" -v ref="${REF_RATE[$C]:-0}" 'BEGIN {printf (ref > 0) ? "%.0fx" : "-", r / ref}')
  CHECK=$([ "$OK" = "$STORED" ] && echo "every 200 stored" || echo "MISMATCH: $OK answers, $STORED stored")
  printf '%-4s %-10s %-8s %-8s %-8s %-10s %-9s %-9s %-10s %-12s %-10s %-10s %-12s %s\n' "$C" "$RATE" "$RATIO" "$P50" \
    "$P95" "$CPU" "$((MAX_RSS / 1024))" "$((MAX_HEAP / 1024))" "$OK" "$STORED" "$DB_KIB" "$WAL_KIB" "$COMMITS_PER" "$CHECK"
  echo "#   client: $LINE" >&2
done
echo "# reference OCS 2.8.1 (issue #4): 0.9/s at C=1, 2.5/s at C=8 (p95 4600 ms), 2.1/s at C=32 (p95 19700 ms), ~0.8 CPU s/inv"
