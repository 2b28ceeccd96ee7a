/**
 * Management API v2 Universal Login page template: GET (read:branding), PUT (update:branding),
 * DELETE (delete:branding) /api/v2/branding/templates/universal-login. PUT takes
 * `{ "template": "..." }`, a JSON string, or the HTML itself as `text/html`, as Auth0 does; it
 * refuses a template without exactly one `auth0:head` tag and at least one `auth0:widget` tag, and
 * one that is not valid Liquid.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { managementError } from '../errors.js';
import { invalidBody, typeName } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';
import { LiquidSyntaxError, parseLiquid } from '../universal-login/liquid.js';
import { changeUniversalLogin } from '../universal-login/settings.js';

const TEMPLATE_PATH = '/api/v2/branding/templates/universal-login';
const HEAD_TAG = /\{%-?\s*auth0:head\s*-?%\}/g;
const WIDGET_TAG = /\{%-?\s*auth0:widget\s*-?%\}/g;

/** The template of a PUT, whichever of Auth0's three body forms it came in. */
async function templateOf(c: Context<Env>): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (type.includes('text/html')) return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw managementError(400, 'Invalid request payload JSON format', 'invalid_body');
  }
  if (typeof json === 'string') return json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalidBody(`'Expected type object but found type ${typeName(json)}'.`);
  for (const key of Object.keys(json)) if (key !== 'template') throw invalidBody(`'Additional properties not allowed: ${key}'.`);
  const { template } = json as { template?: unknown };
  if (template === undefined) throw invalidBody(`'Missing required property: template'.`);
  if (typeof template !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(template)}' on property template.`);
  return template;
}

/** Auth0's checks, then the emulator's: the template must be Liquid it can render. */
function checkTemplate(template: string): void {
  const heads = template.match(HEAD_TAG)?.length ?? 0;
  const widgets = template.match(WIDGET_TAG)?.length ?? 0;
  if (heads !== 1 || widgets < 1) throw managementError(400, 'The template must contain a single auth0:head tag and at least one auth0:widget tag.');
  try {
    parseLiquid(template);
  } catch (error) {
    if (error instanceof LiquidSyntaxError) throw managementError(400, `The template is not valid Liquid: ${error.message}`);
    throw error;
  }
}

export function managementBrandingRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get(TEMPLATE_PATH, async (c) => {
    requireAnyScope(await managementCaller(ctx, c), ['read:branding']);
    const template = ctx.store.universalLogin.template;
    if (template === undefined) throw managementError(404, 'Template does not exist.');
    return c.json({ body: template });
  });

  app.put(TEMPLATE_PATH, async (c) => {
    requireAnyScope(await managementCaller(ctx, c), ['update:branding']);
    const template = await templateOf(c);
    checkTemplate(template);
    await changeUniversalLogin(ctx, (store) => store.setTemplate(template));
    return c.json({}, 201);
  });

  app.delete(TEMPLATE_PATH, async (c) => {
    requireAnyScope(await managementCaller(ctx, c), ['delete:branding']);
    await changeUniversalLogin(ctx, (store) => store.setTemplate(undefined));
    return c.body(null, 204);
  });

  return app;
}
