/** Sends the authorization response back to the client in its response mode. */
import type { ResponseMode } from '../context.js';
import { escapeHtml, page, pageHeaders } from '../http/html.js';

/** A redirect (or, for form_post, a self-submitting form) carrying `params` to `redirectUri`. */
export function authorizationResponse(redirectUri: string, mode: ResponseMode, params: Readonly<Record<string, string | undefined>>, extraHeaders: Record<string, string> = {}): Response {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (mode === 'form_post') {
    const inputs = defined.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
    const target = new URL(redirectUri).origin;
    const { html, csp } = page({
      title: 'Submit this form',
      body: `<main><h1>Signing you in</h1><form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>JavaScript is off: press the button to continue.</p></noscript><button type="submit">Continue</button></form></main>`,
      formAction: [target],
      script: 'document.forms[0].submit();',
    });
    return new Response(html, { status: 200, headers: { ...pageHeaders(csp), ...extraHeaders } });
  }
  const url = new URL(redirectUri);
  const encoded = new URLSearchParams(defined);
  if (mode === 'query') {
    for (const [name, value] of defined) url.searchParams.set(name, value);
  } else {
    url.hash = encoded.toString();
  }
  return new Response(null, { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store', ...extraHeaders } });
}

/** The error response of an authorization request. */
export function authorizationError(redirectUri: string, mode: ResponseMode, error: string, description: string, state: string | undefined, extraHeaders?: Record<string, string>): Response {
  return authorizationResponse(redirectUri, mode, { error, error_description: description, state }, extraHeaders);
}
