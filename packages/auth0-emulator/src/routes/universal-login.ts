/**
 * The hosted Universal Login signup pages, at Auth0's paths: `/u/signup` (one screen, email and
 * password) or, with identifier first, `/u/signup/identifier` (`signup-id`, the email) then
 * `/u/signup/password` (`signup-password`, the password). Each GET renders the screen for the
 * login transaction named by `state`; each POST (a plain HTML form, no JavaScript needed) carries
 * `state` and every field of the form, `ulp-` fields included. The final post runs the
 * pre-user-registration Actions with those fields as `event.request.body`, creates the user and
 * continues the login (post-login Actions, then the redirect with a code), as Auth0 does. A refusal
 * shows the page again with status 400, the message in the prompt and the user's input kept,
 * except the password. A screen switched to advanced rendering (ACUL) is served as the team's own page
 * with the Universal Login context instead; its SDK posts the same fields to the same paths.
 */
import { Hono, type Context } from 'hono';
import { LiquidError } from 'liquidjs';
import type { EmulatorContext, PendingAuthorization } from '../context.js';
import { HttpError } from '../errors.js';
import { SignupDeniedError, SignupValidationError, registerUser } from '../flows/register.js';
import { errorPage, pageHeaders, type Page } from '../http/html.js';
import { readBody, requestInfo, type Env } from '../http/request.js';
import type { Connection } from '../tenant/types.js';
import { pickLocale } from '../universal-login/catalog.js';
import { renderAculScreen } from '../universal-login/acul-page.js';
import { renderScreen, type ScreenInput } from '../universal-login/page.js';
import { identifierFirst } from '../universal-login/settings.js';
import { screenTexts, type SignupScreen } from '../universal-login/texts.js';
import { loginAs } from '../flows/session.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PATHS: Record<SignupScreen, string> = { signup: '/u/signup', 'signup-id': '/u/signup/identifier', 'signup-password': '/u/signup/password' };

/** Input of one render: what the user typed, and an error for the prompt. */
interface Shown {
  readonly email?: string | undefined;
  readonly fields?: Readonly<Record<string, string>> | undefined;
  readonly error?: ScreenInput['error'];
}

function html(c: Context<Env>, status: number, { html: body, csp }: Page): Response {
  return c.body(body, status as 200, pageHeaders(csp));
}

function expired(c: Context<Env>): Response {
  return html(c, 400, errorPage('Signup expired', 'This signup page has expired or was already used. Start again from the application.'));
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function withState(path: string, state: string): string {
  return `${path}?state=${encodeURIComponent(state)}`;
}

/** Every string field of a form post. */
function stringFields(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The same fields without the password, which is never kept, shown or handed to an Action. */
function withoutPassword(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'password'));
}

/** The text of a signup refusal for the prompt: Auth0's screen text for known errors, else the description. */
function refusalMessage(error: HttpError, texts: Readonly<Record<string, string>>): { message: string; code: string; field?: 'email' | 'password' } {
  if (error instanceof SignupValidationError) return { message: error.userMessage, code: error.code };
  // The reason of a denial is for the tenant's logs; without a user message the prompt says what Auth0's does.
  if (error instanceof SignupDeniedError)
    return { message: error.userMessage ?? texts['custom-script-error-code'] ?? 'Something went wrong, please try again later.', code: 'custom-script-error-code' };
  const body = error.body;
  const text = (key: string, fallback: string) => texts[key] ?? fallback;
  const description =
    typeof body.description === 'string' ? body.description : typeof body.error_description === 'string' ? body.error_description : String(body.message ?? body.error ?? 'Signup failed');
  switch (body.name) {
    case 'PasswordStrengthError':
      return { message: text('password-too-weak', description), code: 'password-too-weak', field: 'password' };
    case 'PasswordDictionaryError':
      return { message: text('password-too-common', description), code: 'password-too-common', field: 'password' };
    case 'PasswordNoUserInfoError':
      return { message: text('password-contains-user-information', description), code: 'password-contains-user-information', field: 'password' };
  }
  switch (body.code) {
    case 'password_leaked':
      return { message: text('password-breached', description), code: 'password-breached', field: 'password' };
    case 'user_exists':
    case 'invalid_signup':
      return { message: text('email-in-use', description), code: 'email-in-use', field: 'email' };
    default:
      return { message: description, code: typeof body.code === 'string' ? body.code : 'signup-failed' };
  }
}

export function universalLoginRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  const stateOf = (c: Context<Env>, body?: Record<string, unknown>): string => (typeof body?.state === 'string' ? body.state : (c.req.query('state') ?? ''));

  const databaseConnection = (pending: PendingAuthorization): Connection | undefined => {
    const connection = ctx.connection(pending.request.connection);
    return connection?.strategy === 'auth0' ? connection : undefined;
  };

  const locale = (c: Context<Env>, pending: PendingAuthorization) => pickLocale(ctx.tenant.settings.enabled_locales, pending.request.uiLocales, c.req.header('accept-language'));

  /** The social connections of the client, as links that restart this authorization with that connection. */
  const socialLinks = (pending: PendingAuthorization) => {
    const clientId = pending.request.clientId;
    return ctx.tenant.connections
      .filter((connection) => connection.strategy !== 'auth0' && connection.enabled_clients.includes(clientId))
      .map((connection) => {
        const query = new URLSearchParams(pending.info.query);
        query.delete('screen_hint');
        query.set('connection', connection.name);
        return { label: `${connection.name}`, href: `/authorize?${query}` };
      });
  };

  const render = async (c: Context<Env>, status: number, screen: SignupScreen, state: string, pending: PendingAuthorization, shown: Shown): Promise<Response> => {
    const client = ctx.client(pending.request.clientId);
    const lang = locale(c, pending);
    const universalLogin = ctx.store.universalLogin;
    const custom = universalLogin.customText(screen, lang)[screen] ?? {};
    const texts = screenTexts(screen, lang, custom, { clientName: client?.name ?? pending.request.clientId, companyName: ctx.tenant.name });
    const rendering = universalLogin.rendering(screen, screen);
    const connection = databaseConnection(pending);
    if (rendering.rendering_mode === 'advanced' && connection) {
      const page = renderAculScreen(
        {
          screen,
          locale: lang,
          state,
          rendering,
          texts,
          client: { id: pending.request.clientId, name: client?.name ?? pending.request.clientId, metadata: client?.client_metadata ?? {} },
          tenant: { name: ctx.tenant.name, friendlyName: ctx.tenant.name, enabledLocales: ctx.tenant.settings.enabled_locales },
          connection,
          email: shown.email,
          submitted: shown.fields,
          error: shown.error && { code: shown.error.code ?? 'invalid-request', message: shown.error.message, field: shown.error.field },
          authorizationParams: pending.info.query,
          links: { login: withState('/u/login', state), editIdentifier: screen === 'signup-password' ? withState(PATHS['signup-id'], state) : undefined },
        },
        new URL(pending.request.redirectUri).origin,
      );
      return html(c, status, page);
    }
    const social = socialLinks(pending);
    const partials = { ...(universalLogin.partials(screen)[screen] ?? {}) };
    if (social.length === 0) {
      // Auth0 offers the secondary-actions entry points only when a social connection is enabled.
      delete partials['secondary-actions-start'];
      delete partials['secondary-actions-end'];
    }
    const input: ScreenInput = {
      screen,
      locale: lang,
      state,
      action: withState(PATHS[screen], state),
      texts,
      partials,
      template: universalLogin.template,
      application: { id: pending.request.clientId, name: client?.name ?? pending.request.clientId, metadata: client?.client_metadata ?? {} },
      tenant: { name: ctx.tenant.name, enabledLocales: ctx.tenant.settings.enabled_locales },
      email: shown.email,
      fields: shown.fields,
      error: shown.error,
      loginUrl: withState('/u/login', state),
      editEmailUrl: withState(PATHS['signup-id'], state),
      social,
    };
    let page: Page;
    try {
      page = await renderScreen(input, new URL(pending.request.redirectUri).origin);
    } catch (error) {
      // A template or partial that parses but fails to render (a render limit, a filter error).
      if (!(error instanceof LiquidError)) throw error;
      ctx.log(`universal login: the ${screen} screen failed to render: ${error.message}`);
      return html(c, 500, errorPage('This page cannot be shown', `The page template or a partial of the ${screen} screen failed to render: ${error.message.split('\n')[0] ?? ''}`));
    }
    return html(c, status, page);
  };

  /** Creates the user from the final post and continues the login, or shows the screen again with the refusal. */
  const register = async (c: Context<Env>, screen: SignupScreen, state: string, pending: PendingAuthorization, email: string, password: string, fields: Record<string, string>): Promise<Response> => {
    const connection = databaseConnection(pending);
    const client = ctx.client(pending.request.clientId);
    if (!connection || !client) return expired(c);
    const shownEmail = screen === 'signup' ? email : undefined;
    const again = (error: ScreenInput['error']) => render(c, 400, screen, state, pending, { email: screen === 'signup-password' ? email : shownEmail, fields, error });
    const lang = locale(c, pending);
    const texts = screenTexts(screen, lang, ctx.store.universalLogin.customText(screen, lang)[screen] ?? {}, { clientName: client.name, companyName: ctx.tenant.name });
    if (connection.options.disable_signup) return again({ message: 'Public signup is disabled for this connection', code: 'signup-disabled' });
    if (!password) return again({ message: texts['no-password'] ?? 'Password is required', code: 'no-password', field: 'password' });
    let user;
    try {
      user = await registerUser(ctx, { client, connection, email, password, root: {}, userMetadata: {}, info: requestInfo(c, fields), locale: lang });
    } catch (error) {
      if (error instanceof HttpError && error.status < 500) return again(refusalMessage(error, texts));
      throw error;
    }
    ctx.pending.delete(state);
    return loginAs(ctx, pending.request, { ...pending.info, method: 'POST', body: withoutPassword(fields) }, user.user_id);
  };

  /** Checks the email of `signup` / `signup-id`; a message for the prompt, or undefined when it is usable. */
  const emailProblem = (c: Context<Env>, pending: PendingAuthorization, screen: SignupScreen, email: string): ScreenInput['error'] => {
    const client = ctx.client(pending.request.clientId);
    const lang = locale(c, pending);
    const texts = screenTexts(screen, lang, ctx.store.universalLogin.customText(screen, lang)[screen] ?? {}, { clientName: client?.name ?? '', companyName: ctx.tenant.name });
    if (!email) return { message: texts['no-email'] ?? 'Please enter an email address', code: 'no-email', field: 'email' };
    if (email.length > 320 || !EMAIL.test(email)) return { message: texts['invalid-email-format'] ?? 'Email is not valid.', code: 'invalid-email-format', field: 'email' };
    return undefined;
  };

  app.get('/u/signup', async (c) => {
    const state = stateOf(c);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    if (identifierFirst(ctx)) return redirect(withState(PATHS['signup-id'], state));
    return render(c, 200, 'signup', state, pending, { email: pending.info.query.login_hint });
  });

  app.post('/u/signup', async (c) => {
    const body = await readBody(c);
    const state = stateOf(c, body);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    const fields = stringFields(body);
    const email = (fields.email ?? '').trim();
    const problem = emailProblem(c, pending, 'signup', email);
    if (problem) return render(c, 400, 'signup', state, pending, { email, fields: withoutPassword(fields), error: problem });
    return register(c, 'signup', state, pending, email, fields.password ?? '', withoutPassword(fields));
  });

  app.get('/u/signup/identifier', async (c) => {
    const state = stateOf(c);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    return render(c, 200, 'signup-id', state, pending, { email: pending.signup?.email ?? pending.info.query.login_hint, fields: pending.signup?.fields });
  });

  app.post('/u/signup/identifier', async (c) => {
    const body = await readBody(c);
    const state = stateOf(c, body);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    const fields = withoutPassword(stringFields(body));
    const email = (fields.email ?? '').trim();
    const problem = emailProblem(c, pending, 'signup-id', email);
    if (problem) return render(c, 400, 'signup-id', state, pending, { email, fields, error: problem });
    ctx.pending.set(state, { ...pending, signup: { email, fields } });
    return redirect(withState(PATHS['signup-password'], state));
  });

  app.get('/u/signup/password', async (c) => {
    const state = stateOf(c);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    if (!pending.signup) return redirect(withState(PATHS['signup-id'], state));
    return render(c, 200, 'signup-password', state, pending, { email: pending.signup.email });
  });

  app.post('/u/signup/password', async (c) => {
    const body = await readBody(c);
    const state = stateOf(c, body);
    const pending = ctx.pending.get(state);
    if (!pending || !databaseConnection(pending)) return expired(c);
    if (!pending.signup) return redirect(withState(PATHS['signup-id'], state));
    const posted = stringFields(body);
    // signup-id's fields travel in the transaction; this screen's own fields win on a name clash.
    const fields = { ...pending.signup.fields, ...withoutPassword(posted), email: pending.signup.email };
    return register(c, 'signup-password', state, pending, pending.signup.email, posted.password ?? '', fields);
  });

  return app;
}
