import { decodeSignupFields, type ConsentDecision, type ConsentPolicy, type Messages } from '@assent/core';
import { LockConfigError } from './errors.js';
import type { AssentLockAuthenticatedDetail, AssentLockErrorDetail, AssentLockSignupErrorDetail, AssentLockSignupSuccessDetail } from './events.js';
import { loadAuth0Lock } from './load-lock.js';
import type { LockConstructor, LockInstance, LockOptions, LockSignUpField } from './lock-types.js';
import { acceptsEitherAnswer, withConsent } from './with-consent.js';

/** What `mountLock` needs; `O` is the type of your own Lock options (any of Lock's). */
export interface MountLockOptions<O extends object = object> {
  /** The application's client id. */
  readonly clientId: string;
  /** The tenant's domain (`acme.eu.auth0.com`), or a full `http(s)://host:port` URL for a local emulator. */
  readonly domain: string;
  /** The consent policy (validated here with `parsePolicy`). */
  readonly policy: ConsentPolicy | unknown;
  /** The app's own Lock options; merged by `withConsent`, never mutated. Leave `container` out: mountLock sets it. */
  readonly options?: (O & LockOptions) | undefined;
  /** Language of the consent texts; see `withConsent`. */
  readonly lang?: string | undefined;
  /** Built-in texts of that language, when already loaded. */
  readonly messages?: Messages | undefined;
  /** Prefix of the consent fields (`consent_`). */
  readonly prefix?: string | undefined;
  /** How to get the `Auth0Lock` class; default: a lazy `import('auth0-lock')`. */
  readonly loadLock?: (() => Promise<LockConstructor>) | undefined;
}

/** A Lock mounted by `mountLock`. */
export interface LockHandle {
  /** The Lock instance (for `on`, `show`, `logout`...). */
  readonly lock: LockInstance;
  /** The element Lock renders into, created inside the container. */
  readonly element: HTMLElement;
  /** The decision of the last signup submitted in this Lock, or null. */
  readonly decision: ConsentDecision | null;
  /** Hides and removes Lock, its DOM and, when no other Lock is left on the page, its global style. Idempotent. */
  destroy(): void;
}

let mounted = 0;

/**
 * Lock draws its terms text in rgba(0,0,0,.54) on #eee, below WCAG's 4.5:1: the consent sentence
 * gets Lock's darker link colour instead, and its links an underline, so they still stand out
 * without colour. A constructed style sheet, so no inline style is needed (CSP-safe), scoped to
 * the Locks mounted here.
 */
let contrast: CSSStyleSheet | undefined;
function addContrastFix(doc: Document): void {
  contrast ??= new CSSStyleSheet();
  contrast.replaceSync(
    '[data-assent-lock] .auth0-lock-terms .auth0-lock-sign-up-terms-agreement { color: rgba(0, 0, 0, 0.87); }' +
      '[data-assent-lock] .auth0-lock-terms .auth0-lock-sign-up-terms-agreement a { text-decoration: underline; }',
  );
  if (!doc.adoptedStyleSheets.includes(contrast)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, contrast];
}
function removeContrastFix(doc: Document): void {
  if (doc.querySelector('[data-assent-lock]')) return;
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== contrast);
}

/** Lock's undocumented teardown (14.x): stop rendering and forget the instance. */
interface DestroyableLock extends LockInstance {
  destroy?: () => void;
}

function fire<T>(target: Element, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { bubbles: true, composed: true, detail }));
}

/**
 * Mounts Auth0 Lock inline in `container` (light DOM: Lock cannot render in a shadow root) with
 * the consent of `policy`: loads auth0-lock lazily, applies `withConsent`, shows the sign-up
 * screen and re-emits Lock's events on `container` as bubbling, composed DOM events:
 *
 * - `assent-lock-signup-success` `{ decision, result }`: the user exists, with the consent fields in `user_metadata`;
 * - `assent-lock-signup-error` `{ decision, error }`: Auth0 refused the signup (nothing was stored);
 * - `assent-lock-authenticated` `{ decision, authResult }`: the login (after signup, or any login) completed here;
 * - `assent-lock-error` `{ error }`: Lock's `unrecoverable_error` or `authorization_error`.
 *
 * The decision is read back with core's `decodeSignupFields` from exactly the fields Lock sent.
 *
 * @throws {LockConfigError} `not_in_light_dom`, `option_conflict` (`options.container`),
 *   `lock_unavailable`, and everything `withConsent` throws.
 * @example
 * const root = document.querySelector('#signup')!;
 * root.addEventListener('assent-lock-signup-success', (e) => console.log(e.detail.decision));
 * const handle = await mountLock(root, { clientId, domain, policy, lang: 'de', options: { theme: { primaryColor: '#0a6' } } });
 */
export async function mountLock<O extends object = object>(
  container: Element,
  { clientId, domain, policy, options, lang, messages, prefix = 'consent_', loadLock = loadAuth0Lock }: MountLockOptions<O>,
): Promise<LockHandle> {
  if (!container.isConnected || container.getRootNode() !== container.ownerDocument) {
    throw new LockConfigError('not_in_light_dom', 'container', 'must be connected to the document, outside any shadow root: Lock finds its container with document.getElementById');
  }
  if (options?.container !== undefined) throw new LockConfigError('option_conflict', 'container', 'is set by mountLock');
  // Refused options must not cost the download of Lock: check them first.
  const merged = await withConsent<object>(options ?? {}, policy, { lang, messages, prefix });
  const Auth0Lock = await loadLock();

  // Lock reports the checkbox answers only to their validators: remember the latest ones.
  const answers: Record<string, string> = {};
  const hidden: Record<string, string> = {};
  const fields = merged.additionalSignUpFields.map((field: LockSignUpField): LockSignUpField => {
    if (field.type === 'hidden' && field.name.startsWith(prefix) && field.value) hidden[field.name] = field.value;
    if (field.type !== 'checkbox' || !field.name.startsWith(`${prefix}p_`)) return field;
    const validator = field.validator ?? acceptsEitherAnswer;
    answers[field.name] = 'false';
    return { ...field, validator: (value: string) => ((answers[field.name] = value), validator(value)) };
  });

  const element = container.ownerDocument.createElement('div');
  element.id = `assent-lock-${++mounted}-${Math.random().toString(36).slice(2, 8)}`;
  element.dataset.assentLock = '';
  container.append(element);
  addContrastFix(container.ownerDocument);
  const lock: DestroyableLock = new Auth0Lock(clientId, domain, { ...merged, additionalSignUpFields: fields, container: element.id });

  let decision: ConsentDecision | null = null;
  let submitted: ConsentDecision | null = null;
  let destroyed = false;
  const read = (): ConsentDecision | null => {
    try {
      return decodeSignupFields({ ...hidden, ...answers }, { prefix });
    } catch {
      return null;
    }
  };
  const on = <A extends unknown[]>(event: string, handle: (...args: A) => void): void => {
    lock.on(event, ((...args: A) => {
      if (!destroyed) handle(...args);
    }) as unknown as (...args: never[]) => void);
  };
  // Lock emits `signup submit` on a timer after it has read the fields, so no input can come between.
  on('signup submit', () => (submitted = read()));
  on('signup success', (result: unknown) => {
    decision = submitted ?? read();
    if (decision) fire<AssentLockSignupSuccessDetail>(container, 'assent-lock-signup-success', { decision, result });
  });
  on('signup error', (error: unknown) => fire<AssentLockSignupErrorDetail>(container, 'assent-lock-signup-error', { decision: submitted, error }));
  on('authenticated', (authResult: unknown) => fire<AssentLockAuthenticatedDetail>(container, 'assent-lock-authenticated', { decision, authResult }));
  on('unrecoverable_error', (error: unknown) => fire<AssentLockErrorDetail>(container, 'assent-lock-error', { error }));
  on('authorization_error', (error: unknown) => fire<AssentLockErrorDetail>(container, 'assent-lock-error', { error }));

  const labels = labelOptionalBoxes(element, new Set(Object.keys(answers)));
  lock.show();

  return {
    lock,
    element,
    get decision() {
      return decision;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      labels.disconnect();
      lock.hide();
      lock.destroy?.();
      element.remove();
      // Lock injects one global <style id="auth0-lock-style">; keep it while any Lock is on the page.
      const doc = container.ownerDocument;
      if (!doc.querySelector('.auth0-lock')) doc.getElementById('auth0-lock-style')?.remove();
      removeContrastFix(doc);
    },
  };
}

/**
 * Lock gives each extra checkbox `aria-label={name}` (the documented `ariaLabel` option is
 * dropped), which would make screen readers read "consent_p_marketing" instead of the sentence in
 * its `<label>`. Removing the attribute lets the label name the box. React leaves it removed: the
 * prop does not change between renders, and new renders of the screen are watched here.
 */
function labelOptionalBoxes(root: HTMLElement, names: ReadonlySet<string>): MutationObserver {
  const fix = (): void => {
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][aria-label]')) {
      if (names.has(input.name) && input.getAttribute('aria-label') === input.name) input.removeAttribute('aria-label');
    }
  };
  const observer = new MutationObserver(fix);
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
