/**
 * Authentication and scopes of Management API calls. A token is accepted when it is an RS256 JWT
 * signed by the tenant key, issued by this emulator, for its Management API, not expired. Who
 * calls is then either a machine client (client-credentials token: its granted scopes) or a user
 * (current_user scopes, only on their own user).
 */
import type { Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { insufficientScope, managementError, managementUnauthorized } from '../errors.js';
import type { Env } from '../http/request.js';
import { TokenRejectedError, verifyAccessToken } from '../tokens.js';

export interface ManagementCaller {
  readonly kind: 'client' | 'user';
  /** User id for a user token, client id for a machine token. */
  readonly subject: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Verifies the bearer token of a Management API request. */
export async function managementCaller(ctx: EmulatorContext, c: Context<Env>): Promise<ManagementCaller> {
  const header = c.req.header('authorization');
  if (!header) throw managementUnauthorized('Missing authentication');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw managementError(400, 'Bad HTTP authentication header format', 'Bearer');
  let verified;
  try {
    verified = await verifyAccessToken(ctx.tokens, match[1] as string, [...ctx.managementAudiences]);
  } catch (error) {
    if (error instanceof TokenRejectedError) throw managementUnauthorized(error.message);
    throw error;
  }
  const isClient = verified.grantType === 'client-credentials';
  return {
    kind: isClient ? 'client' : 'user',
    subject: isClient ? verified.clientId : verified.subject,
    clientId: verified.clientId,
    scopes: verified.scopes,
  };
}

/** Throws 403 insufficient_scope unless the caller has one of `anyOf`. */
export function requireAnyScope(caller: ManagementCaller, anyOf: readonly string[]): void {
  if (!anyOf.some((scope) => caller.scopes.includes(scope))) throw insufficientScope(anyOf);
}

/** A user token may only act on its own user. */
export function requireOwnUser(caller: ManagementCaller, userId: string): void {
  if (caller.kind === 'user' && caller.subject !== userId) {
    throw managementError(403, 'User to be acted on does not match subject in bearer token.', 'unowned_resource');
  }
}
