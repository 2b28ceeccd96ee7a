/**
 * Management API v2 prompts, what a team deploys for consent on Universal Login:
 * GET/PUT /api/v2/prompts/{prompt}/partials, GET/PUT /api/v2/prompts/{prompt}/custom-text/{language}
 * GET/PATCH /api/v2/prompts (identifier first) and GET/PATCH
 * /api/v2/prompts/{prompt}/screen/{screen}/rendering (ACUL: a PATCH changes only the fields it
 * sends). Scopes read:prompts / update:prompts. A PUT
 * replaces what the prompt had (screens or texts not sent are removed), as Auth0 does, and answers
 * 200 with what is now stored. A refused request changes nothing.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { managementError, type HttpError } from '../errors.js';
import { invalidBody, jsonObjectBody, typeName } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';
import type { PromptPartials, PromptTexts } from '../store/universal-login.js';
import { LANGUAGES, MAX_CUSTOM_TEXT_VARIABLES, MAX_PARTIAL_LENGTH, PARTIAL_SCREENS, PROMPTS, TEXT_SCREENS, entryPointsOf, isLanguage } from '../universal-login/catalog.js';
import { LiquidSyntaxError, parseLiquid } from '../universal-login/liquid.js';
import { patchRendering, type ScreenRendering } from '../universal-login/rendering.js';
import { changeUniversalLogin, identifierFirst } from '../universal-login/settings.js';

const READ_SCOPES = ['read:prompts'];
const UPDATE_SCOPES = ['update:prompts'];
/** Custom text variables are `var-<name>`; Liquid reads `var-tos` as `prompt.screen.texts.varTos`. */
const VARIABLE_KEY = /^var-[A-Za-z0-9][A-Za-z0-9_-]*$/;
const TEXT_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SETTINGS_FIELDS = ['universal_login_experience', 'identifier_first', 'webauthn_platform_first_factor'];

/** Auth0's 400 for a path parameter outside its enum. */
function invalidPath(name: string, value: string, allowed: readonly string[]): HttpError {
  return managementError(400, `Path validation error: 'No enum match for: ${JSON.stringify(value)}' on property ${name} (one of: ${allowed.join(', ')}).`, 'invalid_uri');
}

function partialPrompt(prompt: string): readonly string[] {
  const screens = PARTIAL_SCREENS[prompt];
  if (!screens) throw invalidPath('prompt', prompt, Object.keys(PARTIAL_SCREENS));
  return screens;
}

function textPrompt(prompt: string): void {
  if (!(PROMPTS as readonly string[]).includes(prompt)) throw invalidPath('prompt', prompt, PROMPTS);
}

function language(value: string): string {
  if (!isLanguage(value)) throw invalidPath('language', value, LANGUAGES);
  return value;
}

/** The body of PUT .../partials: `{ <screen>: { <entry point>: "<html>" } }`, screens of the prompt only. */
function parsePartials(prompt: string, screens: readonly string[], body: Record<string, unknown>): PromptPartials {
  const result: PromptPartials = {};
  for (const [screen, value] of Object.entries(body)) {
    if (!screens.includes(screen)) {
      throw invalidBody(`'Additional properties not allowed: ${screen}' (the screens of the ${prompt} prompt are: ${screens.join(', ')}).`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidBody(`'Expected type object but found type ${typeName(value)}' on property ${screen}.`);
    }
    const allowed = entryPointsOf(screen);
    const partials: Record<string, string> = {};
    for (const [entryPoint, html] of Object.entries(value as Record<string, unknown>)) {
      if (!allowed.includes(entryPoint)) {
        throw invalidBody(`'Additional properties not allowed: ${entryPoint}' on property ${screen} (entry points: ${allowed.join(', ')}).`);
      }
      if (typeof html !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(html)}' on property ${screen}.${entryPoint}.`);
      if (html.length > MAX_PARTIAL_LENGTH) {
        throw invalidBody(`'String is too long (${html.length} chars), maximum ${MAX_PARTIAL_LENGTH}' on property ${screen}.${entryPoint}.`);
      }
      try {
        parseLiquid(html);
      } catch (error) {
        if (error instanceof LiquidSyntaxError) throw invalidBody(`'Invalid Liquid: ${error.message}' on property ${screen}.${entryPoint}.`);
        throw error;
      }
      partials[entryPoint] = html;
    }
    result[screen] = partials;
  }
  return result;
}

/** The body of PUT .../custom-text/{language}: `{ <screen>: { <key>: "text" } }`. */
function parseTexts(prompt: string, body: Record<string, unknown>): PromptTexts {
  const screens = TEXT_SCREENS[prompt];
  const result: PromptTexts = {};
  for (const [screen, value] of Object.entries(body)) {
    if (screens ? !screens.includes(screen) : !TEXT_KEY.test(screen)) {
      throw invalidBody(`'Additional properties not allowed: ${screen}'${screens ? ` (the screens of the ${prompt} prompt are: ${screens.join(', ')})` : ''}.`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidBody(`'Expected type object but found type ${typeName(value)}' on property ${screen}.`);
    }
    const texts: Record<string, string> = {};
    let variables = 0;
    for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('var-') ? !VARIABLE_KEY.test(key) : !TEXT_KEY.test(key)) {
        throw invalidBody(`'Invalid key ${JSON.stringify(key)}' on property ${screen} (custom text variables are named var-<letters, digits, - or _>).`);
      }
      if (typeof text !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(text)}' on property ${screen}.${key}.`);
      if (key.startsWith('var-')) variables += 1;
      texts[key] = text;
    }
    if (variables > MAX_CUSTOM_TEXT_VARIABLES) {
      throw invalidBody(`'Too many custom text variables (${variables}), maximum ${MAX_CUSTOM_TEXT_VARIABLES} per screen and language' on property ${screen}.`);
    }
    result[screen] = texts;
  }
  return result;
}

/** The screens whose rendering can be configured: those of the prompts the emulator knows screens of. */
function renderingScreen(prompt: string, screen: string): void {
  const screens = partialPrompt(prompt);
  if (!screens.includes(screen)) throw invalidPath('screen', screen, screens);
}

function renderingView(rendering: ScreenRendering): Record<string, unknown> {
  return { ...rendering, filters: null };
}

function settingsView(ctx: EmulatorContext): Record<string, unknown> {
  return { universal_login_experience: 'new', identifier_first: identifierFirst(ctx), webauthn_platform_first_factor: false };
}

export function managementPromptRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/api/v2/prompts', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), READ_SCOPES);
    return c.json(settingsView(ctx));
  });

  app.patch('/api/v2/prompts', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), UPDATE_SCOPES);
    const body = await jsonObjectBody(c);
    for (const key of Object.keys(body)) if (!SETTINGS_FIELDS.includes(key)) throw invalidBody(`'Additional properties not allowed: ${key}'.`);
    if (body.universal_login_experience !== undefined && body.universal_login_experience !== 'new') {
      throw invalidBody(`the emulator renders the new Universal Login experience only: universal_login_experience must be "new", not ${JSON.stringify(body.universal_login_experience)}.`);
    }
    if (body.webauthn_platform_first_factor !== undefined && body.webauthn_platform_first_factor !== false) {
      throw invalidBody('the emulator has no WebAuthn: webauthn_platform_first_factor must be false.');
    }
    if (body.identifier_first !== undefined) {
      if (typeof body.identifier_first !== 'boolean') throw invalidBody(`'Expected type boolean but found type ${typeName(body.identifier_first)}' on property identifier_first.`);
      const value = body.identifier_first;
      await changeUniversalLogin(ctx, (store) => store.setIdentifierFirst(value));
    }
    return c.json(settingsView(ctx));
  });

  app.get('/api/v2/prompts/:prompt/partials', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), READ_SCOPES);
    const prompt = c.req.param('prompt');
    partialPrompt(prompt);
    return c.json(ctx.store.universalLogin.partials(prompt));
  });

  app.put('/api/v2/prompts/:prompt/partials', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), UPDATE_SCOPES);
    const prompt = c.req.param('prompt');
    const partials = parsePartials(prompt, partialPrompt(prompt), await jsonObjectBody(c));
    await changeUniversalLogin(ctx, (store) => store.setPartials(prompt, partials));
    return c.json(ctx.store.universalLogin.partials(prompt));
  });

  app.get('/api/v2/prompts/:prompt/custom-text/:language', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), READ_SCOPES);
    const prompt = c.req.param('prompt');
    textPrompt(prompt);
    return c.json(ctx.store.universalLogin.customText(prompt, language(c.req.param('language'))));
  });

  app.put('/api/v2/prompts/:prompt/custom-text/:language', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), UPDATE_SCOPES);
    const prompt = c.req.param('prompt');
    textPrompt(prompt);
    const lang = language(c.req.param('language'));
    const texts = parseTexts(prompt, await jsonObjectBody(c));
    await changeUniversalLogin(ctx, (store) => store.setCustomText(prompt, lang, texts));
    return c.json(ctx.store.universalLogin.customText(prompt, lang));
  });

  app.get('/api/v2/prompts/:prompt/screen/:screen/rendering', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), READ_SCOPES);
    const { prompt, screen } = c.req.param();
    renderingScreen(prompt, screen);
    return c.json({ tenant: ctx.tenant.name, prompt, screen, ...renderingView(ctx.store.universalLogin.rendering(prompt, screen)) });
  });

  app.patch('/api/v2/prompts/:prompt/screen/:screen/rendering', async (c) => {
    requireAnyScope(await managementCaller(ctx, c), UPDATE_SCOPES);
    const { prompt, screen } = c.req.param();
    renderingScreen(prompt, screen);
    const next = patchRendering(ctx.store.universalLogin.rendering(prompt, screen), await jsonObjectBody(c));
    await changeUniversalLogin(ctx, (store) => store.setRendering(prompt, screen, next));
    return c.json(renderingView(ctx.store.universalLogin.rendering(prompt, screen)));
  });

  return app;
}
