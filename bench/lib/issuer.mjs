// A minimal OpenID Connect issuer for the benchmark, on Node's standard library only: it signs
// real RS256 tokens with a key pair made at start, and publishes the discovery document and the
// JWKS the API (and the PostGraphile peer) verify them with. The API runs in its production
// configuration against it, exactly as against Keycloak.
//
//   node bench/lib/issuer.mjs <port>       issuer http://127.0.0.1:<port>/bench
//   POST /bench/token  sub=<subject>&tenant=<firm key>&roles=<role,role>  ->  {"access_token": ...}
//   with count=<n> as well: n tokens of the subjects <subject>-1 .. <subject>-n, one per line (text/plain)
import { createServer } from 'node:http';
import { generateKeyPairSync, sign, randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 8099);
const issuer = `http://127.0.0.1:${port}/bench`;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function token({ sub, tenant, roles }) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer, sub, aud: ['diligence-api'], iat: now, nbf: now, exp: now + 4 * 3600, jti: randomUUID(),
    preferred_username: sub, realm_access: { roles }, resource_access: { 'diligence-api': { roles: [] } },
  };
  if (tenant) claims.tenant = tenant;
  const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function json(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/bench/.well-known/openid-configuration') {
    return json(response, 200, {
      issuer, jwks_uri: `${issuer}/jwks`, token_endpoint: `${issuer}/token`,
      id_token_signing_alg_values_supported: ['RS256'], subject_types_supported: ['public'], response_types_supported: ['token'],
    });
  }
  if (request.method === 'GET' && request.url === '/bench/jwks') {
    return json(response, 200, { keys: [jwk] });
  }
  if (request.method === 'POST' && request.url === '/bench/token') {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const sub = form.get('sub');
      const roles = (form.get('roles') ?? '').split(',').filter(Boolean);
      if (!sub || roles.length === 0) return json(response, 400, { error: 'invalid_request', error_description: 'sub and roles are required' });
      const count = Number(form.get('count') ?? 0);
      if (count > 0) {
        const tokens = Array.from({ length: Math.min(count, 10000) }, (_, i) => token({ sub: `${sub}-${i + 1}`, tenant: form.get('tenant'), roles }));
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end(tokens.join('\n') + '\n');
      }
      return json(response, 200, { access_token: token({ sub, tenant: form.get('tenant'), roles }), token_type: 'Bearer', expires_in: 14400 });
    });
    return undefined;
  }
  return json(response, 404, { error: 'not_found' });
}).listen(port, '127.0.0.1', () => console.log(`issuer ${issuer} ready`));
