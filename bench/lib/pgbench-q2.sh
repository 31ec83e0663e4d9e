#!/usr/bin/env bash
# Q2's bare SQL (bench/peers/sql/q2.sql, the statements before issue 18, or q2-kept.sql, today's) under
# pgbench, at the same concurrency, warm-up and duration as the HTTP scenarios, as the application's
# role (row-level security applies as for the API).
# Prints one JSON line shaped like graphql.lua's: requests, seconds, rps, p50ms, p90ms, p99ms, errors.
#   bench/lib/pgbench-q2.sh <database> <tenant uuid> <fund uuid> <log dir> [q2.sql|q2-kept.sql]
set -euo pipefail
db=$1 tenant=$2 fund=$3 dir=$4
port=${BENCH_PG_PORT:-5499}
script=$(dirname "$0")/../peers/sql/${5:-q2.sql}
common=(-n -M prepared -h 127.0.0.1 -p "$port" -U diligence_app -c "${BENCH_CONNECTIONS:-8}" -j 2 -f "$script" -D "tenant=$tenant" -D "fund=$fund" -D version=1)
PGPASSWORD=bench-app pgbench "${common[@]}" -T "${BENCH_WARMUP:-5}" "$db" > /dev/null 2>&1
rm -f "$dir"/pgbench_q2*
PGPASSWORD=bench-app pgbench "${common[@]}" -T "${BENCH_DURATION:-15}" -l --log-prefix="$dir/pgbench_q2" "$db" > "$dir/pgbench.out" 2>&1
# per-transaction log lines: client transaction latency_us script epoch epoch_us (latency "failed"/"skipped" on failures)
cat "$dir"/pgbench_q2* | node -e '
  const fs = require("fs");
  const out = fs.readFileSync(process.argv[1], "utf8");
  const lines = fs.readFileSync(0, "utf8").trim().split("\n").map((l) => l.split(" "));
  const ok = lines.filter((f) => /^\d+$/.test(f[2])).map((f) => Number(f[2]) / 1000).sort((a, b) => a - b);
  const at = (p) => ok.length ? ok[Math.min(ok.length - 1, Math.floor(p / 100 * ok.length))] : 0;
  const seconds = Number((out.match(/duration: (\d+) s/) || [0, process.env.BENCH_DURATION || 15])[1]);
  const tps = Number((out.match(/tps = ([\d.]+)/) || [0, 0])[1]);
  console.log(JSON.stringify({ requests: lines.length, seconds, rps: tps, p50ms: at(50), p90ms: at(90), p99ms: at(99),
    maxms: ok.length ? ok[ok.length - 1] : 0, errors: lines.length - ok.length }));
' "$dir/pgbench.out"
