// Writes the request bodies of every scenario, one JSON document per line, from a dataset's
// manifest (written by the generator): what wrk sends to the API and to the PostGraphile peer.
//   node bench/lib/bodies.mjs <manifest.json> <Q3 assessment UUIDs, one per line> <deals.csv> <out dir>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, batchesOf, idempotencyKey, MUTATION } from '../../examples/sync/sync.mjs';

const bench = join(dirname(fileURLToPath(import.meta.url)), '..');
const [manifestFile, idsFile, dealsFile, out] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
mkdirSync(out, { recursive: true });

const globalId = (type, uuid) => Buffer.from(`${type}:${uuid}`).toString('base64url');
const document = (file) => readFileSync(join(bench, file), 'utf8');
const write = (name, bodies) => writeFileSync(join(out, name), bodies.map((b) => JSON.stringify(b)).join('\n') + '\n');

const tenant = manifest.benchTenant.id;
const fund = manifest.scaleFund.id;
const q1 = document('scenarios/q1-fund-dashboard.graphql');
const q2 = document('scenarios/q2-portfolio.graphql');
const q3 = document('scenarios/q3-assessment-node.graphql');
const peerQ1 = document('peers/postgraphile/q1.graphql');
const peerQ3 = document('peers/postgraphile/q3.graphql');

for (const first of [10, 50]) {
  write(`q1-${first}.jsonl`, [{ query: q1, variables: { fund: globalId('Fund', fund), first } }]);
  write(`peer-q1-${first}.jsonl`, [{ query: peerQ1, variables: { fund, tenant, first } }]);
}
for (const first of [20, 100]) {
  write(`q2-${first}.jsonl`, [{ query: q2, variables: { fund: globalId('Fund', fund), first } }]);
}
const assessmentIds = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
write('q3.jsonl', assessmentIds.map((id) => ({ query: q3, variables: { id: globalId('Assessment', id) } })));
write('peer-q3.jsonl', assessmentIds.map((id) => ({ query: peerQ3, variables: { id, tenant } })));

// M1: the example client's batches of at most 500 items, under its content-derived idempotency keys
const source = `bench-${manifest.size}`;
const batches = batchesOf(parseCsv(readFileSync(dealsFile, 'utf8')));
write('m1.jsonl', batches.map((batch) => ({ query: MUTATION, variables: { input: { source, idempotencyKey: idempotencyKey(source, batch), ...batch } } })));
console.log(JSON.stringify({ out, m1Batches: batches.length, q3Ids: assessmentIds.length }));
