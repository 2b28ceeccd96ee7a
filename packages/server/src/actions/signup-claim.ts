/**
 * A consent claimed at signup: the decision a signup request carried, before anything checked it.
 * Each place a signup can carry the consent fields is a `SignupClaimSource`; the Actions ask the
 * sources in turn, so a new place (another form, another prefix) is one more source, not a change
 * to the Actions.
 */
import type { ConsentDecision } from '@assent/core';
import type { ActionRequest, ActionUser } from './auth0.js';
import type { ActionConfig } from './config.js';

/** A decision read from signup fields, with the history entry id and source core gives it. */
export interface SignupClaim {
  readonly decision: ConsentDecision;
  /** `signup-<hash of the fields>`: the same id core's `signupConsentObject` gives, so every copy records the signup once. */
  readonly eventId: string;
  readonly source: 'signup' | 'lock';
}

/** What a source may read: the user being created or logging in, and the request. */
export interface SignupClaimEvent {
  readonly user: ActionUser;
  readonly request?: ActionRequest;
}

/** One place a signup can carry the consent fields. */
export interface SignupClaimSource {
  /** Whether the event carries this source's fields at all (then `read` decides if they are valid). */
  present(event: SignupClaimEvent, config: ActionConfig): boolean;
  /** @throws DecodeError naming the field when the fields are malformed or incomplete. */
  read(event: SignupClaimEvent, config: ActionConfig): Promise<SignupClaim>;
}

/** The claim of the first source whose fields are present; null when none is. @throws DecodeError from that source. */
export async function readSignupClaim(event: SignupClaimEvent, config: ActionConfig, sources: readonly SignupClaimSource[]): Promise<SignupClaim | null> {
  const source = sources.find((candidate) => candidate.present(event, config));
  return source ? source.read(event, config) : null;
}
