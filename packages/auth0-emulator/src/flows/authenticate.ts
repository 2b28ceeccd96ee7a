/** Checking a user's credentials on a database connection, and recording a successful login. */
import type { EmulatorContext } from '../context.js';
import { verifyPassword } from '../passwords/hash.js';
import type { StoredUser } from '../store/types.js';

export type Authentication = { readonly ok: true; readonly user: StoredUser } | { readonly ok: false; readonly reason: 'invalid' | 'blocked' };

/** Finds the user by email or username on `connection` and checks the password. */
export async function authenticate(ctx: EmulatorContext, connection: string, login: string, password: string): Promise<Authentication> {
  // Social users have no password: only their (simulated) provider can sign them in.
  if (ctx.connection(connection)?.strategy !== 'auth0') return { ok: false, reason: 'invalid' };
  const user = ctx.store.users.findByLogin(connection, login);
  if (!user || !(await verifyPassword(password, user.password_hash))) return { ok: false, reason: 'invalid' };
  if (user.blocked) return { ok: false, reason: 'blocked' };
  return { ok: true, user };
}

/** Counts a successful login (logins_count, last_login, last_ip) and saves it. */
export async function recordLogin(ctx: EmulatorContext, user: StoredUser, ip: string): Promise<StoredUser> {
  const updated: StoredUser = { ...user, logins_count: user.logins_count + 1, last_login: new Date(ctx.now()).toISOString(), last_ip: ip };
  await ctx.store.replaceUser(updated);
  return updated;
}
