/**
 * `@assent/core/auth0-js-transport.js`: a `SignupTransport` over auth0-js's `WebAuth#signup`, for
 * apps that already use auth0-js. Its own entry point, and it imports nothing from auth0-js (the app
 * passes its `WebAuth`), so the default signup path never contains auth0-js (an optional peer
 * dependency, 10.2.1 or later).
 *
 * auth0-js camelCases results (`_id` -> `Id`, `email_verified` -> `emailVerified`) and wraps
 * errors as `{ original, statusCode, code, description, name?, policy? }`: both are turned back
 * into Auth0's own shapes, so the client normalises them exactly as `fetchTransport`'s.
 */
import { AssentConfigError } from './signup/errors.js';
import type { SignupResponse, SignupTransport } from './signup/transport.js';
import { headersOf } from './transport-response.js';

/** What the transport needs of an auth0-js `WebAuth` (auth0-js has no types of its own). */
export interface WebAuthLike {
  /** Returns auth0-js's request wrapper, whose `abort()` cancels the request. */
  signup(
    options: { readonly email: string; readonly password: string; readonly connection: string; readonly [field: string]: unknown },
    callback: (error: Auth0JsError | null, result?: unknown) => void,
  ): unknown;
  /** Read to check that the WebAuth targets the client's tenant and application and does not retry. */
  readonly baseOptions?: { readonly clientID?: string; readonly rootUrl?: string; readonly _timesToRetryFailedRequests?: number };
}

/** An auth0-js error (response-handler.js). */
export interface Auth0JsError {
  readonly original?: { readonly response?: { readonly header?: Record<string, string> } };
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly description?: unknown;
  readonly name?: string;
  readonly policy?: string;
}

/** The answer auth0-js got, in Auth0's own shape, from a signup result it camelCased (`Id`, `emailVerified`). */
export function fromAuth0JsResult(result: unknown): SignupResponse {
  const answer = (result ?? {}) as Record<string, unknown>;
  return {
    status: 200,
    headers: headersOf(undefined),
    body: { _id: answer._id ?? answer.Id ?? answer.id ?? answer.userId ?? answer.user_id, email: answer.email, email_verified: answer.emailVerified ?? answer.email_verified },
  };
}

/**
 * The answer inside an auth0-js error, as Auth0's signup shape `{ name, code, description, policy,
 * statusCode }` with the response headers; undefined when no answer came (no `statusCode`).
 */
export function fromAuth0JsError(error: Auth0JsError): SignupResponse | undefined {
  const { name, code, description, policy, statusCode } = error;
  if (!statusCode) return undefined;
  return { status: statusCode, headers: headersOf(error.original?.response?.header), body: { name, code, description, policy, statusCode } };
}

/**
 * A transport that signs up through `webAuth.signup`. The WebAuth must be created with the same
 * domain and client id as `createAssent`, and without `_timesToRetryFailedRequests` (a retried
 * signup can create the account and then report a failure).
 *
 * @throws {AssentConfigError} `webAuth` is not a WebAuth, or retries failed requests; from
 *   `signup`, when its client id or domain is not the client's (nothing is sent).
 * @example
 * import { WebAuth } from 'auth0-js';
 * import { auth0JsTransport } from '@assent/core/auth0-js-transport.js';
 * createAssent({ domain, clientId, connection, policy, transport: auth0JsTransport(new WebAuth({ domain, clientID: clientId })) });
 */
export function auth0JsTransport(webAuth: WebAuthLike): SignupTransport {
  const fail = (why: string): never => {
    throw new AssentConfigError('webAuth', why);
  };
  if (typeof webAuth?.signup !== 'function') fail('must be an auth0-js WebAuth');
  if ((webAuth.baseOptions?._timesToRetryFailedRequests ?? 0) > 0) fail('_timesToRetryFailedRequests must be 0: a signup must never be retried automatically');
  return {
    signup(url, { client_id, user_metadata, ...fields }, signal) {
      const { clientID, rootUrl } = webAuth.baseOptions ?? {};
      if (clientID !== undefined && clientID !== client_id) fail(`its clientID ${clientID} is not the client's ${client_id}`);
      if (rootUrl !== undefined && `${rootUrl.replace(/\/+$/, '')}/dbconnections/signup` !== url) fail(`it sends to ${rootUrl}, not to ${url}`);
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        // auth0-js's request wrapper, known once signup() returns; cancel() may run before.
        const sent: { request?: { abort?: () => void } } = {};
        const cancel = (): void => {
          sent.request?.abort?.();
          reject(signal.reason);
        };
        signal.addEventListener('abort', cancel, { once: true });
        sent.request = webAuth.signup({ ...fields, user_metadata }, (error, result) => {
          signal.removeEventListener('abort', cancel);
          if (!error) return resolve(fromAuth0JsResult(result));
          const answer = fromAuth0JsError(error);
          // No answer came (offline, refused, reset, CORS): reject with superagent's error.
          if (answer) resolve(answer);
          else reject(error.original ?? error);
        }) as typeof sent.request;
      });
    },
  };
}
