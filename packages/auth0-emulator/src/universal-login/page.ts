/**
 * One hosted signup screen as Auth0's Universal Login renders it: the tenant's page template (or
 * Auth0's minimal one) with `auth0:head` and `auth0:widget` filled in, the widget's form holding
 * the screen's partials at their entry points, everything Liquid-rendered with the page template
 * variables. Text the user typed is only ever written by this module, HTML-escaped, or by
 * parse5 into the partials' `ulp-` fields; it never reaches the Liquid engine. The widget's own
 * texts are escaped; custom texts reach Liquid as the tenant wrote them (see texts.ts).
 */
import { escapeHtml, type Page } from '../http/html.js';
import { directionOf } from './catalog.js';
import { renderLiquid } from './liquid.js';
import { restoreFields } from './restore-fields.js';
import { liquidTexts, textHtml, type SignupScreen } from './texts.js';

/** Auth0's documented minimal page template, used when the tenant has none. */
export const DEFAULT_TEMPLATE = `<!DOCTYPE html>
{% assign resolved_dir = dir | default: "auto" %}
<html lang="{{locale}}" dir="{{resolved_dir}}">
  <head>
    {%- auth0:head -%}
  </head>
  <body class="_widget-auto-layout">
    {%- auth0:widget -%}
  </body>
</html>`;

/** Auth0's default Universal Login colours. */
const BRANDING = { logo_url: '', colors: { primary: '#635dff', page_background: '#000000' } };

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body._widget-auto-layout { margin: 0; display: grid; place-items: center; min-height: 100vh; }
  .ulp-widget { box-sizing: border-box; width: min(25rem, 94vw); padding: 2rem; border: 1px solid GrayText; border-radius: 0.5rem; }
  .ulp-widget h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  .ulp-widget label { display: block; margin-top: 1rem; font-weight: 600; }
  .ulp-widget input:not([type=checkbox]):not([type=radio]), .ulp-widget select, .ulp-widget textarea { box-sizing: border-box; width: 100%; min-height: 2.75rem; margin-top: 0.25rem; padding: 0.5rem; font: inherit; }
  .ulp-widget input[type=checkbox], .ulp-widget input[type=radio] { width: 1.5rem; height: 1.5rem; }
  .ulp-widget button { margin-top: 1.5rem; min-height: 2.75rem; width: 100%; font: inherit; font-weight: 600; cursor: pointer; background: ${BRANDING.colors.primary}; color: #fff; border: 0; border-radius: 0.25rem; }
  .ulp-widget :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .ulp-widget a { color: LinkText; }
  .ulp-field { margin-top: 1rem; }
  .ulp-error-info { display: none; }
  .ulp-error .ulp-error-info { display: block; }
  .ulp-prompt-error, .ulp-error-info { color: #b00020; font-weight: 600; }
  @media (prefers-color-scheme: dark) { .ulp-prompt-error, .ulp-error-info { color: #ff8a80; } }
  .ulp-identifier { display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
`;

/** A link to another way of signing up (a social connection of the client). */
export interface SocialLink {
  readonly label: string;
  readonly href: string;
}

export interface ScreenInput {
  readonly screen: SignupScreen;
  readonly locale: string;
  /** The transaction (`state`), posted back by the form. */
  readonly state: string;
  /** Where the form posts. */
  readonly action: string;
  /** The screen's texts (built-in and custom), plain text. */
  readonly texts: Readonly<Record<string, string>>;
  /** Partials of the screen: entry point -> Liquid. */
  readonly partials: Readonly<Record<string, string>>;
  /** The tenant's page template, if any. */
  readonly template?: string | undefined;
  readonly application: { readonly id: string; readonly name: string; readonly metadata: Readonly<Record<string, string>> };
  readonly tenant: { readonly name: string; readonly enabledLocales: readonly string[] };
  /** The email shown (signup-password) or typed (signup, signup-id). */
  readonly email?: string | undefined;
  /** What the user posted, put back into the partials' `ulp-` fields after an error. */
  readonly fields?: Readonly<Record<string, string>> | undefined;
  /** A message shown in the prompt (role=alert), and the field it concerns. */
  readonly error?: { readonly message: string; readonly field?: 'email' | 'password' | undefined; readonly code?: string | undefined } | undefined;
  readonly loginUrl: string;
  /** signup-password: back to signup-id. */
  readonly editEmailUrl?: string | undefined;
  readonly social: readonly SocialLink[];
}

/** The Liquid scope of Auth0's page template variables (those the emulator has values for). */
function liquidScope(input: ScreenInput): Record<string, unknown> {
  return {
    locale: input.locale,
    dir: directionOf(input.locale),
    state: input.state,
    application: { id: input.application.id, name: input.application.name, logo_url: '', metadata: { ...input.application.metadata } },
    branding: BRANDING,
    tenant: { friendly_name: input.tenant.name, support_email: '', support_url: '', enabled_locales: input.tenant.enabledLocales.join(', ') },
    prompt: { name: input.screen, screen: { name: input.screen, texts: liquidTexts(input.texts) } },
  };
}

async function renderPartials(input: ScreenInput, scope: Record<string, unknown>): Promise<Record<string, string>> {
  const rendered: Record<string, string> = {};
  for (const [entryPoint, source] of Object.entries(input.partials)) {
    const html = await renderLiquid(source, scope);
    rendered[entryPoint] = input.fields ? restoreFields(html, input.fields) : html;
  }
  return rendered;
}

function container(entryPoint: string, html: string | undefined): string {
  return html ? `<div class="ulp-container ulp-container-${entryPoint}">${html}</div>\n` : '';
}

function widget(input: ScreenInput, partials: Readonly<Record<string, string>>): string {
  const t = (key: string) => textHtml(input.texts[key] ?? '');
  const error = input.error;
  const describedBy = (field: 'email' | 'password') => (error?.field === field ? ' aria-describedby="prompt-alert" aria-invalid="true"' : '');
  const alert = error ? `<div id="prompt-alert" class="ulp-prompt-error" role="alert">${escapeHtml(error.message)}</div>\n` : '';
  const emailField = `<div class="ulp-field-email"><label for="email">${t('emailPlaceholder')}</label>
<input id="email" name="email" type="email" inputmode="email" autocomplete="email" autocapitalize="none" spellcheck="false" required value="${escapeHtml(input.email ?? '')}"${describedBy('email')}></div>\n`;
  const passwordField = `<div class="ulp-field-password"><label for="password">${t('passwordPlaceholder')}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required${describedBy('password')}></div>\n`;
  const identifier =
    input.screen === 'signup-password'
      ? `<p class="ulp-identifier"><span>${escapeHtml(input.email ?? '')}</span> <a href="${escapeHtml(input.editEmailUrl ?? '')}" aria-label="${escapeHtml(input.texts.editLinkScreenReadableText ?? '')}">${t('editEmailText')}</a></p>\n`
      : '';
  const fields = input.screen === 'signup' ? emailField + passwordField : input.screen === 'signup-id' ? emailField : passwordField;
  const social = input.social.length
    ? container('secondary-actions-start', partials['secondary-actions-start']) +
      `<ul class="ulp-social">${input.social.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>\n` +
      container('secondary-actions-end', partials['secondary-actions-end'])
    : '';
  return `<main class="ulp-widget" data-prompt="${escapeHtml(input.screen)}">
<header><h1>${t('title')}</h1><p>${t('description')}</p></header>
${alert}${identifier}<form method="POST" action="${escapeHtml(input.action)}" novalidate data-form-primary="true">
<input type="hidden" name="state" value="${escapeHtml(input.state)}">
${container('form-content-start', partials['form-content-start'])}${fields}${container('form-content-end', partials['form-content-end'])}<button type="submit" name="action" value="default">${t('buttonText')}</button>
</form>
${container('form-footer-start', partials['form-footer-start'])}<p class="ulp-alternate-action">${t('loginActionText')} <a href="${escapeHtml(input.loginUrl)}">${t('loginActionLinkText')}</a></p>
${container('form-footer-end', partials['form-footer-end'])}${social}</main>`;
}

function head(input: ScreenInput): string {
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(input.texts.pageTitle ?? '')}</title>
<style>${STYLE}</style>`;
}

/**
 * The page. Its Content-Security-Policy limits where forms post (this emulator and the
 * application's callback origin), framing and `<base>`; it does not restrict scripts or styles,
 * since partials and page templates carry their own, as on Auth0.
 */
export async function renderScreen(input: ScreenInput, redirectOrigin: string): Promise<Page> {
  const scope = liquidScope(input);
  const partials = await renderPartials(input, scope);
  const html = await renderLiquid(input.template ?? DEFAULT_TEMPLATE, scope, { head: head(input), widget: widget(input, partials) });
  const csp = [`form-action 'self' ${redirectOrigin}`, "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
  return { html, csp };
}
