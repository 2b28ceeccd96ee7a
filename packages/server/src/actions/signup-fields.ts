/**
 * The consent fields of core's signup wire format in `user_metadata` (`consent_policy`,
 * `consent_purposes`, ...; list or Lock variant), as a custom signup form, `<assent-signup-form>`
 * or Lock send them with POST /dbconnections/signup. Read with core's own decoder.
 */
import { decodeSignupFields, signupEventId, signupSource } from '@assent/core';
import type { SignupClaimSource } from './signup-claim.js';

/** Signup fields under `config.prefix` in `event.user.user_metadata`. */
export const userMetadataFields: SignupClaimSource = {
  present: (event, config) => (event.user.user_metadata ?? {})[config.prefix + 'policy'] !== undefined,
  async read(event, config) {
    const metadata = event.user.user_metadata ?? {};
    const options = { prefix: config.prefix };
    return { decision: decodeSignupFields(metadata, options), eventId: await signupEventId(metadata, options), source: signupSource(metadata, options) };
  },
};
