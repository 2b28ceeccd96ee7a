import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulator } from '../src/index.js';
import { m2mToken, management, useEmulator } from './helpers.js';

const emulator = useEmulator({ enableAdmin: true });

beforeEach(async () => {
  await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
});

const ALL_SCOPES = 'read:prompts update:prompts read:branding update:branding delete:branding';
const TEMPLATE = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>';

async function call(method: string, pathname: string, body?: unknown, scope = ALL_SCOPES): Promise<Response> {
  return management(emulator.current, method, pathname, await m2mToken(emulator.current, scope), body);
}

async function json(response: Response, status = 200): Promise<Record<string, unknown>> {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${await response.clone().text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Auth0's Management API error shape, with the message and error code checked. */
async function expectError(response: Response, status: number, message: RegExp, errorCode?: string): Promise<void> {
  const body = await json(response, status);
  assert.equal(body.statusCode, status);
  assert.equal(typeof body.error, 'string');
  assert.match(String(body.message), message);
  if (errorCode !== undefined) assert.equal(body.errorCode, errorCode);
}

function templateRequest(body: string, contentType: string, scope = ALL_SCOPES): Promise<Response> {
  return m2mToken(emulator.current, scope).then((token) =>
    fetch(`${emulator.current.url}/api/v2/branding/templates/universal-login`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body }),
  );
}

describe('PUT/GET /api/v2/prompts/{prompt}/partials', () => {
  test('partials set for the signup screen are read back by screen and entry point', async () => {
    const partials = { signup: { 'form-content-end': '<div class="ulp-field"><input type="checkbox" name="ulp-terms" id="t"><label for="t">Terms</label></div>' } };
    assert.deepEqual(await json(await call('PUT', '/prompts/signup/partials', partials)), partials);
    assert.deepEqual(await json(await call('GET', '/prompts/signup/partials')), partials);
  });

  test("a PUT replaces the prompt's partials: an empty body removes them all", async () => {
    await json(await call('PUT', '/prompts/signup-id/partials', { 'signup-id': { 'form-content-start': '<p>a</p>', 'form-footer-end': '<p>b</p>' } }));
    await json(await call('PUT', '/prompts/signup-id/partials', {}));
    assert.deepEqual(await json(await call('GET', '/prompts/signup-id/partials')), {});
  });

  test('a prompt without partials reads as an empty object', async () => {
    assert.deepEqual(await json(await call('GET', '/prompts/signup-password/partials')), {});
  });

  test('every entry point Auth0 lists is accepted on signup-password', async () => {
    const screen = Object.fromEntries(
      ['form-content-start', 'form-content-end', 'form-footer-start', 'form-footer-end', 'secondary-actions-start', 'secondary-actions-end'].map((point) => [point, `<p>${point}</p>`]),
    );
    assert.deepEqual(await json(await call('PUT', '/prompts/signup-password/partials', { 'signup-password': screen })), { 'signup-password': screen });
  });

  test('login-passwordless takes partials for its two screens', async () => {
    const body = { 'login-passwordless-email-code': { 'form-content-start': '<p>e</p>' }, 'login-passwordless-sms-otp': { 'form-content-end': '<p>s</p>' } };
    assert.deepEqual(await json(await call('PUT', '/prompts/login-passwordless/partials', body)), body);
  });

  test('an unknown prompt answers 400 invalid_uri naming the prompts that take partials', async () => {
    await expectError(
      await call('PUT', '/prompts/mfa/partials', { mfa: {} }),
      400,
      /^Path validation error: 'No enum match for: "mfa"' on property prompt \(one of: login, .*signup-password/,
      'invalid_uri',
    );
  });

  test('a screen of another prompt answers 400 invalid_body and changes nothing', async () => {
    await json(await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-start': '<p>kept</p>' } }));
    await expectError(
      await call('PUT', '/prompts/signup/partials', { 'signup-id': { 'form-content-start': '<p>x</p>' } }),
      400,
      /Additional properties not allowed: signup-id' \(the screens of the signup prompt are: signup\)/,
      'invalid_body',
    );
    assert.deepEqual(await json(await call('GET', '/prompts/signup/partials')), { signup: { 'form-content-start': '<p>kept</p>' } });
  });

  test('an unknown entry point answers 400 naming the entry points', async () => {
    await expectError(
      await call('PUT', '/prompts/signup/partials', { signup: { 'form-middle': '<p>x</p>' } }),
      400,
      /Additional properties not allowed: form-middle' on property signup \(entry points: form-content-start, /,
      'invalid_body',
    );
  });

  test('the customized-consent screen takes only its form-content entry point', async () => {
    await json(await call('PUT', '/prompts/customized-consent/partials', { 'customized-consent': { 'form-content': '<p>ok</p>' } }));
    await expectError(await call('PUT', '/prompts/customized-consent/partials', { 'customized-consent': { 'form-content-end': '<p>x</p>' } }), 400, /form-content-end/, 'invalid_body');
  });

  test('a partial of exactly 10,000 characters is accepted', async () => {
    const html = `<p>${'a'.repeat(10_000 - 7)}</p>`;
    assert.equal(html.length, 10_000);
    await json(await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': html } }));
  });

  test('a partial of 10,001 characters answers 400 naming the limit and the entry point, and nothing changes', async () => {
    await json(await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p>kept</p>' } }));
    await expectError(
      await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': 'a'.repeat(10_001) } }),
      400,
      /^Payload validation error: 'String is too long \(10001 chars\), maximum 10000' on property signup\.form-content-end\.$/,
      'invalid_body',
    );
    assert.deepEqual(await json(await call('GET', '/prompts/signup/partials')), { signup: { 'form-content-end': '<p>kept</p>' } });
  });

  test('a partial that is not a string answers 400 with its type', async () => {
    await expectError(
      await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': 42 } }),
      400,
      /'Expected type string but found type number' on property signup\.form-content-end/,
      'invalid_body',
    );
  });

  test('a partial that is not valid Liquid answers 400 naming the entry point', async () => {
    await expectError(
      await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '{% if locale %}<p>x</p>' } }),
      400,
      /^Payload validation error: 'Invalid Liquid: .*' on property signup\.form-content-end\.$/,
      'invalid_body',
    );
  });

  test('a body that is not JSON answers 400 invalid_body', async () => {
    const token = await m2mToken(emulator.current, ALL_SCOPES);
    const response = await fetch(`${emulator.current.url}/api/v2/prompts/signup/partials`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"signup":',
    });
    await expectError(response, 400, /Invalid request payload JSON format/, 'invalid_body');
  });

  test("a token without update:prompts gets Auth0's 403 and the partials stay as they were", async () => {
    await json(await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p>before</p>' } }));
    await expectError(
      await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p>after</p>' } }, 'read:prompts'),
      403,
      /^Insufficient scope, expected any of: update:prompts$/,
      'insufficient_scope',
    );
    assert.deepEqual(await json(await call('GET', '/prompts/signup/partials')), { signup: { 'form-content-end': '<p>before</p>' } });
  });

  test('reading partials needs read:prompts', async () => {
    await expectError(await call('GET', '/prompts/signup/partials', undefined, 'update:prompts'), 403, /expected any of: read:prompts/, 'insufficient_scope');
  });

  test('a request without a token answers 401', async () => {
    const response = await fetch(`${emulator.current.url}/api/v2/prompts/signup/partials`);
    await expectError(response, 401, /^Missing authentication$/);
  });
});

describe('PUT/GET /api/v2/prompts/{prompt}/custom-text/{language}', () => {
  test('texts set per language are read back per language', async () => {
    await json(await call('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': 'I agree to the [terms](https://acme.example/terms)' } }));
    await json(await call('PUT', '/prompts/signup/custom-text/de', { signup: { 'var-terms': 'Ich stimme den [AGB](https://acme.example/agb) zu' } }));
    assert.deepEqual(await json(await call('GET', '/prompts/signup/custom-text/en')), { signup: { 'var-terms': 'I agree to the [terms](https://acme.example/terms)' } });
    assert.deepEqual(await json(await call('GET', '/prompts/signup/custom-text/de')), { signup: { 'var-terms': 'Ich stimme den [AGB](https://acme.example/agb) zu' } });
  });

  test("a PUT overwrites the language's existing texts of that prompt", async () => {
    await json(await call('PUT', '/prompts/signup-id/custom-text/fr', { 'signup-id': { 'var-a': 'a', 'var-b': 'b' } }));
    await json(await call('PUT', '/prompts/signup-id/custom-text/fr', { 'signup-id': { 'var-b': 'B' } }));
    assert.deepEqual(await json(await call('GET', '/prompts/signup-id/custom-text/fr')), { 'signup-id': { 'var-b': 'B' } });
  });

  test('a language Auth0 does not offer (Irish, ga) answers 400 invalid_uri naming the language', async () => {
    await expectError(await call('PUT', '/prompts/signup/custom-text/ga', { signup: { 'var-a': 'a' } }), 400, /'No enum match for: "ga"' on property language/, 'invalid_uri');
  });

  test('an unknown prompt answers 400 invalid_uri', async () => {
    await expectError(await call('GET', '/prompts/sign-up/custom-text/en'), 400, /on property prompt/, 'invalid_uri');
  });

  test('thirty custom text variables per screen and language are accepted', async () => {
    const texts = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`var-t${index}`, `text ${index}`]));
    await json(await call('PUT', '/prompts/signup/custom-text/en', { signup: { ...texts, title: 'Welcome' } }));
  });

  test('a thirty-first custom text variable answers 400 and changes nothing', async () => {
    const texts = Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`var-t${index}`, `text ${index}`]));
    await expectError(
      await call('PUT', '/prompts/signup/custom-text/en', { signup: texts }),
      400,
      /Too many custom text variables \(31\), maximum 30 per screen and language' on property signup/,
      'invalid_body',
    );
    assert.deepEqual(await json(await call('GET', '/prompts/signup/custom-text/en')), {});
  });

  test('a screen the prompt does not have answers 400', async () => {
    await expectError(await call('PUT', '/prompts/signup/custom-text/en', { login: { title: 'x' } }), 400, /Additional properties not allowed: login/, 'invalid_body');
  });

  test('a variable key with characters other than letters, digits, - and _ answers 400', async () => {
    await expectError(await call('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-a b': 'x' } }), 400, /Invalid key "var-a b"/, 'invalid_body');
  });

  test('a text that is not a string answers 400', async () => {
    await expectError(
      await call('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-a': ['x'] } }),
      400,
      /'Expected type string but found type array' on property signup\.var-a/,
      'invalid_body',
    );
  });

  test('a token without update:prompts gets 403 and the texts stay as they were', async () => {
    await expectError(await call('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-a': 'a' } }, 'read:prompts'), 403, /update:prompts/, 'insufficient_scope');
    assert.deepEqual(await json(await call('GET', '/prompts/signup/custom-text/en')), {});
  });
});

describe('GET/PATCH /api/v2/prompts', () => {
  test('identifier first is off by default and PATCH turns it on', async () => {
    assert.deepEqual(await json(await call('GET', '/prompts')), { universal_login_experience: 'new', identifier_first: false, webauthn_platform_first_factor: false });
    assert.equal((await json(await call('PATCH', '/prompts', { identifier_first: true }))).identifier_first, true);
    assert.equal((await json(await call('GET', '/prompts'))).identifier_first, true);
  });

  test('identifier_first that is not a boolean answers 400', async () => {
    await expectError(await call('PATCH', '/prompts', { identifier_first: 'yes' }), 400, /Expected type boolean but found type string' on property identifier_first/, 'invalid_body');
  });

  test('the classic experience is refused: the emulator renders the new one only', async () => {
    await expectError(await call('PATCH', '/prompts', { universal_login_experience: 'classic' }), 400, /must be "new"/, 'invalid_body');
  });
});

describe('GET/PUT/DELETE /api/v2/branding/templates/universal-login', () => {
  test('without a template GET answers 404 Template does not exist.', async () => {
    await expectError(await call('GET', '/branding/templates/universal-login'), 404, /^Template does not exist\.$/);
  });

  test('a template set as { template } is read back as { body }', async () => {
    const response = await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE });
    assert.equal(response.status, 201);
    assert.deepEqual(await json(await call('GET', '/branding/templates/universal-login')), { body: TEMPLATE });
  });

  test('a template sent as text/html is stored as sent', async () => {
    assert.equal((await templateRequest(TEMPLATE, 'text/html')).status, 201);
    assert.deepEqual(await json(await call('GET', '/branding/templates/universal-login')), { body: TEMPLATE });
  });

  test('a template sent as a JSON string is stored', async () => {
    assert.equal((await templateRequest(JSON.stringify(TEMPLATE), 'application/json')).status, 201);
    assert.deepEqual(await json(await call('GET', '/branding/templates/universal-login')), { body: TEMPLATE });
  });

  test("a template without auth0:widget answers 400 with Auth0's message", async () => {
    await expectError(
      await call('PUT', '/branding/templates/universal-login', { template: '<html><head>{%- auth0:head -%}</head><body></body></html>' }),
      400,
      /^The template must contain a single auth0:head tag and at least one auth0:widget tag\.$/,
    );
  });

  test('a template without auth0:head answers 400', async () => {
    await expectError(await call('PUT', '/branding/templates/universal-login', { template: '<html><body>{%- auth0:widget -%}</body></html>' }), 400, /single auth0:head tag/);
  });

  test('a template with two auth0:head tags answers 400', async () => {
    await expectError(await call('PUT', '/branding/templates/universal-login', { template: '{%- auth0:head -%}{% auth0:head %}{%- auth0:widget -%}' }), 400, /single auth0:head tag/);
  });

  test('a template that is not valid Liquid answers 400 naming the problem, and the stored one stays', async () => {
    await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE });
    await expectError(await call('PUT', '/branding/templates/universal-login', { template: '{%- auth0:head -%}{% if locale %}{%- auth0:widget -%}' }), 400, /^The template is not valid Liquid: /);
    assert.deepEqual(await json(await call('GET', '/branding/templates/universal-login')), { body: TEMPLATE });
  });

  test('a template may not include files', async () => {
    await expectError(await call('PUT', '/branding/templates/universal-login', { template: '{%- auth0:head -%}{% include "/etc/passwd" %}{%- auth0:widget -%}' }), 400, /include %\} is not available/);
  });

  test('a body with another field than template answers 400', async () => {
    await expectError(await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE, body: TEMPLATE }), 400, /Additional properties not allowed: body/, 'invalid_body');
  });

  test('DELETE answers 204 and the template is gone', async () => {
    await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE });
    assert.equal((await call('DELETE', '/branding/templates/universal-login')).status, 204);
    assert.equal((await call('GET', '/branding/templates/universal-login')).status, 404);
  });

  test('setting needs update:branding, deleting delete:branding, reading read:branding', async () => {
    await expectError(
      await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE }, 'read:branding delete:branding'),
      403,
      /expected any of: update:branding$/,
      'insufficient_scope',
    );
    await expectError(await call('DELETE', '/branding/templates/universal-login', undefined, 'read:branding update:branding'), 403, /expected any of: delete:branding$/, 'insufficient_scope');
    await expectError(await call('GET', '/branding/templates/universal-login', undefined, 'update:branding'), 403, /expected any of: read:branding$/, 'insufficient_scope');
  });
});

describe('what the Management API set is kept', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assent-emulator-ul-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('template, partials, custom texts and identifier first survive a restart with a data file', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, dataFile });
    const token = await m2mToken(first, ALL_SCOPES);
    assert.equal((await management(first, 'PUT', '/branding/templates/universal-login', token, { template: TEMPLATE })).status, 201);
    assert.equal((await management(first, 'PUT', '/prompts/signup/partials', token, { signup: { 'form-content-end': '<p>kept</p>' } })).status, 200);
    assert.equal((await management(first, 'PUT', '/prompts/signup/custom-text/de', token, { signup: { 'var-terms': 'AGB' } })).status, 200);
    assert.equal((await management(first, 'PATCH', '/prompts', token, { identifier_first: true })).status, 200);
    await first.stop();
    assert.match(await readFile(dataFile, 'utf8'), /"universal_login"/);

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const again = await m2mToken(second, ALL_SCOPES);
      assert.deepEqual(await (await management(second, 'GET', '/branding/templates/universal-login', again)).json(), { body: TEMPLATE });
      assert.deepEqual(await (await management(second, 'GET', '/prompts/signup/partials', again)).json(), { signup: { 'form-content-end': '<p>kept</p>' } });
      assert.deepEqual(await (await management(second, 'GET', '/prompts/signup/custom-text/de', again)).json(), { signup: { 'var-terms': 'AGB' } });
      assert.equal(((await (await management(second, 'GET', '/prompts', again)).json()) as { identifier_first: boolean }).identifier_first, true);
    } finally {
      await second.stop();
    }
  });

  test('a reset forgets the customisation', async () => {
    await json(await call('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p>x</p>' } }));
    await call('PUT', '/branding/templates/universal-login', { template: TEMPLATE });
    await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
    assert.deepEqual(await json(await call('GET', '/prompts/signup/partials')), {});
    assert.equal((await call('GET', '/branding/templates/universal-login')).status, 404);
  });
});
