/**
 * Test controls under /__emulator/, mounted only with `enableAdmin: true` / `--admin`:
 * faults (GET / PUT / DELETE), reset to the seed state, seeding users, the effective tenant.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../errors.js';
import { parseFaultsConfig } from '../faults/validate.js';
import type { Env } from '../http/request.js';
import { buildSeedUsers } from '../seed.js';
import { TenantConfigError } from '../tenant/errors.js';
import { parseSeedUser } from '../tenant/validate.js';
import { managementView } from '../users.js';

async function json(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, { error: 'invalid_request', error_description: 'The request body is not valid JSON' });
  }
}

function invalid(error: unknown): never {
  if (error instanceof TenantConfigError) throw new HttpError(400, { error: 'invalid_request', error_description: error.message, path: error.path });
  throw error;
}

export function adminRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/__emulator/faults', (c) => c.json(ctx.faults.config));

  app.put('/__emulator/faults', async (c) => {
    const body = await json(c);
    try {
      ctx.faults.configure(parseFaultsConfig(body, 'faults'));
    } catch (error) {
      invalid(error);
    }
    return c.json(ctx.faults.config);
  });

  app.delete('/__emulator/faults', (c) => {
    ctx.faults.configure({ rules: [] });
    return c.body(null, 204);
  });

  app.post('/__emulator/reset', async (c) => {
    await ctx.reset();
    return c.body(null, 204);
  });

  app.get('/__emulator/users', (c) => c.json(ctx.store.users.all().map((user) => managementView(user, ctx.issuer))));

  app.post('/__emulator/users', async (c) => {
    const body = await json(c);
    const list = Array.isArray(body) ? body : [body];
    let users;
    try {
      const seeds = list.map((entry, index) => parseSeedUser(entry, `users[${index}]`));
      for (const [index, seed] of seeds.entries()) {
        if (seed.connection !== undefined && !ctx.connection(seed.connection)) {
          throw new TenantConfigError(`users[${index}].connection`, `names no connection: ${JSON.stringify(seed.connection)}`);
        }
        if (seed.user_id !== undefined && ctx.store.users.get(seed.user_id)) {
          throw new TenantConfigError(`users[${index}].user_id`, `a user ${seed.user_id} already exists`);
        }
      }
      users = await buildSeedUsers(
        seeds,
        ctx.tenant.connections.find((c) => c.strategy === 'auth0')?.name,
        new Date(ctx.now()),
        (connection, login) => ctx.store.users.findByLogin(connection, login) !== undefined,
      );
    } catch (error) {
      invalid(error);
    }
    for (const user of users) ctx.store.users.insert(user);
    await ctx.store.persist();
    return c.json(
      users.map((user) => managementView(user, ctx.issuer)),
      201,
    );
  });

  app.get('/__emulator/tenant', (c) => c.json(ctx.tenant));

  return app;
}
