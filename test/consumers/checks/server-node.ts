// The built Node app: the handler answers (a request without a token is refused with its typed
// error), the report CLI from the packed package writes its report from the emulator's tenant, and
// the README programs compiled into the app run against the emulator: the handler mounted in a
// node:http app beside the app's own route, Action secrets deployed and run by the next login, and
// consent deployed on Universal Login.
import assert from 'node:assert/strict';
import { run, succeed } from '../harness.js';
import type { ConsumerCheck } from './types.js';

const lastLine = (output: string): unknown => JSON.parse(output.trim().split('\n').at(-1) ?? '{}');

const check: ConsumerCheck = {
  title:
    'mounts the consent handler (401 without a token), writes the consent report, and runs the README programs (mounting, Action secrets, Universal Login) against the emulator started from its package',
  async run(app) {
    const seen = lastLine(succeed(run(app.dir, 'node', ['dist/main.js']), 'node dist/main.js')) as { status?: number; error?: string; reportHeader?: string };
    assert.equal(seen.status, 401);
    assert.equal(seen.error, 'invalid_token');
    assert.equal(seen.reportHeader, 'user_id,email,status,policy_version,purposes,date,source');
    const help = succeed(run(app.dir, 'npx', ['--no-install', 'assent-consent-report', '--help']), 'assent-consent-report --help');
    assert.match(help, /^Usage: assent-consent-report/);

    const examples = lastLine(succeed(run(app.dir, 'node', ['dist/examples.js']), 'node dist/examples.js')) as {
      mount: { consentStatus: number; consentError: string; appStatus: number; appText: string };
      actions: { printed: string; loginPolicy: string };
      universalLogin: { printedLines: number; signupPartials: string[] };
    };
    assert.deepEqual(examples.mount, { consentStatus: 401, consentError: 'invalid_token', appStatus: 200, appText: 'Acme: /' });
    assert.equal(examples.actions.printed, 'deployed version 2 of assent-consent');
    assert.equal(examples.actions.loginPolicy, 'acme-signup@2027-01-15', 'the login after the deploy runs the new secrets');
    assert.ok(examples.universalLogin.printedLines >= 2, 'the dry run and the deployment print their changes');
    assert.ok(examples.universalLogin.signupPartials.includes('form-content-end'), `signup partials: ${examples.universalLogin.signupPartials.join(', ')}`);
  },
};
export default check;
