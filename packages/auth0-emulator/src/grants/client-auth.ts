/** Client authentication at /oauth/token: who is calling, with which secret, for which grant type. */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { oauthError, type HttpError } from '../errors.js';
import { param, type Env } from '../http/request.js';
import type { Client } from '../tenant/types.js';

/** Auth0's answer to a failed client authentication. */
export function unauthorized(): HttpError {
  return oauthError(401, 'access_denied', 'Unauthorized');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** client_id / client_secret from HTTP Basic or the body. */
export function clientCredentials(c: Context<Env>, body: Record<string, unknown>): { clientId?: string | undefined; secret?: string | undefined } {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { clientId: param(body, 'client_id'), secret: param(body, 'client_secret') };
}

/** 403 unauthorized_client unless the client may use one of `types`. */
export function requireGrantType(client: Client, ...types: string[]): void {
  if (!types.some((type) => (client.grant_types as readonly string[]).includes(type))) {
    throw oauthError(403, 'unauthorized_client', `Grant type '${types[0]}' not allowed for the client.`);
  }
}

/** A confidential client must prove its secret when `required`; a wrong secret is always refused. */
export function checkSecret(client: Client, secret: string | undefined, required: boolean): void {
  if (client.client_secret === undefined || secret === undefined) {
    if (required) throw unauthorized();
    return;
  }
  if (!safeEqual(secret, client.client_secret)) throw unauthorized();
}
