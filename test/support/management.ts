/**
 * The official `auth0` SDK's ManagementClient set up against an emulator (or a real tenant) over
 * HTTPS, as a backend would: with a machine client's credentials, or with a token that carries only
 * the scopes a test names (to see a missing scope refused with Auth0's 403).
 */
import { ManagementClient } from 'auth0';

/** A machine client's credentials. */
export interface MachineClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The machine client of the emulator's default tenant (`defaultTenantConfig()`), granted every Management API scope it knows. */
export const DEFAULT_MACHINE_CLIENT: MachineClient = { clientId: 'assent-demo-m2m', clientSecret: 'assent-dev-m2m-secret-not-for-production' };

/** Where the Management API is and how to reach it. */
export interface ManagementAccess {
  /** What the SDK calls `domain`: `host[:port]`; the SDK always adds `https://`. */
  readonly domain: string;
  /** A fetch that trusts the emulator's certificate (`trustingFetch(caCert).fetch`). */
  readonly fetch: typeof globalThis.fetch;
  /** Default: {@link DEFAULT_MACHINE_CLIENT}. */
  readonly machine?: MachineClient;
}

/** A ManagementClient that gets its own client-credentials token, with every scope the machine client is granted. */
export function managementClient({ domain, fetch, machine = DEFAULT_MACHINE_CLIENT }: ManagementAccess): ManagementClient {
  return new ManagementClient({ domain, clientId: machine.clientId, clientSecret: machine.clientSecret, fetch });
}

/** A client-credentials access token for the Management API with only `scope` (space-separated scopes). */
export async function managementToken({ domain, fetch, machine = DEFAULT_MACHINE_CLIENT }: ManagementAccess, scope: string): Promise<string> {
  const response = await fetch(`https://${domain}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: machine.clientId, client_secret: machine.clientSecret, audience: `https://${domain}/api/v2/`, scope }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`the token request for "${scope}" answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A ManagementClient whose token carries only `scope` (space-separated scopes). */
export async function managementClientWithScopes(access: ManagementAccess, scope: string): Promise<ManagementClient> {
  return new ManagementClient({ domain: access.domain, token: await managementToken(access, scope), fetch: access.fetch });
}
