/**
 * @assent/auth0-emulator: a local Auth0 tenant for development, tests and benchmarks.
 * A development tool: never expose it to a network, never use it in production.
 */
export { startEmulator } from './server.js';
export type { EmulatorOptions, RunningEmulator } from './options.js';
export type {
  ActionReference,
  AppType,
  Client,
  ClientConfig,
  ClientGrantConfig,
  Connection,
  ConnectionConfig,
  DatabaseConnectionOptions,
  GrantType,
  PasswordPolicyLevel,
  ResourceServerConfig,
  SeedUserConfig,
  Tenant,
  TenantConfig,
  TenantSettings,
} from './tenant/types.js';
export type { FaultKind, FaultRule, FaultsConfig } from './faults/types.js';
export type {
  ActionIdentity,
  ActionUser,
  EncodeTokenOptions,
  PostLoginAction,
  PostLoginApi,
  PostLoginEvent,
  PreUserRegistrationApi,
  PreUserRegistrationEvent,
  ValidateTokenOptions,
} from './actions/types.js';
export { SOCIAL_STRATEGIES } from './social/strategies.js';
export type { ConnectionStrategy, SocialStrategy } from './social/strategies.js';
export { defaultTenantConfig, DEFAULT_M2M_SCOPES } from './tenant/default-tenant.js';
export { loadTenantFile } from './tenant/load.js';
export { parseTenantConfig } from './tenant/validate.js';
export { TenantConfigError } from './tenant/errors.js';
export { StateFileError } from './store/state-store.js';
export { CURRENT_USER_SCOPES } from './flows/scopes.js';
export { createTlsMaterial } from './tls.js';
export type { TlsMaterial } from './tls.js';
