/**
 * The users of the tenant through the official `auth0` Node SDK (ManagementClient, client
 * credentials). The SDK fetches one Management API token and reuses it until shortly before it
 * expires (a single request in flight refreshes it); its failures become `ApiError`s with a status
 * the API can answer: 404 `user_not_found`, 503 `upstream_rate_limited` with Retry-After, 502
 * `upstream_error`.
 */
import { ManagementClient, ManagementError } from 'auth0';
import { ApiError } from '../errors.js';

/** A user as the handler reads it (Auth0's own names). */
export interface DirectoryUser {
  readonly user_id: string;
  readonly email?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/** Metadata changes: root keys are merged by Auth0, nested objects replaced, `null` deletes a key. */
export interface MetadataPatch {
  readonly user_metadata?: Record<string, unknown>;
  readonly app_metadata?: Record<string, unknown>;
}

/** What the handler needs from the Management API. */
export interface UserDirectory {
  getUser(userId: string): Promise<DirectoryUser>;
  updateMetadata(userId: string, patch: MetadataPatch): Promise<DirectoryUser>;
  deleteUser(userId: string): Promise<void>;
}

/** Options of `createUserDirectory`. */
export interface DirectoryOptions {
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly timeoutInSeconds?: number | undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Turns an SDK failure into an answer the API can give. */
export function upstreamError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ManagementError) {
    if (error.statusCode === 404) return new ApiError(404, 'user_not_found', 'The user does not exist (deleted?)', { cause: error });
    if (error.statusCode === 429) {
      const retryAfter = header(error.rawResponse?.headers, 'retry-after') ?? '1';
      return new ApiError(503, 'upstream_rate_limited', 'The Auth0 Management API is rate limiting: try again later', { headers: { 'Retry-After': retryAfter }, cause: error });
    }
    return new ApiError(502, 'upstream_error', `The Auth0 Management API answered ${error.statusCode ?? 'an error'}`, { cause: error });
  }
  return new ApiError(502, 'upstream_error', 'The Auth0 Management API could not be reached', { cause: error });
}

/** A `UserDirectory` over the official SDK with client credentials. */
export function createUserDirectory(options: DirectoryOptions): UserDirectory {
  const client = new ManagementClient({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutInSeconds: options.timeoutInSeconds ?? 10,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    async getUser(userId) {
      try {
        return (await client.users.get(userId)) as DirectoryUser;
      } catch (error) {
        throw upstreamError(error);
      }
    },
    async updateMetadata(userId, patch) {
      try {
        return (await client.users.update(userId, patch)) as DirectoryUser;
      } catch (error) {
        throw upstreamError(error);
      }
    },
    async deleteUser(userId) {
      try {
        await client.users.delete(userId);
      } catch (error) {
        throw upstreamError(error);
      }
    },
  };
}
