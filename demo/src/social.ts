// The social login demo page: "Sign in with Google" on the embedded emulator (its provider page
// stands in for Google), the Assent post-login Action sending users without a current consent to
// @assent/server's consent page, and, back here, the login finished (social-login.ts) with the
// stored consent decoded. The inspector shows what the consent page posted to /continue.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv } from './page.js';
import { mountPublishPanel } from './publish-panel.js';
import { socialLogin } from './social-login.js';
import { reportTo, sendJson } from './tenant-panel.js';

const signIn = find<HTMLButtonElement>('#sign-in');
const alert = find<HTMLParagraphElement>('#social-error');
const login = socialLogin('assent-demo-social-login', {
  status: find<HTMLParagraphElement>('#social-status'),
  alert,
  result: find<HTMLPreElement>('#social-result'),
  inspector: mountInspector(),
});
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

mountPublishPanel(find('#publish')).catch((error: unknown) => console.error('the publish panel could not read the demo server', error));

const env = await loadDemoEnv();
signIn.addEventListener('click', () => {
  signIn.disabled = true;
  // The Form page (forms.html) may have bound the Forms variant of the Action instead.
  sendJson('PUT', '/assent-demo/forms/binding', { variant: 'redirect' })
    .then(() => login.start(env, lang))
    .catch((error: unknown) => {
      signIn.disabled = false;
      reportTo(alert, 'The login could not start')(error);
    });
});
login.finishIfReturned(env, () => lang);
