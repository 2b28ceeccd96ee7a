/**
 * Reading and checking request bodies: JSON objects only, within the size limit, every field
 * checked with an error that names it (`decision.purposes[1]`).
 */
import { ID_PATTERN, LOCALE_PATTERN, SHA256_PATTERN, VERSION_PATTERN, type ConsentDecision } from '@assent/core';
import { ApiError, invalidRequest } from '../errors.js';

/** Reads the body as a JSON object of at most `maxBytes` bytes. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'The body must be JSON (Content-Type: application/json)');
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  // Read at most maxBytes + 1 bytes, whatever Content-Length said (or a chunked body): never buffer more.
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      size += chunk.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidRequest('(body)', 'is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('(body)', 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** Refuses fields other than `allowed` (usually typos, or attempts such as `user_id`). */
export function onlyFields(body: Record<string, unknown>, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw invalidRequest(prefix + key, `is not a known field (expected ${allowed.join(', ')})`);
}

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An optional client-chosen event id: reuse it when retrying, so the event is recorded once. */
export function optionalEventId(value: unknown, field = 'eventId'): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !EVENT_ID.test(value)) throw invalidRequest(field, 'must be 1-64 characters of A-Z, a-z, 0-9, _ and -');
  return value;
}

/** A list of purpose ids. */
export function purposeList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length > 20) throw invalidRequest(field, 'must be an array of at most 20 purpose ids');
  return value.map((id, index) => {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalidRequest(`${field}[${index}]`, 'must be a purpose id ([a-z0-9_-], 1-64 characters)');
    if (value.indexOf(id) < index) throw invalidRequest(`${field}[${index}]`, `repeats ${JSON.stringify(id)}`);
    return id;
  });
}

/** A `ConsentDecision` as `createDecision` makes it (checked against the policy afterwards). */
export function decisionField(value: unknown, field = 'decision'): ConsentDecision {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(field, 'must be an object (a decision from createDecision)');
  const raw = value as Record<string, unknown>;
  onlyFields(raw, ['policy', 'version', 'purposes', 'locale', 'at', 'hash'], `${field}.`);
  const text = (name: string, pattern: RegExp): string => {
    const item = raw[name];
    if (typeof item !== 'string' || !pattern.test(item)) throw invalidRequest(`${field}.${name}`, item === undefined ? 'is missing' : `must be a string matching ${pattern}`);
    return item;
  };
  return {
    policy: text('policy', ID_PATTERN),
    version: text('version', VERSION_PATTERN),
    purposes: purposeList(raw.purposes, `${field}.purposes`),
    locale: text('locale', LOCALE_PATTERN),
    at: text('at', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/),
    hash: text('hash', SHA256_PATTERN),
  };
}
