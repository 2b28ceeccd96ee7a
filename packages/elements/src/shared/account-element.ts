import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import { AssentError, en, format, isRtl, loadMessages, resolveLocale, resolveMessage, type ConsentClient, type ConsentState, type Messages } from '@assent/core';
import { accountEn, loadAccountMessages } from './account-messages.js';
import { languages, messageCache } from './locale.js';
import { RenderingElement } from './rendering-element.js';

/** English: core's texts (purpose sentences, document titles) and the account elements' own. */
const english: Messages = { ...en, ...accountEn };

// Built-in texts by locale, shared by every account element (core's and their own, in one object).
const messagesFor = messageCache<Messages>(
  english,
  async (locale) => {
    const [core, account] = await Promise.all([loadMessages(locale), loadAccountMessages(locale)]);
    return { ...core, ...account };
  },
  'Assent account elements:',
);

// Elements sharing one client share its read: a page with the status, the button and the re-consent
// dialog reads the user once, and every element hears the result through `subscribe`.
const reads = new WeakMap<ConsentClient, Promise<ConsentState>>();

function readOnce(client: ConsentClient): Promise<ConsentState> {
  let read = reads.get(client);
  if (!read) {
    read = client.getConsent().finally(() => reads.delete(client));
    reads.set(client, read);
  }
  return read;
}

/**
 * Base of the elements of a signed-in user's account page (`<assent-consent-status>`,
 * `<assent-withdraw-button>`, `<assent-reconsent>`): the consent client, the consent state it reads
 * and keeps current (every element on a client hears every change through `client.subscribe`), and
 * the texts in the language of the element (its `lang`, else the closest `[lang]` ancestor, which
 * `RenderingElement` follows as every Assent element does).
 */
export abstract class AccountElement extends RenderingElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    current: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
  };

  /** The signed-in user's consent client, from `createConsentClient`. The element reads the state through it. */
  declare client: ConsentClient | null;

  /** The latest state heard from the client; null until the first read. */
  declare protected current: ConsentState | null;

  /** Why the last read failed; null when it did not. */
  declare protected loadError: unknown;

  /** Language of the texts and whether they are ready (another language loads on demand). */
  protected locale = 'en';
  /** Undefined until the first language has loaded. */
  protected messages: Messages | undefined = undefined;

  #unsubscribe: (() => void) | undefined;
  #subscribed: ConsentClient | null = null;

  constructor() {
    super();
    this.client = null;
    this.current = null;
    this.loadError = null;
  }

  /** The consent state the element shows: the client's latest, or null before the first read. */
  get state(): ConsentState | null {
    return this.current;
  }

  /** Reads the state again through the client (what "Try again" does after a failed read). */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loadError = null;
    try {
      this.current = await readOnce(client);
    } catch (error) {
      if (client !== this.client) return;
      console.error(`<${this.localName}>: the consent state could not be read.`, error);
      this.loadError = error;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow(this.client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(null);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.isConnected) this.#follow(this.client);
    let locale = resolveLocale(...languages(this));
    let messages = messagesFor(locale, () => this.requestUpdate());
    if (messages === null) [locale, messages] = ['en', english];
    // While another language loads, the texts shown so far stay (no flash of a loading state).
    if (messages === undefined && this.messages) return;
    this.locale = locale;
    this.messages = messages;
  }

  /** `lang` and `dir` of the element's texts. */
  protected get textDirection(): 'rtl' | 'ltr' {
    return isRtl(this.locale) ? 'rtl' : 'ltr';
  }

  /** The built-in texts of the element's language (English while another language loads). */
  protected get builtInTexts(): Messages {
    return this.messages ?? english;
  }

  /** The text of `key` in the element's language (the policy's own texts first), with `{name}` placeholders filled. */
  protected t(key: string, params: Readonly<Record<string, string>> = {}): string {
    const builtIn = this.builtInTexts;
    const text = this.client ? resolveMessage(this.client.policy, this.locale, builtIn, key) : (builtIn[key] ?? key);
    return format(text, params);
  }

  /** The short name of a purpose (`label.<id>`), or its id when neither the policy nor the built-in texts name it. */
  protected purposeLabel(id: string): string {
    const label = this.t(`label.${id}`);
    return label === `label.${id}` ? id : label;
  }

  /** Dates as the user reads them in the element's language. */
  protected formatDate(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  /** A list of items as one phrase in the element's language ("A, B and C"). */
  protected formatList(items: readonly string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }

  /**
   * What to tell the user about a failed request, by its `code` (ManagementError of the client,
   * ConsentServerError of the server): no connection, an expired session, or anything else.
   * The details go to the console, never on screen.
   */
  protected errorText(error: unknown): string {
    const code = error instanceof AssentError ? error.code : '';
    if (code === 'network' || code === 'timeout') return this.t('account.errorNetwork');
    if (code === 'unauthorized') return this.t('account.errorSession');
    return this.t('account.errorGeneric');
  }

  /**
   * The error box of a dialog after a failed write: what went wrong (see `errorText`), and that
   * the event is kept on this device when it is (`kept`).
   */
  protected failureNotice(failure: unknown, kept: boolean): TemplateResult {
    return html`<div part="error" class="error" role="alert"><p>${this.errorText(failure)}</p>${kept ? html`<p>${this.t('account.pending')}</p>` : nothing}</div>`;
  }

  /** Called whenever the client reports a new state (after reads, writes and background retries). */
  protected stateChanged(_state: ConsentState): void {}

  #follow(client: ConsentClient | null): void {
    if (client === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = client;
    this.current = null;
    this.loadError = null;
    if (!client) return;
    this.#unsubscribe = client.subscribe((state) => {
      this.current = state;
      this.loadError = null;
      this.stateChanged(state);
    });
    void this.reload();
  }
}
