// Signing in: OpenID Connect authorization code flow with PKCE (RFC 7636, S256) as a public client,
// against the issuer that /app/config.json names (Keycloak, or the embedded issuer in local mode).
// The access token lives in this tab's sessionStorage only; nothing is stored for longer.

const SESSION = 'diligence.session';
const PENDING = 'diligence.pending-sign-in';

let settings;

async function config() {
    if (!settings) {
        const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            throw new Error(`the page's settings could not be read (HTTP ${response.status})`);
        }
        const page = await response.json();
        if (!page.issuer) {
            throw new Error('this server has no token issuer configured for the page (diligence.web.issuer-uri)');
        }
        const discovery = await fetch(`${page.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
        if (!discovery.ok) {
            throw new Error(`the token issuer ${page.issuer} did not answer (HTTP ${discovery.status})`);
        }
        settings = { ...page, metadata: await discovery.json() };
    }
    return settings;
}

function redirectUri() {
    return `${location.origin}/app/`;
}

function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to the issuer's sign-in; the issuer sends it back to /app/ with a code. */
export async function signIn() {
    const { clientId, metadata } = await config();
    const verifier = randomString();
    const state = randomString();
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
    const authorize = new URL(metadata.authorization_endpoint);
    authorize.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri(),
        scope: 'openid profile',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
    });
    location.assign(authorize);
}

/**
 * Finishes a sign-in when the issuer has just sent the browser back (code and state in the query),
 * exchanging the code and its verifier for tokens. Returns the session, or null when signed out.
 */
export async function currentSession() {
    const query = new URLSearchParams(location.search);
    if (query.has('error')) {
        history.replaceState(null, '', redirectUri());
        throw new Error(`sign-in refused: ${query.get('error_description') || query.get('error')}`);
    }
    if (query.has('code')) {
        await exchange(query.get('code'), query.get('state'));
    }
    const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
    if (!session || session.expiresAt <= Date.now()) {
        sessionStorage.removeItem(SESSION);
        return null;
    }
    return session;
}

async function exchange(code, state) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (!pending || pending.state !== state) {
        history.replaceState(null, '', redirectUri());
        throw new Error('the sign-in answer does not belong to a sign-in of this tab; sign in again');
    }
    const { clientId, metadata } = await config();
    const response = await fetch(metadata.token_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri(),
            client_id: clientId,
            code_verifier: pending.verifier,
        }),
    });
    history.replaceState(null, '', redirectUri() + (pending.returnTo || ''));
    if (!response.ok) {
        throw new Error(`the token issuer refused the sign-in (HTTP ${response.status})`);
    }
    const tokens = await response.json();
    sessionStorage.setItem(SESSION, JSON.stringify({
        accessToken: tokens.access_token,
        idToken: tokens.id_token,
        expiresAt: Date.now() + (Number(tokens.expires_in) || 300) * 1000,
    }));
}

/** Forgets the session and, where the issuer offers it, ends the issuer's session too. */
export async function signOut() {
    const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
    sessionStorage.removeItem(SESSION);
    const { clientId, metadata } = await config();
    if (metadata.end_session_endpoint && session?.idToken) {
        const end = new URL(metadata.end_session_endpoint);
        end.search = new URLSearchParams({ client_id: clientId, id_token_hint: session.idToken, post_logout_redirect_uri: redirectUri() });
        location.assign(end);
    } else {
        location.assign(redirectUri());
    }
}

/** The access token, for the Authorization header; null when signed out or expired. */
export function accessToken() {
    const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
    return session && session.expiresAt > Date.now() ? session.accessToken : null;
}
