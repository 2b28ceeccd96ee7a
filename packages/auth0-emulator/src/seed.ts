/** Seed users: created when the state is empty, on /__emulator/reset and by POST /__emulator/users. */
import type { StoredUser } from './store/types.js';
import { TenantConfigError } from './tenant/errors.js';
import type { SeedUserConfig } from './tenant/types.js';
import { buildUser } from './users.js';

/**
 * Builds stored users (passwords hashed) from seed entries. `defaultConnection` is used when an
 * entry names none; `taken` checks (connection, email/username) against existing users.
 * @throws TenantConfigError naming a duplicate entry.
 */
export async function buildSeedUsers(
  seeds: readonly SeedUserConfig[],
  defaultConnection: string | undefined,
  now: Date,
  taken: (connection: string, login: string) => boolean = () => false,
  path = 'users',
): Promise<StoredUser[]> {
  const seen = new Set<string>();
  const entries = seeds.map((seed, index) => {
    const connection = seed.connection ?? defaultConnection;
    if (connection === undefined) throw new TenantConfigError(`${path}[${index}].connection`, 'no database connection exists for this user');
    for (const login of [seed.email, seed.username].filter((l): l is string => l !== undefined)) {
      const key = `${connection}\u0000${login.toLowerCase()}`;
      if (seen.has(key) || taken(connection, login)) throw new TenantConfigError(`${path}[${index}]`, `a user ${JSON.stringify(login)} already exists in ${connection}`);
      seen.add(key);
    }
    return { seed, connection };
  });
  return Promise.all(entries.map(({ seed, connection }) => buildUser({ ...seed, connection }, now)));
}
