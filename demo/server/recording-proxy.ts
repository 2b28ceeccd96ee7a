/**
 * A loopback HTTP proxy to the emulator that remembers the last requests (every method but the
 * browser's CORS preflight, OPTIONS), so the demo's inspector shows exactly what the browser sent
 * without patching the SDK or Lock. CORS stays the emulator's: the Origin header is forwarded.
 * The consent server on the demo's origin records into the same list (consent-server.ts).
 */
import { createServer, request as httpRequest, type Server } from 'node:http';

/** One request that went to Auth0 through the recording proxy, as the inspector shows it. */
export interface RecordedRequest {
  readonly at: string;
  readonly method: string;
  /** The emulator's URL of the request (the proxy forwards path and query unchanged). */
  readonly url: string;
  /** The JSON or form body as an object, every `password` masked; `null` for no or another body. */
  readonly body: unknown;
}

const RECORDED_LIMIT = 100;
const MASK = '********';

/** `value` with every property named `password` (at any depth) replaced by a mask. */
export function maskPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPasswords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, key === 'password' ? MASK : maskPasswords(entry)]));
}

/** The body as the inspector shows it: JSON (Auth0's APIs) and HTML form posts (the login pages, /continue). */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  const type = contentType ?? '';
  try {
    if (type.startsWith('application/x-www-form-urlencoded')) return maskPasswords(Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
    return maskPasswords(JSON.parse(raw.toString('utf8')));
  } catch {
    // Neither: it may hold a password too, so it is never shown.
    return null;
  }
}

/** Appends `request` to `recorded`, keeping the newest {@link RECORDED_LIMIT}. */
export function record(recorded: RecordedRequest[], request: RecordedRequest): void {
  recorded.push(request);
  if (recorded.length > RECORDED_LIMIT) recorded.shift();
}

/** Starts the proxy on a free loopback port; `recorded` receives the requests, newest last. */
export async function startRecordingProxy(emulatorUrl: string, recorded: RecordedRequest[]): Promise<Server> {
  const target = new URL(emulatorUrl);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      if (method !== 'OPTIONS') record(recorded, { at: new Date().toISOString(), method, url: new URL(req.url ?? '/', target).href, body: parseBody(raw, req.headers['content-type']) });
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'emulator_unreachable' }));
      });
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
