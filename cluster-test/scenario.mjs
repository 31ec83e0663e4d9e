// The cluster test's client (run by cluster-test/run.sh, which starts what it talks to): two API
// processes on one PostgreSQL primary with a streaming replica, driven round-robin. Each step
// prints what it measured and throws, failing the run, when a promise of several replicas breaks:
//   1. sync idempotency and the change feed's commit order hold with batches spread over both;
//   2. a caller's budget holds across both replicas: flooding both together is throttled as flooding one;
//   3. a firm archived through one replica is refused by the other within the stated bound;
//   4. portfolio reads that the replica serves see every write acknowledged to the caller;
//   5. killing one API process loses no write it acknowledged.
// Environment: CLUSTER_APIS (two base URLs), CLUSTER_API_PIDS, CLUSTER_ISSUER.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { MUTATION as SYNC, batchesOf, idempotencyKey, parseCsv } from '../examples/sync/sync.mjs';

const apis = process.env.CLUSTER_APIS.split(',');
const pids = process.env.CLUSTER_API_PIDS.split(',').map(Number);
const issuer = process.env.CLUSTER_ISSUER;
/** Longest a replica may go on accepting an archived firm's tokens (README "Running several replicas"). */
const ARCHIVE_BOUND_MS = 1000;
/** diligence.limits.budget-store.max-unsynchronized-points, the default */
const MAX_UNSYNCHRONIZED_POINTS = 100;
const BUDGET = { capacity: 2000, restorePerSecond: 50 };

const check = (condition, message) => {
  if (!condition) throw new Error(`FAILED: ${message}`);
};
const report = (step, figures) => console.log(`${step}: ${JSON.stringify(figures)}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function token(sub, roles, tenant) {
  const form = new URLSearchParams({ sub, roles: roles.join(',') });
  if (tenant) form.set('tenant', tenant);
  const response = await fetch(`${issuer}/token`, { method: 'POST', body: form });
  check(response.ok, `the issuer gave no token for ${sub}`);
  return (await response.json()).access_token;
}

const throttled = (result) => result.status === 429
  || result.body.errors?.some((e) => e.extensions?.classification === 'THROTTLED');

/** POSTs a GraphQL request; returns { status, body, headers }, never throws on an HTTP status. */
async function post(api, bearer, query, variables = {}, headers = {}) {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { raw: text.slice(0, 300) }; }
  return { status: response.status, body, headers: response.headers };
}

/** A request that must succeed without errors, sent again after Retry-After when throttled (as a well-behaved client does); returns its data. */
async function ok(api, bearer, query, variables, headers) {
  let result = await post(api, bearer, query, variables, headers);
  for (let attempt = 0; throttled(result) && attempt < 30; attempt++) {
    await sleep(1000 * Number(result.headers.get('retry-after') ?? 1));
    result = await post(api, bearer, query, variables, headers);
  }
  const { status, body } = result;
  check(status === 200 && !body.errors, `${query.slice(0, 60)} on ${api}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  const payload = Object.values(body.data)[0];
  check(!payload?.userErrors?.length, `${query.slice(0, 60)}: ${JSON.stringify(payload.userErrors)}`);
  return body.data;
}


// ---- setup ------------------------------------------------------------------------------------------
const admin = await token('cluster-platform-admin', ['platform-admin']);
const CREATE_TENANT = 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } userErrors { field code message } } }';
for (const key of ['cluster-one', 'cluster-two']) {
  await ok(apis[0], admin, CREATE_TENANT, { input: { key, name: `Cluster ${key}` } });
}

// The caller of step 4 is remembered by both processes now: remembering a caller is a write, and a
// process keeps a caller who wrote through it on the primary for primary-after-write (5 s), which
// would hide step 4's header rule behind that fallback.
const manager = await token('cluster-rw', ['tenant-admin'], 'cluster-one');
for (const api of apis) await ok(api, manager, '{ funds(first: 1) { nodes { id } } }');

// ---- 1. sync idempotency and change-feed commit order across replicas ------------------------------
const sync = await token('cluster-sync', ['integration'], 'cluster-one');
const deals = (source, count) => {
  const csv = execFileSync('node', ['examples/sync/generate-deals.mjs', String(count)], { encoding: 'utf8' });
  return parseCsv(csv).map((deal) => ({ ...deal, deal_id: `${source}-${deal.deal_id}` }));
};
async function syncAll(source, offset) {
  const batches = batchesOf(deals(source, 120), 25);
  const results = [];
  for (const [i, batch] of batches.entries()) {
    const input = { source, idempotencyKey: idempotencyKey(source, batch), ...batch };
    const first = await ok(apis[(i + offset) % 2], sync, SYNC, { input });
    const again = await ok(apis[(i + offset + 1) % 2], sync, SYNC, { input });
    check(!first.syncDeals.replayed && again.syncDeals.replayed, `batch ${i} of ${source} was not replayed by the other replica`);
    check(JSON.stringify(first.syncDeals.summary) === JSON.stringify(again.syncDeals.summary),
      `batch ${i} of ${source}: the replay's summary differs`);
    results.push(first.syncDeals.summary);
  }
  return results;
}
const summaries = (await Promise.all([syncAll('crm-a', 0), syncAll('crm-b', 1)])).flat();
const created = summaries.reduce((sum, s) => sum + s.created, 0);
const FEED = 'query($since: String) { changes(since: $since, first: 100) { changes { entityType id operation } cursor hasMore } }';
const feed = [];
let cursor = null;
for (let page = 0; ; page++) {
  const { changes } = await ok(apis[page % 2], sync, FEED, { since: cursor });
  feed.push(...changes.changes);
  cursor = changes.cursor;
  if (!changes.hasMore) break;
}
const createdInFeed = feed.filter((c) => c.operation === 'CREATED');
const keys = new Set(createdInFeed.map((c) => `${c.entityType}:${c.id}`));
report('1. sync and change feed', { batches: summaries.length, created, changes: feed.length, createdChanges: createdInFeed.length });
check(keys.size === createdInFeed.length, 'an object was reported CREATED twice');
check(createdInFeed.length === created, `the feed holds ${createdInFeed.length} creations, the syncs created ${created}`);
// commit order: every holding's fund and company were created, in an earlier transaction or the same
// one, before the holding: the feed lists each holding after both
const HOLDING = 'query($id: ID!) { node(id: $id) { ... on Holding { fund { id } company { id } } } }';
const position = new Map(createdInFeed.map((c, i) => [c.id, i]));
for (const change of createdInFeed.filter((c) => c.entityType === 'HOLDING').slice(0, 40)) {
  const { node } = await ok(apis[1], sync, HOLDING, { id: change.id });
  check(position.get(node.fund.id) < position.get(change.id) && position.get(node.company.id) < position.get(change.id),
    `holding ${change.id} precedes its fund or company in the change feed`);
}

// ---- 2. one budget across both replicas -----------------------------------------------------------
// Each flood sends a cheap query on 4 connections per replica it uses for FLOOD_MS and adds up the
// points actually charged. One budget allows capacity + restored + each replica's unsynchronized
// points; two separate budgets would allow twice the capacity and twice the restored points.
// the companies the sync created: about 100 points actually charged per request
const FLOOD_QUERY = '{ companies(first: 100) { nodes { id } } }';
const CHEAP = '{ funds(first: 5) { nodes { id } } }';
const FLOOD_MS = 3000;
async function flood(subject, targets) {
  const bearer = await token(subject, ['tenant-admin'], 'cluster-one');
  const until = Date.now() + FLOOD_MS;
  let points = 0;
  let admitted = 0;
  let refused = 0;
  const loop = async (api) => {
    while (Date.now() < until) {
      const result = await post(api, bearer, FLOOD_QUERY);
      if (throttled(result)) { refused++; continue; }
      check(result.status === 200 && !result.body.errors, `flood: ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
      admitted++;
      points += result.body.extensions?.cost?.actualQueryCost ?? 0;
    }
  };
  await Promise.all(targets.flatMap((api) => [1, 2, 3, 4].map(() => loop(api))));
  return { admitted, refused, points };
}
const one = await flood('flooder-one-replica', [apis[0]]);
const both = await flood('flooder-both-replicas', apis);
const seconds = FLOOD_MS / 1000;
const oneBudget = BUDGET.capacity + BUDGET.restorePerSecond * seconds + 2 * MAX_UNSYNCHRONIZED_POINTS;
const twoBudgets = 2 * (BUDGET.capacity + BUDGET.restorePerSecond * seconds);
report('2. shared budget', { floodSeconds: seconds, oneReplica: one, bothReplicas: both, oneBudgetAllows: oneBudget, twoBudgetsWouldAllow: twoBudgets });
check(one.points > 0 && both.points > 0, 'the floods were charged nothing');
check(both.refused > 0, 'flooding both replicas was never throttled');
check(both.points <= oneBudget, `flooding both replicas spent ${both.points} points, more than one budget allows (${oneBudget})`);

// ---- 3. an archived firm is refused by the other replica within the bound --------------------------
const two = await token('cluster-two-admin', ['tenant-admin'], 'cluster-two');
for (const api of apis) {
  check((await post(api, two, CHEAP)).status === 200, `cluster-two's token was refused on ${api} before archiving`);
}
const ARCHIVE = 'mutation($input: ArchiveTenantInput!) { archiveTenant(input: $input) { tenant { id } userErrors { field code message } } }';
await ok(apis[0], admin, ARCHIVE, { input: { key: 'cluster-two' } });
const archivedAt = Date.now();
let refusedAfter = null;
while (Date.now() - archivedAt < 30_000) {
  const { status } = await post(apis[1], two, CHEAP);
  if (status === 401) { refusedAfter = Date.now() - archivedAt; break; }
  await sleep(5);
}
report('3. archived firm', { refusedByOtherReplicaAfterMs: refusedAfter, boundMs: ARCHIVE_BOUND_MS, tenantCacheTtl: '10m' });
check(refusedAfter !== null && refusedAfter <= ARCHIVE_BOUND_MS,
  `the other replica accepted the archived firm's token for ${refusedAfter ?? '30,000+'} ms`);

// ---- 4. reads served by the replica see the caller's acknowledged writes ---------------------------
// Each round adds a company to a fund through one API process and reads the fund's portfolio through
// the other, sending back the Diligence-Commit-Position of the write: the read goes to the replica
// only once the replica has replayed that position, so it must list the company. Some rounds wait a
// little before reading, so that the replica has caught up and serves some of them.
const metric = async (api, target) => {
  const management = api.replace(/:(\d+)$/, (_, port) => `:${Number(port) + 1}`);
  const text = await (await fetch(`${management}/actuator/prometheus`)).text();
  const line = text.split('\n').find((l) => l.startsWith('diligence_datasource_reads_total') && l.includes(`target="${target}"`));
  return line ? Number(line.trim().split(/\s+/).pop()) : 0;
};
const CREATE_FUND = 'mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { field code message } } }';
const ADD_HOLDING = 'mutation($input: AddHoldingInput!) { addHolding(input: $input) { holding { id } userErrors { field code message } } }';
const PORTFOLIO = 'query($fund: ID!) { portfolio(fundId: $fund) { unassessed(first: 100) { nodes { id } } } }';
const { createFund } = await ok(apis[0], manager, CREATE_FUND,
  { input: { name: 'Replica Fund', vintageYear: 2024, strategy: 'VENTURE_CAPITAL', currency: 'EUR' } });
const replicaBefore = await metric(apis[1], 'replica');
const primaryBefore = await metric(apis[1], 'primary');
let rounds = 0;
let unseen = 0;
for (let round = 0; round < 20; round++) {
  const { createCompany } = await ok(apis[0], manager, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { field code message } } }',
    { input: { name: `Replica round ${round}`, sector: 'INSURANCE', headquartersCountry: 'FR', stage: 'EARLY' } });
  const write = await post(apis[0], manager, ADD_HOLDING,
    { input: { fundId: createFund.fund.id, companyId: createCompany.company.id, dealStage: 'SOURCED' } });
  check(write.status === 200 && write.body.data?.addHolding?.holding, `addHolding: ${JSON.stringify(write.body).slice(0, 200)}`);
  const position = write.headers.get('diligence-commit-position');
  check(position, 'a committed write carried no Diligence-Commit-Position');
  if (round % 2 === 1) await sleep(300);
  const { portfolio } = await ok(apis[1], manager, PORTFOLIO, { fund: createFund.fund.id }, { 'Diligence-Commit-Position': position });
  rounds++;
  if (!portfolio.unassessed.nodes.some((c) => c.id === createCompany.company.id)) unseen++;
}
const servedByReplica = (await metric(apis[1], 'replica')) - replicaBefore;
const servedByPrimary = (await metric(apis[1], 'primary')) - primaryBefore;
report('4. read your writes', { rounds, readsOnReplica: servedByReplica, readsOnPrimary: servedByPrimary, writesNotSeen: unseen });
check(unseen === 0, `${unseen} reads did not see the write acknowledged just before`);
check(servedByReplica > 0, 'the replica served no portfolio read');

// ---- 5. killing one API process loses no acknowledged write ---------------------------------------
const writer = await token('cluster-writer', ['tenant-admin'], 'cluster-one');
const CREATE_COMPANY = 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { field code message } } }';
const acknowledged = [];
let failed = 0; // answered, but not with a company (throttled, for one)
let broken = 0;
let sent = 0;
const writeUntil = Date.now() + 4000;
const writeLoop = async (lane) => {
  for (let i = lane; Date.now() < writeUntil; i += 4) {
    const api = apis[i % 2];
    sent++;
    try {
      const { status, body } = await post(api, writer, CREATE_COMPANY,
        { input: { name: `Kill test ${lane}-${i}`, sector: 'INSURANCE', headquartersCountry: 'DE', stage: 'EARLY' } });
      const id = body.data?.createCompany?.company?.id;
      if (status === 200 && id && !body.errors) acknowledged.push(id);
      else failed++;
    } catch {
      broken++; // the connection broke, or the killed process refused it: not acknowledged
      await sleep(20); // as a balancer's retry would, rather than spinning on a dead address
    }
  }
};
const killer = sleep(1500).then(() => process.kill(pids[0], 'SIGKILL'));
await Promise.all([killer, ...[0, 1, 2, 3].map(writeLoop)]);
let missing = 0;
const verifier = await token('cluster-verifier', ['tenant-admin'], 'cluster-one');
for (const id of acknowledged) {
  const { node } = await ok(apis[1], verifier, 'query($id: ID!) { node(id: $id) { id } }', { id });
  if (!node) missing++;
}
report('5. one API process killed', { sent, acknowledged: acknowledged.length, answeredWithoutCompany: failed, connectionBroken: broken, acknowledgedButMissing: missing });
check(broken > 0, 'no connection broke: the process was not killed while writes went to it');
check(missing === 0, `${missing} acknowledged companies are missing`);
console.log('cluster test passed');
