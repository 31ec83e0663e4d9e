#!/usr/bin/env bash
# The cluster test (README "Running several replicas"): the API as it runs behind a load balancer,
# on this machine, from a clean checkout.
#   cluster-test/run.sh          (CLUSTER_WORK, default /tmp/diligence-cluster; CLUSTER_SKIP_BUILD=1)
# Starts a private PostgreSQL primary and a streaming replica of it (pg_basebackup, Debian's
# PostgreSQL server binaries), a token issuer (bench/lib/issuer.mjs) and two API processes on
# different ports, both configured for several replicas: shared budgets in PostgreSQL, the tenant
# cache invalidated by LISTEN/NOTIFY, the replica for portfolio reads. Then cluster-test/scenario.mjs
# drives both through a round-robin client and checks what must hold across replicas; it exits
# non-zero on the first broken promise, and so does this script.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${CLUSTER_WORK:-/tmp/diligence-cluster}
BIN=${CLUSTER_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)}
PRIMARY_PORT=${CLUSTER_PRIMARY_PORT:-5481}
REPLICA_PORT=${CLUSTER_REPLICA_PORT:-5482}
ISSUER_PORT=${CLUSTER_ISSUER_PORT:-8097}
API_PORTS=(${CLUSTER_API_A_PORT:-18180} ${CLUSTER_API_B_PORT:-18280})
JAR=api/target/diligence-api.jar
started=$(date +%s)
log() { echo "[cluster $(( $(date +%s) - started ))s] $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  for node in replica primary; do
    [ -f "$WORK/$node/PG_VERSION" ] && as_postgres "'$BIN/pg_ctl' -D '$WORK/$node' -m immediate stop" > /dev/null 2>&1 || true
  done
}
trap cleanup EXIT

[ -x "$BIN/initdb" ] || { echo "no PostgreSQL server binaries (install postgresql, or set CLUSTER_PG_BIN)" >&2; exit 1; }
for port in "$PRIMARY_PORT" "$REPLICA_PORT" "$ISSUER_PORT" "${API_PORTS[@]}" $((API_PORTS[0] + 1)) $((API_PORTS[1] + 1)); do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken (a server of an earlier run?); free it or choose others (CLUSTER_*_PORT)" >&2; exit 1
  fi
done
if [ "${CLUSTER_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ]; then
  log "building the API"
  mvn -B -q -DskipTests package -pl api -am > /dev/null
fi

# ---- PostgreSQL: a primary and a streaming replica ------------------------------------------------
rm -rf "$WORK" && mkdir -p "$WORK"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_postgres "'$BIN/initdb' -D '$WORK/primary' -A trust -U postgres -E UTF8 --locale=C.UTF-8" > "$WORK/initdb.log"
cat >> "$WORK/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 4
jit = off
CONF
as_postgres "'$BIN/pg_ctl' -D '$WORK/primary' -l '$WORK/primary.log' -w start" > /dev/null
# the replica: a base backup of the primary that keeps streaming its WAL (-R writes standby.signal
# and primary_conninfo); hot_standby_feedback keeps the primary from removing rows a long export
# on the replica still reads, so such a read is never cancelled by a conflict with recovery
as_postgres "'$BIN/pg_basebackup' -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D '$WORK/replica' -R -X stream"
cat >> "$WORK/replica/postgresql.conf" <<CONF
port = $REPLICA_PORT
hot_standby = on
hot_standby_feedback = on
CONF
as_postgres "'$BIN/pg_ctl' -D '$WORK/replica' -l '$WORK/replica.log' -w start" > /dev/null
PGHOST=127.0.0.1 PGPORT=$PRIMARY_PORT DILIGENCE_OWNER_PASSWORD=cluster-owner DILIGENCE_APP_PASSWORD=cluster-app \
  docker/postgres/init-roles.sh > /dev/null
streaming=$(psql -X -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -c "select count(*) from pg_stat_replication where state = 'streaming'")
[ "$streaming" = 1 ] || { echo "the replica is not streaming from the primary" >&2; exit 1; }
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}'): primary on $PRIMARY_PORT, streaming replica on $REPLICA_PORT"

# ---- the token issuer and two API processes -------------------------------------------------------
node bench/lib/issuer.mjs "$ISSUER_PORT" > "$WORK/issuer.log" 2>&1 & PIDS+=($!)
ISSUER=http://127.0.0.1:$ISSUER_PORT/bench

wait_for() { # <what> <command...>: every 0.2 s for up to 3 minutes
  local what=$1; shift
  local deadline=$((SECONDS + 180))
  while [ "$SECONDS" -lt "$deadline" ]; do "$@" > /dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$what did not come up" >&2; return 1
}
wait_for "the issuer" curl -sf "$ISSUER/.well-known/openid-configuration"

# Budgets small enough to flood within seconds (the integration role keeps its own, larger one, for
# the sync); the tenant cache trusted for ten minutes, so that only a notification can explain a
# replica refusing an archived firm's token within seconds.
API_PIDS=()
start_api() { # <port>
  local port=$1
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/diligence" SPRING_DATASOURCE_PASSWORD=cluster-app \
  SPRING_FLYWAY_PASSWORD=cluster-owner \
  SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER" \
  SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$((port + 1)) \
    java -Xms128m -Xmx384m \
      -Ddiligence.limits.budget-store.type=postgresql \
      -Ddiligence.limits.max-cost=2000 -Ddiligence.limits.rate.capacity=2000 -Ddiligence.limits.rate.restore-rate=50 \
      -Ddiligence.security.tenant-cache-ttl=10m \
      -Ddiligence.datasource.replica.url="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/diligence" \
      -jar "$JAR" > "$WORK/api-$port.log" 2>&1 &
  API_PIDS+=($!); PIDS+=($!)
  wait_for "the API on $port" curl -sf "http://127.0.0.1:$((port + 1))/actuator/health/readiness"
}
# one after the other: the first runs the migrations, the second finds them done
for port in "${API_PORTS[@]}"; do start_api "$port"; done
log "two API processes ready on ${API_PORTS[*]} (pids ${API_PIDS[*]})"

CLUSTER_APIS="http://127.0.0.1:${API_PORTS[0]},http://127.0.0.1:${API_PORTS[1]}" \
CLUSTER_API_PIDS="${API_PIDS[0]},${API_PIDS[1]}" \
CLUSTER_ISSUER=$ISSUER \
CLUSTER_PRIMARY="-h 127.0.0.1 -p $PRIMARY_PORT -U postgres -d diligence" \
CLUSTER_REPLICA="-h 127.0.0.1 -p $REPLICA_PORT -U postgres -d diligence" \
  node cluster-test/scenario.mjs
log "passed"
