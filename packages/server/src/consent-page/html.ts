/**
 * The HTML of the consent page: the policy inline as JSON data, `<assent-terms>` in a form with an
 * accept and a decline button, and the page script from the same origin. Everything dynamic is
 * escaped; the Content-Security-Policy allows only this origin's script, a nonce'd style, requests to
 * this origin and form posts to this origin and the Auth0 /continue endpoint.
 */
import type { ConsentPolicy } from '@assent/core';
import type { ConsentPageTexts } from '../config.js';

/** English texts of the page around `<assent-terms>`. */
export const DEFAULT_PAGE_TEXTS: ConsentPageTexts = {
  title: 'Before you continue',
  intro: 'Please read and accept the terms to finish signing in.',
  changed: 'Our terms have changed since you last agreed. Please read and accept them to continue.',
  accept: 'Accept and continue',
  decline: 'Decline',
  sending: 'Sending your answer…',
  failed: 'Your answer could not be sent. Please try again.',
  expiredTitle: 'This link has expired',
  expired: 'This consent page is no longer valid. Please go back to the application and sign in again.',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/** JSON that is safe inside a `<script type="application/json">` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
main { width: min(34rem, 92vw); padding: 2rem; }
h1 { font-size: 1.5rem; margin-top: 0; }
.application { margin: 0 0 0.25rem; font-weight: 600; opacity: 0.8; }
assent-terms { display: block; margin: 1.5rem 0; min-height: 1.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
button { min-height: 2.75rem; padding: 0 1.25rem; font: inherit; font-weight: 600; cursor: pointer; }
button[value="accepted"] { background: #1a56db; color: #fff; border: 1px solid #1a56db; border-radius: 0.375rem; }
button[value="declined"] { background: transparent; color: inherit; border: 1px solid GrayText; border-radius: 0.375rem; }
button:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
#assent-status:empty { display: none; }
`;

/** A page and the headers that go with it. */
export interface RenderedPage {
  readonly html: string;
  readonly headers: Record<string, string>;
}

function headers(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** What the consent page shows. */
export interface ConsentPageInput {
  readonly policy: ConsentPolicy;
  readonly texts: ConsentPageTexts;
  readonly locale: string;
  readonly changed: boolean;
  readonly state: string;
  readonly sessionToken: string;
  /** Where the page script is. */
  readonly scriptUrl: string;
  /** Where the page posts the decision (same origin). */
  readonly decisionUrl: string;
  /** Origin of Auth0's /continue (`consentPage.continueUrl`), where the form finally posts. */
  readonly auth0Origin: string;
  /** The application the user signs in to (`consentPage.applicationName`). */
  readonly applicationName?: string;
}

export function consentPage(input: ConsentPageInput): RenderedPage {
  const n = nonce();
  const scriptOrigin = new URL(input.scriptUrl, 'https://same.origin').origin;
  const scriptSrc = scriptOrigin === 'https://same.origin' ? "'self'" : `'self' ${scriptOrigin}`;
  const csp = [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    `style-src 'self' 'nonce-${n}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    `form-action 'self' ${input.auth0Origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  const t = input.texts;
  const html = `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.applicationName ? `${t.title} · ${input.applicationName}` : t.title)}</title>
<style nonce="${n}">${STYLE}</style>
<script type="module" src="${escapeHtml(input.scriptUrl)}"></script>
</head>
<body>
<main>
${input.applicationName ? `<p class="application">${escapeHtml(input.applicationName)}</p>\n` : ''}<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(input.changed ? t.changed : t.intro)}</p>
<form id="assent-consent" method="post" action="${escapeHtml(input.decisionUrl)}" data-sending="${escapeHtml(t.sending)}" data-failed="${escapeHtml(t.failed)}">
<input type="hidden" name="state" value="${escapeHtml(input.state)}">
<input type="hidden" name="session_token" value="${escapeHtml(input.sessionToken)}">
<assent-terms></assent-terms>
<div class="actions">
<button type="submit" name="outcome" value="accepted">${escapeHtml(t.accept)}</button>
<button type="submit" name="outcome" value="declined" formnovalidate>${escapeHtml(t.decline)}</button>
</div>
<p id="assent-status" role="status"></p>
</form>
<script type="application/json" id="assent-policy">${scriptJson(input.policy)}</script>
</main>
</body>
</html>`;
  return { html, headers: headers(csp) };
}

/** The page for an invalid or expired link: nothing to submit, a way back. */
export function expiredPage(texts: ConsentPageTexts, detail: string): RenderedPage {
  const n = nonce();
  const csp = ["default-src 'none'", `style-src 'nonce-${n}'`, "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(texts.expiredTitle)}</title>
<style nonce="${n}">${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(texts.expiredTitle)}</h1>
<p role="alert">${escapeHtml(texts.expired)}</p>
<p><small>${escapeHtml(detail)}</small></p>
</main>
</body>
</html>`;
  return { html, headers: headers(csp) };
}
