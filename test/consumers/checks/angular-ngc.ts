// The Angular note's line `schemas: [CUSTOM_ELEMENTS_SCHEMA]` is needed: without it the Angular
// compiler refuses the same component (NG8001), so the compiled app proves the note's set-up.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../harness.js';
import type { ConsumerCheck } from './types.js';

const check: ConsumerCheck = {
  title: 'without CUSTOM_ELEMENTS_SCHEMA the same component does not compile (NG8001)',
  async run(app) {
    const component = readFileSync(join(app.dir, 'src', 'signup.component.ts'), 'utf8');
    const without = component.replace('schemas: [CUSTOM_ELEMENTS_SCHEMA],', '').replace('CUSTOM_ELEMENTS_SCHEMA, ', '').replace(', CUSTOM_ELEMENTS_SCHEMA', '');
    assert.notEqual(without, component, 'the component declares CUSTOM_ELEMENTS_SCHEMA');
    const folder = join(app.dir, 'without-schema');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'signup.component.ts'), without);
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '.' }, include: ['.'] }));
    const result = run(app.dir, 'npx', ['--no-install', 'ngc', '-p', join(folder, 'tsconfig.json')]);
    assert.notEqual(result.status, 0, 'compiled without the schema');
    // The compiler colours its output.
    assert.match((result.stdout + result.stderr).replace(/\x1B\[[0-9;]*m/g, ''), /NG8001: 'assent-terms' is not a known element/);
  },
};
export default check;
