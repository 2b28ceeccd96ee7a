import type { SignupInput } from '@assent/core';
import { extraControls } from './extra-fields.js';
import { extraValues } from './extra-values.js';

/** What the form asks for besides email and password, as its properties say. */
export interface SignupInputOptions {
  readonly askName: boolean;
  readonly askUsername: boolean;
  /** The `metadata` property: fixed `user_metadata` fields, overridden by the app's controls of the same name. */
  readonly metadata: Readonly<Record<string, string>> | null;
}

/**
 * What the user entered, as `client.signup` takes it: `value(name)` reads one of the form's own
 * inputs, `extras` holds the app's controls.
 */
export function signupInputOf(value: (name: string) => string, extras: Element | null, { askName, askUsername, metadata: fixed }: SignupInputOptions): SignupInput {
  const values = extraValues(extraControls(extras));
  const rootFields: Record<string, string> = { ...values.rootFields };
  if (askName) {
    for (const name of ['given_name', 'family_name']) if (value(name)) rootFields[name] = value(name);
  }
  const metadata = { ...fixed, ...values.metadata };
  return {
    email: value('email'),
    password: value('password'),
    ...(askUsername && { username: value('username') }),
    ...(Object.keys(rootFields).length && { rootFields }),
    ...(Object.keys(metadata).length && { metadata }),
  };
}
