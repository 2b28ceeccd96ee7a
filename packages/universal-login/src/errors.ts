import { AssentError } from '@assent/core';

/**
 * The partials cannot be generated within Auth0's limits, or from this policy. Codes:
 * - `partial_too_large`: a partial exceeds Auth0's 10,000 characters (`limit`, `actual`, `where` =
 *   `<prompt>/<screen>/<entry point>`);
 * - `too_many_custom_texts`: more than Auth0's 30 custom texts for one screen and language;
 * - `reserved_characters`: a policy text holds U+27E6/U+27E7, which the generator uses as markers;
 * - `invalid_option`: an option is not usable (`where` names it).
 */
export class PartialLimitError extends AssentError {
  /** What was measured against the limit, e.g. `signup/signup/form-content-end`. */
  readonly where: string;
  readonly limit?: number;
  readonly actual?: number;
  constructor(code: string, where: string, message: string, limit?: number, actual?: number) {
    super(code, `${code}: ${where}: ${message}`);
    this.where = where;
    if (limit !== undefined) this.limit = limit;
    if (actual !== undefined) this.actual = actual;
  }
  override get name(): string {
    return 'PartialLimitError';
  }
}
