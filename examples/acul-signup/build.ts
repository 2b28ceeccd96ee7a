/**
 * Builds the screens with Vite into one ES module and one stylesheet, and gives each its SRI hash
 * and the `head_tags` that load them (the body of
 * `PATCH /api/v2/prompts/{prompt}/screen/{screen}/rendering`).
 *
 *   node --import tsx build.ts [https://cdn.example/acul/]   writes dist/ and prints the head tags
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import type { ConsentPolicy } from '@assent/core';

/** One built file. */
export interface BuiltAsset {
  readonly fileName: string;
  readonly contentType: string;
  readonly code: string;
  /** `sha384-…`, for the head tag's `integrity`. */
  readonly integrity: string;
}

/** The screens' script and stylesheet. */
export interface AculSignupBuild {
  readonly script: BuiltAsset;
  readonly style: BuiltAsset;
}

const root = fileURLToPath(new URL('.', import.meta.url));

function asset(fileName: string, contentType: string, code: string): BuiltAsset {
  return { fileName, contentType, code, integrity: `sha384-${createHash('sha384').update(code).digest('base64')}` };
}

/** Options of {@link buildAculSignup}. */
export interface AculSignupBuildOptions {
  /** The policy the screens show, instead of `consent-policy.json` (the one the tenant's Action is deployed with). */
  readonly policy?: ConsentPolicy;
}

/** Puts `policy` where the screens import `consent-policy.json`. */
function policyFile(policy: ConsentPolicy): Plugin {
  return {
    name: 'assent-consent-policy',
    enforce: 'pre',
    load: (id) => (id.split('?')[0] === join(root, 'consent-policy.json') ? JSON.stringify(policy) : undefined),
  };
}

/** Bundles `src/main.ts` (the SDK, `<assent-terms>` with every language, the adapter) into `acul-signup.js` and `acul-signup.css`. */
export async function buildAculSignup({ policy }: AculSignupBuildOptions = {}): Promise<AculSignupBuild> {
  const result = await build({
    configFile: false,
    plugins: policy ? [policyFile(policy)] : [],
    root,
    logLevel: 'warn',
    // @assent/* from their sources in this checkout (an app installs the built packages instead).
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: join(root, 'src/main.ts'),
        // One file: a language module loaded later could not carry an SRI hash of its own.
        output: { entryFileNames: 'acul-signup.js', assetFileNames: 'acul-signup[extname]', codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = outputs.flatMap((output) => output.output);
  const script = files.find((file) => file.fileName === 'acul-signup.js');
  const style = files.find((file) => file.fileName === 'acul-signup.css');
  if (script?.type !== 'chunk' || style?.type !== 'asset') throw new Error(`the build gave ${files.map((file) => file.fileName).join(', ')}`);
  return { script: asset(script.fileName, 'text/javascript', script.code), style: asset(style.fileName, 'text/css', String(style.source)) };
}

/** The head tags that load the build from `baseUrl` (ending with `/`), with their SRI hashes. */
export function headTags(built: AculSignupBuild, baseUrl: string) {
  return [
    { tag: 'script', attributes: { src: new URL(built.script.fileName, baseUrl).href, type: 'module', integrity: [built.script.integrity], crossorigin: 'anonymous' } },
    { tag: 'link', attributes: { rel: 'stylesheet', href: new URL(built.style.fileName, baseUrl).href, integrity: [built.style.integrity], crossorigin: 'anonymous' } },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildAculSignup();
  await mkdir(join(root, 'dist'), { recursive: true });
  for (const file of [built.script, built.style]) await writeFile(join(root, 'dist', file.fileName), file.code);
  console.log(JSON.stringify({ head_tags: headTags(built, process.argv[2] ?? 'https://cdn.example/acul/') }, null, 2));
}
