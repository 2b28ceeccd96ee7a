/**
 * Runs the built pre-user-registration Action (@assent/server/actions/pre-user-registration.js) as
 * Auth0 runs it: one CommonJS file in a context of its own without a global `crypto`, with the
 * secrets `universalLoginActionSecrets` gives for the test policy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import vm from 'node:vm';
import { parsePolicy } from '@assent/core';
import { universalLoginActionSecrets } from '../src/index.js';

type Handler = (event: unknown, api: unknown) => Promise<void>;
const actionPath = createRequire(import.meta.url).resolve('@assent/server/actions/pre-user-registration.js');

function loadAction(): Handler {
  const module = { exports: {} as Record<string, Handler> };
  const nodeRequire = createRequire(actionPath);
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (name: string) => (isBuiltin(name) ? nodeRequire(name) : assert.fail(`requires ${name}`)),
    TextEncoder,
    TextDecoder,
    URL,
    Intl,
    console,
  });
  vm.runInContext(readFileSync(actionPath, 'utf8'), context, { filename: actionPath });
  return module.exports.onExecutePreUserRegistration as Handler;
}

export const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
});
export const secrets = universalLoginActionSecrets(policy);
const handler = loadAction();

/** Runs the Action for a Universal Login signup posting `body`; returns what it did. */
export async function signUp(body: Record<string, string>) {
  const calls: { validation?: [string, string]; denied?: string; app: Record<string, unknown>; user: Record<string, unknown> } = { app: {}, user: {} };
  await handler(
    { user: { email: 'ada@example.com', user_metadata: {}, app_metadata: {} }, request: { body: { email: 'ada@example.com', ...body } }, secrets },
    {
      access: { deny: (reason: string) => (calls.denied = reason) },
      validation: { error: (code: string, message: string) => (calls.validation = [code, message]) },
      user: { setAppMetadata: (name: string, value: unknown) => (calls.app[name] = value), setUserMetadata: (name: string, value: unknown) => (calls.user[name] = value) },
    },
  );
  return calls;
}
