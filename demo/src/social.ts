// The social login demo page: "Sign in with Google" on the embedded emulator (its provider page
// stands in for Google), the Assent post-login Action sending users without a current consent to
// @assent/server's consent page, and, back here, the login finished (authorization code + PKCE,
// redirect-login.ts) with the stored consent decoded. The inspector shows what the consent page
// posted to /continue.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { mountPublishPanel } from './publish-panel.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';

const signIn = find<HTMLButtonElement>('#sign-in');
const status = find<HTMLParagraphElement>('#social-status');
const alert = find<HTMLParagraphElement>('#social-error');
const result = find<HTMLPreElement>('#social-result');
const inspector = mountInspector();
const login = redirectLogin<{ readonly lang: string }>('assent-demo-social-login');
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

/** Starts the login on the social connection, always with its provider page. */
function startLogin(env: DemoEnv): Promise<void> {
  // prompt=login: show the provider page even when the emulator remembers a session, so any address can be tried.
  return login.start(env, { connection: env.socialConnection, ui_locales: lang, prompt: 'login' }, { lang });
}

/** Finishes a login Auth0 sent back here (with a code, or with an error such as a declined consent). */
async function finishLogin(env: DemoEnv): Promise<void> {
  status.textContent = 'Finishing the login…';
  const answer = await login.finish(env, (data) => ({ lang: data?.lang ?? lang }));
  status.textContent = '';
  if (answer.kind === 'foreign') {
    alert.textContent = 'This answer belongs to no login started in this tab (the state does not match). Sign in again.';
    return;
  }
  if (answer.kind === 'error') {
    alert.textContent = `Login denied: ${answer.description}.`;
    await inspector.refresh(undefined, { path: '/continue' });
    return;
  }
  const { claims, email } = answer;
  // The inspector reads the stored user (with the demo server's machine client) and shows it too.
  const consent = storedConsent(await inspector.refresh(email, { path: '/continue' }));
  status.textContent = `Signed in as ${email}.`;
  result.textContent = JSON.stringify({ id_token: { sub: claims.sub, email, name: claims.name }, consent: consentSummary(consent) }, null, 2);
}

mountPublishPanel(find('#publish')).catch((error: unknown) => console.error('the publish panel could not read the demo server', error));

const env = await loadDemoEnv();
signIn.addEventListener('click', () => {
  signIn.disabled = true;
  startLogin(env).catch((error: unknown) => {
    signIn.disabled = false;
    alert.textContent = `The login could not start: ${String(error)}`;
  });
});
if (login.returned) {
  finishLogin(env).catch((error: unknown) => {
    status.textContent = '';
    alert.textContent = String(error instanceof Error ? error.message : error);
  });
}
