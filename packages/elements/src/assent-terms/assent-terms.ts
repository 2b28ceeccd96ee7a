import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyValues } from '@lit/reactive-element';
import {
  validatePolicy,
  decide,
  en,
  format,
  isRtl,
  documentLinks,
  plainText,
  loadMessages,
  purposeText,
  resolveLocale,
  resolveMessage,
  signupFields,
  type ConsentDecision,
  type ConsentPolicy,
  type LocaleMessages,
  type Messages,
  type PolicyError,
  type TextPart,
} from '@assent/core';
import { FormControl } from '../shared/form-control.js';
import { languages, messageCache } from '../shared/locale.js';
import { policySource } from '../shared/policy-source.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './assent-terms.styles.js';

/** `detail` of the `assent-change` event. */
export interface AssentChangeDetail {
  /** The decision the form now carries: set while the required box is ticked, else null. */
  readonly decision: ConsentDecision | null;
  /** Ids of the ticked purposes in policy order (the required ones only while the required box is ticked). */
  readonly accepted: readonly string[];
}

/** What is rendered for one policy in one language; rebuilt only when either changes. */
interface View {
  readonly policy: ConsentPolicy;
  readonly locale: string;
  readonly messages: Messages;
  readonly required: readonly string[];
  readonly requiredText: readonly TextPart[];
  readonly optional: readonly { readonly id: string; readonly text: readonly TextPart[] }[];
  /** Policy texts win over built-in ones (`optional.legend`, `required.error`...). */
  readonly message: (key: string) => string;
  /** The validation message of the unticked required box, naming its documents. */
  readonly missing: string;
}

/**
 * What the browser saves for back/forward navigation and autofill (see `formStateRestoreCallback`):
 * a tuple, so the saved JSON carries no key names (they would be in every page's download).
 */
type SavedState = readonly [policy: string, required: boolean, optional: readonly string[]];

const LOG = '<assent-terms>:';

// Built-in texts by locale, shared by every instance.
const messagesFor = messageCache<Messages>(en, loadMessages, LOG);

// The views of each policy object by language, shared by every instance on the page: a thousand
// boxes given one policy check it once and build its view once. A changed policy is a new object,
// as for any property.
const views = new WeakMap<ConsentPolicy, Record<string, View>>();

/**
 * Whether an inline policy can be shown, by `validatePolicy`'s rules. Unsafe URLs are logged but do
 * not stop it: those documents are shown as plain text, never as links.
 */
function usable(policy: ConsentPolicy): boolean {
  try {
    validatePolicy(policy);
    return true;
  } catch (error) {
    // validatePolicy throws nothing but PolicyError, whose message lists every issue.
    console.error(LOG, error);
    return (error as PolicyError).issues.every(({ path }) => path.endsWith('.url'));
  }
}

// What Auth0 accepts in a field name (1-100 characters, no . or $), leaving room for `purposes`.
const FIELD_PREFIX = /^[^.$]{1,92}$/;

const key = (policy: ConsentPolicy) => `${policy.id}@${policy.version}`;

/**
 * A consent checkbox for signup forms: the required agreement with its linked documents, and one
 * unticked box per optional purpose, all from one consent policy. It takes part in the form like a
 * native checkbox: while the required box is ticked it contributes the signup wire fields
 * (`consent_policy`, `consent_purposes`, `consent_at`, `consent_locale`, `consent_hash`); until
 * then it is invalid and the form cannot be submitted.
 *
 * @summary GDPR-grade consent checkbox driven by a consent policy, for any form.
 *
 * @attr lang - Language of the texts. Without it the closest `[lang]` ancestor decides (up to the document's), then English. Languages other than English load on demand.
 * @attr form - Id of the `<form>` to join when the element is not inside it.
 *
 * @fires {CustomEvent<AssentChangeDetail>} assent-change - The user ticked or unticked a box and the decision is up to date. Never fired for programmatic changes.
 *
 * @cssstate checked - The required box is ticked: style the element from outside with `assent-terms:state(checked)`, as `:checked` styles a native checkbox.
 *
 * @csspart base - The wrapper of everything, carrying the language and direction of the texts.
 * @csspart checkbox - Each native checkbox.
 * @csspart label - The sentence next to each checkbox.
 * @csspart link - Each document link.
 * @csspart error - The error message (after a failed submit, or when the policy is unusable).
 * @csspart optional - The group of optional purposes (a fieldset when there are several).
 * @csspart legend - The legend of that group.
 * @csspart hint - The withdrawal notice under the optional purposes.
 *
 * @cssprop --assent-terms-gap - Space between rows and between a box and its text (falls back to `--assent-spacing`, 0.5rem).
 * @cssprop --assent-terms-checkbox-size - Size of the checkboxes (at least 24px by default).
 * @cssprop --assent-terms-accent - Colour of ticked boxes (falls back to `--assent-accent`).
 * @cssprop --assent-terms-link-color - Colour of the links (falls back to `--assent-link-color`).
 * @cssprop --assent-terms-error-color - Colour of the error message (falls back to `--assent-error-color`).
 * @cssprop --assent-terms-reserved-size - Height kept free while `policy-src` loads (one line by default).
 * @cssprop --assent-color - Text colour of all Assent elements (inherited by default).
 * @cssprop --assent-font - Font family of all Assent elements (inherited by default).
 * @cssprop --assent-spacing - Base spacing of all Assent elements.
 * @cssprop --assent-accent - Accent colour of all Assent elements.
 * @cssprop --assent-link-color - Link colour of all Assent elements.
 * @cssprop --assent-error-color - Error colour of all Assent elements.
 * @cssprop --assent-radius - Corner radius of focus rings.
 * @cssprop --assent-focus-ring - Colour of focus rings.
 * @cssprop --assent-focus-ring-width - Width of focus rings (2px).
 */
export class AssentTerms extends FormControl {
  static override styles = [sharedStyles, styles];

  static override properties = {
    policy: { attribute: false },
    policySrc: { attribute: 'policy-src' },
    name: { reflect: true, useDefault: true },
    fieldPrefix: { attribute: 'field-prefix' },
    disabled: { type: Boolean, reflect: true },
  };

  /** The consent policy to show. Checked with core's `validatePolicy`: unsafe URLs are shown as plain text, any other problem shows the error state. Wins over `policy-src`. */
  declare policy: ConsentPolicy | null;

  /** URL of the policy JSON, fetched and checked with core's `validatePolicy`. The element stays invalid until it has loaded. */
  declare policySrc: string | null;

  /** Disables every box; a disabled element is left out of validation and of the form data. */
  declare disabled: boolean;

  /**
   * Prefix of the form fields, when it must be other than `<name>_`: `field-prefix="ulp-consent_"`
   * submits `ulp-consent_policy`, `ulp-consent_purposes`... as Auth0's Universal Login signup prompts
   * need (they forward only fields named `ulp-*`). Wins over `name`.
   */
  declare fieldPrefix: string | null;

  /** Prefix of the form fields: `consent` (the default, again when the attribute is removed) gives `consent_policy`, `consent_purposes`... */
  declare name: string;

  #checked = false;
  #optional: ReadonlySet<string> = new Set();
  /** False when the last tick could not produce a decision (no WebCrypto): invalid, with the error message, until the next tick. */
  #decision: ConsentDecision | null | false = null;
  #view: View | null = null;
  readonly #source = policySource(this, LOG);
  #invalid = false;
  #runs = 0;
  #notify = false;
  /** What `formStateRestoreCallback` was given, until a view can take it. */
  #saved: unknown = null;
  /** Language and texts of the loading and error states, which can show before a language has loaded. */
  #ui: readonly [string, Messages] = ['en', en];

  constructor() {
    super();
    this.policy = null;
    this.policySrc = null;
    this.disabled = false;
    this.fieldPrefix = null;
    this.name = 'consent';
    // Invalid from the start, not only from the first update: a form submitted at once must not go.
    this.#sync();
  }

  /** Whether the required box is ticked. Setting it never fires `assent-change`. */
  get checked(): boolean {
    return this.#checked;
  }

  set checked(value: boolean) {
    this.#tick(!!value, this.#optional, false);
  }

  /** Always true: the required box must be ticked for the form to submit. */
  get required(): boolean {
    return true;
  }

  /** What the user decided, with the hash of what they were shown; null until the required box is ticked (and for the instant its hash takes). */
  get decision(): ConsentDecision | null {
    return this.#decision || null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policySrc')) void this.#source.load(this.policySrc);
    // A policy with views was found usable when they were built.
    if (changed.has('policy')) this.#invalid = !!this.policy && !views.has(this.policy) && !usable(this.policy);
    const policy = this.#invalid ? null : (this.policy ?? this.#source.policy);
    const wanted = resolveLocale(...languages(this));
    const loaded = messagesFor(wanted, () => this.requestUpdate());
    // English while a language loads (for the loading state) and when it could not be loaded.
    const [locale, messages] = (this.#ui = loaded ? [wanted, loaded] : ['en', en]);
    const view = this.#view;
    if (!policy || loaded === undefined) {
      this.#view = null;
      if (view) this.#decide(false);
    } else if (view?.policy !== policy || view.locale !== locale) {
      this.#view = this.#build(policy, locale, messages);
      // Ticks given for another policy version are not consent to this one.
      if (view && key(view.policy) !== key(policy)) [this.#checked, this.#optional] = [false, new Set()];
      this.#restore();
      this.#decide(false);
    }
  }

  override updated(): void {
    this.#sync();
  }

  /** Unticks every box, as a form reset does with native checkboxes. */
  formResetCallback(): void {
    this.userInvalid = false;
    this.#tick(false, new Set(), false);
  }

  /** Restores the ticks the browser saved (back/forward navigation), if they were given for this policy version. */
  formStateRestoreCallback(state: unknown): void {
    try {
      this.#saved = JSON.parse(state as string);
    } catch {
      return;
    }
    this.#restore();
  }

  /** Called when an ancestor `<fieldset disabled>` changes. */
  formDisabledCallback(): void {
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const view = this.#view;
    const error = html`<div id="error" part="error" class="error" role="alert">${this.userInvalid ? this.validationMessage : ''}</div>`;
    if (!view) {
      const [lang, texts] = this.#ui;
      return this.#invalid || this.#source.policy === null
        ? html`<div part="base" class="base" lang=${lang}><div part="error" class="error" role="alert">${texts['policy.error']}</div></div>`
        : html`<div part="base" class="base wait" lang=${lang} aria-busy="true"><span class="vh" role="status">${texts['policy.loading']}</span>${error}</div>`;
    }
    const { message, optional } = view;
    // Disabled itself (the attribute reflects after render) or by a `<fieldset disabled>` around it.
    const off = this.disabled || this.matches(':disabled');
    const rows = optional.map(
      ({ id, text }) =>
        html`<div class="row"><input type="checkbox" id=${`purpose-${id}`} part="checkbox" value=${id} .checked=${this.#optional.has(id)} ?disabled=${off} /><label for=${`purpose-${id}`} part="label">${this.#text(text)}</label></div>`,
    );
    const hint = html`<p id="hint" part="hint">${message('optional.hint')}</p>`;
    return html`<div part="base" class="base" lang=${view.locale} dir=${isRtl(view.locale) ? 'rtl' : 'ltr'} @change=${this.#onChange}><div class="row"><input type="checkbox" id="required" part="checkbox" required .checked=${this.#checked} ?disabled=${off} aria-invalid=${this.userInvalid} aria-describedby="error" /><label for="required" part="label">${this.#text(view.requiredText)}</label></div>${error}${
      rows[1]
        ? html`<fieldset part="optional" aria-describedby="hint" ?disabled=${off}><legend part="legend">${message('optional.legend')}</legend>${rows}${hint}</fieldset>`
        : rows[0]
          ? html`<div part="optional" class="base">${rows}${hint}</div>`
          : nothing
    }<span id="new-tab" hidden>${message('link.newTab')}</span></div>`;
  }

  /** A sentence: plain text, and links where core gave a URL (it gives only those `safeUrl` allows). */
  #text(parts: readonly TextPart[]) {
    return parts.map(({ text, href }) => (href ? html`<a part="link" href=${href} target="_blank" rel="noreferrer" aria-describedby="new-tab">${text}</a>` : text));
  }

  /** The view of `policy` in `locale`, built once for every instance (see `views`). */
  #build(policy: ConsentPolicy, locale: string, messages: Messages): View {
    let built = views.get(policy);
    if (!built) views.set(policy, (built = {}));
    let view = built[locale];
    if (!view) {
      const sentence = (id: string) => purposeText(policy, id, locale, messages);
      const message = (name: string) => resolveMessage(policy, locale, messages, name);
      const required = policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id);
      const documents = policy.purposes.flatMap((purpose) => (purpose.required && purpose.documents) || []);
      view = built[locale] = {
        policy,
        locale,
        messages,
        required,
        // Several required purposes share the one required box: their sentences follow each other.
        requiredText: required.flatMap((id, index) => (index ? [{ text: ' ' }, ...sentence(id)] : sentence(id))),
        optional: policy.purposes.filter((purpose) => !purpose.required).map(({ id }) => ({ id, text: sentence(id) })),
        message,
        missing: format(message('required.error'), { documents: plainText(documentLinks(policy, documents, locale, messages)) }),
      };
    }
    return view;
  }

  #onChange(event: Event): void {
    const box = event.target as HTMLInputElement;
    const required = box.required;
    const optional = new Set(this.#optional);
    if (!required) optional[box.checked ? 'add' : 'delete'](box.value);
    this.#tick(required ? box.checked : this.#checked, optional, true);
  }

  /** Records new ticks, invalidates the current decision at once and computes the next one. */
  #tick(required: boolean, optional: ReadonlySet<string>, byUser: boolean): void {
    this.#checked = required;
    this.#optional = optional;
    if (required) this.userInvalid = false;
    this.#decide(byUser);
    this.requestUpdate();
  }

  #restore(): void {
    const saved = this.#saved;
    const view = this.#view;
    // A state saved by an earlier version (an object) restores nothing: the boxes stay unticked.
    if (!Array.isArray(saved) || !view) return;
    this.#saved = null;
    const [policy, required, optional] = saved as unknown[];
    if (policy !== key(view.policy) || !Array.isArray(optional)) return;
    this.#tick(required === true, new Set(view.optional.map(({ id }) => id).filter((id) => optional.includes(id))), false);
  }

  #accepted({ policy, required }: View): string[] {
    return policy.purposes.map(({ id }) => id).filter((id) => (required.includes(id) ? this.#checked : this.#optional.has(id)));
  }

  /**
   * The hash is computed asynchronously (WebCrypto): until it is ready the element has no value and
   * is invalid, so a submit can never carry a decision that no longer matches the boxes. When no
   * decision can be made (WebCrypto is missing) the element stays invalid with its error message
   * until the next tick tries again. The decision code is not loaded lazily: a second module on the
   * first load (esbuild puts the code it would share with the entry in a chunk of its own) made the
   * box interactive 12-34 ms later, and a chunk lost to a deploy would make signing up impossible.
   */
  #decide(byUser: boolean): void {
    const run = ++this.#runs;
    this.#notify ||= byUser;
    this.#decision = null;
    const view = this.#view;
    const done = (decision: ConsentDecision | null | false) => {
      if (run !== this.#runs) return;
      this.#decision = decision;
      this.#sync();
      this.requestUpdate();
      if (!this.#notify || !view) return;
      this.#notify = false;
      this.dispatchEvent(new CustomEvent<AssentChangeDetail>('assent-change', { bubbles: true, composed: true, detail: { decision: decision || null, accepted: this.#accepted(view) } }));
    };
    if (!view || !this.#checked) return done(null);
    this.#sync();
    // Stamped now: the moment of the tick, however long the hash takes.
    decide(view.policy, { ...view, accepted: this.#accepted(view), at: new Date() }).then(done, (error: unknown) => {
      console.error(LOG, 'no decision', error);
      done(false);
    });
  }

  /** Puts the current value, saved state and validity into the form. */
  #sync(): void {
    const view = this.#view;
    const decision = this.#decision;
    // Built-in texts (English or a language module) have every key.
    const texts = this.#ui[1] as LocaleMessages;
    const anchor = this.renderRoot?.querySelector<HTMLInputElement>('#required') ?? undefined;
    let value: FormData | null = null;
    // Until the policy and then the decision are ready the element is invalid, with a short "still
    // loading" message (the error message when the policy is unusable or the last tick could not make one).
    let problem = texts[decision === false || (!view && (this.#invalid || this.#source.policy === null)) ? 'policy.error' : 'policy.loading'];
    if (decision) {
      try {
        // A developer error (a prefix Auth0 refuses in a field name): say so rather than submit nothing.
        const prefix = this.fieldPrefix ?? `${this.name}_`;
        if (!FIELD_PREFIX.test(prefix)) throw `bad field prefix "${prefix}"`;
        value = new FormData();
        for (const [field, text] of Object.entries(signupFields(decision, prefix))) value.append(field, text);
      } catch (error) {
        console.error(LOG, error);
        problem = String(error);
        value = null;
      }
    }
    this.internals.setFormValue(value, view && JSON.stringify([key(view.policy), this.#checked, [...this.#optional]] satisfies SavedState));
    this.internals.states?.[this.#checked ? 'add' : 'delete']('checked');
    if (view && !this.#checked) this.setValidity({ valueMissing: true }, view.missing, anchor);
    else this.setValidity({ customError: !value }, problem, anchor);
  }
}
