/**
 * Turns a validated TenantConfig into the effective Tenant: defaults filled in, the Management
 * API's audience bound to the emulator's URL, cross references checked (a grant naming an unknown
 * API, a connection enabled for an unknown client, a seed user on an unknown connection).
 */
import { createHash } from 'node:crypto';
import { defaultTenantConfig } from './default-tenant.js';
import { LANGUAGES } from '../universal-login/catalog.js';
import { TenantConfigError } from './errors.js';
import type { AppType, Client, ClientConfig, Connection, ConnectionConfig, GrantType, Tenant, TenantConfig } from './types.js';

const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';

function defaultGrantTypes(appType: AppType): GrantType[] {
  switch (appType) {
    case 'non_interactive':
      return ['client_credentials'];
    case 'regular_web':
      return ['authorization_code', 'implicit', PASSWORD_REALM, 'client_credentials'];
    default:
      return ['authorization_code', 'implicit', PASSWORD_REALM];
  }
}

function resolveClient(config: ClientConfig, managementAudience: string): Client {
  const appType = config.app_type ?? 'spa';
  return {
    client_id: config.client_id,
    name: config.name ?? config.client_id,
    app_type: appType,
    ...(config.client_secret === undefined ? {} : { client_secret: config.client_secret }),
    callbacks: config.callbacks ?? [],
    allowed_logout_urls: config.allowed_logout_urls ?? [],
    web_origins: config.web_origins ?? [],
    allowed_origins: config.allowed_origins ?? [],
    grant_types: config.grant_types ?? defaultGrantTypes(appType),
    grants: (config.grants ?? []).map((grant) => ({ audience: grant.audience ?? managementAudience, scope: grant.scope })),
    client_metadata: config.client_metadata ?? {},
  };
}

function stableConnectionId(name: string): string {
  return `con_${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

function resolveConnection(config: ConnectionConfig, clientIds: readonly string[]): Connection {
  const options = config.options ?? {};
  return {
    id: config.id ?? stableConnectionId(config.name),
    name: config.name,
    strategy: config.strategy ?? 'auth0',
    enabled_clients: config.enabled_clients ?? [...clientIds],
    options: {
      ...options,
      passwordPolicy: options.passwordPolicy ?? 'good',
      requires_username: options.requires_username ?? false,
      disable_signup: options.disable_signup ?? false,
    },
    metadata: config.metadata ?? {},
  };
}

/** Where the emulator is reachable; fixes the issuer and the Management API audience. */
export interface TenantUrls {
  /** `http(s)://host:port`, no trailing slash. */
  readonly url: string;
}

/**
 * Resolves `config` (already validated) against the default tenant and the emulator's URL.
 * @throws TenantConfigError for broken cross references.
 */
export function resolveTenant(config: TenantConfig, urls: TenantUrls): Tenant {
  const defaults = defaultTenantConfig();
  const issuer = `${urls.url}/`;
  const managementAudience = `${issuer}api/v2/`;
  const clientConfigs = config.clients ?? defaults.clients ?? [];
  const clients = clientConfigs.map((c) => resolveClient(c, managementAudience));
  const clientIds = clients.map((c) => c.client_id);
  const connections = (config.connections ?? defaults.connections ?? []).map((c) => resolveConnection(c, clientIds));
  const resourceServers = (config.resource_servers ?? []).map((r) => ({
    identifier: r.identifier,
    name: r.name ?? r.identifier,
    scopes: r.scopes ?? [],
  }));

  const audiences = new Set([managementAudience, ...resourceServers.map((r) => r.identifier)]);
  clientConfigs.forEach((client, index) => {
    client.grants?.forEach((grant, g) => {
      if (grant.audience !== undefined && !audiences.has(grant.audience)) {
        throw new TenantConfigError(
          `clients[${index}].grants[${g}].audience`,
          `names no API of this tenant (omit it for the Management API, or declare it in resource_servers): ${JSON.stringify(grant.audience)}`,
        );
      }
    });
  });
  connections.forEach((connection, index) => {
    connection.enabled_clients.forEach((id, c) => {
      if (!clientIds.includes(id)) throw new TenantConfigError(`connections[${index}].enabled_clients[${c}]`, `names no client: ${JSON.stringify(id)}`);
    });
  });
  (config.users ?? []).forEach((user, index) => {
    if (user.connection !== undefined && !connections.some((c) => c.name === user.connection)) {
      throw new TenantConfigError(`users[${index}].connection`, `names no connection: ${JSON.stringify(user.connection)}`);
    }
  });
  if (connections.length === 0 && (config.users ?? []).length > 0) {
    throw new TenantConfigError('connections', 'must declare a database connection for the seed users');
  }

  const settings = config.settings ?? {};
  return {
    name: config.name ?? defaults.name ?? 'assent-dev',
    domain: new URL(urls.url).host,
    issuer,
    managementAudience,
    clients,
    connections,
    resourceServers,
    settings: {
      existing_user_error: settings.existing_user_error ?? 'invalid_signup',
      access_token_lifetime: settings.access_token_lifetime ?? 86_400,
      id_token_lifetime: settings.id_token_lifetime ?? 36_000,
      metadata_max_bytes: settings.metadata_max_bytes ?? 10_240,
      breached_passwords: settings.breached_passwords ?? [],
      identifier_first: settings.identifier_first ?? false,
      enabled_locales: settings.enabled_locales ?? ['en', ...LANGUAGES.filter((tag) => tag !== 'en')],
    },
  };
}
