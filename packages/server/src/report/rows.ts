/**
 * One report row per user: who, whether consent stands (core's consent state against the policy:
 * given, withdrawn, none or outdated), to which policy version, which purposes, since when, and
 * which copy says so (app_metadata written by a backend or Action, user_metadata, signup fields).
 */
import type { ConsentPolicy } from '@assent/core';
import { readUserConsent } from '../consent/read.js';
import type { DirectoryUser } from '../management/directory.js';

/** A row of the consent report. */
export interface ReportRow {
  readonly user_id: string;
  readonly email: string;
  /** `given`, `withdrawn`, `none`, `outdated`; `unreadable` when the stored consent does not decode. */
  readonly status: string;
  /** `policy@version` of the consent, empty when none. */
  readonly policy_version: string;
  /** Accepted purposes, space-separated, in policy order. */
  readonly purposes: string;
  /** Date of the newest consent event (ISO 8601 UTC), empty when none. */
  readonly date: string;
  /** `app_metadata`, `user_metadata`, `signup`, or empty. */
  readonly source: string;
}

/** The column order of the CSV and of every JSON line. */
export const REPORT_COLUMNS: readonly (keyof ReportRow)[] = ['user_id', 'email', 'status', 'policy_version', 'purposes', 'date', 'source'];

/** The export fields the report needs from Auth0's users-export job. */
export const EXPORT_FIELDS = [{ name: 'user_id' }, { name: 'email' }, { name: 'app_metadata' }, { name: 'user_metadata' }] as const;

/** The row of one exported user. */
export async function reportRow(user: DirectoryUser, policy: ConsentPolicy): Promise<ReportRow> {
  const base = { user_id: String(user.user_id ?? ''), email: typeof user.email === 'string' ? user.email : '' };
  let state;
  try {
    ({ state } = await readUserConsent(user, policy));
  } catch {
    return { ...base, status: 'unreadable', policy_version: '', purposes: '', date: '', source: '' };
  }
  return {
    ...base,
    status: state.status,
    policy_version: state.policy === null ? '' : `${state.policy}@${state.version}`,
    purposes: state.accepted.join(' '),
    date: state.date ?? '',
    source: state.source ?? '',
  };
}
