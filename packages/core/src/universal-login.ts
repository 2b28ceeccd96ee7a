import { purposeText } from './consent-text.js';
import { createDecision } from './decision.js';
import { AssentError, DecisionError, DecodeError } from './errors.js';
import { SUPPORTED_LOCALES } from './locales/supported.js';
import { format, loadMessages, resolveLocale } from './messages.js';
import { resolveMessage } from './consent-text.js';
import { ID_PATTERN, LOCALE_PATTERN, VERSION_PATTERN } from './patterns.js';
import type { ConsentDecision, ConsentPolicy, Messages } from './types.js';
import { decodeSignupFields } from './wire.js';

/**
 * The Universal Login encoding: the `ulp-` form fields of Auth0's signup prompts, as Auth0 hands
 * them to the pre-user-registration Action in `event.request.body`. Two variants share one prefix
 * (`ulp-consent_` by default; Auth0 only forwards fields whose names start with `ulp-`):
 *
 * - native (the generated partial, no JavaScript): `<prefix>policy` (`id@version`, hidden),
 *   `<prefix>locale` (the language of the texts shown, hidden), `<prefix>required` = `true` when
 *   the required box is ticked, `<prefix>p_<purpose id>` = `true` for each ticked optional purpose.
 *   Unticked boxes are not posted at all (HTML forms never post them).
 * - element (`<assent-terms field-prefix="ulp-consent_">` took over the boxes): core's signup wire
 *   format under the prefix (`policy`, `purposes`, `at`, `locale`, `hash`).
 *
 * Either way the fields are a claim: `universalLoginDecision` recomputes the statement's hash from
 * the policy for the claimed locale, so the proof does not depend on client JavaScript.
 */

/** The default prefix of the Universal Login consent fields. */
export const UNIVERSAL_LOGIN_PREFIX = 'ulp-consent_';

/** Options of the Universal Login field functions. */
export interface UniversalLoginFieldOptions {
  /** Prefix of every consent field; must start with `ulp-`. Default `ulp-consent_`. */
  readonly prefix?: string;
}

/** What a Universal Login signup claims, read from the posted fields. */
export interface UniversalLoginClaim {
  /** Which form posted it: the partial's native boxes or `<assent-terms>`. */
  readonly variant: 'native' | 'element';
  /** Policy id. */
  readonly policy: string;
  /** Policy version. */
  readonly version: string;
  /** Locale of the texts shown. */
  readonly locale: string;
  /** Whether the required box was ticked (native), or the element's accepted list holds purposes. */
  readonly required: boolean;
  /** Ids of the ticked purposes as posted (native: the optional ones; element: all accepted). */
  readonly accepted: readonly string[];
  /** The element's own hash of what it showed (element variant only). */
  readonly clientHash?: string;
}

/**
 * A Universal Login signup that cannot be recorded. Codes: `required_purpose_missing` (the
 * required box was not ticked), `policy_outdated` (the page showed another policy version),
 * `unknown_purpose`, `unsupported_locale`, `hash_mismatch` (the element showed another text than
 * the policy gives for that locale). `locale` is the language to answer the user in.
 */
export class UniversalLoginError extends AssentError {
  readonly locale: string;
  constructor(code: string, message: string, locale: string) {
    super(code, message);
    this.locale = locale;
  }
  override get name(): string {
    return 'UniversalLoginError';
  }
}

/** The field names of the native variant, for the partial generator and the Action. */
export function universalLoginFieldNames({ prefix = UNIVERSAL_LOGIN_PREFIX }: UniversalLoginFieldOptions = {}) {
  checkPrefix(prefix);
  return {
    policy: prefix + 'policy',
    locale: prefix + 'locale',
    required: prefix + 'required',
    optional: (purposeId: string) => `${prefix}p_${purposeId}`,
  } as const;
}

function checkPrefix(prefix: string): void {
  if (!/^ulp-[A-Za-z0-9_-]{0,60}$/.test(prefix)) throw new AssentError('invalid_prefix', `invalid_prefix: "${prefix}" must start with "ulp-" and hold only A-Z a-z 0-9 _ -`);
}

/**
 * Reads the consent fields from a Universal Login signup's posted body (`event.request.body`).
 * Returns null when the body carries no `<prefix>policy` field (the signup came from elsewhere).
 *
 * @throws {DecodeError} `malformed` / `missing_field` / `too_large` naming the field.
 * @example const claim = readUniversalLoginFields(event.request.body);
 */
export function readUniversalLoginFields(body: unknown, { prefix = UNIVERSAL_LOGIN_PREFIX }: UniversalLoginFieldOptions = {}): UniversalLoginClaim | null {
  const names = universalLoginFieldNames({ prefix });
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const fields = body as Readonly<Record<string, unknown>>;
  if (!Object.hasOwn(fields, names.policy)) return null;
  if (Object.hasOwn(fields, prefix + 'purposes')) {
    const decision = decodeSignupFields(fields, { prefix });
    return {
      variant: 'element',
      policy: decision.policy,
      version: decision.version,
      locale: decision.locale,
      required: decision.purposes.length > 0,
      accepted: decision.purposes,
      clientHash: decision.hash,
    };
  }
  const text = (name: string, pattern: RegExp): string => {
    const value = fields[name];
    if (value === undefined) throw new DecodeError('missing_field', name, 'is missing');
    if (typeof value !== 'string') throw new DecodeError('malformed', name, 'must be a string');
    if (value.length > 500) throw new DecodeError('too_large', name, 'exceeds 500 characters');
    if (!pattern.test(value)) throw new DecodeError('malformed', name, `must match ${pattern}`);
    return value;
  };
  const policy = text(names.policy, RegExp(`^${ID_PATTERN.source.slice(1, -1)}@${VERSION_PATTERN.source.slice(1, -1)}$`));
  const at = policy.indexOf('@');
  const locale = text(names.locale, LOCALE_PATTERN);
  const ticked = (name: string): boolean => fields[name] !== undefined && text(name, /^(true|on)$/) !== '';
  const optionalPrefix = prefix + 'p_';
  const accepted: string[] = [];
  for (const name of Object.keys(fields)) {
    if (!name.startsWith(optionalPrefix)) continue;
    const id = name.slice(optionalPrefix.length);
    if (!ID_PATTERN.test(id)) throw new DecodeError('malformed', name, 'names no valid purpose id');
    if (ticked(name)) accepted.push(id);
  }
  return { variant: 'native', policy: policy.slice(0, at), version: policy.slice(at + 1), locale, required: ticked(names.required), accepted };
}

/** Options of `universalLoginDecision`. */
export interface UniversalLoginDecisionOptions {
  /** Server time of the signup; now by default. */
  readonly now?: Date;
  /** The built-in texts of a locale; `loadMessages` by default (the texts the partial was generated from). */
  readonly messagesFor?: (locale: string) => Promise<Messages>;
}

/**
 * The decision a Universal Login signup made, proven on the server: checks the claim against the
 * current policy and recomputes the hash of the statement the generated partial showed for the
 * claimed locale (the partial's sentences are `purposeText` of that locale, exactly what
 * `createDecision` hashes). `at` is server time.
 *
 * @throws {UniversalLoginError} see its codes; `locale` is the locale to answer in.
 * @example const decision = await universalLoginDecision(claim, policy);
 */
export async function universalLoginDecision(
  claim: UniversalLoginClaim,
  policy: ConsentPolicy,
  { now = new Date(), messagesFor = loadMessages }: UniversalLoginDecisionOptions = {},
): Promise<ConsentDecision> {
  const answerIn = resolveLocale(claim.locale);
  const fail = (code: string, detail: string): never => {
    throw new UniversalLoginError(code, `${code}: ${detail}`, answerIn);
  };
  if (claim.policy !== policy.id || claim.version !== policy.version) fail('policy_outdated', `${claim.policy}@${claim.version} instead of ${policy.id}@${policy.version}`);
  if (!SUPPORTED_LOCALES.includes(claim.locale)) fail('unsupported_locale', claim.locale);
  const required = policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id);
  const unknown = claim.accepted.find((id) => !policy.purposes.some((purpose) => purpose.id === id));
  if (unknown) fail('unknown_purpose', unknown);
  let accepted: string[];
  if (claim.variant === 'native') {
    if (!claim.required) fail('required_purpose_missing', required.join(','));
    const requiredTicked = claim.accepted.find((id) => required.includes(id));
    if (requiredTicked) fail('unknown_purpose', `${requiredTicked} is required and has no box of its own`);
    accepted = [...required, ...claim.accepted];
  } else {
    const missing = required.find((id) => !claim.accepted.includes(id));
    if (missing) fail('required_purpose_missing', missing);
    accepted = [...claim.accepted];
  }
  let decision: ConsentDecision;
  try {
    decision = await createDecision(policy, { accepted, locale: claim.locale, messages: await messagesFor(claim.locale), at: now });
  } catch (error) {
    if (error instanceof DecisionError) return fail(error.code, error.message);
    throw error;
  }
  if (claim.clientHash !== undefined && claim.clientHash !== decision.hash) fail('hash_mismatch', 'the page showed another text than the policy gives for ' + claim.locale);
  return decision;
}

/**
 * The message to show in the signup prompt when a signup is refused, in the user's language: for a
 * missing required purpose the policy's `required.error` ("Please accept the Terms of Service and
 * Privacy Policy to continue."), otherwise its `policy.error` text.
 */
export async function universalLoginRefusal(error: UniversalLoginError, policy: ConsentPolicy, messagesFor: (locale: string) => Promise<Messages> = loadMessages): Promise<string> {
  const locale = error.locale;
  const messages = await messagesFor(locale);
  const t = (key: string) => resolveMessage(policy, locale, messages, key);
  if (error.code !== 'required_purpose_missing') return t('policy.error');
  const titles = policy.purposes
    .filter((purpose) => purpose.required)
    .flatMap((purpose) => purposeText(policy, purpose.id, locale, messages))
    .filter((part) => part.document)
    .map((part) => part.text);
  return format(t('required.error'), { documents: new Intl.ListFormat(locale, { type: 'conjunction' }).format([...new Set(titles)]) });
}
