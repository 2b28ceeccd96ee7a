/**
 * Deploying consent on Universal Login with @assent/universal-login through the official `auth0`
 * SDK, against an HTTPS emulator whose tenant has the Assent pre-user-registration Action: what a
 * dry run reports, what a deployment stores, that a second one changes nothing, and that a token
 * lacking `update:prompts` fails with Auth0's 403 and changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { defaultTenantConfig, startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { parsePolicy } from '@assent/core';
import { DeployError, deployUniversalLogin, generatePartials, runCli, type DeployOptions } from '@assent/universal-login';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { DEFAULT_MACHINE_CLIENT, managementClient, managementClientWithScopes } from '../support/management.js';

const { clientId: M2M, clientSecret: M2M_SECRET } = DEFAULT_MACHINE_CLIENT;
const TEMPLATE = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>';
const ACTION = createRequire(import.meta.url).resolve('@assent/server/actions/pre-user-registration.js');

const policy = parsePolicy({
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
  ],
  withdrawal: { url: 'https://acme.example/account/privacy' },
});

let emulator: RunningEmulator;
let trust: TrustingFetch;

before(async () => {
  // As an earlier version of the deployment left it: the per-field secrets the Action no longer reads, beside a secret of the app's own.
  const stale = {
    ASSENT_POLICY: 'acme-signup@2026-01-01',
    ASSENT_REQUIRED_PURPOSES: 'terms',
    ASSENT_OPTIONAL_PURPOSES: 'marketing',
    ASSENT_REQUIRED_DOCUMENTS: 'terms@3.1,privacy@2.0',
    ASSENT_TEXT_DETAILS: 'https://acme.example/terms',
  };
  const tenant = { ...defaultTenantConfig(), actions: [{ module: ACTION, name: 'assent-pre-user-registration', secrets: { ...stale, ACME_AUDIT_URL: 'https://audit.acme.example/' } }] };
  emulator = await startEmulator({ port: 0, https: true, enableAdmin: true, tenant });
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

const deploy = (options: Partial<DeployOptions> = {}) => deployUniversalLogin({ management: client(), policy, languages: ['en', 'de'], template: TEMPLATE, ...options });

/** Everything the deployment touches, as stored. */
async function tenantState(management = client()) {
  const partials = await Promise.all(['signup', 'signup-id', 'signup-password'].map((prompt) => management.prompts.partials.get(prompt as never)));
  const texts = await Promise.all(['signup', 'signup-password'].flatMap((prompt) => ['en', 'de'].map((language) => management.prompts.customText.get(prompt as never, language as never))));
  const action = (await management.actions.list({ actionName: 'assent-pre-user-registration' })).data[0];
  let template: unknown = null;
  try {
    template = await management.branding.templates.getUniversalLogin();
  } catch {
    // none stored
  }
  return { partials, texts, secrets: (action?.secrets ?? []).map((secret) => secret.name).sort(), version: action?.deployed_version?.number, template };
}

describe('deployUniversalLogin', () => {
  test('a dry run reports every change as a diff and writes nothing', async () => {
    const before = await tenantState();
    const result = await deploy({ dryRun: true });
    assert.equal(result.applied, false);
    assert.deepEqual(
      result.changes.map((change) => `${change.kind} ${change.target}`),
      [
        'custom-text signup/en',
        'custom-text signup/de',
        'custom-text signup-id/en',
        'custom-text signup-id/de',
        'custom-text signup-password/en',
        'custom-text signup-password/de',
        'partials signup',
        'partials signup-id',
        'partials signup-password',
        'template universal-login',
        'action assent-pre-user-registration',
      ],
    );
    assert.match(result.changes[1]!.diff, /^\+ {5}"var-assent-required": "Ich akzeptiere ⟦0⟧die Nutzungsbedingungen⟦\/⟧ und ⟦1⟧die Datenschutzerklärung⟦\/⟧\.",?$/m);
    assert.deepEqual(await tenantState(), before);
  });

  test('stores the generated partials, custom texts, template and Action secrets, and deploys the Action', async () => {
    const versionBefore = (await tenantState()).version;
    await deploy();
    const content = await generatePartials(policy, { languages: ['en', 'de'] });
    const management = client();
    assert.deepEqual(await management.prompts.partials.get('signup'), content.partials.signup);
    assert.deepEqual(await management.prompts.customText.get('signup-password', 'de'), content.customTexts['signup-password'].de);
    const state = await tenantState();
    assert.ok(state.secrets.includes('ASSENT_POLICY_JSON'));
    assert.equal(state.version, (versionBefore ?? 0) + 1);
  });

  test('a second deployment changes nothing', async () => {
    await deploy();
    const stored = await tenantState();
    const again = await deploy();
    assert.deepEqual(again.changes, []);
    assert.deepEqual(await tenantState(), stored);
  });

  test('binds the Action to the pre-user-registration trigger when it is not bound; a second deployment changes nothing', async () => {
    const management = client();
    await management.actions.triggers.bindings.updateMany('pre-user-registration', { bindings: [] });
    const planned = await deploy({ dryRun: true });
    const binding = planned.changes.find((change) => change.kind === 'binding');
    assert.equal(binding?.call, 'PATCH /api/v2/actions/triggers/pre-user-registration/bindings');
    assert.match(binding.diff, /^\+ assent-pre-user-registration$/m);
    assert.equal((await management.actions.triggers.bindings.list('pre-user-registration')).data.length, 0, 'a dry run binds nothing');

    await deploy();
    const bound = (await management.actions.triggers.bindings.list('pre-user-registration')).data;
    assert.deepEqual(
      bound.map((entry) => entry.action?.name),
      ['assent-pre-user-registration'],
    );
    assert.deepEqual((await deploy()).changes, []);
  });

  test('removes the per-field secrets earlier versions wrote, keeps the app’s own, and a second deployment changes nothing', async () => {
    const result = await deploy();
    const action = result.changes.find((change) => change.kind === 'action')!;
    assert.match(action.diff, /^- secret ASSENT_REQUIRED_PURPOSES$/m);
    const { secrets } = await tenantState();
    assert.deepEqual(
      secrets.filter((name) => !name?.startsWith('ASSENT_DIGEST_')),
      ['ACME_AUDIT_URL', 'ASSENT_POLICY_JSON'],
    );
    assert.deepEqual((await deploy()).changes, []);
  });

  test('removes per-field secrets left beside an up-to-date digest (a deployment by the previous version)', async () => {
    await deploy();
    const management = client();
    const [action] = (await management.actions.list({ actionName: 'assent-pre-user-registration' })).data;
    const kept = (action!.secrets ?? []).filter((secret) => secret.name !== 'ASSENT_POLICY').map((secret) => ({ name: secret.name! }));
    await management.actions.update(action!.id!, { secrets: [...kept, { name: 'ASSENT_POLICY', value: 'acme-signup@2026-01-01' }] } as never);
    assert.ok((await tenantState()).secrets.includes('ASSENT_POLICY'));

    const again = await deploy();
    assert.deepEqual(
      again.changes.map((change) => change.kind),
      ['action'],
    );
    assert.ok(!(await tenantState()).secrets.includes('ASSENT_POLICY'));
    assert.deepEqual((await deploy()).changes, []);
  });

  test("keeps the tenant's other partials and texts on the signup screens", async () => {
    const management = client();
    await management.prompts.partials.set('signup', { signup: { 'form-content-start': '<p>Welcome</p>' } });
    await management.prompts.customText.set('signup', 'en', { signup: { title: 'Join Acme', 'var-other': 'kept' } });
    await deploy();
    const partials = (await management.prompts.partials.get('signup')) as Record<string, Record<string, string>>;
    assert.equal(partials.signup?.['form-content-start'], '<p>Welcome</p>');
    const texts = (await management.prompts.customText.get('signup', 'en')) as Record<string, Record<string, string>>;
    assert.equal(texts.signup?.title, 'Join Acme');
    assert.equal(texts.signup?.['var-other'], 'kept');
  });

  test("a token lacking update:prompts fails with Auth0's 403 and changes nothing", async () => {
    const before = await tenantState();
    const management = await clientWithScopes('read:prompts read:branding update:branding read:actions update:actions create:actions');
    await assert.rejects(deployUniversalLogin({ management, policy, languages: ['en', 'de'], template: TEMPLATE }), (error: unknown) => {
      assert.ok(error instanceof DeployError, String(error));
      assert.equal(error.code, 'management_api_error');
      assert.equal(error.statusCode, 403);
      assert.deepEqual(error.body, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: update:prompts', errorCode: 'insufficient_scope' });
      return true;
    });
    assert.deepEqual(await tenantState(), before);
  });

  test('without a template the tenant must have its own, with the tags Auth0 requires', async () => {
    await assert.rejects(deploy({ template: undefined }), (error: unknown) => error instanceof DeployError && error.code === 'no_page_template');
    await client().branding.templates.updateUniversalLogin({ template: '<html><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>' });
    const result = await deploy({ template: undefined });
    assert.ok(!result.changes.some((change) => change.kind === 'template'));
  });

  test('a template without auth0:widget is refused before anything is written', async () => {
    const before = await tenantState();
    await assert.rejects(deploy({ template: '<html><head>{%- auth0:head -%}</head></html>' }), (error: unknown) => error instanceof DeployError && error.code === 'template_missing_tags');
    assert.deepEqual(await tenantState(), before);
  });
});

describe('assent-universal-login deploy', () => {
  async function cli(args: string[]) {
    const dir = await mkdtemp(join(tmpdir(), 'assent-ulp-cli-'));
    try {
      await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
      await writeFile(join(dir, 'template.liquid'), TEMPLATE);
      let stdout = '';
      let stderr = '';
      const env = { AUTH0_DOMAIN: emulator.tenant.domain, AUTH0_CLIENT_ID: M2M, AUTH0_CLIENT_SECRET: M2M_SECRET };
      const status = await runCli(
        args.map((arg) => arg.replace('{dir}', dir)),
        { env, fetch: trust.fetch, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
      );
      return { status, stdout, stderr };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  test('--dry-run prints the diff and writes nothing; a deployment then a second one says the tenant is up to date', async () => {
    const before = await tenantState();
    const dry = await cli(['deploy', '--policy', '{dir}/policy.json', '--template', '{dir}/template.liquid', '--languages', 'en,de', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^acme-signup@2026-11-01: 11 resources would change \(dry run\)$/m);
    assert.match(dry.stdout, /^## partials signup: PUT \/api\/v2\/prompts\/signup\/partials$/m);
    assert.deepEqual(await tenantState(), before);
    assert.equal((await cli(['deploy', '--policy', '{dir}/policy.json', '--template', '{dir}/template.liquid', '--languages', 'en,de'])).status, 0);
    const again = await cli(['deploy', '--policy', '{dir}/policy.json', '--template', '{dir}/template.liquid', '--languages', 'en,de']);
    assert.equal(again.stdout, 'acme-signup@2026-11-01: the tenant is up to date; nothing to change.\n');
  });

  test('a refused deployment exits 1 with the reason; a usage error exits 2', async () => {
    const refused = await cli(['deploy', '--policy', '{dir}/policy.json', '--languages', 'en']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /no custom page template/);
    assert.equal((await cli(['deploy'])).status, 2);
  });
});
