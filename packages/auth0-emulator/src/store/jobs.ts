/** Management API jobs (user exports), in memory: a job lives as long as the emulator process. */
import { randomBytes } from 'node:crypto';

export interface ExportField {
  name: string;
  export_as?: string;
}

export interface ExportJob {
  id: string;
  type: 'users_export';
  status: 'pending' | 'processing' | 'completed' | 'failed';
  connection_id?: string;
  connection?: string;
  format: 'csv' | 'json';
  limit?: number;
  fields: ExportField[];
  created_at: string;
  location?: string;
  /** The gzipped export, served at `location`. */
  file?: Buffer;
  /** File name inside `location`: `<tenant>.<csv|json>.gz`, as Auth0 names it. */
  fileName?: string;
}

export function newJobId(): string {
  return `job_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16)}`;
}

export class JobStore {
  private readonly jobs = new Map<string, ExportJob>();

  add(job: ExportJob): void {
    this.jobs.set(job.id, job);
  }

  get(id: string): ExportJob | undefined {
    return this.jobs.get(id);
  }

  clear(): void {
    this.jobs.clear();
  }
}

/** The public view of a job (no file bytes). */
export function jobView(job: ExportJob): Record<string, unknown> {
  const { file: _file, fileName: _fileName, ...view } = job;
  return view;
}
