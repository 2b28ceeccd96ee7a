import { parsePolicy, resolveLocale, type ConsentDecision, type ConsentPolicy } from '@assent/core';
import type { AssentLockErrorDetail } from '../events.js';
import type { LockConstructor } from '../lock-types.js';
import { mountLock, type LockHandle } from '../mount-lock.js';
import type { AssentLockOptions } from './options.js';

/**
 * Auth0 Lock with GDPR-grade consent from one consent policy: `mountLock` as an element. Lock
 * renders inside the element, in light DOM (it cannot live in a shadow root), and is loaded only
 * when the element is connected with a client id, a domain and a policy: a page that defines the
 * element but never shows it does not download Lock. Removing the element tears Lock down.
 *
 * @summary Auth0 Lock with the consent of a policy, loaded lazily.
 *
 * @attr client-id - The Auth0 application's client id.
 * @attr domain - The tenant's domain, or a full `http(s)://host:port` URL for a local emulator.
 * @attr policy-src - URL of the policy JSON, fetched and validated with `parsePolicy`. The `policy` property wins.
 * @attr lang - Language of the texts. Without it the closest `[lang]` ancestor decides, then English.
 *
 * @fires {CustomEvent<AssentLockSignupSuccessDetail>} assent-lock-signup-success - A user signed up; `detail.decision` is what they decided.
 * @fires {CustomEvent<AssentLockSignupErrorDetail>} assent-lock-signup-error - Auth0 refused the signup; nothing was stored.
 * @fires {CustomEvent<AssentLockAuthenticatedDetail>} assent-lock-authenticated - A login completed in this Lock.
 * @fires {CustomEvent<AssentLockErrorDetail>} assent-lock-error - The policy, the options or Lock could not be used, or Lock reported an unrecoverable or authorization error.
 */
export class AssentLock extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['client-id', 'domain', 'policy-src', 'lang'];
  }

  #policy: ConsentPolicy | null = null;
  #fetched: ConsentPolicy | null = null;
  #fetchedFrom: string | null = null;
  #options: AssentLockOptions = {};
  #loadLock: (() => Promise<LockConstructor>) | undefined;
  #handle: LockHandle | null = null;
  #runs = 0;
  #scheduled = false;

  /** The consent policy (validated when Lock is mounted). Wins over `policy-src`. */
  get policy(): ConsentPolicy | null {
    return this.#policy;
  }

  set policy(value: ConsentPolicy | null) {
    this.#policy = value;
    this.#schedule();
  }

  /**
   * The app's own Lock options (auth0-lock's `Auth0LockConstructorOptions`), merged with the
   * consent (never mutated). `container` is set by the element.
   */
  get options(): AssentLockOptions {
    return this.#options;
  }

  set options(value: AssentLockOptions) {
    this.#options = value ?? {};
    this.#schedule();
  }

  /** How to get the `Auth0Lock` class; default: a lazy `import('auth0-lock')`. */
  get loadLock(): (() => Promise<LockConstructor>) | undefined {
    return this.#loadLock;
  }

  set loadLock(value: (() => Promise<LockConstructor>) | undefined) {
    this.#loadLock = value;
    this.#schedule();
  }

  /** The Auth0 application's client id (`client-id`). */
  get clientId(): string | null {
    return this.getAttribute('client-id');
  }

  set clientId(value: string | null) {
    if (value === null || value === undefined) this.removeAttribute('client-id');
    else this.setAttribute('client-id', value);
  }

  /** The tenant's domain (`domain`). */
  get domain(): string | null {
    return this.getAttribute('domain');
  }

  set domain(value: string | null) {
    if (value === null || value === undefined) this.removeAttribute('domain');
    else this.setAttribute('domain', value);
  }

  /** URL of the policy JSON (`policy-src`). */
  get policySrc(): string | null {
    return this.getAttribute('policy-src');
  }

  set policySrc(value: string | null) {
    if (value === null || value === undefined) this.removeAttribute('policy-src');
    else this.setAttribute('policy-src', value);
  }

  /** The running Lock (instance, its element, the last decision), once mounted. */
  get handle(): LockHandle | null {
    return this.#handle;
  }

  /** The decision of the last signup in this Lock, or null. */
  get decision(): ConsentDecision | null {
    return this.#handle?.decision ?? null;
  }

  connectedCallback(): void {
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#schedule();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'policy-src') this.#fetched = null;
    this.#schedule();
  }

  /** Several changes in one task mount Lock once. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      void this.#remount();
    });
  }

  async #remount(): Promise<void> {
    const run = ++this.#runs;
    this.#handle?.destroy();
    this.#handle = null;
    const { clientId, domain } = this;
    if (!this.isConnected || !clientId || !domain) return;
    try {
      const policy = this.#policy ?? (await this.#load());
      if (!policy || run !== this.#runs) return;
      const lang = resolveLocale(this.closest('[lang]')?.getAttribute('lang'));
      const handle = await mountLock(this, { clientId, domain, policy, options: this.#options, lang, loadLock: this.#loadLock });
      if (run !== this.#runs) return handle.destroy();
      this.#handle = handle;
    } catch (error) {
      if (run !== this.#runs) return;
      console.error('<assent-lock>: Lock could not be shown.', error);
      this.dispatchEvent(new CustomEvent<AssentLockErrorDetail>('assent-lock-error', { bubbles: true, composed: true, detail: { error } }));
    }
  }

  async #load(): Promise<ConsentPolicy | null> {
    const src = this.policySrc;
    if (!src) return null;
    if (this.#fetched && this.#fetchedFrom === src) return this.#fetched;
    const response = await fetch(src);
    if (!response.ok) throw new Error(`policy-src: HTTP ${response.status} for ${src}`);
    const policy = parsePolicy(await response.json());
    [this.#fetched, this.#fetchedFrom] = [policy, src];
    return policy;
  }
}
