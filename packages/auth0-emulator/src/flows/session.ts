/**
 * The emulator's login session (the `auth0` cookie): a login that knows its user (login page,
 * hosted signup pages, social login, login ticket, existing session) starts or reuses one here and
 * is then finished like every other login.
 */
import type { AuthorizationRequest, EmulatorContext } from '../context.js';
import type { RequestInfo } from '../http/request-info.js';
import { authorizationError } from './authorization-response.js';
import { recordLogin } from './authenticate.js';
import { finishLogin, randomId } from './login.js';

/** Name of the session cookie, as Auth0's. */
export const SESSION_COOKIE = 'auth0';

function sessionCookie(ctx: EmulatorContext, sessionId: string): string {
  const secure = ctx.url.startsWith('https:');
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; ${secure ? 'Secure; SameSite=None' : 'SameSite=Lax'}`;
}

/** Creates a session (or reuses `existingSession`), counts the login and finishes it (Actions, then the response). */
export async function loginAs(ctx: EmulatorContext, request: AuthorizationRequest, info: RequestInfo, userId: string, existingSession?: string): Promise<Response> {
  const user = ctx.store.users.get(userId);
  if (!user) return authorizationError(request.redirectUri, request.responseMode, 'access_denied', 'The user no longer exists', request.state);
  await recordLogin(ctx, user, info.ip);
  const sessionId = existingSession ?? randomId();
  if (!existingSession) ctx.sessions.set(sessionId, { userId });
  return finishLogin(ctx, {
    request,
    info,
    userId,
    sessionId,
    headers: existingSession ? {} : { 'Set-Cookie': sessionCookie(ctx, sessionId) },
  });
}
