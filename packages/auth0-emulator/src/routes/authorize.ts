/**
 * GET /authorize (authorization code with PKCE, implicit `token id_token`; `screen_hint=signup`
 * leads to the hosted signup pages), the login page (GET and POST /u/login), the login_ticket leg of cross-origin authentication, and /continue for logins
 * suspended by an Action redirect or a Form (`api.prompt.render`: the Form's page posts its fields here with `state`, as Auth0 resumes).
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthorizationRequest, EmulatorContext } from '../context.js';
import { authorizationError } from '../flows/authorization-response.js';
import { parseAuthorizationRequest } from '../flows/authorization-request.js';
import { authenticate } from '../flows/authenticate.js';
import { finishLogin, randomId } from '../flows/login.js';
import { SESSION_COOKIE, loginAs } from '../flows/session.js';
import { errorPage, pageHeaders, type Page } from '../http/html.js';
import { readBody, requestInfo, type Env } from '../http/request.js';
import { readFormAnswer } from '../forms/answer.js';
import { formPage } from '../forms/page.js';
import { loginPage } from './login-page.js';
import { socialLoginPage } from './social-login.js';

function html(c: Context<Env>, status: number, { html: body, csp }: Page): Response {
  return c.body(body, status as 200, pageHeaders(csp));
}

/** The login page of a transaction, with a "Sign up" link when its database connection allows signups. */
function loginPageFor(ctx: EmulatorContext, transaction: string, request: AuthorizationRequest, login: string | undefined, error?: string): Page {
  const connection = ctx.connection(request.connection);
  return loginPage({
    transaction,
    clientName: ctx.client(request.clientId)?.name ?? request.clientId,
    connection: request.connection,
    tenant: ctx.tenant.name,
    redirectOrigin: new URL(request.redirectUri).origin,
    login,
    error,
    signupUrl: connection?.strategy === 'auth0' && !connection.options.disable_signup ? `/u/signup?state=${encodeURIComponent(transaction)}` : undefined,
  });
}

export function authorizeRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/authorize', async (c) => {
    const query = Object.fromEntries(new URL(c.req.url).searchParams);
    const parsed = parseAuthorizationRequest(ctx, query);
    if (parsed.kind === 'page') return html(c, parsed.status, parsed.page);
    if (parsed.kind === 'error') return authorizationError(parsed.redirectUri, parsed.responseMode, parsed.error, parsed.description, parsed.state);
    const { request } = parsed;
    const info = requestInfo(c);

    if (query.login_ticket !== undefined) {
      const ticket = ctx.tickets.take(query.login_ticket);
      if (!ticket || ticket.clientId !== request.clientId) {
        return authorizationError(request.redirectUri, request.responseMode, 'access_denied', 'Invalid or expired login ticket', request.state);
      }
      return loginAs(ctx, { ...request, connection: ticket.connection }, info, ticket.userId);
    }

    const sessionId = getCookie(c, SESSION_COOKIE);
    const session = sessionId === undefined ? undefined : ctx.sessions.get(sessionId);
    if (session && sessionId && request.prompt !== 'login' && ctx.store.users.get(session.userId)) {
      return loginAs(ctx, request, info, session.userId, sessionId);
    }
    if (request.prompt === 'none') {
      return authorizationError(request.redirectUri, request.responseMode, 'login_required', 'Login required', request.state);
    }

    const transaction = randomId();
    ctx.pending.set(transaction, { request, info });
    const client = ctx.client(request.clientId);
    const connection = ctx.connection(request.connection);
    if (connection && connection.strategy !== 'auth0') {
      return html(
        c,
        200,
        socialLoginPage({
          transaction,
          clientName: client?.name ?? request.clientId,
          connection: connection.name,
          strategy: connection.strategy,
          tenant: ctx.tenant.name,
          redirectOrigin: new URL(request.redirectUri).origin,
          email: query.login_hint,
        }),
      );
    }
    if (query.screen_hint === 'signup' && connection && !connection.options.disable_signup) {
      // Auth0 sends `screen_hint=signup` to its hosted signup pages (see routes/universal-login.ts).
      return new Response(null, { status: 302, headers: { Location: `/u/signup?state=${encodeURIComponent(transaction)}`, 'Cache-Control': 'no-store' } });
    }
    return html(c, 200, loginPageFor(ctx, transaction, request, query.login_hint));
  });

  app.get('/u/login', (c) => {
    const transaction = c.req.query('state') ?? '';
    const pending = ctx.pending.get(transaction);
    if (!pending) return html(c, 400, errorPage('Login expired', 'This login page has expired or was already used. Start again from the application.'));
    return html(c, 200, loginPageFor(ctx, transaction, pending.request, undefined));
  });

  app.post('/u/login', async (c) => {
    const body = await readBody(c);
    const transaction = typeof body.state === 'string' ? body.state : '';
    const pending = ctx.pending.get(transaction);
    if (!pending) {
      return html(c, 400, errorPage('Login expired', 'This login page has expired or was already used. Start again from the application.'));
    }
    const login = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const { request } = pending;
    const retry = (error: string) => html(c, 400, loginPageFor(ctx, transaction, request, login, error));
    if (!login || !password) return retry('Enter your email or username and your password.');
    const result = await authenticate(ctx, request.connection, login, password);
    if (!result.ok) return retry(result.reason === 'blocked' ? 'This user is blocked.' : 'Wrong email or password.');
    ctx.pending.delete(transaction);
    return loginAs(ctx, request, { ...pending.info, method: 'POST', body: { username: login } }, result.user.user_id);
  });

  const resume = async (c: Context<Env>) => {
    const params: Record<string, string> = Object.fromEntries(new URL(c.req.url).searchParams);
    if (c.req.method === 'POST') {
      for (const [key, value] of Object.entries(await readBody(c))) if (typeof value === 'string') params[key] = value;
    }
    const state = params.state ?? '';
    const waiting = ctx.suspended.get(state);
    if (!waiting) return html(c, 400, errorPage('Invalid state', 'This login cannot be continued: the state is unknown, expired or already used.'));
    let prompt: { id: string; fields: Record<string, unknown>; vars: Record<string, unknown> } | undefined;
    if (waiting.prompt) {
      // A Form's answer: read against the Form; a bad post shows the Form again and keeps the login waiting.
      const form = ctx.forms.get(waiting.prompt.formId);
      if (!form) return html(c, 400, errorPage('Form removed', 'The form of this login no longer exists. Start again from the application.'));
      const answer = readFormAnswer(form, waiting.prompt, params);
      if ('error' in answer) return html(c, 400, formPage(form, waiting.prompt, state, new URL(waiting.request.redirectUri).origin, answer.error));
      prompt = { id: form.id, fields: answer.fields, vars: waiting.prompt.vars };
    }
    const suspended = ctx.suspended.take(state);
    if (!suspended) return html(c, 400, errorPage('Invalid state', 'This login cannot be continued: the state is unknown, expired or already used.'));
    return finishLogin(ctx, {
      request: suspended.request,
      info: suspended.info,
      userId: suspended.userId,
      sessionId: suspended.sessionId,
      resume: { state, actionIndex: suspended.actionIndex, claims: suspended.claims, params, ...(prompt ? { prompt } : {}) },
    });
  };
  app.get('/continue', resume);
  app.post('/continue', resume);

  return app;
}
