// The ACUL signup page: the demo server builds the example custom screens (examples/acul-signup) for
// the published policy and switches the tenant's signup screens to advanced rendering
// (demo/server/acul-deployer.ts); a signup on them (one screen or identifier first) comes back here
// (redirect-login.ts) with the inspector showing what the SDK posted and the stored user; then the
// screens go back to standard rendering.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';
import { FINAL_POST, mountStatusPanel, readAnswer, reportTo, screensSelect, sendJson, useScreens, type Screens } from './tenant-panel.js';

/** The demo server's answer: the policy the screens are built for, and each screen's rendering configuration. */
interface Rendering {
  readonly policy: string;
  readonly screens: Readonly<Record<string, { readonly rendering_mode?: string }>>;
  readonly build?: { readonly script: { readonly bytes: number; readonly integrity: string }; readonly style: { readonly bytes: number; readonly integrity: string } };
}

const panel = mountStatusPanel(find('#acul-screens'), {
  prefix: 'acul',
  buttons: [{ id: 'standard', label: 'Switch back to the standard screens' }],
  details: { id: 'acul-rendering', summary: 'Rendering configuration, as the Management API answers it', placeholder: 'not read yet' },
});
const signUp = find<HTMLButtonElement>('#sign-up');
const signupStatus = find<HTMLParagraphElement>('#signup-status');
const signupError = find<HTMLParagraphElement>('#signup-error');
const result = find<HTMLPreElement>('#acul-result');
const inspector = mountInspector();
const login = redirectLogin<{ readonly lang: string; readonly screens: Screens }>('assent-demo-acul');
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));
const screens = screensSelect();

function show(rendering: Rendering): void {
  const modes = Object.entries(rendering.screens).map(([screen, config]) => `${screen}: ${config.rendering_mode ?? 'standard'}`);
  const build = rendering.build ? ` Built for ${rendering.policy}: acul-signup.js ${Math.round(rendering.build.script.bytes / 1024)} KB (${rendering.build.script.integrity.slice(0, 19)}…).` : '';
  panel.status.textContent = `${modes.join(', ')}.${build}`;
  panel.details.textContent = JSON.stringify(rendering.screens, null, 2);
}

async function setRendering(advanced: boolean): Promise<Rendering> {
  const rendering = await sendJson<Rendering>('PUT', '/assent-demo/acul/rendering', { advanced });
  show(rendering);
  return rendering;
}

/** Builds and switches to the custom screens, sets identifier first as chosen, then leaves for them. */
async function startSignup(env: DemoEnv): Promise<void> {
  const chosen = screens();
  signupStatus.textContent = 'Building the screens with Vite and switching them to advanced rendering…';
  await setRendering(true);
  await useScreens(chosen);
  await login.start(env, { screen_hint: 'signup', ui_locales: lang }, { lang, screens: chosen });
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

panel.buttons[0]?.addEventListener('click', () => {
  panel.error.textContent = '';
  setRendering(false).catch(reportTo(panel.error, 'The screens could not be switched'));
});

fetch('/assent-demo/acul')
  .then((response) => readAnswer<Rendering>(response))
  .then(show)
  .catch(reportTo(panel.error, 'The demo server could not read the screens'));

const env = await loadDemoEnv();
signUp.addEventListener('click', () => {
  signUp.disabled = true;
  signupError.textContent = '';
  startSignup(env).catch((problem: unknown) => {
    signUp.disabled = false;
    signupStatus.textContent = '';
    reportTo(signupError, 'The signup could not start')(problem);
  });
});
if (login.returned) finishSignup(env).catch(reportTo(signupError, 'The signup could not finish'));
