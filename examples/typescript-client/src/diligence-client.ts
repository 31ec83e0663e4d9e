// A small typed GraphQL client of the Diligence API on Node's fetch: it sends a TypedDocumentNode
// with its variables and returns the typed `data`, or throws a DiligenceApiError that says what the
// API answered (HTTP status, each error's classification, when to retry).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One entry of a GraphQL response's `errors`, as the API writes them (README "Error classifications"). */
export interface GraphQlError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: {
    readonly classification?: string;
    readonly retryAfterSeconds?: number;
    readonly [key: string]: unknown;
  };
}

interface GraphQlResponse {
  readonly data?: unknown;
  readonly errors?: readonly GraphQlError[];
}

/** The API refused a request or answered it with errors. */
export class DiligenceApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQlError[],
    /** From `Retry-After` (or the errors' `retryAfterSeconds`): when a 429 or 503 may be retried. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(describe(status, errors, retryAfterSeconds));
    this.name = 'DiligenceApiError';
  }

  /** Each error's `extensions.classification`, e.g. `UNAUTHORIZED`, `FORBIDDEN`, `THROTTLED`. */
  get classifications(): string[] {
    return this.errors.map((error) => error.extensions?.classification ?? 'UNCLASSIFIED');
  }
}

export interface DiligenceClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:8080/graphql`. */
  readonly url: string;
  /** A bearer token of the caller (an access token of the API's issuer). */
  readonly token: string;
  /** How many times a request answered 429 or 503 with a `Retry-After` is sent in all; 3 by default. */
  readonly maxAttempts?: number;
  /** Longest wait for a retry, in seconds; a `Retry-After` beyond it is not waited for. 30 by default. */
  readonly maxRetryAfterSeconds?: number;
  /** Where a line is written before each retry; standard error by default. */
  readonly log?: (line: string) => void;
}

export class DiligenceClient {
  private readonly maxAttempts: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: DiligenceClientOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 30;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /**
   * Runs one operation and returns its `data`. Throws a DiligenceApiError when the answer has
   * errors (a partial result is not returned) and an Error when the API cannot be reached. A 429
   * (THROTTLED) or 503 (UNAVAILABLE) is sent again after the time its `Retry-After` says: queries
   * are safe to repeat.
   */
  async execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const body = JSON.stringify({ query: print(document), variables });
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${this.options.token}`,
            'Content-Type': 'application/json',
            // GraphQL over HTTP: request errors come as 4xx with this media type
            Accept: 'application/graphql-response+json, application/json;q=0.9',
          },
          body,
        });
      } catch (error) {
        throw new Error(`cannot reach ${this.options.url}: ${causeOf(error)}`);
      }
      const answer = await readAnswer(response);
      const errors = answer.errors ?? [];
      const retryAfter = retryAfterSeconds(response, errors);
      if ((response.status === 429 || response.status === 503) && retryAfter !== undefined
          && retryAfter <= this.maxRetryAfterSeconds && attempt < this.maxAttempts) {
        this.log(`HTTP ${response.status} ${classificationsOf(errors)}: retrying in ${retryAfter} s`
          + ` (attempt ${attempt + 1} of ${this.maxAttempts})`);
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
        continue;
      }
      if (!response.ok || errors.length > 0 || answer.data === undefined || answer.data === null) {
        throw new DiligenceApiError(response.status, errors, retryAfter);
      }
      // the document's result type: the server validated the operation against the schema the
      // types were generated from (schema/schema.graphql, which ServedSchemaIT keeps equal to it)
      return answer.data as TResult;
    }
  }
}

/** The response body as a GraphQL response; a body that is not one becomes a single error saying so. */
async function readAnswer(response: Response): Promise<GraphQlResponse> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as GraphQlResponse;
    }
  } catch {
    // not JSON: reported below
  }
  const type = response.headers.get('content-type') ?? 'no content type';
  return { errors: [{ message: `the answer is not a GraphQL response (${type}, ${text.length} characters)` }] };
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), else the first error's `retryAfterSeconds`. */
function retryAfterSeconds(response: Response, errors: readonly GraphQlError[]): number | undefined {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    if (/^\d+$/.test(header.trim())) {
      return Number(header.trim());
    }
    const date = Date.parse(header);
    if (!Number.isNaN(date)) {
      return Math.max(0, Math.ceil((date - Date.now()) / 1000));
    }
  }
  return errors.map((error) => error.extensions?.retryAfterSeconds).find((seconds) => typeof seconds === 'number');
}

function classificationsOf(errors: readonly GraphQlError[]): string {
  return [...new Set(errors.map((error) => error.extensions?.classification ?? 'UNCLASSIFIED'))].join(', ');
}

/** `HTTP 401: UNAUTHORIZED: The request needs a valid bearer token`, one clause per error. */
function describe(status: number, errors: readonly GraphQlError[], retryAfter: number | undefined): string {
  const clauses = errors.map((error) => {
    const where = error.path === undefined ? '' : ` (at ${error.path.join('.')})`;
    return `${error.extensions?.classification ?? 'UNCLASSIFIED'}: ${error.message}${where}`;
  });
  if (clauses.length === 0) {
    clauses.push('no data and no errors in the answer');
  }
  const retry = retryAfter === undefined ? '' : `; Retry-After: ${retryAfter} s`;
  return `HTTP ${status}: ${clauses.join('; ')}${retry}`;
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
