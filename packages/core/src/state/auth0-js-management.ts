/**
 * `@assent/core/state/auth0-js-management.js`: a `ManagementTransport` over auth0-js's
 * `Management` (getUser, patchUserMetadata), for apps that already use auth0-js. Its own entry
 * point, and it imports nothing from auth0-js (the app passes a factory), so the consent client
 * never pulls auth0-js in by itself.
 *
 * auth0-js's `Management` reads both calls with `ignoreCasing` (users come back in Auth0's own
 * snake_case, nothing renamed) and wraps errors as `{ original, statusCode, code, description }`
 * where `original` is superagent's error with the `response`: the transport hands that response
 * (status, headers, body) to the client, which normalises it as it does `fetch`'s.
 */
import { AssentConfigError } from '../signup/errors.js';
import { headersOf, parseBody } from '../transport-response.js';
import type { ManagementRequest, ManagementResponse, ManagementTransport } from './types.js';

/** The callback of auth0-js's Management methods. */
export type Auth0JsCallback = (error: Auth0JsManagementError | null, user?: unknown) => void;

/** What the transport needs of an auth0-js `Management` (auth0-js has no types of its own). */
export interface Auth0JsManagementLike {
  /** Returns auth0-js's request wrapper, whose `abort()` cancels the request. */
  getUser(userId: string, callback: Auth0JsCallback): unknown;
  patchUserMetadata(userId: string, metadata: Record<string, unknown>, callback: Auth0JsCallback): unknown;
  /** Read to check that the Management calls the client's tenant (`https://{domain}/api/v2`). */
  readonly baseOptions?: { readonly rootUrl?: string };
}

/** An auth0-js error (helper/response-handler.js): superagent's error as `original`. */
export interface Auth0JsManagementError {
  readonly original?: { readonly response?: { readonly status?: number; readonly header?: Record<string, string>; readonly body?: unknown; readonly text?: string } } & Record<string, unknown>;
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly description?: unknown;
}

/**
 * A transport through auth0-js's `Management`. auth0-js binds a `Management` to one token, so
 * `create` makes one per request from the token the client just got (no token is kept).
 * `Management` always calls `https://{domain}/api/v2`: its domain must be the client's, or the
 * request is refused with an `AssentConfigError` before anything is sent.
 *
 * @throws {AssentConfigError} `create` is not a function (`option` is `management`); requests
 *   reject with it when the Management calls another base URL than the client's.
 * @example
 * import { Management } from 'auth0-js';
 * import { auth0JsManagementTransport } from '@assent/core/state/auth0-js-management.js';
 * createConsentClient({ domain, userId, policy, getAccessToken,
 *   transport: auth0JsManagementTransport((token) => new Management({ domain, token })) });
 */
export function auth0JsManagementTransport(create: (token: string, request: ManagementRequest) => Auth0JsManagementLike): ManagementTransport {
  if (typeof create !== 'function') throw new AssentConfigError('management', 'must be a function (token) => new Management({ domain, token })');

  function send(request: ManagementRequest, start: (management: Auth0JsManagementLike, callback: Auth0JsCallback) => unknown): Promise<ManagementResponse> {
    const { signal } = request;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const management = create(request.token, request);
      const rootUrl = management?.baseOptions?.rootUrl?.replace(/\/+$/, '');
      if (rootUrl !== undefined && rootUrl !== request.baseUrl) {
        return reject(new AssentConfigError('management', `it calls ${rootUrl}, not the client's ${request.baseUrl}: create it with the client's domain`));
      }
      let settled = false;
      const settle = (run: () => void): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', cancel);
        run();
      };
      const handle = start(management, (error, user) =>
        settle(() => {
          if (!error) return resolve({ status: 200, headers: headersOf(undefined), body: user });
          const response = error.original?.response;
          // No response: offline, refused, reset, CORS. The client names it from the signal.
          if (!response || typeof response.status !== 'number') return reject(error.original ?? error);
          resolve({ status: response.status, headers: headersOf(response.header), body: response.body ?? parseBody(response.text ?? '') });
        }),
      ) as { abort?: () => void } | undefined;
      function cancel(): void {
        settle(() => {
          handle?.abort?.();
          reject(signal.reason);
        });
      }
      signal.addEventListener('abort', cancel, { once: true });
    });
  }

  return {
    getUser: (request) => send(request, (management, callback) => management.getUser(request.userId, callback)),
    patchUserMetadata: (request, metadata) => send(request, (management, callback) => management.patchUserMetadata(request.userId, { ...metadata }, callback)),
  };
}
