/** JWT helpers for tests: read a token's claims, and forge the tokens a server must refuse. */
import { createHmac } from 'node:crypto';

function decodePart(part: string | undefined, token: string): Record<string, unknown> {
  if (part === undefined) throw new Error(`not a JWT: ${token.slice(0, 20)}...`);
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const encodePart = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Reads a JWT's payload WITHOUT verifying it: for tests that need `sub` from a token they just received. */
export function unverifiedPayload(token: string): Record<string, unknown> {
  return decodePart(token.split('.')[1], token);
}

/**
 * The same claims under a forged signature: `none` (unsigned) or `HS256` (an algorithm-confusion
 * attempt; keyed with the key id, since a verifier must refuse the algorithm whatever the key).
 */
export function forgedToken(token: string, alg: 'none' | 'HS256'): string {
  const [headerPart, payloadPart] = token.split('.');
  const header: Record<string, unknown> = { ...decodePart(headerPart, token), alg };
  const signingInput = `${encodePart(header)}.${payloadPart}`;
  if (alg === 'none') return `${signingInput}.`;
  const signature = createHmac('sha256', String(header.kid ?? 'key'))
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${signature}`;
}
