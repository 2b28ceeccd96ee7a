import { decodeSignupFields, encodeSignupFields, universalLoginFieldNames, UNIVERSAL_LOGIN_PREFIX, AssentError, type ConsentDecision, type ConsentPolicy } from '@assent/core';
import { AculConsentError } from './errors.js';

/** The three signup screens of Universal Login that ACUL can replace. */
export type AculSignupScreen = 'signup' | 'signup-id' | 'signup-password';

const SCREENS: readonly AculSignupScreen[] = ['signup', 'signup-id', 'signup-password'];

/** Anything that carries a decision: `<assent-terms>` itself, or its `assent-change` event's detail. */
export interface DecisionSource {
  readonly decision: ConsentDecision | null;
}

/** The part of the Web Storage API the adapter uses (sessionStorage by default). */
export type AculConsentStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of `aculSignupFields`. */
export interface AculSignupFieldOptions {
  /** The screen the fields are for (`screenManager.screen.name`). */
  readonly screen: AculSignupScreen;
  /**
   * The login transaction, `screenManager.transaction.state`. Required on `signup-id` and
   * `signup-password`: the decision given on `signup-id` is kept for this transaction only.
   */
  readonly state?: string;
  /** When given, the decision must be for this policy and version and hold all its required purposes. */
  readonly policy?: ConsentPolicy;
  /** Field prefix; must start with `ulp-` (Auth0 forwards no other field). Default `ulp-consent_`, what the pre-user-registration Action reads. */
  readonly prefix?: string;
  /** Where `signup-id`'s decision waits for `signup-password`; `sessionStorage` by default (one tab, gone when it closes). */
  readonly storage?: AculConsentStorage;
}

const storageKey = (state: string) => `assent:acul:${state}`;

function defaultStorage(): AculConsentStorage {
  if (typeof sessionStorage === 'undefined') throw new AculConsentError('invalid_option', 'no sessionStorage here: pass `storage`', 'storage');
  return sessionStorage;
}

function decisionOf(source: DecisionSource | ConsentDecision | null | undefined): ConsentDecision | null {
  if (!source) return null;
  return 'decision' in source ? source.decision : source;
}

function checkAgainst(decision: ConsentDecision, policy: ConsentPolicy): void {
  if (decision.policy !== policy.id || decision.version !== policy.version) {
    throw new AculConsentError('policy_mismatch', `the decision is for ${decision.policy}@${decision.version}, the screen shows ${policy.id}@${policy.version}`, 'policy');
  }
  const missing = policy.purposes.filter((purpose) => purpose.required && !decision.purposes.includes(purpose.id)).map((purpose) => purpose.id);
  if (missing.length) throw new AculConsentError('consent_required', `the required purposes ${missing.join(', ')} are not accepted`);
}

/** The fields kept from `signup-id`, if they are still a readable decision under this prefix. */
function recall(storage: AculConsentStorage, state: string, prefix: string): Record<string, string> | null {
  const text = storage.getItem(storageKey(state));
  if (text === null) return null;
  try {
    const fields = JSON.parse(text) as Record<string, string>;
    decodeSignupFields(fields, { prefix });
    return Object.fromEntries(
      Object.keys(fields)
        .filter((name) => name.startsWith(prefix))
        .map((name) => [name, fields[name] ?? '']),
    );
  } catch {
    // Something else wrote under our key, or another prefix: not a decision this user gave here.
    storage.removeItem(storageKey(state));
    return null;
  }
}

/**
 * The `ulp-` fields to spread into the ACUL SDK's `signup()` on one of the three signup screens:
 * core's signup wire format under the `ulp-consent_` prefix (`…policy`, `…purposes`, `…at`,
 * `…locale`, `…hash`), exactly what the pre-user-registration Action of `@assent/server` reads from
 * `event.request.body` and verifies. Throws rather than returning fields without consent, so a
 * screen that calls it before `signup()` cannot submit while the required purposes are unticked.
 *
 * - `signup`: the decision of the `<assent-terms>` on the screen.
 * - `signup-id`: the same, and it is kept (sessionStorage, keyed by the transaction `state`) because
 *   the SDK carries nothing from one screen to the next.
 * - `signup-password`: the decision of an `<assent-terms>` on this screen if it has one, else the one
 *   kept from `signup-id` for this transaction. Posting it again with the password means the final
 *   post holds the consent whether or not the tenant keeps `signup-id`'s fields.
 *
 * @param source `<assent-terms>` (its `decision`), an `assent-change` detail, a decision, or null
 *   (`signup-password` without a box of its own).
 * @throws {AculConsentError} `consent_required`, `consent_not_carried`, `policy_mismatch`, `invalid_option`.
 * @example
 * const terms = document.querySelector('assent-terms')!;
 * const signup = new Signup();
 * form.addEventListener('submit', (event) => {
 *   event.preventDefault();
 *   signup.signup({ email, password, ...aculSignupFields(terms, { screen: 'signup' }) });
 * });
 */
export function aculSignupFields(source: DecisionSource | ConsentDecision | null | undefined, options: AculSignupFieldOptions): Record<string, string> {
  const { screen, state, policy, prefix = UNIVERSAL_LOGIN_PREFIX } = options;
  if (!SCREENS.includes(screen)) throw new AculConsentError('invalid_option', `"${String(screen)}" is not one of ${SCREENS.join(', ')}`, 'screen');
  try {
    universalLoginFieldNames({ prefix });
  } catch (error) {
    if (error instanceof AssentError) throw new AculConsentError('invalid_option', error.message, 'prefix');
    throw error;
  }
  if (screen !== 'signup' && !state) throw new AculConsentError('invalid_option', `the ${screen} screen needs the transaction state (screenManager.transaction.state)`, 'state');
  const storage = screen === 'signup' ? null : (options.storage ?? defaultStorage());
  const decision = decisionOf(source);
  if (!decision) {
    const kept = screen === 'signup-password' && storage && state ? recall(storage, state, prefix) : null;
    if (kept) return kept;
    if (screen === 'signup-password' && !source) throw new AculConsentError('consent_not_carried', 'no consent was given on signup-id for this transaction');
    throw new AculConsentError('consent_required', 'the required purposes are not ticked yet');
  }
  if (policy) checkAgainst(decision, policy);
  const fields = encodeSignupFields(decision, { prefix });
  if (screen === 'signup-id' && storage && state) storage.setItem(storageKey(state), JSON.stringify(fields));
  return fields;
}

/** Forgets the decision kept for a transaction (a user who goes back and withdraws it on `signup-id`). */
export function forgetAculConsent(state: string, storage: AculConsentStorage = defaultStorage()): void {
  storage.removeItem(storageKey(state));
}
