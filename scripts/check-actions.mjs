#!/usr/bin/env node
// The Auth0 Actions (packages/server/actions/*.js) are built from their TypeScript sources on
// @assent/core and committed: they are what users deploy, and what the demo tenant, the emulator
// tests and the docs load. This check rebuilds them and fails when a committed file is stale, when
// one requires anything but a Node built-in, or when one exceeds Auth0's 100 kB per Action.
//
//   node scripts/check-actions.mjs          check
//   node scripts/check-actions.mjs --write  rebuild the committed files
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_MAX_BYTES, buildActions } from '../packages/server/scripts/build-actions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'packages', 'server');
const write = process.argv.includes('--write');

let failed = false;
for (const action of await buildActions({ write })) {
  const path = `packages/server/${action.out}`;
  const problems = [];
  if (action.foreign.length) problems.push(`requires ${action.foreign.join(', ')}: an Action may require Node built-ins only`);
  if (action.bytes > ACTION_MAX_BYTES) problems.push(`is ${action.bytes} bytes, over Auth0's limit of ${ACTION_MAX_BYTES} bytes per Action`);
  const committed = join(pkg, action.out);
  if (!write && (!existsSync(committed) || readFileSync(committed, 'utf8') !== action.code)) problems.push('is stale. Run `node scripts/check-actions.mjs --write` and commit it');
  const summary = `${path}: ${(action.bytes / 1000).toFixed(1)} kB of ${ACTION_MAX_BYTES / 1000} kB, ${action.inputs.length} source files, requires ${action.requires.join(', ') || 'nothing'}`;
  if (problems.length) {
    failed = true;
    console.error(`${path} ${problems.join('; ')}`);
  }
  console.log(write ? `written ${summary}` : summary);
  if (process.argv.includes('--verbose')) for (const input of action.inputs) console.log(`  ${input}`);
}
process.exitCode = failed ? 1 : 0;
