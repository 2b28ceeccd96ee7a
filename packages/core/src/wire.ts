import { DecodeError, EncodingError } from './errors.js';
import { LOCALE_PATTERN, SHA256_PATTERN } from './policy.js';
import type { ConsentDecision } from './types.js';

/** Auth0's limits on `user_metadata` sent with POST /dbconnections/signup. */
export const SIGNUP_LIMITS = {
  /** Properties in `user_metadata`, the app's own included. */
  maxProperties: 10,
  /** Characters of a property name. */
  maxNameLength: 100,
  /** Characters of a property value (strings only). */
  maxValueLength: 500,
} as const;

/** Options of the signup wire format. */
export interface SignupFieldOptions {
  /** Prefix of the consent fields; `consent_` by default. Keep to `[A-Za-z0-9_]` if Lock must carry them. */
  readonly prefix?: string;
}

/** Options of `encodeSignupFields`. */
export interface EncodeSignupOptions extends SignupFieldOptions {
  /** The app's own `user_metadata` fields sent in the same request: checked against the limits together with the consent fields. */
  readonly appMetadata?: Readonly<Record<string, string>>;
}

// The syntax of each wire field (after the prefix). Ids and versions as in policy.ts; `at` is
// strict ISO 8601 UTC as Date#toISOString writes it (milliseconds optional).
const ID = '[a-z0-9_-]{1,64}';
const WIRE_FIELDS = {
  policy: RegExp(`^${ID}@[A-Za-z0-9._-]{1,64}$`),
  purposes: RegExp(`^${ID}(,${ID})*$`),
  at: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/,
  locale: LOCALE_PATTERN,
  hash: SHA256_PATTERN,
};

/**
 * The name of the first field whose value is not valid wire syntax, or an impossible date, or
 * `purposes` when its list does not hold exactly `count` distinct ids (a repeated id, or an id
 * with a comma that would read back as two).
 */
function invalidField(fields: Readonly<Record<keyof typeof WIRE_FIELDS, string>>, count?: number): string | undefined {
  const purposes = fields.purposes.split(',');
  return (
    Object.keys(WIRE_FIELDS).find((name) => !WIRE_FIELDS[name as keyof typeof WIRE_FIELDS].test(fields[name as keyof typeof WIRE_FIELDS])) ??
    (new Set(purposes).size != (count ?? purposes.length) ? 'purposes' : undefined) ??
    // The round trip through Date catches impossible dates such as February 30th.
    (new Date(fields.at).toISOString().slice(0, 19) != fields.at.slice(0, 19) ? 'at' : undefined)
  );
}

/**
 * The signup wire format (DESIGN.md "Encodings" 1): five flat string fields to merge into the
 * `user_metadata` of POST /dbconnections/signup. Returns the consent fields only.
 *
 * | field              | value                                   |
 * |--------------------|-----------------------------------------|
 * | `consent_policy`   | `<policy id>@<version>`                 |
 * | `consent_purposes` | accepted purpose ids, comma-separated   |
 * | `consent_at`       | ISO 8601 UTC, client clock              |
 * | `consent_locale`   | BCP 47 tag of the texts shown           |
 * | `consent_hash`     | SHA-256 hex of the canonical statement  |
 *
 * @throws {EncodingError} `invalid_decision` (a field that would not read back), `invalid_field_name`
 *   (empty, `.` or `$`, over 100 characters), `field_collision`, `not_a_string`, `value_too_long`
 *   (over 500 characters), `too_many_fields` (over 10 with the app's fields).
 * @example fetch(`${domain}/dbconnections/signup`, { method: 'POST', body: JSON.stringify({
 *   client_id, connection, email, password, user_metadata: { ...app, ...encodeSignupFields(decision, { appMetadata: app }) } }) });
 */
export function encodeSignupFields(decision: ConsentDecision, { prefix = 'consent_', appMetadata = {} }: EncodeSignupOptions = {}): Record<string, string> {
  const values = {
    policy: decision.policy + '@' + decision.version,
    purposes: String(decision.purposes),
    at: decision.at,
    locale: decision.locale,
    hash: decision.hash,
  };
  const invalid = invalidField(values, decision.purposes.length);
  if (invalid) throw new EncodingError('invalid_decision', prefix + invalid, 'is invalid');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) fields[prefix + name] = value;
  const appFields = Object.entries(appMetadata);
  for (const [name, value] of [...appFields, ...Object.entries(fields)]) {
    if (!name || name.length > 100 || /[.$]/.test(name)) throw new EncodingError('invalid_field_name', name, 'must be 1-100 characters without . or $');
    if (typeof value != 'string') throw new EncodingError('not_a_string', name, 'must be a string');
    if (value.length > 500) throw new EncodingError('value_too_long', name, `has ${value.length} characters, over 500`);
    if (Object.hasOwn(fields, name) && Object.hasOwn(appMetadata, name)) throw new EncodingError('field_collision', name, 'is also a consent field');
  }
  if (appFields.length > 5) throw new EncodingError('too_many_fields', 'user_metadata', `${appFields.length} app fields + 5 consent fields exceed 10`);
  return fields;
}

/**
 * Reads a decision back from `user_metadata` written with `encodeSignupFields` (the app's other
 * fields are ignored). Validates every field strictly; it does not prove the decision matches a
 * policy: signup fields are client claims, so check them with `verifyDecision` (or the server).
 *
 * @throws {DecodeError} `malformed` (not an object, not a string, bad syntax), `missing_field`,
 *   `too_large` (over 500 characters); `path` names the field.
 * @example const decision = decodeSignupFields(user.user_metadata);
 */
export function decodeSignupFields(metadata: Readonly<Record<string, unknown>>, { prefix = 'consent_' }: SignupFieldOptions = {}): ConsentDecision {
  if (!metadata || typeof metadata != 'object') throw new DecodeError('malformed', '', 'user_metadata must be an object');
  const read = (field: string): string => {
    const name = prefix + field;
    const value = Object.hasOwn(metadata, name) ? metadata[name] : undefined;
    if (value === undefined) throw new DecodeError('missing_field', name, 'is missing');
    if (typeof value != 'string') throw new DecodeError('malformed', name, `must be a string, not ${value === null ? 'null' : typeof value}`);
    if (value.length > SIGNUP_LIMITS.maxValueLength) throw new DecodeError('too_large', name, `has ${value.length} characters; at most ${SIGNUP_LIMITS.maxValueLength} are possible`);
    return value;
  };
  // Extension point: a Lock variant that sends one `<prefix>p_<id>` = "true"/"false" field per
  // purpose (Lock cannot compute a list at submit time) is read here when the list is absent.
  const fields = { policy: read('policy'), purposes: read('purposes'), at: read('at'), locale: read('locale'), hash: read('hash') };
  const invalid = invalidField(fields);
  if (invalid) throw new DecodeError('malformed', prefix + invalid, invalid == 'at' ? 'must be an ISO 8601 UTC timestamp' : `is not valid ${invalid} syntax`);
  const [policy, version] = fields.policy.split('@') as [string, string];
  return Object.freeze({ policy, version, purposes: Object.freeze(fields.purposes.split(',')), at: fields.at, locale: fields.locale, hash: fields.hash });
}
