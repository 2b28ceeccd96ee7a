/**
 * The signup input and the request body built from it, checked against Auth0's limits before
 * anything is sent: every problem is a typed error naming the field, nothing is truncated or dropped.
 */
import { EncodingError } from '../errors.js';
import { safeUrl } from '../safe-url.js';
import type { ConsentDecision, ConsentPolicy } from '../types.js';
import { encodeSignupFields } from '../wire.js';
import { SignupInputError } from './errors.js';
import type { SignupRequestBody } from './transport.js';

/** Profile fields Auth0 stores on the user itself rather than in `user_metadata`. */
export interface RootFields {
  readonly given_name?: string;
  readonly family_name?: string;
  readonly name?: string;
  readonly nickname?: string;
  /** An absolute http(s) URL. */
  readonly picture?: string;
}

/** What the user entered. Every value is sent as given (text, never interpreted as HTML). */
export interface SignupInput {
  readonly email: string;
  readonly password: string;
  /** Only for connections that require a username. */
  readonly username?: string;
  readonly rootFields?: RootFields;
  /** The app's own `user_metadata` fields: strings, at most 5 (the consent takes the other 5 of Auth0's 10). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The root fields and Auth0's limit on their length (characters). */
export const ROOT_FIELDS = ['given_name', 'family_name', 'name', 'nickname', 'picture'] as const;
export const ROOT_FIELD_MAX_LENGTH = 150;

/** What the request needs from the client's configuration. */
interface Target {
  readonly clientId: string;
  readonly connection: string;
  readonly policy: ConsentPolicy;
}

/**
 * Checks `input` and builds the body of POST /dbconnections/signup. With `partial`, absent fields
 * are not required and a missing decision stands for the policy's largest (every purpose accepted),
 * so the consent fields are counted and sized as they will be.
 *
 * The decision is checked and encoded once, by `encodeSignupFields` with the policy.
 *
 * @throws {SignupInputError} naming the field; {DecisionError} `policy_mismatch`, `unknown_purpose`,
 *   `required_purpose_missing`; {EncodingError} `invalid_decision` (no decision, or one that does not encode).
 */
export function buildSignupBody({ clientId, connection, policy }: Target, input: Partial<SignupInput>, decision: ConsentDecision | undefined, partial = false): SignupRequestBody {
  const fail = (code: string, field: string, why: string): never => {
    throw new SignupInputError(code, field, why);
  };
  const isObject = (field: string, value: unknown): value is Record<string, unknown> =>
    value !== undefined && (!!value && typeof value === 'object' && !Array.isArray(value) ? true : fail('not_an_object', field, 'must be an object'));
  const body: Record<string, unknown> = { client_id: clientId, connection };
  /** Copies a string field to the body when present; `required` fields must be non-empty. */
  const take = (field: string, value: unknown, required = !partial, to = field): value is string => {
    if (value === undefined && !required) return false;
    if (value === undefined || value === '') fail('missing', field, 'is required');
    if (typeof value !== 'string') fail('not_a_string', field, `must be a string, not ${value === null ? 'null' : typeof value}`);
    body[to] = value;
    return true;
  };
  isObject('input', input ?? 0);
  const { email, password, username, rootFields = {}, metadata = {} } = input;
  // auth0-js trims the email and username: refuse spaces, so that every transport sends the same.
  if (take('email', email) && !/^[^\s@]+@[^\s@]+$/.test(email)) fail('invalid_email', 'email', 'is not an email address');
  take('password', password);
  if (take('username', username, false) && /\s/.test(username)) fail('invalid_username', 'username', 'must not contain spaces');
  isObject('rootFields', rootFields);
  for (const [name, value] of Object.entries(rootFields)) {
    const field = `rootFields.${name}`;
    if (!(ROOT_FIELDS as readonly string[]).includes(name)) fail('unknown_field', field, `is not one of ${ROOT_FIELDS}: put the app's own fields in metadata`);
    if (!take(field, value, false, name)) continue;
    if (value.length > ROOT_FIELD_MAX_LENGTH) fail('too_long', field, `has ${value.length} characters, over ${ROOT_FIELD_MAX_LENGTH}`);
    if (name === 'picture' && !(/^https?:/i.test(value) && safeUrl(value))) fail('invalid_url', field, 'must be an absolute http(s) URL');
  }
  isObject('metadata', metadata);
  const largest = { policy: policy.id, version: policy.version, purposes: policy.purposes.map((purpose) => purpose.id), locale: 'en', at: new Date(0).toISOString(), hash: '0'.repeat(64) };
  try {
    // The one check and the one encoding of the decision on its way to the request.
    body.user_metadata = { ...metadata, ...encodeSignupFields(partial ? (decision ?? largest) : (decision as ConsentDecision), { appMetadata: metadata as Record<string, string>, policy }) };
  } catch (error) {
    if (!(error instanceof EncodingError) || error.code === 'invalid_decision') throw error;
    throw new SignupInputError(error.code, Object.hasOwn(metadata, error.field) ? `metadata.${error.field}` : 'metadata', error.message.slice(error.field.length + 2), error);
  }
  return body as unknown as SignupRequestBody;
}
