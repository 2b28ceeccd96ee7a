/**
 * `assent-consent-report`: the consent report for the controller (GDPR Art. 7(1): be able to show
 * who consented to what and when). See `USAGE`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parsePolicy } from '@assent/core';
import { openWithdrawalStore } from '../store/open.js';
import { parseWithdrawalStoreUrl } from '../store/url.js';
import { stderrProgress } from './progress.js';
import { ReportInterruptedError, runConsentReport, type ReportEvent } from './run.js';
import type { ReportFormat } from './writers.js';

export const USAGE = `Usage: assent-consent-report --domain <tenant domain> --policy <policy.json> --output <file> [options]

Writes one row per user of the tenant (user_id, email, status, policy_version, purposes, date,
source) from a Management API users-export job. Progress goes to stderr. If the run fails or is
interrupted, run the same command again: it resumes from the checkpoint beside the output.

  --domain <domain>        tenant domain, e.g. acme.eu.auth0.com (or AUTH0_DOMAIN)
  --client-id <id>         machine client with read:users (or AUTH0_CLIENT_ID)
                           its secret is read from AUTH0_CLIENT_SECRET only (never from arguments)
  --policy <file>          the consent policy JSON, to tell current from outdated consents
  --output <file>          where the report goes
  --format <csv|jsonl>     default csv
  --connection-id <id>     only users of this connection (con_...)
  --checkpoint <file>      default <output>.checkpoint.json
  --checkpoint-every <n>   users between checkpoints, default 1000
  --poll-interval <ms>     wait between export job checks, default 2000
  --withdrawal-log <url>   add the deleted users' withdrawals from this log, one "erased" row each:
                           file:<path>, sqlite:<path> or postgres://… (the server's withdrawalLog)
  --help
`;

/** A usage mistake: the message says what to fix. */
export class UsageError extends Error {
  override get name(): string {
    return 'UsageError';
  }
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return number;
}

function describe(event: ReportEvent): string {
  if (event.phase === 'job') {
    const percentage = event.progress.percentage === undefined ? '' : ` ${event.progress.percentage}%`;
    const left = event.progress.secondsLeft === undefined ? '' : `, about ${event.progress.secondsLeft} s left`;
    return `export job ${event.jobId}${event.resumed ? ' (resumed)' : ''}: ${event.progress.status}${percentage}${left}`;
  }
  if (event.phase === 'rows') return `${event.rows.toLocaleString('en')} users written${event.resumedAt ? ` (resumed after ${event.resumedAt.toLocaleString('en')})` : ''}`;
  return event.reason;
}

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const progress = stderrProgress();
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        domain: { type: 'string' },
        'client-id': { type: 'string' },
        policy: { type: 'string' },
        output: { type: 'string' },
        format: { type: 'string' },
        'connection-id': { type: 'string' },
        checkpoint: { type: 'string' },
        'checkpoint-every': { type: 'string' },
        'poll-interval': { type: 'string' },
        'withdrawal-log': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const domain = values.domain ?? env.AUTH0_DOMAIN;
    const clientId = values['client-id'] ?? env.AUTH0_CLIENT_ID;
    const clientSecret = env.AUTH0_CLIENT_SECRET;
    if (!domain) throw new UsageError('--domain (or AUTH0_DOMAIN) is required');
    if (!clientId) throw new UsageError('--client-id (or AUTH0_CLIENT_ID) is required');
    if (!clientSecret) throw new UsageError('AUTH0_CLIENT_SECRET must hold the machine client secret');
    if (!values.policy) throw new UsageError('--policy <policy.json> is required');
    if (!values.output) throw new UsageError('--output <file> is required');
    const withdrawalLog = values['withdrawal-log'];
    if (withdrawalLog !== undefined) {
      try {
        parseWithdrawalStoreUrl(withdrawalLog, '--withdrawal-log');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    const format = (values.format ?? 'csv') as ReportFormat;
    if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, got ${JSON.stringify(values.format)}`);
    let policyJson: unknown;
    try {
      policyJson = JSON.parse(await readFile(values.policy, 'utf8'));
    } catch (error) {
      throw new UsageError(`--policy ${values.policy}: ${(error as Error).message}`);
    }
    // Opened here so its errors (a missing driver, an unreachable database) name --withdrawal-log.
    const log = withdrawalLog === undefined ? undefined : await openWithdrawalStore(withdrawalLog, { option: '--withdrawal-log' });
    const controller = new AbortController();
    const interrupt = () => controller.abort(new Error('interrupted'));
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      const result = await runConsentReport({
        domain,
        clientId,
        clientSecret,
        connectionId: values['connection-id'],
        policy: parsePolicy(policyJson),
        output: values.output,
        format,
        checkpoint: values.checkpoint,
        checkpointEvery: positiveInteger(values['checkpoint-every'], '--checkpoint-every', 1000),
        pollIntervalMs: positiveInteger(values['poll-interval'], '--poll-interval', 2000),
        withdrawalLog: log,
        signal: controller.signal,
        onEvent: (event) => (event.phase === 'rows' ? progress.update(describe(event)) : progress.note(describe(event))),
      });
      progress.note(`done: ${result.rows.toLocaleString('en')} users in ${values.output}${result.resumedAt ? ` (${result.resumedAt.toLocaleString('en')} written before resuming)` : ''}`);
      return 0;
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      await log?.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ReportInterruptedError) {
      progress.note(error.message);
      return 130;
    }
    progress.note(`assent-consent-report failed: ${(error as Error).message}\nRun the same command again to resume.`);
    return 1;
  }
}
