/** The emulator's own login page: a plain, accessible form with real labels and no external assets. */
import { escapeHtml, page, type Page } from '../http/html.js';

export interface LoginPageInput {
  readonly transaction: string;
  readonly clientName: string;
  readonly connection: string;
  readonly tenant: string;
  /** Origin the form's result redirects to (allowed by the CSP's form-action). */
  readonly redirectOrigin: string;
  readonly login?: string | undefined;
  readonly error?: string | undefined;
  /** The hosted signup page of the same transaction, when the connection allows signups. */
  readonly signupUrl?: string | undefined;
}

export function loginPage(input: LoginPageInput): Page {
  const error = input.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(input.error)}</p>` : '<p id="login-error" class="error" role="alert" hidden></p>';
  const described = input.error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return page({
    title: `Log in to ${input.clientName}`,
    formAction: [input.redirectOrigin],
    body: `<main>
<h1>Log in to ${escapeHtml(input.clientName)}</h1>
<p class="note">Tenant ${escapeHtml(input.tenant)}, connection ${escapeHtml(input.connection)}. Assent Auth0 emulator: a development tool.</p>
${error}
<form method="post" action="/u/login" novalidate>
<input type="hidden" name="state" value="${escapeHtml(input.transaction)}">
<label for="username">Email or username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(input.login ?? '')}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit">Log in</button>
</form>
${input.signupUrl ? `<p>Don't have an account? <a href="${escapeHtml(input.signupUrl)}">Sign up</a></p>` : ''}
</main>`,
  });
}
