// <assent-signup-form> in Chromium against the run's Auth0 emulator (test/support/wtr-emulator-plugin.mjs).
// Faults are injected on a path prefix of this file's own (`{emulator}/__signup-form-<id>`, passed as
// the form's `domain`): the emulator applies faults before routing, so no other test file sharing
// the emulator ever meets them.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  SUPPORTED_LOCALES,
  SignupError,
  SignupInputError,
  AssentConfigError,
  createAssent,
  decodeSignupFields,
  en,
  encodeSignupFields,
  loadMessages,
  parsePolicy,
  verifyDecision,
  type AssentClient,
  type ConsentDecision,
  type SignupTransport,
} from '@assent/core';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import { emulatorInfo } from '../../../../test/support/emulator-info.js';
import { strongPassword, uniqueEmail } from '../../../../test/support/unique.js';
import type { AssentSignupForm, AssentSignupSuccessDetail, AssentSignupErrorDetail } from './assent-signup-form.js';
import { formMessagesEn, loadFormMessages } from './messages.js';
import '../define/assent-signup-form.js';

const emulator = await emulatorInfo();
const BREACHED = emulator.tenant.settings.breached_passwords[0]!;

// Document links point at this dev server, so nothing leaves the machine.
const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: '/__assent/docs/terms', version: '3.1' },
    { id: 'privacy', url: '/__assent/docs/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
  ],
});

interface StoredUser {
  readonly user_id: string;
  readonly email: string;
  readonly given_name?: string;
  readonly user_metadata?: Record<string, unknown>;
}

type FaultRule = Record<string, unknown>;
let faultSequence = 0;

/** Adds `rules` on a fresh path prefix (keeping other files' rules) and returns the prefixed base URL. */
async function withFaults(rules: readonly FaultRule[]): Promise<string> {
  const prefix = `/__signup-form-${Date.now().toString(36)}-${(faultSequence += 1)}`;
  const current = (await (await fetch(`${emulator.url}/__emulator/faults`)).json()) as { rules: FaultRule[] };
  const mine = rules.map((rule) => ({ ...rule, path: `${prefix}/dbconnections/signup` }));
  const response = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...current, rules: [...mine, ...current.rules] }),
  });
  if (!response.ok) throw new Error(`PUT /__emulator/faults answered ${response.status}: ${await response.text()}`);
  return `${emulator.url}${prefix}`;
}

/** Removes the rules of `baseUrl`'s prefix. */
async function removeFaults(baseUrl: string): Promise<void> {
  const prefix = baseUrl.slice(emulator.url.length);
  const current = (await (await fetch(`${emulator.url}/__emulator/faults`)).json()) as { rules: { path: string }[] };
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...current, rules: current.rules.filter((rule) => !rule.path.startsWith(`${prefix}/`)) }),
  });
}

async function usersWith(email: string): Promise<StoredUser[]> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as StoredUser[];
  return users.filter((user) => user.email === email);
}

/** Signup requests this page sent to `baseUrl`, as the browser recorded them. */
function signupRequests(baseUrl: string): number {
  return performance.getEntriesByType('resource').filter((entry) => entry.name === `${baseUrl}/dbconnections/signup`).length;
}
performance.setResourceTimingBufferSize(10000);

interface MountOptions {
  readonly attributes?: string;
  readonly children?: string;
  readonly domain?: string;
  readonly client?: AssentClient;
}

const terms = (form: AssentSignupForm) => form.querySelector<AssentTerms>('assent-terms')!;
const input = (form: AssentSignupForm, name: string) => form.querySelector<HTMLInputElement>(`.assent-input[name="${name}"]`)!;
const submitButton = (form: AssentSignupForm) => form.querySelector<HTMLButtonElement>('.assent-submit')!;
const summary = (form: AssentSignupForm) => form.querySelector<HTMLElement>('.assent-summary')!;
const fieldError = (form: AssentSignupForm, name: string) => form.querySelector<HTMLElement>(`#${input(form, name).id}-error`);
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount({ attributes = '', children = '', domain = emulator.url, client }: MountOptions = {}): Promise<AssentSignupForm> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<assent-signup-form domain="${domain}" client-id="${emulator.clientId}" connection="${emulator.connection}" ${attributes}>${children}</assent-signup-form>`;
  const form = host.querySelector('assent-signup-form')!;
  if (client) form.client = client;
  else form.policy = policy;
  await form.updateComplete;
  await waitUntil(() => terms(form)?.shadowRoot?.querySelector('#required'), 'the terms render');
  return form;
}

/** Types `value` into the form's input `name` as a user does (one input event). */
async function type(form: AssentSignupForm, name: string, value: string): Promise<void> {
  const field = input(form, name);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

/** Ticks the required terms box and waits until the decision (with its hash) is ready. */
async function acceptTerms(form: AssentSignupForm): Promise<void> {
  terms(form).shadowRoot!.querySelector<HTMLInputElement>('#required')!.click();
  await waitUntil(() => terms(form).decision, 'the decision is ready');
}

async function fillValid(form: AssentSignupForm, email = uniqueEmail('signup-form'), password = strongPassword()): Promise<{ email: string; password: string }> {
  await type(form, 'email', email);
  await type(form, 'password', password);
  await acceptTerms(form);
  return { email, password };
}

async function submitAndFail(form: AssentSignupForm): Promise<Error> {
  const failed = oneEvent(form, 'assent-signup-error');
  submitButton(form).click();
  const { error } = ((await failed) as CustomEvent<AssentSignupErrorDetail>).detail;
  await form.updateComplete;
  return error;
}

async function submitAndSucceed(form: AssentSignupForm): Promise<CustomEvent<AssentSignupSuccessDetail>> {
  const succeeded = oneEvent(form, 'assent-signup-success');
  submitButton(form).click();
  const event = (await succeeded) as CustomEvent<AssentSignupSuccessDetail>;
  await form.updateComplete;
  return event;
}

/** Focus lands on the error summary, which names the problem. */
function expectSummaryFocused(form: AssentSignupForm, message: string): void {
  expect(document.activeElement).to.equal(summary(form));
  expect(summary(form).hidden).to.equal(false);
  expect(text(summary(form))).to.include(message);
}

describe('<assent-signup-form>', () => {
  describe('autofill and password managers', () => {
    it('renders its inputs in the document tree, not in a shadow root', async () => {
      const form = await mount({ attributes: 'ask-name ask-username' });
      expect(form.shadowRoot).to.equal(null);
      for (const name of ['given_name', 'family_name', 'username', 'email', 'password']) {
        expect(input(form, name).getRootNode(), name).to.equal(document);
        expect(input(form, name).form, name).to.be.instanceOf(HTMLFormElement);
      }
    });

    it('labels every input with a real <label for> and the autocomplete token browsers fill', async () => {
      const form = await mount({ attributes: 'ask-name ask-username' });
      const expected = {
        given_name: ['given-name', 'First name'],
        family_name: ['family-name', 'Last name'],
        username: ['username', 'Username'],
        email: ['email', 'Email address'],
        password: ['new-password', 'Password'],
      };
      for (const [name, [token, label]] of Object.entries(expected)) {
        const field = input(form, name);
        expect(field.autocomplete, name).to.equal(token);
        expect(field.labels?.length, name).to.equal(1);
        expect(text(field.labels![0]!), name).to.equal(label);
        expect(form.querySelector(`label[for="${field.id}"]`), name).to.equal(field.labels![0]);
      }
      expect(input(form, 'email').type).to.equal('email');
      expect(input(form, 'password').type).to.equal('password');
    });

    it('asks for names and a username only when their attributes are set', async () => {
      const form = await mount();
      expect(form.querySelectorAll('.assent-input')).to.have.length(2);
    });

    it('styles its light DOM with one constructable stylesheet adopted by the document (no inline <style>)', async () => {
      const form = await mount();
      expect(form.querySelector('style')).to.equal(null);
      const sheet = document.adoptedStyleSheets.find((candidate) => [...candidate.cssRules].some((rule) => rule.cssText.includes('assent-signup-form')));
      expect(sheet, 'an adopted sheet styles the form').to.not.equal(undefined);
      expect(document.adoptedStyleSheets.filter((candidate) => candidate === sheet)).to.have.length(1);
      expect(getComputedStyle(submitButton(form)).fontWeight).to.equal('600');
    });

    it('shows and hides the password with a toggle button that says whether it is pressed', async () => {
      const form = await mount();
      const toggle = form.querySelector<HTMLButtonElement>('.assent-toggle')!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await form.updateComplete;
      expect(input(form, 'password').type).to.equal('text');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      toggle.click();
      await form.updateComplete;
      expect(input(form, 'password').type).to.equal('password');
    });
  });

  describe('validation before sending', () => {
    it('sends nothing and focuses the error summary when the email is not an email', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500 }]);
      try {
        const form = await mount({ domain });
        await fillValid(form, 'not-an-email');
        submitButton(form).click();
        await waitUntil(() => document.activeElement === summary(form), 'the summary gets focus');
        expectSummaryFocused(form, formMessagesEn['signup.emailInvalid']);
        expect(input(form, 'email').getAttribute('aria-invalid')).to.equal('true');
        expect(text(fieldError(form, 'email'))).to.equal(formMessagesEn['signup.emailInvalid']);
        expect(input(form, 'email').getAttribute('aria-describedby')).to.equal(fieldError(form, 'email')!.id);
        expect(signupRequests(domain)).to.equal(0);
      } finally {
        await removeFaults(domain);
      }
    });

    it('lists every missing field and the unticked terms, each linking to its control', async () => {
      const form = await mount();
      submitButton(form).click();
      await waitUntil(() => document.activeElement === summary(form), 'the summary gets focus');
      const links = [...summary(form).querySelectorAll('a')];
      expect(links.map(text)).to.deep.equal([formMessagesEn['signup.emailMissing'], formMessagesEn['signup.passwordMissing'], terms(form).validationMessage]);
      expect(terms(form).validationMessage).to.not.equal('');
      links[1]!.click();
      expect(document.activeElement).to.equal(input(form, 'password'));
    });

    it('clears a field message as soon as the user edits that field', async () => {
      const form = await mount();
      submitButton(form).click();
      await waitUntil(() => fieldError(form, 'email'), 'the email message shows');
      await type(form, 'email', 'ada@example.com');
      expect(fieldError(form, 'email')).to.equal(null);
      expect(fieldError(form, 'password')).to.not.equal(null);
    });

    it('shows the rules of password-policy as a live checklist tied to the password input', async () => {
      const form = await mount({ attributes: 'password-policy="fair"' });
      const items = () => [...form.querySelectorAll('.assent-rules li')];
      expect(input(form, 'password').getAttribute('aria-describedby')).to.include(form.querySelector('.assent-rules-box')!.id);
      await type(form, 'password', 'abc');
      expect(text(items()[0]!)).to.include('At least 8 characters in length');
      expect(items()[0]!.classList.contains('assent-met')).to.equal(false);
      expect(text(items()[0]!)).to.include(formMessagesEn['signup.ruleUnmet']);
      await type(form, 'password', 'Abcdefg12');
      expect(items().every((item) => item.classList.contains('assent-met'))).to.equal(true);
    });

    it('refuses to send a password that misses a rule of password-policy', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500 }]);
      try {
        const form = await mount({ domain, attributes: 'password-policy="excellent"' });
        await fillValid(form, uniqueEmail('weak'), 'abcdefgh');
        submitButton(form).click();
        await waitUntil(() => document.activeElement === summary(form), 'the summary gets focus');
        expect(text(fieldError(form, 'password'))).to.equal(formMessagesEn['signup.passwordWeak']);
        expect(signupRequests(domain)).to.equal(0);
      } finally {
        await removeFaults(domain);
      }
    });
  });

  describe('signing up', () => {
    it('creates the user with the consent in one request and fires assent-signup-success', async () => {
      const form = await mount();
      const { email } = await fillValid(form);
      terms(form).shadowRoot!.querySelector<HTMLInputElement>('input:not(#required)')!.click();
      await waitUntil(() => terms(form).decision?.purposes.includes('marketing'), 'marketing is in the decision');
      const event = await submitAndSucceed(form);
      expect(event.bubbles && event.composed).to.equal(true);
      const [user] = await usersWith(email);
      expect(event.detail.userId).to.equal(user!.user_id);
      expect(event.detail.email).to.equal(email);
      expect(event.detail.decision.purposes).to.deep.equal(['terms', 'marketing']);
      expect(decodeSignupFields(user!.user_metadata ?? {})).to.deep.equal(event.detail.decision);
      expect(await verifyDecision(event.detail.decision, policy, en)).to.equal(true);
    });

    it('reads the decision of <assent-terms> once at submit, and each of its fields once on the way to the request', async () => {
      const bodies: { consent: Record<string, string>; reads: Record<string, number> }[] = [];
      const reads: Record<string, number> = {};
      let decisionReads = 0;
      const transport: SignupTransport = {
        async signup(_url, body) {
          const consent = Object.fromEntries(Object.entries(body.user_metadata).filter(([name]) => name.startsWith('consent_')));
          bodies.push({ consent, reads: { ...reads } });
          return { status: 200, headers: new Headers(), body: { _id: `id${bodies.length}`, email: body.email, email_verified: false } };
        },
      };
      const form = await mount({ client: createAssent({ domain: emulator.url, clientId: emulator.clientId, connection: emulator.connection, policy, transport }) });
      await fillValid(form);
      const box = terms(form);
      const made = box.decision!;
      // The documented property, watched: a decision whose fields count how often they are read.
      const watched = Object.defineProperties(
        {},
        Object.fromEntries(Object.keys(made).map((field) => [field, { enumerable: true, get: () => ((reads[field] = (reads[field] ?? 0) + 1), made[field as keyof ConsentDecision]) }])),
      );
      Object.defineProperty(box, 'decision', { configurable: true, get: () => (decisionReads++, watched) });
      await submitAndSucceed(form);
      expect(decisionReads).to.equal(1);
      expect(bodies.map((body) => body.reads)).to.deep.equal([{ policy: 1, version: 1, purposes: 1, at: 1, locale: 1, hash: 1 }]);
      expect(bodies[0]!.consent).to.deep.equal(encodeSignupFields(made));
    });

    it('replaces the form by a success message that receives focus', async () => {
      const form = await mount({ attributes: 'ask-name' });
      await type(form, 'given_name', 'Ada');
      await fillValid(form);
      await submitAndSucceed(form);
      const success = form.querySelector<HTMLElement>('.assent-success')!;
      expect(form.querySelector('form')!.hidden).to.equal(true);
      expect(success.hidden).to.equal(false);
      expect(success.getAttribute('role')).to.equal('status');
      expect(document.activeElement).to.equal(success);
      expect(text(success)).to.equal(`Welcome, Ada! ${formMessagesEn['signup.success']}`);
    });

    it('shows the app\'s slot="success" content instead of the built-in message', async () => {
      const form = await mount({ children: '<p slot="success" id="app-success">Check your inbox.</p>' });
      expect(form.querySelector<HTMLElement>('.assent-success')!.hidden).to.equal(true);
      await fillValid(form);
      await submitAndSucceed(form);
      expect(text(form.querySelector('.assent-success'))).to.equal('Check your inbox.');
    });

    it('is aria-busy and says so while the request is in flight', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500, latencyMs: 400 }]);
      try {
        const form = await mount({ domain });
        await fillValid(form);
        const failed = oneEvent(form, 'assent-signup-error');
        submitButton(form).click();
        await form.updateComplete;
        expect(form.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
        expect(submitButton(form).getAttribute('aria-disabled')).to.equal('true');
        expect(text(form.querySelector('.assent-status'))).to.equal(formMessagesEn['signup.sending']);
        await failed;
        await form.updateComplete;
        expect(form.querySelector('form')!.getAttribute('aria-busy')).to.equal('false');
      } finally {
        await removeFaults(domain);
      }
    });

    it('sends one request when the user clicks twice and presses Enter while it is in flight', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500, latencyMs: 600 }]);
      try {
        const form = await mount({ domain });
        await fillValid(form);
        const failed = oneEvent(form, 'assent-signup-error');
        submitButton(form).click();
        submitButton(form).click();
        input(form, 'email').focus();
        await sendKeys({ press: 'Enter' });
        await failed;
        await waitUntil(() => signupRequests(domain) > 0, 'the request is recorded');
        expect(signupRequests(domain)).to.equal(1);
      } finally {
        await removeFaults(domain);
      }
    });

    it('creates one user when a real signup is double-clicked', async () => {
      const form = await mount();
      const { email } = await fillValid(form);
      const succeeded = oneEvent(form, 'assent-signup-success');
      submitButton(form).click();
      submitButton(form).click();
      await succeeded;
      expect(await usersWith(email)).to.have.length(1);
      expect(signupRequests(emulator.url)).to.be.greaterThan(0);
    });

    it('sends the app\'s own controls in user_metadata and root fields, checkboxes as "true"/"false"', async () => {
      const form = await mount({
        children: `<label for="plan">Plan</label><select id="plan" name="plan"><option>free</option><option selected>pro</option></select>
          <input type="checkbox" id="beta" name="beta" checked><label for="beta">Beta</label>
          <label for="nick">Nickname</label><input id="nick" name="nickname" value="adal">`,
      });
      expect(form.querySelector('.assent-extra #plan')).to.not.equal(null);
      const { email } = await fillValid(form);
      await submitAndSucceed(form);
      const [user] = (await usersWith(email)) as (StoredUser & { nickname?: string })[];
      expect(user!.user_metadata).to.include({ plan: 'pro', beta: 'true' });
      expect(user!.nickname).to.equal('adal');
    });

    it('sends HTML and script typed in any field as text and shows it as text', async () => {
      const hostile = '<img src=x onerror="window.__assentXss=1">';
      const form = await mount({ attributes: 'ask-name', children: '<label for="company">Company</label><input id="company" name="company">' });
      await type(form, 'given_name', hostile);
      form.querySelector<HTMLInputElement>('#company')!.value = `<script>window.__assentXss=2</script>`;
      const { email } = await fillValid(form);
      await submitAndSucceed(form);
      const [user] = await usersWith(email);
      expect(user!.given_name).to.equal(hostile);
      expect(user!.user_metadata?.company).to.equal('<script>window.__assentXss=2</script>');
      expect(text(form.querySelector('.assent-success'))).to.include(`Welcome, ${hostile}!`);
      expect(form.querySelector('.assent-success img')).to.equal(null);
      expect((window as { __assentXss?: number }).__assentXss).to.equal(undefined);
    });
  });

  describe('errors from Auth0', () => {
    it('says the account exists, keeps everything typed and ties the message to the email field', async () => {
      const first = await mount();
      const { email } = await fillValid(first);
      await submitAndSucceed(first);
      const form = await mount({ attributes: 'ask-name' });
      await type(form, 'given_name', 'Grace');
      const { password } = await fillValid(form, email);
      const error = await submitAndFail(form);
      expect(error).to.be.instanceOf(SignupError);
      expect((error as SignupError).code).to.equal('user_exists');
      expectSummaryFocused(form, formMessagesEn['error.user_exists']);
      expect(text(fieldError(form, 'email'))).to.equal(formMessagesEn['error.user_exists']);
      expect([input(form, 'given_name').value, input(form, 'email').value, input(form, 'password').value]).to.deep.equal(['Grace', email, password]);
      expect(terms(form).decision).to.not.equal(null);
      expect(await usersWith(email)).to.have.length(1);
    });

    it("lists the password rules Auth0 says are not met, in the user's language", async () => {
      const form = await mount();
      await fillValid(form, uniqueEmail('weak-server'), 'abc');
      const error = await submitAndFail(form);
      expect((error as SignupError).code).to.equal('invalid_password');
      expectSummaryFocused(form, formMessagesEn['error.invalid_password']);
      const rules = [...form.querySelectorAll(`#${input(form, 'password').id}-error li`)].map(text);
      expect(rules).to.include('At least 8 characters in length');
      expect(input(form, 'password').getAttribute('aria-describedby')).to.include(`${input(form, 'password').id}-error`);
    });

    it('empties the password Auth0 reports as breached and keeps the email', async () => {
      const form = await mount();
      const email = uniqueEmail('breached');
      await fillValid(form, email, BREACHED);
      const error = await submitAndFail(form);
      expect((error as SignupError).code).to.equal('password_leaked');
      expectSummaryFocused(form, formMessagesEn['error.password_leaked']);
      expect(input(form, 'password').value).to.equal('');
      expect(input(form, 'email').value).to.equal(email);
      expect(await usersWith(email)).to.have.length(0);
    });

    it('counts down the wait of a 429 without re-announcing every second, and blocks sending until then', async () => {
      const domain = await withFaults([{ kind: 'status', status: 429, retryAfterSeconds: 2 }]);
      try {
        const form = await mount({ domain });
        await fillValid(form);
        const error = await submitAndFail(form);
        expect((error as SignupError).code).to.equal('rate_limited');
        expectSummaryFocused(form, formMessagesEn['error.rate_limited']);
        const retry = form.querySelector<HTMLElement>('.assent-retry')!;
        expect(retry.getAttribute('role')).to.equal('status');
        const visible = retry.querySelector('[aria-hidden="true"]')!;
        const announced = retry.querySelector('.assent-vh')!;
        const announcement = text(announced);
        expect(announcement).to.match(/^You can try again in [12] seconds?\.$/);
        submitButton(form).click();
        await waitUntil(() => text(visible) === 'You can try again in 1 second.', 'the countdown reaches 1 second', { timeout: 4000 });
        expect(text(announced)).to.equal(announcement);
        expect(signupRequests(domain)).to.equal(1);
        await waitUntil(() => text(announced) === formMessagesEn['signup.retryNow'], 'the wait is over', { timeout: 4000 });
        expect(submitButton(form).getAttribute('aria-disabled')).to.equal('false');
      } finally {
        await removeFaults(domain);
      }
    });

    it('says something went wrong on a 500 and creates no user', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500 }]);
      try {
        const form = await mount({ domain });
        const { email } = await fillValid(form);
        const error = await submitAndFail(form);
        expect((error as SignupError).code).to.equal('server');
        expectSummaryFocused(form, formMessagesEn['error.server']);
        expect(input(form, 'email').value).to.equal(email);
        expect(await usersWith(email)).to.have.length(0);
      } finally {
        await removeFaults(domain);
      }
    });

    it('says the server did not answer in time when the request hangs, and does not retry on its own', async () => {
      const domain = await withFaults([{ kind: 'hang' }]);
      try {
        const client = createAssent({ domain, clientId: emulator.clientId, connection: emulator.connection, policy, timeoutMs: 500 });
        const form = await mount({ client });
        const { email } = await fillValid(form);
        const error = await submitAndFail(form);
        expect((error as SignupError).code).to.equal('timeout');
        expectSummaryFocused(form, formMessagesEn['error.timeout']);
        expect(signupRequests(domain)).to.be.at.most(1);
        expect(await usersWith(email)).to.have.length(0);
      } finally {
        await removeFaults(domain);
      }
    });

    it('says the server could not be reached when the connection is reset', async () => {
      const domain = await withFaults([{ kind: 'reset' }]);
      try {
        const form = await mount({ domain });
        const { email, password } = await fillValid(form);
        const error = await submitAndFail(form);
        expect((error as SignupError).code).to.equal('network');
        expectSummaryFocused(form, formMessagesEn['error.network']);
        expect([input(form, 'email').value, input(form, 'password').value]).to.deep.equal([email, password]);
        expect(await usersWith(email)).to.have.length(0);
      } finally {
        await removeFaults(domain);
      }
    });

    it('says nothing was sent when the browser is offline', async () => {
      const form = await mount();
      const { email } = await fillValid(form);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const error = await submitAndFail(form);
        expect((error as SignupError).code).to.equal('network');
        expectSummaryFocused(form, formMessagesEn['error.offline']);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      expect(await usersWith(email)).to.have.length(0);
    });

    it('creates the user when the user retries after a failure, once', async () => {
      const form = await mount();
      const { email } = await fillValid(form);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        await submitAndFail(form);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      await submitAndSucceed(form);
      expect(await usersWith(email)).to.have.length(1);
    });
  });

  describe('configuration errors', () => {
    it("refuses a metadata property that would exceed Auth0's limits with the consent fields, before anyone types", async () => {
      const form = await mount();
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        form.metadata = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`field${index}`, 'x']));
        await form.updateComplete;
      } finally {
        console.error = original;
      }
      expect(form.configError).to.be.instanceOf(SignupInputError);
      expect((form.configError as SignupInputError).field).to.match(/^metadata/);
      expect(errors).to.have.length(1);
      expect(text(form.querySelector('.assent-config'))).to.equal(formMessagesEn['signup.config']);
      expect(form.querySelector('.assent-config')!.getAttribute('role')).to.equal('alert');
    });

    it('refuses slotted controls whose names collide with the consent fields', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const form = await mount({ children: '<label for="cp">Policy</label><input id="cp" name="consent_policy">' });
        expect(form.configError).to.be.instanceOf(SignupInputError);
        expect(form.querySelector('.assent-config')).to.not.equal(null);
      } finally {
        console.error = original;
      }
    });

    it('refuses a field set both by the metadata property and by a control', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const form = await mount({ children: '<label for="src">Source</label><input id="src" name="source">' });
        form.metadata = { source: 'landing' };
        await form.updateComplete;
        expect(form.configError).to.be.instanceOf(AssentConfigError);
        expect(form.configError!.message).to.include('source');
      } finally {
        console.error = original;
      }
    });

    it('sends nothing while misconfigured and moves focus to the configuration message', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500 }]);
      const original = console.error;
      console.error = () => {};
      try {
        const form = await mount({ domain, attributes: 'password-policy="strong"' });
        expect(form.configError).to.be.instanceOf(AssentConfigError);
        await fillValid(form);
        submitButton(form).click();
        expect(document.activeElement).to.equal(form.querySelector('.assent-config'));
        expect(signupRequests(domain)).to.equal(0);
      } finally {
        console.error = original;
        await removeFaults(domain);
      }
    });
  });

  describe('keyboard only', () => {
    it('signs up with Tab, typing, Space on the terms and Enter', async () => {
      const form = await mount();
      const email = uniqueEmail('keyboard');
      input(form, 'email').focus();
      await sendKeys({ type: email });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: strongPassword() });
      const succeeded = oneEvent(form, 'assent-signup-success');
      for (let step = 0; step < 8; step += 1) {
        await sendKeys({ press: 'Tab' });
        const inner = terms(form).shadowRoot!.activeElement;
        if (inner?.id === 'required') {
          await sendKeys({ press: 'Space' });
          await waitUntil(() => terms(form).decision, 'the decision is ready');
        }
        if (document.activeElement === submitButton(form)) break;
      }
      expect(document.activeElement).to.equal(submitButton(form));
      await sendKeys({ press: 'Enter' });
      const event = (await succeeded) as CustomEvent<AssentSignupSuccessDetail>;
      expect(event.detail.email).to.equal(email);
      expect(event.detail.decision.purposes).to.deep.equal(['terms']);
    });
  });

  describe('language', () => {
    it('renders German texts with lang="de"', async () => {
      const form = await mount({ attributes: 'lang="de"' });
      await waitUntil(() => text(input(form, 'email').labels![0]!) === 'E-Mail-Adresse', 'the German texts load');
      expect(text(submitButton(form))).to.equal('Konto erstellen');
      expect(form.querySelector('.assent-signup')!.getAttribute('lang')).to.equal('de');
    });

    it('translates the consent box too when the form switches language after it rendered', async () => {
      const form = await mount({ attributes: 'lang="en"' });
      form.lang = 'de';
      await waitUntil(() => text(submitButton(form)) === 'Konto erstellen', 'the German texts load');
      const base = () => terms(form).shadowRoot!.querySelector('[part="base"]')!;
      await waitUntil(() => base().getAttribute('lang') === 'de', `the consent box follows the form's language (it says lang="${base().getAttribute('lang')}")`);
      expect(text(terms(form).shadowRoot!.querySelector('label[for="required"]')!)).to.include('Nutzungsbedingungen');
    });

    it('records the consent in the language shown at submit when the language changed after the tick', async () => {
      const form = await mount({ attributes: 'lang="en"' });
      const { email } = await fillValid(form);
      const ticked = terms(form).decision!;
      form.lang = 'de';
      // <assent-terms> makes a new decision for the German text without an assent-change event: the form reads it at submit.
      await waitUntil(() => terms(form).decision?.locale === 'de', 'the consent box decides again in German');
      const event = await submitAndSucceed(form);
      const [user] = await usersWith(email);
      const stored = decodeSignupFields(user!.user_metadata ?? {});
      expect([ticked.locale, stored.locale]).to.deep.equal(['en', 'de']);
      expect(stored).to.deep.equal(event.detail.decision);
      expect(await verifyDecision(stored, policy, await loadMessages('de'))).to.equal(true);
    });

    it('tells a German user what is missing in German after a failed submit', async () => {
      const de = await loadFormMessages('de');
      const form = await mount({ attributes: 'lang="de"' });
      await waitUntil(() => text(submitButton(form)) === de['signup.submit'], 'the German texts load');
      submitButton(form).click();
      await waitUntil(() => document.activeElement === summary(form), 'the summary gets focus');
      expect([...summary(form).querySelectorAll('a')].slice(0, 2).map(text)).to.deep.equal([de['signup.emailMissing'], de['signup.passwordMissing']]);
      expect(de['signup.emailMissing']).to.not.equal(formMessagesEn['signup.emailMissing']);
    });

    it('lays Arabic out right to left', async () => {
      const form = await mount({ attributes: 'lang="ar"' });
      await waitUntil(() => form.querySelector('.assent-signup')!.getAttribute('dir') === 'rtl', 'Arabic loads');
      expect(text(submitButton(form))).to.equal('إنشاء حساب');
    });

    it('has every text, with the same placeholders, in every language core supports', async () => {
      const keys = Object.keys(formMessagesEn).sort();
      const placeholders = (value: string) => (value.match(/\{\w+\}/g) ?? []).sort();
      for (const locale of SUPPORTED_LOCALES) {
        const messages = await loadFormMessages(locale);
        expect(Object.keys(messages).sort(), locale).to.deep.equal(keys);
        for (const key of keys) {
          const value = messages[key as keyof typeof messages];
          expect(value.trim(), `${locale} ${key}`).to.not.equal('');
          expect(placeholders(value), `${locale} ${key}`).to.deep.equal(placeholders(formMessagesEn[key as keyof typeof formMessagesEn]));
        }
        if (locale !== 'en') expect(messages['signup.submit'], locale).to.not.equal(formMessagesEn['signup.submit']);
      }
    });
  });

  describe('accessibility (axe)', () => {
    it('fails axe for an unlabelled light-DOM input (negative control)', async () => {
      const bare = await fixture(html`<div><input type="email" /></div>`);
      await expect(bare).not.to.be.accessible();
    });

    it('passes axe idle', async () => {
      await expect(await mount({ attributes: 'ask-name password-policy="good"' })).to.be.accessible();
    });

    it('passes axe showing the invalid state', async () => {
      const form = await mount({ attributes: 'password-policy="good"' });
      await type(form, 'email', 'nope');
      submitButton(form).click();
      await waitUntil(() => document.activeElement === summary(form), 'the summary gets focus');
      await expect(form).to.be.accessible();
    });

    it('passes axe while busy', async () => {
      const domain = await withFaults([{ kind: 'status', status: 500, latencyMs: 1500 }]);
      try {
        const form = await mount({ domain });
        await fillValid(form);
        const failed = oneEvent(form, 'assent-signup-error');
        submitButton(form).click();
        await form.updateComplete;
        await expect(form).to.be.accessible();
        await failed;
      } finally {
        await removeFaults(domain);
      }
    });

    it('passes axe showing a server error', async () => {
      const form = await mount();
      await fillValid(form, uniqueEmail('axe-weak'), 'abc');
      await submitAndFail(form);
      await expect(form).to.be.accessible();
    });

    it('passes axe after success', async () => {
      const form = await mount();
      await fillValid(form);
      await submitAndSucceed(form);
      await expect(form).to.be.accessible();
    });
  });
});
