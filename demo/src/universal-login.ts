// The Universal Login demo page: the demo server deploys the partials, custom texts, page template
// and the pre-user-registration Action's secrets to the emulator's demo tenant (demo/server/
// universal-login-deployer.ts; the deploy card is tenant-panel.ts'), then a signup on the emulator's
// hosted page (screen_hint=signup, one screen or identifier first) comes back here
// (redirect-login.ts) with the inspector showing the posted `ulp-` fields and the stored user.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';
import { FINAL_POST, mountDeployPanel, reportTo, screensSelect, useScreens, type Screens } from './tenant-panel.js';

const signUp = find<HTMLButtonElement>('#sign-up');
const status = find<HTMLParagraphElement>('#ulp-status');
const alert = find<HTMLParagraphElement>('#ulp-error');
const result = find<HTMLPreElement>('#ulp-result');
const inspector = mountInspector();
const login = redirectLogin<{ readonly lang: string; readonly screens: Screens }>('assent-demo-universal-login');
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));
const screens = screensSelect();
mountDeployPanel(find('#ulp-deploy'), '/assent-demo/universal-login');

/** Sets the tenant's identifier-first switch as chosen, then leaves for the hosted signup page. */
async function startSignup(env: DemoEnv): Promise<void> {
  const chosen = screens();
  await useScreens(chosen);
  await login.start(env, { screen_hint: 'signup', ui_locales: lang }, { lang, screens: chosen });
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

const env = await loadDemoEnv();
signUp.addEventListener('click', () => {
  signUp.disabled = true;
  startSignup(env).catch((error: unknown) => {
    signUp.disabled = false;
    reportTo(alert, 'The signup could not start')(error);
  });
});
if (login.returned) {
  finishSignup(env).catch((error: unknown) => {
    status.textContent = '';
    reportTo(alert, 'The signup could not finish')(error);
  });
}
