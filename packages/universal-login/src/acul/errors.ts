import { AssentError } from '@assent/core';

/**
 * The consent cannot go into an ACUL screen's `signup()`. Codes:
 * - `consent_required`: the required purposes are not ticked (or `<assent-terms>` has not made its
 *   decision yet): the screen must not submit;
 * - `consent_not_carried`: `signup-password` has no decision of its own and none was kept from
 *   `signup-id` for this transaction (another tab, storage cleared, the screen opened directly);
 * - `policy_mismatch`: the decision was made for another policy or version than the one given;
 * - `invalid_option`: a screen other than `signup`, `signup-id`, `signup-password`, a missing
 *   transaction `state` where one is needed, or a prefix Auth0 does not forward (see `where`).
 */
export class AculConsentError extends AssentError {
  /** The option or field at fault, when there is one. */
  readonly where: string | undefined;
  constructor(code: string, message: string, where?: string) {
    super(code, `${code}: ${message}`);
    this.where = where;
  }
  override get name(): string {
    return 'AculConsentError';
  }
}
