/**
 * Auth0's documented limits on Action secrets (https://auth0.com/docs/customize/actions/limitations)
 * and the trigger ids of the Management API (`ActionTriggerTypeEnum` of the `auth0` Node SDK 7.x).
 * Shared by the tenant file validation and the Management API, so a tenant file cannot hold secrets
 * that Auth0 would refuse.
 */

/** "Each Action may have a maximum of 30 secrets." */
export const MAX_ACTION_SECRETS = 30;
/** "Each secret key may have a maximum length of 128 characters" (the API says 1 to 128 runes). */
export const MAX_SECRET_NAME_LENGTH = 128;
/** "... and each secret value may have a maximum length of 4096 characters." */
export const MAX_SECRET_VALUE_LENGTH = 4096;

/** Length in Unicode code points ("runes", as Auth0's validation messages count). */
export function runeLength(text: string): number {
  return [...text].length;
}

/** Why a secret name breaks Auth0's limits, or undefined when it is fine. */
export function secretNameProblem(name: string): string | undefined {
  const length = runeLength(name);
  return length < 1 || length > MAX_SECRET_NAME_LENGTH ? `value length must be between 1 and ${MAX_SECRET_NAME_LENGTH} runes, inclusive` : undefined;
}

/** Why a secret value breaks Auth0's limits, or undefined when it is fine. */
export function secretValueProblem(value: string): string | undefined {
  return runeLength(value) > MAX_SECRET_VALUE_LENGTH ? `value length must be at most ${MAX_SECRET_VALUE_LENGTH} runes` : undefined;
}

/** Every trigger id the Management API knows (`triggerId` filter values). */
export const ACTION_TRIGGER_IDS = [
  'post-login',
  'credentials-exchange',
  'pre-user-registration',
  'post-user-registration',
  'post-change-password',
  'send-phone-message',
  'custom-phone-provider',
  'custom-email-provider',
  'password-reset-post-challenge',
  'custom-token-exchange',
  'event-stream',
  'password-hash-migration',
  'login-post-identifier',
  'signup-post-identifier',
  'post-credential-validation',
] as const;

/** The triggers the emulator runs, with the trigger version Auth0 currently offers for each. */
export const EMULATED_TRIGGERS = { 'post-login': 'v3', 'pre-user-registration': 'v2' } as const;

export type EmulatedTrigger = keyof typeof EMULATED_TRIGGERS;
