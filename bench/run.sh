#!/usr/bin/env bash
# The benchmark: one command, everything from a clean checkout (see bench/README.md).
#   bench/run.sh [small|large|all]      (default all: both sizes, for the scaling rows)
# Installs what it needs (wrk from Debian's packages, PostGraphile from npm), builds the API and the
# generator, starts a private PostgreSQL (JIT off), a token issuer, the API and the PostGraphile peer,
# generates each dataset, runs every scenario at fixed concurrency and prints the results table
# (also written to $BENCH_WORK/results.md, raw lines to $BENCH_WORK/results.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
case "${1:-all}" in
  all) SIZES="small large" ;;
  small|large) SIZES=$1 ;;
  *) echo "usage: bench/run.sh [small|large|all]" >&2; exit 2 ;;
esac
export BENCH_WORK=${BENCH_WORK:-/tmp/diligence-bench}
export BENCH_DURATION BENCH_WARMUP BENCH_CONNECTIONS
WORK=$BENCH_WORK
PG_PORT=${BENCH_PG_PORT:-5499}; export BENCH_PG_PORT=$PG_PORT
ISSUER_PORT=${BENCH_ISSUER_PORT:-8099}
API_PORT=${BENCH_API_PORT:-18080}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18081}
PEER_PORT=${BENCH_PEER_PORT:-5678}
BENCH_DURATION=${BENCH_DURATION:-10}; DURATION=$BENCH_DURATION   # seconds measured per scenario
BENCH_WARMUP=${BENCH_WARMUP:-3}; WARMUP=$BENCH_WARMUP             # seconds of the same load before, not measured
JVM_WARMUP=${BENCH_JVM_WARMUP:-60}    # seconds of mixed Q1/Q2/Q3 load once the API is up: its JIT compiles ~38,000 methods,
                                      # minutes of one core's time on 2 cores, before it runs at full speed
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-8}; CONNECTIONS=$BENCH_CONNECTIONS   # concurrent connections of every read scenario
USERS=${BENCH_USERS:-500}             # distinct token subjects the read load is spread over
LIGHT_CONNECTIONS=${BENCH_LIGHT_CONNECTIONS:-1}    # heavy neighbour: the light client's connections (Q1)
HEAVY_CONNECTIONS=${BENCH_HEAVY_CONNECTIONS:-40}   # heavy neighbour: the heavy neighbour's connections (Q2)
NORMAL_CONNECTIONS=${BENCH_NORMAL_CONNECTIONS:-4}  # noisy neighbour: the normal callers' connections (Q1, many users)
FLOOD_CONNECTIONS=${BENCH_FLOOD_CONNECTIONS:-16}   # noisy neighbour: the flooding caller's connections (Q1, one user)
PROFILE=${BENCH_PROFILE:-}               # 1: after the measured Q1, Q2, Q3, floor and M1 runs, profile the API through one more run of each
EXPORT_ROWS=${BENCH_EXPORT_ROWS:-100000}   # findings the bench firm holds for the second export row (issue 20's 100,000)
BUDGET_STORE=${BENCH_BUDGET_STORE:-}   # postgresql: the budgets shared by replicas (diligence.limits.budget-store.type), to measure their cost
HEAVY_MAX_CONCURRENT=${BENCH_HEAVY_MAX_CONCURRENT:-}   # set to override diligence.limits.heavy.max-concurrent (200: no bulkhead)
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseG1GC}
# The API runs with the production budgets: readers never come near theirs (500 users share the read
# load), and the integration role's lets M1 sync as fast as the server can. BENCH_RATE_CAPACITY and
# BENCH_RATE_RESTORE override the default budget (the readers') to measure without it.
RATE_CAPACITY=${BENCH_RATE_CAPACITY:-}
RATE_RESTORE=${BENCH_RATE_RESTORE:-}
ISSUER=http://127.0.0.1:$ISSUER_PORT/bench
API=http://127.0.0.1:$API_PORT/graphql
PEER=http://127.0.0.1:$PEER_PORT/graphql
RESULTS=$WORK/results.jsonl
PSQL=(psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)
started=$(date +%s)
log() { echo "[bench $(( $(date +%s) - started ))s] $*" >&2; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  bench/lib/postgres.sh stop
}
trap cleanup EXIT

for port in "$PG_PORT" "$ISSUER_PORT" "$API_PORT" "$MANAGEMENT_PORT" "$PEER_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken (a server of an earlier run?); free it or choose others (BENCH_*_PORT)" >&2; exit 1
  fi
done

# ---- tools and builds -------------------------------------------------------------------------
mkdir -p "$WORK"
if ! command -v wrk > /dev/null; then
  log "installing wrk"
  (apt-get install -y -q wrk || (apt-get update -q && apt-get install -y -q wrk)) > "$WORK/apt.log" 2>&1
fi
if [ ! -d bench/peers/postgraphile/node_modules ]; then
  log "installing PostGraphile (npm ci)"
  (cd bench/peers/postgraphile && npm ci --no-audit --no-fund --loglevel=error) > "$WORK/npm.log" 2>&1
fi
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building the API and the generator"
  mvn -B -q -DskipTests package -pl api,bench -am > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
fi
: > "$RESULTS"
# The API starts as the Docker image starts it: the production jar extracted, with the class data
# sharing archive of a training run (docker/cds-archive.sh; the archive holds the JVM's own paths, so
# it is made here, by the java that runs the API, once per run)
log "training the class data sharing archive (docker/cds-archive.sh)"
rm -rf "$WORK/cds"
docker/cds-archive.sh api/target/diligence-api-slim.jar "$WORK/cds" > "$WORK/cds.log" 2>&1 || { tail -40 "$WORK/cds.log"; exit 1; }

bench/lib/postgres.sh start >&2
node bench/lib/issuer.mjs "$ISSUER_PORT" > "$WORK/issuer.log" 2>&1 & PIDS+=($!)
node examples/sync/generate-deals.mjs 10000 > "$WORK/deals.csv"

wait_for() { # <what> <command...>: retries every ${POLL_SECONDS:-0.5} s for up to 3 minutes
  local what=$1; shift
  local deadline=$((SECONDS + 180))
  while [ "$SECONDS" -lt "$deadline" ]; do "$@" > /dev/null 2>&1 && return 0; sleep "${POLL_SECONDS:-0.5}"; done
  echo "$what did not come up" >&2; return 1
}
wait_for "the issuer" curl -sf "$ISSUER/.well-known/openid-configuration"

tokens() { # <file> <subject prefix> <count> <role>
  curl -sf -d "sub=$2" -d tenant=bench-01 -d "roles=$4" -d "count=$3" "$ISSUER/token" > "$1"
}

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2> /dev/null || echo 0; }

# runs <command...> with its output into <file>, and prints the peak RSS of <pid> meanwhile (sampled every 200 ms)
with_rss() { # <pid> <file> <command...>
  local pid=$1 file=$2; shift 2
  local peak_file; peak_file=$(mktemp)
  ( peak=0; while kill -0 "$pid" 2> /dev/null; do r=$(rss_mb "$pid"); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" > "$peak_file"; sleep 0.2; done ) &
  local sampler=$!
  "$@" > "$file"
  kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true
  local peak; peak=$(cat "$peak_file" 2> /dev/null); rm -f "$peak_file"
  echo "${peak:-$(rss_mb "$pid")}"
}

record() { # <size> <scenario> <system> <result json> <rss MB> [extra json fields]
  node -e 'const [size, scenario, system, result, rss, extra] = process.argv.slice(1);
    console.log(JSON.stringify({ size, scenario, system, ...JSON.parse(result), rssMB: Number(rss), ...(extra ? JSON.parse(extra) : {}) }));' \
    "$@" | tee -a "$RESULTS" >&2
}

# wrk at fixed concurrency: a warm-up, then the measured run; prints wrk's JSON line and the peak RSS
load() { # <url> <bodies> <tokens> <pid>
  BODIES=$2 TOKENS=$3 wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/lib/graphql.lua "$1" > /dev/null
  local out; out=$(mktemp)
  local rss; rss=$(with_rss "$4" "$out" env BODIES="$2" TOKENS="$3" \
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/lib/graphql.lua "$1")
  tail -1 "$out"; rm -f "$out"
  echo "$rss"
}

run_load() { # <size> <scenario> <system> <url> <bodies> <tokens> <pid>
  local lines; lines=$(load "$4" "$5" "$6" "$7")
  record "$1" "$2" "$3" "$(echo "$lines" | head -1)" "$(echo "$lines" | tail -1)"
}

# With BENCH_PROFILE=1: one more run of the same load (not recorded) while Java Flight Recorder
# samples the API; where its CPU went goes to <out dir>/profile-<name>.txt (bench/lib/jfr-top.mjs)
profile() { # <out dir> <name> <url> <bodies> <tokens> <pid>
  [ "$PROFILE" = 1 ] || return 0
  BODIES=$4 TOKENS=$5 wrk -t2 -c"$CONNECTIONS" -d"$((DURATION + 2))s" -s bench/lib/graphql.lua "$3" > /dev/null &
  local wrk_pid=$!
  node bench/lib/jfr-top.mjs record "$6" "$DURATION" "$1/profile-$2.jfr" > "$1/profile-$2.txt"
  wait "$wrk_pid"
  log "profile of $2 in $1/profile-$2.txt"
}

# With BENCH_PROFILE=1: the same sync once more under another source (new companies, funds and
# holdings, not a replay), while Java Flight Recorder samples the API for 4 s; not recorded
profile_m1() { # <size> <out dir> <pid>
  [ "$PROFILE" = 1 ] || return 0
  sed "s/bench-$1/bench-profile/g; s/Fund /Profile Fund /g" "$2/m1.jsonl" > "$2/m1-profile.jsonl"
  node bench/lib/m1.mjs "$API" "$2/m1-profile.jsonl" "$2/sync.tokens" 10000 > "$2/m1-profile.out" &
  local m1_pid=$!
  node bench/lib/jfr-top.mjs record "$3" 4 "$2/profile-m1.jfr" > "$2/profile-m1.txt"
  wait "$m1_pid"
  log "profile of m1 in $2/profile-m1.txt"
}

# A client measured alone, then again beside another load: the other load starts WARMUP seconds
# before the client's measured run and ends 1 s after it. Records "<scenario>: <client>, idle",
# "<scenario>: <client>, loaded" and "<scenario>: <other>", each with <extra> (a JSON object).
beside() { # <size> <url> <out dir> <pid> <scenario> <extra> <client> <connections> <bodies> <other> <threads> <connections> <bodies> <tokens>
  local size=$1 url=$2 dir=$3 pid=$4 scenario=$5 extra=$6 client=$7 client_connections=$8 client_bodies=$9
  local other=${10} other_threads=${11} other_connections=${12} other_bodies=${13} other_tokens=${14}
  local measured=(wrk -t1 -c"$client_connections" --timeout 10s -s bench/lib/graphql.lua "$url")
  BODIES="$client_bodies" TOKENS="$dir/readers.tokens" "${measured[@]}" -d"${WARMUP}s" > /dev/null
  local idle; idle=$(BODIES="$client_bodies" TOKENS="$dir/readers.tokens" "${measured[@]}" -d"${DURATION}s" | tail -1)
  record "$size" "$scenario: $client, idle" api "$idle" "$(rss_mb "$pid")" "$extra"
  local other_out; other_out=$(mktemp)
  BODIES="$other_bodies" TOKENS="$other_tokens" wrk -t"$other_threads" -c"$other_connections" -d"$((WARMUP + DURATION + 1))s" \
    --timeout 10s -s bench/lib/graphql.lua "$url" > "$other_out" &
  local other_pid=$!
  sleep "$WARMUP"
  local loaded; loaded=$(BODIES="$client_bodies" TOKENS="$dir/readers.tokens" "${measured[@]}" -d"${DURATION}s" | tail -1)
  wait "$other_pid"
  record "$size" "$scenario: $client, loaded" api "$loaded" "$(rss_mb "$pid")" "$extra"
  record "$size" "$scenario: $other" api "$(tail -1 "$other_out")" "$(rss_mb "$pid")" "$extra"
  rm -f "$other_out"
}

# Heavy neighbour: the light client (Q1 on LIGHT_CONNECTIONS connections) beside HEAVY_CONNECTIONS
# connections sending Q2 without pause, with the API's limit of concurrent heavy operations as its
# Prometheus endpoint reports it.
# Exports every finding of the bench firm as CSV and as XLSX: each format once to warm its code, then
# once measured, from request to last byte; the API's RSS before and after shows whether its memory
# grows with the file (it should not: the export streams).
# The findings export of the bench firm as it is, then again once the firm holds EXPORT_ROWS findings
# (100,000 by default: copies of its own findings with new IDs, inserted in SQL as the superuser, after
# every other scenario has run), each as CSV and XLSX, with the API's RSS before and after.
exports() { # <size> <database> <tenant> <out dir> <pid> <token>
  local size=$1 db=$2 tenant=$3 dir=$4 pid=$5 token=$6 rows
  rows=$(finding_count "$db" "$tenant")
  export_findings "$size" "export findings" "$rows" "$dir" "$pid" "$token"
  if [ "$rows" -lt "$EXPORT_ROWS" ]; then
    "${PSQL[@]}" -d "$db" -c "insert into findings
      select (jsonb_populate_record(f, jsonb_build_object('id', gen_random_uuid()))).*
      from findings f cross join generate_series(1, ceil($EXPORT_ROWS::numeric / $rows)::int)
      where f.tenant_id = '$tenant' and f.retired_at is null
      limit $EXPORT_ROWS - $rows" > /dev/null
    "${PSQL[@]}" -d "$db" -c "vacuum analyze findings" > /dev/null
    export_findings "$size" "export findings, $EXPORT_ROWS" "$(finding_count "$db" "$tenant")" "$dir" "$pid" "$token"
  fi
}

finding_count() { # <database> <tenant>
  "${PSQL[@]}" -d "$1" -c "select count(*) from findings where tenant_id = '$2' and retired_at is null"
}

export_findings() { # <size> <scenario> <rows> <out dir> <pid> <token>
  local size=$1 scenario=$2 rows=$3 dir=$4 pid=$5 token=$6 format before timing seconds bytes
  for format in csv xlsx; do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$API_PORT/exports/findings.$format"
    before=$(rss_mb "$pid")
    timing=$(curl -sf -o "$dir/findings.$format" -w '%{time_total} %{size_download}' \
      -H "Authorization: Bearer $token" "http://127.0.0.1:$API_PORT/exports/findings.$format")
    seconds=${timing% *}; bytes=${timing#* }
    record "$size" "$scenario ($format)" api \
      "{\"requests\":1,\"errors\":0,\"seconds\":$seconds,\"rows\":$rows,\"bytes\":$bytes,\"rowsPerSecond\":$(awk "BEGIN { printf \"%.0f\", $rows / $seconds }")}" \
      "$(rss_mb "$pid")" "{\"rssBeforeMB\":$before}"
  done
}

heavy_neighbour() { # <size> <url> <out dir> <pid>
  local limit; limit=$(curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | awk '/^diligence_limits_heavy_max_concurrent[ {]/ { print $2 + 0 }')
  local extra="{\"heavyLimit\":${limit:-null},\"lightConnections\":$LIGHT_CONNECTIONS,\"heavyConnections\":$HEAVY_CONNECTIONS}"
  beside "$1" "$2" "$3" "$4" "heavy neighbour" "$extra" light "$LIGHT_CONNECTIONS" "$3/q1-50.jsonl" \
    heavy 2 "$HEAVY_CONNECTIONS" "$3/q2-100.jsonl" "$3/readers.tokens"
}

# Noisy neighbour: normal callers (Q1 on NORMAL_CONNECTIONS connections, each request as one of the
# many readers) beside one more caller sending Q1 without pause on FLOOD_CONNECTIONS connections, all
# with one token: it spends its budget, is throttled, and keeps sending.
noisy_neighbour() { # <size> <url> <out dir> <pid>
  local extra="{\"normalConnections\":$NORMAL_CONNECTIONS,\"floodConnections\":$FLOOD_CONNECTIONS}"
  beside "$1" "$2" "$3" "$4" "noisy neighbour" "$extra" normal "$NORMAL_CONNECTIONS" "$3/q1-50.jsonl" \
    flood 1 "$FLOOD_CONNECTIONS" "$3/q1-50.jsonl" "$3/flood.tokens"
}

# statements sent to PostgreSQL per request (pg_stat_statements; BEGIN/COMMIT not counted), over 5
# requests, each as another user (so that none is throttled) who has sent the same request once
# before (a user's first request also records them in people), each checked to have no errors
statements() { # <database> <url> <bodies> <tokens file> <first token line to use: 6 are used>
  local body; body=$(head -1 "$3")
  TOKEN_LINE=$5
  ask() {
    TOKEN_LINE=$((TOKEN_LINE + 1))
    local answer; answer=$(curl -sf "$2" -H 'Content-Type: application/json' -H "Authorization: Bearer $(sed -n "${TOKEN_LINE}p" "$4")" -d "$body")
    if [[ "$answer" == *'"errors":[{'* ]]; then echo "statement count of $3 got an error: ${answer:0:300}" >&2; return 1; fi
  }
  for _ in 1 2 3 4 5; do ask "$@"; done
  TOKEN_LINE=$5
  "${PSQL[@]}" -d "$1" -c "select pg_stat_statements_reset()" > /dev/null
  for _ in 1 2 3 4 5; do ask "$@"; done
  "${PSQL[@]}" -d "$1" -c "select coalesce(sum(calls), 0) / 5.0 from pg_stat_statements s join pg_roles r on r.oid = s.userid
     where r.rolname = 'diligence_app' and s.query !~* '^\s*(begin|commit|rollback)'"
}

for size in $SIZES; do
  db=diligence_bench_$size
  out=$WORK/$size
  mkdir -p "$out"
  log "$size: generating the dataset"
  java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.diligence.bench.GenerateDataset \
    --url "jdbc:postgresql://127.0.0.1:$PG_PORT/" --database "$db" --size "$size" --manifest "$out/manifest.json" > "$out/generate.log" 2>&1 \
    || { tail -30 "$out/generate.log"; exit 1; }
  log "$size: $(node -e 'const m = require(process.argv[1]); console.log(JSON.stringify(m.counts), m.seconds + " s")' "$out/manifest.json")"
  "${PSQL[@]}" -d "$db" -c "create extension if not exists pg_stat_statements"
  # the dataset is written to disk now, so that the API's start and the first scenarios are not timed
  # against PostgreSQL flushing it in the background
  "${PSQL[@]}" -d "$db" -c "checkpoint" > /dev/null
  if [ -f bench/peers/postgraphile/peer-schema.sql ]; then
    "${PSQL[@]}" -U diligence_owner -d "$db" -f bench/peers/postgraphile/peer-schema.sql > /dev/null
  fi
  tenant=$(node -e 'console.log(require(process.argv[1]).benchTenant.id)' "$out/manifest.json")
  fund=$(node -e 'console.log(require(process.argv[1]).scaleFund.id)' "$out/manifest.json")
  # Q3 looks up published assessments only: a draft's score is computed live by the API, stored nowhere for the peer
  "${PSQL[@]}" -d "$db" -c "select id from assessments where tenant_id = '$tenant' and status = 'PUBLISHED'
    order by md5(id::text) limit 5000" > "$out/q3-ids.txt"
  node bench/lib/bodies.mjs "$out/manifest.json" "$out/q3-ids.txt" "$WORK/deals.csv" "$out" > /dev/null
  tokens "$out/readers.tokens" bench-reader "$USERS" tenant-admin
  tokens "$out/sync.tokens" bench-sync 1 integration
  tokens "$out/flood.tokens" bench-flood 1 tenant-admin
  reader=$(head -1 "$out/readers.tokens")

  log "$size: starting the API"
  launched=$(date +%s%N)
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SPRING_DATASOURCE_PASSWORD=bench-app \
  SPRING_FLYWAY_PASSWORD=bench-owner \
  SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER" \
  SERVER_PORT=$API_PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
    java $JAVA_OPTS -XX:SharedArchiveFile="$WORK/cds/app.jsa" ${HEAVY_MAX_CONCURRENT:+-Ddiligence.limits.heavy.max-concurrent=$HEAVY_MAX_CONCURRENT} \
    ${BUDGET_STORE:+-Ddiligence.limits.budget-store.type=$BUDGET_STORE} \
    ${RATE_CAPACITY:+-Ddiligence.limits.rate.capacity=$RATE_CAPACITY} ${RATE_RESTORE:+-Ddiligence.limits.rate.restore-rate=$RATE_RESTORE} -jar "$WORK/cds/app.jar" > "$out/api.log" 2>&1 & api_pid=$!; PIDS+=($api_pid)
  # jar to ready: from launching the JVM until the readiness probe answers 200 (polled every 50 ms)
  POLL_SECONDS=0.05 wait_for "the API" curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness"
  ready_ms=$(( ($(date +%s%N) - launched) / 1000000 ))
  record "$size" "startup" api '{}' "$(rss_mb $api_pid)" "{\"readySeconds\":$(awk "BEGIN { printf \"%.2f\", $ready_ms / 1000 }")}"
  log "$size: API ready after ${ready_ms} ms, RSS $(rss_mb $api_pid) MB; ${JVM_WARMUP} s of mixed load to warm its JIT"
  { for _ in $(seq 300); do cat "$out/q1-50.jsonl"; done; for _ in $(seq 100); do cat "$out/q2-100.jsonl"; done; head -600 "$out/q3.jsonl"; } > "$out/mixed.jsonl"
  BODIES="$out/mixed.jsonl" TOKENS="$out/readers.tokens" wrk -t2 -c"$CONNECTIONS" -d"${JVM_WARMUP}s" -s bench/lib/graphql.lua "$API" > /dev/null

  log "$size: starting PostGraphile"
  PEER_PORT=$PEER_PORT PEER_DATABASE_URL="postgres://diligence_app:bench-app@127.0.0.1:$PG_PORT/$db" \
  PEER_ADMIN_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$db" PEER_JWKS_URL="$ISSUER/jwks" PEER_ISSUER="$ISSUER" \
    node bench/peers/postgraphile/server.mjs > "$out/postgraphile.log" 2>&1 & peer_pid=$!; PIDS+=($peer_pid)
  wait_for "PostGraphile" curl -sf "http://127.0.0.1:$PEER_PORT/health"

  log "$size: checking that the API and PostGraphile answer Q1 and Q3 alike"
  node bench/lib/compare-peer.mjs "$API" "$PEER" "$reader" "$out" >&2

  log "$size: statements per request"
  for first in 10 50; do
    ours=$(statements "$db" "$API" "$out/q1-$first.jsonl" "$out/readers.tokens" "$first")
    peer=$(statements "$db" "$PEER" "$out/peer-q1-$first.jsonl" "$out/readers.tokens" "$first")
    record "$size" "Q1 statements, first $first" "api" '{}' 0 "{\"statements\":$ours}"
    record "$size" "Q1 statements, first $first" "postgraphile" '{}' 0 "{\"statements\":$peer}"
  done
  for first in 20 100; do
    ours=$(statements "$db" "$API" "$out/q2-$first.jsonl" "$out/readers.tokens" "$((first + 100))")
    record "$size" "Q2 statements, first $first" "api" '{}' 0 "{\"statements\":$ours}"
  done

  log "$size: Q1 fund dashboard"
  run_load "$size" "Q1" api "$API" "$out/q1-50.jsonl" "$out/readers.tokens" "$api_pid"
  run_load "$size" "Q1" postgraphile "$PEER" "$out/peer-q1-50.jsonl" "$out/readers.tokens" "$peer_pid"
  profile "$out" q1 "$API" "$out/q1-50.jsonl" "$out/readers.tokens" "$api_pid"
  log "$size: Q3 node(id)"
  run_load "$size" "Q3" api "$API" "$out/q3.jsonl" "$out/readers.tokens" "$api_pid"
  run_load "$size" "Q3" postgraphile "$PEER" "$out/peer-q3.jsonl" "$out/readers.tokens" "$peer_pid"
  profile "$out" q3 "$API" "$out/q3.jsonl" "$out/readers.tokens" "$api_pid"
  # what the API's stack costs a request that reads nothing (token, limits, GraphQL engine, HTTP):
  # no read through it can be faster than this row
  log "$size: floor { __typename }"
  echo '{"query":"query Floor { __typename }"}' > "$out/floor.jsonl"
  run_load "$size" "floor" api "$API" "$out/floor.jsonl" "$out/readers.tokens" "$api_pid"
  profile "$out" floor "$API" "$out/floor.jsonl" "$out/readers.tokens" "$api_pid"
  log "$size: Q2 portfolio"
  run_load "$size" "Q2" api "$API" "$out/q2-100.jsonl" "$out/readers.tokens" "$api_pid"
  profile "$out" q2 "$API" "$out/q2-100.jsonl" "$out/readers.tokens" "$api_pid"
  pgbench_out=$(bench/lib/pgbench-q2.sh "$db" "$tenant" "$fund" "$out" q2.sql)
  record "$size" "Q2" "bare SQL" "$pgbench_out" 0
  pgbench_out=$(bench/lib/pgbench-q2.sh "$db" "$tenant" "$fund" "$out" q2-kept.sql)
  record "$size" "Q2" "bare SQL, today's statements" "$pgbench_out" 0

  log "$size: heavy neighbour: Q1 on $LIGHT_CONNECTIONS connection(s) idle, then beside $HEAVY_CONNECTIONS connections of Q2"
  heavy_neighbour "$size" "$API" "$out" "$api_pid"

  log "$size: noisy neighbour: Q1 on $NORMAL_CONNECTIONS connection(s) idle, then beside one caller flooding on $FLOOD_CONNECTIONS"
  noisy_neighbour "$size" "$API" "$out" "$api_pid"

  log "$size: M1 sync of 10,000 deals (after 8 batches of another source, to warm the sync's code as the reads were)"
  head -8 "$out/m1.jsonl" | sed "s/bench-$size/bench-warm-up/g; s/Fund /Warm-up Fund /g" > "$out/m1-warm-up.jsonl"
  node bench/lib/m1.mjs "$API" "$out/m1-warm-up.jsonl" "$out/sync.tokens" 0 > "$out/m1-warm-up.out"
  m1_rss=$(with_rss "$api_pid" "$out/m1.out" node bench/lib/m1.mjs "$API" "$out/m1.jsonl" "$out/sync.tokens" 10000)
  record "$size" "M1" api "$(tail -1 "$out/m1.out")" "$m1_rss"
  profile_m1 "$size" "$out" "$api_pid"

  log "$size: exports of every finding of the bench firm (CSV, XLSX), then of $EXPORT_ROWS"
  exports "$size" "$db" "$tenant" "$out" "$api_pid" "$reader"

  kill "$peer_pid" "$api_pid" 2> /dev/null || true
  wait "$peer_pid" "$api_pid" 2> /dev/null || true
done

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD 2> /dev/null || echo '?'): \`bench/run.sh ${1:-all}\`"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "- API: $(java -version 2>&1 | head -1), JVM options \`$JAVA_OPTS\`, extracted jar with its class data sharing archive (docker/cds-archive.sh), Hikari pool 10, profile prod, rate limit on (${RATE_CAPACITY:-the default} points, ${RATE_RESTORE:-the default} per second per reader; integrations their role's budget)"
  echo "- PostgreSQL $("${PSQL[@]}" -d postgres -c 'show server_version'), jit $("${PSQL[@]}" -d postgres -c 'show jit'), shared_buffers $("${PSQL[@]}" -d postgres -c 'show shared_buffers')"
  echo "- PostGraphile $(node -p 'require("./bench/peers/postgraphile/node_modules/postgraphile/package.json").version') on Node $(node --version), pool 10; $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $(pgbench --version)"
  echo "- load: $CONNECTIONS connections, ${JVM_WARMUP} s of mixed load after the API starts, then per scenario ${WARMUP} s warm-up and ${DURATION} s measured; $USERS token subjects"
  echo
  node bench/lib/report.mjs "$RESULTS"
} | tee "$WORK/results.md"
log "done in $(( $(date +%s) - started )) s"
