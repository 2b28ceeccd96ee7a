// The built Node app: the handler answers (a request without a token is refused with its typed
// error), and the report CLI from the packed package writes its report from the emulator's tenant.
import assert from 'node:assert/strict';
import { run, succeed } from '../harness.js';
import type { ConsumerCheck } from './types.js';

const check: ConsumerCheck = {
  title: 'mounts the consent handler (401 without a token) and writes the consent report from the emulator started from its package',
  async run(app) {
    const lines = succeed(run(app.dir, 'node', ['dist/main.js']), 'node dist/main.js').trim().split('\n');
    const seen = JSON.parse(lines.at(-1) ?? '{}') as { status?: number; error?: string; reportHeader?: string };
    assert.equal(seen.status, 401);
    assert.equal(seen.error, 'invalid_token');
    assert.equal(seen.reportHeader, 'user_id,email,status,policy_version,purposes,date,source');
    const help = succeed(run(app.dir, 'npx', ['--no-install', 'assent-consent-report', '--help']), 'assent-consent-report --help');
    assert.match(help, /^Usage: assent-consent-report/);
  },
};
export default check;
