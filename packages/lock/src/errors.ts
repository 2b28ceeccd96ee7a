import { AssentError } from '@assent/core';

/**
 * Lock options or a Lock mount that @assent/lock refuses. `option` names the Lock option at
 * fault (`additionalSignUpFields[2].name`, `languageDictionary.signUpTerms`, `showTerms`).
 *
 * Codes: `invalid_field_name` (a name Lock would silently drop), `field_collision` (an app field
 * with a consent field's name), `too_many_fields` (over Auth0's 10 signup properties),
 * `terms_dead_end` (the terms box could not be shown, so Sign Up would stay disabled forever),
 * `option_conflict` (an app option that contradicts the consent policy), `not_in_light_dom`
 * (Lock cannot render inside a shadow root or a detached element), `lock_unavailable` (auth0-lock
 * could not be loaded).
 */
export class LockConfigError extends AssentError {
  readonly option: string;
  constructor(code: string, option: string, message: string) {
    super(code, `${option}: ${message}`);
    this.option = option;
  }
  override get name(): string {
    return 'LockConfigError';
  }
}
