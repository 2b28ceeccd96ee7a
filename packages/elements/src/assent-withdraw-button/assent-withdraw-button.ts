import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import { AssentConfigError, documentLinks, plainText, purposeText, type ConsentClient, type ConsentState } from '@assent/core';
import { AccountElement } from '../shared/account-element.js';
import { accountStyles } from '../shared/account.styles.js';
import { ConsentWrite, recordOnce, type WriteAttempt, type Written } from '../shared/consent-write.js';
import { parseServerUrl, withdrawThroughServer, type EraseMode } from '../shared/consent-server.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './assent-withdraw-button.styles.js';

/** Where a withdrawal is written: `metadata` through the consent client (the user's token), `flag` / `delete` through @assent/server. */
export type WithdrawMode = 'metadata' | 'flag' | 'delete';

/** `detail` of the `assent-withdraw` event. */
export interface AssentWithdrawDetail {
  /** The purposes withdrawn. */
  readonly purposes: readonly string[];
  /** Whether the user withdrew everything they had accepted (which ends the consent). */
  readonly all: boolean;
  readonly mode: WithdrawMode;
  /** The account erasure the server performed with it: `flag`, `delete`, or null. */
  readonly erased: EraseMode | null;
  /** Id of the history entry recorded. */
  readonly eventId: string;
  /** True when the event waits in the outbox after a transient failure: it is stored on this device and sent later. */
  readonly pending: boolean;
  /** The consent state afterwards; null once the account is deleted. */
  readonly state: ConsentState | null;
}

const MODES: readonly WithdrawMode[] = ['metadata', 'flag', 'delete'];

/** One withdrawal the user asked for. A retry repeats it: same purposes, same event (sent again by the server mode, flushed from the outbox by the metadata mode). */
interface Attempt extends WriteAttempt {
  /** The purposes to withdraw; every accepted one when absent. */
  readonly purposes?: readonly string[];
  readonly erase?: EraseMode;
  /** Accepted purposes when the user asked (what "all" meant). */
  readonly accepted: readonly string[];
}

interface Outcome extends Written {
  readonly erased: EraseMode | null;
}

/**
 * A button that lets a signed-in user withdraw consent as easily as they gave it (GDPR Art. 7(3)).
 * One click opens a modal confirmation (a native `<dialog>`: focus moves in, Escape cancels, focus
 * returns to the button) where the user withdraws everything or chooses single optional purposes.
 * The result is announced (role=status); a failure says what went wrong and offers to try again,
 * without ever recording the withdrawal twice.
 *
 * `mode="metadata"` (the default) writes through the consent client with the user's own token. With
 * `mode="flag"` or `mode="delete"` the withdrawal goes to @assent/server
 * (`POST {server-url}/consent/withdraw`), which records it in app_metadata and, for "withdraw all",
 * closes the account (flag: logins are denied) or deletes it; optional purposes withdrawn on their
 * own go to the server without erasing anything.
 *
 * @summary One-click withdrawal of consent, with an accessible confirmation dialog.
 *
 * @attr lang - Language of the texts. Without it the closest `[lang]` ancestor decides, then English.
 *
 * @fires {CustomEvent<AssentWithdrawDetail>} assent-withdraw - The user withdrew and it is recorded (stored, or queued on this device after a transient failure: `detail.pending`). Never fired for programmatic changes.
 *
 * @csspart base - The wrapper of the button and the status message.
 * @csspart button - The button that opens the dialog.
 * @csspart status - The message announcing the result (role=status).
 * @csspart dialog - The confirmation dialog.
 * @csspart title - The dialog's heading.
 * @csspart choices - The group of optional purposes to choose from.
 * @csspart note - What withdrawing everything means (the terms end; the account is closed or deleted).
 * @csspart error - The error message in the dialog.
 * @csspart actions - The row of dialog buttons.
 * @csspart confirm - The button that withdraws everything.
 * @csspart cancel - The button that closes the dialog without withdrawing.
 *
 * @cssprop --assent-withdraw-button-background - Background of the button (falls back to `--assent-surface`).
 * @cssprop --assent-withdraw-button-color - Text colour of the button (falls back to `--assent-color`).
 * @cssprop --assent-withdraw-button-danger - Background of the "withdraw all" button (falls back to `--assent-danger`).
 * @cssprop --assent-accent - Colour of primary buttons and ticked boxes.
 * @cssprop --assent-danger - Colour of destructive buttons.
 * @cssprop --assent-surface - Background of buttons and of the dialog.
 * @cssprop --assent-border-color - Border colour of buttons and of the dialog.
 * @cssprop --assent-error-color - Colour of error messages.
 * @cssprop --assent-backdrop - The dialog's backdrop.
 * @cssprop --assent-color - Text colour of all Assent elements.
 * @cssprop --assent-font - Font family of all Assent elements.
 * @cssprop --assent-spacing - Base spacing of all Assent elements.
 * @cssprop --assent-radius - Corner radius of buttons and focus rings.
 */
export class AssentWithdrawButton extends AccountElement {
  static override styles = [sharedStyles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    mode: {},
    serverUrl: { attribute: 'server-url' },
    getServerToken: { attribute: false },
    selected: { state: true, attribute: false },
    mustPick: { state: true, attribute: false },
    erased: { state: true, attribute: false },
  };

  /** `metadata` (default): through the consent client. `flag` / `delete`: through the server at `server-url`, closing or deleting the account with "withdraw all". */
  declare mode: WithdrawMode;

  /** Base URL of @assent/server's consent API (https, or http on a loopback host); required by `flag` and `delete`. */
  declare serverUrl: string | null;

  /** Returns the signed-in user's access token for the server (the audience of your API); required by `flag` and `delete`. Called for every request, never stored. */
  declare getServerToken: (() => string | Promise<string>) | null;

  declare protected selected: ReadonlySet<string>;
  declare protected mustPick: boolean;
  declare protected erased: EraseMode | null;

  #problem: AssentConfigError | null = null;
  #server: string | null = null;
  #attempt: Attempt | null = null;
  /** The withdrawal being recorded, its failure and the announcement of its outcome. */
  readonly #write = new ConsentWrite(this);

  constructor() {
    super();
    this.mode = 'metadata';
    this.serverUrl = null;
    this.getServerToken = null;
    this.selected = new Set();
    this.mustPick = false;
    this.erased = null;
  }

  /** Whether the confirmation dialog is open. */
  get open(): boolean {
    return this.#dialog?.open ?? false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') || changed.has('serverUrl') || changed.has('getServerToken')) this.#configure();
  }

  override render(): TemplateResult {
    const state = this.current;
    const base = (content: unknown) => html`<div part="base" class="base" lang=${this.locale} dir=${this.textDirection}>${content}</div>`;
    if (!this.messages || (!state && !this.loadError && !this.#problem && !this.erased)) {
      return base(html`<p role="status">${this.t('account.loading')}</p>`);
    }
    if (this.#problem) return base(html`<p class="error" role="alert">${this.t('account.errorGeneric')}</p>`);
    const { announcement } = this.#write;
    const status = html`<p part="status" id="status" role="status" tabindex="-1">${announcement && this.t(announcement)}</p>`;
    if (this.erased === 'delete') return base(status);
    if (!state) {
      return base(html`<p class="error" role="alert">${this.t('account.error')}</p>
        <button type="button" @click=${() => this.reload()}>${this.t('account.retry')}</button>`);
    }
    const offered = this.#offered(state);
    return base(html`${offered ? html`<button type="button" part="button" id="open" aria-haspopup="dialog" @click=${this.#open}>${this.t('withdraw.button')}</button>` : nothing}
      ${offered || announcement ? status : html`<p part="status" id="status" role="status" tabindex="-1">${this.t('withdraw.nothing')}</p>`}
      ${this.#renderDialog(state)}`);
  }

  /** Whether there is something to withdraw (or, in the erase modes, an account to close). */
  #offered(state: ConsentState): boolean {
    return this.erased === null && (state.accepted.length > 0 || this.#mode !== 'metadata');
  }

  get #mode(): WithdrawMode {
    return MODES.includes(this.mode) ? this.mode : 'metadata';
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  #renderDialog(state: ConsentState): TemplateResult {
    const client = this.client as ConsentClient;
    const policy = client.policy;
    const mode = this.#mode;
    const { busy, phase, failure } = this.#write;
    const optional = policy.purposes.filter((purpose) => !purpose.required && state.purposes[purpose.id] === true);
    const required = policy.purposes.filter((purpose) => purpose.required);
    const endsTerms = required.some((purpose) => state.purposes[purpose.id] === true);
    const documents = plainText(documentLinks(policy, [...new Set(required.flatMap((purpose) => purpose.documents ?? []))], this.locale, this.builtInTexts));
    const note = mode === 'flag' ? this.t('withdraw.flagNote') : mode === 'delete' ? this.t('withdraw.deleteNote') : endsTerms ? this.t('withdraw.allNote', { documents }) : '';
    const all = mode === 'flag' ? 'withdraw.flag' : mode === 'delete' ? 'withdraw.delete' : 'withdraw.all';
    const sentence = (id: string) => plainText(purposeText(policy, id, this.locale, this.builtInTexts));
    const queued = phase === 'error' && !!this.#attempt?.eventId && mode === 'metadata';
    return html`<dialog part="dialog" aria-labelledby="dt" aria-describedby="di" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="dt" part="title">${this.t('withdraw.button')}</h2>
        <p id="di">${this.t('withdraw.intro')}</p>
        ${
          optional.length
            ? html`<fieldset part="choices" @change=${this.#onPick}>
              <legend>${this.t('withdraw.legend')}</legend>
              ${optional.map(
                ({ id }) => html`<div class="choice">
                  <input type="checkbox" id=${`p-${id}`} value=${id} .checked=${this.selected.has(id)} aria-disabled=${busy ? 'true' : 'false'} @click=${this.#guard} />
                  <label for=${`p-${id}`}>${sentence(id)}</label>
                </div>`,
              )}
            </fieldset>`
            : nothing
        }
        ${note ? html`<p part="note" class="note">${note}</p>` : nothing}
        ${this.mustPick ? html`<p class="error" role="alert">${this.t('withdraw.pick')}</p>` : nothing}
        ${phase === 'error' ? this.failureNotice(failure, queued) : nothing}
        <p role="status">${busy ? this.t('account.busy') : ''}</p>
        <div part="actions" class="actions">
          ${
            phase === 'error'
              ? html`<button type="button" id="retry" class="primary" @click=${this.#retry}>${this.t('account.retry')}</button>`
              : html`${
                  optional.length ? html`<button type="button" id="some" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#withdrawSelected}>${this.t('withdraw.selected')}</button>` : nothing
                }
                <button type="button" id="all" part="confirm" class="danger" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#withdrawAll}>${this.t(all)}</button>`
          }
          <button type="button" id="cancel" part="cancel" autofocus aria-disabled=${busy ? 'true' : 'false'} @click=${this.#cancel}>${this.t('account.cancel')}</button>
        </div>
      </div>
    </dialog>`;
  }

  #configure(): void {
    let problem: AssentConfigError | null = null;
    this.#server = null;
    if (!MODES.includes(this.mode)) {
      problem = new AssentConfigError('mode', `must be "metadata", "flag" or "delete", not ${JSON.stringify(this.mode)}`);
    } else if (this.mode !== 'metadata') {
      if (!this.serverUrl) problem = new AssentConfigError('server-url', `is required with mode="${this.mode}": the server closes or deletes the account`);
      else {
        try {
          this.#server = parseServerUrl(this.serverUrl);
        } catch (error) {
          problem = error as AssentConfigError;
        }
      }
    }
    if (problem && problem.message !== this.#problem?.message) console.error(`<${this.localName}>: ${problem.message}`, problem);
    this.#problem = problem;
  }

  async #open(): Promise<void> {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    this.#write.reset();
    this.mustPick = false;
    this.selected = new Set();
    this.#attempt = null;
    await this.updateComplete;
    dialog.showModal();
  }

  /** Clicks on a control while a request runs change nothing (the controls stay focusable, so focus is never lost). */
  #guard(event: Event): void {
    if (this.#write.busy) event.preventDefault();
  }

  #onPick(event: Event): void {
    const box = event.target as HTMLInputElement;
    const selected = new Set(this.selected);
    if (box.checked) selected.add(box.value);
    else selected.delete(box.value);
    this.selected = selected;
    this.mustPick = false;
  }

  #onCancel(event: Event): void {
    // Escape while the request runs would hide its outcome: the dialog stays until it is known.
    if (this.#write.busy) event.preventDefault();
  }

  #onClose(): void {
    this.mustPick = false;
    if (this.#write.phase === 'error') this.#write.reset();
    void this.updateComplete.then(() => this.#focusAfterClose());
  }

  #cancel(): void {
    if (!this.#write.busy) this.#dialog?.close();
  }

  /** Focus goes back to the button, or to the announcement when the button is gone (nothing left to withdraw). */
  #focusAfterClose(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#open') ?? this.renderRoot.querySelector<HTMLElement>('#status');
    target?.focus();
  }

  #withdrawAll(): void {
    if (this.#write.busy || !this.current) return;
    const erase = this.#mode === 'metadata' ? undefined : (this.#mode as EraseMode);
    void this.#run({ accepted: this.current.accepted, ...(erase && { erase }) });
  }

  #withdrawSelected(): void {
    if (this.#write.busy || !this.current || !this.client) return;
    const purposes = this.client.policy.purposes.map((purpose) => purpose.id).filter((id) => this.selected.has(id));
    if (!purposes.length) {
      this.mustPick = true;
      return;
    }
    void this.#run({ accepted: this.current.accepted, purposes });
  }

  #retry(): void {
    if (this.#attempt) void this.#run(this.#attempt);
  }

  async #run(attempt: Attempt): Promise<void> {
    this.#attempt = attempt;
    this.mustPick = false;
    const outcome = await this.#write.run('the withdrawal failed.', () => (this.#mode === 'metadata' ? this.#throughClient(attempt) : this.#throughServer(attempt)));
    if (!outcome) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#retry')?.focus();
      return;
    }
    const { erased } = outcome;
    this.#attempt = null;
    this.erased = erased;
    // A deleted account has nothing left to change: its announcement stays.
    this.#write.succeeded(
      outcome,
      'withdraw.done',
      outcome.pending ? 'account.pending' : erased === 'delete' ? 'withdraw.deleted' : erased === 'flag' ? 'withdraw.closed' : 'withdraw.done',
      erased === 'delete' ? null : outcome.eventId,
    );
    await this.updateComplete;
    if (this.#dialog?.open) this.#dialog.close();
    else this.#focusAfterClose();
    const chosen = attempt.purposes;
    this.dispatchEvent(
      new CustomEvent<AssentWithdrawDetail>('assent-withdraw', {
        bubbles: true,
        composed: true,
        detail: {
          purposes: attempt.purposes ?? attempt.accepted,
          all: !chosen || attempt.accepted.every((id) => chosen.includes(id)),
          mode: this.#mode,
          erased: outcome.erased,
          eventId: outcome.eventId,
          pending: outcome.pending,
          state: outcome.state,
        },
      }),
    );
  }

  /** Through the consent client, recorded once (a retry sends a queued withdrawal from the outbox). */
  async #throughClient(attempt: Attempt): Promise<Outcome> {
    const client = this.client as ConsentClient;
    const written = await recordOnce(client, attempt, 'withdrawn', () => client.withdraw(attempt.purposes ? { purposes: attempt.purposes } : {}));
    return { ...written, erased: null };
  }

  /** Through the server, with one event id for every try: the server records it once. */
  async #throughServer(attempt: Attempt): Promise<Outcome> {
    if (!this.getServerToken) throw new AssentConfigError('getServerToken', `is required with mode="${this.#mode}": a function returning the user's access token for the server`);
    attempt.eventId ??= crypto.randomUUID();
    const result = await withdrawThroughServer(
      { url: this.#server as string, getToken: this.getServerToken },
      { eventId: attempt.eventId, ...(attempt.purposes && { purposes: attempt.purposes }), ...(attempt.erase && { erase: attempt.erase }) },
    );
    let state = result.state;
    // The client reads the server's app_metadata copy too: refreshing it updates every element on the page.
    if (result.erased !== 'delete' && this.client) state = await this.client.getConsent().catch(() => result.state);
    return { state, eventId: result.eventId, pending: false, erased: result.erased };
  }
}
