/**
 * The one small interface every way of sending a signup implements, and the default one over
 * `fetch` (no dependency). The auth0-js one lives in `@assent/core/auth0-js-transport.js`.
 */

/** The body of POST /dbconnections/signup (Auth0 Authentication API). */
export interface SignupRequestBody {
  readonly client_id: string;
  readonly connection: string;
  readonly email: string;
  readonly password: string;
  readonly username?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly name?: string;
  readonly nickname?: string;
  readonly picture?: string;
  /** The app's fields and the consent fields: strings only, at most 10. */
  readonly user_metadata: Readonly<Record<string, string>>;
}

import { readResponse, type HeadersLike } from '../transport-response.js';

export type { HeadersLike };

/** An HTTP answer as a transport hands it over, whatever its status. */
export interface SignupResponse {
  readonly status: number;
  /** At least Retry-After and X-RateLimit-Reset when the server sent (and CORS exposed) them. */
  readonly headers: HeadersLike;
  /** Parsed JSON; the text when the body is not JSON; undefined when empty. Auth0's snake_case names (`_id`, `email_verified`). */
  readonly body: unknown;
}

/**
 * Sends one POST {domain}/dbconnections/signup. The contract (test/browser/suites/transport-contract-suite.ts):
 * - resolve with the answer, whatever its status, with the body in Auth0's own shape;
 * - reject when no answer came: with `signal.reason` once `signal` aborts (and stop the request),
 *   otherwise with the underlying error (offline, refused, reset, CORS);
 * - send exactly once: never retry, as a signup is not idempotent.
 */
export interface SignupTransport {
  signup(url: string, body: SignupRequestBody, signal: AbortSignal): Promise<SignupResponse>;
}

/**
 * The default transport: `fetch` with a JSON body and no credentials (signup needs no cookies).
 * `fetchImpl` replaces the global `fetch` (read at each call, so a later polyfill applies).
 *
 * @example createAssent({ domain, clientId, connection, policy, transport: fetchTransport() })
 */
export function fetchTransport(fetchImpl?: typeof fetch): SignupTransport {
  return {
    async signup(url, body, signal) {
      const response = await (fetchImpl ?? fetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        signal,
      });
      return readResponse(response);
    },
  };
}
