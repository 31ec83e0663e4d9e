#!/usr/bin/env bash
# A private PostgreSQL cluster from Debian's server binaries (PostgreSQL 15 here) for the second
# integration-test pass, with pg_stat_statements loaded so that .ci/tenant-filter-check.sh can read
# every statement the tests ran. Each start initialises a new data directory, so the settings are
# these whatever an earlier run left behind; the machine's own server on 5432 is never touched.
#   .ci/statements-postgres.sh start|stop   (STATEMENTS_PG_PORT, default 5498; STATEMENTS_PG_WORK, a folder
#   that start removes and makes anew, default /tmp/diligence-ci-statements)
set -euo pipefail
WORK=${STATEMENTS_PG_WORK:-/tmp/diligence-ci-statements}
PORT=${STATEMENTS_PG_PORT:-5498}
DATA=$WORK/data
BIN=${STATEMENTS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

stop() {
  if [ -f "$DATA/PG_VERSION" ]; then
    as_postgres "'$BIN/pg_ctl' -D '$DATA' -m fast -w stop" > /dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "no PostgreSQL server binaries (set STATEMENTS_PG_BIN)" >&2; exit 1; }
    stop
    rm -rf "$WORK"
    mkdir -p "$WORK"
    [ "$(id -u)" = 0 ] && chown postgres "$WORK"
    as_postgres "'$BIN/initdb' -D '$DATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8" > "$WORK/initdb.log"
    # track = top: statements as the application sent them, not those run inside its functions;
    # max = 10000: room for every distinct statement of both modules' tests, none evicted
    cat >> "$DATA/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
max_connections = 200
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.max = 10000
logging_collector = off
CONF
    as_postgres "'$BIN/pg_ctl' -D '$DATA' -l '$WORK/server.log' -w start" > /dev/null
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
      -c 'create extension pg_stat_statements' -c 'select pg_stat_statements_reset()' > /dev/null
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') with pg_stat_statements on 127.0.0.1:$PORT"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
