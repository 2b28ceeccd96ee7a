import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  AssentConfigError,
  ManagementError,
  documentLinks,
  plainText,
  purposeText,
  type ConsentClient,
  type ConsentState,
  type ManagementErrorCode,
} from '@assent/core';
import { AccountElement } from '../shared/account-element.js';
import { accountStyles } from '../shared/account.styles.js';
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
const TRANSIENT = ['network', 'timeout', 'rate_limited', 'server', 'conflict'];

/** One withdrawal the user asked for. A retry repeats it: same purposes, same event. */
interface Attempt {
  /** The purposes to withdraw; every accepted one when absent. */
  readonly purposes?: readonly string[];
  readonly erase?: EraseMode;
  /** Accepted purposes when the user asked (what "all" meant). */
  readonly accepted: readonly string[];
  /** The event already recorded: sent again by the server mode, flushed from the outbox by the metadata mode. */
  eventId?: string;
}

interface Outcome {
  readonly state: ConsentState | null;
  readonly eventId: string;
  readonly pending: boolean;
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
    phase: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
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

  protected declare phase: 'idle' | 'busy' | 'error';
  protected declare failure: unknown;
  /** Key of the text announcing the last outcome (translated when rendered, so it follows `lang`); '' for none. */
  protected declare announcement: string;
  protected declare selected: ReadonlySet<string>;
  protected declare mustPick: boolean;
  protected declare erased: EraseMode | null;

  #problem: AssentConfigError | null = null;
  #server: string | null = null;
  #attempt: Attempt | null = null;
  /** An event reported as queued: its confirmation is announced when the client hears it stored. */
  #waitingFor: string | null = null;
  /** The event the announcement is about. */
  #announced: string | null = null;

  constructor() {
    super();
    this.mode = 'metadata';
    this.serverUrl = null;
    this.getServerToken = null;
    this.phase = 'idle';
    this.failure = null;
    this.announcement = '';
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

  protected override stateChanged(state: ConsentState): void {
    const id = this.#waitingFor;
    if (id && !state.pending.some((event) => event.id === id) && state.history.some((entry) => entry.id === id)) {
      this.#waitingFor = null;
      this.announcement = 'withdraw.done';
    }
    // A later change (made elsewhere on the page, or on another device) makes the announcement stale.
    if (this.#announced && !this.#waitingFor && state.history.at(-1)?.id !== this.#announced) {
      this.#announced = null;
      this.announcement = '';
    }
  }

  override render(): TemplateResult {
    const state = this.current;
    const base = (content: unknown) => html`<div part="base" class="base" lang=${this.locale} dir=${this.textDirection}>${content}</div>`;
    if (!this.messages || (!state && !this.loadError && !this.#problem && !this.erased)) {
      return base(html`<p role="status">${this.t('account.loading')}</p>`);
    }
    if (this.#problem) return base(html`<p class="error" role="alert">${this.t('account.errorGeneric')}</p>`);
    const status = html`<p part="status" id="s" role="status" tabindex="-1">${this.announcement && this.t(this.announcement)}</p>`;
    if (this.erased === 'delete') return base(status);
    if (!state) {
      return base(html`<p class="error" role="alert">${this.t('account.error')}</p>
        <button type="button" @click=${() => this.reload()}>${this.t('account.retry')}</button>`);
    }
    const offered = this.#offered(state);
    return base(html`${offered
        ? html`<button type="button" part="button" id="open" aria-haspopup="dialog" @click=${this.#open}>${this.t('withdraw.button')}</button>`
        : nothing}
      ${offered || this.announcement ? status : html`<p part="status" id="s" role="status" tabindex="-1">${this.t('withdraw.nothing')}</p>`}
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
    const busy = this.phase === 'busy';
    const optional = policy.purposes.filter((purpose) => !purpose.required && state.purposes[purpose.id] === true);
    const required = policy.purposes.filter((purpose) => purpose.required);
    const endsTerms = required.some((purpose) => state.purposes[purpose.id] === true);
    const documents = plainText(documentLinks(policy, [...new Set(required.flatMap((purpose) => purpose.documents ?? []))], this.locale, this.builtInTexts));
    const note = mode === 'flag' ? this.t('withdraw.flagNote') : mode === 'delete' ? this.t('withdraw.deleteNote') : endsTerms ? this.t('withdraw.allNote', { documents }) : '';
    const all = mode === 'flag' ? 'withdraw.flag' : mode === 'delete' ? 'withdraw.delete' : 'withdraw.all';
    const sentence = (id: string) => plainText(purposeText(policy, id, this.locale, this.builtInTexts));
    const queued = this.phase === 'error' && !!this.#attempt?.eventId && mode === 'metadata';
    return html`<dialog part="dialog" aria-labelledby="dt" aria-describedby="di" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="dt" part="title">${this.t('withdraw.button')}</h2>
        <p id="di">${this.t('withdraw.intro')}</p>
        ${optional.length
          ? html`<fieldset part="choices" @change=${this.#onPick}>
              <legend>${this.t('withdraw.legend')}</legend>
              ${optional.map(
                ({ id }) => html`<div class="choice">
                  <input type="checkbox" id=${`p-${id}`} value=${id} .checked=${this.selected.has(id)} aria-disabled=${busy ? 'true' : 'false'} @click=${this.#guard} />
                  <label for=${`p-${id}`}>${sentence(id)}</label>
                </div>`,
              )}
            </fieldset>`
          : nothing}
        ${note ? html`<p part="note" class="note">${note}</p>` : nothing}
        ${this.mustPick ? html`<p class="error" role="alert">${this.t('withdraw.pick')}</p>` : nothing}
        ${this.phase === 'error'
          ? html`<div part="error" class="error" role="alert"><p>${this.errorText(this.failure)}</p>${queued ? html`<p>${this.t('account.pending')}</p>` : nothing}</div>`
          : nothing}
        <p role="status">${busy ? this.t('account.busy') : ''}</p>
        <div part="actions" class="actions">
          ${this.phase === 'error'
            ? html`<button type="button" id="retry" class="primary" @click=${this.#retry}>${this.t('account.retry')}</button>`
            : html`${optional.length
                  ? html`<button type="button" id="some" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#withdrawSelected}>${this.t('withdraw.selected')}</button>`
                  : nothing}
                <button type="button" id="all" part="confirm" class="danger" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#withdrawAll}>${this.t(all)}</button>`}
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
    this.phase = 'idle';
    this.failure = null;
    this.mustPick = false;
    this.selected = new Set();
    this.#attempt = null;
    await this.updateComplete;
    dialog.showModal();
  }

  /** Clicks on a control while a request runs change nothing (the controls stay focusable, so focus is never lost). */
  #guard(event: Event): void {
    if (this.phase === 'busy') event.preventDefault();
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
    if (this.phase === 'busy') event.preventDefault();
  }

  #onClose(): void {
    this.mustPick = false;
    if (this.phase === 'error') this.phase = 'idle';
    void this.updateComplete.then(() => this.#focusAfterClose());
  }

  #cancel(): void {
    if (this.phase !== 'busy') this.#dialog?.close();
  }

  /** Focus goes back to the button, or to the announcement when the button is gone (nothing left to withdraw). */
  #focusAfterClose(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#open') ?? this.renderRoot.querySelector<HTMLElement>('#s');
    target?.focus();
  }

  #withdrawAll(): void {
    if (this.phase === 'busy' || !this.current) return;
    const erase = this.#mode === 'metadata' ? undefined : (this.#mode as EraseMode);
    void this.#run({ accepted: this.current.accepted, ...(erase && { erase }) });
  }

  #withdrawSelected(): void {
    if (this.phase === 'busy' || !this.current || !this.client) return;
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
    this.phase = 'busy';
    this.failure = null;
    this.mustPick = false;
    let outcome: Outcome;
    try {
      outcome = this.#mode === 'metadata' ? await this.#throughClient(attempt) : await this.#throughServer(attempt);
    } catch (error) {
      console.error(`<${this.localName}>: the withdrawal failed.`, error);
      this.failure = error;
      this.phase = 'error';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#retry')?.focus();
      return;
    }
    this.#attempt = null;
    this.phase = 'idle';
    this.erased = outcome.erased;
    this.#waitingFor = outcome.pending ? outcome.eventId : null;
    this.#announced = outcome.erased === 'delete' ? null : outcome.eventId;
    this.announcement = outcome.pending ? 'account.pending' : outcome.erased === 'delete' ? 'withdraw.deleted' : outcome.erased === 'flag' ? 'withdraw.closed' : 'withdraw.done';
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

  /**
   * Through the consent client. A withdrawal the client already queued (it failed after being
   * recorded) is sent again from the outbox rather than recorded a second time.
   */
  async #throughClient(attempt: Attempt): Promise<Outcome> {
    const client = this.client as ConsentClient;
    if (attempt.eventId) {
      const id = attempt.eventId;
      const state = await client.flush();
      const waiting = state.pending.find((event) => event.id === id);
      if (waiting?.lastError && !TRANSIENT.includes(waiting.lastError)) throw new ManagementError(waiting.lastError as ManagementErrorCode);
      return { state, eventId: id, pending: !!waiting, erased: null };
    }
    const before = new Set((await client.pending()).map((event) => event.id));
    try {
      const change = await client.withdraw(attempt.purposes ? { purposes: attempt.purposes } : {});
      return { state: change, eventId: change.event.id, pending: change.pending.some((event) => event.id === change.event.id), erased: null };
    } catch (error) {
      const queued = (await client.pending().catch(() => [])).find((event) => !before.has(event.id) && event.event === 'withdrawn');
      if (queued) attempt.eventId = queued.id;
      throw error;
    }
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
