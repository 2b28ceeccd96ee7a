/**
 * `api.prompt.render` (Forms for Actions) in the emulator's Actions runtime: the login is suspended
 * on the Form's page, /continue gives the Action `event.prompt.fields`, and Auth0's rules hold: one
 * Form per Action, no redirect and Form in one Action, no Form where no page can be shown.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PostLoginAction, PostLoginEvent } from '../src/index.js';
import { CALLBACK, SPA, authorizeWithPassword, createUser, m2mToken, pkce, postJson, redirectParams, useEmulator } from './helpers.js';

const FORM = {
  name: 'ask',
  start: { hidden_fields: [{ key: 'topic', value: 'consent' }], next_node: 'step' },
  nodes: [
    {
      id: 'step',
      type: 'STEP',
      config: {
        components: [
          { id: 'intro', category: 'BLOCK', type: 'RICH_TEXT', config: { content: '<p>Hello {{vars.name}}</p>' } },
          { id: 'agree', category: 'FIELD', type: 'LEGAL', required: true, config: { text: 'I agree' } },
          { id: 'news', category: 'FIELD', type: 'BOOLEAN', label: 'News', config: {} },
          {
            id: 'extra',
            category: 'FIELD',
            type: 'CUSTOM',
            config: { code: 'function f(context) { return { init() { return null; }, getValue() { return context.custom.getParams(); } }; }', schema: {}, params: { who: '{{vars.name}}' } },
          },
          { id: 'go', category: 'BLOCK', type: 'NEXT_BUTTON', config: { text: 'Continue' } },
        ],
        next_node: '$ending',
      },
    },
  ],
  ending: { resume_flow: true },
};

const answers: PostLoginEvent['prompt'][] = [];
const state = { formId: '', mode: 'render' as 'render' | 'twice' | 'mixed' | 'missing' };

const askWithForm: PostLoginAction = {
  name: 'ask-with-form',
  onExecutePostLogin(_event, api) {
    if (state.mode === 'mixed') api.redirect.sendUserTo('http://localhost:5173/elsewhere');
    api.prompt.render(state.mode === 'missing' ? 'ap_doesnotexist0000000000' : state.formId, { vars: { name: 'Ada <b>' } });
    if (state.mode === 'twice') api.prompt.render(state.formId);
  },
  onContinuePostLogin(event) {
    answers.push(event.prompt);
  },
};

const emulator = useEmulator({ actions: [askWithForm] });

async function createForm(): Promise<string> {
  const token = await m2mToken(emulator.current);
  const response = await postJson(`${emulator.current.url}/api/v2/forms`, FORM, { authorization: `Bearer ${token}` });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

async function login(params: Record<string, string> = {}): Promise<Response> {
  const { email } = await createUser(emulator.current);
  const { challenge } = pkce();
  return authorizeWithPassword(
    emulator.current,
    { client_id: SPA, response_type: 'code', redirect_uri: CALLBACK, scope: 'openid', state: 'app', code_challenge: challenge, code_challenge_method: 'S256', ...params },
    { email },
  );
}

describe('api.prompt.render', () => {
  test("suspends the login on the Form page, with the vars escaped and the custom field in the nonce'd script", async () => {
    state.formId = await createForm();
    state.mode = 'render';
    const response = await login();
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location')!, emulator.current.url);
    assert.equal(location.pathname, `/u/forms/${state.formId}`);
    const page = await fetch(location);
    const html = await page.text();
    assert.match(html, /<p>Hello Ada &lt;b&gt;<\/p>/);
    assert.match(html, /<input type="checkbox" id="f-agree" name="agree" value="true" required>/);
    const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    assert.ok(nonce);
    assert.ok(html.includes(`<script nonce="${nonce}">`));
    assert.match(html, /"who":"Ada <b>"|"who":"Ada \\u003cb>"/);
  });

  test('/continue gives the Action the fields: booleans, the custom value as JSON, hidden fields from the Form', async () => {
    state.formId = await createForm();
    state.mode = 'render';
    const location = new URL((await login()).headers.get('location')!, emulator.current.url);
    answers.length = 0;
    const done = await fetch(`${emulator.current.url}/continue`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: location.searchParams.get('state')!, agree: 'true', extra: '{"who":"Ada"}', topic: 'forged' }).toString(),
    });
    assert.ok(redirectParams(done).get('code'));
    assert.deepEqual(answers, [{ id: state.formId, fields: { topic: 'consent', agree: true, news: false, extra: { who: 'Ada' } }, vars: { name: 'Ada <b>' } }]);
  });

  test('a post without a field the Form requires shows the Form again and keeps the login waiting', async () => {
    state.formId = await createForm();
    state.mode = 'render';
    const location = new URL((await login()).headers.get('location')!, emulator.current.url);
    const post = (fields: Record<string, string>) =>
      fetch(`${emulator.current.url}/continue`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state: location.searchParams.get('state')!, ...fields }).toString(),
      });
    const missing = await post({ news: 'true' });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /role="alert">agree is required\./);
    assert.ok(redirectParams(await post({ agree: 'true' })).get('code'));
  });

  test('an Action renders one Form: a second render fails the login', async () => {
    state.formId = await createForm();
    state.mode = 'twice';
    const params = redirectParams(await login());
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /an Action renders one Form/);
  });

  test('a redirect and a Form cannot be mixed in one Action', async () => {
    state.formId = await createForm();
    state.mode = 'mixed';
    const params = redirectParams(await login());
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /a redirect and a Form cannot be mixed/);
  });

  test('a Form that does not exist fails the login', async () => {
    state.mode = 'missing';
    assert.match(redirectParams(await login()).get('error_description') ?? '', /does not exist/);
  });
});
