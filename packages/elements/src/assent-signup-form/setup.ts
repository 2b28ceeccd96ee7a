import { AssentConfigError, createAssent, type AssentClient, type ConsentPolicy, type PasswordPolicyLevel } from '@assent/core';
import { extraControls } from './extra-fields.js';
import { extraValues } from './extra-values.js';
import { PASSWORD_LEVELS } from './password-levels.js';

/** The form's configuration as its properties and attributes hold it. */
export interface SetupOptions {
  readonly domain: string | null;
  readonly clientId: string | null;
  readonly connection: string | null;
  readonly policySrc: string | null;
  readonly policy: ConsentPolicy | null;
  readonly client: AssentClient | null;
  readonly metadata: Readonly<Record<string, string>> | null;
  readonly passwordPolicy: PasswordPolicyLevel | null;
}

/**
 * Turns the configuration of one `<assent-signup-form>` into the signup client it sends with, and
 * checks the app's fields against Auth0's limits before anyone types. Loaded with the signup code.
 */
export class SignupSetup {
  /** The client made from the attributes and policy, kept while they stay the same (it remembers uncertain attempts). */
  #own: { readonly key: string; readonly policy: ConsentPolicy; readonly client: AssentClient } | null = null;

  /**
   * The client to send with (`client`, else one made from the attributes and the policy), or null
   * while `policy-src` loads. `loaded` is the policy `policy-src` gave (undefined while it loads,
   * null when it could not be used); `extras` holds the app's own controls.
   *
   * @throws {AssentConfigError} naming the attribute or property at fault; {SignupInputError} for
   *   app fields over Auth0's limits.
   */
  client(options: SetupOptions, loaded: ConsentPolicy | null | undefined, extras: Element | null): AssentClient | null {
    if (options.passwordPolicy && !PASSWORD_LEVELS.includes(options.passwordPolicy)) throw new AssentConfigError('password-policy', `must be one of ${PASSWORD_LEVELS.join(', ')}`);
    const client = options.client ?? this.#ownClient(options, loaded);
    if (client) {
      const fixed = options.metadata ?? {};
      const fields = extraValues(extraControls(extras), true).metadata;
      const clash = Object.keys(fields).find((name) => Object.hasOwn(fixed, name));
      if (clash) throw new AssentConfigError('metadata', `"${clash}" is set both by the metadata property and by a control inside the form`);
      client.checkSignup({ metadata: { ...fixed, ...fields } });
    }
    return client;
  }

  #ownClient({ domain, clientId, connection, policySrc, policy: given }: SetupOptions, loaded: ConsentPolicy | null | undefined): AssentClient | null {
    const policy = given ?? loaded;
    if (!policy) {
      if (loaded === null) throw new AssentConfigError('policy-src', `${JSON.stringify(policySrc)} could not be loaded as a consent policy`);
      if (!policySrc) throw new AssentConfigError('policy', 'set the policy property or the policy-src attribute');
      return null;
    }
    const key = JSON.stringify([domain, clientId, connection]);
    if (this.#own?.key !== key || this.#own.policy !== policy) {
      this.#own = null;
      this.#own = { key, policy, client: createAssent({ domain: domain ?? '', clientId: clientId ?? '', connection: connection ?? '', policy }) };
    }
    return this.#own.client;
  }
}
