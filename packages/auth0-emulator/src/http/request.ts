/** Reading request bodies and facts the way Auth0's endpoints accept them. */
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { oauthError } from '../errors.js';
import { isRecord } from '../tenant/check.js';
import type { RequestInfo } from './request-info.js';

export type Env = { Bindings: HttpBindings };

/**
 * The body as an object: JSON or form-urlencoded (the `auth0` SDK posts forms to /oauth/token,
 * auth0-js posts JSON). Refuses malformed JSON with 400 invalid_request.
 */
export async function readBody(c: Context<Env>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await c.req.parseBody();
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(form)) if (typeof value === 'string') result[key] = value;
    return result;
  }
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw oauthError(400, 'invalid_request', 'The request body is not valid JSON');
  }
  if (!isRecord(json)) throw oauthError(400, 'invalid_request', 'The request body must be a JSON object');
  return json;
}

/** A string parameter, or undefined when absent or not a string. */
export function param(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** The client's address (loopback in practice). */
export function clientIp(c: Context<Env>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? '127.0.0.1';
}

/** Facts about the request for Action events. The password is never copied. */
export function requestInfo(c: Context<Env>, body: Record<string, unknown> = {}): RequestInfo {
  const url = new URL(c.req.url);
  const { password: _password, ...safeBody } = body;
  return {
    ip: clientIp(c),
    method: c.req.method,
    hostname: url.hostname,
    userAgent: c.req.header('user-agent'),
    language: c.req.header('accept-language')?.split(',')[0],
    query: Object.fromEntries(url.searchParams),
    body: safeBody,
  };
}
