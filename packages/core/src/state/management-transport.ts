/** The default Management API transport: `fetch`, no dependency. */
import { readResponse } from '../transport-response.js';
import type { ManagementRequest, ManagementResponse, ManagementTransport } from './types.js';

async function send(fetchImpl: typeof fetch | undefined, { baseUrl, userId, token, signal }: ManagementRequest, method: 'GET' | 'PATCH', body?: unknown): Promise<ManagementResponse> {
  // Only what the consent needs: less personal data on the wire and in memory.
  const query = method === 'GET' ? '?fields=user_id,user_metadata,app_metadata&include_fields=true' : '';
  const response = await (fetchImpl ?? fetch)(`${baseUrl}/users/${encodeURIComponent(userId)}${query}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    // A re-read must see the latest copy, never a cached one; the token is the only credential.
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  return readResponse(response);
}

/**
 * The default transport of the consent client: `fetch` with the bearer token, no cookies, no HTTP
 * cache. GET asks only for `user_id`, `user_metadata` and `app_metadata`. `fetchImpl` replaces the
 * global `fetch` (read at each call).
 *
 * @example createConsentClient({ ..., transport: fetchManagementTransport() })
 */
export function fetchManagementTransport(fetchImpl?: typeof fetch): ManagementTransport {
  return {
    getUser: (request) => send(fetchImpl, request, 'GET'),
    patchUserMetadata: (request, metadata) => send(fetchImpl, request, 'PATCH', { user_metadata: metadata }),
  };
}
