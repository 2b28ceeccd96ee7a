/**
 * The consent report: a users-export job, one row per user, written as CSV or JSON Lines, resumable.
 *
 * Resuming: a checkpoint beside the output keeps the job id, the users written and the output's
 * length after them. Run the same command again after a failure, a kill or Ctrl-C: the report
 * reuses the job (its file lists the users in the same order), cuts the output back to the
 * checkpoint (dropping a torn last line), skips the users already written and goes on. If the job
 * has expired meanwhile, a new one is started and the report starts over. On success the
 * checkpoint is removed.
 */
import { open, truncate } from 'node:fs/promises';
import type { ConsentPolicy } from '@assent/core';
import type { DirectoryUser } from '../management/directory.js';
import { readCheckpoint, removeCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js';
import { JobGoneError, usersExport, type JobProgress } from './export-job.js';
import type { WithdrawalStore } from '../consent/withdrawal-log.js';
import { openWithdrawalStore } from '../store/open.js';
import { EXPORT_FIELDS, erasedRow, reportRow } from './rows.js';
import { header, line, type ReportFormat } from './writers.js';

/** What the report tells while it runs. */
export type ReportEvent =
  | { readonly phase: 'job'; readonly jobId: string; readonly resumed: boolean; readonly progress: JobProgress }
  | { readonly phase: 'rows'; readonly rows: number; readonly resumedAt: number }
  | { readonly phase: 'restart'; readonly reason: string };

/** Options of `runConsentReport`. */
export interface ReportOptions {
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Only users of this connection (`con_…`). */
  readonly connectionId?: string | undefined;
  /** The consent policy the statuses are computed against (`outdated` when a required document changed). */
  readonly policy: ConsentPolicy;
  readonly output: string;
  readonly format: ReportFormat;
  /** Default `<output>.checkpoint.json`. */
  readonly checkpoint?: string | undefined;
  /** Users between two checkpoints. Default 1000. */
  readonly checkpointEvery?: number | undefined;
  readonly pollIntervalMs?: number | undefined;
  /** `fetch` for the Management API and the download (e.g. one trusting a development CA). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Progress events (the CLI prints them on stderr). */
  readonly onEvent?: ((event: ReportEvent) => void) | undefined;
  /**
   * The withdrawal log whose records (deleted users) follow the users, one `erased` row each: a
   * URL (`file:…`, `sqlite:…`, `postgres://…`) or an open store. Records are read oldest first, so
   * a resumed report skips the ones already written.
   */
  readonly withdrawalLog?: string | WithdrawalStore | undefined;
  /** Stops the report at the next user; the checkpoint is saved, so it can resume. */
  readonly signal?: AbortSignal | undefined;
}

/** What a finished report wrote. */
export interface ReportResult {
  readonly rows: number;
  readonly jobId: string;
  /** Users already written by an earlier, interrupted run. */
  readonly resumedAt: number;
}

/** The report was stopped through `signal`; its checkpoint lets the same command resume. */
export class ReportInterruptedError extends Error {
  readonly checkpoint: string;
  readonly rows: number;
  constructor(checkpoint: string, rows: number) {
    super(`Interrupted after ${rows} users; run the same command again to resume (checkpoint ${checkpoint})`);
    this.checkpoint = checkpoint;
    this.rows = rows;
  }
  override get name(): string {
    return 'ReportInterruptedError';
  }
}

/** Runs (or resumes) the report. */
export async function runConsentReport(options: ReportOptions): Promise<ReportResult> {
  const exporter = usersExport(options);
  // Opened first: a wrong URL or an unreachable database fails before an export job is started.
  const log = typeof options.withdrawalLog === 'string' ? await openWithdrawalStore(options.withdrawalLog, { option: 'withdrawalLog' }) : options.withdrawalLog;
  try {
    return await report(options, exporter, log);
  } finally {
    if (typeof options.withdrawalLog === 'string') await log?.close();
  }
}

async function report(options: ReportOptions, exporter: ReturnType<typeof usersExport>, log: WithdrawalStore | undefined): Promise<ReportResult> {
  const checkpointPath = options.checkpoint ?? `${options.output}.checkpoint.json`;
  const every = options.checkpointEvery ?? 1000;
  const emit = options.onEvent ?? (() => undefined);

  let saved = await readCheckpoint(checkpointPath);
  if (saved && (saved.output !== options.output || saved.output_format !== options.format)) {
    throw new Error(`The checkpoint ${checkpointPath} is for ${saved.output} (${saved.output_format}); remove it to start a new report`);
  }
  const fresh = async (): Promise<Checkpoint> => {
    const jobId = await exporter.create(EXPORT_FIELDS);
    const checkpoint: Checkpoint = {
      format: 'assent-consent-report-checkpoint',
      version: 1,
      job_id: jobId,
      output: options.output,
      output_format: options.format,
      rows: 0,
      bytes: 0,
      started_at: new Date().toISOString(),
    };
    await writeCheckpoint(checkpointPath, checkpoint);
    return checkpoint;
  };
  const resumed = saved !== null;
  let checkpoint = saved ?? (await fresh());
  let file;
  try {
    file = await exporter.wait(checkpoint.job_id, (progress) => emit({ phase: 'job', jobId: checkpoint.job_id, resumed, progress }), options.signal);
  } catch (error) {
    if (!(error instanceof JobGoneError) || !saved) throw error;
    emit({ phase: 'restart', reason: `${error.message}: starting over with a new export job` });
    checkpoint = await fresh();
    file = await exporter.wait(checkpoint.job_id, (progress) => emit({ phase: 'job', jobId: checkpoint.job_id, resumed: false, progress }), options.signal);
  }
  saved = null;

  // Cut the output back to what the checkpoint vouches for (a crash may have left a torn line).
  let bytes = checkpoint.bytes;
  if (checkpoint.rows > 0) await truncate(options.output, bytes);
  const output = await open(options.output, checkpoint.rows > 0 ? 'r+' : 'w');
  const resumedAt = checkpoint.rows;
  let rows = 0;
  const write = async (text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    await output.write(buffer, 0, buffer.length, bytes);
    bytes += buffer.length;
  };
  const save = async () => {
    await output.sync();
    checkpoint = { ...checkpoint, rows, bytes };
    await writeCheckpoint(checkpointPath, checkpoint);
  };
  try {
    if (resumedAt === 0) await write(header(options.format));
    const rowsOf = async function* () {
      for await (const user of exporter.users(file)) yield () => reportRow(user as DirectoryUser, options.policy);
      if (log) for await (const record of log.records()) yield async () => erasedRow(record);
    };
    for await (const row of rowsOf()) {
      rows += 1;
      if (rows <= resumedAt) continue;
      await write(line(options.format, await row()));
      emit({ phase: 'rows', rows, resumedAt });
      if (rows % every === 0) await save();
      if (options.signal?.aborted) {
        await save();
        throw new ReportInterruptedError(checkpointPath, rows);
      }
    }
    if (rows < resumedAt) throw new Error(`The export lists ${rows} users but the checkpoint says ${resumedAt} were written; remove ${checkpointPath} and start over`);
    await output.truncate(bytes);
    await output.sync();
  } finally {
    await output.close();
  }
  await removeCheckpoint(checkpointPath);
  return { rows, jobId: checkpoint.job_id, resumedAt };
}
