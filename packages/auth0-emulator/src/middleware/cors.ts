/**
 * CORS exactly as the tenant says: a browser origin is allowed when a client lists it in
 * `allowed_origins` or `web_origins`, or has a callback URL on it (Auth0 allows callback origins
 * by default). Allowed origins get credentialed CORS (the origin echoed, never `*`); others get no
 * Access-Control-Allow-Origin, so the browser blocks the response. Discovery documents and the JWKS
 * are public (`*`), as on Auth0.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { EmulatorContext } from '../context.js';
import type { Env } from '../http/request.js';
import type { Client } from '../tenant/types.js';

/** Origins a client allows. */
export function clientOrigins(client: Client): Set<string> {
  const origins = new Set<string>([...client.allowed_origins, ...client.web_origins]);
  for (const callback of client.callbacks) origins.add(new URL(callback).origin);
  return origins;
}

/** Origins any client of the tenant allows. */
export function tenantOrigins(ctx: EmulatorContext): Set<string> {
  const origins = new Set<string>();
  for (const client of ctx.tenant.clients) for (const origin of clientOrigins(client)) origins.add(origin);
  return origins;
}

/** Headers a browser client may read on a cross-origin response (rate limit details included). */
const EXPOSED = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

export function tenantCors(ctx: EmulatorContext): MiddlewareHandler<Env> {
  const allowed = tenantOrigins(ctx);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
}

/** `Access-Control-Allow-Origin: *` for public documents (discovery, JWKS). */
export const publicCors: MiddlewareHandler<Env> = cors({ origin: '*', allowMethods: ['GET', 'HEAD'] });
