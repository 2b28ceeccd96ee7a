/**
 * The checkpoint that makes the report resumable: which export job it reads, how many of its users
 * are already in the output and how many bytes of the output hold them. Written atomically (temp
 * file, fsync, rename) after the output itself is fsync'ed, so after any crash the output holds at
 * least `bytes` good bytes; anything after them is cut off when the report resumes.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import type { ReportFormat } from './writers.js';

export interface Checkpoint {
  readonly format: 'assent-consent-report-checkpoint';
  readonly version: 1;
  readonly job_id: string;
  readonly output: string;
  readonly output_format: ReportFormat;
  /** Users of the export already written. */
  readonly rows: number;
  /** Length of the output holding them (header included). */
  readonly bytes: number;
  readonly started_at: string;
}

/** The checkpoint at `path`, or null when there is none. @throws Error for a file that is not a checkpoint. */
export async function readCheckpoint(path: string): Promise<Checkpoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const value = JSON.parse(text) as Partial<Checkpoint>;
  if (value.format !== 'assent-consent-report-checkpoint' || value.version !== 1 || typeof value.job_id !== 'string' || !Number.isInteger(value.rows) || !Number.isInteger(value.bytes)) {
    throw new Error(`${path} is not a consent report checkpoint`);
  }
  return value as Checkpoint;
}

/** Replaces the checkpoint atomically. */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(JSON.stringify(checkpoint, null, 2));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}

export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}
