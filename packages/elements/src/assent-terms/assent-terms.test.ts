import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia, findAccessibilityNode, sendKeys, sendMouse } from '@web/test-runner-commands';
import { en, loadMessages, parsePolicy, plainText, purposeText, shownText, verifyDecision, type ConsentPolicy, type PolicyError } from '@assent/core';
import { AssentTerms } from './assent-terms.js';
import '../define/assent-terms.js';

// Document links point at this dev server, so a click that opens one stays offline.
const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: '/__assent/docs/terms', version: '3.1' },
    { id: 'privacy', url: '/__assent/docs/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
});

/** Only the required agreement: one line of text. */
const requiredOnly = parsePolicy({ ...policy, purposes: [policy.purposes[0]] });
const oneOptional = parsePolicy({ ...policy, purposes: policy.purposes.slice(0, 2) });

const WIRE_FIELDS = ['consent_policy', 'consent_purposes', 'consent_at', 'consent_locale', 'consent_hash'];

interface AxNode {
  role: string;
  name: string;
  description?: string;
  children: AxNode[];
}

async function mount(terms = policy, attributes = ''): Promise<AssentTerms> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<assent-terms ${attributes}></assent-terms>`;
  const element = host.querySelector('assent-terms')!;
  element.policy = terms;
  await element.updateComplete;
  return element;
}

async function mountInForm(terms = policy): Promise<{ form: HTMLFormElement; element: AssentTerms }> {
  const form = await fixture<HTMLFormElement>(html`<form><assent-terms .policy=${terms}></assent-terms><button>Sign up</button></form>`);
  const element = form.querySelector('assent-terms')!;
  await element.updateComplete;
  return { form, element };
}

/** Resolves when the element shows its boxes (after a language or a policy-src has loaded). */
async function shown(element: AssentTerms): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector('#required'), 'the required box renders');
  await element.updateComplete;
}

const $ = <E extends Element = HTMLElement>(element: AssentTerms, selector: string) => element.shadowRoot!.querySelector<E>(selector)!;
const $$ = <E extends Element = HTMLElement>(element: AssentTerms, selector: string) => [...element.shadowRoot!.querySelectorAll<E>(selector)];
const requiredBox = (element: AssentTerms) => $<HTMLInputElement>(element, '#required');
const optionalBoxes = (element: AssentTerms) => $$<HTMLInputElement>(element, 'input:not(#required)');
const labels = (element: AssentTerms) => $$<HTMLLabelElement>(element, 'label');
const links = (element: AssentTerms) => $$<HTMLAnchorElement>(element, 'a');
const errorText = (element: AssentTerms) => $(element, '#error').textContent!.trim();
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

/** Ticks a box as a user does, and resolves when the new decision is ready. */
async function userTicks(element: AssentTerms, box: HTMLInputElement): Promise<void> {
  const changed = oneEvent(element, 'assent-change');
  box.click();
  await changed;
  await element.updateComplete;
}

async function clickCenter(target: Element): Promise<void> {
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/**
 * Points the element's links at a frame of the test page, so following one (which the tests let
 * happen: cancelling the click would also cancel what they check) neither opens a tab nor leaves
 * the page. Returns a promise of the path the frame then loads, which proves a link was followed.
 */
function followLinksInFrame(element: AssentTerms): Promise<string> {
  const frame = document.createElement('iframe');
  frame.name = `doc-${crypto.randomUUID()}`;
  frame.title = 'Document';
  element.after(frame);
  for (const link of links(element)) link.target = frame.name;
  return new Promise((resolve) => {
    frame.addEventListener('load', () => {
      const { href, pathname } = frame.contentWindow!.location;
      if (href !== 'about:blank') resolve(pathname);
    });
  });
}

/** The page's accessibility tree (fixtures are removed after each test, so it holds the current one only). */
async function accessibilityTree(): Promise<AxNode> {
  return (await a11ySnapshot({})) as unknown as AxNode;
}

/** Collects console.error calls while a test runs. */
let errors: unknown[][] = [];
const nativeError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => errors.push(args);
});
afterEach(() => {
  console.error = nativeError;
});

/** A policy-src URL whose response the test sends when it wants (see test/browser-plugins.mjs). */
function heldPolicy(): { src: string; release(body: unknown): Promise<Response> } {
  const token = `policy-${crypto.randomUUID()}`;
  return {
    src: `/__assent/held/${token}`,
    release: (body) => fetch(`/__assent/release/${token}?body=${encodeURIComponent(JSON.stringify(body))}`),
  };
}

describe('<assent-terms>', () => {
  describe('rendering', () => {
    it('renders the required box unticked [Recital 32]', async () => {
      const element = await mount();
      expect(requiredBox(element).type).to.equal('checkbox');
      expect(requiredBox(element).checked).to.equal(false);
      expect(element.checked).to.equal(false);
    });

    it('renders the required sentence with each document as a link [Recital 42]', async () => {
      const element = await mount();
      expect(text(labels(element)[0]!)).to.equal('I agree to the Terms of Service and Privacy Policy.');
      expect(links(element).map((link) => [text(link), link.getAttribute('href')])).to.deep.equal([
        ['Terms of Service', '/__assent/docs/terms'],
        ['Privacy Policy', '/__assent/docs/privacy'],
      ]);
    });

    it('renders one unticked box per optional purpose [Recital 32]', async () => {
      const element = await mount();
      expect(optionalBoxes(element).map((box) => [box.value, box.checked])).to.deep.equal([
        ['marketing', false],
        ['analytics', false],
      ]);
    });

    it('groups several optional purposes in a fieldset with a legend', async () => {
      const element = await mount();
      const fieldset = $(element, 'fieldset');
      expect(text(fieldset.querySelector('legend')!)).to.equal(en['optional.legend']);
      expect(fieldset.querySelectorAll('input')).to.have.length(2);
    });

    it('renders a single optional purpose without a fieldset', async () => {
      const element = await mount(oneOptional);
      expect(element.shadowRoot!.querySelector('fieldset')).to.equal(null);
      expect(optionalBoxes(element)).to.have.length(1);
    });

    it('tells the user that optional consent can be withdrawn [GDPR 7(3)]', async () => {
      const element = await mount();
      expect(text($(element, '[part="hint"]'))).to.equal(en['optional.hint']);
    });

    it('renders the boxes in its first update when the policy is inline', async () => {
      let boxesInFirstUpdate = -1;
      class FirstUpdateProbe extends AssentTerms {
        protected override firstUpdated(): void {
          boxesInFirstUpdate = this.shadowRoot!.querySelectorAll('input[type=checkbox]').length;
        }
      }
      customElements.define('first-update-probe', FirstUpdateProbe);
      const probe = document.createElement('first-update-probe') as FirstUpdateProbe;
      probe.policy = policy;
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(probe);
      await probe.updateComplete;
      expect(boxesInFirstUpdate).to.equal(3);
    });

    it('keeps the ticks and decision of each box apart when several share one policy object', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms .policy=${policy}></assent-terms><assent-terms .policy=${policy}></assent-terms></div>`);
      const [first, second] = [...host.querySelectorAll('assent-terms')] as [AssentTerms, AssentTerms];
      await Promise.all([first.updateComplete, second.updateComplete]);
      await userTicks(first, requiredBox(first));
      await userTicks(first, optionalBoxes(first)[0]!);
      expect([first.checked, second.checked]).to.deep.equal([true, false]);
      expect(first.decision?.purposes).to.deep.equal(['terms', 'marketing']);
      expect(second.decision).to.equal(null);
      expect(optionalBoxes(second).map((box) => box.checked)).to.deep.equal([false, false]);
      expect(labels(second).map(text)).to.deep.equal(labels(first).map(text));
    });

    it('shows on screen exactly the text the consent hash covers [GDPR 7(2)]', async () => {
      const element = await mount();
      expect(labels(element).map(text)).to.deep.equal(shownText(policy, 'en', en).split('\n'));
    });
  });

  describe('keyboard and pointer', () => {
    it('reaches the required box with Tab and ticks it with Space', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><input aria-label="Email" /><assent-terms .policy=${policy}></assent-terms></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      form.querySelector('input')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(requiredBox(element));
      const changed = oneEvent(element, 'assent-change');
      await sendKeys({ press: 'Space' });
      await changed;
      expect(element.checked).to.equal(true);
    });

    it('shows a visible focus ring on a box focused from the keyboard', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><input aria-label="Email" /><assent-terms .policy=${policy}></assent-terms></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      form.querySelector('input')!.focus();
      await sendKeys({ press: 'Tab' });
      const style = getComputedStyle(requiredBox(element));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });

    it('focus() moves focus to the required box', async () => {
      const element = await mount();
      element.focus();
      expect(element.shadowRoot!.activeElement).to.equal(requiredBox(element));
    });

    it('ticks the required box when the user clicks its sentence', async () => {
      const element = await mount();
      // "I agree to the " comes first: click inside it, away from the links.
      const sentence = $(element, 'label[for="required"]').getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(sentence.left + 12), Math.round(sentence.top + 12)] });
      await waitUntil(() => element.decision, 'the decision is ready');
      expect(element.checked).to.equal(true);
    });

    it('does not toggle the box when the user clicks a document link', async () => {
      const element = await mount();
      const followed = followLinksInFrame(element);
      await clickCenter(links(element)[0]!);
      expect(await followed).to.equal('/__assent/docs/terms');
      await element.updateComplete;
      expect(requiredBox(element).checked).to.equal(false);
      expect(element.checked).to.equal(false);
    });

    it('does not toggle the box when the user presses Enter on a document link', async () => {
      const element = await mount();
      const followed = followLinksInFrame(element);
      links(element)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      expect(await followed).to.equal('/__assent/docs/terms');
      await element.updateComplete;
      expect(element.checked).to.equal(false);
    });

    it('does not toggle the box when the user presses Space on a document link', async () => {
      const element = await mount();
      links(element)[1]!.focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(element.checked).to.equal(false);
    });

    it('opens documents in a new tab without giving it access to the page', async () => {
      const element = await mount();
      // noreferrer implies noopener (HTML's link types): the new tab gets no window.opener.
      expect(links(element).map((link) => [link.target, link.rel])).to.deep.equal([
        ['_blank', 'noreferrer'],
        ['_blank', 'noreferrer'],
      ]);
    });

    it('tells assistive technology that a link opens in a new tab', async () => {
      await mount();
      const tree = await accessibilityTree();
      const link = findAccessibilityNode(tree, (node) => node.role === 'link' && node.name === 'Terms of Service');
      expect(link?.description).to.equal(en['link.newTab']);
    });

    it('names the required box with its sentence, including the document names', async () => {
      await mount();
      const tree = await accessibilityTree();
      const box = findAccessibilityNode(tree, (node) => node.role === 'checkbox' && node.name.includes('Terms of Service'));
      expect(box?.name).to.equal('I agree to the Terms of Service and Privacy Policy.');
    });

    it('makes every box, label and link at least 24 by 24 px', async () => {
      const element = await mount();
      const targets = [...$$(element, 'input'), ...labels(element), ...links(element)];
      expect(targets).to.have.length(3 + 3 + 2);
      for (const target of targets) {
        const { width, height } = target.getBoundingClientRect();
        expect(Math.min(width, height), `${target.outerHTML.slice(0, 60)} is ${width}x${height}`).to.be.at.least(24);
      }
    });
  });

  describe('in a form', () => {
    it('keeps the form from submitting while the required box is unticked [Recital 32]', async () => {
      const { form } = await mountInForm();
      let submitted = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted = true;
      });
      form.requestSubmit();
      expect(submitted).to.equal(false);
    });

    it('shows the localized message next to the box after a failed submit', async () => {
      const { form, element } = await mountInForm();
      form.requestSubmit();
      await element.updateComplete;
      expect(errorText(element)).to.equal('Please accept the Terms of Service and Privacy Policy to continue.');
      expect(element.validationMessage).to.equal(errorText(element));
    });

    it('announces the message and ties it to the box', async () => {
      const { form, element } = await mountInForm();
      form.requestSubmit();
      await element.updateComplete;
      expect($(element, '#error').getAttribute('role')).to.equal('alert');
      expect(requiredBox(element).getAttribute('aria-invalid')).to.equal('true');
      const tree = await accessibilityTree();
      const box = findAccessibilityNode(tree, (node) => node.role === 'checkbox' && node.name.startsWith('I agree'));
      expect(box?.description).to.equal(errorText(element));
    });

    it('does not present the box as invalid before the user tried to submit', async () => {
      await mount();
      const box = findAccessibilityNode(await accessibilityTree(), (node) => node.role === 'checkbox' && node.name.startsWith('I agree'));
      expect(box).to.not.equal(null);
      expect((box as { invalid?: string }).invalid ?? 'false').to.equal('false');
    });

    it('shows the message after reportValidity()', async () => {
      const element = await mount();
      element.reportValidity();
      await element.updateComplete;
      expect(errorText(element)).to.equal(element.validationMessage);
    });

    it('shows no message after checkValidity(), which is silent like on native inputs', async () => {
      const element = await mount();
      element.checkValidity();
      await element.updateComplete;
      expect(errorText(element)).to.equal('');
    });

    it('shows no message when the page cancels the invalid event to show its own', async () => {
      const element = await mount();
      element.addEventListener('invalid', (event) => event.preventDefault());
      element.reportValidity();
      await element.updateComplete;
      expect(errorText(element)).to.equal('');
    });

    it('hides the message once the user ticks the box', async () => {
      const { form, element } = await mountInForm();
      form.requestSubmit();
      await element.updateComplete;
      await userTicks(element, requiredBox(element));
      expect(errorText(element)).to.equal('');
      expect(requiredBox(element).getAttribute('aria-invalid')).to.equal('false');
    });

    it('puts exactly the five wire fields into FormData once the box is ticked', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, requiredBox(element));
      const data = new FormData(form);
      expect([...data.keys()]).to.deep.equal(WIRE_FIELDS);
      expect(data.get('consent_policy')).to.equal('acme-signup@2026-11-01');
      expect(data.get('consent_purposes')).to.equal('terms');
      expect(data.get('consent_locale')).to.equal('en');
      expect(data.get('consent_hash')).to.match(/^[0-9a-f]{64}$/);
      expect(new Date(data.get('consent_at') as string).toISOString()).to.equal(data.get('consent_at'));
    });

    it('lists the ticked optional purposes in consent_purposes, in policy order', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, optionalBoxes(element)[1]!);
      await userTicks(element, requiredBox(element));
      expect(new FormData(form).get('consent_purposes')).to.equal('terms,analytics');
    });

    it('carries a hash that verifies against the policy and the texts shown [GDPR 7(1)]', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, optionalBoxes(element)[0]!);
      await userTicks(element, requiredBox(element));
      expect(new FormData(form).get('consent_hash')).to.equal(element.decision!.hash);
      expect(await verifyDecision(element.decision!, policy, en)).to.equal(true);
    });

    it('prefixes the fields with its name', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><assent-terms name="gdpr" .policy=${policy}></assent-terms></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      await userTicks(element, requiredBox(element));
      expect([...new FormData(form).keys()]).to.deep.equal(WIRE_FIELDS.map((field) => field.replace('consent', 'gdpr')));
    });

    it('reflects its name to the attribute, as a native input does, and goes back to consent when the attribute is removed', async () => {
      const { form, element } = await mountInForm();
      expect(element.name).to.equal('consent');
      expect(element.hasAttribute('name'), 'the default is not written to the page').to.equal(false);
      element.name = 'gdpr';
      await element.updateComplete;
      expect(element.getAttribute('name')).to.equal('gdpr');
      await userTicks(element, requiredBox(element));
      expect([...new FormData(form).keys()]).to.deep.equal(WIRE_FIELDS.map((field) => field.replace('consent', 'gdpr')));
      element.removeAttribute('name');
      await element.updateComplete;
      expect(element.name).to.equal('consent');
      expect([...new FormData(form).keys()]).to.deep.equal(WIRE_FIELDS);
    });

    it('submits the fields under its field-prefix, as Universal Login needs (ulp-…)', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><assent-terms name="gdpr" field-prefix="ulp-consent_" .policy=${policy}></assent-terms></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      await userTicks(element, requiredBox(element));
      expect([...new FormData(form).keys()]).to.deep.equal(WIRE_FIELDS.map((field) => `ulp-${field}`));
      expect(element.fieldPrefix).to.equal('ulp-consent_');
    });

    it('has no value and stays invalid until the hash of a new tick is ready', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, requiredBox(element));
      const before = element.decision!.hash;
      const changed = oneEvent(element, 'assent-change');
      optionalBoxes(element)[0]!.click();
      expect(element.validity.customError, 'invalid right after the click').to.equal(true);
      expect(new FormData(form).has('consent_hash')).to.equal(false);
      await changed;
      expect(element.validity.valid).to.equal(true);
      expect(new FormData(form).get('consent_hash')).to.not.equal(before);
    });

    it('removes its value when the user unticks the required box', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, requiredBox(element));
      await userTicks(element, requiredBox(element));
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      expect(element.decision).to.equal(null);
    });

    it('matches :state(checked) while the required box is ticked, as :checked matches a native checkbox', async () => {
      const { element } = await mountInForm();
      expect(element.matches(':state(checked)')).to.equal(false);
      await userTicks(element, requiredBox(element));
      expect(element.matches(':state(checked)')).to.equal(true);
      element.checked = false;
      expect(element.matches(':state(checked)')).to.equal(false);
      element.checked = true;
      expect(element.matches(':state(checked)')).to.equal(true);
      await userTicks(element, optionalBoxes(element)[0]!);
      expect(element.matches(':state(checked)')).to.equal(true, 'an optional purpose is not the required box');
    });

    it('unticks every box on form reset', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, optionalBoxes(element)[0]!);
      await userTicks(element, requiredBox(element));
      form.reset();
      await element.updateComplete;
      expect([requiredBox(element), ...optionalBoxes(element)].map((box) => box.checked)).to.deep.equal([false, false, false]);
    });

    it('restores only ticks given for the same policy version', async () => {
      const element = await mount();
      const saved = JSON.stringify(['acme-signup@2025-01-01', true, ['marketing']]);
      element.formStateRestoreCallback(saved);
      await element.updateComplete;
      expect(element.checked).to.equal(false);
      expect(optionalBoxes(element)[0]!.checked).to.equal(false);
    });

    it('restores the ticks of the same policy version, unknown purposes left out', async () => {
      const element = await mount();
      element.formStateRestoreCallback(JSON.stringify(['acme-signup@2026-11-01', true, ['analytics', 'gone']]));
      await waitUntil(() => element.decision, 'the restored decision is ready');
      expect([requiredBox(element), ...optionalBoxes(element)].map((box) => box.checked)).to.deep.equal([true, false, true]);
      expect(element.decision!.purposes).to.deep.equal(['terms', 'analytics']);
    });

    it('restores nothing from a state in the format of earlier versions, and stays usable', async () => {
      const element = await mount();
      element.formStateRestoreCallback(JSON.stringify({ p: 'acme-signup@2026-11-01', r: true, o: ['marketing'] }));
      element.formStateRestoreCallback('not json');
      await element.updateComplete;
      expect(element.checked).to.equal(false);
      await userTicks(element, requiredBox(element));
      expect(element.validity.valid).to.equal(true);
    });

    it("is invalid with the page's message from setCustomValidity, shown after a failed submit, even with the box ticked", async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, requiredBox(element));
      element.setCustomValidity('Ask a parent to agree for you.');
      expect(element.validity.customError).to.equal(true);
      expect(element.validationMessage).to.equal('Ask a parent to agree for you.');
      let submitted = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted = true;
      });
      form.requestSubmit();
      await element.updateComplete;
      expect(submitted).to.equal(false);
      expect(errorText(element)).to.equal('Ask a parent to agree for you.');
      expect(requiredBox(element).getAttribute('aria-invalid')).to.equal('true');
    });

    it("gets its own validity back when the page clears its message with setCustomValidity('')", async () => {
      const { form, element } = await mountInForm();
      element.setCustomValidity('Ask a parent to agree for you.');
      form.requestSubmit();
      await element.updateComplete;
      element.setCustomValidity('');
      await element.updateComplete;
      expect(element.validity.customError).to.equal(false);
      expect(element.validity.valueMissing, 'the box is still unticked').to.equal(true);
      expect(errorText(element)).to.equal('Please accept the Terms of Service and Privacy Policy to continue.');

      await userTicks(element, requiredBox(element));
      expect(element.validity.valid).to.equal(true);
      expect(errorText(element)).to.equal('');
      expect(requiredBox(element).getAttribute('aria-invalid')).to.equal('false');
    });

    it('shows no error once the page clears its message from a ticked box', async () => {
      const { form, element } = await mountInForm();
      await userTicks(element, requiredBox(element));
      element.setCustomValidity('Ask a parent to agree for you.');
      form.requestSubmit();
      await element.updateComplete;
      element.setCustomValidity('');
      await element.updateComplete;
      expect(element.validity.valid).to.equal(true);
      expect(errorText(element)).to.equal('');
      expect(requiredBox(element).getAttribute('aria-invalid')).to.equal('false');
    });
  });

  describe('optional purposes', () => {
    it('ticks an optional purpose without ticking anything else [Recital 43]', async () => {
      const element = await mount();
      await userTicks(element, optionalBoxes(element)[0]!);
      expect([requiredBox(element), ...optionalBoxes(element)].map((box) => box.checked)).to.deep.equal([false, true, false]);
    });

    it('keeps the optional choices when the required box is ticked and unticked', async () => {
      const element = await mount();
      await userTicks(element, optionalBoxes(element)[1]!);
      await userTicks(element, requiredBox(element));
      await userTicks(element, requiredBox(element));
      expect(optionalBoxes(element).map((box) => box.checked)).to.deep.equal([false, true]);
    });

    it('does not need any optional purpose for the form to be valid [GDPR 7(4)]', async () => {
      const element = await mount();
      await userTicks(element, requiredBox(element));
      expect(element.validity.valid).to.equal(true);
      expect(element.decision!.purposes).to.deep.equal(['terms']);
    });
  });

  describe('assent-change', () => {
    it('fires with the decision when the user ticks the required box', async () => {
      const element = await mount();
      const changed = oneEvent(element, 'assent-change');
      requiredBox(element).click();
      const { detail, bubbles, composed } = await changed;
      expect([bubbles, composed]).to.deep.equal([true, true]);
      expect(detail.accepted).to.deep.equal(['terms']);
      expect(detail.decision).to.equal(element.decision);
      expect(detail.decision!.purposes).to.deep.equal(['terms']);
    });

    it('fires without a decision when the user ticks only an optional purpose', async () => {
      const element = await mount();
      const changed = oneEvent(element, 'assent-change');
      optionalBoxes(element)[0]!.click();
      const { detail } = await changed;
      expect(detail).to.deep.equal({ decision: null, accepted: ['marketing'] });
    });

    it('does not fire for programmatic changes, reset or state restore', async () => {
      const { form, element } = await mountInForm();
      let fired = 0;
      element.addEventListener('assent-change', () => (fired += 1));
      element.checked = true;
      await waitUntil(() => element.decision, 'the decision is ready');
      form.reset();
      element.formStateRestoreCallback(JSON.stringify(['acme-signup@2026-11-01', true, []]));
      await waitUntil(() => element.decision, 'the restored decision is ready');
      expect(fired).to.equal(0);
    });
  });

  describe('policy-src', () => {
    it('reserves one line, is busy and stays invalid while the policy loads', async () => {
      const held = heldPolicy();
      const form = await fixture<HTMLFormElement>(html`<form><assent-terms policy-src=${held.src}></assent-terms></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      expect($(element, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect(element.getBoundingClientRect().height).to.equal(24);
      expect(element.checkValidity()).to.equal(false);
      expect(element.validationMessage).to.equal(en['policy.loading']);
      await held.release(requiredOnly);
    });

    it('renders the fetched policy once it has loaded', async () => {
      const held = heldPolicy();
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms policy-src=${held.src}></assent-terms></div>`);
      const element = host.querySelector('assent-terms')!;
      await held.release(policy);
      await shown(element);
      expect(labels(element).map(text)).to.deep.equal(shownText(policy, 'en', en).split('\n'));
    });

    it('does not move the content below it when a one-line policy arrives', async () => {
      const held = heldPolicy();
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms policy-src=${held.src}></assent-terms><p>Below</p></div>`);
      const element = host.querySelector('assent-terms')!;
      const below = host.querySelector('p')!;
      await element.updateComplete;
      const before = below.getBoundingClientRect().top;
      await held.release(requiredOnly);
      await shown(element);
      expect(below.getBoundingClientRect().top).to.equal(before);
    });

    it('shows an error state and logs when the policy cannot be fetched', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms policy-src="/__assent/missing/policy.json"></assent-terms></div>`);
      const element = host.querySelector('assent-terms')!;
      await waitUntil(() => errors.length > 0, 'an error is logged');
      await element.updateComplete;
      expect(text($(element, '[role="alert"]'))).to.equal(en['policy.error']);
      expect(element.validationMessage).to.equal(en['policy.error']);
      expect(errors[0]!.join(' ')).to.include('/__assent/missing/policy.json');
    });

    it('shows an error state and logs the issues when the policy is invalid', async () => {
      const held = heldPolicy();
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms policy-src=${held.src}></assent-terms></div>`);
      const element = host.querySelector('assent-terms')!;
      await held.release({ ...policy, purposes: [{ id: 'marketing', required: false, basis: 'consent' }] });
      await waitUntil(() => errors.length > 0, 'an error is logged');
      await element.updateComplete;
      expect(text($(element, '[role="alert"]'))).to.equal(en['policy.error']);
      const { issues } = errors[0]![2] as PolicyError;
      expect(issues.map((issue) => issue.path)).to.include('purposes');
      expect(element.checkValidity()).to.equal(false);
    });
  });

  describe('hostile policies', () => {
    const hostile: ConsentPolicy = {
      ...policy,
      documents: [{ id: 'terms', url: 'javascript:alert(1)', version: '1' }, policy.documents[1]!],
      messages: { en: { 'purpose.marketing': '<img src=x onerror="window.__assentPwned = true">Deals' } },
    };

    it('renders a document with a javascript: URL as plain text and logs it', async () => {
      const element = await mount(hostile);
      expect(links(element).map(text)).to.deep.equal(['Privacy Policy']);
      expect(text(labels(element)[0]!)).to.include('Terms of Service');
      expect(JSON.stringify(errors)).to.include('documents[0].url');
    });

    it('shows the error state and logs the issues for an inline policy that pre-ticks a purpose [Recital 32]', async () => {
      const preTicked = { ...policy, purposes: [policy.purposes[0], { id: 'marketing', required: false, basis: 'consent', checked: true }] };
      const element = await mount(preTicked as unknown as ConsentPolicy);
      expect(element.shadowRoot!.querySelector('input')).to.equal(null);
      expect(text($(element, '[role="alert"]'))).to.equal(en['policy.error']);
      expect((errors[0]![1] as PolicyError).issues.map((issue) => issue.path)).to.deep.equal(['purposes[1].checked']);
      expect(element.checkValidity()).to.equal(false);
    });

    it('renders HTML in a policy message as text [GDPR 7(2)]', async () => {
      const element = await mount(hostile);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(labels(element)[1]!)).to.equal('<img src=x onerror="window.__assentPwned = true">Deals');
      expect((window as { __assentPwned?: boolean }).__assentPwned).to.equal(undefined);
    });
  });

  describe('language', () => {
    const rootLang = document.documentElement.getAttribute('lang');
    afterEach(() => {
      if (rootLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', rootLang);
    });

    const langOf = (element: AssentTerms) => $(element, '[part="base"]').getAttribute('lang');

    it('uses its own lang attribute', async () => {
      const element = await mount(policy, 'lang="de"');
      await shown(element);
      expect(langOf(element)).to.equal('de');
    });

    it('falls back to the closest [lang] ancestor', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="fr"><section><assent-terms .policy=${policy}></assent-terms></section></div>`);
      const element = host.querySelector('assent-terms')!;
      await shown(element);
      expect(langOf(element)).to.equal('fr');
    });

    it('skips a language without texts and takes the next ancestor', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="nl"><assent-terms lang="tlh" .policy=${policy}></assent-terms></div>`);
      const element = host.querySelector('assent-terms')!;
      await shown(element);
      expect(langOf(element)).to.equal('nl');
    });

    it('falls back to the document language', async () => {
      document.documentElement.setAttribute('lang', 'it');
      const element = await mount();
      await shown(element);
      expect(langOf(element)).to.equal('it');
    });

    it('falls back to English', async () => {
      document.documentElement.removeAttribute('lang');
      const element = await mount();
      expect(langOf(element)).to.equal('en');
    });

    it('renders German texts and records the German locale', async () => {
      const { form, element } = await mountInForm();
      element.lang = 'de';
      await shown(element);
      await waitUntil(() => langOf(element) === 'de', 'German texts load');
      const de = await loadMessages('de');
      expect(text(labels(element)[0]!)).to.equal(plainText(purposeText(policy, 'terms', 'de', de)));
      expect(links(element).map(text)[0]).to.equal(de['document.terms']);
      await userTicks(element, requiredBox(element));
      expect(new FormData(form).get('consent_locale')).to.equal('de');
      expect(await verifyDecision(element.decision!, policy, de)).to.equal(true);
    });

    it('renders French texts and a French error message', async () => {
      const element = await mount(policy, 'lang="fr-BE"');
      await waitUntil(() => langOf(element) === 'fr', 'French texts load');
      const fr = await loadMessages('fr');
      expect(text(labels(element)[0]!)).to.equal(plainText(purposeText(policy, 'terms', 'fr', fr)));
      element.reportValidity();
      await element.updateComplete;
      expect(errorText(element)).to.include(fr['document.terms']);
      expect(errorText(element)).to.not.equal(en['required.error']);
    });

    it('lays Arabic out right to left, the box on the right', async () => {
      const element = await mount(policy, 'lang="ar"');
      await waitUntil(() => langOf(element) === 'ar', 'Arabic texts load');
      expect($(element, '[part="base"]').getAttribute('dir')).to.equal('rtl');
      expect(requiredBox(element).getBoundingClientRect().left).to.be.greaterThan(labels(element)[0]!.getBoundingClientRect().left);
    });
  });

  describe('disabled', () => {
    it('disables every box', async () => {
      const element = await mount();
      element.disabled = true;
      await element.updateComplete;
      expect($$<HTMLInputElement>(element, 'input').every((box) => box.disabled)).to.equal(true);
    });

    it('disables every box inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><assent-terms .policy=${policy}></assent-terms></fieldset></form>`);
      const element = form.querySelector('assent-terms')!;
      await element.updateComplete;
      expect($$<HTMLInputElement>(element, 'input').every((box) => box.disabled)).to.equal(true);
      expect(element.disabled, 'like native inputs, its own property stays false').to.equal(false);
    });
  });

  describe('accessibility (axe)', () => {
    it('fails axe for an unlabelled native checkbox (negative control)', async () => {
      const bare = await fixture(html`<div><input type="checkbox" /></div>`);
      await expect(bare).not.to.be.accessible();
    });

    it('passes axe unticked', async () => {
      await expect(await mount()).to.be.accessible();
    });

    it('passes axe ticked', async () => {
      const element = await mount();
      await userTicks(element, requiredBox(element));
      await userTicks(element, optionalBoxes(element)[0]!);
      await expect(element).to.be.accessible();
    });

    it('passes axe showing the error', async () => {
      const element = await mount();
      element.reportValidity();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('passes axe disabled', async () => {
      const element = await mount(policy, 'disabled');
      await expect(element).to.be.accessible();
    });

    it('passes axe with a single optional purpose', async () => {
      await expect(await mount(oneOptional)).to.be.accessible();
    });

    it('passes axe right to left', async () => {
      const element = await mount(policy, 'lang="he"');
      await waitUntil(() => $(element, '[part="base"]').getAttribute('dir') === 'rtl', 'Hebrew texts load');
      await expect(element).to.be.accessible();
    });

    it('passes axe while loading and when loading failed', async () => {
      const held = heldPolicy();
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms policy-src=${held.src}></assent-terms><assent-terms policy-src="/__assent/missing.json"></assent-terms></div>`);
      await waitUntil(() => errors.length > 0, 'the failed load is logged');
      await expect(host).to.be.accessible();
      await held.release(policy);
    });

    it('passes axe in dark mode on a dark page', async () => {
      const host = await fixture<HTMLDivElement>(html`<div class="dark-page"><assent-terms .policy=${policy}></assent-terms></div>`);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.dark-page { color-scheme: dark; background: #121212; color: #e3e3e3; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const element = host.querySelector('assent-terms')!;
        element.reportValidity();
        await element.updateComplete;
        await expect(host).to.be.accessible();
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });
  });

  describe('theming', () => {
    const linkColor = (element: AssentTerms) => getComputedStyle(links(element)[0]!).color;

    it('follows prefers-color-scheme on a page that supports dark mode', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><assent-terms .policy=${policy}></assent-terms></div>`);
      host.setAttribute('class', 'light-dark-page');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.light-dark-page { color-scheme: light dark; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const element = host.querySelector('assent-terms')!;
      await element.updateComplete;
      try {
        await emulateMedia({ colorScheme: 'light' });
        const light = linkColor(element);
        await emulateMedia({ colorScheme: 'dark' });
        expect(linkColor(element)).to.not.equal(light);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });

    it('is forced dark by color-scheme: dark', async () => {
      const element = await mount();
      const light = linkColor(element);
      element.style.colorScheme = 'dark';
      expect(linkColor(element)).to.not.equal(light);
    });

    it('takes a --assent-* token and lets the --assent-terms-* property win over it', async () => {
      const element = await mount();
      element.style.setProperty('--assent-link-color', 'rgb(1, 2, 3)');
      expect(linkColor(element)).to.equal('rgb(1, 2, 3)');
      element.style.setProperty('--assent-terms-link-color', 'rgb(4, 5, 6)');
      expect(linkColor(element)).to.equal('rgb(4, 5, 6)');
    });

    it('exposes its documented parts', async () => {
      const element = await mount();
      element.reportValidity();
      await element.updateComplete;
      for (const part of ['base', 'checkbox', 'label', 'link', 'error', 'optional', 'legend', 'hint']) {
        expect(element.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
      }
    });

    it('uses no inline styles, so a strict Content-Security-Policy allows it', async () => {
      const element = await mount();
      element.reportValidity();
      await element.updateComplete;
      expect(element.shadowRoot!.querySelectorAll('[style], style')).to.have.length(0);
      expect(element.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    });
  });
});
