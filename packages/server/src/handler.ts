/**
 * `createConsentHandler`: the Fetch-API handler (Request in, Response out) that runs on Node (see
 * `@assent/server/node`), edge runtimes and serverless platforms alike. Routes, under `basePath`:
 *
 * | route | auth | |
 * |---|---|---|
 * | `GET /consent` | bearer | state and the authoritative app_metadata copy |
 * | `POST /consent` | bearer | `{ decision, eventId? }`: record a decision with server time |
 * | `POST /consent/withdraw` | bearer | `{ purposes?, erase?: "flag" \| "delete", eventId? }` |
 * | `GET /consent/export` | bearer | JSON-LD record and Kantara receipt (`?format=jsonld\|kantara`) |
 * | `GET /consent/page` | session token | the consent page of the post-login Action redirect |
 * | `POST /consent/page/decision` | session token | the page's answer, signed for /continue |
 * | `GET /consent/page/*.js` | none | the page script and its language chunks |
 */
import { DecodeError } from '@assent/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createTokenVerifier } from './auth/bearer.js';
import { resolveOptions, type ConsentHandlerOptions } from './config.js';
import { consentPageRoutes } from './consent-page/routes.js';
import { consentRoutes } from './consent/routes.js';
import { UserLocks } from './consent/user-lock.js';
import { ApiError } from './errors.js';
import { createUserDirectory, type UserDirectory } from './management/directory.js';

/** A Fetch-API handler: `export default handler` works on runtimes that call `fetch(request)`. */
export interface ConsentHandler {
  fetch(request: Request): Promise<Response>;
  /** Closes the withdrawal store the handler opened from a URL (files, database connections). */
  close(): Promise<void>;
}

/** Extra hooks of `createConsentHandler`. */
export interface ConsentHandlerHooks {
  /** Receives unexpected errors (answered 500 `server_error`). Default: `console.error`. */
  readonly onError?: (error: unknown, request: Request) => void;
  /** Replaces the Management API client (the `auth0` SDK): for other stores or tests of the routes. */
  readonly directory?: UserDirectory;
}

const JSON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Creates the handler.
 * @throws ConfigError naming a bad option; PolicyError for an invalid policy.
 * @example
 * const handler = createConsentHandler({
 *   auth0: { domain: 'acme.eu.auth0.com', clientId: process.env.AUTH0_CLIENT_ID, clientSecret: process.env.AUTH0_CLIENT_SECRET },
 *   audience: 'https://api.acme.example/',
 *   policy,
 *   allowedOrigins: ['https://app.acme.example'],
 * });
 * export default handler; // or serve it with @assent/server/node
 */
export function createConsentHandler(input: ConsentHandlerOptions & ConsentHandlerHooks): ConsentHandler {
  const options = resolveOptions(input);
  const onError = input.onError ?? ((error: unknown) => console.error('@assent/server: unexpected error', error));
  const verify = createTokenVerifier({ issuer: options.issuer, audience: options.audience, jwksUrl: options.jwksUrl, fetch: options.fetch, now: options.now });
  const directory =
    input.directory ??
    createUserDirectory({
      domain: options.auth0.domain,
      clientId: options.auth0.clientId,
      clientSecret: options.auth0.clientSecret,
      fetch: options.fetch,
      timeoutInSeconds: options.managementTimeoutSeconds,
    });

  const app = new Hono();
  app.onError((error, c) => {
    let failure = error instanceof ApiError ? error : undefined;
    if (!failure && error instanceof DecodeError) failure = new ApiError(502, 'upstream_error', `The stored consent is unreadable (${error.path}: ${error.code})`);
    if (!failure) {
      onError(error, c.req.raw);
      failure = new ApiError(500, 'server_error', 'Internal error');
    }
    return c.json(failure.toJSON(), failure.status as 400, { ...JSON_HEADERS, ...failure.headers });
  });
  app.notFound((c) => c.json(new ApiError(404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}`).toJSON(), 404, JSON_HEADERS));

  const api = new Hono();
  // CORS for the bearer routes only: the consent page calls its own origin.
  const allow = (methods: string[]) =>
    cors({
      origin: (origin) => (options.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: methods,
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
    });
  api.use('/consent', allow(['GET', 'POST']));
  api.use('/consent/withdraw', allow(['POST']));
  api.use('/consent/export', allow(['GET']));
  api.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(JSON_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });
  api.route('/', consentPageRoutes(options));
  // An unreachable store does not stop what needs no log (consent, flag mode): say so, and go on.
  const degraded = (error: unknown) => onError(error, new Request('http://assent.invalid/withdrawal-store'));
  api.route('/', consentRoutes({ options, verify, directory, locks: new UserLocks(options.withdrawalStore, options.userLockTimeoutMs, degraded) }));
  app.route(options.basePath || '/', api);

  return {
    fetch: async (request) => app.fetch(request),
    close: async () => {
      if (options.ownsWithdrawalStore) await options.withdrawalStore?.close();
    },
  };
}
