/**
 * Auth0's metadata rules: what signup accepts in user_metadata, what field names are legal, and how
 * the Management API merges a PATCH into stored metadata.
 */
import { HttpError } from './errors.js';
import { invalidBody, typeName } from './http/management-body.js';
import { isRecord } from './tenant/check.js';

export const SIGNUP_METADATA_MAX_PROPERTIES = 10;
export const SIGNUP_METADATA_MAX_NAME = 100;
export const SIGNUP_METADATA_MAX_VALUE = 500;

/** Signup metadata errors come as `{ error: "<message>" }` (seen through auth0-js: code and description are that message). */
function signupMetadataError(message: string): HttpError {
  return new HttpError(400, { error: message });
}

/**
 * Validates user_metadata sent to /dbconnections/signup: an object of at most 10 string values,
 * names <= 100 characters without `.` or `$`, values <= 500 characters.
 */
export function validateSignupMetadata(value: unknown): Record<string, string> {
  if (!isRecord(value)) throw signupMetadataError('invalid user_metadata type (expected object)');
  const entries = Object.entries(value);
  if (entries.length > SIGNUP_METADATA_MAX_PROPERTIES) {
    throw signupMetadataError(`user_metadata has ${entries.length} properties, at most ${SIGNUP_METADATA_MAX_PROPERTIES} are allowed`);
  }
  for (const [name, entry] of entries) {
    if (name.length > SIGNUP_METADATA_MAX_NAME) {
      throw signupMetadataError(`invalid user_metadata.${name} name (at most ${SIGNUP_METADATA_MAX_NAME} characters are allowed)`);
    }
    if (/[.$]/.test(name)) throw signupMetadataError(`invalid user_metadata.${name} name (must not contain "." or "$")`);
    if (typeof entry !== 'string') throw signupMetadataError(`invalid user_metadata.${name} type (only strings are allowed)`);
    if (entry.length > SIGNUP_METADATA_MAX_VALUE) {
      throw signupMetadataError(`invalid user_metadata.${name} value (at most ${SIGNUP_METADATA_MAX_VALUE} characters are allowed)`);
    }
  }
  return value as Record<string, string>;
}

/** The first field name (at any depth) containing `.` or `$`, as a dotted path, or undefined. */
export function invalidMetadataName(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = invalidMetadataName(entry, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  for (const [name, entry] of Object.entries(value)) {
    if (/[.$]/.test(name)) return `${path}.${name}`;
    const found = invalidMetadataName(entry, `${path}.${name}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Deepest nesting of metadata the emulator stores. Auth0 documents no depth limit; a client can
 * send JSON nested thousands deep within the size limit, which recursive handling cannot take, so
 * the emulator refuses it up front with Auth0's 400 `invalid_body` shape instead of failing.
 */
export const METADATA_MAX_DEPTH = 100;

/** How deep `value` nests objects and arrays (1 for a flat object), counted without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > METADATA_MAX_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Keys Auth0 reserves in app_metadata. */
const RESERVED_APP_METADATA = [
  '__tenant',
  '_id',
  'blocked',
  'clientID',
  'created_at',
  'email_verified',
  'email',
  'globalClientID',
  'global_client_id',
  'identities',
  'lastLogin',
  'loginsCount',
  'metadata',
  'multifactor_last_modified',
  'multifactor',
  'updated_at',
  'user_id',
];

/**
 * Validates metadata sent to the Management API (any JSON, legal names, reserved app_metadata keys).
 * @throws HttpError 400 `invalid_body` naming the field.
 */
export function validateManagementMetadata(field: 'user_metadata' | 'app_metadata', value: unknown): Record<string, unknown> {
  if (!isRecord(value)) {
    throw invalidBody(`'Expected type object but found type ${typeName(value)}' on property ${field}.`);
  }
  if (nestingDepth(value) > METADATA_MAX_DEPTH) throw invalidBody(`${field} is nested more than ${METADATA_MAX_DEPTH} levels deep.`);
  const bad = invalidMetadataName(value, field);
  if (bad) throw invalidBody(`field names must not contain "." or "$": ${bad}.`);
  if (field === 'app_metadata') {
    const reserved = Object.keys(value).find((key) => RESERVED_APP_METADATA.includes(key));
    if (reserved) throw invalidBody(`app_metadata.${reserved} is a reserved name.`);
  }
  return value;
}

/**
 * Auth0's PATCH semantics: root properties are merged, nested objects are replaced whole, a `null`
 * value deletes the property, and an empty object clears the metadata.
 */
export function mergeMetadata(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(patch).length === 0) return {};
  const merged = { ...current, ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null));
}

/** Size of metadata as Auth0 counts it: bytes of its JSON. */
export function metadataBytes(value: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
