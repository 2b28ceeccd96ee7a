/**
 * What Auth0 Lock loads before it renders: the client settings script
 * (`/client/{clientId}.js`, calling `Auth0.setClient`) and the language dictionary
 * (`/js/lock/{version}/{lang}.js`, calling `Auth0.registerLanguageDictionary` with the dictionaries
 * shipped in the installed auth0-lock package). Also `/user/ssodata`, Lock's "last login" probe.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Env } from '../http/request.js';
import type { Client, Connection } from '../tenant/types.js';

const require = createRequire(import.meta.url);

/** JSON safe to embed in a script: no `</script>`, no U+2028/U+2029 line terminators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The shape Lock 14.3 reads in `core/client/index.js` (`formatClient` / `formatClientConnection`). */
export function lockClientSettings(ctx: EmulatorContext, client: Client): Record<string, unknown> {
  const database = ctx.tenant.connections.filter((c: Connection) => c.strategy === 'auth0' && c.enabled_clients.includes(client.client_id));
  return {
    id: client.client_id,
    tenant: ctx.tenant.name,
    subscription: 'free',
    authorize: `${ctx.issuer}authorize`,
    callback: client.callbacks[0] ?? '',
    hasAllowedOrigins: client.allowed_origins.length > 0 || client.web_origins.length > 0,
    strategies:
      database.length === 0
        ? []
        : [
            {
              name: 'auth0',
              connections: database.map((connection) => ({
                name: connection.name,
                showSignup: !connection.options.disable_signup,
                showForgot: true,
                requires_username: connection.options.requires_username,
                passwordPolicy: connection.options.passwordPolicy,
                ...(connection.options.password_complexity_options ? { password_complexity_options: connection.options.password_complexity_options } : {}),
                ...(connection.options.validation ? { validation: connection.options.validation } : {}),
              })),
            },
          ],
  };
}

/** Directory of the installed auth0-lock's dictionaries, or undefined when auth0-lock is not installed. */
function lockI18nDirectory(): string | undefined {
  try {
    return join(dirname(require.resolve('auth0-lock/package.json')), 'lib', 'i18n');
  } catch {
    return undefined;
  }
}

const dictionaries = new Map<string, unknown>();

/** The dictionary of `lang` from auth0-lock's lib/i18n, or undefined. */
function lockDictionary(lang: string): unknown {
  if (dictionaries.has(lang)) return dictionaries.get(lang);
  const directory = lockI18nDirectory();
  const file = directory && join(directory, `${lang}.js`);
  if (!file || !existsSync(file)) return undefined;
  const module = require(file) as { default?: unknown };
  const dictionary = module.default ?? module;
  dictionaries.set(lang, dictionary);
  return dictionary;
}

const JS_HEADERS = { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };

export function lockAssetRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/client/:file', (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.js')) return c.notFound();
    const client = ctx.client(file.slice(0, -3));
    if (!client) {
      // Lock then times out and shows its error screen, as with an unknown client on Auth0.
      return c.body(`/* unknown client ${scriptJson(file.slice(0, -3))} */`, 404, JS_HEADERS);
    }
    return c.body(`Auth0.setClient(${scriptJson(lockClientSettings(ctx, client))});`, 200, JS_HEADERS);
  });

  app.get('/js/lock/:version/:file', (c) => {
    const file = c.req.param('file');
    const lang = file.endsWith('.js') ? file.slice(0, -3) : '';
    if (!/^[a-z]{2,3}(-[a-z]{2,4})?$/.test(lang)) return c.body(`/* invalid language ${scriptJson(file)} */`, 404, JS_HEADERS);
    const dictionary = lockDictionary(lang);
    if (dictionary === undefined) {
      const why = lockI18nDirectory() === undefined ? 'auth0-lock is not installed next to the emulator' : `auth0-lock has no dictionary for ${lang}`;
      return c.body(`/* ${why} */`, 404, JS_HEADERS);
    }
    return c.body(`Auth0.registerLanguageDictionary(${scriptJson(lang)}, ${scriptJson(dictionary)});`, 200, JS_HEADERS);
  });

  app.get('/user/ssodata', (c) => c.json({ sso: false }));

  return app;
}
