import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { PostLoginAction, PreUserRegistrationEvent, RunningEmulator, TenantConfig } from '../src/index.js';
import { CALLBACK, PASSWORD, SPA, claims, m2mToken, management, pkce, postJson, redirectParams, uniqueEmail, useEmulator } from './helpers.js';

/** What the recording Action saw at the last signup. */
let seen: PreUserRegistrationEvent | undefined;

/**
 * A pre-user-registration Action as a team writes it for Universal Login: it reads the `ulp-`
 * fields, refuses a signup without the terms box (`api.validation.error`), denies one address and
 * stores the answers; a post-login Action shows the stored answer as an ID token claim.
 */
const ACTIONS: PostLoginAction[] = [
  {
    name: 'consent',
    onExecutePreUserRegistration(event, api) {
      seen = structuredClone(event);
      const body = event.request.body;
      if (event.user.email.startsWith('denied')) {
        api.access.deny('blocked address', 'Signups from this address are closed.');
        return;
      }
      if (event.user.email.startsWith('silent')) {
        api.access.deny('internal: listed in the fraud table');
        return;
      }
      if (body['ulp-terms'] !== 'accepted') {
        api.validation.error('terms_required', event.transaction.locale === 'de' ? 'Bitte stimmen Sie den AGB zu.' : 'Please accept the terms.');
        return;
      }
      api.user.setAppMetadata('consent', { terms: true, marketing: body['ulp-marketing'] === 'yes', locale: event.transaction.locale });
      if (typeof body['ulp-nickname'] === 'string') api.user.setUserMetadata('nickname', body['ulp-nickname']);
    },
    onExecutePostLogin(event, api) {
      api.idToken.setCustomClaim('https://assent.test/consent', event.user.app_metadata.consent ?? null);
    },
  },
];

const TERMS_PARTIAL =
  '<div class="ulp-field"><input type="checkbox" id="terms" name="ulp-terms" value="accepted"><label for="terms">{{ prompt.screen.texts.varTerms }}</label></div>' +
  '<div class="ulp-field"><input type="checkbox" id="marketing" name="ulp-marketing" value="yes"><label for="marketing">News</label></div>' +
  '<div class="ulp-field"><label for="nick">Nickname</label><input type="text" id="nick" name="ulp-nickname"></div>';

const TENANT: TenantConfig = {
  connections: [{ name: 'Username-Password-Authentication' }, { name: 'google-oauth2', strategy: 'google-oauth2', enabled_clients: ['assent-demo-m2m'] }],
  settings: { enabled_locales: ['en', 'de', 'fr'] },
};

const emulator = useEmulator({ tenant: TENANT, actions: ACTIONS, enableAdmin: true });

beforeEach(async () => {
  seen = undefined;
  await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
});

async function api(method: string, pathname: string, body?: unknown): Promise<void> {
  const token = await m2mToken(emulator.current, 'read:prompts update:prompts update:branding');
  const response = await management(emulator.current, method, pathname, token, body);
  assert.ok(response.status < 300, `${method} ${pathname}: ${response.status} ${await response.text()}`);
}

/** The hosted signup page a login with `screen_hint=signup` leads to: its URL, state and HTML. */
async function openSignup(params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<{ url: string; state: string; html: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const query = new URLSearchParams({
    client_id: SPA,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid',
    state: 'app-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    screen_hint: 'signup',
    ...params,
  });
  const authorize = await fetch(`${emulator.current.url}/authorize?${query}`, { redirect: 'manual', headers });
  assert.equal(authorize.status, 302);
  let location = authorize.headers.get('location') ?? '';
  let page = await fetch(`${emulator.current.url}${location}`, { redirect: 'manual', headers });
  if (page.status === 302) {
    location = page.headers.get('location') ?? '';
    page = await fetch(`${emulator.current.url}${location}`, { headers });
  }
  assert.equal(page.status, 200);
  const state = new URL(location, emulator.current.url).searchParams.get('state') ?? '';
  return { url: `${emulator.current.url}${location}`, state, html: await page.text(), verifier };
}

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
}

async function user(email: string): Promise<Record<string, unknown> | undefined> {
  const users = (await (await fetch(`${emulator.current.url}/__emulator/users`)).json()) as Record<string, unknown>[];
  return users.find((entry) => entry.email === email);
}

/** The text of the prompt's alert, or undefined. */
function alertText(html: string): string | undefined {
  return /<div id="prompt-alert"[^>]*role="alert">([^<]*)<\/div>/.exec(html)?.[1];
}

describe('reaching the hosted signup page', () => {
  test('screen_hint=signup leads to /u/signup with a form that posts email, password and state back to it', async () => {
    const { url, state, html } = await openSignup();
    assert.match(url, /\/u\/signup\?state=/);
    assert.match(html, new RegExp(`<form method="POST" action="/u/signup\\?state=${state}"`));
    assert.match(html, new RegExp(`<input type="hidden" name="state" value="${state}">`));
    assert.match(html, /<input id="email" name="email" type="email"/);
    assert.match(html, /<input id="password" name="password" type="password" autocomplete="new-password"/);
  });

  test('the login page links to the hosted signup of the same login, and the signup page back to the login page', async () => {
    const query = new URLSearchParams({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'code', state: 'x' });
    const login = await (await fetch(`${emulator.current.url}/authorize?${query}`)).text();
    const signupHref = /<a href="(\/u\/signup\?state=[^"]+)">Sign up<\/a>/.exec(login)?.[1];
    assert.ok(signupHref, 'the login page has a Sign up link');
    const signup = await (await fetch(`${emulator.current.url}${signupHref}`)).text();
    const loginHref = /<a href="(\/u\/login\?state=[^"]+)">Log in<\/a>/.exec(signup)?.[1];
    assert.ok(loginHref);
    const back = await fetch(`${emulator.current.url}${loginHref}`);
    assert.equal(back.status, 200);
    assert.match(await back.text(), /<form method="post" action="\/u\/login"/);
  });

  test('login_hint fills in the email', async () => {
    const { html } = await openSignup({ login_hint: 'ada@example.com' });
    assert.match(html, /<input id="email" name="email" type="email"[^>]* value="ada@example\.com">/);
  });

  test('an unknown or used state answers 400 with a page that says so', async () => {
    const response = await fetch(`${emulator.current.url}/u/signup?state=nope`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /This signup page has expired or was already used/);
  });
});

describe('rendering', () => {
  test("without a page template the page uses Auth0's minimal template: lang, dir and the auto layout", async () => {
    const { html } = await openSignup();
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<html lang="en" dir="ltr">/);
    assert.match(html, /<body class="_widget-auto-layout"><main class="ulp-widget" data-prompt="signup">/);
  });

  test("the tenant's page template wraps the widget, with auth0:head in its head", async () => {
    await api('PUT', '/branding/templates/universal-login', {
      template:
        '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}<meta name="x-template" content="acme"></head><body><header id="brand">Acme for {{ application.name }}</header>{%- auth0:widget -%}<footer>{{ tenant.friendly_name }}</footer></body></html>',
    });
    const { html } = await openSignup();
    assert.match(html, /<head><meta charset="utf-8">[\s\S]*<title>Sign up \| Assent demo \(single-page app\)<\/title>[\s\S]*<meta name="x-template" content="acme"><\/head>/);
    assert.match(html, /<header id="brand">Acme for Assent demo \(single-page app\)<\/header><main class="ulp-widget"[\s\S]*<\/main><footer>assent-dev<\/footer>/);
  });

  test('partials appear at their entry points: content inside the form around the fields, footers after it', async () => {
    await api('PUT', '/prompts/signup/partials', {
      signup: { 'form-content-start': '<p id="fcs">start</p>', 'form-content-end': '<p id="fce">end</p>', 'form-footer-start': '<p id="ffs">fs</p>', 'form-footer-end': '<p id="ffe">fe</p>' },
    });
    const { html } = await openSignup();
    const order = ['<form ', 'id="fcs"', 'id="email"', 'id="password"', 'id="fce"', '<button type="submit"', '</form>', 'id="ffs"', 'ulp-alternate-action', 'id="ffe"'].map((marker) =>
      html.indexOf(marker),
    );
    assert.ok(
      order.every((index) => index >= 0),
      `every marker is on the page: ${order.join(',')}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.match(html, /<div class="ulp-container ulp-container-form-content-end"><p id="fce">end<\/p><\/div>/);
  });

  test('secondary-actions partials render only when the application has a social connection', async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'secondary-actions-start': '<p id="sas">social</p>' } });
    const { html } = await openSignup();
    assert.equal(html.includes('id="sas"'), false, 'the SPA has no social connection in this tenant');
  });

  test("partials render Auth0's template variables: locale, prompt, screen, application, tenant, branding, state", async () => {
    await api('PUT', '/prompts/signup/partials', {
      signup: {
        'form-content-start':
          '<p id="vars">{{ locale }}|{{ dir }}|{{ prompt.name }}|{{ prompt.screen.name }}|{{ application.id }}|{{ application.name }}|{{ tenant.friendly_name }}|{{ branding.colors.primary }}|{{ state }}|{{ organization.id }}</p>',
      },
    });
    const { html, state } = await openSignup({ ui_locales: 'de' });
    assert.match(html, new RegExp(`<p id="vars">de\\|ltr\\|signup\\|signup\\|assent-demo-spa\\|Assent demo \\(single-page app\\)\\|assent-dev\\|#635dff\\|${state}\\|</p>`));
  });

  test('a partial that exceeds the render time limit gives a 500 page naming the screen, not a hung emulator', async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '{% for i in (1..100000000) %}{{ i }}{% endfor %}' } });
    const query = new URLSearchParams({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'code', screen_hint: 'signup' });
    const authorize = await fetch(`${emulator.current.url}/authorize?${query}`, { redirect: 'manual' });
    const page = await fetch(`${emulator.current.url}${authorize.headers.get('location')}`);
    assert.equal(page.status, 500);
    assert.match(await page.text(), /The page template or a partial of the signup screen failed to render: /);
  });

  test('Liquid logic in partials runs: a box only for German pages', async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '{% if locale == "de" %}<p id="de-only">nur deutsch</p>{% endif %}' } });
    assert.match((await openSignup({ ui_locales: 'de' })).html, /id="de-only"/);
    assert.equal((await openSignup({ ui_locales: 'en' })).html.includes('de-only'), false);
  });
});

describe('languages and custom texts', () => {
  beforeEach(async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p id="terms-text">{{ prompt.screen.texts.varTerms }}</p>' } });
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': 'I accept the [terms](https://acme.example/terms?a=1&b=2)' } });
    await api('PUT', '/prompts/signup/custom-text/de', { signup: { 'var-terms': 'Ich akzeptiere die [AGB](https://acme.example/agb)', buttonText: 'Konto anlegen' } });
  });

  test('ui_locales picks the language: the German page shows the German custom text and texts', async () => {
    const { html } = await openSignup({ ui_locales: 'de' });
    assert.match(html, /<html lang="de" dir="ltr">/);
    assert.match(html, /<p id="terms-text">Ich akzeptiere die <a href="https:\/\/acme\.example\/agb" target="_blank" rel="noopener noreferrer">AGB<\/a><\/p>/);
    assert.match(html, /<button type="submit" name="action" value="default">Konto anlegen<\/button>/);
    assert.match(html, /<label for="email">E-Mail-Adresse<\/label>/);
  });

  test('the English page shows the English text, its Markdown link as a link with an escaped URL', async () => {
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.match(html, /<p id="terms-text">I accept the <a href="https:\/\/acme\.example\/terms\?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">terms<\/a><\/p>/);
  });

  test("without ui_locales the browser's Accept-Language picks an enabled language", async () => {
    const { html } = await openSignup({}, { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' });
    assert.match(html, /<html lang="de"/);
  });

  test('a language the tenant does not enable renders in its default language', async () => {
    const { html } = await openSignup({ ui_locales: 'it' });
    assert.match(html, /<html lang="en"/);
  });

  test('a language without custom texts shows its page with the variable empty', async () => {
    const { html } = await openSignup({ ui_locales: 'fr' });
    assert.match(html, /<html lang="fr"/);
    assert.match(html, /<p id="terms-text"><\/p>/);
  });

  test('a custom text reaches Liquid as written, so a partial that escapes it shows HTML as text', async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p id="escaped">{{ prompt.screen.texts.varTerms | escape }}</p>' } });
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': "<script>alert(1)</script>l'accord & co" } });
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.match(html, /<p id="escaped">&lt;script&gt;alert\(1\)&lt;\/script&gt;l&#39;accord &amp; co<\/p>/);
    assert.equal(html.includes('<script>alert'), false);
  });

  test('escape_once shows a custom text with an apostrophe exactly once escaped', async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': '<p id="once">{{ prompt.screen.texts.varTerms | escape_once }}</p>' } });
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': "J'accepte & <b>" } });
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.match(html, /<p id="once">J&#39;accepte &amp; &lt;b&gt;<\/p>/);
  });

  test('Liquid in a custom text is shown as text and never runs', async () => {
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': '{{ state }} {% if true %}ran{% endif %} {{ 7 | plus: 1 }}' } });
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.match(html, /<p id="terms-text">\{\{ state \}\} \{% if true %\}ran\{% endif %\} \{\{ 7 \| plus: 1 \}\}<\/p>/);
  });

  test('a Markdown link to a javascript: URL stays text', async () => {
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': '[click](javascript:alert(1))' } });
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.match(html, /<p id="terms-text">\[click\]\(javascript:alert\(1\)\)<\/p>/);
  });

  test('a Markdown link URL cannot break out of its href', async () => {
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': '[terms](https://acme.example/"onmouseover="alert)' } });
    const { html } = await openSignup({ ui_locales: 'en' });
    assert.equal(html.includes('"onmouseover="'), false);
    assert.match(html, /href="https:\/\/acme\.example\/&quot;onmouseover=&quot;alert"/);
  });
});

describe('signing up on the hosted page', () => {
  beforeEach(async () => {
    await api('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': TERMS_PARTIAL } });
    await api('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': 'I accept the terms' } });
  });

  test('the pre-user-registration Action gets every posted field, ulp- fields included, never the password', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const email = uniqueEmail('ulp');
    await post(url, { state, email, password: PASSWORD, 'ulp-terms': 'accepted', 'ulp-marketing': 'yes', 'ulp-nickname': 'Ada', extra: 'x' });
    assert.ok(seen);
    assert.deepEqual(seen.request.body, { state, email, 'ulp-terms': 'accepted', 'ulp-marketing': 'yes', 'ulp-nickname': 'Ada', extra: 'x' });
    assert.equal(seen.request.method, 'POST');
    assert.equal(seen.transaction.locale, 'en');
    assert.equal(seen.client.client_id, SPA);
    assert.equal(seen.connection.name, 'Username-Password-Authentication');
    assert.equal(seen.user.email, email);
  });

  test('a signup the Action accepts creates the user with its metadata and redirects to the application with a code', async () => {
    const { url, state, verifier } = await openSignup({ ui_locales: 'en' });
    const email = uniqueEmail('ulp');
    const response = await post(url, { state, email, password: PASSWORD, 'ulp-terms': 'accepted', 'ulp-nickname': 'Ada' });
    assert.equal(response.status, 302);
    const params = redirectParams(response);
    assert.equal(params.get('state'), 'app-state');
    assert.ok(response.headers.get('location')?.startsWith(CALLBACK));
    const stored = await user(email);
    assert.deepEqual(stored?.app_metadata, { consent: { terms: true, marketing: false, locale: 'en' } });
    assert.deepEqual(stored?.user_metadata, { nickname: 'Ada' });

    const tokens = (await (
      await postJson(`${emulator.current.url}/oauth/token`, { grant_type: 'authorization_code', client_id: SPA, redirect_uri: CALLBACK, code: params.get('code'), code_verifier: verifier })
    ).json()) as { id_token: string };
    assert.deepEqual(claims(tokens.id_token)['https://assent.test/consent'], { terms: true, marketing: false, locale: 'en' }, 'the post-login Action ran after the signup');
  });

  test('api.validation.error shows its message in the prompt with status 400 and creates no user', async () => {
    const { url, state } = await openSignup({ ui_locales: 'de' });
    const email = uniqueEmail('ulp');
    const response = await post(url, { state, email, password: PASSWORD, 'ulp-marketing': 'yes' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.equal(alertText(html), 'Bitte stimmen Sie den AGB zu.');
    assert.equal(await user(email), undefined);
  });

  test('the page shown again keeps the email and the ulp- answers, never the password', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const email = uniqueEmail('ulp');
    const html = await (await post(url, { state, email, password: PASSWORD, 'ulp-marketing': 'yes', 'ulp-nickname': 'Ada' })).text();
    assert.match(html, new RegExp(`<input id="email" name="email" type="email"[^>]* value="${email.replace(/\./g, '\\.')}"`));
    assert.match(html, /<input id="password" name="password" type="password" autocomplete="new-password" required>/);
    assert.match(html, /<input type="checkbox" id="marketing" name="ulp-marketing" value="yes" checked="">/);
    assert.match(html, /<input type="checkbox" id="terms" name="ulp-terms" value="accepted">/);
    assert.match(html, /<input type="text" id="nick" name="ulp-nickname" value="Ada">/);
    assert.equal(html.includes(PASSWORD), false);
  });

  test('the same transaction can be posted again after a validation error and then succeeds', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const email = uniqueEmail('ulp');
    assert.equal((await post(url, { state, email, password: PASSWORD })).status, 400);
    assert.equal((await post(url, { state, email, password: PASSWORD, 'ulp-terms': 'accepted' })).status, 302);
    assert.ok(await user(email));
  });

  test('hostile input comes back escaped and is never evaluated as Liquid', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const html = await (await post(url, { state, email: '"><script>alert(1)</script>@x.example', password: PASSWORD, 'ulp-nickname': '"><script>alert(2)</script>{{ state }}{% raw %}' })).text();
    assert.equal(html.includes('<script>alert'), false);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;@x\.example"/);
    assert.match(html, /name="ulp-nickname" value="&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;\{\{ state \}\}\{% raw %\}"/);
  });

  test('api.access.deny shows its user message in the prompt and creates no user', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const email = uniqueEmail('denied');
    const response = await post(url, { state, email, password: PASSWORD, 'ulp-terms': 'accepted' });
    assert.equal(response.status, 400);
    assert.equal(alertText(await response.text()), 'Signups from this address are closed.');
    assert.equal(await user(email), undefined);
  });

  test("api.access.deny without a user message shows Auth0's generic text, never the internal reason", async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const html = await (await post(url, { state, email: uniqueEmail('silent'), password: PASSWORD, 'ulp-terms': 'accepted' })).text();
    assert.equal(alertText(html), 'Something went wrong, please try again later.');
    assert.equal(html.includes('fraud table'), false);
  });

  test("an email that is already taken shows Auth0's text in the prompt, tied to the email field", async () => {
    const email = uniqueEmail('taken');
    assert.equal((await postJson(`${emulator.current.url}/__emulator/users`, { email, password: PASSWORD })).status, 201);
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const html = await (await post(url, { state, email, password: PASSWORD, 'ulp-terms': 'accepted' })).text();
    assert.equal(alertText(html), 'The user already exists.');
    assert.match(html, /<input id="email"[^>]* aria-describedby="prompt-alert" aria-invalid="true">/);
  });

  test("a weak password shows Auth0's text and the Action does not run", async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const html = await (await post(url, { state, email: uniqueEmail('weak'), password: 'abc', 'ulp-terms': 'accepted' })).text();
    assert.equal(alertText(html), 'The password is too weak');
    assert.equal(seen, undefined);
  });

  test("an invalid email shows Auth0's text and the Action does not run", async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    const response = await post(url, { state, email: 'not-an-email', password: PASSWORD, 'ulp-terms': 'accepted' });
    assert.equal(response.status, 400);
    assert.equal(alertText(await response.text()), 'Email is not valid.');
    assert.equal(seen, undefined);
  });

  test('a used transaction cannot sign a second user up', async () => {
    const { url, state } = await openSignup({ ui_locales: 'en' });
    assert.equal((await post(url, { state, email: uniqueEmail('once'), password: PASSWORD, 'ulp-terms': 'accepted' })).status, 302);
    const again = await post(url, { state, email: uniqueEmail('twice'), password: PASSWORD, 'ulp-terms': 'accepted' });
    assert.equal(again.status, 400);
  });
});

describe('identifier first: signup-id, then signup-password', () => {
  beforeEach(async () => {
    await api('PATCH', '/prompts', { identifier_first: true });
    await api('PUT', '/prompts/signup-id/partials', {
      'signup-id': { 'form-content-end': '<div class="ulp-field"><input type="checkbox" id="terms" name="ulp-terms" value="accepted"><label for="terms">Terms</label></div>' },
    });
    await api('PUT', '/prompts/signup-password/partials', {
      'signup-password': { 'form-content-end': '<div class="ulp-field"><input type="checkbox" id="marketing" name="ulp-marketing" value="yes"><label for="marketing">News</label></div>' },
    });
  });

  test('screen_hint=signup shows signup-id: the email only, posting to /u/signup/identifier', async () => {
    const { url, html } = await openSignup();
    assert.match(url, /\/u\/signup\/identifier\?state=/);
    assert.match(html, /data-prompt="signup-id"/);
    assert.match(html, /<input id="email"/);
    assert.equal(html.includes('id="password"'), false);
  });

  test('the email leads to signup-password, which shows it with a link to edit it', async () => {
    const { url, state } = await openSignup();
    const email = uniqueEmail('idf');
    const next = await post(url, { state, email });
    assert.equal(next.status, 302);
    assert.equal(next.headers.get('location'), `/u/signup/password?state=${encodeURIComponent(state)}`);
    const html = await (await fetch(`${emulator.current.url}${next.headers.get('location')}`)).text();
    assert.match(html, /data-prompt="signup-password"/);
    assert.ok(html.includes(`<span>${email}</span>`));
    assert.match(html, /<a href="\/u\/signup\/identifier\?state=[^"]+" aria-label="Edit email address">Edit<\/a>/);
  });

  test('the Action sees the ulp- fields of both screens on the final post', async () => {
    const { url, state } = await openSignup();
    const email = uniqueEmail('idf');
    await post(url, { state, email, 'ulp-terms': 'accepted' });
    const final = await post(`${emulator.current.url}/u/signup/password?state=${state}`, { state, password: PASSWORD, 'ulp-marketing': 'yes' });
    assert.equal(final.status, 302);
    assert.deepEqual(seen?.request.body, { state, email, 'ulp-terms': 'accepted', 'ulp-marketing': 'yes' });
    assert.deepEqual((await user(email))?.app_metadata, { consent: { terms: true, marketing: true, locale: 'en' } });
  });

  test('editing the email shows signup-id again with what was typed there', async () => {
    const { url, state } = await openSignup();
    const email = uniqueEmail('idf');
    await post(url, { state, email, 'ulp-terms': 'accepted' });
    const html = await (await fetch(url)).text();
    assert.ok(html.includes(`value="${email}"`));
    assert.match(html, /<input type="checkbox" id="terms" name="ulp-terms" value="accepted" checked="">/);
  });

  test('a validation error on signup-password shows that screen again with the email', async () => {
    const { url, state } = await openSignup();
    const email = uniqueEmail('idf');
    await post(url, { state, email });
    const response = await post(`${emulator.current.url}/u/signup/password?state=${state}`, { state, password: PASSWORD, 'ulp-marketing': 'yes' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /data-prompt="signup-password"/);
    assert.equal(alertText(html), 'Please accept the terms.');
    assert.match(html, /name="ulp-marketing" value="yes" checked=""/);
  });

  test('signup-password before signup-id sends the user to signup-id', async () => {
    const { state } = await openSignup();
    const response = await fetch(`${emulator.current.url}/u/signup/password?state=${state}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), `/u/signup/identifier?state=${encodeURIComponent(state)}`);
  });

  test('turning identifier first off brings back the one signup screen', async () => {
    await api('PATCH', '/prompts', { identifier_first: false });
    const { url } = await openSignup();
    assert.match(url, /\/u\/signup\?state=/);
  });
});

describe('the emulator tenant file decides identifier first', () => {
  const idFirst = useEmulator({ tenant: { settings: { identifier_first: true } } });

  test('settings.identifier_first starts the tenant with signup-id', async () => {
    const query = new URLSearchParams({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'code', screen_hint: 'signup' });
    const authorize = await fetch(`${idFirst.current.url}/authorize?${query}`, { redirect: 'manual' });
    const signup = await fetch(`${idFirst.current.url}${authorize.headers.get('location')}`, { redirect: 'manual' });
    assert.equal(signup.status, 302);
    assert.match(signup.headers.get('location') ?? '', /^\/u\/signup\/identifier\?state=/);
  });
});

describe('social connections on the signup page', () => {
  const social = useEmulator({ tenant: { connections: [{ name: 'Username-Password-Authentication' }, { name: 'github', strategy: 'github' }] }, enableAdmin: true });

  async function page(target: RunningEmulator): Promise<string> {
    const token = await m2mToken(target, 'update:prompts');
    await management(target, 'PUT', '/prompts/signup/partials', token, { signup: { 'secondary-actions-start': '<p id="sas">or</p>' } });
    const query = new URLSearchParams({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'code', screen_hint: 'signup', state: 's' });
    const authorize = await fetch(`${target.url}/authorize?${query}`, { redirect: 'manual' });
    return (await fetch(`${target.url}${authorize.headers.get('location')}`)).text();
  }

  test('with a social connection the secondary-actions partials frame a link that starts that connection', async () => {
    const html = await page(social.current);
    assert.match(
      html,
      /<div class="ulp-container ulp-container-secondary-actions-start"><p id="sas">or<\/p><\/div>\n<ul class="ulp-social"><li><a href="\/authorize\?[^"]*connection=github[^"]*">github<\/a><\/li><\/ul>/,
    );
    assert.equal(html.includes('screen_hint'), false);
  });
});
