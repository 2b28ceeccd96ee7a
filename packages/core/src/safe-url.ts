// Anything a browser strips or folds while parsing a URL (whitespace, controls, backslashes, which
// it reads as `/`) or that can disguise one (zero-width and bidi controls): refused outright, so
// what is checked is exactly what is followed.
const HIDDEN = /[\s\0-\x1f\x7f-\x9f\\\u200b-\u200f\u202a-\u202e\u2060-\u2069]/;

/**
 * Returns `url` unchanged when it is safe to put in an `href`: an absolute `http:`/`https:` URL
 * with a host and no credentials, or a same-origin path starting with a single `/`. Returns `null`
 * for everything else: `javascript:`, `data:`, `vbscript:` and other schemes in any case,
 * protocol-relative `//host`, `/\host`, hidden whitespace or control characters anywhere.
 *
 * @example safeUrl('https://acme.example/terms') // 'https://acme.example/terms'
 * @example safeUrl('/legal/privacy')             // '/legal/privacy'
 * @example safeUrl('java\tscript:alert(1)')      // null
 */
export function safeUrl(url: string): string | null {
  if (typeof url !== 'string' || HIDDEN.test(url)) return null;
  if (/^\/(?!\/)/.test(url)) return url;
  if (!/^https?:\/\/[^/]/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.hostname && !parsed.username && !parsed.password ? url : null;
  } catch {
    return null;
  }
}
