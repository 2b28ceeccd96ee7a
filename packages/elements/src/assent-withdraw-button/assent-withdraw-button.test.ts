// <assent-withdraw-button> in Chromium against the run's emulator: a real user, a real consent
// client with the user's own token, and the stored consent read back with the machine client. The
// server modes (flag, delete) run against the real @assent/server in test/e2e/withdraw-button-server.test.ts.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AssentConfigError, type ConsentClient } from '@assent/core';
import { accountEn, loadAccountMessages } from '../shared/account-messages.js';
import { closeClients, holdingTransport, signedIn } from '../../../../test/browser/account-elements-support.js';
import { decide, injectUserFaults } from '../../../../test/browser/consent-support.js';
import type { AssentWithdrawButton } from './assent-withdraw-button.js';
import '../define/assent-withdraw-button.js';

let errors: unknown[][] = [];
const nativeError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => errors.push(args);
});
afterEach(() => {
  console.error = nativeError;
  closeClients();
});

/** The element on `client`, once it shows the user's state. */
async function mount(client: ConsentClient | null, attributes = ''): Promise<AssentWithdrawButton> {
  const host = await fixture<HTMLDivElement>(html`<div><input aria-label="Before" /></div>`);
  host.insertAdjacentHTML('beforeend', `<assent-withdraw-button ${attributes}></assent-withdraw-button>`);
  const element = host.querySelector('assent-withdraw-button')!;
  element.client = client;
  if (client) await waitUntil(() => element.state, 'the state is read');
  await element.updateComplete;
  return element;
}

const $ = <E extends Element = HTMLElement>(element: AssentWithdrawButton, selector: string) => element.shadowRoot!.querySelector<E>(selector);
const dialog = (element: AssentWithdrawButton) => $<HTMLDialogElement>(element, 'dialog')!;
const status = (element: AssentWithdrawButton) => $(element, '[part="status"]')!.textContent!.trim();
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function open(element: AssentWithdrawButton): Promise<void> {
  $(element, '#open')!.click();
  await waitUntil(() => dialog(element).open, 'the dialog opens');
}

/** Clicks a dialog button and waits for the outcome: the dialog closes, or shows an error. */
async function press(element: AssentWithdrawButton, id: string): Promise<void> {
  $(element, `#${id}`)!.click();
  await element.updateComplete;
  const idle = () => $(element, 'dialog > div')!.getAttribute('aria-busy') === 'false';
  await waitUntil(() => idle() && (!dialog(element).open || $(element, '[part="error"]') || $(element, '[role="alert"]')), 'the withdrawal ends', { timeout: 8000 });
  await element.updateComplete;
}

async function withdrawAll(element: AssentWithdrawButton): Promise<void> {
  await open(element);
  await press(element, 'all');
}

/** Withdraws everything while the user's next Management API PATCH fails with `status`. */
async function withdrawAllFailing(element: AssentWithdrawButton, emulator: Parameters<typeof injectUserFaults>[0], userId: string, status: number): Promise<void> {
  const clear = await injectUserFaults(emulator, userId, [{ method: 'PATCH', kind: 'status', status, times: 1 }]);
  try {
    await withdrawAll(element);
  } finally {
    await clear();
  }
}

describe('<assent-withdraw-button>', () => {
  describe('the dialog', () => {
    it('opens a modal dialog when the button is clicked', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      expect(text($(element, '#open'))).to.equal(accountEn['withdraw.button']);
      await open(element);
      expect(dialog(element).matches(':modal')).to.equal(true);
      expect(text($(element, 'h2'))).to.equal(accountEn['withdraw.button']);
    });

    it('moves focus into the dialog, onto Cancel', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      expect(element.shadowRoot!.activeElement?.id).to.equal('cancel');
    });

    it('lists each accepted optional purpose as an unticked box, by its sentence', async () => {
      const { client } = await signedIn({ accepted: ['terms', 'marketing'] });
      const element = await mount(client);
      await open(element);
      const boxes = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input')];
      expect(boxes.map((box) => [box.value, box.checked])).to.deep.equal([['marketing', false]]);
      expect(text($(element, 'fieldset label'))).to.equal('Email me news and offers from Acme GmbH.');
    });

    it('offers only "withdraw all" when no optional purpose is accepted', async () => {
      const { client } = await signedIn({ accepted: ['terms'] });
      const element = await mount(client);
      await open(element);
      expect($(element, 'fieldset')).to.equal(null);
      expect($(element, '#some')).to.equal(null);
      expect(text($(element, '#all'))).to.equal(accountEn['withdraw.all']);
    });

    it('says that withdrawing everything ends the agreement to the terms', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      expect(text($(element, '[part="note"]'))).to.equal('If you withdraw all, you no longer accept the Terms of Service and Privacy Policy.');
    });

    it('closes on Escape without withdrawing anything', async () => {
      const { client, stored } = await signedIn();
      const element = await mount(client);
      const before = await stored();
      await open(element);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(element).open, 'Escape closes the dialog');
      expect(await stored()).to.deep.equal(before);
    });

    it('returns focus to the button when it closes', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      $(element, '#cancel')!.click();
      await waitUntil(() => element.shadowRoot!.activeElement?.id === 'open', 'focus is back on the button');
    });

    it('asks to choose a purpose when "Withdraw selected" is pressed with none ticked', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      $(element, '#some')!.click();
      await element.updateComplete;
      expect(text($(element, '[role="alert"]'))).to.equal(accountEn['withdraw.pick']);
      expect(dialog(element).open).to.equal(true);
    });
  });

  describe('withdrawing', () => {
    it('"Withdraw all" stores a withdrawal that ends the consent [GDPR 7(3)]', async () => {
      const { client, stored } = await signedIn();
      const element = await mount(client);
      await withdrawAll(element);
      const consent = await stored();
      expect([consent.given, consent.purposes]).to.deep.equal([false, { terms: false, marketing: false }]);
      expect(consent.history.at(-1)!.event).to.equal('withdrawn');
    });

    it('withdrawing one optional purpose keeps the consent to the terms [Recital 43]', async () => {
      const { client, stored } = await signedIn();
      const element = await mount(client);
      await open(element);
      $<HTMLInputElement>(element, '#p-marketing')!.click();
      await press(element, 'some');
      const consent = await stored();
      expect([consent.given, consent.purposes]).to.deep.equal([true, { terms: true, marketing: false }]);
    });

    it('announces the result in a status message', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await withdrawAll(element);
      expect($(element, '[part="status"]')!.getAttribute('role')).to.equal('status');
      expect(status(element)).to.equal(accountEn['withdraw.done']);
    });

    it('clears the announcement once the consent changes again', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      $<HTMLInputElement>(element, '#p-marketing')!.click();
      await press(element, 'some');
      expect(status(element)).to.equal(accountEn['withdraw.done']);
      await client.give(await decide(client.policy, ['terms', 'marketing']));
      await element.updateComplete;
      expect(status(element)).to.equal('');
    });

    it('announces in the language shown now, also after the language changes', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await withdrawAll(element);
      element.lang = 'de';
      const de = await loadAccountMessages('de');
      await waitUntil(() => status(element) === de['withdraw.done'], 'the announcement follows the language');
    });

    it('hides the button once nothing is left to withdraw, and focuses the announcement', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await withdrawAll(element);
      await waitUntil(() => element.shadowRoot!.activeElement?.id === 'status', 'focus moves to the announcement');
      expect($(element, '#open')).to.equal(null);
    });

    it('fires assent-withdraw with the withdrawn purposes and the recorded event', async () => {
      const { client, stored } = await signedIn();
      const element = await mount(client);
      await open(element);
      $<HTMLInputElement>(element, '#p-marketing')!.click();
      const fired = oneEvent(element, 'assent-withdraw');
      $(element, '#some')!.click();
      const { detail, bubbles, composed } = await fired;
      expect([bubbles, composed]).to.deep.equal([true, true]);
      expect([detail.purposes, detail.all, detail.mode, detail.erased, detail.pending]).to.deep.equal([['marketing'], false, 'metadata', null, false]);
      expect((await stored()).history.at(-1)!.id).to.equal(detail.eventId);
    });

    it('never fires assent-withdraw when the state changes without the user', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      let fired = 0;
      element.addEventListener('assent-withdraw', () => fired++);
      await client.withdraw({ purposes: ['marketing'] });
      await element.updateComplete;
      expect(element.state!.purposes).to.deep.equal({ terms: true, marketing: false });
      expect(fired).to.equal(0);
    });

    it('says there is nothing to withdraw when no consent is recorded', async () => {
      const { client } = await signedIn({ accepted: null });
      const element = await mount(client);
      expect($(element, '#open')).to.equal(null);
      expect(status(element)).to.equal(accountEn['withdraw.nothing']);
    });
  });

  describe('failures', () => {
    it('shows what went wrong and offers to try again, keeping the dialog open', async () => {
      const { client, emulator, user } = await signedIn();
      const element = await mount(client);
      await withdrawAllFailing(element, emulator, user.userId, 401);
      expect(dialog(element).open).to.equal(true);
      expect(text($(element, '[part="error"] p'))).to.equal(accountEn['account.errorSession']);
      expect(text($(element, '#retry'))).to.equal(accountEn['account.retry']);
      expect(element.shadowRoot!.activeElement?.id).to.equal('retry');
    });

    it('"Try again" stores the withdrawal exactly once', async () => {
      const { client, emulator, user, stored } = await signedIn();
      const element = await mount(client);
      await withdrawAllFailing(element, emulator, user.userId, 401);
      await press(element, 'retry');
      expect(status(element)).to.equal(accountEn['withdraw.done']);
      expect((await stored()).history.filter((entry) => entry.event === 'withdrawn')).to.have.length(1);
    });

    it('after a transient failure says the withdrawal is kept on this device', async () => {
      const { client, emulator, user, stored } = await signedIn();
      const element = await mount(client);
      const fired = oneEvent(element, 'assent-withdraw');
      await withdrawAllFailing(element, emulator, user.userId, 503);
      expect(status(element)).to.equal(accountEn['account.pending']);
      expect((await fired).detail.pending).to.equal(true);
      expect((await stored()).given).to.equal(true);
    });

    it('announces the queued withdrawal once it is stored', async () => {
      const { client, emulator, user } = await signedIn();
      const element = await mount(client);
      await withdrawAllFailing(element, emulator, user.userId, 503);
      await client.flush();
      await waitUntil(() => status(element) === accountEn['withdraw.done'], 'the confirmation is announced');
    });
  });

  describe('configuration', () => {
    it('refuses an unknown mode with an AssentConfigError naming "mode"', async () => {
      const element = await mount(null, 'mode="erase"');
      const [, error] = errors.find(([message]) => String(message).includes('mode')) ?? [];
      expect(error).to.be.instanceOf(AssentConfigError);
      expect((error as AssentConfigError).option).to.equal('mode');
      expect(text($(element, '[role="alert"]'))).to.equal(accountEn['account.errorGeneric']);
    });

    it('requires server-url in flag mode', async () => {
      await mount(null, 'mode="flag"');
      const error = errors.map(([, value]) => value).find((value) => value instanceof AssentConfigError) as AssentConfigError;
      expect(error.option).to.equal('server-url');
    });

    it('refuses a server-url that would send the token in clear to another host', async () => {
      await mount(null, 'mode="delete" server-url="http://consent.acme.example"');
      const error = errors.map(([, value]) => value).find((value) => value instanceof AssentConfigError) as AssentConfigError;
      expect([error.option, error.message]).to.deep.equal(['server-url', 'server-url: "http://consent.acme.example" uses http, which only a local emulator may (localhost, 127.x.x.x, [::1])']);
    });

    it('names the erase action after the mode', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'mode="delete" server-url="https://consent.acme.example"');
      await open(element);
      expect(text($(element, '#all'))).to.equal(accountEn['withdraw.delete']);
      expect(text($(element, '[part="note"]'))).to.equal(accountEn['withdraw.deleteNote']);
    });
  });

  describe('keyboard', () => {
    it('withdraws with the keyboard alone: Tab, Enter, Space, Enter [GDPR 7(3)]', async () => {
      const { client, stored } = await signedIn();
      const element = await mount(client);
      element.parentElement!.querySelector('input')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement?.id).to.equal('open');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(element).open, 'Enter opens the dialog');
      // From Cancel back to the box, tick it, then on to "Withdraw selected".
      await sendKeys({ down: 'Shift' });
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(element.shadowRoot!.activeElement?.id).to.equal('p-marketing');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement?.id).to.equal('some');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !dialog(element).open, 'the withdrawal ends', { timeout: 8000 });
      expect((await stored()).purposes).to.deep.equal({ terms: true, marketing: false });
    });
  });

  describe('languages', () => {
    it('shows its texts in the language of the page', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'lang="de"');
      const de = await loadAccountMessages('de');
      await waitUntil(() => text($(element, '#open')) === de['withdraw.button'], 'German texts load');
      await open(element);
      expect(text($(element, '#all'))).to.equal(de['withdraw.all']);
      expect(text($(element, '[part="note"]'))).to.equal('Wenn Sie alles widerrufen, akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung nicht mehr.');
    });

    it('lays out right to left in Arabic', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'lang="ar"');
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Arabic texts load');
      expect($(element, '[part="base"]')!.getAttribute('lang')).to.equal('ar');
    });
  });

  describe('accessibility', () => {
    it('passes axe idle', async () => {
      const { client } = await signedIn();
      await expect(await mount(client)).to.be.accessible();
    });

    it('passes axe with the dialog open', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      await expect(element).to.be.accessible();
    });

    it('passes axe busy, and tells so while the request runs', async () => {
      const holding = holdingTransport();
      const { client } = await signedIn({ transport: holding.transport });
      const element = await mount(client);
      await open(element);
      holding.hold();
      $(element, '#all')!.click();
      try {
        await waitUntil(() => $(element, 'dialog > div')!.getAttribute('aria-busy') === 'true', 'the dialog is busy');
        expect(text($(element, 'dialog p[role="status"]'))).to.equal(accountEn['account.busy']);
        expect($(element, '#all')!.getAttribute('aria-disabled')).to.equal('true');
        await expect(element).to.be.accessible();
      } finally {
        holding.release();
      }
      await waitUntil(() => !dialog(element).open, 'the withdrawal ends', { timeout: 8000 });
    });

    it('passes axe showing an error', async () => {
      const { client, emulator, user } = await signedIn();
      const element = await mount(client);
      await withdrawAllFailing(element, emulator, user.userId, 400);
      expect($(element, '[part="error"]')).to.not.equal(null);
      await expect(element).to.be.accessible();
    });

    it('passes axe after a withdrawal', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await withdrawAll(element);
      await expect(element).to.be.accessible();
    });

    it('passes axe with nothing to withdraw, right to left', async () => {
      const { client } = await signedIn({ accepted: null });
      const element = await mount(client, 'lang="he"');
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Hebrew texts load');
      await expect(element).to.be.accessible();
    });

    it('gives its buttons a target of at least 24 by 24 pixels', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await open(element);
      for (const button of element.shadowRoot!.querySelectorAll('button')) {
        const { width, height } = button.getBoundingClientRect();
        expect(Math.min(width, height), button.id).to.be.at.least(24);
      }
    });
  });
});
