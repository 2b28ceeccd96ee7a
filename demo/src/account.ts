// The account demo page: a demo user signed up on the embedded emulator (with the consent fields),
// signed in with a Management API token of their own, and the three account elements on one consent
// client. Switching the policy makes a new client on a changed policy, as a page does after the
// controller publishes new terms.
import '@assent/elements/define/assent-consent-status.js';
import '@assent/elements/define/assent-withdraw-button.js';
import '@assent/elements/define/assent-reconsent.js';
import { createConsentClient, createDecision, en, encodeSignupFields, parsePolicy, type ConsentClient, type ConsentPolicy } from '@assent/core';
import type { WithdrawMode } from '@assent/elements';
import { mountInspector } from './inspector/inspector.js';
import { withNewTerms } from './new-terms.js';
import { find, languageSelect, loadDemoEnv } from './page.js';
import { mountPublishPanel } from './publish-panel.js';

interface DemoUser {
  readonly userId: string;
  readonly email: string;
  /** Management API token of the user's own profile (the consent client). */
  readonly token: string;
  /** Token for the demo app's API (the consent server's flag and delete modes). */
  readonly serverToken: string;
}

const account = find<HTMLElement>('#account');
const status = find<HTMLElementTagNameMap['assent-consent-status']>('assent-consent-status');
const withdraw = find<HTMLElementTagNameMap['assent-withdraw-button']>('assent-withdraw-button');
const reconsent = find<HTMLElementTagNameMap['assent-reconsent']>('assent-reconsent');
const elements = [status, withdraw, reconsent];
const userStatus = find<HTMLParagraphElement>('#user-status');
const lastEvent = find<HTMLPreElement>('#last-event');
const policySelect = find<HTMLSelectElement>('#policy-select');
const signUpButton = find<HTMLButtonElement>('#sign-up');
const modeSelect = find<HTMLSelectElement>('#mode-select');
const deletedNote = find<HTMLParagraphElement>('#deleted-note');
const inspector = mountInspector();

// The elements read `lang` when they render: set it on each (an ancestor's change shows at their next update).
languageSelect(find<HTMLSelectElement>('#lang-select'), (lang) => elements.forEach((element) => (element.lang = lang)));

const env = await loadDemoEnv();
// The server is known from the start, so a mode picked before signing up is complete at once.
withdraw.serverUrl = env.serverUrl;
withdraw.getServerToken = () => user?.serverToken ?? '';
withdraw.mode = modeSelect.value as WithdrawMode;
/** The policy select's choices: the published policy, and two changes of it a controller might publish next. */
function policyChoices(published: ConsentPolicy): Record<'current' | 'terms' | 'purpose', ConsentPolicy> {
  return {
    current: parsePolicy(published),
    terms: parsePolicy(withNewTerms(published)),
    purpose: parsePolicy({ ...published, version: '2026-12-01', purposes: [...published.purposes, { id: 'newsletter', required: false, basis: 'consent' }] }),
  };
}
let policies = policyChoices((await (await fetch('/policies/acme-signup.json')).json()) as ConsentPolicy);

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what} failed (${response.status}): ${JSON.stringify(body)}`);
  return body;
}

/** Signs a user up with the consent fields (as <assent-terms> sends them), then gets their own Management API token. */
async function signUpDemoUser(): Promise<DemoUser> {
  const email = `demo-${Date.now().toString(36)}@assent.test`;
  const password = `Demo!${crypto.randomUUID().slice(0, 8)}-Pw9`;
  const decision = await createDecision(policies.current, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
  const signup = await json(
    await fetch(`${env.auth0Url}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: env.clientId, connection: env.connection, email, password, user_metadata: encodeSignupFields(decision) }),
    }),
    'Signup',
  );
  // The password-realm grant stands in for a login through Auth0 (auth0-spa-js getTokenSilently in an app).
  const signIn = async (audience: string, scope: string): Promise<string> => {
    const token = await json(
      await fetch(`${env.auth0Url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: env.clientId, username: email, password, realm: env.connection, audience, scope }),
      }),
      'Sign-in',
    );
    return String(token.access_token);
  };
  const token = await signIn(`${env.emulatorUrl}/api/v2/`, 'read:current_user update:current_user_metadata create:current_user_metadata');
  const serverToken = await signIn(env.apiAudience, 'openid');
  return { userId: `auth0|${String(signup._id)}`, email, token, serverToken };
}

let user: DemoUser | null = null;
let client: ConsentClient | null = null;

function connect(): void {
  if (!user) return;
  client?.close();
  const { userId, token } = user;
  // Through the recording proxy, as every request of the demo pages: the inspector shows its reads and writes.
  client = createConsentClient({ domain: env.auth0Url, userId, getAccessToken: () => token, policy: policies[policySelect.value as keyof typeof policies] ?? policies.current });
  for (const element of elements) element.client = client;
  status.email = user.email;
}

policySelect.addEventListener('change', connect);
modeSelect.addEventListener('change', () => {
  withdraw.mode = modeSelect.value as WithdrawMode;
});
// A publication (here or on another page) is what the pages load from now on: the elements work
// with the published policy, so <assent-reconsent> asks again when the terms changed.
const showCurrent = (policy: ConsentPolicy): void => {
  const option = policySelect.querySelector<HTMLOptionElement>('option[value="current"]');
  if (option) option.textContent = `Published (${policy.version})`;
};
showCurrent(policies.current);
mountPublishPanel(find('#publish'), ({ policy }) => {
  policies = policyChoices(policy);
  showCurrent(policy);
  policySelect.value = 'current';
  connect();
}).catch((error: unknown) => console.error('the publish panel could not read the demo server', error));
signUpButton.addEventListener('click', async () => {
  signUpButton.disabled = true;
  userStatus.textContent = 'Signing up…';
  try {
    user = await signUpDemoUser();
    userStatus.textContent = `Signed in as ${user.email}.`;
    account.hidden = false;
    deletedNote.hidden = true;
    for (const element of elements) element.hidden = false;
    connect();
    void inspector.refresh(user.email);
  } catch (error) {
    userStatus.textContent = String(error);
  } finally {
    signUpButton.disabled = false;
  }
});

const show = (name: string) => (event: Event) => {
  const { state: _state, ...detail } = (event as CustomEvent<Record<string, unknown>>).detail;
  lastEvent.textContent = `${name}\n${JSON.stringify(detail, null, 2)}`;
  if (user) void inspector.refresh(user.email);
};
for (const name of ['assent-withdraw', 'assent-reconsent-accepted', 'assent-reconsent-declined']) account.addEventListener(name, show(name));
// A deleted account has no consent left to show or renew: the status and the re-consent prompt go.
withdraw.addEventListener('assent-withdraw', (event) => {
  if (event.detail.erased !== 'delete' || !user) return;
  deletedNote.textContent = `${user.email} no longer exists: the account and its consent record were deleted, and the withdrawal was written to the consent server's withdrawal log. Sign up another demo user to try again.`;
  deletedNote.hidden = false;
  status.hidden = true;
  reconsent.hidden = true;
  userStatus.textContent = 'Signed out: the account was deleted.';
});
