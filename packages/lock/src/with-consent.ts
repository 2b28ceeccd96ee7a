import { encodeLockSignupFields, loadMessages, parsePolicy, plainText, purposeText, resolveLocale, resolveMessage, SIGNUP_LIMITS, type ConsentPolicy, type Messages } from '@assent/core';
import { LockConfigError } from './errors.js';
import type { LockOptions, LockSignUpField } from './lock-types.js';
import { signUpTermsHtml } from './signup-terms.js';

/** Options of `withConsent`. */
export interface WithConsentOptions {
  /** Language of the consent texts (BCP 47). Default: Lock's `language` option, then English. */
  readonly lang?: string | undefined;
  /** The built-in texts of that language; loaded with core's `loadMessages` when omitted. */
  readonly messages?: Messages | undefined;
  /** Prefix of the consent fields in `user_metadata`: `consent_` by default. Letters, digits and `_` only. */
  readonly prefix?: string | undefined;
  /** When the form is shown (stored as `consent_at`); now by default. */
  readonly at?: Date | undefined;
}

/** What `withConsent` sets on the Lock options. */
export interface ConsentLockOptions {
  readonly mustAcceptTerms: true;
  readonly language: string;
  readonly languageDictionary: Readonly<Record<string, unknown>>;
  /** A new array (the app's fields, then the consent fields): yours to change, and assignable to Lock's own options type. */
  readonly additionalSignUpFields: LockSignUpField[];
}

/** Languages auth0-lock 14.3 has a dictionary for, among the languages of @assent/core. */
const LOCK_LANGUAGES = ['ar', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'he', 'hr', 'hu', 'it', 'lt', 'lv', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];
const LOCK_FIELD_NAME = /^[a-zA-Z0-9_]+$/;
const RESERVED_NAMES = ['email', 'username', 'password'];

/** Accepts both answers of an optional purpose: declining is a valid choice, never an error. */
export function acceptsEitherAnswer(value: string): { valid: boolean } {
  return { valid: value === 'true' || value === 'false' };
}

/** The Lock language for a consent locale: the same language when Lock has it, else English. */
export function lockLanguage(locale: string): string {
  return LOCK_LANGUAGES.includes(locale) ? locale : 'en';
}

/**
 * Returns new Lock options that ask for consent as `policy` says, merged with the app's own
 * options (which it never mutates): `mustAcceptTerms` with a localized `signUpTerms` linking the
 * required purposes' documents (escaped text, links only for URLs `safeUrl` allows), one unticked
 * checkbox per optional purpose (plain-text label, `prefill: 'false'`, a validator that accepts
 * both answers), and hidden fields with the policy, locale, time and the hashes of what is shown:
 * the Lock variant of the signup wire format (see @assent/core `encodeLockSignupFields`), which
 * `decodeSignupFields` reads back from the user's `user_metadata`.
 *
 * Asynchronous because the texts of a language load on demand and the consent hashes use WebCrypto.
 *
 * @throws {LockConfigError} `invalid_field_name`, `field_collision`, `too_many_fields`,
 *   `terms_dead_end` (`showTerms: false`, or no terms text), `option_conflict`
 *   (`mustAcceptTerms: false`, an own `languageDictionary.signUpTerms`, a `language` other than `lang`).
 * @throws {PolicyError} when `policy` is not a valid consent policy.
 * @throws {EncodingError} when the policy does not fit Lock: an optional purpose id with `-`, more
 *   than 3 optional purposes.
 * @example
 * const options = await withConsent({ theme: { primaryColor: '#0a6' } }, policy, { lang: 'de' });
 * const lock = new Auth0Lock(clientId, domain, options);
 */
// `O & LockOptions` rather than `O extends LockOptions`: Lock's options are all optional, so an
// object with only options this package does not read (`{ theme }`) would otherwise be refused as
// having nothing in common with LockOptions.
export async function withConsent<O extends object>(lockOptions: O & LockOptions, policy: ConsentPolicy | unknown, options: WithConsentOptions = {}): Promise<O & ConsentLockOptions> {
  const valid = parsePolicy(policy);
  const { prefix = 'consent_', at } = options;
  if (!lockOptions || typeof lockOptions !== 'object') throw new LockConfigError('option_conflict', 'options', 'must be a Lock options object');
  if (lockOptions.mustAcceptTerms === false) throw new LockConfigError('option_conflict', 'mustAcceptTerms', 'is false, but the policy has required purposes: leave it to withConsent');
  if (lockOptions.showTerms === false) throw new LockConfigError('terms_dead_end', 'showTerms', 'false hides the terms box, so Sign Up would stay disabled forever');
  const dictionary: Readonly<Record<string, unknown>> = lockOptions.languageDictionary ?? {};
  if (typeof dictionary !== 'object') throw new LockConfigError('option_conflict', 'languageDictionary', 'must be an object');
  if (dictionary.signUpTerms !== undefined) throw new LockConfigError('option_conflict', 'languageDictionary.signUpTerms', 'is written by withConsent from the consent policy');

  const locale = resolveLocale(options.lang ?? lockOptions.language);
  if (options.lang !== undefined && lockOptions.language !== undefined && resolveLocale(lockOptions.language) !== locale) {
    throw new LockConfigError('option_conflict', 'language', `"${lockOptions.language}" differs from lang "${options.lang}": Lock and the consent texts would speak different languages`);
  }
  const messages = options.messages ?? (await loadMessages(locale));

  const appFields = lockOptions.additionalSignUpFields ?? [];
  if (!Array.isArray(appFields)) throw new LockConfigError('option_conflict', 'additionalSignUpFields', 'must be an array');
  appFields.forEach((field: LockSignUpField, index) => {
    const name = field?.name;
    if (typeof name !== 'string' || !LOCK_FIELD_NAME.test(name) || RESERVED_NAMES.includes(name)) {
      throw new LockConfigError(
        'invalid_field_name',
        `additionalSignUpFields[${index}].name`,
        `${JSON.stringify(name)} is dropped by Lock: use letters, digits and _, not email, username or password`,
      );
    }
  });

  const { hidden, choices } = await encodeLockSignupFields(valid, { locale, messages, prefix, ...(at && { at }) });
  const ours = [...choices.map((choice) => choice.name), ...Object.keys(hidden)];
  appFields.forEach((field: LockSignUpField, index) => {
    if (ours.includes(field.name)) throw new LockConfigError('field_collision', `additionalSignUpFields[${index}].name`, `"${field.name}" is a consent field`);
  });
  // Fields stored at the root of the signup (given_name...) do not count towards user_metadata.
  const metadataFields = new Set(appFields.filter((field) => field.storage !== 'root').map((field) => field.name)).size + ours.length;
  if (metadataFields > SIGNUP_LIMITS.maxProperties) {
    throw new LockConfigError(
      'too_many_fields',
      'additionalSignUpFields',
      `${metadataFields - ours.length} app fields + ${ours.length} consent fields exceed Auth0's ${SIGNUP_LIMITS.maxProperties} signup properties`,
    );
  }

  const required = valid.purposes.filter((purpose) => purpose.required);
  const signUpTerms = signUpTermsHtml(
    required.map((purpose) => purposeText(valid, purpose.id, locale, messages)),
    resolveMessage(valid, locale, messages, 'link.newTab'),
  );
  if (!signUpTerms) throw new LockConfigError('terms_dead_end', 'languageDictionary.signUpTerms', 'the policy gives no terms text, so Lock would draw no box and keep Sign Up disabled');

  const consentFields: LockSignUpField[] = [
    ...choices.map(({ purpose, name }) => ({
      type: 'checkbox' as const,
      name,
      placeholder: plainText(purposeText(valid, purpose, locale, messages)),
      prefill: 'false' as const,
      validator: acceptsEitherAnswer,
    })),
    ...Object.entries(hidden).map(([name, value]) => ({ type: 'hidden' as const, name, value })),
  ];
  return {
    ...lockOptions,
    mustAcceptTerms: true,
    language: lockOptions.language ?? lockLanguage(locale),
    languageDictionary: { ...dictionary, signUpTerms },
    additionalSignUpFields: [...appFields, ...consentFields],
  };
}
