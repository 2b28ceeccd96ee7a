/**
 * Deploying the consent Form (Forms for Actions) with @assent/universal-login through the official
 * `auth0` SDK against an HTTPS emulator: what a dry run reports, what a deployment stores, that a
 * second one changes nothing and a new policy version updates the same Form, that a token lacking
 * the Forms scopes fails with Auth0's 403 and changes nothing, and the CLI's deploy-form.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { parsePolicy } from '@assent/core';
import { DeployError, PartialLimitError, deployConsentForm, deployConsentForms, generateConsentForm, runCli } from '@assent/universal-login';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { DEFAULT_MACHINE_CLIENT, managementClient, managementClientWithScopes } from '../support/management.js';

const { clientId: M2M, clientSecret: M2M_SECRET } = DEFAULT_MACHINE_CLIENT;
const ELEMENT = { scriptUrl: 'https://cdn.acme.example/assent-terms.js', integrity: 'sha384-' + 'A'.repeat(64) };

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

async function storedForms(management = client()) {
  return (await management.forms.list()).data;
}

describe('deployConsentForm with the auth0 SDK', () => {
  test('a dry run reports the Form it would create as a diff and writes nothing', async () => {
    const result = await deployConsentForm({ management: client(), policy, element: ELEMENT, dryRun: true });
    assert.equal(result.applied, false);
    assert.equal(result.formId, null);
    assert.deepEqual(
      result.changes.map((change) => [change.kind, change.target, change.call]),
      [['form', 'assent-consent', 'POST /api/v2/forms']],
    );
    assert.match(result.changes[0]!.diff, /^\+ .*"consent_required"/m);
    assert.deepEqual(await storedForms(), []);
  });

  test('stores the generated Form and returns its id for the Action', async () => {
    const result = await deployConsentForm({ management: client(), policy, element: ELEMENT });
    assert.match(result.formId ?? '', /^ap_[A-Za-z0-9]{22}$/);
    const stored = await client().forms.get(result.formId!);
    const { body } = await generateConsentForm(policy, { element: ELEMENT });
    assert.deepEqual(
      { name: stored.name, nodes: stored.nodes, start: stored.start, ending: stored.ending, languages: stored.languages },
      JSON.parse(JSON.stringify({ name: body.name, nodes: body.nodes, start: body.start, ending: body.ending, languages: body.languages })),
    );
  });

  test('a second deployment changes nothing', async () => {
    const first = await deployConsentForm({ management: client(), policy, element: ELEMENT });
    const second = await deployConsentForm({ management: client(), policy, element: ELEMENT });
    assert.deepEqual(second.changes, []);
    assert.equal(second.formId, first.formId);
    assert.equal((await storedForms()).length, 1);
  });

  test('a new policy version updates the same Form with a PATCH, and the diff names the new version', async () => {
    const first = await deployConsentForm({ management: client(), policy, element: ELEMENT });
    const next = await deployConsentForm({ management: client(), policy: { ...policy, version: '2026-12-01' }, element: ELEMENT });
    assert.equal(next.formId, first.formId);
    assert.deepEqual(
      next.changes.map((change) => change.call),
      [`PATCH /api/v2/forms/${first.formId}`],
    );
    assert.match(next.changes[0]!.diff, /^- .*acme-signup@2026-11-01/m);
    assert.match(next.changes[0]!.diff, /^\+ .*acme-signup@2026-12-01/m);
    const stored = await client().forms.get(first.formId!);
    assert.deepEqual(stored.start?.hidden_fields?.[0], { key: 'consent_policy', value: 'acme-signup@2026-12-01' });
  });

  test("a token lacking create:forms fails with Auth0's 403 and creates nothing", async () => {
    const management = await clientWithScopes('read:forms');
    const error = await deployConsentForm({ management, policy }).then(
      () => assert.fail('deployed'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof DeployError, String(error));
    assert.equal(error.statusCode, 403);
    assert.match(error.message, /POST \/api\/v2\/forms: 403 Insufficient scope, expected any of: create:forms/);
    assert.deepEqual(await storedForms(), []);
  });

  test('the emulator refuses a component it cannot render with a 400 naming it', async () => {
    const error = await client()
      .forms.create({ name: 'other', nodes: [{ id: 'step', type: 'STEP', config: { components: [{ id: 'phone', category: 'FIELD', type: 'TEL', config: {} }] } }] } as never)
      .then(
        () => assert.fail('created'),
        (caught: unknown) => caught as { statusCode: number; body: { message: string; errorCode: string } },
      );
    assert.equal(error.statusCode, 400);
    assert.equal(error.body.errorCode, 'invalid_body');
    assert.match(error.body.message, /Component FIELD\/TEL is not supported by the emulator' on property nodes\[0\]\.config\.components\[0\]/);
  });
});

describe('deployConsentForms: one Form per language', () => {
  test('stores a Form per language, each with its texts, button and hidden locale, and returns their ids in the order given', async () => {
    const result = await deployConsentForms({ management: client(), policy, languages: ['en', 'de', 'fr'], element: ELEMENT });
    assert.deepEqual(Object.keys(result.formIds), ['en', 'de', 'fr']);
    const stored = await storedForms();
    assert.deepEqual(stored.map((form) => form.name).sort(), ['assent-consent-de', 'assent-consent-en', 'assent-consent-fr']);
    for (const language of ['en', 'de', 'fr']) {
      const form = (await client().forms.get(result.formIds[language]!)) as unknown as {
        name: string;
        start: { hidden_fields: { key: string; value: string }[] };
        nodes: { config: { components: { type: string; config: { text?: string } }[] } }[];
      };
      assert.equal(form.name, `assent-consent-${language}`);
      assert.deepEqual(
        form.start.hidden_fields.find((field) => field.key === 'consent_locale'),
        { key: 'consent_locale', value: language },
      );
      assert.deepEqual(form, { ...form, ...(await generateConsentForm(policy, { name: `assent-consent-${language}`, locale: language, element: ELEMENT })).body });
    }
    const button = (language: string) =>
      generateConsentForm(policy, { locale: language }).then(({ body }) => body.nodes[0]!.config.components.find((component) => component.type === 'NEXT_BUTTON')!.config.text);
    assert.deepEqual([await button('en'), await button('de'), await button('fr')], ['Continue', 'Weiter', 'Continuer']);
  });

  test('a second deployment changes nothing; a new policy version updates every Form', async () => {
    await deployConsentForms({ management: client(), policy, languages: ['en', 'de'] });
    const again = await deployConsentForms({ management: client(), policy, languages: ['en', 'de'] });
    assert.deepEqual(again.changes, []);
    const next = await deployConsentForms({ management: client(), policy: { ...policy, version: '2026-12-01' }, languages: ['en', 'de'] });
    assert.deepEqual(
      next.changes.map((change) => [change.target, change.call.replace(/ap_\w+/, 'ap_…')]),
      [
        ['assent-consent-en', 'PATCH /api/v2/forms/ap_…'],
        ['assent-consent-de', 'PATCH /api/v2/forms/ap_…'],
      ],
    );
    assert.equal((await storedForms()).length, 2);
  });

  test('an empty or repeated list, or a language Assent has no texts for, is refused before anything is written', async () => {
    for (const languages of [[], ['en', 'en'], ['en', 'xx'], ['pt-BR']]) {
      await assert.rejects(
        deployConsentForms({ management: client(), policy, languages }),
        (error: unknown) => error instanceof PartialLimitError && error.code === 'invalid_option' && /languages/.test(error.message),
        JSON.stringify(languages),
      );
    }
    assert.deepEqual(await storedForms(), []);
  });
});

describe('assent-universal-login deploy-form', () => {
  async function cli(args: string[]) {
    const dir = await mkdtemp(join(tmpdir(), 'assent-form-cli-'));
    try {
      await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
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

  test('--dry-run prints the diff; a deployment prints the Form id; a second one says the tenant is up to date', async () => {
    const dry = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would change \(dry run\)/);
    assert.deepEqual(await storedForms(), []);
    const done = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--script-url', ELEMENT.scriptUrl, '--integrity', ELEMENT.integrity]);
    assert.equal(done.status, 0, done.stderr);
    const [form] = await storedForms();
    assert.match(done.stdout, new RegExp(`Form id: ${form!.id} \\(the post-login Action's ASSENT_FORM_ID\\)`));
    const again = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--script-url', ELEMENT.scriptUrl, '--integrity', ELEMENT.integrity]);
    assert.match(again.stdout, /the tenant is up to date/);
  });

  test('--languages deploys one Form per language and prints their ids for ASSENT_FORM_IDS', async () => {
    const done = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--languages', 'en,de']);
    assert.equal(done.status, 0, done.stderr);
    const ids = Object.fromEntries((await storedForms()).map((form) => [form.name.replace('assent-consent-', ''), form.id]));
    assert.ok(done.stdout.includes(`Form ids: ${JSON.stringify({ en: ids.en, de: ids.de })} (the post-login Action's ASSENT_FORM_IDS)`), done.stdout);
    const both = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--languages', 'en,de', '--locale', 'de']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--locale \(one Form\) and --languages \(one Form per language\) exclude each other/);
  });

  test('--script-url without --integrity is a usage error', async () => {
    const result = await cli(['deploy-form', '--policy', '{dir}/policy.json', '--script-url', ELEMENT.scriptUrl]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--script-url and --integrity go together/);
  });
});
