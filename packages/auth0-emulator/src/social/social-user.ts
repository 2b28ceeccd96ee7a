/**
 * The users of a simulated social connection. Like Auth0 with a real provider, the first sign-in
 * creates the user (no signup form, no password, no user_metadata from the app) and later sign-ins
 * find it again. The user id is `<strategy>|<digits>`, stable per email, as a provider's subject is.
 */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import type { StoredUser } from '../store/types.js';
import type { Connection } from '../tenant/types.js';

/** What the simulated provider asserts about the person signing in. */
export interface SocialProfile {
  readonly email: string;
  /** Display name; defaults to the email. */
  readonly name?: string | undefined;
}

/** A 21-digit provider subject derived from the connection and the email (Google's ids have 21 digits). */
function subject(connection: string, email: string): string {
  const digest = createHash('sha256').update(`${connection}\u0000${email.toLowerCase()}`).digest('hex');
  return (BigInt(`0x${digest.slice(0, 24)}`) % 10n ** 21n).toString().padStart(21, '1');
}

/**
 * Finds the user of `connection` with this email, or creates it (email verified, as providers
 * assert it; no password: `password_hash` is empty, which never verifies). Saves before returning.
 */
export async function findOrCreateSocialUser(ctx: EmulatorContext, connection: Connection, profile: SocialProfile): Promise<StoredUser> {
  const existing = ctx.store.users.findByLogin(connection.name, profile.email);
  if (existing) return existing;
  const at = new Date(ctx.now()).toISOString();
  const name = profile.name?.trim() || profile.email;
  const user: StoredUser = {
    user_id: `${connection.strategy}|${subject(connection.name, profile.email)}`,
    connection: connection.name,
    email: profile.email,
    email_verified: true,
    name,
    nickname: profile.email.split('@')[0] ?? profile.email,
    picture: '',
    user_metadata: {},
    app_metadata: {},
    password_hash: '',
    created_at: at,
    updated_at: at,
    logins_count: 0,
  };
  await ctx.store.insertUser(user);
  return user;
}
