/**
 * The tenant file format (what a developer writes) and the effective tenant (what the emulator runs
 * with, every default filled in). Field names mirror Auth0's own JSON (clients, connections with
 * `options`, resource servers) so a configuration exported from a real tenant reads the same.
 */
import type { FaultsConfig } from '../faults/types.js';
import type { ConnectionStrategy } from '../social/strategies.js';

/** Auth0's password policy levels (connection `options.passwordPolicy`). */
export type PasswordPolicyLevel = 'none' | 'low' | 'fair' | 'good' | 'excellent';

/** Auth0 application types. `non_interactive` is a machine-to-machine client. */
export type AppType = 'spa' | 'native' | 'regular_web' | 'non_interactive';

/** Grant types the emulator implements (Auth0's names). */
export type GrantType = 'authorization_code' | 'implicit' | 'client_credentials' | 'password' | 'http://auth0.com/oauth/grant-type/password-realm';

/** A client grant: which API a machine client may call and with which scopes. */
export interface ClientGrantConfig {
  /** API identifier; omitted means this emulator's Management API (`{url}/api/v2/`). */
  audience?: string;
  /** Scopes granted, e.g. `["read:users", "update:users"]`. */
  scope: string[];
}

/** An application. */
export interface ClientConfig {
  client_id: string;
  name?: string;
  /** Default `spa`. */
  app_type?: AppType;
  /** Required for `non_interactive` and `regular_web` clients. */
  client_secret?: string;
  /** Allowed callback URLs (exact match, as Auth0 without wildcards). */
  callbacks?: string[];
  allowed_logout_urls?: string[];
  /** Origins allowed for web_message / silent auth; also allowed for CORS. */
  web_origins?: string[];
  /** "Allowed Origins (CORS)". The origins of `callbacks` are allowed too, as in Auth0. */
  allowed_origins?: string[];
  /** Default: spa/native: authorization_code, implicit, password-realm; regular_web: + client_credentials; non_interactive: client_credentials. */
  grant_types?: GrantType[];
  /** API grants for client credentials (machine clients). */
  grants?: ClientGrantConfig[];
  /** Shown to post-login Actions as `event.client.metadata`. */
  client_metadata?: Record<string, string>;
}

/** Options of a database connection (Auth0's `connection.options`). */
export interface DatabaseConnectionOptions {
  /** Default `good`. */
  passwordPolicy?: PasswordPolicyLevel;
  password_complexity_options?: { min_length?: number };
  /** Refuse common passwords (PasswordDictionaryError). `dictionary` adds words to the built-in list. */
  password_dictionary?: { enable: boolean; dictionary?: string[] };
  /** Refuse passwords containing the user's name, username or email local part (PasswordNoUserInfoError). */
  password_no_personal_info?: { enable: boolean };
  requires_username?: boolean;
  validation?: { username?: { min?: number; max?: number } };
  /** When true, /dbconnections/signup refuses new users. */
  disable_signup?: boolean;
}

/**
 * A connection: a database (`auth0`) or a simulated social provider (`google-oauth2`, `github`...,
 * see social/strategies.ts) whose users sign in without a password and never see a signup form.
 */
export interface ConnectionConfig {
  name: string;
  /** Default `con_` + a stable id derived from the name. */
  id?: string;
  /** Default `auth0` (database). A social strategy makes /authorize show the simulated provider page. */
  strategy?: ConnectionStrategy;
  /** Client ids allowed to use it; default every client of the tenant. */
  enabled_clients?: string[];
  options?: DatabaseConnectionOptions;
  metadata?: Record<string, string>;
}

/** A user created when the emulator starts with an empty state (and on `/__emulator/reset`). */
export interface SeedUserConfig {
  email: string;
  password: string;
  /** Default: the first database connection. */
  connection?: string;
  /** Default `auth0|` + 24 random hex characters. */
  user_id?: string;
  username?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  name?: string;
  nickname?: string;
  picture?: string;
  blocked?: boolean;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
}

/** An API (Auth0 "resource server") other than the Management API. */
export interface ResourceServerConfig {
  identifier: string;
  name?: string;
  /** Scopes the API defines. */
  scopes?: string[];
}

/** A post-login Action module referenced from a tenant file. */
export interface ActionReference {
  /** Path of an ES module exporting `onExecutePostLogin` and/or `onContinuePostLogin`, relative to the tenant file. */
  module: string;
  /** Shown, filtered and renamed by the Management API (`/api/v2/actions/actions`); default: `module`. */
  name?: string;
  /** Given to the Action as `event.secrets` (version 1; the Management API can replace and deploy them). At most 30, names 1 to 128 characters, values up to 4096. */
  secrets?: Record<string, string>;
}

/** Emulator behaviours that Auth0 configures elsewhere (attack protection, token settings...). */
export interface TenantSettings {
  /** How signup answers an existing email: Auth0's default 400 `invalid_signup`, or 409 `user_exists`. */
  existing_user_error?: 'invalid_signup' | 'user_exists';
  /** Seconds. Default 86400 (Auth0's default for APIs). */
  access_token_lifetime?: number;
  /** Seconds. Default 36000 (Auth0's default). */
  id_token_lifetime?: number;
  /** Largest accepted user_metadata / app_metadata, in bytes of JSON. Default 10240. */
  metadata_max_bytes?: number;
  /** Passwords treated as found in a breach: signup answers `password_leaked`. */
  breached_passwords?: string[];
  /**
   * Identifier First (Auth0's prompt setting `identifier_first`): the hosted signup asks for the
   * email on `signup-id`, then the password on `signup-password`. Default false (one `signup`
   * screen). `PATCH /api/v2/prompts` changes it at run time.
   */
  identifier_first?: boolean;
  /**
   * Languages the hosted pages may render in, the first being the default (Auth0's tenant setting
   * `enabled_locales`). Default: every Universal Login language, English first.
   */
  enabled_locales?: string[];
}

/** The tenant file. Every field is optional: omitted fields take the built-in default tenant's values. */
export interface TenantConfig {
  /** Tenant name (Auth0's subdomain); default `assent-dev`. */
  name?: string;
  clients?: ClientConfig[];
  connections?: ConnectionConfig[];
  resource_servers?: ResourceServerConfig[];
  users?: SeedUserConfig[];
  actions?: ActionReference[];
  settings?: TenantSettings;
  faults?: FaultsConfig;
}

/** A client as the emulator runs it. */
export interface Client {
  readonly client_id: string;
  readonly name: string;
  readonly app_type: AppType;
  readonly client_secret?: string;
  readonly callbacks: readonly string[];
  readonly allowed_logout_urls: readonly string[];
  readonly web_origins: readonly string[];
  readonly allowed_origins: readonly string[];
  readonly grant_types: readonly GrantType[];
  /** Grants with the audience resolved (the Management API's audience is the emulator's). */
  readonly grants: readonly { readonly audience: string; readonly scope: readonly string[] }[];
  readonly client_metadata: Readonly<Record<string, string>>;
}

/** A connection as the emulator runs it. */
export interface Connection {
  readonly id: string;
  readonly name: string;
  readonly strategy: ConnectionStrategy;
  readonly enabled_clients: readonly string[];
  readonly options: Readonly<Required<Pick<DatabaseConnectionOptions, 'passwordPolicy' | 'requires_username' | 'disable_signup'>>> &
    Readonly<Omit<DatabaseConnectionOptions, 'passwordPolicy' | 'requires_username' | 'disable_signup'>>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The effective tenant, as returned by `startEmulator`. */
export interface Tenant {
  readonly name: string;
  /** `host:port`, what the Auth0 SDKs call `domain`. */
  readonly domain: string;
  /** Issuer of every token: the emulator's URL with a trailing slash. */
  readonly issuer: string;
  /** Audience of the Management API: `{issuer}api/v2/`. */
  readonly managementAudience: string;
  readonly clients: readonly Client[];
  readonly connections: readonly Connection[];
  readonly resourceServers: readonly Required<ResourceServerConfig>[];
  readonly settings: Readonly<Required<TenantSettings>>;
}
