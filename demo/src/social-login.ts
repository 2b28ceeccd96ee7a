// The simulated "Sign in with Google" of the social login pages (social.html, forms.html): the
// login on the social connection, always through its provider page, and, back on the page, the
// answer: the code exchanged (redirect-login.ts), the consent the post-login Action stored shown,
// the inspector on the post to Auth0's /continue (the consent page's or the Form's).
import type { Inspector } from './inspector/inspector.js';
import type { DemoEnv } from './page.js';
import { consentSummary, redirectLogin, storedConsent } from './redirect-login.js';
import { reportTo } from './tenant-panel.js';

/** Where a social login page shows its progress and outcome. */
export interface SocialLoginOutputs {
  readonly status: HTMLElement;
  readonly alert: HTMLElement;
  readonly result: HTMLPreElement;
  readonly inspector: Inspector;
}

/** One page's social login; `key` names what it keeps in sessionStorage across the round trip. */
export interface SocialLogin {
  /** Leaves for the provider page in `lang`. */
  start(env: DemoEnv, lang: string): Promise<void>;
  /** Finishes the login when this page load is Auth0's answer (nothing otherwise). */
  finishIfReturned(env: DemoEnv, lang: () => string): void;
}

export function socialLogin(key: string, { status, alert, result, inspector }: SocialLoginOutputs): SocialLogin {
  const login = redirectLogin<{ readonly lang: string }>(key);

  async function finish(env: DemoEnv, lang: () => string): Promise<void> {
    status.textContent = 'Finishing the login…';
    const answer = await login.finish(env, (data) => ({ lang: data?.lang ?? lang() }));
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

  return {
    // prompt=login: show the provider page even when the emulator remembers a session, so any address can be tried.
    start: (env, lang) => login.start(env, { connection: env.socialConnection, ui_locales: lang, prompt: 'login' }, { lang }),
    finishIfReturned(env, lang) {
      if (!login.returned) return;
      finish(env, lang).catch((error: unknown) => {
        status.textContent = '';
        reportTo(alert, 'The login could not finish')(error);
      });
    },
  };
}
