import type { PropertyDeclarations } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import { toConsentRecord, toKantaraReceipt, type ConsentClient, type ConsentHistoryEntry, type ConsentObject, type ConsentState, type JsonLd, type KantaraReceipt } from '@assent/core';
import { AccountElement } from '../shared/account-element.js';
import { accountStyles } from '../shared/account.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './assent-consent-status.styles.js';

/** What "download my consent record" saves: the same shape as @assent/server's `GET /consent/export`. */
export interface ConsentRecordExport {
  /** ISO/IEC TS 27560 consent record in JSON-LD with the W3C Data Privacy Vocabulary (core's `toConsentRecord`). */
  readonly record: JsonLd;
  /** Kantara Consent Receipt v1.1 (core's `toKantaraReceipt`). */
  readonly receipt: KantaraReceipt;
}

/** One line of the history: a stored entry, or an event still waiting in the outbox. */
interface Line {
  readonly id: string;
  readonly event: ConsentHistoryEntry['event'];
  readonly at: string;
  readonly purposes: readonly string[];
  readonly version?: string;
  readonly pending: boolean;
}

/**
 * The signed-in user's consent as they can read it: the status (given, withdrawn, none, needs
 * renewal), each purpose with whether it is accepted, the policy version, the date of the last
 * change and where it is recorded; the history as an ordered list, oldest first, with dates in the
 * user's language (events recorded on this device and not sent yet are marked); and a "download my
 * consent record" button that saves a JSON file with the ISO/IEC TS 27560 (DPV) JSON-LD record and
 * the Kantara Consent Receipt, built by core from the stored consent. It follows the client: after a
 * withdrawal or a re-consent elsewhere on the page, it shows the new state.
 *
 * @summary The user's consent, its history and a download of the consent record.
 *
 * @attr lang - Language of the texts and dates. Without it the closest `[lang]` ancestor decides, then English.
 *
 * @csspart base - The wrapper of everything, carrying the language and direction of the texts.
 * @csspart summary - The list of facts (status, version, date, where it is recorded).
 * @csspart purposes - The list of purposes with their answers.
 * @csspart history - The ordered list of consent events.
 * @csspart download - The "download my consent record" button.
 * @csspart error - The message shown when the state could not be read.
 *
 * @cssprop --assent-consent-status-gap - Space between the facts and their values (falls back to `--assent-spacing`).
 * @cssprop --assent-consent-status-accepted-color - Colour of "accepted" (falls back to `--assent-success-color`).
 * @cssprop --assent-consent-status-declined-color - Colour of "not accepted" (inherits by default).
 * @cssprop --assent-success-color - Colour of positive states.
 * @cssprop --assent-surface - Background of buttons.
 * @cssprop --assent-border-color - Border colour of buttons.
 * @cssprop --assent-error-color - Colour of error messages.
 * @cssprop --assent-color - Text colour of all Assent elements.
 * @cssprop --assent-font - Font family of all Assent elements.
 * @cssprop --assent-spacing - Base spacing of all Assent elements.
 * @cssprop --assent-radius - Corner radius of buttons and focus rings.
 */
export class AssentConsentStatus extends AccountElement {
  static override styles = [sharedStyles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    email: { attribute: false },
  };

  /** The user's email address, put into the downloaded record as the data subject's contact (optional). */
  declare email: string | null;

  constructor() {
    super();
    this.email = null;
  }

  /**
   * The consent record of the current state: the JSON-LD record and the Kantara receipt of the
   * record (`app_metadata.consent` with the user's withdrawals); null while there is no consent on
   * record. A claim in the user's own metadata is shown, never exported as a record.
   */
  consentRecord(): ConsentRecordExport | null {
    const state = this.current;
    const client = this.client;
    if (!state?.record || !client) return null;
    const consent: ConsentObject = state.record;
    const subject = { id: client.userId, ...(this.email && { email: this.email }) };
    const origin = globalThis.location?.origin;
    const options = origin && origin !== 'null' ? { origin } : {};
    return { record: toConsentRecord(consent, client.policy, subject, options), receipt: toKantaraReceipt(consent, client.policy, subject, options) };
  }

  /** `consentRecord()` as a JSON file named `consent-record-<policy>-<yyyy-mm-dd>.json`; null while there is no consent on record. */
  recordFile(): File | null {
    const record = this.consentRecord();
    if (!record || !this.current?.record) return null;
    const day = new Date().toISOString().slice(0, 10);
    return new File([JSON.stringify(record, null, 2)], `consent-record-${this.current.record.policy}-${day}.json`, { type: 'application/json' });
  }

  override render(): TemplateResult {
    const state = this.current;
    const base = (content: unknown) => html`<div part="base" class="base" lang=${this.locale} dir=${this.textDirection}>${content}</div>`;
    if (!this.messages || (!state && !this.loadError)) return base(html`<p role="status">${this.t('account.loading')}</p>`);
    if (!state) {
      return base(html`<p part="error" class="error" role="alert">${this.t('account.error')}</p>
        <button type="button" @click=${() => this.reload()}>${this.t('account.retry')}</button>`);
    }
    return base(html`${this.#summary(state)} ${this.#purposes(state)} ${this.#history(state)}
      ${state.record ? html`<button type="button" part="download" @click=${this.#download}>${this.t('status.download')}</button>` : nothing}`);
  }

  #summary(state: ConsentState): TemplateResult {
    const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<dl part="summary">
      ${row(this.t('status.status'), this.t(`status.${state.status}`))}
      ${state.version ? row(this.t('status.version'), state.version) : nothing}
      ${state.date ? row(this.t('status.date'), this.#time(state.date)) : nothing}
      ${state.source ? row(this.t('status.source'), this.t(`source.${state.source}`)) : nothing}
    </dl>`;
  }

  #purposes(state: ConsentState): TemplateResult | typeof nothing {
    const policy = (this.client as ConsentClient).policy;
    const answered = Object.keys(state.purposes);
    if (!answered.length) return nothing;
    const order = [...policy.purposes.map((purpose) => purpose.id).filter((id) => answered.includes(id)), ...answered.filter((id) => !policy.purposes.some((purpose) => purpose.id === id))];
    return html`<p id="pl" class="label">${this.t('status.purposes')}</p>
      <ul part="purposes" aria-labelledby="pl">
        ${order.map((id) => {
          const accepted = state.purposes[id] === true;
          return html`<li>${this.purposeLabel(id)}: <span class=${accepted ? 'accepted' : 'declined'}>${this.t(accepted ? 'status.accepted' : 'status.declined')}</span></li>`;
        })}
      </ul>`;
  }

  #history(state: ConsentState): TemplateResult {
    const stored = new Set(state.history.map((entry) => entry.id));
    const lines: Line[] = [
      ...state.history.map((entry) => ({ ...entry, pending: false })),
      ...state.pending.filter((event) => !stored.has(event.id)).map((event) => ({ id: event.id, event: event.event, at: event.at, purposes: event.purposes, pending: true })),
    ];
    const heading = html`<p id="hl" class="label">${this.t('status.history')}</p>`;
    if (!lines.length) return html`${heading}<p>${this.t('status.empty')}</p>`;
    return html`${heading}
      <ol part="history" aria-labelledby="hl">
        ${lines.map((line, index) => html`<li class=${line.pending ? 'pending' : ''}>${this.#time(line.at)}: ${this.#describe(line, lines[index - 1])}</li>`)}
      </ol>`;
  }

  /** "Consent given. Accepted: …" or, for a withdrawal, what it withdrew (what was accepted before and is not after). */
  #describe(line: Line, previous: Line | undefined): string {
    const labels = (ids: readonly string[]) => this.formatList(ids.map((id) => this.purposeLabel(id)));
    const parts = [this.t(`history.${line.event}`)];
    if (line.event === 'withdrawn') {
      const withdrawn = previous ? previous.purposes.filter((id) => !line.purposes.includes(id)) : [];
      if (withdrawn.length) parts.push(this.t('history.withdrew', { purposes: labels(withdrawn) }));
    } else if (line.purposes.length) {
      parts.push(this.t('history.accepted', { purposes: labels(line.purposes) }));
    }
    if (line.pending) parts.push(this.t('history.pending'));
    return parts.join('. ') + '.';
  }

  #time(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${this.formatDate(iso)}</time>`;
  }

  /** Saves the record through a temporary link: a Blob URL, no inline script, nothing sent anywhere. */
  #download(): void {
    let file: File | null;
    try {
      file = this.recordFile();
    } catch (error) {
      console.error(`<${this.localName}>: the consent record could not be built.`, error);
      return;
    }
    if (!file) return;
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // The download has taken the file by the next task; the URL would otherwise hold it in memory.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
