// Turns the raw result lines of bench/run.sh (results.jsonl) into the Markdown tables of the report:
// load scenarios with their side-by-side ratios and targets, the heavy neighbour, exports,
// statements per request, and scaling.
//   node bench/lib/report.mjs results.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
const find = (size, scenario, system) => rows.find((r) => r.size === size && r.scenario === scenario && r.system === system);
const sizes = [...new Set(rows.map((r) => r.size))];
const fixed = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
const lines = [];

lines.push('| size | scenario | system | req/s | p50 ms | p99 ms | errors | peak RSS MB | side by side | target |');
lines.push('|---|---|---|---:|---:|---:|---:|---:|---|---|');
const load = (r, ratio = '', target = '') => lines.push(`| ${r.size} | ${r.scenario} | ${r.system} | ${fixed(r.rps)} | ${fixed(r.p50ms)} | ${fixed(r.p99ms)} | `
  + `${r.errors + (r.socketErrors ?? 0)} of ${r.requests} | ${r.rssMB ? r.rssMB : '–'} | ${ratio} | ${target} |`);
const met = (ok) => (ok ? 'met' : '**missed**');
// The goals of the read path and the sync (issue 18): throughput against PostGraphile in the same
// run, and deals per second on the large dataset.
const readGoals = { Q1: 2.0, Q3: 1.5 };
const syncGoal = { large: 2500 };
for (const size of sizes) {
  for (const [scenario, peerName] of [['Q1', 'postgraphile'], ['Q3', 'postgraphile']]) {
    const ours = find(size, scenario, 'api');
    const peer = find(size, scenario, peerName);
    if (!ours || !peer) continue;
    const ratio = ours.rps / peer.rps;
    const goal = readGoals[scenario];
    load(ours, `${fixed(ratio, 2)}× PostGraphile's throughput`, `≥ ${fixed(goal, 2)}×: ${met(ratio >= goal)}`);
    load(peer);
  }
  const floor = find(size, 'floor', 'api');
  const q3Peer = find(size, 'Q3', 'postgraphile');
  if (floor) {
    load(floor, q3Peer ? `${fixed(floor.rps / q3Peer.rps, 2)}× PostGraphile's Q3: the most any read can reach` : '');
  }
  const q2 = find(size, 'Q2', 'api');
  const sql = find(size, 'Q2', 'bare SQL');
  const kept = find(size, 'Q2', "bare SQL, today's statements");
  if (q2 && sql) {
    const times = q2.rps / sql.rps;
    load(q2, `${fixed(times, 2)}× the bare SQL of the statements before issue 18`, `≥ 3×: ${met(times >= 3)}`);
    load(sql, 'q2.sql: the statements before issue 18, a fixed peer');
  }
  if (q2 && kept) {
    const slower = kept.rps / q2.rps;
    load(kept, `q2-kept.sql: the API's own statements do ${fixed(slower, 2)}× its throughput`, `≤ 1.30×: ${met(slower <= 1.3)}`);
  }
  const m1 = find(size, 'M1', 'api');
  if (m1) {
    lines.push(`| ${size} | M1 (${m1.requests} batches) | api | ${fixed(m1.dealsPerSecond, 0)} deals/s | ${fixed(m1.p50ms)} | ${fixed(m1.p99ms)} | `
      + `${m1.errors + (m1.socketErrors ?? 0)} of ${m1.requests} | ${m1.rssMB} | ${fixed(m1.seconds, 2)} s for 10,000 deals; throttled ${m1.throttled}× (${m1.throttledSeconds} s waited); ${fixed(m1.dealsPerSecondUnthrottled, 0)} deals/s over the batches' own time | ${syncGoal[size] ? `≥ ${syncGoal[size].toLocaleString('en-US')} deals/s: ${met(m1.dealsPerSecond >= syncGoal[size])}` : ''} |`);
  }
}
const peakRss = Math.max(...rows.filter((r) => r.system === 'api').map((r) => r.rssMB || 0));
lines.push('', `API peak RSS over every scenario: ${peakRss} MB (target < 768 MB: ${met(peakRss < 768)}).`);

const neighbour = sizes.map((size) => ({ size, idle: find(size, 'heavy neighbour: light, idle', 'api'),
  loaded: find(size, 'heavy neighbour: light, loaded', 'api'), heavy: find(size, 'heavy neighbour: heavy', 'api') }))
  .filter((n) => n.idle && n.loaded && n.heavy);
if (neighbour.length) {
  lines.push('', '| size | heavy neighbour | heavy limit | light p50 ms idle → loaded | light p99 ms idle → loaded | light p99 loaded ÷ idle | light errors | heavy answered | heavy refused (UNAVAILABLE) | heavy other errors | heavy p50 / p99 ms | target |',
    '|---|---|---:|---|---|---:|---:|---:|---:|---:|---|---|');
  for (const { size, idle, loaded, heavy } of neighbour) {
    const ratio = loaded.p99ms / idle.p99ms;
    const refused = heavy.unavailable ?? 0;
    lines.push(`| ${size} | Q1 on ${idle.lightConnections} beside Q2 on ${heavy.heavyConnections} | ${heavy.heavyLimit ?? 'none'} | `
      + `${fixed(idle.p50ms)} → ${fixed(loaded.p50ms)} | ${fixed(idle.p99ms)} → ${fixed(loaded.p99ms)} | ${fixed(ratio, 2)}× | `
      + `${idle.errors + loaded.errors + (idle.socketErrors ?? 0) + (loaded.socketErrors ?? 0)} of ${idle.requests + loaded.requests} | ${heavy.requests - heavy.errors} | ${refused} | ${heavy.errors - refused + (heavy.socketErrors ?? 0)} | ${fixed(heavy.p50ms)} / ${fixed(heavy.p99ms)} | `
      + `p99 loaded ≤ 2× idle: ${met(ratio <= 2)} |`);
  }
}

const noisy = sizes.map((size) => ({ size, idle: find(size, 'noisy neighbour: normal, idle', 'api'),
  loaded: find(size, 'noisy neighbour: normal, loaded', 'api'), flood: find(size, 'noisy neighbour: flood', 'api') }))
  .filter((n) => n.idle && n.loaded && n.flood);
if (noisy.length) {
  lines.push('', '| size | noisy neighbour | normal p50 ms idle → loaded | normal p99 ms idle → loaded | normal p99 loaded ÷ idle | normal errors | flood req/s | flood refused (429) | flood admitted | target |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---|');
  for (const { size, idle, loaded, flood } of noisy) {
    const ratio = loaded.p99ms / idle.p99ms;
    lines.push(`| ${size} | Q1 on ${idle.normalConnections} (many users) beside one user flooding Q1 on ${flood.floodConnections} | `
      + `${fixed(idle.p50ms)} → ${fixed(loaded.p50ms)} | ${fixed(idle.p99ms)} → ${fixed(loaded.p99ms)} | ${fixed(ratio, 2)}× | `
      + `${idle.errors + loaded.errors + (idle.socketErrors ?? 0) + (loaded.socketErrors ?? 0)} of ${idle.requests + loaded.requests} | `
      + `${fixed(flood.rps)} | ${flood.throttled ?? 0} | ${flood.requests - flood.errors} | p99 loaded ≤ 1.3× idle: ${met(ratio <= 1.3)} |`);
  }
}

// Exports stream (issue 20): at least 20,000 rows a second, and memory that does not grow with the file.
const exportRows = rows.filter((r) => r.scenario.startsWith('export '));
if (exportRows.length) {
  lines.push('', '| size | export | rows | seconds | rows/s | bytes | API RSS MB before → after | target |', '|---|---|---:|---:|---:|---:|---|---|');
  for (const r of exportRows) {
    lines.push(`| ${r.size} | ${r.scenario} | ${r.rows} | ${fixed(r.seconds, 2)} | ${fixed(r.rowsPerSecond, 0)} | ${r.bytes} | ${r.rssBeforeMB} → ${r.rssMB} | `
      + `≥ 20,000 rows/s: ${met(r.rowsPerSecond >= 20000)} |`);
  }
}

lines.push('', '| size | API start, jar to ready (prod profile) | RSS when ready | target |', '|---|---:|---:|---|');
for (const size of sizes) {
  const startup = find(size, 'startup', 'api');
  if (startup) lines.push(`| ${size} | ${fixed(startup.readySeconds, 2)} s | ${startup.rssMB} MB | ≤ 8 s: ${met(startup.readySeconds <= 8)} |`);
}

// At most this many statements per request, whatever the page size (issue 18).
const statementGoals = { Q1: 4, Q2: 5 };
lines.push('', '| size | statements per request | api | postgraphile | target |', '|---|---|---:|---:|---|');
for (const size of sizes) {
  for (const scenario of [...new Set(rows.filter((r) => r.size === size && r.statements !== undefined).map((r) => r.scenario))]) {
    const statements = find(size, scenario, 'api')?.statements;
    const goal = statementGoals[scenario.split(' ')[0]];
    lines.push(`| ${size} | ${scenario} | ${fixed(statements)} | ${fixed(find(size, scenario, 'postgraphile')?.statements)} | `
      + `${goal && statements !== undefined ? `≤ ${goal}: ${met(statements <= goal)}` : ''} |`);
  }
}

if (sizes.includes('small') && sizes.includes('large')) {
  lines.push('', '| scaling, small → large | system | req/s small | req/s large | throughput ratio | p50 ms small → large |', '|---|---|---:|---:|---:|---|');
  for (const [scenario, system] of [['Q1', 'api'], ['Q1', 'postgraphile'], ['Q2', 'api'], ['Q2', 'bare SQL'], ['Q2', "bare SQL, today's statements"], ['Q3', 'api'], ['Q3', 'postgraphile'], ['M1', 'api']]) {
    const small = find('small', scenario, system);
    const large = find('large', scenario, system);
    if (!small || !large) continue;
    lines.push(`| ${scenario} | ${system} | ${fixed(small.rps)} | ${fixed(large.rps)} | ${fixed(large.rps / small.rps, 2)} | ${fixed(small.p50ms)} → ${fixed(large.p50ms)} |`);
  }
}
console.log(lines.join('\n'));
