/**
 * The simulated identity provider of social connections. `/authorize` on a social connection shows
 * this page instead of the login form: the person says who they are (email, optional name), with
 * no password and no signup form, and POST /u/social signs them in (creating the user on first
 * sign-in), then the login goes on exactly as after a password login: session, post-login Actions,
 * code or tokens. That is the path on which a real social login skips every consent form.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { authorizationError } from '../flows/authorization-response.js';
import { errorPage, escapeHtml, page, pageHeaders, type Page } from '../http/html.js';
import { readBody, type Env } from '../http/request.js';
import { findOrCreateSocialUser } from '../social/social-user.js';
import { loginAs } from '../flows/session.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the simulated provider page shows. */
export interface SocialPageInput {
  readonly transaction: string;
  readonly clientName: string;
  readonly connection: string;
  readonly strategy: string;
  readonly tenant: string;
  readonly redirectOrigin: string;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly error?: string | undefined;
}

/** The provider page: an email, an optional name, one button. Nothing asks for a password or for consent. */
export function socialLoginPage(input: SocialPageInput): Page {
  const error = input.error ? `<p id="social-error" class="error" role="alert">${escapeHtml(input.error)}</p>` : '<p id="social-error" class="error" role="alert" hidden></p>';
  const described = input.error ? ' aria-describedby="social-error" aria-invalid="true"' : '';
  return page({
    title: `Continue with ${input.strategy}`,
    formAction: [input.redirectOrigin],
    body: `<main>
<h1>Continue with ${escapeHtml(input.strategy)}</h1>
<p class="note">Simulated identity provider for connection ${escapeHtml(input.connection)} of tenant ${escapeHtml(input.tenant)}, signing in to ${escapeHtml(input.clientName)}. No password: whoever you name here is signed in. Assent Auth0 emulator: a development tool.</p>
${error}
<form method="post" action="/u/social" novalidate>
<input type="hidden" name="state" value="${escapeHtml(input.transaction)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" autocapitalize="none" spellcheck="false" required value="${escapeHtml(input.email ?? '')}"${described}>
<label for="name">Name (optional)</label>
<input id="name" name="name" type="text" autocomplete="name" value="${escapeHtml(input.name ?? '')}">
<button type="submit">Continue</button>
</form>
</main>`,
  });
}

function html(c: Context<Env>, status: number, { html: body, csp }: Page): Response {
  return c.body(body, status as 200, pageHeaders(csp));
}

export function socialLoginRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/u/social', async (c) => {
    const body = await readBody(c);
    const transaction = typeof body.state === 'string' ? body.state : '';
    const pending = ctx.pending.get(transaction);
    const connection = pending && ctx.connection(pending.request.connection);
    if (!pending || !connection || connection.strategy === 'auth0') {
      return html(c, 400, errorPage('Login expired', 'This sign-in page has expired or was already used. Start again from the application.'));
    }
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 150) : '';
    if (email.length > 320 || !EMAIL.test(email)) {
      const { request } = pending;
      return html(
        c,
        400,
        socialLoginPage({
          transaction,
          clientName: ctx.client(request.clientId)?.name ?? request.clientId,
          connection: connection.name,
          strategy: connection.strategy,
          tenant: ctx.tenant.name,
          redirectOrigin: new URL(request.redirectUri).origin,
          email,
          name,
          error: 'Enter an email address.',
        }),
      );
    }
    ctx.pending.delete(transaction);
    const user = await findOrCreateSocialUser(ctx, connection, { email, name });
    if (user.blocked) {
      return authorizationError(pending.request.redirectUri, pending.request.responseMode, 'unauthorized', 'user is blocked', pending.request.state);
    }
    return loginAs(ctx, pending.request, { ...pending.info, method: 'POST', body: { email } }, user.user_id);
  });

  return app;
}
