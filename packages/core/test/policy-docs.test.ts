// docs/policy.md is the policy format's user documentation: its examples must stay true. Every
// ```json block is a valid policy for parsePolicy and the JSON Schema; the ```json invalid block is
// refused, and `assent-policy check` prints for it exactly the output the page shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { main } from '../src/cli/policy-check.js';
import { describeIssue, type PolicyIssueCode } from '../src/policy-checks.dev.js';
import { parsePolicy } from '../src/policy.js';

const page = readFileSync(new URL('../../../docs/policy.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/^( *)```([^\n]*)\n([\s\S]*?)^\1```$/gm)].map(([, indent, info, body]) => ({
  info: info!.trim(),
  body: body!.replace(new RegExp(`^${indent}`, 'gm'), ''),
}));
const schema = JSON.parse(readFileSync(new URL('../policy.schema.json', import.meta.url), 'utf8')) as { $id: string };
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('docs/policy.md', () => {
  const valid = blocks.filter((block) => block.info === 'json');
  const invalid = blocks.filter((block) => block.info === 'json invalid');

  test('has valid and invalid examples to check', () => {
    assert.ok(valid.length >= 3, `${valid.length} json blocks`);
    assert.equal(invalid.length, 1);
  });

  valid.forEach((block, i) => {
    test(`example ${i + 1} is a valid policy for parsePolicy and the schema`, () => {
      const json = JSON.parse(block.body) as unknown;
      parsePolicy(json);
      assert.ok(validate(json), JSON.stringify(validate.errors));
    });
  });

  test('the invalid example gets the CLI output the page shows', async () => {
    const shown = blocks.find((block) => block.info === 'text' && block.body.startsWith('consent-policy.json: invalid'));
    assert.ok(shown, 'no ```text block with the output of assent-policy check');
    let stdout = '';
    const status = await main(['check', 'consent-policy.json'], {
      readFile: async () => invalid[0]!.body,
      readStdin: async () => '',
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
    });
    assert.equal(status, 1);
    assert.equal(stdout, shown.body);
  });

  test("lists every issue code with the development build's sentence", () => {
    const section = page.slice(page.indexOf('## Every rule, with its code'), page.indexOf('\n## ', page.indexOf('## Every rule, with its code') + 1));
    const rows = [...section.matchAll(/^\| `(\w+)` \| (.+?) \| .+ \|$/gm)];
    assert.ok(rows.length >= 21, `${rows.length} rows`);
    for (const [, code, message] of rows) {
      // The sentence around its detail (a pattern, a limit, a list), which the table words freely.
      for (const part of describeIssue(code as PolicyIssueCode, '\0').split('\0')) assert.ok(message!.includes(part.trim()), `${code}: "${message}" lacks "${part}"`);
    }
  });

  test("names the schema's $id", () => {
    assert.ok(page.includes(schema.$id));
  });
});
