/**
 * Deploying a Universal Login customisation the way a team's script does it, through the official
 * `auth0` Node SDK unchanged, against an HTTPS emulator: the page template, the partials of the
 * signup screens and their custom texts per language. Both the SDK's current client (7.x:
 * `branding.templates.*`, `prompts.partials.*`, `prompts.customText.*`) and its legacy one
 * (`auth0/legacy`, 4.x: `branding.setUniversalLoginTemplate`, `prompts.updatePartials`,
 * `prompts.updateCustomTextByLanguage`...) reach the emulator's endpoints.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { ManagementError } from 'auth0';
import { ManagementClient as LegacyManagementClient } from 'auth0/legacy';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { DEFAULT_MACHINE_CLIENT, managementClient, managementClientWithScopes } from '../support/management.js';

const { clientId: M2M, clientSecret: M2M_SECRET } = DEFAULT_MACHINE_CLIENT;
const TEMPLATE = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body class="_widget-auto-layout">{%- auth0:widget -%}</body></html>';
const PARTIALS = {
  signup: { 'form-content-end': '<div class="ulp-field"><input type="checkbox" id="t" name="ulp-terms" value="accepted"><label for="t">{{ prompt.screen.texts.varTerms }}</label></div>' },
};
const TEXTS_DE = { signup: { 'var-terms': 'Ich stimme den [AGB](https://acme.example/agb) zu' } };

let emulator: RunningEmulator;
let trust: TrustingFetch;

before(async () => {
  emulator = await startEmulator({ port: 0, https: true, enableAdmin: true });
  trust = trustingFetch(emulator.caCert!);
});

after(async () => {
  await trust?.close();
  await emulator?.stop();
});

beforeEach(async () => {
  await trust.fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
});

const access = () => ({ domain: emulator.tenant.domain, fetch: trust.fetch });
const client = () => managementClient(access());
/** A client whose token has only the given scopes. */
const clientWithScopes = (scope: string) => managementClientWithScopes(access(), scope);

test('auth0 7.x: branding.templates.updateUniversalLogin, getUniversalLogin and deleteUniversalLogin', async () => {
  const management = client();
  await management.branding.templates.updateUniversalLogin({ template: TEMPLATE });
  assert.deepEqual(await management.branding.templates.getUniversalLogin(), { body: TEMPLATE });
  await management.branding.templates.deleteUniversalLogin();
  await assert.rejects(management.branding.templates.getUniversalLogin(), (error: unknown) => error instanceof ManagementError && error.statusCode === 404);
});

test("auth0 7.x: a template without auth0:widget is refused with Auth0's 400 message", async () => {
  await assert.rejects(client().branding.templates.updateUniversalLogin({ template: '<html><head>{%- auth0:head -%}</head></html>' }), (error: unknown) => {
    assert.ok(error instanceof ManagementError);
    assert.equal(error.statusCode, 400);
    assert.match(JSON.stringify(error.body), /The template must contain a single auth0:head tag and at least one auth0:widget tag\./);
    return true;
  });
});

test('auth0 7.x: prompts.partials.set and get on the signup prompt', async () => {
  const management = client();
  await management.prompts.partials.set('signup', PARTIALS);
  assert.deepEqual(await management.prompts.partials.get('signup'), PARTIALS);
});

test('auth0 7.x: prompts.customText.set and get per language', async () => {
  const management = client();
  await management.prompts.customText.set('signup', 'de', TEXTS_DE);
  assert.deepEqual(await management.prompts.customText.get('signup', 'de'), TEXTS_DE);
  assert.deepEqual(await management.prompts.customText.get('signup', 'en'), {});
});

test('auth0 7.x: prompts.updateSettings turns identifier first on and getSettings reads it', async () => {
  const management = client();
  assert.equal((await management.prompts.getSettings()).identifier_first, false);
  await management.prompts.updateSettings({ identifier_first: true });
  assert.equal((await management.prompts.getSettings()).identifier_first, true);
});

test("auth0 7.x: a token without update:prompts gets Auth0's 403 insufficient_scope and the partials stay unchanged", async () => {
  await client().prompts.partials.set('signup', PARTIALS);
  const readOnly = await clientWithScopes('read:prompts');
  await assert.rejects(readOnly.prompts.partials.set('signup', { signup: { 'form-content-end': '<p>replaced</p>' } }), (error: unknown) => {
    assert.ok(error instanceof ManagementError);
    assert.equal(error.statusCode, 403);
    assert.deepEqual(error.body, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: update:prompts', errorCode: 'insufficient_scope' });
    return true;
  });
  assert.deepEqual(await readOnly.prompts.partials.get('signup'), PARTIALS);
});

test('auth0 7.x: a partial over 10,000 characters is refused with 400', async () => {
  await assert.rejects(
    client().prompts.partials.set('signup', { signup: { 'form-content-end': 'x'.repeat(10_001) } }),
    (error: unknown) => error instanceof ManagementError && error.statusCode === 400,
  );
});

test('auth0/legacy (4.x): setUniversalLoginTemplate, updatePartials, updateCustomTextByLanguage and their getters', async () => {
  const management = new LegacyManagementClient({ domain: emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET, fetch: trust.fetch });
  await management.branding.setUniversalLoginTemplate({ template: TEMPLATE });
  assert.deepEqual((await management.branding.getUniversalLoginTemplate()).data, { body: TEMPLATE });
  await management.prompts.updatePartials({ prompt: 'signup' as never }, PARTIALS);
  assert.deepEqual((await management.prompts.getPartials({ prompt: 'signup' as never })).data, PARTIALS);
  await management.prompts.updateCustomTextByLanguage({ prompt: 'signup' as never, language: 'de' as never }, TEXTS_DE);
  assert.deepEqual((await management.prompts.getCustomTextByLanguage({ prompt: 'signup' as never, language: 'de' as never })).data, TEXTS_DE);
  await management.branding.deleteUniversalLoginTemplate();
});
