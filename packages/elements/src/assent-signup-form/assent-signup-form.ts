import type { PropertyValues } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import { format, isRtl, resolveLocale, type AssentClient, type ConsentPolicy, type PasswordPolicyLevel } from '@assent/core';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import { styles } from './assent-signup-form.styles.js';
import { extraControls, type ExtraControl } from './extra-fields.js';
import { formUiMessagesEn, loadFormTranslation, type FormUiMessages } from './ui-messages.js';
import { PasswordField } from './password-field.js';
import type { Problem } from './problems.js';
import { RetryCountdown } from './retry-countdown.js';
import type { SignupSetup } from './setup.js';
import type { Submission } from './submit.js';
import { errorSummary, textField } from './templates.js';
import { languages, messageCache } from '../shared/locale.js';
import { policySource } from '../shared/policy-source.js';
import { RenderingElement } from '../shared/rendering-element.js';

import type { AssentSignupFormEventMap } from './events.js';

export type { AssentSignupErrorDetail, AssentSignupFormEventMap, AssentSignupSuccessDetail } from './events.js';

const CONFIGURATION = ['domain', 'clientId', 'connection', 'policy', 'client', 'metadata', 'passwordPolicy', 'passwordMinLength'];

// Texts by locale, shared by every instance; the texts only a submit needs come with the signup code.
const LOG = '<assent-signup-form>:';
const messagesFor = messageCache<FormUiMessages>(formUiMessagesEn, async (locale) => (await loadFormTranslation(locale)) ?? formUiMessagesEn, LOG);

/** Adopts the form's stylesheet into the document (or shadow root) `node` is in, once. */
function adoptStyles(node: Node): void {
  const root = node.getRootNode() as Partial<DocumentOrShadowRoot>;
  const sheet = styles.styleSheet;
  if (!sheet || !root.adoptedStyleSheets || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

type SignupRuntime = typeof import('./signup-runtime.js');

// The signup code (set-up, client, error classes and messages, submit-time code), shared by every instance:
// loaded with `import()` when the first form is configured, so the page's first download does without it.
let runtime: SignupRuntime | undefined;
let runtimeLoad: Promise<SignupRuntime> | undefined;

function loadRuntime(): Promise<SignupRuntime> {
  runtimeLoad ??= import('./signup-runtime.js').then(
    (loadedRuntime) => (runtime = loadedRuntime),
    (error: unknown) => {
      runtimeLoad = undefined; // a later configuration tries again
      throw error;
    },
  );
  return runtimeLoad;
}

let instances = 0;

/**
 * A complete signup form for an Auth0 database connection: email, password (show/hide toggle and
 * the connection's rules as a live checklist), optional name or username fields, the app's own
 * extra controls, and `<assent-terms>`. Submitting it creates the user with the consent decision in
 * ONE request to POST /dbconnections/signup (core's `createAssent`). That signup code loads in a
 * chunk of its own (`import()`) once the form is configured: a code download, not a request to
 * Auth0; until it arrives the form cannot be sent.
 *
 * The form renders into the element itself (light DOM, no shadow root): password managers and
 * autofill only see inputs in the document tree, so the inputs have real `<label for>`s and the
 * autocomplete tokens `email`, `new-password`, `given-name`, `family-name` and `username`. Its
 * stylesheet is adopted by the document as a constructable stylesheet (CSP-safe, in the `assent`
 * cascade layer, so page rules win); the `assent-*` classes are the styling hooks.
 *
 * Children: native controls (`<input name>`, `<select name>`, `<textarea name>`, with their labels)
 * are moved into the form; their values go into `user_metadata` (checkboxes as `"true"`/`"false"`),
 * or to the root profile for the names Auth0 keeps there (`nickname`, `picture`...). Together with
 * the `metadata` property and the consent fields they must fit Auth0's limits: the element checks
 * that as soon as it is configured and otherwise shows a configuration error and sends nothing.
 *
 * After a failed signup everything typed is kept, so a retry needs no retyping (and a generated
 * password is not lost), except the password when Auth0 reports it breached (`password_leaked`):
 * that one must not be used again.
 *
 * @summary Custom signup form that records GDPR consent in the Auth0 signup request.
 *
 * @attr lang - Language of the texts; without it the closest `[lang]` ancestor decides, then English. Other languages than English load on demand.
 *
 * @slot - Native controls of the app's own fields (with their labels): moved into the form, their values sent in `user_metadata`.
 * @slot success - Shown instead of the built-in message once the account exists (children with `slot="success"`).
 *
 * @fires {CustomEvent<AssentSignupSuccessDetail>} assent-signup-success - The user was created: `{ userId, email, decision }`.
 * @fires {CustomEvent<AssentSignupErrorDetail>} assent-signup-error - A submitted signup failed: `{ error }` (a `SignupError` or `SignupInputError`).
 *
 * @cssprop --assent-signup-form-gap - Space between fields (falls back to `--assent-spacing`, 1rem).
 * @cssprop --assent-signup-form-max-inline-size - Width of the form (28rem).
 * @cssprop --assent-signup-form-input-background - Background of the inputs.
 * @cssprop --assent-signup-form-input-border - Border colour of the inputs and of the show-password button.
 * @cssprop --assent-signup-form-button-background - Background of the submit button (falls back to `--assent-accent`).
 * @cssprop --assent-signup-form-button-color - Text colour of the submit button.
 * @cssprop --assent-signup-form-error-color - Colour of errors (falls back to `--assent-error-color`).
 * @cssprop --assent-signup-form-success-color - Colour of met password rules and of the success message.
 */
// Merged with the interface at the end of this file, which only adds typed event listeners.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AssentSignupForm extends RenderingElement {
  static override properties = {
    domain: {},
    clientId: { attribute: 'client-id' },
    connection: {},
    policySrc: { attribute: 'policy-src' },
    policy: { attribute: false },
    client: { attribute: false },
    metadata: { attribute: false },
    passwordPolicy: { attribute: 'password-policy' },
    passwordMinLength: { attribute: 'password-min-length', type: Number },
    askName: { attribute: 'ask-name', type: Boolean },
    askUsername: { attribute: 'ask-username', type: Boolean },
  };

  /** The Auth0 tenant: a host (`acme.eu.auth0.com`) or a base URL (`http://127.0.0.1:4400` for the emulator). */
  declare domain: string | null;

  /** The application's client id. */
  declare clientId: string | null;

  /** The database connection users sign up to, e.g. `Username-Password-Authentication`. */
  declare connection: string | null;

  /** URL of the consent policy JSON (checked with core's `validatePolicy`); the form cannot be sent until it has loaded. */
  declare policySrc: string | null;

  /** The consent policy, already validated. Wins over `policy-src`. */
  declare policy: ConsentPolicy | null;

  /** A signup client made with `createAssent` (e.g. with the auth0-js transport). Wins over `domain`, `client-id`, `connection` and the policy. */
  declare client: AssentClient | null;

  /** Fixed `user_metadata` fields sent with every signup (strings), e.g. `{ source: 'landing' }`. */
  declare metadata: Readonly<Record<string, string>> | null;

  /** The connection's password policy (`none`, `low`, `fair`, `good`, `excellent`): shows its rules as a live checklist and blocks a password that misses one. */
  declare passwordPolicy: PasswordPolicyLevel | null;

  /** The connection's minimum password length, when it overrides the policy's. */
  declare passwordMinLength: number | null;

  /** Ask for the first and last name (optional fields, sent as `given_name` and `family_name`). */
  declare askName: boolean;

  /** Ask for a username (required: for connections that require one). */
  declare askUsername: boolean;

  readonly #id = `assent-signup-${++instances}`;
  #ui: readonly [string, FormUiMessages] = ['en', formUiMessagesEn];
  #setup: SignupSetup | null = null;
  #active: AssentClient | null = null;
  #configError: Error | null = null;
  #configDirty = true;
  #runtimeError: Error | null = null;
  // A policy loaded (or failed) means a new client (or a configuration error).
  readonly #source = policySource({ requestUpdate: () => ((this.#configDirty = true), this.requestUpdate()) }, LOG);
  readonly #submission: Submission = { busy: false, problems: [], result: null };
  readonly #countdown = new RetryCountdown(this, () => this.#ui);
  readonly #password = new PasswordField(
    this,
    () => this.#input('password'),
    () => this.#ui[1]['signup.passwordWeak'],
  );
  #observer = new MutationObserver((records) => this.#onMutation(records));

  constructor() {
    super();
    this.domain = null;
    this.clientId = null;
    this.connection = null;
    this.policySrc = null;
    this.policy = null;
    this.client = null;
    this.metadata = null;
    this.passwordPolicy = null;
    this.passwordMinLength = null;
    this.askName = false;
    this.askUsername = false;
  }

  /** Why the form cannot be used as configured (an `AssentConfigError` or `SignupInputError` naming the option or field), or null. */
  get configError(): Error | null {
    return this.#configError;
  }

  /** Also waits for the signup code the form loads when it is configured, so `configError` is settled once this resolves. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (runtime || !runtimeLoad) return done;
    await runtimeLoad.catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** Light DOM: the inputs must be in the document tree for password managers and autofill. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    adoptStyles(this);
    super.connectedCallback();
    this.#observer.observe(this, { childList: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policySrc')) void this.#source.load(this.policySrc);
    const locale = resolveLocale(...languages(this));
    const messages = messagesFor(locale, () => this.requestUpdate());
    // While a language loads the previous texts stay; a language that failed shows English.
    if (messages !== undefined) this.#ui = [locale, messages ?? formUiMessagesEn];
    if (CONFIGURATION.some((name) => changed.has(name as keyof AssentSignupForm))) this.#configDirty = true;
    if (this.#configDirty) this.#configure();
  }

  protected override firstUpdated(): void {
    this.#claimChildren();
  }

  override render(): TemplateResult {
    const [locale, m] = this.#ui;
    const id = this.#id;
    const policy = this.client?.policy ?? this.policy ?? this.#source.policy ?? null;
    const { busy, result } = this.#submission;
    const countdown = this.#countdown;
    const waiting = countdown.waiting;
    return html`<div id=${id} class="assent-signup" lang=${locale} dir=${isRtl(locale) ? 'rtl' : 'ltr'}>
      <form class="assent-form" novalidate aria-busy=${String(busy)} ?hidden=${!!result} @submit=${this.#onSubmit} @input=${this.#onInput} @assent-change=${this.#onInput}>
        ${this.#configError ? html`<p id="${id}-config" class="assent-config" role="alert" tabindex="-1">${m['signup.config']}</p>` : nothing}
        ${errorSummary(`${id}-summary`, this.#submission.problems, m, (field) => this.#control(field))}
        ${
          this.askName
            ? html`${this.#field('given_name', m['signup.givenName'], 'text', 'given-name', false)}${this.#field('family_name', m['signup.familyName'], 'text', 'family-name', false)}`
            : nothing
        }
        ${this.askUsername ? this.#field('username', m['signup.username'], 'text', 'username', true) : nothing}
        ${this.#field('email', m['signup.email'], 'email', 'email', true)}
        ${this.#password.render(`${id}-password`, m, this.#problemFor('password'))}
        <div id="${id}-extra" class="assent-extra"></div>
        ${
          this.#source.policy === null
            ? nothing
            : // Its own lang: <assent-terms> re-renders when that changes, not when an ancestor's does.
              html`<assent-terms id="${id}-terms" lang=${locale} .policy=${policy}></assent-terms>`
        }
        <button type="submit" class="assent-submit" aria-disabled=${String(busy || waiting || !runtime)}>${m['signup.submit']}</button>
        <p class="assent-status" role="status">${busy ? m['signup.sending'] : ''}</p>
        <p class="assent-retry" role="status" ?hidden=${!countdown.announcement}>
          <span aria-hidden="true">${waiting ? countdown.text() : countdown.announcement}</span>
          <span class="assent-vh">${countdown.announcement}</span>
        </p>
      </form>
      <div id="${id}-success" class="assent-success" role="status" tabindex="-1" ?hidden=${!result}>
        ${result && !this.#successSlot()?.childElementCount ? html`<p>${result.name ? `${format(m['signup.welcome'], { name: result.name })} ` : ''}${m['signup.success']}</p>` : nothing}
        <div id="${id}-success-slot"></div>
      </div>
    </div>`;
  }

  /** One of the form's own text inputs, by `textField`. */
  #field(name: string, label: string, type: string, autocomplete: string, required: boolean): TemplateResult {
    return textField(`${this.#id}-${name}`, name, label, type, autocomplete, required, this.#problemFor(name));
  }

  #problemFor(field: string): Problem | undefined {
    return this.#submission.problems.find((problem) => problem.field === field);
  }

  #extraContainer(): HTMLElement | null {
    return this.querySelector(`#${this.#id}-extra`);
  }

  #successSlot(): HTMLElement | null {
    return this.querySelector(`#${this.#id}-success-slot`);
  }

  #input(name: string): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  /** The control a problem is about: one of the form's inputs, `<assent-terms>`, or the app's control of that name. */
  #control(field: string): HTMLElement | null {
    const name = field.replace(/^metadata\./, '');
    return this.#input(name) ?? extraControls(this.#extraContainer()).find((control) => control.name === name) ?? null;
  }

  /** Moves the app's children into the form (controls) or the success message (`slot="success"`). */
  #claimChildren(): void {
    const extra = this.#extraContainer();
    const success = this.#successSlot();
    if (!extra || !success) return;
    for (const child of [...this.children]) {
      if (child.id === this.#id) continue;
      (child.getAttribute('slot') === 'success' ? success : extra).append(child);
      this.#configDirty = true;
    }
    if (this.#configDirty) this.requestUpdate();
  }

  #onMutation(records: MutationRecord[]): void {
    if (records.some((record) => [...record.addedNodes].some((node) => node instanceof Element && node.id !== this.#id))) this.#claimChildren();
  }

  /** Makes the client when the configuration changed, and checks the app's fields against Auth0's limits; first loads the signup code. */
  #configure(): void {
    if (!runtime && !this.#runtimeError) {
      // Not submittable (no active client) until the code has arrived; then this runs again.
      this.#active = null;
      loadRuntime().then(
        () => this.requestUpdate(),
        (error: unknown) => {
          this.#runtimeError = error instanceof Error ? error : new Error(String(error));
          this.requestUpdate();
        },
      );
      return;
    }
    this.#configDirty = false;
    let error: Error | null = this.#runtimeError;
    let client: AssentClient | null = null;
    try {
      if (!runtime) throw error;
      client = (this.#setup ??= new runtime.SignupSetup()).client(this, this.#source.policy, this.#extraContainer());
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    if (error && error.message !== this.#configError?.message) console.error(`<assent-signup-form>: not configured correctly, nothing can be sent. ${error.message}`, error);
    this.#configError = error;
    this.#active = error ? null : client;
  }

  /** The user changed something: the message about that field is outdated. */
  #onInput(event: Event): void {
    const target = event.target as Partial<ExtraControl> & Element;
    const field = target.localName === 'assent-terms' ? 'terms' : target.id?.startsWith(`${this.#id}-`) ? target.name : `metadata.${target.name}`;
    if (target.name === 'password') this.#password.sync();
    this.#submission.problems = this.#submission.problems.filter((problem) => problem.field !== field && problem.field !== field?.replace(/^metadata\./, ''));
    this.requestUpdate();
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.#submission.busy || this.#submission.result || this.#countdown.waiting) return;
    if (this.#configError) {
      this.querySelector<HTMLElement>(`#${this.#id}-config`)?.focus();
      return;
    }
    // Not submittable until the signup code has arrived (the button says so with aria-disabled).
    if (!runtime) return;
    this.#password.sync();
    void runtime.submitSignup(
      {
        element: this,
        form: event.currentTarget as HTMLFormElement,
        ownPrefix: `${this.#id}-`,
        terms: () => this.querySelector<AssentTerms>(`#${this.#id}-terms`),
        submission: this.#submission,
        countdown: this.#countdown,
        texts: this.#ui[1],
        options: this,
        input: (name) => this.#input(name),
        extras: this.#extraContainer(),
        success: () => this.querySelector(`#${this.#id}-success`),
        report: (found) => this.#report(found),
      },
      this.#active,
    );
  }

  /** Shows `problems` (the summary and each field's message) and moves focus to the summary. */
  async #report(problems: readonly Problem[]): Promise<void> {
    this.#submission.problems = problems;
    this.requestUpdate();
    await this.updateComplete;
    if (problems.length) this.querySelector<HTMLElement>(`#${this.#id}-summary`)?.focus();
  }
}

// Typed listeners for this element's events on the class itself, also where the tag's define module
// (which adds them to `GlobalEventHandlersEventMap`, on any element) is not imported.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface AssentSignupForm {
  addEventListener<K extends keyof AssentSignupFormEventMap>(
    type: K,
    listener: (this: AssentSignupForm, event: AssentSignupFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AssentSignupFormEventMap>(
    type: K,
    listener: (this: AssentSignupForm, event: AssentSignupFormEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
