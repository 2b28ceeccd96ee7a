/**
 * The built Actions (packages/server/actions/*.js) as Auth0 runs them: one CommonJS file each, in a
 * context of its own that has Node 18's globals but no global `crypto` (Node 18 has none) and
 * `require` for Node built-ins only. The hashing and event ids they compute there are core's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { test } from 'node:test';
import vm from 'node:vm';
import { createDecision, en, encodeSignupFields, signupEventId } from '@assent/core';
import { POLICY, POST_LOGIN_ACTION, PRE_REGISTRATION_ACTION, actionSecrets } from './server-fixture.js';

type Handler = (event: unknown, api: unknown) => Promise<void>;

/** Evaluates a built Action in a fresh context; returns its exports and the modules it required. */
function loadAction(path: string): { exports: Record<string, Handler>; required: string[] } {
  const required: string[] = [];
  const nodeRequire = createRequire(path);
  const module = { exports: {} as Record<string, Handler> };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require(name: string) {
      required.push(name);
      if (!isBuiltin(name)) throw new Error(`an Action can only require Node built-ins, not ${name}`);
      return nodeRequire(name);
    },
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    URL,
    console,
    setTimeout,
  });
  vm.runInContext(readFileSync(path, 'utf8'), context, { filename: path });
  assert.equal(vm.runInContext('typeof crypto', context), 'undefined', 'the context has no global crypto, as Node 18');
  return { exports: module.exports, required };
}

const SECRETS = actionSecrets('https://app.acme.example/consent/page');

test('the pre-user-registration file exports its handler and lets a signup with valid consent fields through without a global crypto', async () => {
  const { exports, required } = loadAction(PRE_REGISTRATION_ACTION);
  assert.deepEqual(Object.keys(exports), ['onExecutePreUserRegistration']);
  const fields = encodeSignupFields(await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en }));
  const denied: string[] = [];
  await exports.onExecutePreUserRegistration!({ user: { user_metadata: fields, app_metadata: {} }, secrets: SECRETS }, { access: { deny: (reason: string) => denied.push(reason) } });
  assert.deepEqual(denied, []);
  assert.ok(
    required.every((name) => isBuiltin(name)),
    required.join(),
  );
});

test('the post-login file records a signup under the event id core derives, hashing without a global crypto', async () => {
  const { exports } = loadAction(POST_LOGIN_ACTION);
  assert.deepEqual(Object.keys(exports).sort(), ['onContinuePostLogin', 'onExecutePostLogin']);
  const fields = encodeSignupFields(await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en }));
  const written: Record<string, { history: { id: string }[] }> = {};
  const api = {
    access: { deny: (reason: string) => assert.fail(reason) },
    user: { setAppMetadata: (name: string, value: { history: { id: string }[] }) => (written[name] = value) },
    redirect: { sendUserTo: () => assert.fail('no redirect expected') },
    idToken: { setCustomClaim: (name: string, value: unknown) => (claims[`id ${name}`] = value) },
    accessToken: { setCustomClaim: (name: string, value: unknown) => (claims[`access ${name}`] = value) },
  };
  const claims: Record<string, unknown> = {};
  await exports.onExecutePostLogin!({ user: { user_id: 'auth0|1', user_metadata: fields, app_metadata: {} }, secrets: SECRETS, transaction: { protocol: 'oidc-basic-profile' } }, api);
  assert.equal(written.consent?.history[0]?.id, await signupEventId(fields));
  const claim = { policy: 'acme-signup@2026-11-01', purposes: ['terms'], at: (written.consent as unknown as { date: string }).date };
  // The Action runs in its own realm: compare plain data.
  assert.deepEqual(JSON.parse(JSON.stringify(claims)), { 'id https://assent.dev/consent': claim, 'access https://assent.dev/consent': claim });
});
