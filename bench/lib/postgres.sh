#!/usr/bin/env bash
# A private PostgreSQL cluster for the benchmark, so every run starts from the same settings
# whatever the machine's own server is configured with: JIT off (for the API, PostGraphile and the
# bare SQL alike), pg_stat_statements loaded (statements per request), memory sized for this machine.
#   bench/lib/postgres.sh start|stop   (BENCH_WORK, BENCH_PG_PORT; needs PostgreSQL 15+ server binaries)
set -euo pipefail
WORK=${BENCH_WORK:-/tmp/diligence-bench}
PORT=${BENCH_PG_PORT:-5499}
DATA=$WORK/pg/data
BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "no PostgreSQL server binaries (set BENCH_PG_BIN)" >&2; exit 1; }
    mkdir -p "$WORK/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_postgres "'$BIN/initdb' -D '$DATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8" > "$WORK/pg/initdb.log"
      cat >> "$DATA/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/pg'
max_connections = 200
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
jit = off
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.max = 10000
logging_collector = off
CONF
    fi
    if ! as_postgres "'$BIN/pg_ctl' -D '$DATA' status" > /dev/null 2>&1; then
      as_postgres "'$BIN/pg_ctl' -D '$DATA' -l '$WORK/pg/server.log' -w start" > /dev/null
    fi
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data $DATA)"
    ;;
  stop)
    as_postgres "'$BIN/pg_ctl' -D '$DATA' -m fast stop" > /dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
