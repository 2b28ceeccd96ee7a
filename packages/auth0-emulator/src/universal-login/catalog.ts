/**
 * What Auth0 accepts for Universal Login customisation: the prompts (Management API path values),
 * the screens of each prompt that take partials, the entry points, and the languages. Taken from
 * Auth0's API reference (the enums of the `auth0` SDK 7.x: `PartialGroupsEnum`,
 * `PromptGroupNameEnum`, `PromptLanguageEnum`) and the "Customize Signup and Login Prompts" page.
 */

/** Prompts whose screens take partials, and those screens (`PUT /api/v2/prompts/{prompt}/partials`). */
export const PARTIAL_SCREENS: Readonly<Record<string, readonly string[]>> = {
  login: ['login'],
  'login-id': ['login-id'],
  'login-password': ['login-password'],
  'login-passwordless': ['login-passwordless-email-code', 'login-passwordless-sms-otp'],
  signup: ['signup'],
  'signup-id': ['signup-id'],
  'signup-password': ['signup-password'],
  'customized-consent': ['customized-consent'],
  passkeys: ['passkey-enrollment', 'passkey-enrollment-local'],
};

/** The entry points of a screen; `secondary-actions-*` render only when a social connection is enabled. */
export const ENTRY_POINTS = ['form-content-start', 'form-content-end', 'form-footer-start', 'form-footer-end', 'secondary-actions-start', 'secondary-actions-end'] as const;

export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** Auth0's customized-consent screen has a single entry point of its own. */
const SCREEN_ENTRY_POINTS: Readonly<Record<string, readonly string[]>> = {
  'customized-consent': ['form-content'],
};

/** The entry points a screen accepts. */
export function entryPointsOf(screen: string): readonly string[] {
  return SCREEN_ENTRY_POINTS[screen] ?? ENTRY_POINTS;
}

/** Auth0's documented maximum length of one partial, in characters. */
export const MAX_PARTIAL_LENGTH = 10_000;

/** Auth0: "Up to thirty custom text variables can be defined per screen/language combination." */
export const MAX_CUSTOM_TEXT_VARIABLES = 30;

/** Every prompt of `/api/v2/prompts/{prompt}/custom-text/{language}`. */
export const PROMPTS = [
  'login',
  'login-id',
  'login-password',
  'login-passwordless',
  'login-email-verification',
  'signup',
  'signup-id',
  'signup-password',
  'phone-identifier-enrollment',
  'phone-identifier-challenge',
  'email-identifier-challenge',
  'reset-password',
  'custom-form',
  'consent',
  'customized-consent',
  'logout',
  'mfa-push',
  'mfa-otp',
  'mfa-voice',
  'mfa-phone',
  'mfa-webauthn',
  'mfa-sms',
  'mfa-email',
  'mfa-recovery-code',
  'mfa',
  'status',
  'device-flow',
  'email-verification',
  'email-otp-challenge',
  'organizations',
  'invitation',
  'common',
  'passkeys',
  'captcha',
  'brute-force-protection',
  'async-approval-flow',
  'confirmation',
] as const;

/**
 * Screens of the prompts whose custom texts the emulator checks by screen name (the ones it
 * renders, and their login siblings). Other prompts accept any screen name.
 */
export const TEXT_SCREENS: Readonly<Record<string, readonly string[]>> = {
  ...PARTIAL_SCREENS,
  common: ['redeem-ticket'],
};

/** Auth0's Universal Login languages (`PromptLanguageEnum`). Auth0 has no Irish (`ga`) and no Maltese (`mt`). */
export const LANGUAGES = [
  'am',
  'ar',
  'ar-EG',
  'ar-SA',
  'az',
  'bg',
  'bn',
  'bs',
  'ca-ES',
  'cnr',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'en-CA',
  'es',
  'es-419',
  'es-AR',
  'es-MX',
  'et',
  'eu-ES',
  'fa',
  'fi',
  'fr',
  'fr-CA',
  'fr-FR',
  'gl-ES',
  'gu',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'is',
  'it',
  'ja',
  'ka',
  'kk',
  'kn',
  'ko',
  'lt',
  'lv',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'my',
  'nb',
  'nl',
  'nn',
  'no',
  'pa',
  'pl',
  'pt',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'sv',
  'sw',
  'ta',
  'te',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'zgh',
  'zh-CN',
  'zh-HK',
  'zh-MO',
  'zh-TW',
] as const;

/** Right-to-left languages (Auth0 lists Arabic, Persian, Hebrew and Urdu). */
const RTL = new Set(['ar', 'ar-EG', 'ar-SA', 'fa', 'he', 'ur']);

/** `rtl` or `ltr`, the page template's `dir`. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

export function isLanguage(value: string): boolean {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The page language, as Auth0 picks it: the first `ui_locales` entry that the tenant enables, else
 * the first Accept-Language entry it enables, else the tenant's default (its first enabled locale).
 * A regional tag falls back to its base language (`de-AT` -> `de`) and a base tag matches its
 * regional form when only that exists (`fr` -> `fr-FR` is not needed: both are listed).
 */
export function pickLocale(enabled: readonly string[], uiLocales: readonly string[], acceptLanguage: string | undefined): string {
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter((tag) => tag !== '' && tag !== '*');
  const byLower = new Map(enabled.map((tag) => [tag.toLowerCase(), tag]));
  const match = (tag: string): string | undefined => byLower.get(tag.toLowerCase()) ?? byLower.get(tag.split('-')[0]?.toLowerCase() ?? '');
  for (const candidate of uiLocales) {
    const found = match(candidate);
    if (found) return found;
  }
  for (const candidate of accepted) {
    const found = match(candidate);
    if (found) return found;
  }
  return enabled[0] ?? 'en';
}
