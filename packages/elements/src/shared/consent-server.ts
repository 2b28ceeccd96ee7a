/**
 * The call the account elements make to @assent/server's consent API (`POST /consent/withdraw`)
 * for what a browser must not do itself: record the withdrawal in app_metadata, flag or delete the account.
 */
import { AssentConfigError, AssentError, parseDomain, type ConsentState } from '@assent/core';

/** Account erasure the server performs with a withdrawal. */
export type EraseMode = 'flag' | 'delete';

/**
 * Why a request to the consent server failed (`ConsentServerError#code`): `network` (no answer),
 * `timeout`, `unauthorized` (401), `rate_limited` (429/503 with Retry-After), `invalid_response`, or
 * the server's own `error` code (`no_consent`, `account_deleted`, `erase_not_configured`, `conflict`,
 * `upstream_error`...).
 */
export class ConsentServerError extends AssentError {
  /** HTTP status of the answer; absent when none came. */
  readonly status?: number;
  /** The server's explanation (for developers, not for users). */
  readonly description?: string;
  /** The body field at fault, when the server named one. */
  readonly field?: string;
  /** Milliseconds to wait before retrying, from Retry-After. */
  readonly retryAfterMs?: number;
  constructor(code: string, details: { status?: number; description?: string; field?: string; retryAfterMs?: number; cause?: unknown } = {}) {
    super(code, `Consent server request failed: ${code}${details.status ? ` (HTTP ${details.status})` : ''}${details.description ? `: ${details.description}` : ''}`);
    const { cause, ...rest } = details;
    Object.assign(this, rest);
    if (cause !== undefined) this.cause = cause;
  }
  override get name(): string {
    return 'ConsentServerError';
  }
}

/** Where the server is and how to authorise a request to it. */
export interface ConsentServer {
  /** Base URL of the consent API, as `parseServerUrl` returns it. */
  readonly url: string;
  /** An access token of the signed-in user for the server (the audience of your API). Called for every request, never stored. */
  readonly getToken: () => string | Promise<string>;
  readonly signal?: AbortSignal;
  /** Milliseconds to wait for an answer; 20000 by default. */
  readonly timeoutMs?: number;
}

/** What the server answers a withdrawal with. */
export interface ServerWithdrawal {
  /** The state after the withdrawal; null when the account was deleted. */
  readonly state: ConsentState | null;
  /** The id of the history entry recorded (the one sent, so a retry is recorded once). */
  readonly eventId: string;
  readonly erased: EraseMode | null;
}

/**
 * The consent API's base URL: absolute, or a path resolved against the page; https, or http for a
 * loopback host only (a bearer token never crosses the network in clear); no query or fragment.
 *
 * @throws {AssentConfigError} option `server-url`, naming what is wrong.
 */
export function parseServerUrl(value: string, base = globalThis.location?.href): string {
  try {
    return parseDomain(new URL(value, base).href.replace(/\/+$/, ''));
  } catch (error) {
    const why = error instanceof AssentError ? error.message.replace(/^domain: /, '') : `${JSON.stringify(value)} is not a URL`;
    throw new AssentConfigError('server-url', why);
  }
}

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

async function call(server: ConsentServer, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  let token: unknown;
  try {
    token = await server.getToken();
  } catch (cause) {
    throw new ConsentServerError('unauthorized', { description: 'getServerToken failed', cause });
  }
  if (typeof token !== 'string' || !token) throw new ConsentServerError('unauthorized', { description: 'getServerToken returned no token' });
  const timeout = AbortSignal.timeout(server.timeoutMs ?? 20000);
  const signal = server.signal ? AbortSignal.any([server.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      cache: 'no-store',
      credentials: 'omit',
      signal,
    });
  } catch (cause) {
    throw new ConsentServerError(timeout.aborted ? 'timeout' : signal.aborted ? 'aborted' : 'network', { cause });
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && answer && typeof answer === 'object') return answer;
  const status = response.status;
  const own = typeof answer?.error === 'string' ? answer.error : undefined;
  const code = status === 401 ? 'unauthorized' : status === 429 || own === 'upstream_rate_limited' ? 'rate_limited' : (own ?? (response.ok ? 'invalid_response' : `http_${status}`));
  throw new ConsentServerError(code, {
    status,
    ...(typeof answer?.message === 'string' && { description: answer.message }),
    ...(typeof answer?.field === 'string' && { field: answer.field }),
    ...(retryAfter(response.headers) !== undefined && { retryAfterMs: retryAfter(response.headers) }),
  });
}

/** The server's state body as a `ConsentState` (it has no outbox, so nothing is pending). */
function toState(body: Record<string, unknown>): ConsentState {
  const { user_id: _user, app_metadata: _app, event_id: _event, erased: _erased, ...state } = body;
  return Object.freeze({ ...(state as unknown as ConsentState), pending: [] });
}

/**
 * POST {server}/consent/withdraw `{ purposes?, erase?, eventId }`: withdraws `purposes` (every
 * accepted one when omitted) and, with `erase`, flags or deletes the account. Send the same
 * `eventId` again to retry: the server records it once.
 *
 * @throws {ConsentServerError}
 */
export async function withdrawThroughServer(
  server: ConsentServer,
  request: { readonly purposes?: readonly string[]; readonly erase?: EraseMode; readonly eventId: string },
): Promise<ServerWithdrawal> {
  const { purposes, erase, eventId } = request;
  const body = await call(server, 'POST', '/consent/withdraw', { ...(purposes && { purposes }), ...(erase && { erase }), eventId });
  const erased = body.erased === 'flag' || body.erased === 'delete' ? body.erased : null;
  return { state: erased === 'delete' ? null : toState(body), eventId: typeof body.event_id === 'string' ? body.event_id : eventId, erased };
}
