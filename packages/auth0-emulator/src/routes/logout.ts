/**
 * GET /v2/logout (Auth0's) and /oidc/logout (OIDC RP-initiated logout): end the emulator session
 * and return to an allowed logout URL.
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { EmulatorContext } from '../context.js';
import { errorPage, page, pageHeaders } from '../http/html.js';
import type { Env } from '../http/request.js';
import { SESSION_COOKIE } from '../flows/session.js';

export function logoutRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  const logout = (c: Context<Env>, returnTo: string | undefined, clientId: string | undefined, state?: string) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) ctx.sessions.delete(sessionId);
    const clear = { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` };
    if (!returnTo) {
      const done = page({ title: 'Logged out', body: '<main><h1>You are logged out</h1><p role="status">The emulator session has ended.</p></main>' });
      return c.body(done.html, 200, { ...pageHeaders(done.csp), ...clear });
    }
    const clients = clientId === undefined ? ctx.tenant.clients : ctx.tenant.clients.filter((client) => client.client_id === clientId);
    if (!clients.some((client) => client.allowed_logout_urls.includes(returnTo))) {
      const refused = errorPage('Invalid logout URL', `${returnTo} is not in the allowed logout URLs${clientId ? ` of client ${clientId}` : ''}.`);
      return c.body(refused.html, 400, { ...pageHeaders(refused.csp), ...clear });
    }
    const target = new URL(returnTo);
    if (state !== undefined) target.searchParams.set('state', state);
    return c.body(null, 302, { Location: target.toString(), ...clear });
  };

  app.get('/v2/logout', (c) => logout(c, c.req.query('returnTo'), c.req.query('client_id')));
  app.get('/oidc/logout', (c) => logout(c, c.req.query('post_logout_redirect_uri'), c.req.query('client_id'), c.req.query('state')));
  return app;
}
