/**
 * docs/frameworks.md stays true for Angular: its code block after a `<!-- file: … -->` marker is
 * written out and compiled by the Angular compiler (ngc, strict templates), which refuses it
 * without CUSTOM_ELEMENTS_SCHEMA. (The Vue note's blocks are the sources of the `vue-vite`
 * consumer app of the `packages` stage: installed from the packed packages, type-checked with
 * vue-tsc, built with Vite and run in Chromium.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(join(root, 'docs/frameworks.md'), 'utf8');
const files = new Map([...page.matchAll(/^<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)^```$/gm)].map(([, path, body]) => [path!, body!]));
// Inside test/ so that the component resolves @angular/* and @assent/* from test/node_modules.
const work = join(root, 'test', '.cache', `frameworks-${process.pid}`);
after(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
}

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const tsconfigBase = join(root, 'tsconfig.base.json');

test('docs/frameworks.md has the Angular source', () => {
  assert.deepEqual([...files.keys()], ['angular/signup.component.ts']);
});

describe('the Angular note', () => {
  const component = files.get('angular/signup.component.ts')!;
  // The Angular compiler (ngc) with strict template checking, as `ng build` runs it.
  const angularConfig = JSON.stringify({
    extends: tsconfigBase,
    compilerOptions: { outDir: 'out', noEmit: false, declaration: false, sourceMap: false, types: [], experimentalDecorators: true },
    files: ['signup.component.ts'],
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
  });
  const ngc = (folder: string) => run(join(root, 'test/node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js'), ['-p', join(work, folder, 'tsconfig.json')]);

  test('compiles with the Angular compiler and strict template checking', () => {
    write('angular/signup.component.ts', component);
    write('angular/tsconfig.json', angularConfig);
    const result = ngc('angular');
    assert.equal(result.status, 0, result.output);
  });

  test('without CUSTOM_ELEMENTS_SCHEMA the same component fails to compile (the note\'s line is needed)', () => {
    const without = component.replace('schemas: [CUSTOM_ELEMENTS_SCHEMA],', '').replace('CUSTOM_ELEMENTS_SCHEMA, ', '').replace(', CUSTOM_ELEMENTS_SCHEMA', '');
    assert.notEqual(without, component);
    write('angular-without-schema/signup.component.ts', without);
    write('angular-without-schema/tsconfig.json', angularConfig);
    const result = ngc('angular-without-schema');
    assert.notEqual(result.status, 0);
    // The compiler colours its output.
    assert.match(result.output.replace(/\x1B\[[0-9;]*m/g, ''), /NG8001: 'assent-terms' is not a known element/);
  });
});
