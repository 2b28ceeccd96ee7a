/** The users of the tenant, in memory, indexed by id and by (connection, email / username). */
import { randomBytes } from 'node:crypto';
import type { StoredUser } from './types.js';

/** A new Auth0-style database user id: `auth0|` + 24 hex characters. */
export function newUserId(): string {
  return `auth0|${randomBytes(12).toString('hex')}`;
}

function loginKey(connection: string, login: string): string {
  return `${connection}\u0000${login.toLowerCase()}`;
}

export class UserStore {
  private readonly byId = new Map<string, StoredUser>();
  private readonly byLogin = new Map<string, string>();

  constructor(users: readonly StoredUser[] = []) {
    for (const user of users) this.insert(user);
  }

  get size(): number {
    return this.byId.size;
  }

  get(userId: string): StoredUser | undefined {
    return this.byId.get(userId);
  }

  /** Every user, in creation order. */
  all(): StoredUser[] {
    return [...this.byId.values()];
  }

  /** The user of `connection` whose email or username is `login` (case-insensitive). */
  findByLogin(connection: string, login: string): StoredUser | undefined {
    const id = this.byLogin.get(loginKey(connection, login));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Users with this email across connections (case-insensitive), as GET /api/v2/users-by-email. */
  findByEmail(email: string): StoredUser[] {
    const wanted = email.toLowerCase();
    return this.all().filter((user) => user.email.toLowerCase() === wanted);
  }

  /** Adds a user; the caller has checked that its email and username are free in its connection. */
  insert(user: StoredUser): void {
    this.byId.set(user.user_id, user);
    this.index(user);
  }

  /** Replaces a user (same id) and re-indexes its email / username. */
  replace(user: StoredUser): void {
    const previous = this.byId.get(user.user_id);
    if (previous) this.unindex(previous);
    this.byId.set(user.user_id, user);
    this.index(user);
  }

  delete(userId: string): boolean {
    const user = this.byId.get(userId);
    if (!user) return false;
    this.unindex(user);
    this.byId.delete(userId);
    return true;
  }

  clear(): void {
    this.byId.clear();
    this.byLogin.clear();
  }

  private index(user: StoredUser): void {
    this.byLogin.set(loginKey(user.connection, user.email), user.user_id);
    if (user.username) this.byLogin.set(loginKey(user.connection, user.username), user.user_id);
  }

  private unindex(user: StoredUser): void {
    this.byLogin.delete(loginKey(user.connection, user.email));
    if (user.username) this.byLogin.delete(loginKey(user.connection, user.username));
  }
}
