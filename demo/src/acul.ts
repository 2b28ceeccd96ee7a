// The ACUL signup page: the demo server builds the example custom screens (examples/acul-signup) for
// the published policy and switches the tenant's signup screens to advanced rendering
// (demo/server/acul-deployer.ts); a signup on them (one screen or identifier first) comes back here
// (redirect-login.ts) with the inspector showing what the SDK posted and the stored user; then the
// screens go back to standard rendering.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';

/** The signup screens the tenant shows. */
type Screens = 'signup' | 'identifier-first';

/** The demo server's answer: the policy the screens are built for, and each screen's rendering configuration. */
interface Rendering {
  readonly policy: string;
  readonly screens: Readonly<Record<string, { readonly rendering_mode?: string }>>;
  readonly build?: { readonly script: { readonly bytes: number; readonly integrity: string }; readonly style: { readonly bytes: number; readonly integrity: string } };
}

const status = find<HTMLParagraphElement>('#acul-status');
const error = find<HTMLParagraphElement>('#acul-error');
const renderingOutput = find<HTMLPreElement>('#acul-rendering');
const standardButton = find<HTMLButtonElement>('#standard');
const screensSelect = find<HTMLSelectElement>('#screens-select');
const signUp = find<HTMLButtonElement>('#sign-up');
const signupStatus = find<HTMLParagraphElement>('#signup-status');
const signupError = find<HTMLParagraphElement>('#signup-error');
const result = find<HTMLPreElement>('#acul-result');
const inspector = mountInspector();
const login = redirectLogin<{ readonly lang: string; readonly screens: Screens }>('assent-demo-acul');
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

/** The post that carries the consent into the Action: the one screen, or signup-password after signup-id. */
const FINAL_POST: Record<Screens, string> = { signup: '/u/signup', 'identifier-first': '/u/signup/password' };

async function readAnswer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `the demo server answered ${response.status}`);
  return body;
}

function show(rendering: Rendering): void {
  const modes = Object.entries(rendering.screens).map(([screen, config]) => `${screen}: ${config.rendering_mode ?? 'standard'}`);
  const build = rendering.build ? ` Built for ${rendering.policy}: acul-signup.js ${Math.round(rendering.build.script.bytes / 1024)} KB (${rendering.build.script.integrity.slice(0, 19)}…).` : '';
  status.textContent = `${modes.join(', ')}.${build}`;
  renderingOutput.textContent = JSON.stringify(rendering.screens, null, 2);
}

async function setRendering(advanced: boolean): Promise<Rendering> {
  const rendering = await readAnswer<Rendering>(await fetch('/assent-demo/acul/rendering', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanced }) }));
  show(rendering);
  return rendering;
}

/** Builds and switches to the custom screens, sets identifier first as chosen, then leaves for them. */
async function startSignup(env: DemoEnv): Promise<void> {
  const screens = screensSelect.value as Screens;
  signupStatus.textContent = 'Building the screens with Vite and switching them to advanced rendering…';
  await setRendering(true);
  await readAnswer(await fetch('/assent-demo/universal-login/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifierFirst: screens === 'identifier-first' }) }));
  await login.start(env, { screen_hint: 'signup', ui_locales: lang }, { lang, screens });
}

/** Finishes the login, shows what was posted and stored, and puts the standard screens back. */
async function finishSignup(env: DemoEnv): Promise<void> {
  signupStatus.textContent = 'Finishing the login…';
  const answer = await login.finish(env, (data) => ({ lang: data?.lang ?? lang, screens: data?.screens ?? 'signup' }));
  signupStatus.textContent = '';
  if (answer.kind === 'foreign') {
    signupError.textContent = 'This answer belongs to no signup started in this tab (the state does not match). Sign up again.';
  } else if (answer.kind === 'error') {
    signupError.textContent = `Signup denied: ${answer.description}.`;
    await inspector.refresh(undefined, { path: FINAL_POST[answer.data.screens] });
  } else {
    const consent = storedConsent(await inspector.refresh(answer.email, { path: FINAL_POST[answer.data.screens] }));
    signupStatus.textContent = `Signed up as ${answer.email} on the custom screens; the standard screens are back.`;
    result.textContent = JSON.stringify({ id_token: { sub: answer.claims.sub, email: answer.email }, consent: consentSummary(consent) }, null, 2);
  }
  await setRendering(false);
}

const failure = (target: HTMLElement, prefix: string) => (problem: unknown) => {
  target.textContent = `${prefix}: ${problem instanceof Error ? problem.message : String(problem)}`;
};

standardButton.addEventListener('click', () => {
  error.textContent = '';
  setRendering(false).catch(failure(error, 'The screens could not be switched'));
});
const chosen = new URLSearchParams(location.search).get('screens');
if (chosen === 'signup' || chosen === 'identifier-first') screensSelect.value = chosen;

fetch('/assent-demo/acul')
  .then((response) => readAnswer<Rendering>(response))
  .then(show)
  .catch(failure(error, 'The demo server could not read the screens'));

const env = await loadDemoEnv();
signUp.addEventListener('click', () => {
  signUp.disabled = true;
  signupError.textContent = '';
  startSignup(env).catch((problem: unknown) => {
    signUp.disabled = false;
    signupStatus.textContent = '';
    failure(signupError, 'The signup could not start')(problem);
  });
});
if (login.returned) finishSignup(env).catch(failure(signupError, 'The signup could not finish'));
