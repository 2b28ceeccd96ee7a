// In-memory stand-ins for the Management API, so the gallery shows the account elements without a
// signed-in user or a server. They keep the transport contract of @assent/core (resolve with the
// answer whatever its status; reject only when no answer came, with `signal.reason` on abort).
import type { ManagementRequest, ManagementResponse, ManagementTransport, ManagementUser } from '@assent/core';

const JSON_HEADERS = new Headers({ 'content-type': 'application/json' });

function answer(status: number, body: unknown): ManagementResponse {
  return { status, headers: JSON_HEADERS, body: structuredClone(body) };
}

/** Rejects with the abort reason when `signal` is already aborted (a real request would not start). */
function checkSignal(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

/** Auth0's PATCH semantics for `user_metadata`: root keys are merged, nested objects replaced, `null` removes a key. */
export function mergeUserMetadata(current: Readonly<Record<string, unknown>> | undefined, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged = new Map(Object.entries(current ?? {}));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, structuredClone(value));
  }
  return Object.fromEntries(merged);
}

/** A Management API over one user kept in memory; `user` is the starting record, copied. */
export interface MemoryManagement {
  readonly transport: ManagementTransport;
  /** The stored record as GET /users/{id} would return it (a copy). */
  user(): ManagementUser;
}

/**
 * An honest in-memory Management API for one user: GET returns the record, PATCH merges
 * `user_metadata` as Auth0 does, another user id answers 404 as Auth0 does.
 */
export function memoryManagement(user: ManagementUser): MemoryManagement {
  let stored: ManagementUser = structuredClone(user);
  const notFound = () => answer(404, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  return {
    transport: {
      async getUser(request: ManagementRequest) {
        checkSignal(request.signal);
        return request.userId === stored.user_id ? answer(200, stored) : notFound();
      },
      async patchUserMetadata(request: ManagementRequest, metadata: Readonly<Record<string, unknown>>) {
        checkSignal(request.signal);
        if (request.userId !== stored.user_id) return notFound();
        stored = { ...stored, user_metadata: mergeUserMetadata(stored.user_metadata, metadata) };
        return answer(200, stored);
      },
    },
    user: () => structuredClone(stored),
  };
}

/** A Management API that refuses every request as Auth0 does with an expired token (401). */
export function expiredTokenManagement(): ManagementTransport {
  const refused = async (request: ManagementRequest) => {
    checkSignal(request.signal);
    return answer(401, {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Expired token received for JSON Web Token validation',
      attributes: { error: 'Expired token received for JSON Web Token validation' },
    });
  };
  return { getUser: refused, patchUserMetadata: refused };
}
