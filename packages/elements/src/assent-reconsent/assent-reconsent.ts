import { html, nothing, type TemplateResult } from 'lit-html';
import {
  createDecision,
  documentLinks,
  loadMessages,
  parsePolicy,
  safeUrl,
  type ConsentClient,
  type ConsentDecision,
  type ConsentPolicy,
  type ConsentState,
  type DocumentChange,
  type ReconsentCheck,
} from '@assent/core';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import { AccountElement } from '../shared/account-element.js';
import { accountStyles } from '../shared/account.styles.js';
import { ConsentWrite, recordOnce, type WriteAttempt } from '../shared/consent-write.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './assent-reconsent.styles.js';

/** `detail` of the `assent-reconsent-accepted` event. */
export interface AssentReconsentAcceptedDetail {
  /** The decision recorded: on the whole current policy (see the class description). */
  readonly decision: ConsentDecision;
  /** Id of the history entry recorded. */
  readonly eventId: string;
  /** True when the event waits in the outbox after a transient failure: stored on this device, sent later. */
  readonly pending: boolean;
  /** The consent state afterwards. */
  readonly state: ConsentState;
}

/** `detail` of the `assent-reconsent-declined` event. */
export interface AssentReconsentDeclinedDetail {
  /** What the user was asked about (from `needsReconsent`); the stored consent is unchanged. */
  readonly check: ReconsentCheck;
}

/** What to ask: `required` (ask before going on), `offer` (new optional purposes only), or nothing. */
type Ask = 'required' | 'offer' | null;

/** The decision the user accepted; a retry records it again, or sends it from the outbox. */
interface Attempt extends WriteAttempt {
  readonly decision: ConsentDecision;
}

/**
 * Asks a signed-in user again when the consent policy changed, from the client's `needsReconsent`
 * check. When a document behind a required purpose has a new version (or a required purpose is new,
 * or nothing is recorded) a modal dialog opens by itself: it lists what changed (each document with
 * its old and new version, each new purpose) and shows `<assent-terms>` with the required agreement
 * and the new optional purposes, unticked. When the only change is a new optional purpose, nothing
 * interrupts the user: a short notice offers it, and its "Review" button opens the same dialog with
 * the agreement already ticked (it stands). A withdrawn consent is never asked again here.
 *
 * Accepting records a new decision through the client (`give`): the purposes ticked in the dialog,
 * and the optional purposes the user had already answered, kept as they were (a re-consent never
 * withdraws nor adds anything the user did not touch). Declining ("Not now", or Escape) writes
 * nothing, keeps the old state and fires `assent-reconsent-declined`; the element does not ask
 * again for the same policy version until the page is loaded again.
 *
 * Defines nothing itself: import `@assent/elements/define/assent-reconsent.js`, which also defines `<assent-terms>`.
 *
 * @summary Re-consent dialog: what changed in the terms, and the consent asked again.
 *
 * @attr lang - Language of the texts. Without it the closest `[lang]` ancestor decides, then English.
 *
 * @fires {CustomEvent<AssentReconsentAcceptedDetail>} assent-reconsent-accepted - The user accepted and the decision is recorded (stored, or queued on this device: `detail.pending`).
 * @fires {CustomEvent<AssentReconsentDeclinedDetail>} assent-reconsent-declined - The user declined ("Not now" or Escape); nothing was written.
 *
 * @csspart base - The wrapper of the notice and the status message.
 * @csspart notice - The notice offering new optional purposes.
 * @csspart review - The notice's button that opens the dialog.
 * @csspart status - The message announcing the result (role=status).
 * @csspart dialog - The dialog.
 * @csspart title - The dialog's heading.
 * @csspart changes - The list of what changed.
 * @csspart terms - The `<assent-terms>` in the dialog.
 * @csspart error - The error message in the dialog.
 * @csspart actions - The row of dialog buttons.
 * @csspart accept - The accept button.
 * @csspart decline - The "Not now" button.
 *
 * @cssprop --assent-reconsent-notice-padding - Padding of the notice.
 * @cssprop --assent-reconsent-notice-background - Background of the notice (transparent by default).
 * @cssprop --assent-accent - Colour of the accept button.
 * @cssprop --assent-surface - Background of buttons and of the dialog.
 * @cssprop --assent-border-color - Border colour of buttons, the notice and the dialog.
 * @cssprop --assent-error-color - Colour of error messages.
 * @cssprop --assent-link-color - Colour of the document links.
 * @cssprop --assent-backdrop - The dialog's backdrop.
 * @cssprop --assent-color - Text colour of all Assent elements.
 * @cssprop --assent-font - Font family of all Assent elements.
 * @cssprop --assent-spacing - Base spacing of all Assent elements.
 * @cssprop --assent-radius - Corner radius of buttons and focus rings.
 */
export class AssentReconsent extends AccountElement {
  static override styles = [sharedStyles, accountStyles, styles];

  /** The decision being recorded, its failure and the announcement of its outcome. */
  readonly #write = new ConsentWrite(this);
  /** Policy versions (`id@version`) answered or declined on this page: not asked again. */
  #settled = new Set<string>();
  /** Policy versions whose dialog opened by itself once. */
  #opened = new Set<string>();
  #shown: { readonly key: string; readonly policy: ConsentPolicy } | null = null;
  #attempt: Attempt | null = null;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.#dialog?.open ?? false;
  }

  /** What the client's check says to ask about now, unless it was answered or declined on this page. */
  get #ask(): Ask {
    const state = this.current;
    if (!state || !this.client) return null;
    const check = state.reconsent;
    // A decision waiting in the outbox answers the question already: never ask twice for one change.
    if (this.#settled.has(check.to) || state.pending.some((event) => event.event === 'given')) return null;
    return check.required ? 'required' : check.offer.length ? 'offer' : null;
  }

  /** Opens the dialog when there is something to ask (a required change or an offer); returns whether it opened. */
  async show(): Promise<boolean> {
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!this.#ask || !dialog) return false;
    if (!dialog.open) {
      this.#write.reset();
      this.#attempt = null;
      await this.updateComplete;
      dialog.showModal();
      // The agreement stands when only an optional purpose is offered: shown ticked, as it is.
      const terms = this.renderRoot.querySelector<AssentTerms>('assent-terms');
      if (terms && this.#ask === 'offer') terms.checked = true;
    }
    return true;
  }

  override updated(): void {
    const state = this.current;
    if (this.#ask === 'required' && state && !this.#opened.has(state.reconsent.to) && this.messages) {
      this.#opened.add(state.reconsent.to);
      void this.show();
    }
  }

  override render(): TemplateResult {
    const state = this.current;
    const ask = this.#ask;
    const { announcement } = this.#write;
    const status = html`<p part="status" id="status" role="status" tabindex="-1">${announcement && this.t(announcement)}</p>`;
    const open = this.open;
    return html`<div part="base" class="base" lang=${this.locale} dir=${this.textDirection}>
      ${
        ask === 'offer' && !open
          ? html`<div part="notice"><p>${this.t('reconsent.offer')}</p><button type="button" part="review" id="review" @click=${() => this.show()}>${this.t('reconsent.review')}</button></div>`
          : nothing
      }
      ${status}
      ${state && this.messages && (ask || open) ? this.#renderDialog(state, ask ?? 'required') : nothing}
    </div>`;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  /** The policy shown in the dialog: the required purposes and the optional ones offered; the rest keep their answers. */
  #shownPolicy(check: ReconsentCheck): ConsentPolicy {
    const key = `${check.to} ${check.offer.join()}`;
    if (this.#shown?.key !== key) {
      const policy = (this.client as ConsentClient).policy;
      this.#shown = { key, policy: parsePolicy({ ...policy, purposes: policy.purposes.filter((purpose) => purpose.required || check.offer.includes(purpose.id)) }) };
    }
    return this.#shown.policy;
  }

  #renderDialog(state: ConsentState, ask: 'required' | 'offer'): TemplateResult {
    const check = state.reconsent;
    const { busy, phase, failure } = this.#write;
    const documentChanged = check.documents.some((change) => change.required);
    const title = ask === 'offer' ? 'reconsent.offer' : documentChanged ? 'reconsent.title' : 'reconsent.ask';
    const fresh = [...new Set([...check.offer, ...check.newPurposes.filter((id) => check.missingRequired.includes(id))])];
    return html`<dialog part="dialog" aria-labelledby="dt" aria-describedby="di" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="dt" part="title">${this.t(title)}</h2>
        <p id="di">${this.t(ask === 'offer' ? 'reconsent.offerIntro' : 'reconsent.intro')}</p>
        ${
          check.documents.length || fresh.length
            ? html`<ul part="changes">
              ${check.documents.map((change) => html`<li>${this.#documentChange(change)}</li>`)}
              ${fresh.map((id) => html`<li>${this.t('reconsent.purpose', { purpose: this.purposeLabel(id) })}</li>`)}
            </ul>`
            : nothing
        }
        <form @submit=${this.#accept} @assent-change=${this.#onChange}>
          <assent-terms part="terms" .policy=${this.#shownPolicy(check)} lang=${this.locale}></assent-terms>
          ${phase === 'error' ? this.failureNotice(failure, !!this.#attempt?.eventId) : nothing}
          <p role="status">${busy ? this.t('account.busy') : ''}</p>
          <div part="actions" class="actions">
            <button type="submit" id="accept" part="accept" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${this.t(phase === 'error' ? 'account.retry' : 'reconsent.accept')}</button>
            <button type="button" id="decline" part="decline" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#decline}>${this.t('reconsent.later')}</button>
          </div>
        </form>
      </div>
    </dialog>`;
  }

  /** "Terms of Service: new version 3.2 (previously 3.1)", the title linking the document. */
  #documentChange(change: DocumentChange): TemplateResult {
    const policy = (this.client as ConsentClient).policy;
    const title = documentLinks(policy, [change.id], this.locale, this.builtInTexts)[0] ?? { text: change.id };
    const href = title.href && safeUrl(title.href);
    const name = href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${title.text}</a>` : title.text;
    const template = change.from === null ? this.t('reconsent.documentNew', { to: change.to }) : this.t('reconsent.document', { from: change.from, to: change.to });
    const [before = '', after = ''] = template.split('{document}');
    return html`${before}${name}${after}`;
  }

  /** New ticks after a failure make a new decision, unless the old one is already queued (it is sent as it is). */
  #onChange(): void {
    if (this.#attempt && !this.#attempt.eventId) this.#attempt = null;
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    if (!this.#write.busy) this.#decline();
  }

  #onClose(): void {
    void this.updateComplete.then(() => {
      if (!this.renderRoot.querySelector('#review') && !this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('#status')?.focus();
    });
  }

  #decline(): void {
    const state = this.current;
    if (this.#write.busy || !state) return;
    this.#settled.add(state.reconsent.to);
    this.#dialog?.close();
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<AssentReconsentDeclinedDetail>('assent-reconsent-declined', { bubbles: true, composed: true, detail: { check: state.reconsent } }));
  }

  async #accept(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.current;
    const client = this.client;
    const terms = this.renderRoot.querySelector<AssentTerms>('assent-terms');
    if (this.#write.busy || !state || !client || !terms) return;
    // The form submits only once <assent-terms> is valid, that is with its decision ready.
    const shown = terms.decision;
    if (!shown) return;
    const check = state.reconsent;
    const outcome = await this.#write.run('the decision could not be recorded.', async () => {
      const attempt = (this.#attempt ??= { decision: await this.#decision(client, state, shown) });
      return { attempt, ...(await recordOnce(client, attempt, 'given', () => client.give(attempt.decision))) };
    });
    if (!outcome) return;
    this.#settled.add(check.to);
    this.#attempt = null;
    this.#write.succeeded(outcome, 'reconsent.done');
    this.#dialog?.close();
    this.dispatchEvent(
      new CustomEvent<AssentReconsentAcceptedDetail>('assent-reconsent-accepted', {
        bubbles: true,
        composed: true,
        detail: { decision: outcome.attempt.decision, eventId: outcome.eventId, pending: outcome.pending, state: outcome.state },
      }),
    );
  }

  /**
   * The decision on the whole current policy: what the dialog asked (the required purposes and the
   * offered ones, as ticked), and the optional purposes answered before, as they were.
   */
  async #decision(client: ConsentClient, state: ConsentState, shown: ConsentDecision): Promise<ConsentDecision> {
    const policy = client.policy;
    const offered = state.reconsent.offer;
    const kept = policy.purposes.filter((purpose) => !purpose.required && !offered.includes(purpose.id) && state.purposes[purpose.id] === true).map((purpose) => purpose.id);
    const accepted = policy.purposes.map((purpose) => purpose.id).filter((id) => shown.purposes.includes(id) || kept.includes(id));
    return createDecision(policy, { accepted, locale: shown.locale, messages: await loadMessages(shown.locale) });
  }
}
