// Checks, before any load, that the API and the PostGraphile peer answer Q1 and Q3 with the same
// rows and numbers: the benchmark's own request bodies (first line of the Q1 files, the first 200
// Q3 bodies), compared after normalising representations (global IDs vs UUIDs, decimals to 10
// places, timestamp precision). Exits 1 on any difference.
//   node bench/lib/compare-peer.mjs <api url> <peer url> <token> <bodies dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [api, peer, token, dir] = process.argv.slice(2);
const lines = (file) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = await response.json();
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors)}`);
  return json.data;
}
const uuid = (globalId) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
// Both answer decimals as strings of the exact value (the API's Decimal, PostgreSQL numeric through
// PostGraphile): compared digit for digit at the engine's 10 places, never through a binary double,
// which would hide a difference in the 16th significant digit.
const decimal = (x) => {
  if (x == null) return null;
  const [whole, fraction = ''] = String(x).split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(10, '0')}`;
};
const instant = (x) => (x == null ? null : new Date(x).toISOString());
const dimensions = (list, code, score) => list.map((d) => [d[code], decimal(d[score])]);
let differences = 0;
let compared = 0;
function same(what, ours, theirs) {
  compared++;
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    differences++;
    if (differences <= 5) console.error(`DIFFERENT ${what}\n  api  ${JSON.stringify(ours)}\n  peer ${JSON.stringify(theirs)}`);
  }
}

for (const first of [10, 50]) {
  const ours = (await post(api, lines(`q1-${first}.jsonl`)[0])).node.holdings;
  const theirs = (await post(peer, lines(`peer-q1-${first}.jsonl`)[0])).fundByTenantIdAndId.holdingsByTenantIdAndFundId;
  same(`Q1(first ${first}) totalCount`, ours.totalCount, theirs.totalCount);
  same(`Q1(first ${first}) rows`, ours.nodes.map((h) => {
    const a = h.company.latestAssessment;
    return [uuid(h.id), h.dealStage, uuid(h.company.id), h.company.name, h.company.sector,
      a && [uuid(a.id), instant(a.publication.publishedAt), decimal(a.score.overall), a.score.level, dimensions(a.score.dimensions, 'code', 'score')],
      h.company.openFindings.critical, h.company.openFindings.high];
  }), theirs.nodes.map((h) => {
    const c = h.companyByTenantIdAndCompanyId;
    const a = c.latestAssessment.nodes[0];
    return [h.id, h.dealStage, c.id, c.name, c.sector,
      a ? [a.id, instant(a.publishedAt), decimal(a.overallScore), a.level, dimensions(a.assessmentDimensionResultsByTenantIdAndAssessmentId.nodes, 'dimensionCode', 'score')] : null,
      c.openFindingsCritical, c.openFindingsHigh];
  }));
}
const ourQ3 = lines('q3.jsonl').slice(0, 200);
const peerQ3 = lines('peer-q3.jsonl').slice(0, 200);
for (let i = 0; i < ourQ3.length; i++) {
  const a = (await post(api, ourQ3[i])).node;
  const p = (await post(peer, peerQ3[i])).assessmentByTenantIdAndId;
  same(`Q3 ${ourQ3[i].variables.id}`,
    [uuid(a.id), a.status, a.frameworkVersion, instant(a.publication?.publishedAt), a.company.name, decimal(a.score.overall), a.score.level,
      decimal(a.score.coverage), dimensions(a.score.dimensions, 'code', 'score')],
    [p.id, p.status, p.frameworkVersion, instant(p.publishedAt), p.companyByTenantIdAndCompanyId.name, decimal(p.overallScore), p.level,
      decimal(p.coverage), dimensions(p.assessmentDimensionResultsByTenantIdAndAssessmentId.nodes, 'dimensionCode', 'score')]);
}
console.log(JSON.stringify({ compared, differences }));
process.exit(differences === 0 ? 0 : 1);
