// @assent/react's modules are Next.js client components: each built module must begin with the
// 'use client' directive (a bundler drops a directive that is not the first statement). Emitted
// here with TypeScript's own emitter and the package's build options, as `pnpm run build` does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const src = fileURLToPath(new URL('../../packages/react/src/', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(
  fileURLToPath(new URL('../../packages/react/tsconfig.build.json', import.meta.url)),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
);
assert.ok(config);

const components = readdirSync(src).filter((file) => file.endsWith('.ts') && file !== 'jsx.ts');

test('every component module of @assent/react is built with the use client directive first', () => {
  assert.deepEqual(components.sort(), ['assent-consent-status.ts', 'assent-reconsent.ts', 'assent-signup-form.ts', 'assent-terms.ts', 'assent-withdraw-button.ts', 'index.ts']);
  for (const file of components) {
    const { outputText } = ts.transpileModule(readFileSync(src + file, 'utf8'), { compilerOptions: config.options, fileName: file });
    assert.match(outputText, /^'use client';\n/, `${file} emits:\n${outputText.slice(0, 200)}`);
  }
});

test('the JSX types module of @assent/react emits no code (types only)', () => {
  const { outputText } = ts.transpileModule(readFileSync(src + 'jsx.ts', 'utf8'), { compilerOptions: config.options, fileName: 'jsx.ts' });
  assert.equal(
    outputText
      .replace(/\/\/# sourceMappingURL=.*\n?/, '')
      .replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')
      .trim(),
    'export {};',
  );
});
