/**
 * A screen in advanced rendering (ACUL): Auth0 answers a minimal page whose `<head>` holds the
 * screen's head tags (the team's own script and styles) and the Universal Login context, and whose
 * body the team's script fills. The context is `window.universal_login_context`, the global that
 * `@auth0/auth0-acul-js` reads in its `BaseContext` constructor (checked against 1.8.0), in the
 * snake_case shape its models read (`screen.name`, `transaction.state`, `transaction.locale`,
 * `transaction.errors`, `transaction.connection.options`...). Optional parts are sent only when the
 * screen's `context_configuration` names them, as on Auth0. The SDK's `signup()` posts a hidden
 * url-encoded form back to the page's own URL; the hosted-page routes handle that post.
 */
import { escapeHtml, type Page } from '../http/html.js';
import type { Connection } from '../tenant/types.js';
import { directionOf } from './catalog.js';
import type { HeadTag, ScreenRendering } from './rendering.js';
import type { SignupScreen } from './texts.js';

/** Everything a context is built from. */
export interface AculScreenInput {
  readonly screen: SignupScreen;
  readonly locale: string;
  readonly state: string;
  readonly rendering: ScreenRendering;
  /** The screen's texts (built-in and custom), for `screen.texts`. */
  readonly texts: Readonly<Record<string, string>>;
  readonly client: { readonly id: string; readonly name: string; readonly metadata: Readonly<Record<string, string>> };
  readonly tenant: { readonly name: string; readonly friendlyName: string; readonly enabledLocales: readonly string[] };
  readonly connection: Connection;
  /** signup-password: the identifier given on signup-id. */
  readonly email?: string | undefined;
  /** What the user posted last (no password), for `untrusted_data.submitted_form_data`. */
  readonly submitted?: Readonly<Record<string, string>> | undefined;
  /** The refusal of the last post, for `transaction.errors`. */
  readonly error?: { readonly code: string; readonly message: string; readonly field?: string | undefined } | undefined;
  /** The authorization request's parameters, for `untrusted_data.authorization_params`. */
  readonly authorizationParams: Readonly<Record<string, string>>;
  readonly links: { readonly login: string; readonly editIdentifier?: string | undefined };
}

/** The password policy levels' minimum lengths (Auth0's `authentication_methods.password.min_length`). */
const MIN_LENGTH = { none: 1, low: 6, fair: 8, good: 8, excellent: 10 } as const;

function connectionContext(connection: Connection, configured: ReadonlySet<string>): Record<string, unknown> {
  const level = connection.options.passwordPolicy;
  const metadata = Object.fromEntries(Object.entries(connection.metadata).filter(([key]) => configured.has(`transaction.connection.metadata.${key}`)));
  return {
    name: connection.name,
    strategy: 'auth0',
    ...(Object.keys(metadata).length ? { metadata } : {}),
    options: {
      signup_enabled: !connection.options.disable_signup,
      forgot_password_enabled: true,
      username_required: connection.options.requires_username,
      authentication_methods: {
        password: { enabled: true, policy: level, min_length: connection.options.password_complexity_options?.min_length ?? MIN_LENGTH[level] },
        passkey: { enabled: false },
      },
    },
  };
}

/** The Universal Login context of the screen, in the shape `@auth0/auth0-acul-js` reads. */
export function aculContext(input: AculScreenInput): Record<string, unknown> {
  const configured = new Set(input.rendering.context_configuration ?? []);
  const has = (item: string) => configured.has(item);
  const clientMetadata = Object.fromEntries(Object.entries(input.client.metadata).filter(([key]) => has(`client.metadata.${key}`)));
  const params = input.authorizationParams;
  const authorizationParams = Object.fromEntries(
    Object.entries(params).filter(
      ([key]) =>
        (['login_hint', 'screen_hint', 'ui_locales'].includes(key) && has(`untrusted_data.authorization_params.${key}`)) ||
        (key.startsWith('ext-') && has(`untrusted_data.authorization_params.${key}`)),
    ),
  );
  const tenant = {
    ...(has('tenant.name') ? { name: input.tenant.name } : {}),
    ...(has('tenant.friendly_name') ? { friendly_name: input.tenant.friendlyName } : {}),
    ...(has('tenant.enabled_locales') ? { enabled_locales: [...input.tenant.enabledLocales] } : {}),
  };
  const untrusted = {
    ...(has('untrusted_data.submitted_form_data') && input.submitted ? { submitted_form_data: { ...input.submitted } } : {}),
    ...(Object.keys(authorizationParams).length ? { authorization_params: authorizationParams } : {}),
  };
  const links = { login: input.links.login, ...(input.links.editIdentifier ? { edit_identifier: input.links.editIdentifier } : {}) };
  return {
    client: { id: input.client.id, name: input.client.name, ...(Object.keys(clientMetadata).length ? { metadata: clientMetadata } : {}) },
    prompt: { name: input.screen },
    screen: {
      name: input.screen,
      links,
      ...(input.screen === 'signup-password' && input.email ? { data: { email: input.email } } : {}),
      ...(has('screen.texts') ? { texts: { ...input.texts } } : {}),
    },
    tenant,
    transaction: {
      state: input.state,
      locale: input.locale,
      ...(input.error ? { errors: [{ code: input.error.code, message: input.error.message, ...(input.error.field ? { field: input.error.field } : {}) }] } : {}),
      connection: connectionContext(input.connection, configured),
    },
    ...(Object.keys(untrusted).length ? { untrusted_data: untrusted } : {}),
  };
}

function attributeHtml(name: string, value: string | number | boolean | readonly string[]): string {
  if (value === false) return '';
  if (value === true) return ` ${name}`;
  return ` ${name}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`;
}

function headTagHtml(tag: HeadTag): string {
  const attributes = Object.entries(tag.attributes)
    .map(([name, value]) => attributeHtml(name, value))
    .join('');
  if (['base', 'link', 'meta'].includes(tag.tag)) return `<${tag.tag}${attributes}>`;
  // title's content is text; style, script and noscript content is written as given (checked for "</" when stored).
  const content = tag.tag === 'title' ? escapeHtml(tag.content ?? '') : (tag.content ?? '');
  return `<${tag.tag}${attributes}>${content}</${tag.tag}>`;
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`, no line separators). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The page. The context script comes before the head tags, so it is there when the team's script
 * runs, whether that is a classic, deferred or module script. Its CSP limits where forms post and
 * framing, like the standard pages; it does not restrict scripts or styles (the head tags bring them).
 */
export function renderAculScreen(input: AculScreenInput, redirectOrigin: string): Page {
  const defaults = input.rendering.default_head_tags_disabled ? '' : '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex, nofollow">\n';
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(input.locale)}" dir="${directionOf(input.locale)}">
<head>
<meta charset="utf-8">
${defaults}<title>${escapeHtml(input.texts.pageTitle ?? '')}</title>
<script>window.universal_login_context = ${scriptJson(aculContext(input))};</script>
${(input.rendering.head_tags ?? []).map(headTagHtml).join('\n')}
</head>
<body></body>
</html>`;
  const csp = [`form-action 'self' ${redirectOrigin}`, "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
  return { html, csp };
}
