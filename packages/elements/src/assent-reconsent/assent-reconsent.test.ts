// <assent-reconsent> in Chromium against the run's emulator. A user signs up on the policy of
// 2026-11-01 and a first page converts the signup consent (recording the document versions); the
// element then runs on a changed policy, as the page does after the controller published it.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadMessages, type ConsentClient, type ConsentPolicy } from '@assent/core';
import { accountEn, loadAccountMessages } from '../shared/account-messages.js';
import { closeClients, holdingTransport, signedIn, type SignedIn } from '../../../../test/browser/account-elements-support.js';
import { injectUserFaults, testPolicy } from '../../../../test/browser/consent-support.js';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import type { AssentReconsent } from './assent-reconsent.js';
import '../define/assent-reconsent.js';

const nativeError = console.error;
beforeEach(() => {
  console.error = () => undefined;
});
afterEach(() => {
  console.error = nativeError;
  closeClients();
});

/** The terms at a new version: asking again is required. */
const newTerms = testPolicy({ version: '2026-12-01', termsVersion: '3.2' });
/** Only a new optional purpose: it is offered. */
const newOption = testPolicy({ version: '2026-12-01', extraPurposes: [{ id: 'newsletter', required: false, basis: 'consent' }] });

/** A user who consented to the policy of 2026-11-01 (`accepted`), and their client on `policy`. */
async function consented(policy: ConsentPolicy, accepted = ['terms', 'marketing'], options: Parameters<typeof signedIn>[0] = {}): Promise<SignedIn & { current: ConsentClient }> {
  const signed = await signedIn({ accepted, ...options });
  await signed.client.getConsent();
  return { ...signed, current: signed.clientFor(policy) };
}

async function mount(client: ConsentClient, attributes = ''): Promise<AssentReconsent> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<assent-reconsent ${attributes}></assent-reconsent>`;
  const element = host.querySelector('assent-reconsent')!;
  element.client = client;
  await waitUntil(() => element.state, 'the state is read');
  await element.updateComplete;
  return element;
}

const $ = <E extends Element = HTMLElement>(element: AssentReconsent, selector: string) => element.shadowRoot!.querySelector<E>(selector);
const dialog = (element: AssentReconsent) => $<HTMLDialogElement>(element, 'dialog');
const terms = (element: AssentReconsent) => $<AssentTerms>(element, 'assent-terms')!;
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function opened(element: AssentReconsent): Promise<void> {
  await waitUntil(() => dialog(element)?.open, 'the dialog opens');
  await terms(element).updateComplete;
  await waitUntil(() => terms(element).shadowRoot!.querySelector('#required'), 'the terms render');
}

/** Ticks a box of the dialog's <assent-terms> and waits for its decision. */
async function tick(element: AssentReconsent, selector: string): Promise<void> {
  const changed = oneEvent(terms(element), 'assent-change');
  terms(element).shadowRoot!.querySelector<HTMLInputElement>(selector)!.click();
  await changed;
}

/** Presses Accept and waits until the dialog closes or shows an error. */
async function accept(element: AssentReconsent): Promise<void> {
  $(element, '#accept')!.click();
  await element.updateComplete;
  await waitUntil(() => $(element, 'dialog > div')?.getAttribute('aria-busy') !== 'true' && (!dialog(element)?.open || $(element, '[part="error"]')), 'the answer is recorded', { timeout: 8000 });
  await element.updateComplete;
}

describe('<assent-reconsent>', () => {
  describe('a changed document behind a required purpose', () => {
    it('opens a modal dialog by itself', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      expect(dialog(element)!.matches(':modal')).to.equal(true);
      expect(text($(element, 'h2'))).to.equal(accountEn['reconsent.title']);
    });

    it('lists the document that changed, with its old and new version and a link', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      const item = $(element, '[part="changes"] li')!;
      expect(text(item)).to.equal('We have updated the Terms of Service: version 3.2 (previously 3.1).');
      expect(item.querySelector('a')!.getAttribute('href')).to.equal('https://acme.example/terms');
    });

    it('asks again with <assent-terms>, its required box unticked [EDPB re-consent]', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      expect(terms(element).checked).to.equal(false);
      expect(terms(element).policy!.version).to.equal('2026-12-01');
    });

    it('accepting records the decision on the new version', async () => {
      const { current, stored } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      await accept(element);
      const consent = (await stored()) as unknown as { version: string; given: boolean; history: { event: string }[] };
      expect([consent.version, consent.given, consent.history.at(-1)!.event]).to.deep.equal(['2026-12-01', true, 'given']);
      expect(dialog(element)?.open ?? false).to.equal(false);
      expect(text($(element, '[part="status"]'))).to.equal(accountEn['reconsent.done']);
    });

    it('accepting keeps an optional purpose the user had accepted', async () => {
      const { current, stored } = await consented(newTerms, ['terms', 'marketing']);
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      await accept(element);
      expect((await stored()).purposes).to.deep.equal({ terms: true, marketing: true });
    });

    it('fires assent-reconsent-accepted with the recorded decision', async () => {
      const { current, stored } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      const fired = oneEvent(element, 'assent-reconsent-accepted');
      $(element, '#accept')!.click();
      const { detail, bubbles, composed } = await fired;
      expect([bubbles, composed, detail.pending, detail.decision.version, detail.decision.purposes]).to.deep.equal([true, true, false, '2026-12-01', ['terms', 'marketing']]);
      expect((await stored()).history.at(-1)!.id).to.equal(detail.eventId);
    });

    it('Accept without the required box shows the terms error and records nothing', async () => {
      const { current, stored } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      const before = await stored();
      $(element, '#accept')!.click();
      await terms(element).updateComplete;
      expect(text(terms(element).shadowRoot!.querySelector('[part="error"]'))).to.equal('Please accept the Terms of Service and Privacy Policy to continue.');
      expect(dialog(element)!.open).to.equal(true);
      expect(await stored()).to.deep.equal(before);
    });
  });

  describe('declining', () => {
    it('"Not now" keeps the stored consent and fires assent-reconsent-declined', async () => {
      const { current, stored } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      const before = await stored();
      const fired = oneEvent(element, 'assent-reconsent-declined');
      $(element, '#decline')!.click();
      const { detail } = await fired;
      expect([detail.check.required, detail.check.to, detail.check.documents.map((change: { id: string }) => change.id)]).to.deep.equal([true, 'acme-signup@2026-12-01', ['terms']]);
      expect(dialog(element)?.open ?? false).to.equal(false);
      expect(await stored()).to.deep.equal(before);
    });

    it('Escape declines too', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      const fired = oneEvent(element, 'assent-reconsent-declined');
      await sendKeys({ press: 'Escape' });
      await fired;
      expect(dialog(element)?.open ?? false).to.equal(false);
    });

    it('does not ask again on this page for the same version', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      $(element, '#decline')!.click();
      await current.getConsent();
      await element.updateComplete;
      expect(dialog(element)).to.equal(null);
    });
  });

  describe('a new optional purpose', () => {
    it('is only offered: a notice, no dialog', async () => {
      const { current } = await consented(newOption);
      const element = await mount(current);
      expect(dialog(element)?.open ?? false).to.equal(false);
      expect(text($(element, '[part="notice"] p'))).to.equal(accountEn['reconsent.offer']);
    });

    it('"Review" shows it unticked, with the standing agreement ticked', async () => {
      const { current } = await consented(newOption, ['terms']);
      const element = await mount(current);
      $(element, '#review')!.click();
      await opened(element);
      await waitUntil(() => terms(element).checked, 'the agreement shows ticked');
      const boxes = [...terms(element).shadowRoot!.querySelectorAll<HTMLInputElement>('input:not(#required)')];
      expect(boxes.map((box) => [box.value, box.checked])).to.deep.equal([['newsletter', false]]);
      expect(text($(element, '[part="changes"]'))).to.equal('New: Newsletter');
    });

    it('accepting it records it and leaves the other answers as they were', async () => {
      const { current, stored } = await consented(newOption, ['terms']);
      const element = await mount(current);
      $(element, '#review')!.click();
      await opened(element);
      await waitUntil(() => terms(element).decision, 'the standing agreement makes a decision');
      await tick(element, 'input[value="newsletter"]');
      await accept(element);
      expect((await stored()).purposes).to.deep.equal({ terms: true, marketing: false, newsletter: true });
    });
  });

  describe('nothing to ask', () => {
    it('shows nothing when the consent is current', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      expect(dialog(element)).to.equal(null);
      expect($(element, '[part="notice"]')).to.equal(null);
    });

    it('never asks a user who withdrew', async () => {
      const signed = await signedIn();
      await signed.client.withdraw();
      const element = await mount(signed.clientFor(newTerms));
      expect(dialog(element)).to.equal(null);
    });
  });

  describe('failures', () => {
    it('keeps the dialog open with the error and a retry that records the decision once', async () => {
      const { current, emulator, user, stored } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      const clear = await injectUserFaults(emulator, user.userId, [{ method: 'PATCH', kind: 'status', status: 401, times: 1 }]);
      try {
        await accept(element);
      } finally {
        await clear();
      }
      expect(text($(element, '[part="error"] p'))).to.equal(accountEn['account.errorSession']);
      expect(text($(element, '#accept'))).to.equal(accountEn['account.retry']);
      await accept(element);
      expect(dialog(element)?.open ?? false).to.equal(false);
      expect((await stored()).history.filter((entry) => entry.event === 'given')).to.have.length(2);
    });
  });

  describe('languages', () => {
    it('asks in the language of the page', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current, 'lang="fr"');
      await opened(element);
      const fr: Record<string, string> = { ...(await loadMessages('fr')), ...(await loadAccountMessages('fr')) };
      await waitUntil(() => text($(element, 'h2')) === fr['reconsent.title'], 'French texts load');
      expect(text($(element, '[part="changes"] li'))).to.equal(`Nous avons mis à jour ${fr['document.terms']} : version 3.2 (auparavant 3.1).`);
    });

    it('lays out right to left in Hebrew', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current, 'lang="he"');
      await opened(element);
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Hebrew texts load');
    });
  });

  describe('accessibility', () => {
    it('passes axe with the dialog open', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      await expect(element).to.be.accessible();
    });

    it('passes axe showing the offer notice', async () => {
      const { current } = await consented(newOption);
      await expect(await mount(current)).to.be.accessible();
    });

    it('passes axe busy', async () => {
      const holding = holdingTransport();
      const { current } = await consented(newTerms, ['terms', 'marketing'], { transport: holding.transport });
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      holding.hold();
      $(element, '#accept')!.click();
      try {
        await waitUntil(() => $(element, 'dialog > div')!.getAttribute('aria-busy') === 'true', 'the dialog is busy');
        expect(text($(element, 'form > p[role="status"]'))).to.equal(accountEn['account.busy']);
        await expect(element).to.be.accessible();
      } finally {
        holding.release();
      }
      await waitUntil(() => !dialog(element)?.open, 'the answer is recorded', { timeout: 8000 });
    });

    it('passes axe showing an error', async () => {
      const { current, emulator, user } = await consented(newTerms);
      const element = await mount(current);
      await opened(element);
      await tick(element, '#required');
      const clear = await injectUserFaults(emulator, user.userId, [{ method: 'PATCH', kind: 'status', status: 400, times: 1 }]);
      try {
        await accept(element);
      } finally {
        await clear();
      }
      await expect(element).to.be.accessible();
    });

    it('passes axe after accepting, right to left', async () => {
      const { current } = await consented(newTerms);
      const element = await mount(current, 'lang="ar"');
      await opened(element);
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Arabic texts load');
      await tick(element, '#required');
      await accept(element);
      await expect(element).to.be.accessible();
    });
  });
});
