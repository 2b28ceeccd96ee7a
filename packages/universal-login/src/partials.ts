/**
 * The prompt partials of Auth0's Universal Login signup screens, generated from one consent policy:
 * native `ulp-` checkboxes inside Auth0's form (they work with no JavaScript at all), their texts as
 * custom texts per language, and optionally the single-file `<assent-terms>` that takes them over.
 */
import { documentLinks, loadMessages, parsePolicy, resolveLocale, universalLoginFieldNames, UNIVERSAL_LOGIN_PREFIX, type ConsentPolicy, type Messages } from '@assent/core';
import { MARKER, escapeHtml, hasMarkerCharacters, liquidString } from './escape.js';
import { PartialLimitError } from './errors.js';
import { TEXT_KEYS, consentTexts, liquidTextName, type ConsentTexts } from './texts.js';

/** Auth0's limit on one partial (characters). */
export const MAX_PARTIAL_LENGTH = 10_000;
/** Auth0's limit on custom texts per screen and language. */
export const MAX_CUSTOM_TEXTS = 30;

/** The signup prompts; each has one screen of the same name. */
export const SIGNUP_PROMPTS = ['signup', 'signup-id', 'signup-password'] as const;
export type SignupPrompt = (typeof SIGNUP_PROMPTS)[number];

/** Entry points of the signup screens where a partial may go. */
export type EntryPoint = 'form-content-start' | 'form-content-end' | 'form-footer-start' | 'form-footer-end' | 'secondary-actions-start' | 'secondary-actions-end';

/**
 * The languages the partials get texts for by default: Assent's built-in languages that Auth0's
 * Universal Login offers (Irish and Maltese are not among Auth0's languages).
 */
export const DEFAULT_LANGUAGES: readonly string[] = ['en', 'ar', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'he', 'hr', 'hu', 'it', 'lt', 'lv', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

/** Where `<assent-terms>` comes from when the page may load a script. */
export interface Enhancement {
  /** URL of the single-file build (`assent-terms.js` of this package's `dist/cdn/`), on a CDN or the app's static host (https, served with CORS). */
  readonly scriptUrl: string;
  /** Its Subresource Integrity hash, `sha384-…` (`dist/cdn/manifest.json`). */
  readonly integrity: string;
  /** URL of the consent policy JSON the element loads (served with CORS); it must be the policy the partials were generated from. */
  readonly policyUrl: string;
}

/** Options of `generatePartials`. */
export interface PartialOptions {
  /** Prefix of the form fields; must start with `ulp-`. Default `ulp-consent_`. */
  readonly prefix?: string;
  /** Auth0 language codes to write custom texts for (regional codes such as `pt-BR` get their base language's texts, unknown ones English). Default `DEFAULT_LANGUAGES`. */
  readonly languages?: readonly string[];
  /** Entry point of the consent block. Default `form-content-end` (inside the form, just above the button). */
  readonly entryPoint?: EntryPoint;
  /** The `<assent-terms>` enhancement; without it the partials hold no script at all. */
  readonly enhancement?: Enhancement;
  /** Built-in texts of a locale; core's `loadMessages` by default. */
  readonly messagesFor?: (locale: string) => Promise<Messages>;
}

/** `PUT /api/v2/prompts/{prompt}/partials` bodies: screen -> entry point -> HTML with Liquid. */
export type PromptPartials = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** `PUT /api/v2/prompts/{prompt}/custom-text/{language}` bodies: screen -> key -> text. */
export type PromptCustomTexts = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Everything a tenant needs for consent on its signup prompts. */
export interface UniversalLoginContent {
  /** `<policy id>@<version>` the partials were generated from. */
  readonly policy: string;
  readonly prefix: string;
  /** Partials per prompt. */
  readonly partials: Readonly<Record<SignupPrompt, PromptPartials>>;
  /** Custom texts per prompt and language. */
  readonly customTexts: Readonly<Record<SignupPrompt, Readonly<Record<string, PromptCustomTexts>>>>;
}

/** The Liquid that outputs custom text `key`, HTML-escaped, then turned into links (see `MARKER`). */
function textOutput(key: string, policy: ConsentPolicy, values: readonly string[]): string {
  const filters = ['escape'];
  const link = (marker: string, url: string) => {
    filters.push(`replace: ${liquidString(marker)}, ${liquidString(`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" aria-describedby="assent-t">`)}`);
  };
  policy.documents.forEach((document, index) => {
    if (values.some((value) => value.includes(MARKER.open(index)))) link(MARKER.open(index), document.url);
  });
  if (policy.withdrawal && values.some((value) => value.includes(MARKER.withdrawal))) link(MARKER.withdrawal, policy.withdrawal.url);
  if (filters.length > 1) filters.push(`replace: ${liquidString(MARKER.close)}, '</a>'`);
  if (values.some((value) => value.includes(MARKER.leftBrace))) filters.push(`replace: ${liquidString(MARKER.leftBrace)}, '&#123;'`);
  if (values.some((value) => value.includes(MARKER.rightBrace))) filters.push(`replace: ${liquidString(MARKER.rightBrace)}, '&#125;'`);
  return `{{ prompt.screen.texts.${liquidTextName(key)} | ${filters.join(' | ')} }}`;
}

// One rule per line is easier to review than a minified block; Liquid ignores single braces.
const STYLE = `<style>
.assent{margin:16px 0;text-align:start}
.assent-row{display:flex;gap:8px;align-items:flex-start;margin:8px 0}
.assent-row input{flex:none;width:24px;height:24px;margin:0}
.assent-row label{line-height:1.5}
.assent-error{display:none;margin:4px 0;color:#d03c38}
.assent-row:has(input:user-invalid)+.assent-error{display:block}
.assent-optional{border:0;margin:0;padding:0;min-width:0}
.assent-optional legend{padding:0;font-weight:600}
.assent-hint{margin:8px 0;font-size:.875em}
</style>`;

/** The consent block of the screens where the user signs up (`signup`, `signup-password`). */
function consentBlock(policy: ConsentPolicy, prefix: string, all: readonly ConsentTexts[], enhancement: Enhancement | undefined): string {
  const names = universalLoginFieldNames({ prefix });
  const out = (key: string) =>
    textOutput(
      key,
      policy,
      all.map((texts) => texts[key] ?? ''),
    );
  const optional = policy.purposes.filter((purpose) => !purpose.required);
  const rows = optional.map(
    (purpose, index) =>
      `<div class="assent-row"><input type="checkbox" id="assent-p${index}" name="${escapeHtml(names.optional(purpose.id))}" value="true" aria-describedby="assent-h"><label for="assent-p${index}">${out(TEXT_KEYS.optional(index))}</label></div>`,
  );
  const group = optional.length > 1 ? `<fieldset class="assent-optional"><legend>${out(TEXT_KEYS.legend)}</legend>\n${rows.join('\n')}\n</fieldset>` : rows.join('\n');
  const policyKey = `${policy.id}@${policy.version}`;
  const source = enhancement ? ` data-assent-policy-src="${escapeHtml(enhancement.policyUrl)}"` : '';
  return [
    STYLE,
    `<div class="assent" data-assent-ulp data-assent-prefix="${escapeHtml(prefix)}"${source}>`,
    `<input type="hidden" name="${escapeHtml(names.policy)}" value="${escapeHtml(policyKey)}">`,
    `<input type="hidden" name="${escapeHtml(names.locale)}" value="{{ prompt.screen.texts.${liquidTextName(TEXT_KEYS.locale)} | escape }}">`,
    `<div class="assent-row"><input type="checkbox" id="assent-r" name="${escapeHtml(names.required)}" value="true" required aria-describedby="assent-e"><label for="assent-r">${out(TEXT_KEYS.required)}</label></div>`,
    `<p id="assent-e" class="assent-error ulp-error">${out(TEXT_KEYS.error)}</p>`,
    ...(group ? [group] : []),
    `<p id="assent-h" class="assent-hint">${out(TEXT_KEYS.hint)}</p>`,
    `<span id="assent-t" hidden>${out(TEXT_KEYS.newTab)}</span>`,
    `</div>`,
    ...(enhancement ? [`<script type="module" src="${escapeHtml(enhancement.scriptUrl)}" integrity="${escapeHtml(enhancement.integrity)}" crossorigin="anonymous"></script>`] : []),
  ].join('\n');
}

/** The notice of `signup-id`, where no user is created yet: who the controller is and which documents follow. */
function noticeBlock(policy: ConsentPolicy, all: readonly ConsentTexts[]): string {
  const out = (key: string) =>
    textOutput(
      key,
      policy,
      all.map((texts) => texts[key] ?? ''),
    );
  return `${STYLE}\n<p id="assent-h" class="assent assent-hint">${out(TEXT_KEYS.notice)}</p>\n<span id="assent-t" hidden>${out(TEXT_KEYS.newTab)}</span>`;
}

function checkUrl(value: string, where: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PartialLimitError('invalid_option', where, 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
    throw new PartialLimitError('invalid_option', where, 'must be https (plain http only on loopback)');
  }
}

/**
 * Generates the partials and custom texts of the three signup prompts from one consent policy.
 * `signup` and `signup-password` (the screens that create the user) get the consent block: an
 * unticked, `required` native box for the required purposes, an unticked box per optional purpose,
 * linked documents, the withdrawal sentence and the controller's name, with hidden fields for the
 * policy version and the locale of the texts; `signup-id` gets a notice naming the controller and
 * the documents. Every policy text travels as a custom text, HTML-escaped by the partial, so a
 * hostile policy cannot inject markup or Liquid.
 *
 * @throws {PartialLimitError} `partial_too_large`, `too_many_custom_texts`, `reserved_characters`, `invalid_option`.
 * @throws {PolicyError} from core, for an invalid policy.
 * @example const content = await generatePartials(policy, { languages: ['en', 'de'] });
 */
export async function generatePartials(input: ConsentPolicy | unknown, options: PartialOptions = {}): Promise<UniversalLoginContent> {
  const policy = parsePolicy(input);
  const { prefix = UNIVERSAL_LOGIN_PREFIX, languages = DEFAULT_LANGUAGES, entryPoint = 'form-content-end', enhancement, messagesFor = loadMessages } = options;
  try {
    universalLoginFieldNames({ prefix });
  } catch (error) {
    throw new PartialLimitError('invalid_option', 'prefix', (error as Error).message);
  }
  if (!languages.length || new Set(languages).size !== languages.length || !languages.every((language) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))) {
    throw new PartialLimitError('invalid_option', 'languages', 'must be distinct Auth0 language codes such as "de" or "pt-BR"');
  }
  if (enhancement) {
    checkUrl(enhancement.scriptUrl, 'enhancement.scriptUrl');
    checkUrl(enhancement.policyUrl, 'enhancement.policyUrl');
    if (!/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(enhancement.integrity)) throw new PartialLimitError('invalid_option', 'enhancement.integrity', 'must be an SRI hash such as "sha384-…"');
  }

  if (hasMarkerCharacters(JSON.stringify(policy))) throw new PartialLimitError('reserved_characters', 'policy', 'a policy text holds ⟦ or ⟧, which the generator reserves as markers');
  const byLanguage: Record<string, ConsentTexts> = {};
  for (const language of languages) {
    const locale = resolveLocale(language);
    const messages = await messagesFor(locale);
    const texts = { ...consentTexts(policy, locale, messages), [TEXT_KEYS.newTab]: messages['link.newTab'] ?? 'opens in a new tab', [TEXT_KEYS.notice]: notice(policy, locale, messages) };
    byLanguage[language] = texts;
  }
  const all = Object.values(byLanguage);
  const screens: Record<SignupPrompt, string> = {
    signup: consentBlock(policy, prefix, all, enhancement),
    'signup-id': noticeBlock(policy, all),
    'signup-password': consentBlock(policy, prefix, all, enhancement),
  };
  const noticeKeys: readonly string[] = [TEXT_KEYS.notice, TEXT_KEYS.newTab];
  const partials = {} as Record<SignupPrompt, PromptPartials>;
  const customTexts = {} as Record<SignupPrompt, Record<string, PromptCustomTexts>>;
  for (const prompt of SIGNUP_PROMPTS) {
    const html = screens[prompt];
    if (html.length > MAX_PARTIAL_LENGTH) {
      throw new PartialLimitError('partial_too_large', `${prompt}/${prompt}/${entryPoint}`, `${html.length} characters; Auth0 accepts at most ${MAX_PARTIAL_LENGTH}`, MAX_PARTIAL_LENGTH, html.length);
    }
    partials[prompt] = { [prompt]: { [entryPoint]: html } };
    customTexts[prompt] = {};
    for (const [language, texts] of Object.entries(byLanguage)) {
      const own = Object.fromEntries(Object.entries(texts).filter(([key]) => (prompt === 'signup-id' ? noticeKeys.includes(key) : key !== TEXT_KEYS.notice)));
      const count = Object.keys(own).length;
      if (count > MAX_CUSTOM_TEXTS) {
        throw new PartialLimitError(
          'too_many_custom_texts',
          `${prompt}/${prompt}/${language}`,
          `${count} custom texts; Auth0 accepts at most ${MAX_CUSTOM_TEXTS} per screen and language`,
          MAX_CUSTOM_TEXTS,
          count,
        );
      }
      customTexts[prompt][language] = { [prompt]: own };
    }
  }
  return { policy: `${policy.id}@${policy.version}`, prefix, partials, customTexts };
}

/** The `signup-id` notice: the documents of the required purposes, linked, and the controller. */
function notice(policy: ConsentPolicy, locale: string, messages: Messages): string {
  const required = [...new Set(policy.purposes.filter((purpose) => purpose.required).flatMap((purpose) => purpose.documents ?? []))];
  const links = documentLinks(policy, required, locale, messages)
    .map((part) => {
      const index = part.href === undefined ? -1 : policy.documents.findIndex((document) => document.id === part.document);
      const text = part.text.replaceAll('{', MARKER.leftBrace).replaceAll('}', MARKER.rightBrace);
      return index < 0 ? text : MARKER.open(index) + text + MARKER.close;
    })
    .join('');
  return `${links} · ${policy.controller.name.replaceAll('{', MARKER.leftBrace).replaceAll('}', MARKER.rightBrace)}`;
}
