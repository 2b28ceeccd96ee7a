/** startEmulator: loads the tenant and state, listens on loopback (HTTP or HTTPS), serves the app. */
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { loadActionModules } from './actions/load.js';
import { ActionRegistry, type ActionSource } from './actions/registry.js';
import { FormStore } from './forms/store.js';
import { createApp } from './app.js';
import { managementAudiencesFor, type EmulatorContext, type HungRequests } from './context.js';
import { FaultEngine } from './faults/engine.js';
import { parseFaultsConfig } from './faults/validate.js';
import type { EmulatorOptions, RunningEmulator } from './options.js';
import { buildSeedUsers } from './seed.js';
import { ExpiringMap } from './store/expiring-map.js';
import { JobStore } from './store/jobs.js';
import { StateStore } from './store/state-store.js';
import { defaultTenantConfig } from './tenant/default-tenant.js';
import { loadTenantFile } from './tenant/load.js';
import { resolveTenant } from './tenant/resolve.js';
import type { TenantConfig } from './tenant/types.js';
import { parseTenantConfig } from './tenant/validate.js';
import { createTlsMaterial } from './tls.js';

const MINUTE = 60_000;

async function tenantSource(tenant: EmulatorOptions['tenant']): Promise<{ config: TenantConfig; baseDir: string }> {
  if (tenant === undefined) return { config: defaultTenantConfig(), baseDir: process.cwd() };
  if (typeof tenant === 'string') return { config: await loadTenantFile(tenant), baseDir: dirname(resolve(tenant)) };
  return { config: parseTenantConfig(tenant), baseDir: process.cwd() };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePromise(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a local Auth0 tenant.
 * @throws TenantConfigError for an invalid tenant, StateFileError for an unusable data file.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const { config: loaded, baseDir } = await tenantSource(options.tenant);
  const config: TenantConfig = options.faults === undefined ? loaded : { ...loaded, faults: parseFaultsConfig(options.faults, 'options.faults') };
  // Check cross references before binding a port: a broken tenant must fail fast.
  const preview = resolveTenant(config, { url: 'http://127.0.0.1:1' });
  const actionSources: ActionSource[] = [...(await loadActionModules(config.actions ?? [], baseDir)), ...(options.actions ?? []).map((action) => ({ action }))];

  const store = await StateStore.open({ dataFile: options.dataFile, tenantName: preview.name });
  const seedUsers = () => buildSeedUsers(config.users ?? [], preview.connections.find((c) => c.strategy === 'auth0')?.name, new Date(now()));
  if (store.fresh) for (const user of await seedUsers()) store.users.insert(user);

  const host = options.host ?? '127.0.0.1';
  const tls = options.https ? await createTlsMaterial({ certDir: options.certDir, hosts: [host] }) : undefined;
  // The app needs the URL, known only once listening: requests are routed through this holder.
  const target: { handle?: (request: Request, env: HttpBindings) => Response | Promise<Response> } = {};
  const server = createAdaptorServer({
    fetch: (request, env) => (target.handle ? target.handle(request, env as HttpBindings) : new Response('Starting', { status: 503 })),
    hostname: host,
    ...(tls ? { createServer: createHttpsServer, serverOptions: { key: tls.key, cert: tls.cert } } : {}),
  }) as Server;
  const address = await listen(server, options.port ?? 4400, host);
  const url = `${tls ? 'https' : 'http'}://${urlHost(host)}:${address.port}`;
  const tenant = resolveTenant(config, { url });

  const hungSet = new Set<() => void>();
  const hung: HungRequests = { add: (release) => hungSet.add(release), delete: (release) => hungSet.delete(release) };
  const faults = new FaultEngine(config.faults);
  const clients = new Map(tenant.clients.map((client) => [client.client_id, client]));
  const connections = new Map(tenant.connections.map((connection) => [connection.name, connection]));
  const actionRegistry = new ActionRegistry(tenant.name, actionSources, now);
  const ctx: EmulatorContext = {
    tenant,
    config,
    url,
    issuer: tenant.issuer,
    managementAudiences: managementAudiencesFor(url),
    store,
    pending: new ExpiringMap(10 * MINUTE, now),
    suspended: new ExpiringMap(15 * MINUTE, now),
    codes: new ExpiringMap(10 * MINUTE, now),
    tickets: new ExpiringMap(5 * MINUTE, now),
    sessions: new ExpiringMap(3 * 24 * 60 * MINUTE, now),
    jobs: new JobStore(),
    faults,
    actionsFor: (trigger) => actionRegistry.runtimeFor(trigger),
    actionRegistry,
    forms: new FormStore(now),
    adminEnabled: options.enableAdmin ?? false,
    tokens: { key: store.key, issuer: tenant.issuer, now },
    hung,
    now,
    log,
    client: (clientId) => clients.get(clientId),
    connection: (name) => connections.get(name),
    async reset() {
      const users = await seedUsers();
      store.replaceUsers(users);
      store.universalLogin.clear();
      for (const map of [ctx.pending, ctx.suspended, ctx.codes, ctx.tickets, ctx.sessions]) map.clear();
      ctx.jobs.clear();
      actionRegistry.reset();
      ctx.forms.clear();
      faults.configure(config.faults ?? { rules: [] });
      await store.persist();
    },
  };
  const app = createApp(ctx);
  target.handle = (request, env) => app.fetch(request, env);
  if (store.fresh) await store.persist();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const release of [...hungSet]) release();
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
      await store.flush();
      if (tls?.temporaryDir) await rm(tls.temporaryDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return {
    url,
    port: address.port,
    tenant,
    ...(tls ? { caCertPath: tls.caCertPath, caCert: tls.caCert } : {}),
    stop,
  };
}
