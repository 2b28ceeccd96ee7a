/** Request bodies of the Management API routes, refused with Auth0's 400 `invalid_body` wording. */
import type { Context } from 'hono';
import { managementError, type HttpError } from '../errors.js';
import { isRecord } from '../tenant/check.js';
import type { Env } from './request.js';

/** Auth0's "Payload validation error: …" answer. */
export function invalidBody(message: string): HttpError {
  return managementError(400, `Payload validation error: ${message}`, 'invalid_body');
}

/** The JSON schema name of a value's type, as Auth0's messages give it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** The request's JSON object body. */
export async function jsonObjectBody(c: Context<Env>): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw managementError(400, 'Invalid request payload JSON format', 'invalid_body');
  }
  if (!isRecord(json)) throw invalidBody(`'Expected type object but found type ${typeName(json)}'.`);
  return json;
}
