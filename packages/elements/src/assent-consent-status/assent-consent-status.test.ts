// <assent-consent-status> in Chromium against the run's emulator: a real user, a real consent client
// with the user's own token; the history is made with the client, as other parts of a page make it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ConsentClient } from '@assent/core';
import { accountEn, loadAccountMessages } from '../shared/account-messages.js';
import { closeClients, signedIn } from '../../../../test/browser/account-elements-support.js';
import { decide, injectUserFaults, testPolicy } from '../../../../test/browser/consent-support.js';
import type { AssentConsentStatus } from './assent-consent-status.js';
import '../define/assent-consent-status.js';

const nativeError = console.error;
beforeEach(() => {
  console.error = () => undefined;
});
afterEach(() => {
  console.error = nativeError;
  closeClients();
});

async function mount(client: ConsentClient, attributes = ''): Promise<AssentConsentStatus> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<assent-consent-status ${attributes}></assent-consent-status>`;
  const element = host.querySelector('assent-consent-status')!;
  element.client = client;
  await waitUntil(() => element.shadowRoot!.querySelector('dl, [part="error"]'), 'the state or the error shows');
  await element.updateComplete;
  return element;
}

const $ = <E extends Element = HTMLElement>(element: AssentConsentStatus, selector: string) => element.shadowRoot!.querySelector<E>(selector);
const $$ = (element: AssentConsentStatus, selector: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The facts of the summary as [term, value] pairs. */
const facts = (element: AssentConsentStatus) => $$(element, 'dl > div').map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
const fact = (element: AssentConsentStatus, term: string) => facts(element).find(([name]) => name === term)?.[1];
const history = (element: AssentConsentStatus) => $$(element, '[part="history"] > li');
const longDate = (iso: string, locale = 'en') => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** Clicks "download" and returns the file the page would save (the click is kept from really downloading). */
async function download(element: AssentConsentStatus): Promise<{ name: string; body: Record<string, Record<string, unknown>> }> {
  let saved: Promise<{ name: string; body: Record<string, Record<string, unknown>> }> | undefined;
  element.shadowRoot!.addEventListener(
    'click',
    (event) => {
      const link = event.target as HTMLAnchorElement;
      if (link.localName !== 'a' || !link.download) return;
      event.preventDefault();
      // Read at once: the element revokes the Blob URL in its next task.
      saved = fetch(link.href).then(async (response) => ({ name: link.download, body: await response.json() }));
    },
    { capture: true },
  );
  $(element, '[part="download"]')!.click();
  await waitUntil(() => saved, 'the download starts');
  return saved!;
}

describe('<assent-consent-status>', () => {
  describe('the current consent', () => {
    it('shows the status, the policy version and the date of the last change', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      const state = element.state!;
      expect(fact(element, accountEn['status.status'])).to.equal(accountEn['status.given']);
      expect(fact(element, accountEn['status.version'])).to.equal('2026-11-01');
      expect(fact(element, accountEn['status.date'])).to.equal(longDate(state.date!));
      expect($(element, 'dd time')!.getAttribute('datetime')).to.equal(state.date);
    });

    it('says where the consent is recorded', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      expect(fact(element, accountEn['status.source'])).to.equal(accountEn[`source.${element.state!.source!}` as keyof typeof accountEn]);
    });

    it('lists each purpose by its name with whether it is accepted', async () => {
      const { client } = await signedIn({ accepted: ['terms'] });
      const element = await mount(client);
      expect($$(element, '[part="purposes"] > li').map(text)).to.deep.equal(['Terms of use: accepted', 'News and offers by email: not accepted']);
    });

    it('shows "needs renewal" when a required document has a new version', async () => {
      const { client } = await signedIn({ policy: testPolicy({ version: '2026-12-01', termsVersion: '3.2' }) });
      const element = await mount(client);
      expect(fact(element, accountEn['status.status'])).to.equal(accountEn['status.outdated']);
    });

    it('follows the client: a withdrawal made elsewhere on the page shows at once', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      await client.withdraw();
      await element.updateComplete;
      expect(fact(element, accountEn['status.status'])).to.equal(accountEn['status.withdrawn']);
    });

    it('says so when no consent is recorded, and offers no download', async () => {
      const { client } = await signedIn({ accepted: null });
      const element = await mount(client);
      expect(fact(element, accountEn['status.status'])).to.equal(accountEn['status.none']);
      expect(text($(element, '#hl + p'))).to.equal(accountEn['status.empty']);
      expect($(element, '[part="download"]')).to.equal(null);
    });
  });

  describe('the history', () => {
    it('lists every event oldest first, each with its date', async () => {
      const { client } = await signedIn({ accepted: ['terms'] });
      const policy = client.policy;
      await client.give(await decide(policy, ['terms', 'marketing']));
      await client.withdraw({ purposes: ['marketing'] });
      const element = await mount(client);
      const entries = element.state!.history;
      expect(history(element)).to.have.length(3);
      expect(history(element).map((item) => item.querySelector('time')!.getAttribute('datetime'))).to.deep.equal(entries.map((entry) => entry.at));
      expect(history(element).map((item) => text(item.querySelector('time')))).to.deep.equal(entries.map((entry) => longDate(entry.at)));
    });

    it('says what each event gave or withdrew', async () => {
      const { client } = await signedIn({ accepted: ['terms'] });
      await client.give(await decide(client.policy, ['terms', 'marketing']));
      await client.withdraw({ purposes: ['marketing'] });
      const element = await mount(client);
      expect(history(element).map((item) => text(item).replace(/^.*?: /, ''))).to.deep.equal([
        'Consent given. Accepted: Terms of use.',
        'Consent given. Accepted: Terms of use and News and offers by email.',
        'Consent withdrawn. Withdrawn: News and offers by email.',
      ]);
    });

    it('marks an event that waits on this device to be sent', async () => {
      const { client, emulator, user } = await signedIn();
      const element = await mount(client);
      const clear = await injectUserFaults(emulator, user.userId, [{ method: 'PATCH', kind: 'status', status: 503, times: 1 }]);
      try {
        await client.withdraw({ purposes: ['marketing'] });
      } finally {
        await clear();
      }
      await element.updateComplete;
      expect(text(history(element).at(-1)!)).to.contain(accountEn['history.pending']);
      expect(history(element).at(-1)!.classList.contains('pending')).to.equal(true);
    });

    it('shows the dates in the language of the page', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'lang="de"');
      const de = await loadAccountMessages('de');
      await waitUntil(() => fact(element, de['status.status']!), 'German texts load');
      const at = element.state!.history[0]!.at;
      expect(text(history(element)[0]!.querySelector('time'))).to.equal(longDate(at, 'de'));
    });

    it('lays out right to left in Hebrew', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'lang="he"');
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Hebrew texts load');
    });
  });

  describe('download my consent record', () => {
    it('saves a JSON file named after the policy and the day', async () => {
      const { client } = await signedIn();
      const element = await mount(client);
      const { name } = await download(element);
      expect(name).to.equal(`consent-record-acme-signup-${new Date().toISOString().slice(0, 10)}.json`);
    });

    it('holds the ISO/IEC TS 27560 JSON-LD record and the Kantara receipt of the user [EDPB records]', async () => {
      const { client, user } = await signedIn();
      const element = await mount(client);
      element.email = user.email;
      const { body } = await download(element);
      expect(body.record!['@type']).to.equal('dpv:ConsentRecord');
      expect(body.record!['dpv:hasDataSubject']).to.deep.equal({ '@type': 'dpv:DataSubject', 'dct:identifier': user.userId, 'dpv:hasContact': `mailto:${user.email}` });
      expect([body.receipt!.version, body.receipt!.piiPrincipalId]).to.deep.equal(['KI-CR-v1.1.0', user.email]);
    });

    it('records the whole history: the receipt is the newest event', async () => {
      const { client } = await signedIn();
      await client.withdraw({ purposes: ['marketing'] });
      const element = await mount(client);
      const { body } = await download(element);
      expect(body.receipt!.consentReceiptID).to.equal(element.state!.history.at(-1)!.id);
      expect(body.record!['dct:identifier']).to.equal(element.state!.history.at(-1)!.id);
    });
  });

  describe('failures', () => {
    it('says the consent could not be loaded and offers to try again', async () => {
      const { client, emulator, user } = await signedIn();
      const clear = await injectUserFaults(emulator, user.userId, [{ method: 'GET', kind: 'status', status: 500, times: 1 }]);
      let element: AssentConsentStatus;
      try {
        element = await mount(client);
      } finally {
        await clear();
      }
      expect(text($(element, '[part="error"]'))).to.equal(accountEn['account.error']);
      $(element, 'button')!.click();
      await waitUntil(() => $(element, 'dl'), 'the state shows after trying again');
    });
  });

  describe('accessibility', () => {
    it('passes axe with a consent given', async () => {
      const { client } = await signedIn();
      await expect(await mount(client)).to.be.accessible();
    });

    it('passes axe withdrawn, with a history', async () => {
      const { client } = await signedIn();
      await client.withdraw();
      await expect(await mount(client)).to.be.accessible();
    });

    it('passes axe with an empty history', async () => {
      const { client } = await signedIn({ accepted: null });
      await expect(await mount(client)).to.be.accessible();
    });

    it('passes axe showing an error', async () => {
      const { client, emulator, user } = await signedIn();
      const clear = await injectUserFaults(emulator, user.userId, [{ method: 'GET', kind: 'status', status: 500, times: 1 }]);
      let element: AssentConsentStatus;
      try {
        element = await mount(client);
      } finally {
        await clear();
      }
      await expect(element).to.be.accessible();
    });

    it('passes axe right to left', async () => {
      const { client } = await signedIn();
      const element = await mount(client, 'lang="ar"');
      await waitUntil(() => $(element, '[part="base"]')!.getAttribute('dir') === 'rtl', 'Arabic texts load');
      await expect(element).to.be.accessible();
    });
  });
});
