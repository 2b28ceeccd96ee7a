import type { PropertyValues } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import {
  format,
  isRtl,
  passwordRules,
  resolveLocale,
  type AssentClient,
  type ConsentPolicy,
  type PasswordPolicyLevel,
  type PasswordRule,
} from '@assent/core';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import { styles } from './assent-signup-form.styles.js';
import { extraControls, type ExtraControl } from './extra-fields.js';
import { formUiMessagesEn, loadFormTranslation, type FormUiMessages } from './ui-messages.js';
import type { Problem } from './problems.js';
import { RetryCountdown } from './retry-countdown.js';
import type { Submission } from './submit.js';
import { ruleText } from './rule-text.js';
import { languages, messageCache } from '../shared/locale.js';
import { policySource } from '../shared/policy-source.js';
import { RenderingElement } from '../shared/rendering-element.js';

import type { AssentSignupFormEventMap } from './events.js';

export type { AssentSignupErrorDetail, AssentSignupFormEventMap, AssentSignupSuccessDetail } from './events.js';

const LEVELS: readonly string[] = ['none', 'low', 'fair', 'good', 'excellent'];
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

// The signup code (client, error classes and messages, submit-time code), shared by every instance:
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
  #own: { readonly key: string; readonly policy: ConsentPolicy; readonly client: AssentClient } | null = null;
  #active: AssentClient | null = null;
  #configError: Error | null = null;
  #configDirty = true;
  #runtimeError: Error | null = null;
  // A policy loaded (or failed) means a new client (or a configuration error).
  readonly #source = policySource({ requestUpdate: () => ((this.#configDirty = true), this.requestUpdate()) }, LOG);
  readonly #submission: Submission = { busy: false, problems: [], result: null };
  readonly #countdown = new RetryCountdown(this, () => this.#ui);
  #showPassword = false;
  #password = '';
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

  protected override updated(): void {
    this.#syncPassword();
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
        ${this.#summary(m)}
        ${this.askName
          ? html`${this.#field('given_name', m['signup.givenName'], 'text', 'given-name', false)}${this.#field('family_name', m['signup.familyName'], 'text', 'family-name', false)}`
          : nothing}
        ${this.askUsername ? this.#field('username', m['signup.username'], 'text', 'username', true) : nothing}
        ${this.#field('email', m['signup.email'], 'email', 'email', true)}
        ${this.#passwordField(m)}
        <div id="${id}-extra" class="assent-extra"></div>
        ${this.#source.policy === null
          ? nothing
          : // Its own lang: <assent-terms> re-renders when that changes, not when an ancestor's does.
            html`<assent-terms id="${id}-terms" lang=${locale} .policy=${policy}></assent-terms>`}
        <button type="submit" class="assent-submit" aria-disabled=${String(busy || waiting || !runtime)}>${m['signup.submit']}</button>
        <p class="assent-status" role="status">${busy ? m['signup.sending'] : ''}</p>
        <p class="assent-retry" role="status" ?hidden=${!countdown.announcement}>
          <span aria-hidden="true">${waiting ? countdown.text() : countdown.announcement}</span>
          <span class="assent-vh">${countdown.announcement}</span>
        </p>
      </form>
      <div id="${id}-success" class="assent-success" role="status" tabindex="-1" ?hidden=${!result}>
        ${result && !this.#successSlot()?.childElementCount
          ? html`<p>${result.name ? `${format(m['signup.welcome'], { name: result.name })} ` : ''}${m['signup.success']}</p>`
          : nothing}
        <div id="${id}-success-slot"></div>
      </div>
    </div>`;
  }

  #summary(m: FormUiMessages): TemplateResult {
    const { problems } = this.#submission;
    return html`<div id="${this.#id}-summary" class="assent-summary" tabindex="-1" ?hidden=${!problems.length}>
      <div role="alert">
        ${problems.length
          ? html`<p class="assent-summary-title">${m['signup.summary']}</p>
              <ul>
                ${problems.map((problem) => {
                  const target = problem.field ? this.#control(problem.field) : null;
                  return html`<li>${target ? html`<a href="#${target.id}" @click=${(event: Event) => this.#focusField(event, target)}>${problem.text}</a>` : problem.text}</li>`;
                })}
              </ul>`
          : nothing}
      </div>
    </div>`;
  }

  #field(name: string, label: string, type: string, autocomplete: string, required: boolean): TemplateResult {
    const id = `${this.#id}-${name}`;
    const problem = this.#problemFor(name);
    return html`<div class="assent-field">
      <label for=${id}>${label}</label>
      <input id=${id} class="assent-input" name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
        maxlength=${type === 'text' ? 150 : nothing} spellcheck=${type === 'email' ? 'false' : nothing} autocapitalize=${type === 'email' ? 'none' : nothing}
        aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? `${id}-error` : nothing} />
      ${problem ? html`<p id="${id}-error" class="assent-error">${problem.text}</p>` : nothing}
    </div>`;
  }

  #passwordField(m: FormUiMessages): TemplateResult {
    const id = `${this.#id}-password`;
    const problem = this.#problemFor('password');
    const rules = this.#liveRules();
    const describedBy = [rules && `${id}-rules`, problem && `${id}-error`].filter(Boolean).join(' ');
    return html`<div class="assent-field">
      <label for=${id}>${m['signup.password']}</label>
      <div class="assent-password">
        <input id=${id} class="assent-input" name="password" type=${this.#showPassword ? 'text' : 'password'} autocomplete="new-password" required
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
        <button type="button" class="assent-toggle" aria-controls=${id} aria-pressed=${String(this.#showPassword)} @click=${this.#togglePassword}>${m['signup.showPassword']}</button>
      </div>
      ${rules
        ? html`<div id="${id}-rules" class="assent-rules-box">
            <p class="assent-rules-title">${m['signup.rules']}</p>
            <ul class="assent-rules">${rules.map((rule) => this.#rule(rule, m))}</ul>
          </div>`
        : nothing}
      ${problem
        ? html`<div id="${id}-error" class="assent-error">
            <p>${problem.text}</p>
            ${problem.rules?.length ? html`<ul>${problem.rules.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  #rule(rule: PasswordRule, m: FormUiMessages): TemplateResult {
    return html`<li class=${rule.verified ? 'assent-met' : ''}>
      ${ruleText(rule, m)}<span class="assent-vh"> ${m[rule.verified ? 'signup.ruleMet' : 'signup.ruleUnmet']}</span>
      ${rule.items ? html`<ul>${rule.items.map((item) => this.#rule(item, m))}</ul>` : nothing}
    </li>`;
  }

  /** The rules of `password-policy` for what is typed now, or null without a (valid) policy. */
  #liveRules(): PasswordRule[] | null {
    const level = this.passwordPolicy;
    if (!level || !LEVELS.includes(level)) return null;
    return passwordRules(level, this.#password, this.passwordMinLength ? { minLength: this.passwordMinLength } : {});
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

  #focusField(event: Event, target: HTMLElement): void {
    event.preventDefault();
    target.focus();
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

  /** Creates the client when the configuration changed, and checks the app's fields against Auth0's limits; first loads the signup code. */
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
    let client = this.client;
    try {
      if (!runtime) throw error;
      const { AssentConfigError, extraValues } = runtime;
      if (this.passwordPolicy && !LEVELS.includes(this.passwordPolicy)) throw new AssentConfigError('password-policy', `must be one of ${LEVELS.join(', ')}`);
      if (!client) client = this.#ownClient(runtime);
      if (client) {
        const fixed = this.metadata ?? {};
        const fields = extraValues(extraControls(this.#extraContainer()), true).metadata;
        const clash = Object.keys(fields).find((name) => Object.hasOwn(fixed, name));
        if (clash) throw new AssentConfigError('metadata', `"${clash}" is set both by the metadata property and by a control inside the form`);
        client.checkSignup({ metadata: { ...fixed, ...fields } });
      }
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    if (error && error.message !== this.#configError?.message) console.error(`<assent-signup-form>: not configured correctly, nothing can be sent. ${error.message}`, error);
    this.#configError = error;
    this.#active = error ? null : client;
  }

  /** The client of the attributes and policy, kept while they stay the same (it remembers uncertain attempts). */
  #ownClient({ AssentConfigError, createAssent }: SignupRuntime): AssentClient | null {
    const policy = this.policy ?? this.#source.policy;
    if (!policy) {
      if (this.#source.policy === null) throw new AssentConfigError('policy-src', `${JSON.stringify(this.policySrc)} could not be loaded as a consent policy`);
      if (!this.policySrc) throw new AssentConfigError('policy', 'set the policy property or the policy-src attribute');
      return null;
    }
    const key = JSON.stringify([this.domain, this.clientId, this.connection]);
    if (this.#own?.key !== key || this.#own.policy !== policy) {
      this.#own = null;
      this.#own = { key, policy, client: createAssent({ domain: this.domain ?? '', clientId: this.clientId ?? '', connection: this.connection ?? '', policy }) };
    }
    return this.#own.client;
  }

  /** Reads the password for the live checklist and blocks the form while a rule of `password-policy` is unmet. */
  #syncPassword(): void {
    const input = this.#input('password');
    if (!input) return;
    this.#password = input.value;
    const unmet = this.#liveRules()?.some((rule) => !rule.verified);
    input.setCustomValidity(unmet ? this.#ui[1]['signup.passwordWeak'] : '');
  }

  #togglePassword(): void {
    this.#showPassword = !this.#showPassword;
    this.requestUpdate();
  }

  /** The user changed something: the message about that field is outdated. */
  #onInput(event: Event): void {
    const target = event.target as Partial<ExtraControl> & Element;
    const field = target.localName === 'assent-terms' ? 'terms' : target.id?.startsWith(`${this.#id}-`) ? target.name : `metadata.${target.name}`;
    if (target.name === 'password') this.#syncPassword();
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
    this.#syncPassword();
    const problems = runtime.invalidFields(event.currentTarget as HTMLFormElement, `${this.#id}-`, runtime.withSubmitTexts(this.#ui[1]));
    const decision = this.querySelector<AssentTerms>(`#${this.#id}-terms`)?.decision;
    if (problems.length || !decision || !this.#active) {
      void this.#report(problems);
      return;
    }
    void runtime.submitSignup(
      {
        element: this,
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
      decision,
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
  addEventListener<K extends keyof AssentSignupFormEventMap>(type: K, listener: (this: AssentSignupForm, event: AssentSignupFormEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AssentSignupFormEventMap>(type: K, listener: (this: AssentSignupForm, event: AssentSignupFormEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
