// PostGraphile 4 peer of the diligence GraphQL API, for the benchmark: the same PostgreSQL tables,
// the same role (diligence_app, forced row-level security), the same per-transaction tenant
// settings, and the same kind of authentication (RS256 JWTs of the OIDC issuer, verified against
// its JWKS). See README.md.
//
// Environment:
//   PEER_DATABASE_URL        connection string of the application role (required)
//   PEER_ADMIN_DATABASE_URL  connection string of a role that can read all of `tenants` (defaults to PEER_DATABASE_URL)
//   PEER_JWKS_URL            the issuer's JWKS (required; fetched once at startup)
//   PEER_ISSUER              the expected `iss` (required)
//   PEER_AUDIENCE            the expected `aud` (default diligence-api)
//   PEER_PORT                HTTP port (default 5678)
//   PEER_POOL_SIZE           PostgreSQL connections (default 10, as the application's Hikari pool)
//   PEER_STATEMENT_TIMEOUT   statement_timeout of every connection (default 5s, as diligence.limits.statement-timeout)
import http from 'node:http';
import crypto from 'node:crypto';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`missing environment variable ${name}`);
    process.exit(2);
  }
  return value;
}

const databaseUrl = required('PEER_DATABASE_URL');
const adminDatabaseUrl = process.env.PEER_ADMIN_DATABASE_URL || databaseUrl;
const jwksUrl = required('PEER_JWKS_URL');
const issuer = required('PEER_ISSUER');
const audience = process.env.PEER_AUDIENCE || 'diligence-api';
const port = Number(process.env.PEER_PORT || 5678);
const poolSize = Number(process.env.PEER_POOL_SIZE || 10);
const statementTimeout = process.env.PEER_STATEMENT_TIMEOUT || '5s';

// --- the issuer's signing keys, fetched once ---------------------------------------------------

async function loadKeys() {
  const response = await fetch(jwksUrl);
  if (!response.ok) {
    throw new Error(`JWKS ${jwksUrl}: HTTP ${response.status}`);
  }
  const { keys } = await response.json();
  const byKid = new Map();
  for (const jwk of keys || []) {
    if (jwk.kty !== 'RSA' || (jwk.use && jwk.use !== 'sig') || (jwk.alg && jwk.alg !== 'RS256')) {
      continue;
    }
    byKid.set(jwk.kid ?? '', crypto.createPublicKey({ key: jwk, format: 'jwk' }));
  }
  if (byKid.size === 0) {
    throw new Error(`JWKS ${jwksUrl}: no RSA signing key`);
  }
  return byKid;
}

// --- tenant key -> tenant id, read once as a role that sees every tenant ---------------------------

const tenantIds = new Map();

async function loadTenants() {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("select key, id::text as id from tenants where status = 'ACTIVE'");
    tenantIds.clear();
    for (const row of rows) {
      tenantIds.set(row.key, row.id);
    }
  } finally {
    await client.end();
  }
}

// --- token verification, cached by token string ----------------------------------------------------

function base64urlJson(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

const MAX_CACHED_TOKENS = 10_000;
const verifiedTokens = new Map(); // token -> { tenantId, exp }

/** The tenant id the token grants, or null when the token is not acceptable. */
function verify(token, keys) {
  const cached = verifiedTokens.get(token);
  const now = Date.now() / 1000;
  if (cached) {
    if (cached.exp > now) {
      return cached.tenantId;
    }
    verifiedTokens.delete(token);
    return null;
  }
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  let header;
  let claims;
  try {
    header = base64urlJson(parts[0]);
    claims = base64urlJson(parts[1]);
  } catch {
    return null;
  }
  if (header.alg !== 'RS256') {
    return null;
  }
  const key = keys.get(header.kid ?? '') ?? (keys.size === 1 && header.kid === undefined ? [...keys.values()][0] : undefined);
  if (!key) {
    return null;
  }
  const signed = crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'));
  if (!signed) {
    return null;
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer || !audiences.includes(audience) || typeof claims.exp !== 'number' || claims.exp <= now
      || (typeof claims.nbf === 'number' && claims.nbf > now + 60) || typeof claims.tenant !== 'string') {
    return null;
  }
  const tenantId = tenantIds.get(claims.tenant);
  if (!tenantId) {
    return null;
  }
  if (verifiedTokens.size >= MAX_CACHED_TOKENS) {
    verifiedTokens.clear();
  }
  verifiedTokens.set(token, { tenantId, exp: claims.exp });
  return tenantId;
}

// --- the server -------------------------------------------------------------------------------------

const keys = await loadKeys();
await loadTenants();

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: `-c statement_timeout=${statementTimeout}` });
pool.on('error', (error) => console.error('idle PostgreSQL client error', error.message));

const middleware = postgraphile(pool, 'public', {
  // read-only, production-like
  disableDefaultMutations: true,
  graphiql: false,
  enhanceGraphiql: false,
  watchPg: false,
  disableQueryLog: true,
  enableQueryBatching: false,
  setofFunctionsContainNulls: false,
  dynamicJson: true,
  legacyRelations: 'omit',
  ignoreRBAC: false,
  showErrorStack: false,
  extendedErrors: [],
  retryOnInitFail: false,
  // row-level security does the isolation: the same transaction-local settings as the application
  // gives a tenant-wide reader ('app.fund_scoped' must say 'false', or the fund-scope policies hide everything)
  pgSettings: (req) => ({
    'app.tenant_id': req.peerTenantId,
    'app.fund_scoped': 'false',
    'app.fund_scope_subject': '',
  }),
});

function unauthorized(res) {
  res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
  res.end('{"errors":[{"message":"unauthorized"}]}');
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  const authorization = req.headers.authorization;
  if (!authorization || !authorization.startsWith('Bearer ')) {
    unauthorized(res);
    return;
  }
  const tenantId = verify(authorization.slice(7).trim(), keys);
  if (!tenantId) {
    unauthorized(res);
    return;
  }
  req.peerTenantId = tenantId;
  middleware(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`PostGraphile peer on http://127.0.0.1:${port}/graphql (${tenantIds.size} tenants, ${keys.size} signing keys)`);
});

function shutdown() {
  server.close();
  pool.end().finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
