// M1: one CRM sync of the benchmark's deals, as the example client runs it: the batches of
// m1.jsonl posted one after the other on one connection, each answered before the next is sent
// (a holding needs its fund and company from the same or an earlier batch). A THROTTLED answer is
// retried after its Retry-After, as any well-behaved client does; that wait counts in the elapsed
// time (throughput as the client sees it) but not in the per-batch latencies (the server's work).
// Prints one JSON line shaped like graphql.lua's, plus deals/s.
//   node bench/lib/m1.mjs <api url> <bodies.jsonl> <token file> <deals>
import { readFileSync } from 'node:fs';

const [url, bodiesFile, tokenFile, deals] = process.argv.slice(2);
const bodies = readFileSync(bodiesFile, 'utf8').trim().split('\n');
const token = readFileSync(tokenFile, 'utf8').trim().split('\n')[0];
const latencies = [];
let errors = 0;
let throttled = 0;
let throttledSeconds = 0;
let bytes = 0;
let errorSample = '';
const started = process.hrtime.bigint();
for (const body of bodies) {
  for (;;) {
    const sent = process.hrtime.bigint();
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` } });
    const text = await response.text();
    const ms = Number(process.hrtime.bigint() - sent) / 1e6;
    bytes += text.length;
    const refusal = response.status === 200 || response.status === 429
      ? JSON.parse(text).errors?.find((e) => e.extensions?.classification === 'THROTTLED') : undefined;
    if (refusal) {
      throttled++;
      const wait = Number(refusal.extensions.retryAfterSeconds ?? 1);
      throttledSeconds += wait;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    latencies.push(ms);
    if (response.status !== 200 || /"errors":\s*\[\s*\{|"userErrors":\s*\[\s*\{/.test(text)) {
      errors++;
      errorSample ||= text.slice(0, 300);
    }
    break;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const sorted = [...latencies].sort((a, b) => a - b);
const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const serverSeconds = latencies.reduce((sum, ms) => sum + ms, 0) / 1000;
console.log(JSON.stringify({ requests: latencies.length, seconds, rps: latencies.length / seconds, p50ms: at(50), p90ms: at(90), p99ms: at(99),
  maxms: sorted[sorted.length - 1], errors, socketErrors: 0, bytes, errorSample, throttled, throttledSeconds,
  dealsPerSecond: Number(deals) / seconds, dealsPerSecondUnthrottled: Number(deals) / serverSeconds }));
