/**
 * Auth0's users-export job through the official SDK (client credentials): create it, wait for it
 * (reporting its progress), and read its gzipped NDJSON file one user at a time, without holding the
 * whole tenant in memory.
 */
import { ManagementClient, ManagementError } from 'auth0';

/** What the job reports while it runs. */
export interface JobProgress {
  readonly status: string;
  readonly percentage?: number;
  readonly secondsLeft?: number;
}

/** A finished job's file. */
export interface ExportFile {
  readonly location: string;
}

/** The job no longer exists (expired or deleted): the report must start over with a new one. */
export class JobGoneError extends Error {
  override get name(): string {
    return 'JobGoneError';
  }
}

/** Options of the export. */
export interface ExportOptions {
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly connectionId?: string | undefined;
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Wait between status checks. Default 2000 ms. */
  readonly pollIntervalMs?: number | undefined;
}

export interface UsersExport {
  /** Starts a users-export job (JSON lines of the fields given); returns its id. */
  create(fields: readonly { name: string }[]): Promise<string>;
  /** Waits for the job to complete; calls `progress` on every check. @throws JobGoneError, Error for a failed job. */
  wait(jobId: string, progress: (progress: JobProgress) => void, signal?: AbortSignal): Promise<ExportFile>;
  /** The exported users, one object per line of the file. */
  users(file: ExportFile): AsyncGenerator<Record<string, unknown>>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });

export function usersExport(options: ExportOptions): UsersExport {
  const client = new ManagementClient({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    async create(fields) {
      const job = await client.jobs.usersExports.create({
        format: 'json',
        fields: fields.map((field) => ({ name: field.name })),
        ...(options.connectionId ? { connection_id: options.connectionId } : {}),
      });
      if (!job.id) throw new Error('Auth0 created an export job without an id');
      return job.id;
    },
    async wait(jobId, progress, signal) {
      for (;;) {
        let job;
        try {
          job = (await client.jobs.get(jobId)) as { status?: string; location?: string; percentage_done?: number; time_left_seconds?: number };
        } catch (error) {
          if (error instanceof ManagementError && error.statusCode === 404) throw new JobGoneError(`Export job ${jobId} no longer exists`);
          throw error;
        }
        progress({
          status: job.status ?? 'unknown',
          ...(typeof job.percentage_done === 'number' ? { percentage: job.percentage_done } : {}),
          ...(typeof job.time_left_seconds === 'number' ? { secondsLeft: job.time_left_seconds } : {}),
        });
        if (job.status === 'completed') {
          if (!job.location) throw new Error(`Export job ${jobId} completed without a file location`);
          return { location: job.location };
        }
        if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`Export job ${jobId} ${job.status}`);
        await sleep(options.pollIntervalMs ?? 2000, signal);
      }
    },
    async *users(file) {
      const response = await fetchImpl(file.location);
      if (!response.ok || !response.body) throw new Error(`Downloading the export failed: HTTP ${response.status}`);
      const text = response.body.pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream());
      let pending = '';
      for await (const chunk of text) {
        pending += chunk;
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
          const line = pending.slice(0, newline).trim();
          pending = pending.slice(newline + 1);
          if (line) yield JSON.parse(line) as Record<string, unknown>;
          newline = pending.indexOf('\n');
        }
      }
      if (pending.trim()) yield JSON.parse(pending) as Record<string, unknown>;
    },
  };
}
