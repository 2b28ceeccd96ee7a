/**
 * The signed tokens of the Action redirect, on the consent page's side (HS256 with the secret
 * shared with the post-login Action, through jose):
 * - the session token the Action made with `api.redirect.encodeToken` is verified before the page
 *   shows anything or accepts a decision: signature, expiry, a user subject, its purpose
 *   (`token_use`, so the page's own answer cannot open the page), and `state` when the token
 *   carries it;
 * - the return token the page sends to /continue carries the answer with the claims Auth0's
 *   `api.redirect.validateToken` requires: `iss`, `sub` (the same user), `iat`, `exp` and `state`,
 *   and its own purpose, which the Action checks.
 */
import { SignJWT, errors, jwtVerify } from 'jose';
import { RETURN_TOKEN_USE, SESSION_TOKEN_USE, TOKEN_USE_CLAIM } from './token-use.js';

/** What the page may rely on from the Action's session token. */
export interface SessionClaims {
  readonly sub: string;
  /** `policy@version` the Action asks consent for, when it says. */
  readonly policy?: string;
  /** Language of the login (`event.transaction.locale`), when it says. */
  readonly locale?: string;
  /** Why the Action asks: `none`, `outdated`, `withdrawn`. */
  readonly reason?: string;
}

/** An invalid or expired session token (the page shows "sign in again"). */
export class SessionTokenError extends Error {
  override get name(): string {
    return 'SessionTokenError';
  }
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** Verifies the Action's session token for the login `state`. */
export async function verifySessionToken(token: string, state: string, secret: string, nowMs: number): Promise<SessionClaims> {
  if (!token || !state) throw new SessionTokenError('The link lacks its session token or state');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'], currentDate: new Date(nowMs) }));
  } catch (error) {
    throw new SessionTokenError(error instanceof errors.JWTExpired ? 'The session token has expired' : 'The session token is invalid');
  }
  if (payload[TOKEN_USE_CLAIM] !== SESSION_TOKEN_USE) throw new SessionTokenError('The token is not a session token of the post-login Action');
  if (payload.state !== undefined && payload.state !== state) throw new SessionTokenError('The session token belongs to another login');
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const claims: SessionClaims = { sub: String(payload.sub) };
  const policy = text(payload.policy);
  const locale = text(payload.locale);
  const reason = text(payload.reason);
  return { ...claims, ...(policy ? { policy } : {}), ...(locale ? { locale } : {}), ...(reason ? { reason } : {}) };
}

/** What the consent page answers, as the Action reads it from the return token (`assent` claim). */
export type ConsentAnswer =
  | { readonly outcome: 'declined' }
  | {
      readonly outcome: 'accepted';
      /** Id of the history entry the Action records: a repeated /continue records it once. */
      readonly event_id: string;
      readonly decision: { readonly policy: string; readonly version: string; readonly purposes: readonly string[]; readonly locale: string; readonly hash: string };
      /** Purposes offered and not accepted (stored as `false`). */
      readonly declined: readonly string[];
      /** Versions of the documents accepted (`documents` of the consent object). */
      readonly documents?: Readonly<Record<string, string>>;
      readonly text_details: string;
    };

/** Signs the token the page posts to /continue as `session_token`. */
export function signReturnToken(input: { issuer: string; sub: string; state: string; answer: ConsentAnswer; secret: string; nowMs: number; lifetimeSeconds: number }): Promise<string> {
  const iat = Math.floor(input.nowMs / 1000);
  return new SignJWT({ [TOKEN_USE_CLAIM]: RETURN_TOKEN_USE, state: input.state, assent: input.answer })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(input.issuer)
    .setSubject(input.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.lifetimeSeconds)
    .sign(key(input.secret));
}
