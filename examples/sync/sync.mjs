#!/usr/bin/env node
// Syncs deals from a CSV file into the Diligence API with syncDeals: funds, companies and holdings
// upserted by (source, external ID), in batches of at most 500 items, each batch under an
// idempotency key derived from its content, so that re-running the same file (after a crash, or
// retrying after any failure) never applies anything twice: the API replays what it already applied.
// Node's standard library only (Node 18+). sync.py is the same client in Python; both derive the
// same keys, so either may resume what the other started.
//
//   node sync.mjs deals.csv
//
// Environment (defaults fit the API's embedded default):
//   DILIGENCE_API            http://127.0.0.1:8080/graphql
//   DILIGENCE_TOKEN_URL      http://127.0.0.1:8090/diligence/token
//   DILIGENCE_CLIENT_ID      sync-bot          DILIGENCE_CLIENT_SECRET  demo
//   DILIGENCE_TOKEN          a bearer token to use instead of fetching one (never refreshed)
//   SYNC_SOURCE              crm               SYNC_BATCH_ITEMS  500
//   SYNC_STOP_AFTER_BATCHES  exit (status 3) after this many batches, as a crash would: for trying resumption
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const API = process.env.DILIGENCE_API ?? 'http://127.0.0.1:8080/graphql';
const TOKEN_URL = process.env.DILIGENCE_TOKEN_URL ?? 'http://127.0.0.1:8090/diligence/token';
const CLIENT_ID = process.env.DILIGENCE_CLIENT_ID ?? 'sync-bot';
const CLIENT_SECRET = process.env.DILIGENCE_CLIENT_SECRET ?? 'demo';
const FIXED_TOKEN = process.env.DILIGENCE_TOKEN;
const SOURCE = process.env.SYNC_SOURCE ?? 'crm';
const BATCH_ITEMS = Math.min(500, Number(process.env.SYNC_BATCH_ITEMS ?? 500));
const STOP_AFTER_BATCHES = Number(process.env.SYNC_STOP_AFTER_BATCHES ?? Infinity);
const MAX_ATTEMPTS = 8;
// a token is renewed once it has less than this left of its expires_in: no request goes out with a
// token about to expire in flight
const RENEW_BEFORE_EXPIRY_MS = 30_000;

export const MUTATION = `mutation Sync($input: SyncDealsInput!) {
  syncDeals(input: $input) {
    replayed
    summary { created updated unchanged failed }
    funds { externalId outcome userErrors { field code message } }
    companies { externalId outcome userErrors { field code message } }
    holdings { externalId outcome userErrors { field code message } }
    userErrors { field code message }
  }
}`;

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into objects keyed by the header row. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  const [header, ...data] = rows;
  return data.map((values) => Object.fromEntries(header.map((name, i) => [name.trim(), (values[i] ?? '').trim()])));
}

const orNull = (value) => (value === undefined || value === '' ? null : value);

/**
 * One deal row → the fund, company and holding items it describes. Decimals (targetSize,
 * ownershipPercentage) stay the CSV's strings: the API reads a Decimal string exactly, where a
 * JavaScript number would round 999999999999999.99 to 1000000000000000.
 */
function itemsOf(deal) {
  return {
    fund: {
      externalId: deal.fund_id, name: deal.fund_name, vintageYear: Number(deal.fund_vintage),
      strategy: deal.fund_strategy, currency: deal.fund_currency, targetSize: orNull(deal.fund_target_size),
    },
    company: {
      externalId: deal.company_id, name: deal.company_name, website: orNull(deal.website), sector: deal.sector,
      headquartersCountry: deal.country, stage: deal.company_stage,
      employeeCount: deal.employees ? Number(deal.employees) : null, description: orNull(deal.description),
    },
    holding: {
      externalId: deal.deal_id, fundExternalId: deal.fund_id, companyExternalId: deal.company_id, dealStage: deal.deal_stage,
      ownershipPercentage: orNull(deal.ownership), entryDate: orNull(deal.entry_date), exitDate: orNull(deal.exit_date),
    },
  };
}

/**
 * Splits deals into batches of at most BATCH_ITEMS items. A holding needs its fund and company in
 * the same batch or an earlier one, so each fund and company is sent once, in the first batch that
 * needs it.
 */
export function batchesOf(deals, limit = BATCH_ITEMS) {
  const batches = [];
  const sentFunds = new Set();
  const sentCompanies = new Set();
  let current = { funds: [], companies: [], holdings: [] };
  const size = (b) => b.funds.length + b.companies.length + b.holdings.length;
  for (const deal of deals) {
    const { fund, company, holding } = itemsOf(deal);
    const needed = 1 + (sentFunds.has(fund.externalId) ? 0 : 1) + (sentCompanies.has(company.externalId) ? 0 : 1);
    if (size(current) + needed > limit) {
      batches.push(current);
      current = { funds: [], companies: [], holdings: [] };
    }
    if (!sentFunds.has(fund.externalId)) { current.funds.push(fund); sentFunds.add(fund.externalId); }
    if (!sentCompanies.has(company.externalId)) { current.companies.push(company); sentCompanies.add(company.externalId); }
    current.holdings.push(holding);
  }
  if (size(current) > 0) batches.push(current);
  return batches;
}

/** The batch's idempotency key: its content's hash, so a re-sent batch replays instead of applying twice. */
export function idempotencyKey(source, batch) {
  return `${source}:${createHash('sha256').update(JSON.stringify([source, batch])).digest('hex')}`;
}

/** An error not worth retrying: the API refused the request, or the credentials do not work. */
class Fatal extends Error {}

/**
 * Bearer tokens by OAuth2 client credentials. A token is fetched when there is none, when the last
 * one has less than RENEW_BEFORE_EXPIRY_MS left of its expires_in (one without expires_in is kept
 * until refused), and after the API answered 401 (forget()). A token just fetched is always used
 * once, however short its life. DILIGENCE_TOKEN, when set, is used as it is and never renewed.
 */
class Tokens {
  current = null;
  renewAt = Infinity;

  async bearer() {
    if (FIXED_TOKEN) return FIXED_TOKEN;
    if (this.current === null || Date.now() >= this.renewAt) await this.#fetch();
    return this.current;
  }

  /** The API refused the current token (expired or invalid): the next bearer() fetches another. */
  forget() {
    this.current = null;
  }

  get renewable() {
    return !FIXED_TOKEN;
  }

  async #fetch() {
    const response = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    const text = await response.text();
    if (response.status >= 400 && response.status < 500) {
      throw new Fatal(`token endpoint ${TOKEN_URL} refused client ${CLIENT_ID}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
    if (!response.ok) throw new Error(`token endpoint answered HTTP ${response.status}`);
    const body = JSON.parse(text);
    if (!body.access_token) throw new Fatal(`token endpoint ${TOKEN_URL} answered without an access_token`);
    const lifetime = Number(body.expires_in);
    this.current = body.access_token;
    this.renewAt = lifetime > 0 ? Date.now() + 1000 * lifetime - RENEW_BEFORE_EXPIRY_MS : Infinity;
    console.error(`token fetched for ${CLIENT_ID}${lifetime > 0 ? `, expires in ${lifetime} s` : ''}`);
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seconds a refusal says to wait: its Retry-After header (seconds or an HTTP date), else an error's extensions.retryAfterSeconds. */
function retryAfterSeconds(response, body) {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
    if (seconds >= 0) return seconds;
  }
  const hinted = body?.errors?.find((e) => typeof e.extensions?.retryAfterSeconds === 'number');
  return hinted ? hinted.extensions.retryAfterSeconds : null;
}

const parseOrNull = (text) => {
  try { return JSON.parse(text); } catch { return null; }
};

/**
 * Sends one batch. Retried: network errors, HTTP 5xx and 429 (after Retry-After or the error's
 * retryAfterSeconds when given, else with exponential backoff), a THROTTLED error and a key still
 * in flight. A 401 (token expired or invalid, whatever its body) fetches a new token and resends,
 * once per batch; a second 401 is fatal. Any other error is fatal.
 */
async function send(tokens, input) {
  let renewedAfter401 = false;
  for (let attempt = 1; ; attempt++) {
    let wait = Math.min(30_000, 250 * 2 ** attempt);
    let reason;
    try {
      const response = await fetch(API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json',
          Authorization: `Bearer ${await tokens.bearer()}` },
        body: JSON.stringify({ query: MUTATION, variables: { input } }),
      });
      const body = parseOrNull(await response.text());
      if (response.status === 401) {
        if (!tokens.renewable) throw new Fatal('HTTP 401: DILIGENCE_TOKEN is expired or invalid');
        if (renewedAfter401) throw new Fatal(`HTTP 401 with a token just fetched: the API does not accept ${CLIENT_ID}'s tokens (issuer, audience, tenant claim or role?)`);
        renewedAfter401 = true;
        tokens.forget();
        console.error('  HTTP 401: token expired or invalid; fetching a new one');
        attempt--;
        continue;
      }
      const throttled = body?.errors?.find((e) => e.extensions?.classification === 'THROTTLED');
      if (response.status >= 500 || response.status === 429 || throttled) {
        // 429 is THROTTLED (the caller's budget), 503 UNAVAILABLE (the database or a busy server): both say when to come back
        reason = throttled ? 'throttled' : `HTTP ${response.status}`;
        const seconds = retryAfterSeconds(response, body);
        if (seconds !== null) wait = 1000 * seconds;
      } else if (body === null) {
        throw new Fatal(`HTTP ${response.status} without a JSON body`);
      } else if (body.errors?.length) {
        throw new Fatal(`request refused: ${JSON.stringify(body.errors)}`);
      } else {
        const payload = body.data.syncDeals;
        if (!payload.userErrors.some((e) => e.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')) return payload;
        reason = 'key in flight';
      }
    } catch (error) {
      if (error instanceof Fatal) throw error;
      reason = error.message;
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`gave up after ${attempt} attempts: ${reason}`);
    console.error(`  retrying (${reason}) in ${wait} ms`);
    await pause(wait);
  }
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node sync.mjs deals.csv');
    process.exit(2);
  }
  const deals = parseCsv(await readFile(file, 'utf8'));
  const batches = batchesOf(deals);
  const tokens = new Tokens();
  const totals = { created: 0, updated: 0, unchanged: 0, failed: 0, replayed: 0 };
  const failures = [];
  const started = process.hrtime.bigint();
  for (const [index, batch] of batches.entries()) {
    if (index === STOP_AFTER_BATCHES) {
      console.error(`stopping after ${index} batches (SYNC_STOP_AFTER_BATCHES), as a crash would; run again to resume`);
      process.exit(3);
    }
    const input = { source: SOURCE, idempotencyKey: idempotencyKey(SOURCE, batch), ...batch };
    const result = await send(tokens, input);
    if (result.userErrors.length) throw new Error(`batch ${index + 1} refused: ${JSON.stringify(result.userErrors)}`);
    if (result.replayed) {
      // a replay returns the stored result of the call that applied this batch before: nothing happened now,
      // except that its failed items are still not in the API
      totals.replayed++;
      totals.failed += result.summary.failed;
    } else {
      for (const key of ['created', 'updated', 'unchanged', 'failed']) totals[key] += result.summary[key];
    }
    for (const kind of ['funds', 'companies', 'holdings']) {
      for (const item of result[kind]) {
        if (item.outcome === 'FAILED') failures.push(`${kind.slice(0, -1)} ${item.externalId}: ${item.userErrors.map((e) => `${(e.field ?? []).join('.')} ${e.code}`).join(', ')}`);
      }
    }
    // "sent": applied now; "replayed": an earlier run applied it, the API answered with that run's result
    console.error(`batch ${index + 1}/${batches.length} ${result.replayed ? 'replayed' : 'sent'}: ${JSON.stringify(result.summary)}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = { deals: deals.length, batches: batches.length, ...totals, seconds: Number(seconds.toFixed(2)),
    dealsPerSecond: Math.round(deals.length / seconds) };
  failures.slice(0, 20).forEach((line) => console.error(`FAILED ${line}`));
  console.log(JSON.stringify(summary));
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
