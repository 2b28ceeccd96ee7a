/**
 * Applies the fault engine's decision before a request is handled: latency, then a forced status
 * (429 with Retry-After and X-RateLimit-*), a hung request (answered never, released when the
 * emulator stops) or a reset connection (socket destroyed). Admin routes and CORS preflights are
 * never faulted.
 */
import type { MiddlewareHandler } from 'hono';
import type { EmulatorContext } from '../context.js';
import { failureFor } from '../errors.js';
import type { Env } from '../http/request.js';

const RATE_LIMIT = 50;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the emulator stops (hang) or the socket closes. */
function waitForRelease(ctx: EmulatorContext, socket: { once(event: 'close', listener: () => void): unknown } | undefined): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      ctx.hung.delete(release);
      resolve();
    };
    ctx.hung.add(release);
    socket?.once('close', release);
  });
}

export function faultsMiddleware(ctx: EmulatorContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/__emulator/') || c.req.method === 'OPTIONS') return next();
    const decision = ctx.faults.decide(c.req.method, path);
    if (!decision) return next();
    if (decision.latencyMs > 0) await delay(decision.latencyMs);
    const socket = c.env?.incoming?.socket;
    switch (decision.kind) {
      case 'reset':
        socket?.destroy();
        await waitForRelease(ctx, socket);
        return new Response(null, { status: 500 });
      case 'hang':
        await waitForRelease(ctx, socket);
        socket?.destroy();
        return new Response(null, { status: 503 });
      case 'status': {
        const status = decision.status ?? 500;
        const headers: Record<string, string> = {};
        if (status === 429) {
          const retryAfter = decision.retryAfterSeconds ?? 1;
          headers['Retry-After'] = String(retryAfter);
          headers['X-RateLimit-Limit'] = String(RATE_LIMIT);
          headers['X-RateLimit-Remaining'] = '0';
          headers['X-RateLimit-Reset'] = String(Math.floor(ctx.now() / 1000) + retryAfter);
        }
        throw failureFor(path, status, `Injected fault: ${status} (rule ${decision.rule})`, headers);
      }
      default:
        return next();
    }
  };
}
