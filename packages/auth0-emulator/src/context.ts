/**
 * Everything a route needs, built once per running emulator: the effective tenant, the durable
 * store, the short-lived flow records (codes, tickets, sessions, pending and suspended logins),
 * jobs, faults, Actions, the clock.
 */
import type { EmulatedTrigger } from './actions/limits.js';
import type { ActionRegistry } from './actions/registry.js';
import type { CollectedClaims } from './actions/runner.js';
import type { PostLoginAction } from './actions/types.js';
import type { FaultEngine } from './faults/engine.js';
import type { FormStore } from './forms/store.js';
import type { RequestInfo } from './http/request-info.js';
import type { ExpiringMap } from './store/expiring-map.js';
import type { JobStore } from './store/jobs.js';
import type { StateStore } from './store/state-store.js';
import type { Client, Connection, Tenant, TenantConfig } from './tenant/types.js';
import type { TokenContext } from './tokens.js';

/** How the browser gets the authorization response. */
export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** A validated /authorize request. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Sorted response types: `code`, `token`, `id_token`. */
  readonly responseType: readonly string[];
  readonly responseMode: ResponseMode;
  readonly state?: string | undefined;
  readonly nonce?: string | undefined;
  readonly scopes: readonly string[];
  readonly audience?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
  /** Connection named by the request, or the client's first enabled database connection. */
  readonly connection: string;
  readonly prompt?: string | undefined;
  readonly uiLocales: readonly string[];
}

/** What the identifier-first signup screen (`signup-id`) posted, kept for `signup-password`. */
export interface SignupIdentifier {
  readonly email: string;
  /** Every string field of that post, `ulp-` fields included (never a password). */
  readonly fields: Readonly<Record<string, string>>;
}

/** A login waiting on the emulator's login page or hosted signup pages. */
export interface PendingAuthorization {
  readonly request: AuthorizationRequest;
  readonly info: RequestInfo;
  readonly signup?: SignupIdentifier | undefined;
}

/** A login suspended by an Action redirect, waiting for /continue. */
export interface SuspendedLogin {
  readonly request: AuthorizationRequest;
  readonly info: RequestInfo;
  readonly userId: string;
  readonly sessionId: string;
  readonly actionIndex: number;
  readonly claims: CollectedClaims;
  /** Set when the Action rendered a Form (`api.prompt.render`): /continue reads its fields. */
  readonly prompt?: { readonly formId: string; readonly vars: Record<string, unknown>; readonly fields: Record<string, unknown> };
}

/** An issued authorization code. */
export interface AuthorizationCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly audience?: string | undefined;
  readonly nonce?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
  readonly claims: CollectedClaims;
  readonly sessionId: string;
}

/** A login ticket from /co/authenticate. */
export interface LoginTicket {
  readonly clientId: string;
  readonly userId: string;
  readonly connection: string;
  readonly coId: string;
  readonly coVerifier: string;
}

/** A browser session on the emulator's domain (the `auth0` cookie). */
export interface Session {
  readonly userId: string;
}

/** Requests kept waiting by a "hang" fault, released when the emulator stops. */
export interface HungRequests {
  add(release: () => void): void;
  delete(release: () => void): void;
}

export interface EmulatorContext {
  readonly tenant: Tenant;
  /** The validated configuration (seed users, for reset). */
  readonly config: TenantConfig;
  /** `http(s)://host:port`, no trailing slash. */
  readonly url: string;
  /** `url` + `/`. */
  readonly issuer: string;
  /** Every audience naming this emulator's Management API (http and https, 127.0.0.1 and localhost). */
  readonly managementAudiences: ReadonlySet<string>;
  readonly store: StateStore;
  readonly pending: ExpiringMap<PendingAuthorization>;
  readonly suspended: ExpiringMap<SuspendedLogin>;
  readonly codes: ExpiringMap<AuthorizationCode>;
  readonly tickets: ExpiringMap<LoginTicket>;
  readonly sessions: ExpiringMap<Session>;
  readonly jobs: JobStore;
  readonly faults: FaultEngine;
  /** The Actions bound to a trigger, in order, with their deployed secrets (read it per login: a deploy or a new binding replaces it). */
  actionsFor(trigger: EmulatedTrigger): readonly PostLoginAction[];
  /** The Actions as the Management API manages them (drafts, versions, deploys). */
  readonly actionRegistry: ActionRegistry;
  /** The Forms the Management API created (in memory; reset forgets them). */
  readonly forms: FormStore;
  readonly adminEnabled: boolean;
  readonly tokens: TokenContext;
  readonly hung: HungRequests;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly log: (line: string) => void;
  client(clientId: string): Client | undefined;
  connection(name: string): Connection | undefined;
  /** Restores seed users, the tenant's faults and its Actions' secrets; forgets codes, tickets, sessions and jobs. */
  reset(): Promise<void>;
}

/** The Management API audiences accepted for an emulator at `url`. */
export function managementAudiencesFor(url: string): Set<string> {
  const { port } = new URL(url);
  const hosts = new Set([new URL(url).host, `127.0.0.1:${port}`, `localhost:${port}`]);
  const audiences = new Set<string>();
  for (const scheme of ['http', 'https']) for (const host of hosts) audiences.add(`${scheme}://${host}/api/v2/`);
  return audiences;
}
