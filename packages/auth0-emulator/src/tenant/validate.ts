/**
 * Validation of a tenant file: returns a typed TenantConfig or throws TenantConfigError naming the
 * field (`clients[0].callbacks[1]: must be an absolute http(s) URL`).
 */
import { MAX_ACTION_SECRETS, MAX_SECRET_NAME_LENGTH, MAX_SECRET_VALUE_LENGTH, secretNameProblem, secretValueProblem } from '../actions/limits.js';
import { parseFaultsConfig } from '../faults/validate.js';
import { LANGUAGES, isLanguage } from '../universal-login/catalog.js';
import { array, boolean, httpUrl, jsonObject, number, object, oneOf, optionalArray, optionalBoolean, optionalNumber, optionalString, origin, string, stringRecord, unique } from './check.js';
import { TenantConfigError } from './errors.js';
import { CONNECTION_STRATEGIES } from '../social/strategies.js';
import type {
  ActionReference,
  AppType,
  ClientConfig,
  ClientGrantConfig,
  ConnectionConfig,
  DatabaseConnectionOptions,
  GrantType,
  PasswordPolicyLevel,
  ResourceServerConfig,
  SeedUserConfig,
  TenantConfig,
  TenantSettings,
} from './types.js';

export const APP_TYPES: readonly AppType[] = ['spa', 'native', 'regular_web', 'non_interactive'];
export const GRANT_TYPES: readonly GrantType[] = ['authorization_code', 'implicit', 'client_credentials', 'password', 'http://auth0.com/oauth/grant-type/password-realm'];
export const POLICY_LEVELS: readonly PasswordPolicyLevel[] = ['none', 'low', 'fair', 'good', 'excellent'];

/** Client ids, connection names and tenant names: what Auth0 accepts in URLs without escaping trouble. */
const IDENTIFIER = /^[A-Za-z0-9_.-]+$/;
const CONNECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$|^[A-Za-z0-9]$/;

function identifier(value: unknown, path: string): string {
  const text = string(value, path, { max: 128 });
  if (!IDENTIFIER.test(text)) throw new TenantConfigError(path, `must contain only letters, digits, "_", "." and "-", got ${JSON.stringify(text)}`);
  return text;
}

function grant(value: unknown, path: string): ClientGrantConfig {
  const raw = object(value, path, ['audience', 'scope']);
  const result: ClientGrantConfig = { scope: array(raw.scope, `${path}.scope`, (s, p) => string(s, p)) };
  const audience = optionalString(raw.audience, `${path}.audience`);
  if (audience !== undefined) result.audience = audience;
  return result;
}

const CLIENT_FIELDS = ['client_id', 'name', 'app_type', 'client_secret', 'callbacks', 'allowed_logout_urls', 'web_origins', 'allowed_origins', 'grant_types', 'grants', 'client_metadata'] as const;

function client(value: unknown, path: string): ClientConfig {
  const raw = object(value, path, CLIENT_FIELDS);
  const result: ClientConfig = { client_id: identifier(raw.client_id, `${path}.client_id`) };
  const name = optionalString(raw.name, `${path}.name`);
  if (name !== undefined) result.name = name;
  if (raw.app_type !== undefined) result.app_type = oneOf(raw.app_type, `${path}.app_type`, APP_TYPES);
  const secret = optionalString(raw.client_secret, `${path}.client_secret`);
  if (secret !== undefined) {
    if (secret.length < 16) throw new TenantConfigError(`${path}.client_secret`, 'must be at least 16 characters');
    result.client_secret = secret;
  }
  const appType = result.app_type ?? 'spa';
  if ((appType === 'non_interactive' || appType === 'regular_web') && secret === undefined) {
    throw new TenantConfigError(`${path}.client_secret`, `is required for a ${appType} client`);
  }
  const callbacks = optionalArray(raw.callbacks, `${path}.callbacks`, httpUrl);
  if (callbacks) result.callbacks = callbacks;
  const logout = optionalArray(raw.allowed_logout_urls, `${path}.allowed_logout_urls`, httpUrl);
  if (logout) result.allowed_logout_urls = logout;
  const webOrigins = optionalArray(raw.web_origins, `${path}.web_origins`, origin);
  if (webOrigins) result.web_origins = webOrigins;
  const allowedOrigins = optionalArray(raw.allowed_origins, `${path}.allowed_origins`, origin);
  if (allowedOrigins) result.allowed_origins = allowedOrigins;
  const grantTypes = optionalArray(raw.grant_types, `${path}.grant_types`, (g, p) => oneOf(g, p, GRANT_TYPES));
  if (grantTypes) result.grant_types = grantTypes;
  const grants = optionalArray(raw.grants, `${path}.grants`, grant);
  if (grants) result.grants = grants;
  if (raw.client_metadata !== undefined) result.client_metadata = stringRecord(raw.client_metadata, `${path}.client_metadata`);
  return result;
}

const OPTION_FIELDS = ['passwordPolicy', 'password_complexity_options', 'password_dictionary', 'password_no_personal_info', 'requires_username', 'validation', 'disable_signup'] as const;

function connectionOptions(value: unknown, path: string): DatabaseConnectionOptions {
  const raw = object(value, path, OPTION_FIELDS);
  const result: DatabaseConnectionOptions = {};
  if (raw.passwordPolicy !== undefined) result.passwordPolicy = oneOf(raw.passwordPolicy, `${path}.passwordPolicy`, POLICY_LEVELS);
  if (raw.password_complexity_options !== undefined) {
    const complexity = object(raw.password_complexity_options, `${path}.password_complexity_options`, ['min_length']);
    const minLength = optionalNumber(complexity.min_length, `${path}.password_complexity_options.min_length`, { min: 1, max: 128, integer: true });
    result.password_complexity_options = minLength === undefined ? {} : { min_length: minLength };
  }
  if (raw.password_dictionary !== undefined) {
    const dictionary = object(raw.password_dictionary, `${path}.password_dictionary`, ['enable', 'dictionary']);
    result.password_dictionary = { enable: boolean(dictionary.enable, `${path}.password_dictionary.enable`) };
    const words = optionalArray(dictionary.dictionary, `${path}.password_dictionary.dictionary`, (w, p) => string(w, p));
    if (words) result.password_dictionary.dictionary = words;
  }
  if (raw.password_no_personal_info !== undefined) {
    const info = object(raw.password_no_personal_info, `${path}.password_no_personal_info`, ['enable']);
    result.password_no_personal_info = { enable: boolean(info.enable, `${path}.password_no_personal_info.enable`) };
  }
  const requiresUsername = optionalBoolean(raw.requires_username, `${path}.requires_username`);
  if (requiresUsername !== undefined) result.requires_username = requiresUsername;
  if (raw.validation !== undefined) {
    const validation = object(raw.validation, `${path}.validation`, ['username']);
    if (validation.username !== undefined) {
      const username = object(validation.username, `${path}.validation.username`, ['min', 'max']);
      const min = optionalNumber(username.min, `${path}.validation.username.min`, { min: 1, max: 128, integer: true });
      const max = optionalNumber(username.max, `${path}.validation.username.max`, { min: 1, max: 128, integer: true });
      result.validation = { username: { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } };
    }
  }
  const disableSignup = optionalBoolean(raw.disable_signup, `${path}.disable_signup`);
  if (disableSignup !== undefined) result.disable_signup = disableSignup;
  return result;
}

function connection(value: unknown, path: string): ConnectionConfig {
  const raw = object(value, path, ['name', 'id', 'strategy', 'enabled_clients', 'options', 'metadata']);
  const name = string(raw.name, `${path}.name`, { max: 128 });
  if (!CONNECTION_NAME.test(name)) {
    throw new TenantConfigError(`${path}.name`, `must contain only letters, digits and "-" and not start or end with "-" (Auth0's rule), got ${JSON.stringify(name)}`);
  }
  const result: ConnectionConfig = { name };
  if (raw.id !== undefined) result.id = identifier(raw.id, `${path}.id`);
  if (raw.strategy !== undefined) {
    result.strategy = oneOf(raw.strategy, `${path}.strategy`, CONNECTION_STRATEGIES);
  }
  const enabled = optionalArray(raw.enabled_clients, `${path}.enabled_clients`, identifier);
  if (enabled) result.enabled_clients = enabled;
  if (raw.options !== undefined) result.options = connectionOptions(raw.options, `${path}.options`);
  if (raw.metadata !== undefined) result.metadata = stringRecord(raw.metadata, `${path}.metadata`);
  return result;
}

const USER_FIELDS = [
  'email',
  'password',
  'connection',
  'user_id',
  'username',
  'email_verified',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'picture',
  'blocked',
  'user_metadata',
  'app_metadata',
] as const;

/** A seed user (also what `POST /__emulator/users` accepts). */
export function parseSeedUser(value: unknown, path: string): SeedUserConfig {
  const raw = object(value, path, USER_FIELDS);
  const email = string(raw.email, `${path}.email`, { max: 320 });
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new TenantConfigError(`${path}.email`, `is not an email address: ${JSON.stringify(email)}`);
  const result: SeedUserConfig = { email, password: string(raw.password, `${path}.password`, { max: 1024 }) };
  for (const key of ['connection', 'user_id', 'username', 'given_name', 'family_name', 'name', 'nickname', 'picture'] as const) {
    const text = optionalString(raw[key], `${path}.${key}`, { max: 1024 });
    if (text !== undefined) result[key] = text;
  }
  if (result.user_id !== undefined && !/^[a-z0-9-]+\|[A-Za-z0-9_.-]+$/.test(result.user_id)) {
    throw new TenantConfigError(`${path}.user_id`, 'must look like "auth0|<id>"');
  }
  const verified = optionalBoolean(raw.email_verified, `${path}.email_verified`);
  if (verified !== undefined) result.email_verified = verified;
  const blocked = optionalBoolean(raw.blocked, `${path}.blocked`);
  if (blocked !== undefined) result.blocked = blocked;
  for (const key of ['user_metadata', 'app_metadata'] as const) {
    if (raw[key] === undefined) continue;
    const metadata = jsonObject(raw[key], `${path}.${key}`);
    for (const name of Object.keys(metadata)) {
      if (/[.$]/.test(name)) throw new TenantConfigError(`${path}.${key}.${name}`, 'metadata field names must not contain "." or "$"');
    }
    result[key] = metadata;
  }
  return result;
}

function resourceServer(value: unknown, path: string): ResourceServerConfig {
  const raw = object(value, path, ['identifier', 'name', 'scopes']);
  const result: ResourceServerConfig = { identifier: string(raw.identifier, `${path}.identifier`, { max: 600 }) };
  const name = optionalString(raw.name, `${path}.name`);
  if (name !== undefined) result.name = name;
  const scopes = optionalArray(raw.scopes, `${path}.scopes`, (s, p) => string(s, p));
  if (scopes) result.scopes = scopes;
  return result;
}

function action(value: unknown, path: string): ActionReference {
  const raw = object(value, path, ['module', 'name', 'secrets']);
  const result: ActionReference = { module: string(raw.module, `${path}.module`) };
  const name = optionalString(raw.name, `${path}.name`);
  if (name !== undefined) result.name = name;
  if (raw.secrets !== undefined) result.secrets = actionSecrets(raw.secrets, `${path}.secrets`);
  return result;
}

/** Action secrets within Auth0's limits (at most 30; names 1 to 128 characters; values up to 4096). */
function actionSecrets(value: unknown, path: string): Record<string, string> {
  const secrets = stringRecord(value, path);
  const entries = Object.entries(secrets);
  if (entries.length > MAX_ACTION_SECRETS) throw new TenantConfigError(path, `has ${entries.length} secrets; an Action may have at most ${MAX_ACTION_SECRETS}`);
  for (const [name, secret] of entries) {
    if (secretNameProblem(name)) throw new TenantConfigError(`${path}.${name}`, `secret names must be 1 to ${MAX_SECRET_NAME_LENGTH} characters`);
    if (secretValueProblem(secret)) throw new TenantConfigError(`${path}.${name}`, `secret values must be at most ${MAX_SECRET_VALUE_LENGTH} characters`);
  }
  return secrets;
}

function settings(value: unknown, path: string): TenantSettings {
  const raw = object(value, path, ['existing_user_error', 'access_token_lifetime', 'id_token_lifetime', 'metadata_max_bytes', 'breached_passwords', 'identifier_first', 'enabled_locales']);
  const result: TenantSettings = {};
  if (raw.existing_user_error !== undefined) {
    result.existing_user_error = oneOf(raw.existing_user_error, `${path}.existing_user_error`, ['invalid_signup', 'user_exists'] as const);
  }
  const accessLifetime = optionalNumber(raw.access_token_lifetime, `${path}.access_token_lifetime`, { min: 1, max: 2_592_000, integer: true });
  if (accessLifetime !== undefined) result.access_token_lifetime = accessLifetime;
  const idLifetime = optionalNumber(raw.id_token_lifetime, `${path}.id_token_lifetime`, { min: 1, max: 2_592_000, integer: true });
  if (idLifetime !== undefined) result.id_token_lifetime = idLifetime;
  if (raw.metadata_max_bytes !== undefined) result.metadata_max_bytes = number(raw.metadata_max_bytes, `${path}.metadata_max_bytes`, { min: 2, integer: true });
  const breached = optionalArray(raw.breached_passwords, `${path}.breached_passwords`, (p, at) => string(p, at));
  if (breached) result.breached_passwords = breached;
  if (raw.identifier_first !== undefined) result.identifier_first = boolean(raw.identifier_first, `${path}.identifier_first`);
  const locales = optionalArray(raw.enabled_locales, `${path}.enabled_locales`, (entry, at) => {
    const tag = string(entry, at);
    if (!isLanguage(tag)) throw new TenantConfigError(at, `is not a Universal Login language (known: ${LANGUAGES.join(', ')})`);
    return tag;
  });
  if (locales) {
    if (locales.length === 0) throw new TenantConfigError(`${path}.enabled_locales`, 'must list at least one language (the first is the default)');
    result.enabled_locales = locales;
  }
  return result;
}

const TENANT_FIELDS = ['$schema', 'name', 'clients', 'connections', 'resource_servers', 'users', 'actions', 'settings', 'faults'] as const;

/**
 * Validates a parsed tenant file.
 * @throws TenantConfigError naming the first invalid field.
 */
export function parseTenantConfig(value: unknown): TenantConfig {
  const raw = object(value, '$', TENANT_FIELDS);
  const result: TenantConfig = {};
  if (raw.name !== undefined) {
    const name = string(raw.name, 'name', { max: 64 });
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new TenantConfigError('name', 'must be lower case letters, digits and "-" (an Auth0 tenant name)');
    result.name = name;
  }
  if (raw.clients !== undefined) {
    result.clients = array(raw.clients, 'clients', client);
    unique(result.clients, 'clients', (c) => c.client_id, 'client_id');
  }
  if (raw.connections !== undefined) {
    result.connections = array(raw.connections, 'connections', connection);
    unique(result.connections, 'connections', (c) => c.name, 'connection name');
  }
  if (raw.resource_servers !== undefined) {
    result.resource_servers = array(raw.resource_servers, 'resource_servers', resourceServer);
    unique(result.resource_servers, 'resource_servers', (r) => r.identifier, 'identifier');
  }
  if (raw.users !== undefined) result.users = array(raw.users, 'users', parseSeedUser);
  if (raw.actions !== undefined) result.actions = array(raw.actions, 'actions', action);
  if (raw.settings !== undefined) result.settings = settings(raw.settings, 'settings');
  if (raw.faults !== undefined) result.faults = parseFaultsConfig(raw.faults, 'faults');
  return result;
}
