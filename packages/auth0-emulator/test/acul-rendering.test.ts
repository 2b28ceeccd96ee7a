/**
 * Advanced rendering (ACUL): the Management API that switches a screen to the team's own page
 * (`GET/PATCH /api/v2/prompts/{prompt}/screen/{screen}/rendering`), the page the hosted signup
 * paths then serve (head tags + `window.universal_login_context`), and the posts the ACUL SDK sends
 * (a hidden url-encoded form with `state`, the fields, `ulp-` extras and its telemetry field).
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { PostLoginAction, PreUserRegistrationEvent } from '../src/index.js';
import { CALLBACK, PASSWORD, SPA, m2mToken, management, pkce, uniqueEmail, useEmulator } from './helpers.js';

let seen: PreUserRegistrationEvent | undefined;

const ACTIONS: PostLoginAction[] = [
  {
    name: 'consent',
    onExecutePreUserRegistration(event, api) {
      seen = structuredClone(event);
      if (event.request.body['ulp-terms'] !== 'accepted') {
        api.validation.error('terms_required', 'Please accept the terms.');
        return;
      }
      api.user.setAppMetadata('consent', { terms: true });
    },
  },
];

const emulator = useEmulator({ actions: ACTIONS, enableAdmin: true, tenant: { settings: { enabled_locales: ['en', 'de'] } } });

beforeEach(async () => {
  seen = undefined;
  await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
});

const SCRIPT = {
  tag: 'script',
  attributes: { src: 'https://cdn.acme.example/signup.js', type: 'module', integrity: ['sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC'], crossorigin: 'anonymous' },
};
const STYLES = { tag: 'link', attributes: { rel: 'stylesheet', href: 'https://cdn.acme.example/signup.css', integrity: ['sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='] } };
const ADVANCED = { rendering_mode: 'advanced', head_tags: [SCRIPT, STYLES], context_configuration: ['screen.texts', 'untrusted_data.submitted_form_data', 'tenant.enabled_locales'] };

async function call(method: string, pathname: string, body?: unknown, scope = 'read:prompts update:prompts update:branding'): Promise<Response> {
  return management(emulator.current, method, pathname, await m2mToken(emulator.current, scope), body);
}

async function json(response: Response, status = 200): Promise<Record<string, unknown>> {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${await response.clone().text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function expectInvalidBody(response: Response, message: RegExp): Promise<void> {
  const body = await json(response, 400);
  assert.equal(body.errorCode, 'invalid_body');
  assert.equal(body.statusCode, 400);
  assert.match(String(body.message), message);
}

describe('GET/PATCH /api/v2/prompts/{prompt}/screen/{screen}/rendering', () => {
  test('a screen never configured renders in standard mode', async () => {
    assert.deepEqual(await json(await call('GET', '/prompts/signup/screen/signup/rendering')), {
      tenant: emulator.current.tenant.name,
      prompt: 'signup',
      screen: 'signup',
      rendering_mode: 'standard',
      context_configuration: null,
      default_head_tags_disabled: false,
      use_page_template: false,
      head_tags: null,
      filters: null,
    });
  });

  test('advanced mode with a script, a stylesheet and context is stored and read back', async () => {
    const patched = await json(await call('PATCH', '/prompts/signup-id/screen/signup-id/rendering', ADVANCED));
    assert.equal(patched.rendering_mode, 'advanced');
    assert.deepEqual(patched.head_tags, ADVANCED.head_tags);
    const read = await json(await call('GET', '/prompts/signup-id/screen/signup-id/rendering'));
    assert.deepEqual(read.context_configuration, ADVANCED.context_configuration);
    assert.equal((await json(await call('GET', '/prompts/signup/screen/signup/rendering'))).rendering_mode, 'standard', 'other screens keep their mode');
  });

  test('a PATCH changes only the fields it sends: back to standard keeps the head tags', async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    const standard = await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', { rendering_mode: 'standard' }));
    assert.equal(standard.rendering_mode, 'standard');
    assert.deepEqual(standard.head_tags, ADVANCED.head_tags);
  });

  test('advanced mode without a script tag is refused', async () => {
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [STYLES] }), /at least one script tag/);
  });

  test('advanced mode without a context configuration is refused', async () => {
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { rendering_mode: 'advanced', head_tags: [SCRIPT] }), /context_configuration is required/);
  });

  test('a script without an integrity hash is refused, and nothing changes', async () => {
    const { integrity: _, ...unpinned } = SCRIPT.attributes;
    await expectInvalidBody(
      await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [{ tag: 'script', attributes: unpinned }] }),
      /integrity is required.*head_tags\[0\]/,
    );
    assert.equal((await json(await call('GET', '/prompts/signup/screen/signup/rendering'))).rendering_mode, 'standard');
  });

  test('an integrity that is not an array of SRI hashes is refused', async () => {
    await expectInvalidBody(
      await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [{ ...SCRIPT, attributes: { ...SCRIPT.attributes, integrity: 'sha384-abc' } }] }),
      /array of SRI hashes/,
    );
  });

  test('a javascript: or plain-http asset URL is refused', async () => {
    for (const src of ['javascript:alert(1)', 'http://cdn.acme.example/signup.js']) {
      await expectInvalidBody(
        await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [{ ...SCRIPT, attributes: { ...SCRIPT.attributes, src } }] }),
        /src must be an https URL/,
      );
    }
  });

  test('an event handler attribute, a body element and a closing tag in content are refused', async () => {
    await expectInvalidBody(
      await call('PATCH', '/prompts/signup/screen/signup/rendering', {
        ...ADVANCED,
        head_tags: [SCRIPT, { tag: 'link', attributes: { rel: 'icon', href: 'https://a.example/i.png', onload: 'x()' } }],
      }),
      /event handler/,
    );
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [SCRIPT, { tag: 'div' }] }), /not an element of the head/);
    await expectInvalidBody(
      await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, head_tags: [SCRIPT, { tag: 'style', content: '</style><script>x()</script>' }] }),
      /must not contain "<\/"/,
    );
  });

  test('a context value Auth0 does not offer is refused; metadata keys are accepted', async () => {
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, context_configuration: ['user.password'] }), /No enum match for: "user.password"/);
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, context_configuration: ['client.metadata.brand', 'untrusted_data.authorization_params.ext-campaign'] }));
  });

  test('an unknown property and filters are refused', async () => {
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, mode: 'x' }), /Additional properties not allowed: mode/);
    await expectInvalidBody(await call('PATCH', '/prompts/signup/screen/signup/rendering', { ...ADVANCED, filters: { match_type: 'includes_any', clients: [{ id: SPA }] } }), /filters must be null/);
  });

  test('a screen of another prompt answers 400 invalid_uri', async () => {
    const body = await json(await call('PATCH', '/prompts/signup/screen/signup-id/rendering', ADVANCED), 400);
    assert.equal(body.errorCode, 'invalid_uri');
  });

  test('reading needs read:prompts and changing needs update:prompts', async () => {
    assert.equal((await call('GET', '/prompts/signup/screen/signup/rendering', undefined, 'update:prompts')).status, 403);
    assert.equal((await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED, 'read:prompts')).status, 403);
  });
});

/** The hosted signup page a login with `screen_hint=signup` reaches, following the identifier-first redirect. */
async function openSignup(): Promise<{ url: string; state: string; html: string; status: number }> {
  const { challenge } = pkce();
  const query = new URLSearchParams({
    client_id: SPA,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid',
    state: 'app-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    screen_hint: 'signup',
    ui_locales: 'de',
  });
  let location = (await fetch(`${emulator.current.url}/authorize?${query}`, { redirect: 'manual' })).headers.get('location') ?? '';
  let page = await fetch(`${emulator.current.url}${location}`, { redirect: 'manual' });
  if (page.status === 302) {
    location = page.headers.get('location') ?? '';
    page = await fetch(`${emulator.current.url}${location}`);
  }
  return { url: `${emulator.current.url}${location}`, state: new URL(location, emulator.current.url).searchParams.get('state') ?? '', html: await page.text(), status: page.status };
}

/** The parts of the context these tests read. */
interface Context {
  client: { id: string };
  prompt: { name: string };
  screen: { name: string; texts?: Record<string, string>; data?: unknown; links: Record<string, string> };
  tenant: unknown;
  transaction: { state: string; locale: string; errors?: unknown; connection: { strategy: string; options: { signup_enabled: boolean } } };
  untrusted_data: { submitted_form_data: Record<string, string | undefined> };
}

/** The `window.universal_login_context` the page's one inline script sets (its value is JSON). */
function contextOf(html: string): Context {
  const json = /<script>window\.universal_login_context = ([\s\S]*?);<\/script>/.exec(html)?.[1];
  assert.ok(json, 'the page carries the context script');
  return JSON.parse(json) as Context;
}

/** What the SDK's FormHandler posts: a hidden url-encoded form with the fields, `state` and `acul-sdk`, to the page's own URL. */
function sdkPost(url: string, state: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, state, 'acul-sdk': '@auth0/auth0-acul-js@1.8.0' });
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
}

async function storedUser(email: string): Promise<Record<string, unknown> | undefined> {
  const users = (await (await fetch(`${emulator.current.url}/__emulator/users`)).json()) as Record<string, unknown>[];
  return users.find((entry) => entry.email === email);
}

describe('a signup screen in advanced rendering', () => {
  test('serves the head tags and the Universal Login context the ACUL SDK reads, not the standard widget', async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    const { html, state, status } = await openSignup();
    assert.equal(status, 200);
    assert.doesNotMatch(html, /ulp-widget|<form/);
    assert.match(html, /<html lang="de" dir="ltr">/);
    assert.match(html, /<script src="https:\/\/cdn\.acme\.example\/signup\.js" type="module" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/cdn\.acme\.example\/signup\.css" integrity="sha256-[^"]+">/);
    assert.ok(html.indexOf('universal_login_context') < html.indexOf('signup.js'), 'the context is set before the screen script runs');
    const context = contextOf(html);
    assert.equal(context.screen.name, 'signup');
    assert.equal(context.prompt.name, 'signup');
    assert.equal(context.transaction.state, state);
    assert.equal(context.transaction.locale, 'de');
    assert.equal(context.transaction.connection.strategy, 'auth0');
    assert.equal(context.transaction.connection.options.signup_enabled, true);
    assert.equal(context.client.id, SPA);
    assert.equal(typeof context.screen.texts?.title, 'string', 'screen.texts was configured');
    assert.deepEqual(context.tenant, { enabled_locales: ['en', 'de'] }, 'only the configured tenant values');
    assert.equal(context.transaction.errors, undefined);
  });

  test('the context cannot close its script element, whatever the user typed', async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    const { url, state } = await openSignup();
    const response = await sdkPost(url, state, { email: 'x</script><script>alert(1)</script>@example.com', password: PASSWORD });
    const html = await response.text();
    assert.equal((html.match(/<script>/g) ?? []).length, 1);
    assert.equal(contextOf(html).untrusted_data.submitted_form_data.email, 'x</script><script>alert(1)</script>@example.com');
  });

  test("the SDK's post runs the pre-user-registration Action with the ulp- fields in event.request.body and continues the login", async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    const { url, state } = await openSignup();
    const email = uniqueEmail('acul');
    const response = await sdkPost(url, state, { email, password: PASSWORD, 'ulp-terms': 'accepted' });
    assert.equal(response.status, 302);
    assert.ok(response.headers.get('location')?.startsWith(CALLBACK));
    assert.equal(seen?.request.body['ulp-terms'], 'accepted');
    assert.equal(seen?.request.body['acul-sdk'], '@auth0/auth0-acul-js@1.8.0');
    assert.equal(seen?.request.body.password, undefined, 'the password never reaches the Action');
    assert.deepEqual((await storedUser(email))?.app_metadata, { consent: { terms: true } });
  });

  test("a refusal answers the advanced page again with the Action's message in transaction.errors and the input in submitted_form_data", async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    const { url, state } = await openSignup();
    const email = uniqueEmail('acul-refused');
    const response = await sdkPost(url, state, { email, password: PASSWORD });
    assert.equal(response.status, 400);
    const context = contextOf(await response.text());
    assert.deepEqual(context.transaction.errors, [{ code: 'terms_required', message: 'Please accept the terms.' }]);
    assert.equal(context.untrusted_data.submitted_form_data.email, email);
    assert.equal(context.untrusted_data.submitted_form_data.password, undefined);
    assert.equal(await storedUser(email), undefined);
  });

  test("identifier first: signup-id and signup-password are served advanced, the email reaches signup-password's screen.data and both posts' ulp- fields reach the Action", async () => {
    await json(await call('PATCH', '/prompts', { identifier_first: true }));
    await json(await call('PATCH', '/prompts/signup-id/screen/signup-id/rendering', ADVANCED));
    await json(await call('PATCH', '/prompts/signup-password/screen/signup-password/rendering', ADVANCED));
    const first = await openSignup();
    assert.match(first.url, /\/u\/signup\/identifier\?state=/);
    assert.equal(contextOf(first.html).screen.name, 'signup-id');
    const email = uniqueEmail('acul-id');
    const next = await sdkPost(first.url, first.state, { email, 'ulp-terms': 'accepted', 'js-available': 'true' });
    assert.equal(next.status, 302);
    const passwordUrl = `${emulator.current.url}${next.headers.get('location') ?? ''}`;
    const second = contextOf(await (await fetch(passwordUrl)).text());
    assert.equal(second.screen.name, 'signup-password');
    assert.deepEqual(second.screen.data, { email });
    assert.match(second.screen.links.edit_identifier ?? '', /\/u\/signup\/identifier\?state=/);
    const done = await sdkPost(passwordUrl, first.state, { email, password: PASSWORD, 'ulp-extra': 'yes' });
    assert.equal(done.status, 302);
    assert.equal(seen?.request.body['ulp-terms'], 'accepted', "signup-id's field travels in the transaction");
    assert.equal(seen?.request.body['ulp-extra'], 'yes');
    assert.ok(await storedUser(email));
  });

  test('a screen switched back to standard serves the standard widget again', async () => {
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', ADVANCED));
    await json(await call('PATCH', '/prompts/signup/screen/signup/rendering', { rendering_mode: 'standard' }));
    assert.match((await openSignup()).html, /<main class="ulp-widget" data-prompt="signup">/);
  });
});
