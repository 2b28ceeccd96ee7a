/**
 * `createAssent`: the SDK's signup client. One POST /dbconnections/signup carries the user, the
 * app's metadata and the consent wire fields; every failure is a typed error; a signup is never
 * retried automatically, and a retry by the user that meets "user exists" after an ambiguous
 * attempt says the account may already have been created.
 */
import { AssentError } from '../errors.js';
import type { ConsentDecision, ConsentPolicy } from '../types.js';
import { resolveOptions, type AssentOptions } from './config.js';
import { SignupError } from './errors.js';
import { buildSignupBody, type SignupInput } from './request.js';
import { signupErrorFromResponse } from './response.js';
import { fetchTransport } from './transport.js';

/** Options of one `signup` call. */
export interface SignupCallOptions {
  /** Cancels the request: the promise rejects with a `SignupError` `aborted`. */
  readonly signal?: AbortSignal;
}

/** A user created by `signup`. */
export interface SignupResult {
  /** Auth0's user id, `auth0|<_id>` (as in the Management API and the tokens' `sub`). */
  readonly userId: string;
  readonly email: string;
  readonly emailVerified: boolean;
  /** The consent decision that was recorded with the user. */
  readonly decision: ConsentDecision;
}

/** The signup client of one tenant, application, database connection and consent policy. */
export interface AssentClient {
  /** The tenant's base URL, e.g. `https://acme.eu.auth0.com`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly connection: string;
  /** The validated policy. */
  readonly policy: ConsentPolicy;
  /**
   * Creates the user with the consent decision in ONE request. Input is checked first
   * (`checkSignup`); nothing is sent when it fails.
   *
   * @throws {SignupInputError} bad input, naming the field (nothing sent).
   * @throws {DecisionError} `policy_mismatch`, `required_purpose_missing` (nothing sent).
   * @throws {SignupError} the request failed: see `SignupErrorCode`.
   */
  signup(input: SignupInput, decision: ConsentDecision, options?: SignupCallOptions): Promise<SignupResult>;
  /**
   * Checks what `signup` would send without sending it. Absent fields are not required, and
   * without a decision the policy's largest one is assumed: a form calls
   * `checkSignup({ metadata: { plan: '', team: '' } })` with its extra field names when it is
   * configured, so a configuration over Auth0's limits is refused before any user types.
   *
   * @throws {SignupInputError} / {DecisionError} as `signup`.
   */
  checkSignup(input: Partial<SignupInput>, decision?: ConsentDecision): void;
}

/**
 * Creates the signup client.
 *
 * @throws {AssentConfigError} an option is missing or invalid; `option` names it.
 * @example
 * const assent = createAssent({ domain: 'acme.eu.auth0.com', clientId, connection: 'Username-Password-Authentication', policy });
 * const { userId } = await assent.signup({ email, password, metadata: { plan: 'pro' } }, decision);
 */
export function createAssent(options: AssentOptions): AssentClient {
  const { baseUrl, clientId, connection, policy, transport = fetchTransport(), timeoutMs } = resolveOptions(options);
  const target = { clientId, connection, policy };
  // Per email (lower case): attempts that may have created the account (in flight, ambiguous or
  // successful), i.e. every attempt not refused by a definite answer.
  const uncertain = new Map<string, number>();

  async function signup(input: SignupInput, decision: ConsentDecision, { signal }: SignupCallOptions = {}): Promise<SignupResult> {
    const body = buildSignupBody(target, input, decision);
    if (signal?.aborted) throw new SignupError('aborted', { cause: signal.reason });
    if (globalThis.navigator?.onLine === false) throw new SignupError('network', { description: 'The browser is offline; nothing was sent.' });
    const key = body.email.toLowerCase();
    uncertain.set(key, (uncertain.get(key) ?? 0) + 1);
    /** Forgets this attempt unless it may have created the account; returns how many others may have. */
    const settled = (mayHaveCreated: boolean): number => {
      const others = (uncertain.get(key) ?? 1) - 1;
      if (mayHaveCreated) return others;
      if (others) uncertain.set(key, others);
      else uncertain.delete(key);
      return others;
    };
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response;
    try {
      response = await transport.signup(`${baseUrl}/dbconnections/signup`, body, combined);
    } catch (cause) {
      // A refusal by the transport itself (its configuration) happens before sending.
      if (cause instanceof AssentError) throw (settled(false), cause);
      settled(true);
      const code = !combined.aborted ? 'network' : signal?.aborted && combined.reason === signal.reason ? 'aborted' : 'timeout';
      throw new SignupError(code, { ambiguous: true, cause, ...(code === 'network' && cause instanceof Error && { description: cause.message }) });
    }
    const { status, body: answer } = response;
    if (status >= 200 && status < 300) {
      const fields = (answer ?? {}) as Record<string, unknown>;
      const id = [fields._id, fields.id, fields.user_id].find((value) => typeof value === 'string' && value) as string | undefined;
      if (id) {
        return { userId: id.includes('|') ? id : `auth0|${id}`, email: typeof fields.email === 'string' ? fields.email : body.email, emailVerified: fields.email_verified === true, decision };
      }
      settled(true);
      throw new SignupError('server', { status, body: answer, ambiguous: true, description: 'The answer has no user id' });
    }
    throw signupErrorFromResponse(response, settled(status < 400 || status >= 500) > 0);
  }

  return {
    baseUrl,
    clientId,
    connection,
    policy,
    signup,
    checkSignup: (input, decision) => void buildSignupBody(target, input, decision, true),
  };
}
