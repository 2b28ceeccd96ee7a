// The Forms variant of the social login page: the demo server deploys the consent Form and the Forms
// post-login Action's secrets (demo/server/forms-deployer.ts; the deploy card is tenant-panel.ts'),
// binds that Action to the post-login trigger in place of the redirect one, and a simulated social
// login meets the Form on the emulator; back here (social-login.ts) the inspector shows the Form's
// post to /continue and the stored user.
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { mountPublishPanel } from './publish-panel.js';
import { socialLogin } from './social-login.js';
import { mountDeployPanel, mountStatusPanel, readAnswer, reportTo, sendJson } from './tenant-panel.js';

/** Which post-login Action the tenant runs, as the demo server answers it. */
interface Binding {
  readonly variant: 'redirect' | 'form' | 'none';
  readonly bindings: readonly string[];
}

const VARIANTS: Readonly<Record<Binding['variant'], string>> = {
  form: 'the Form Action (assent-post-login-form renders the consent Form)',
  redirect: 'the redirect Action (assent-post-login sends users to the consent page)',
  none: 'no Assent Action: logins are not asked for consent',
};

const deployPanel = mountDeployPanel(find('#forms-deploy'), '/assent-demo/forms');
const bindingPanel = mountStatusPanel(find('#forms-binding'), {
  prefix: 'binding',
  buttons: [
    { id: 'bind-form', label: 'Run the Form Action' },
    { id: 'bind-redirect', label: 'Switch back to the consent page (redirect Action)' },
  ],
  details: { id: 'binding-list', summary: 'post-login bindings, as the Management API answers them', placeholder: 'not read yet' },
});
const signIn = find<HTMLButtonElement>('#sign-in');
const status = find<HTMLParagraphElement>('#forms-status');
const alert = find<HTMLParagraphElement>('#forms-error');
const login = socialLogin('assent-demo-forms-login', { status, alert, result: find<HTMLPreElement>('#forms-result'), inspector: mountInspector() });
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

function showBinding(binding: Binding): Binding {
  bindingPanel.status.textContent = `The post-login trigger runs ${VARIANTS[binding.variant]}.`;
  bindingPanel.details.textContent = JSON.stringify(binding.bindings, null, 2);
  return binding;
}

async function bind(variant: 'form' | 'redirect'): Promise<Binding> {
  return showBinding(await sendJson<Binding>('PUT', '/assent-demo/forms/binding', { variant }));
}

for (const [index, variant] of (['form', 'redirect'] as const).entries()) {
  bindingPanel.buttons[index]?.addEventListener('click', () => {
    bindingPanel.error.textContent = '';
    bind(variant).catch(reportTo(bindingPanel.error, 'The Action could not be switched'));
  });
}

/** Deploys the Form (nothing when it is up to date), binds the Form Action, then leaves for the provider page. */
async function startLogin(env: DemoEnv): Promise<void> {
  status.textContent = 'Deploying the Form and binding the Form Action…';
  if (!(await deployPanel.deploy(false))) throw new Error('the Form could not be deployed (see above)');
  await bind('form');
  await login.start(env, lang);
}

mountPublishPanel(find('#publish')).catch((error: unknown) => console.error('the publish panel could not read the demo server', error));
fetch('/assent-demo/forms/binding')
  .then((response) => readAnswer<Binding>(response))
  .then(showBinding)
  .catch(reportTo(bindingPanel.error, 'The demo server could not read the bindings'));

const env = await loadDemoEnv();
signIn.addEventListener('click', () => {
  signIn.disabled = true;
  alert.textContent = '';
  startLogin(env).catch((error: unknown) => {
    signIn.disabled = false;
    status.textContent = '';
    reportTo(alert, 'The login could not start')(error);
  });
});
login.finishIfReturned(env, () => lang);
