// The Universal Login demo page: the demo server deploys the partials, custom texts, page template
// and the pre-user-registration Action's secrets to the emulator's demo tenant (demo/server/
// universal-login-deployer.ts), then a signup on the emulator's hosted page (screen_hint=signup,
// one screen or identifier first) comes back here (redirect-login.ts) with the inspector showing
// the posted `ulp-` fields and the stored user.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';

/** The signup screens the tenant shows. */
type Screens = 'signup' | 'identifier-first';

/** A deployment as the demo server answers it (`DeployResult` of @assent/universal-login, and the CLI's text). */
interface Deployment {
  readonly policy: string;
  readonly applied: boolean;
  readonly changes: readonly { readonly kind: string; readonly target: string; readonly call: string }[];
  readonly summary: string;
}

const deployButton = find<HTMLButtonElement>('#deploy');
const dryRunButton = find<HTMLButtonElement>('#dry-run');
const deployStatus = find<HTMLParagraphElement>('#deploy-status');
const deployError = find<HTMLParagraphElement>('#deploy-error');
const deployChanges = find<HTMLPreElement>('#deploy-changes');
const screensSelect = find<HTMLSelectElement>('#screens-select');
const signUp = find<HTMLButtonElement>('#sign-up');
const status = find<HTMLParagraphElement>('#ulp-status');
const alert = find<HTMLParagraphElement>('#ulp-error');
const result = find<HTMLPreElement>('#ulp-result');
const inspector = mountInspector();
const login = redirectLogin<{ readonly lang: string; readonly screens: Screens }>('assent-demo-universal-login');
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

/** The form post that carries the consent: the one screen, or signup-password after signup-id. */
const FINAL_POST: Record<Screens, string> = { signup: '/u/signup', 'identifier-first': '/u/signup/password' };

async function readAnswer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `the demo server answered ${response.status}`);
  return body;
}

/** One line for the status: what was (or would be) changed. */
function describe(deployment: Deployment): string {
  const count = deployment.changes.length;
  if (!count) return `${deployment.policy}: no changes, the tenant is up to date.`;
  const kinds = [...new Set(deployment.changes.map((change) => change.kind))].join(', ');
  const resources = `${count} ${count === 1 ? 'resource' : 'resources'} (${kinds})`;
  return deployment.applied ? `Deployed ${deployment.policy}: ${resources} changed.` : `${deployment.policy}: ${resources} differ from the tenant; "Deploy" writes them.`;
}

function show(deployment: Deployment): void {
  deployStatus.textContent = describe(deployment);
  deployChanges.textContent = deployment.summary;
}

async function deploy(dryRun: boolean): Promise<void> {
  deployButton.disabled = dryRunButton.disabled = true;
  deployError.textContent = '';
  deployStatus.textContent = dryRun ? 'Comparing with the tenant…' : 'Deploying through the Management API…';
  try {
    show(await readAnswer<Deployment>(await fetch('/assent-demo/universal-login/deploy', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dryRun }) })));
  } catch (error) {
    deployStatus.textContent = '';
    deployError.textContent = `The deployment failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    deployButton.disabled = dryRunButton.disabled = false;
  }
}

/** Sets the tenant's identifier-first switch as chosen, then leaves for the hosted signup page. */
async function startSignup(env: DemoEnv): Promise<void> {
  const screens = screensSelect.value as Screens;
  await readAnswer(await fetch('/assent-demo/universal-login/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifierFirst: screens === 'identifier-first' }) }));
  await login.start(env, { screen_hint: 'signup', ui_locales: lang }, { lang, screens });
}

/** Finishes the login the hosted signup continued into, and shows what was posted and stored. */
async function finishSignup(env: DemoEnv): Promise<void> {
  status.textContent = 'Finishing the login…';
  const answer = await login.finish(env, (data) => ({ lang: data?.lang ?? lang, screens: data?.screens ?? 'signup' }));
  status.textContent = '';
  if (answer.kind === 'foreign') {
    alert.textContent = 'This answer belongs to no signup started in this tab (the state does not match). Sign up again.';
    return;
  }
  if (answer.kind === 'error') {
    alert.textContent = `Signup denied: ${answer.description}.`;
    await inspector.refresh(undefined, { path: FINAL_POST[answer.data.screens] });
    return;
  }
  const { claims, email, data } = answer;
  const consent = storedConsent(await inspector.refresh(email, { path: FINAL_POST[data.screens] }));
  status.textContent = `Signed up as ${email}.`;
  result.textContent = JSON.stringify({ id_token: { sub: claims.sub, email }, consent: consentSummary(consent) }, null, 2);
}

deployButton.addEventListener('click', () => void deploy(false));
dryRunButton.addEventListener('click', () => void deploy(true));
const screens = new URLSearchParams(location.search).get('screens');
if (screens === 'signup' || screens === 'identifier-first') screensSelect.value = screens;

// What a deployment would change now (nothing once deployed, until new terms are published).
fetch('/assent-demo/universal-login')
  .then((response) => readAnswer<{ identifierFirst: boolean; pending: Deployment }>(response))
  .then(({ pending }) => show(pending))
  .catch((error: unknown) => (deployError.textContent = `The demo server could not compare the tenant: ${error instanceof Error ? error.message : String(error)}`));

const env = await loadDemoEnv();
signUp.addEventListener('click', () => {
  signUp.disabled = true;
  startSignup(env).catch((error: unknown) => {
    signUp.disabled = false;
    alert.textContent = `The signup could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
});
if (login.returned) {
  finishSignup(env).catch((error: unknown) => {
    status.textContent = '';
    alert.textContent = String(error instanceof Error ? error.message : error);
  });
}
