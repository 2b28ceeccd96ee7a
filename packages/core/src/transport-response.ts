/**
 * How every transport of core reads an HTTP answer, whatever carried it (`fetch`'s `Response`, or
 * the response inside an auth0-js callback): the status, the headers read by name, and the body as
 * parsed JSON, its text when it is not JSON, undefined when empty. The signup and consent clients
 * normalise exactly this shape, so they read every transport's answers alike.
 */

/** Response headers, read by name (case-insensitive); `Headers` is one. */
export interface HeadersLike {
  get(name: string): string | null;
}

/** An HTTP answer as a transport hands it over, whatever its status. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: HeadersLike;
  readonly body: unknown;
}

/** A body's text: parsed JSON; the text itself when it is not JSON (a gateway's HTML page); undefined when empty. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text || undefined;
  }
}

/** Reads a `fetch` answer, consuming its body. */
export async function readResponse(response: Response): Promise<TransportResponse> {
  return { status: response.status, headers: response.headers, body: parseBody(await response.text()) };
}

/**
 * The headers auth0-js keeps of an answer (superagent's `response.header`, a plain object), read by
 * name in any case. Not copied into a `Headers` object: it throws on values it refuses (a line
 * break, a character beyond Latin-1) and would take the Retry-After beside them down with it.
 */
export function headersOf(header: Readonly<Record<string, unknown>> | undefined): HeadersLike {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(header ?? {})) if (typeof value === 'string') byName.set(name.toLowerCase(), value);
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}
