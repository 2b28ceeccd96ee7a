import { createDecision } from './decision.js';
import { DecisionError, DecodeError, EncodingError } from './errors.js';
import { ID_SYNTAX, LOCALE_PATTERN, SHA256_PATTERN } from './patterns.js';
import { signupFields } from './signup-fields.js';
import type { ConsentDecision, ConsentPolicy, Messages } from './types.js';

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
  /**
   * The policy the decision must have been made for. When given, the decision is also refused
   * unless it names this policy's id and version, only its purposes and every required one
   * (`DecisionError`), as the signup client does before sending.
   */
  readonly policy?: ConsentPolicy;
}

// The syntax of each wire field (after the prefix). Ids and versions as in policy.ts; `at` is
// strict ISO 8601 UTC as Date#toISOString writes it (milliseconds optional).
const ID = ID_SYNTAX;
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
 * with a comma that would read back as two). `fields` holds the wire fields under `prefix`.
 */
function invalidField(fields: Readonly<Record<string, string>>, prefix = '', count?: number): string | undefined {
  const value = (name: string) => fields[prefix + name] ?? '';
  const purposes = value('purposes').split(',');
  return (
    Object.keys(WIRE_FIELDS).find((name) => !WIRE_FIELDS[name as keyof typeof WIRE_FIELDS].test(value(name))) ??
    (new Set(purposes).size !== (count ?? purposes.length) ? 'purposes' : undefined) ??
    // The round trip through Date catches impossible dates such as February 30th.
    (new Date(value('at')).toISOString().slice(0, 19) !== value('at').slice(0, 19) ? 'at' : undefined)
  );
}

/**
 * The decision's policy id and version, purposes, time, locale and hash, each read from `decision`
 * once: the fields checked are the fields sent, even for an object whose values change between reads.
 */
function readDecision(decision: ConsentDecision): ConsentDecision {
  if (!decision || typeof decision !== 'object') throw new EncodingError('invalid_decision', 'decision', 'must be a decision object');
  const { policy, version, purposes, at, locale, hash } = decision;
  return { policy, version, purposes: Array.isArray(purposes) ? [...(purposes as readonly string[])] : [], at, locale, hash };
}

/** Refuses `decision` unless it was made for `policy`: its id and version, only its purposes, every required one. */
function checkAgainst(policy: ConsentPolicy, { policy: id, version, purposes }: ConsentDecision): void {
  const fail = (code: string, detail: string): never => {
    throw new DecisionError(code, `${code}: ${detail}`);
  };
  if (id !== policy.id || version !== policy.version) fail('policy_mismatch', `the decision is not for ${policy.id}@${policy.version}`);
  const unknown = purposes.find((purpose) => !policy.purposes.some(({ id }) => id === purpose));
  if (unknown !== undefined) fail('unknown_purpose', String(unknown));
  const missing = policy.purposes.find((purpose) => purpose.required && !purposes.includes(purpose.id));
  if (missing) fail('required_purpose_missing', missing.id);
}

/**
 * The signup wire format (docs/architecture.md, "Data formats" 1): five flat string fields to merge into the
 * `user_metadata` of POST /dbconnections/signup. Returns the consent fields only. Each property of
 * `decision` is read once, checked once and encoded once, so the fields returned are the ones checked.
 *
 * | field              | value                                   |
 * |--------------------|-----------------------------------------|
 * | `consent_policy`   | `<policy id>@<version>`                 |
 * | `consent_purposes` | accepted purpose ids, comma-separated   |
 * | `consent_at`       | ISO 8601 UTC, client clock              |
 * | `consent_locale`   | BCP 47 tag of the texts shown           |
 * | `consent_hash`     | SHA-256 hex of the canonical statement  |
 *
 * @throws {EncodingError} `invalid_decision` (not an object, or a field that would not read back),
 *   `invalid_field_name` (empty, `.` or `$`, over 100 characters), `field_collision`, `not_a_string`,
 *   `value_too_long` (over 500 characters), `too_many_fields` (over 10 with the app's fields).
 * @throws {DecisionError} with the `policy` option: `policy_mismatch`, `unknown_purpose`,
 *   `required_purpose_missing`.
 * @example fetch(`${domain}/dbconnections/signup`, { method: 'POST', body: JSON.stringify({
 *   client_id, connection, email, password, user_metadata: { ...app, ...encodeSignupFields(decision, { appMetadata: app }) } }) });
 */
export function encodeSignupFields(decision: ConsentDecision, { prefix = 'consent_', appMetadata = {}, policy }: EncodeSignupOptions = {}): Record<string, string> {
  // Read once, checked once, encoded once: what is checked below is exactly what is returned.
  const read = readDecision(decision);
  if (policy) checkAgainst(policy, read);
  const fields = signupFields(read, prefix);
  const invalid = invalidField(fields, prefix, read.purposes.length);
  if (invalid) throw new EncodingError('invalid_decision', prefix + invalid, 'is invalid');
  const appFields = Object.entries(appMetadata);
  for (const [name, value] of [...appFields, ...Object.entries(fields)]) {
    if (!name || name.length > 100 || /[.$]/.test(name)) throw new EncodingError('invalid_field_name', name, 'must be 1-100 characters without . or $');
    if (typeof value !== 'string') throw new EncodingError('not_a_string', name, 'must be a string');
    if (value.length > 500) throw new EncodingError('value_too_long', name, `has ${value.length} characters, over 500`);
    if (Object.hasOwn(fields, name) && Object.hasOwn(appMetadata, name)) throw new EncodingError('field_collision', name, 'is also a consent field');
  }
  if (appFields.length > 5) throw new EncodingError('too_many_fields', 'user_metadata', `${appFields.length} app fields + 5 consent fields exceed 10`);
  return fields;
}

/**
 * Reads a decision back from `user_metadata` written with `encodeSignupFields`, or by Lock with
 * the fields of `encodeLockSignupFields` (the Lock variant: optional purposes marked `?` in
 * `consent_purposes`, each answered in `consent_p_<id>`); the app's other fields are ignored.
 * Validates every field strictly; it does not prove the decision matches a policy: signup fields
 * are client claims, so check them with `verifyDecision` (or the server).
 *
 * @throws {DecodeError} `malformed` (not an object, not a string, bad syntax, a Lock answer other
 *   than "true"/"false", a Lock hash list of the wrong length), `missing_field`, `too_large` (over
 *   500 characters); `path` names the field.
 * @example const decision = decodeSignupFields(user.user_metadata);
 */
export function decodeSignupFields(metadata: Readonly<Record<string, unknown>>, { prefix = 'consent_' }: SignupFieldOptions = {}): ConsentDecision {
  if (!metadata || typeof metadata !== 'object') throw new DecodeError('malformed', '', 'user_metadata must be an object');
  const read = (field: string): string => {
    const name = prefix + field;
    const value = Object.hasOwn(metadata, name) ? metadata[name] : undefined;
    if (value === undefined) throw new DecodeError('missing_field', name, 'is missing');
    if (typeof value !== 'string') throw new DecodeError('malformed', name, `must be a string, not ${value === null ? 'null' : typeof value}`);
    if (value.length > SIGNUP_LIMITS.maxValueLength) throw new DecodeError('too_large', name, `has ${value.length} characters; at most ${SIGNUP_LIMITS.maxValueLength} are possible`);
    return value;
  };
  const fields = { policy: read('policy'), purposes: read('purposes'), at: read('at'), locale: read('locale'), hash: read('hash') };
  // The Lock variant marks optional purposes with `?` and answers them in their own fields.
  if (fields.purposes.split(',').some((entry) => entry.endsWith('?'))) Object.assign(fields, readLockChoices(fields.purposes, fields.hash, prefix, read));
  const invalid = invalidField(fields);
  if (invalid) throw new DecodeError('malformed', prefix + invalid, invalid === 'at' ? 'must be an ISO 8601 UTC timestamp' : `is not valid ${invalid} syntax`);
  const [policy, version] = fields.policy.split('@') as [string, string];
  return Object.freeze({ policy, version, purposes: Object.freeze(fields.purposes.split(',')), at: fields.at, locale: fields.locale, hash: fields.hash });
}

/** Lock cannot carry the hashes of more answers than this within one 500-character value. */
export const LOCK_MAX_OPTIONAL_PURPOSES = 3;

/** Options of `encodeLockSignupFields`. */
export interface LockSignupOptions extends SignupFieldOptions {
  /** Locale of the texts Lock shows (BCP 47). */
  readonly locale: string;
  /** The built-in texts of that locale (`en` or the result of `loadMessages`). */
  readonly messages: Messages;
  /** When the consent form is shown; now by default. Lock cannot stamp the moment of the click. */
  readonly at?: Date;
  /** Names of the app's own `user_metadata` fields in the same signup: checked for collisions and the 10-property limit. */
  readonly appFields?: readonly string[];
}

/** The Lock variant of the signup wire format, as Lock's `additionalSignUpFields` carry it. */
export interface LockSignupFields {
  /** Values of the hidden fields (`consent_policy`, `consent_purposes`, `consent_at`, `consent_locale`, `consent_hash`). */
  readonly hidden: Readonly<Record<string, string>>;
  /** One checkbox per optional purpose, in policy order: Lock sends its answer as `"true"` or `"false"` under `name`. */
  readonly choices: readonly { readonly purpose: string; readonly name: string }[];
}

const LOCK_NAME = /^[A-Za-z0-9_]+$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

function hexToBase64url(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlToHex(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '=');
  return Array.from(binary, (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}

/**
 * The Lock variant of the signup wire format. Lock's extra fields are fixed before the user
 * decides and it cannot compute a list when Sign Up is clicked, so:
 *
 * | field                | Lock field | value                                                          |
 * |----------------------|------------|----------------------------------------------------------------|
 * | `consent_policy`     | hidden     | `<policy id>@<version>`                                        |
 * | `consent_purposes`   | hidden     | every purpose in policy order, optional ones marked `?`: `terms,marketing?` |
 * | `consent_p_<id>`     | checkbox   | `"true"` / `"false"`: the answer for one optional purpose      |
 * | `consent_at`         | hidden     | when the form was shown (ISO 8601 UTC, client clock)           |
 * | `consent_locale`     | hidden     | BCP 47 tag of the texts shown                                  |
 * | `consent_hash`       | hidden     | one hash per possible answer: entry `i` (base64url SHA-256) is the statement hash of the decision that accepts the optional purposes whose bit is set in `i` (bit 0 = first optional purpose) |
 *
 * Required purposes are accepted by construction: Lock's Sign Up stays disabled until its terms box
 * is ticked. A policy without optional purposes gives exactly the list variant. `decodeSignupFields`
 * reads both variants; the decision it returns verifies with `verifyDecision`.
 *
 * @throws {EncodingError} `invalid_field_name` (a prefix or purpose id Lock refuses in a field
 *   name: only letters, digits and `_`; or an app field Auth0 refuses), `too_many_fields` (more than
 *   `LOCK_MAX_OPTIONAL_PURPOSES` optional purposes, or over 10 properties with the app's fields),
 *   `field_collision`, `value_too_long`; and `DecisionError` for an invalid locale or date.
 * @example const { hidden, choices } = await encodeLockSignupFields(policy, { locale: 'de', messages: await loadMessages('de') });
 */
export async function encodeLockSignupFields(policy: ConsentPolicy, { locale, messages, at = new Date(), prefix = 'consent_', appFields = [] }: LockSignupOptions): Promise<LockSignupFields> {
  const optional = policy.purposes.filter((purpose) => !purpose.required).map((purpose) => purpose.id);
  const choices = optional.map((purpose) => ({ purpose, name: `${prefix}p_${purpose}` }));
  for (const name of [prefix + 'policy', ...choices.map((choice) => choice.name)]) {
    if (!LOCK_NAME.test(name)) throw new EncodingError('invalid_field_name', name, 'Lock accepts only letters, digits and _ in field names');
  }
  if (optional.length > LOCK_MAX_OPTIONAL_PURPOSES) {
    throw new EncodingError(
      'too_many_fields',
      prefix + 'hash',
      `${optional.length} optional purposes need ${2 ** optional.length} hashes; Lock can carry at most ${LOCK_MAX_OPTIONAL_PURPOSES} optional purposes`,
    );
  }
  const decisions = await Promise.all(
    Array.from({ length: 2 ** optional.length }, (_, answers) =>
      createDecision(policy, { accepted: policy.purposes.filter((purpose) => purpose.required || (answers >> optional.indexOf(purpose.id)) & 1).map((purpose) => purpose.id), locale, messages, at }),
    ),
  );
  const [first] = decisions as [ConsentDecision, ...ConsentDecision[]];
  const hidden: Record<string, string> = {
    [prefix + 'policy']: `${policy.id}@${policy.version}`,
    [prefix + 'purposes']: policy.purposes.map((purpose) => purpose.id + (purpose.required ? '' : '?')).join(','),
    [prefix + 'at']: first.at,
    [prefix + 'locale']: first.locale,
    [prefix + 'hash']: optional.length ? decisions.map((decision) => hexToBase64url(decision.hash)).join(',') : first.hash,
  };
  const ours = [...Object.keys(hidden), ...choices.map((choice) => choice.name)];
  for (const name of appFields) {
    if (!name || name.length > SIGNUP_LIMITS.maxNameLength || /[.$]/.test(name)) throw new EncodingError('invalid_field_name', name, 'must be 1-100 characters without . or $');
    if (ours.includes(name)) throw new EncodingError('field_collision', name, 'is also a consent field');
  }
  for (const [name, value] of Object.entries(hidden)) {
    if (value.length > SIGNUP_LIMITS.maxValueLength) throw new EncodingError('value_too_long', name, `has ${value.length} characters, over ${SIGNUP_LIMITS.maxValueLength}`);
  }
  const total = ours.length + new Set(appFields).size;
  if (total > SIGNUP_LIMITS.maxProperties)
    throw new EncodingError('too_many_fields', 'user_metadata', `${appFields.length} app fields + ${ours.length} consent fields exceed ${SIGNUP_LIMITS.maxProperties}`);
  return { hidden, choices };
}

/**
 * Reads the Lock variant's answers: the accepted purposes as a list and the hash of that decision,
 * for the same checks as the list variant.
 */
function readLockChoices(listed: string, hashes: string, prefix: string, read: (field: string) => string): { purposes: string; hash: string } {
  const entries = listed.split(',').map((entry) => ({ id: entry.replace(/\?$/, ''), optional: entry.endsWith('?') }));
  const optional = entries.filter((entry) => entry.optional);
  if (optional.length > LOCK_MAX_OPTIONAL_PURPOSES || !entries.every((entry) => WIRE_FIELDS.purposes.test(entry.id)) || new Set(entries.map((entry) => entry.id)).size !== entries.length) {
    throw new DecodeError('malformed', prefix + 'purposes', 'is not valid purposes syntax');
  }
  let answers = 0;
  optional.forEach((entry, bit) => {
    const name = `p_${entry.id}`;
    const answer = read(name);
    if (answer !== 'true' && answer !== 'false') throw new DecodeError('malformed', prefix + name, 'must be "true" or "false"');
    if (answer === 'true') answers |= 1 << bit;
  });
  const list = hashes.split(',');
  if (list.length !== 2 ** optional.length || !list.every((hash) => BASE64URL_SHA256.test(hash))) {
    throw new DecodeError('malformed', prefix + 'hash', `must hold ${2 ** optional.length} base64url SHA-256 hashes, one per possible answer`);
  }
  const accepted = (entry: (typeof entries)[number]) => !entry.optional || (answers & (1 << optional.indexOf(entry))) !== 0;
  return {
    purposes: entries
      .filter(accepted)
      .map((entry) => entry.id)
      .join(','),
    hash: base64urlToHex(list[answers] ?? ''),
  };
}
