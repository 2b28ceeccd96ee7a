/** HTML pages of the emulator: escaped text only, no external assets, a strict CSP with a nonce. */
import { randomBytes } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { width: min(24rem, 92vw); padding: 2rem; border: 1px solid GrayText; border-radius: 0.5rem; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; min-height: 2.75rem; margin-top: 0.25rem; padding: 0.5rem; font: inherit; }
  button { margin-top: 1.5rem; min-height: 2.75rem; width: 100%; font: inherit; font-weight: 600; cursor: pointer; }
  :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .error { color: #b00020; font-weight: 600; }
  @media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
  .note { font-size: 0.85rem; opacity: 0.8; }
`;

/** A page and the Content-Security-Policy header that goes with it. */
export interface Page {
  readonly html: string;
  readonly csp: string;
}

/** What {@link page} puts into a document. */
export interface PageOptions {
  readonly title: string;
  /** Already escaped HTML. */
  readonly body: string;
  readonly lang?: string;
  /** Origins a form on the page may post or be redirected to, besides the page's own. */
  readonly formAction?: readonly string[];
  /** Inline JavaScript, allowed by the nonce. */
  readonly script?: string;
  /** With `script`: scripts it inserts may load too (`'strict-dynamic'`), as a Form's custom fields need. */
  readonly strictDynamic?: boolean;
  /** The page's style sheet; default: the emulator's login and error pages' one. */
  readonly style?: string;
  /** A second style sheet after it (a Form's custom CSS), already safe inside `<style>`. */
  readonly extraStyle?: string;
}

/** Wraps `body` in a document with a strict Content-Security-Policy: only nonce'd styles and script. */
export function page(options: PageOptions): Page {
  const nonce = randomBytes(16).toString('base64');
  const formAction = ["'self'", ...(options.formAction ?? [])].join(' ');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    options.script ? `script-src 'nonce-${nonce}'${options.strictDynamic ? " 'strict-dynamic'" : ''}` : "script-src 'none'",
    "img-src 'self' data:",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${options.style ?? STYLE}</style>
${options.extraStyle ? `<style nonce="${nonce}">${options.extraStyle}</style>\n` : ''}</head>
<body>
${options.body}
${options.script ? `<script nonce="${nonce}">${options.script}</script>` : ''}
</body>
</html>`;
  return { html, csp };
}

/** Headers every emulator page carries. */
export function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** An error page for requests that cannot be redirected back (unknown client, callback mismatch). */
export function errorPage(title: string, message: string): Page {
  return page({
    title,
    body: `<main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p><p class="note">Assent Auth0 emulator: a development tool.</p></main>`,
  });
}
