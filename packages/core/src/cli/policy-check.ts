/// <reference types="node" />
/**
 * `assent-policy check`: validates consent policy files with every rule of `parsePolicy` and the
 * development build's sentences (whatever conditions Node runs with), for CI and editors' tasks.
 * See `USAGE`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PolicyError } from '../errors.js';
import { describeIssue } from '../policy-checks.dev.js';
import { parsePolicy } from '../policy.js';

export const USAGE = `Usage: assent-policy check [--json] <file>...

Checks consent policy files (the format of docs/policy.md in the Assent repository) with every
rule @assent/core applies, and prints each problem with its field path. "-" reads standard input.

  --json   one JSON document on stdout: { valid, files: [{ file, valid, policy, issues }] }
  --help

Exit code: 0 when every file is a valid policy, 1 when one is not (or is not JSON),
2 on a usage error or a file that cannot be read.
`;

/** One problem of a policy file: the field path, the rule's code, the development sentence. */
export interface CheckIssue {
  readonly path: string;
  /** A `PolicyIssueCode` of @assent/core, or `json` when the file is not JSON. */
  readonly code: string;
  readonly message: string;
}

/** What `assent-policy check` found in one file. */
export interface CheckResult {
  readonly file: string;
  readonly valid: boolean;
  /** `id@version` of a valid policy (the signup field `consent_policy`). */
  readonly policy?: string;
  readonly issues: readonly CheckIssue[];
}

/** Where the CLI reads and writes; the defaults are the process's. Tests pass their own. */
export interface CheckIo {
  readonly readFile: (file: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CheckIo = {
  readFile: (file) => readFile(file, 'utf8'),
  readStdin: async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Checks the JSON text of one policy file. */
export function checkPolicyText(file: string, text: string): CheckResult {
  let json: unknown;
  try {
    // A byte order mark is what some editors on Windows write first; JSON.parse refuses it.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { file, valid: false, issues: [{ path: '', code: 'json', message: `is not JSON: ${(error as Error).message}` }] };
  }
  try {
    const policy = parsePolicy(json, describeIssue);
    return { file, valid: true, policy: `${policy.id}@${policy.version}`, issues: [] };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return { file, valid: false, issues: error.issues.map(({ path, code, message }) => ({ path, code, message })) };
  }
}

function summary(result: CheckResult): string {
  if (result.valid) return `${result.file}: valid consent policy ${result.policy}\n`;
  const count = result.issues.length;
  const lines = result.issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}\n`);
  return `${result.file}: invalid consent policy, ${count} ${count === 1 ? 'issue' : 'issues'}\n${lines.join('')}`;
}

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], io: CheckIo = processIo): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr(`assent-policy: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'check' || files.length === 0) {
    io.stderr(`assent-policy: ${command === 'check' ? 'name at least one policy file' : command === undefined ? 'missing command' : `unknown command "${command}"`}\n\n${USAGE}`);
    return 2;
  }
  if (files.filter((file) => file === '-').length > 1) {
    io.stderr('assent-policy: standard input ("-") can be read only once\n');
    return 2;
  }

  const results: CheckResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : await io.readFile(file);
    } catch (error) {
      io.stderr(`assent-policy: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    results.push(checkPolicyText(file === '-' ? '(stdin)' : file, text));
  }

  const valid = results.every((result) => result.valid);
  io.stdout(values.json ? JSON.stringify({ valid, files: results }, null, 2) + '\n' : results.map(summary).join(''));
  return valid ? 0 : 1;
}
