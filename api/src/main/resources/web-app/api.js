// The public GraphQL API and the file exports, with the signed-in user's bearer token.
import { accessToken } from './auth.js';

export class ApiError extends Error {
    constructor(message, { status, classification, retryAfter } = {}) {
        super(message);
        this.status = status;
        this.classification = classification;
        this.retryAfter = retryAfter;
    }
}

/** Signals that the session ended (expired or refused token): the page offers to sign in again. */
export class SignedOut extends Error {}

function authorization() {
    const token = accessToken();
    if (!token) {
        throw new SignedOut('signed out');
    }
    return `Bearer ${token}`;
}

async function refusal(response) {
    const retryAfter = response.headers.get('Retry-After');
    let message = `HTTP ${response.status}`;
    let classification;
    try {
        const body = await response.json();
        message = body.errors?.[0]?.message ?? body.detail ?? body.title ?? message;
        classification = body.errors?.[0]?.extensions?.classification ?? body.classification;
    } catch {
        // not JSON: keep the status
    }
    if (response.status === 401) {
        return new SignedOut(message);
    }
    const wait = retryAfter ? ` Try again in ${retryAfter} s.` : '';
    return new ApiError(message + wait, { status: response.status, classification, retryAfter });
}

/** Runs a GraphQL document; returns its data, or throws the first error. */
export async function graphql(query, variables = {}) {
    const response = await fetch('/graphql', {
        method: 'POST',
        headers: { Authorization: authorization(), 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
    });
    if (!response.ok && !(response.headers.get('Content-Type') || '').includes('json')) {
        throw await refusal(response);
    }
    const body = await response.json();
    if (response.status === 401) {
        throw new SignedOut(body.errors?.[0]?.message ?? 'signed out');
    }
    if (body.errors?.length) {
        const first = body.errors[0];
        throw new ApiError(first.message, { status: response.status, classification: first.extensions?.classification });
    }
    return body.data;
}

/**
 * Downloads an export (a path under /exports/) with the bearer token, and saves it under the name the
 * server gives in Content-Disposition. Returns that name.
 */
export async function download(path) {
    const response = await fetch(path, { headers: { Authorization: authorization() } });
    if (!response.ok) {
        throw await refusal(response);
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? path.split('/').pop();
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
}
