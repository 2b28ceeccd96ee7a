// The account demo page: a demo user signed up on the embedded emulator (with the consent fields),
// signed in with a Management API token of their own, and the three account elements on one consent
// client. Switching the policy makes a new client on a changed policy, as a page does after the
// controller publishes new terms.
import '@assent/elements/define/assent-consent-status.js';
import '@assent/elements/define/assent-withdraw-button.js';
import '@assent/elements/define/assent-reconsent.js';
import { SUPPORTED_LOCALES, createConsentClient, createDecision, en, encodeSignupFields, parsePolicy, type ConsentClient, type ConsentPolicy } from '@assent/core';

interface DemoEnv {
  readonly emulatorUrl: string;
  readonly clientId: string;
  readonly connection: string;
}

interface DemoUser {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
}

/** An element of account.html; the page and this script ship together. */
function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`account.html has no ${selector}`);
  return found;
}

const account = find<HTMLElement>('#account');
const status = find<HTMLElementTagNameMap['assent-consent-status']>('assent-consent-status');
const withdraw = find<HTMLElementTagNameMap['assent-withdraw-button']>('assent-withdraw-button');
const reconsent = find<HTMLElementTagNameMap['assent-reconsent']>('assent-reconsent');
const elements = [status, withdraw, reconsent];
const userStatus = find<HTMLParagraphElement>('#user-status');
const lastEvent = find<HTMLPreElement>('#last-event');
const langSelect = find<HTMLSelectElement>('#lang-select');
const policySelect = find<HTMLSelectElement>('#policy-select');
const signUpButton = find<HTMLButtonElement>('#sign-up');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const locale of SUPPORTED_LOCALES) langSelect.append(new Option(`${languageNames.of(locale) ?? locale} (${locale})`, locale));
langSelect.value = new URLSearchParams(location.search).get('lang') ?? 'en';
// The elements read `lang` when they render: set it on each (an ancestor's change shows at their next update).
const setLanguage = (lang: string) => elements.forEach((element) => (element.lang = lang));
setLanguage(langSelect.value);
langSelect.addEventListener('change', () => {
  setLanguage(langSelect.value);
  const url = new URL(location.href);
  url.searchParams.set('lang', langSelect.value);
  history.replaceState(null, '', url);
});

const env = (await (await fetch('/assent-env.json')).json()) as DemoEnv;
const base = (await (await fetch('/policies/acme-signup.json')).json()) as ConsentPolicy;
const current = parsePolicy(base);
const policies: Record<string, ConsentPolicy> = {
  current,
  terms: parsePolicy({ ...base, version: '2026-12-01', documents: base.documents.map((document) => (document.id === 'terms' ? { ...document, version: '3.2' } : document)) }),
  purpose: parsePolicy({ ...base, version: '2026-12-01', purposes: [...base.purposes, { id: 'newsletter', required: false, basis: 'consent' }] }),
};

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what} failed (${response.status}): ${JSON.stringify(body)}`);
  return body;
}

/** Signs a user up with the consent fields (as <assent-terms> sends them), then gets their own Management API token. */
async function signUpDemoUser(): Promise<DemoUser> {
  const email = `demo-${Date.now().toString(36)}@assent.test`;
  const password = `Demo!${crypto.randomUUID().slice(0, 8)}-Pw9`;
  const decision = await createDecision(current, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
  const signup = await json(
    await fetch(`${env.emulatorUrl}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: env.clientId, connection: env.connection, email, password, user_metadata: encodeSignupFields(decision) }),
    }),
    'Signup',
  );
  // The password-realm grant stands in for a login through Auth0 (auth0-spa-js getTokenSilently in an app).
  const token = await json(
    await fetch(`${env.emulatorUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: env.clientId,
        username: email,
        password,
        realm: env.connection,
        audience: `${env.emulatorUrl}/api/v2/`,
        scope: 'read:current_user update:current_user_metadata create:current_user_metadata',
      }),
    }),
    'Sign-in',
  );
  return { userId: `auth0|${String(signup._id)}`, email, token: String(token.access_token) };
}

let user: DemoUser | null = null;
let client: ConsentClient | null = null;

function connect(): void {
  if (!user) return;
  client?.close();
  const { userId, token } = user;
  client = createConsentClient({ domain: env.emulatorUrl, userId, getAccessToken: () => token, policy: policies[policySelect.value] ?? current });
  for (const element of elements) element.client = client;
  status.email = user.email;
}

policySelect.addEventListener('change', connect);
signUpButton.addEventListener('click', async () => {
  signUpButton.disabled = true;
  userStatus.textContent = 'Signing up…';
  try {
    user = await signUpDemoUser();
    userStatus.textContent = `Signed in as ${user.email}.`;
    account.hidden = false;
    connect();
  } catch (error) {
    userStatus.textContent = String(error);
  } finally {
    signUpButton.disabled = false;
  }
});

const show = (name: string) => (event: Event) => {
  const { state: _state, ...detail } = (event as CustomEvent<Record<string, unknown>>).detail;
  lastEvent.textContent = `${name}\n${JSON.stringify(detail, null, 2)}`;
};
for (const name of ['assent-withdraw', 'assent-reconsent-accepted', 'assent-reconsent-declined']) account.addEventListener(name, show(name));
