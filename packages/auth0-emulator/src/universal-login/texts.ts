/**
 * The texts of the hosted signup screens: Auth0's default texts (English from Auth0's text
 * customization reference; German is the emulator's translation), overridden by the tenant's
 * custom texts for the page language, and their Liquid form (`prompt.screen.texts`).
 */
import { escapeHtml } from '../http/html.js';

export type SignupScreen = 'signup' | 'signup-id' | 'signup-password';

/** `${name}` placeholders Auth0 fills in its default texts. */
export interface TextPlaceholders {
  readonly clientName: string;
  readonly companyName: string;
}

const COMMON_EN: Record<string, string> = {
  buttonText: 'Continue',
  emailPlaceholder: 'Email address',
  passwordPlaceholder: 'Password',
  loginActionText: 'Already have an account?',
  loginActionLinkText: 'Log in',
  separatorText: 'Or',
  federatedConnectionButtonText: 'Continue with ${connectionName}',
  logoAltText: '${companyName}',
  'email-in-use': 'The user already exists.',
  'invalid-email-format': 'Email is not valid.',
  'no-email': 'Please enter an email address',
  'no-password': 'Password is required',
  'password-too-weak': 'The password is too weak',
  'password-policy-not-conformant': 'The password is too weak',
  'password-too-common': 'The password is too common',
  'password-contains-user-information': 'Password contains user information',
  'password-breached': 'This combination of credentials was detected in a public data breach on another website. Before your account is created, please use a different password to keep it secure.',
  'custom-script-error-code': 'Something went wrong, please try again later.',
  'invalid-connection': 'Invalid connection',
};

const COMMON_DE: Record<string, string> = {
  buttonText: 'Weiter',
  emailPlaceholder: 'E-Mail-Adresse',
  passwordPlaceholder: 'Passwort',
  loginActionText: 'Sie haben bereits ein Konto?',
  loginActionLinkText: 'Anmelden',
  separatorText: 'Oder',
  federatedConnectionButtonText: 'Weiter mit ${connectionName}',
  logoAltText: '${companyName}',
  'email-in-use': 'Der Benutzer existiert bereits.',
  'invalid-email-format': 'Die E-Mail-Adresse ist ungültig.',
  'no-email': 'Bitte geben Sie eine E-Mail-Adresse ein',
  'no-password': 'Ein Passwort ist erforderlich',
  'password-too-weak': 'Das Passwort ist zu schwach',
  'password-policy-not-conformant': 'Das Passwort ist zu schwach',
  'password-too-common': 'Das Passwort ist zu verbreitet',
  'password-contains-user-information': 'Das Passwort enthält Angaben zu Ihrer Person',
  'password-breached': 'Diese Zugangsdaten wurden bei einem Datenleck auf einer anderen Website gefunden. Bitte wählen Sie ein anderes Passwort, damit Ihr Konto sicher bleibt.',
  'custom-script-error-code': 'Etwas ist schiefgelaufen, bitte versuchen Sie es später erneut.',
  'invalid-connection': 'Ungültige Verbindung',
};

const DEFAULTS: Record<string, Record<SignupScreen, Record<string, string>>> = {
  en: {
    signup: { ...COMMON_EN, pageTitle: 'Sign up | ${clientName}', title: 'Welcome', description: 'Sign Up to ${companyName} to continue to ${clientName}.' },
    'signup-id': { ...COMMON_EN, pageTitle: 'Sign up | ${clientName}', title: 'Welcome', description: 'Sign Up to ${companyName} to continue to ${clientName}.' },
    'signup-password': {
      ...COMMON_EN,
      pageTitle: 'Create a password to sign up | ${clientName}',
      title: 'Create Your Account',
      description: 'Set your password for ${companyName} to continue to ${clientName}',
      editEmailText: 'Edit',
      editLinkScreenReadableText: 'Edit email address',
    },
  },
  de: {
    signup: { ...COMMON_DE, pageTitle: 'Registrieren | ${clientName}', title: 'Willkommen', description: 'Registrieren Sie sich bei ${companyName}, um mit ${clientName} fortzufahren.' },
    'signup-id': { ...COMMON_DE, pageTitle: 'Registrieren | ${clientName}', title: 'Willkommen', description: 'Registrieren Sie sich bei ${companyName}, um mit ${clientName} fortzufahren.' },
    'signup-password': {
      ...COMMON_DE,
      pageTitle: 'Passwort festlegen | ${clientName}',
      title: 'Konto erstellen',
      description: 'Legen Sie Ihr Passwort für ${companyName} fest, um mit ${clientName} fortzufahren',
      editEmailText: 'Bearbeiten',
      editLinkScreenReadableText: 'E-Mail-Adresse bearbeiten',
    },
  },
};

function fill(text: string, placeholders: TextPlaceholders): string {
  return text.replace(/\$\{(clientName|companyName)\}/g, (_, name: keyof TextPlaceholders) => placeholders[name]);
}

/**
 * The screen's texts in `locale`: the built-in ones (the language, else its base language, else
 * English), then the tenant's custom texts for exactly that language on top.
 */
export function screenTexts(screen: SignupScreen, locale: string, custom: Readonly<Record<string, string>>, placeholders: TextPlaceholders): Record<string, string> {
  const builtIn = DEFAULTS[locale]?.[screen] ?? DEFAULTS[locale.split('-')[0] ?? '']?.[screen] ?? DEFAULTS.en?.[screen] ?? {};
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(builtIn)) texts[key] = fill(value, placeholders);
  for (const [key, value] of Object.entries(custom)) texts[key] = value;
  return texts;
}

/** `var-terms-of-service` -> `varTermsOfService`: how Auth0 names a custom text variable in Liquid. */
export function liquidKey(key: string): string {
  if (!key.startsWith('var-')) return key;
  return key
    .split('-')
    .map((part, index) => (index === 0 || part === '' ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

const MARKDOWN_LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g;

function link(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
}

/**
 * A custom text as Liquid sees it (`prompt.screen.texts.*`): as the tenant wrote it, with Markdown
 * links `[text](https://…)` turned into links, as Auth0 documents. Nothing else is escaped: texts
 * come from the tenant's administrators, like the partials themselves, and a partial that shows
 * policy texts escapes them (`| escape`). Only http(s) URLs become links. A text is data for
 * Liquid: `{{ }}` and `{% %}` in it are output as written, never run.
 */
export function liquidText(text: string): string {
  return text.replace(MARKDOWN_LINK, (_, label: string, url: string) => link(label, url));
}

/** A text as the widget shows it (title, labels, errors): HTML-escaped, Markdown links as links. */
export function textHtml(text: string): string {
  return escapeHtml(text).replace(MARKDOWN_LINK, (_, label: string, url: string) => link(label, url));
}

/** `prompt.screen.texts` for Liquid: every text of the screen, custom text variables under their camelCase name. */
export function liquidTexts(texts: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, value]) => [liquidKey(key), liquidText(value)]));
}
