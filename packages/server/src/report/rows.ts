/**
 * One report row per user: who, whether consent stands (core's consent state by the trust rule:
 * given, withdrawn, none, outdated or claimed), to which policy version, which purposes, since
 * when, and which copy says so. A row reports the record only (app_metadata, with the user's
 * withdrawals applied, or signup fields whose hash verifies): a claim the user wrote into their
 * own user_metadata is listed as `claimed` and its contents are not reported.
 */
import type { ConsentPolicy } from '@assent/core';
import { readUserConsent } from '../consent/read.js';
import type { WithdrawalRecord } from '../consent/withdrawal-log.js';
import type { DirectoryUser } from '../management/directory.js';

/** A row of the consent report. */
export interface ReportRow {
  readonly user_id: string;
  readonly email: string;
  /**
   * `given`, `withdrawn`, `none`, `outdated`; `claimed` when only the user's own copy says given
   * (nothing else of it is reported); `unreadable` when the record does not decode; `erased` for a
   * deleted user's withdrawal, from the withdrawal log.
   */
  readonly status: string;
  /** `policy@version` of the consent, empty when none. */
  readonly policy_version: string;
  /** Accepted purposes, space-separated, in policy order. */
  readonly purposes: string;
  /** Date of the newest consent event (ISO 8601 UTC), empty when none. */
  readonly date: string;
  /** `app_metadata` (the record), `signup` (verified signup fields, not yet copied into the record), `user_metadata` (a withdrawal or claim of the user's own copy), `withdrawal_log`, or empty. */
  readonly source: string;
}

/** The column order of the CSV and of every JSON line. */
export const REPORT_COLUMNS: readonly (keyof ReportRow)[] = ['user_id', 'email', 'status', 'policy_version', 'purposes', 'date', 'source'];

/** The export fields the report needs from Auth0's users-export job. */
export const EXPORT_FIELDS = [{ name: 'user_id' }, { name: 'email' }, { name: 'app_metadata' }, { name: 'user_metadata' }] as const;

/**
 * The row of a deleted user, from the withdrawal log (an Auth0 export no longer lists them): status
 * `erased`, the policy version and date of the withdrawal, source `withdrawal_log`. The email was
 * erased with the user (the log keeps only its hash), so the cell is empty.
 */
export function erasedRow(record: WithdrawalRecord): ReportRow {
  return { user_id: String(record.user_id ?? ''), email: '', status: 'erased', policy_version: record.policy ?? '', purposes: '', date: String(record.at ?? ''), source: 'withdrawal_log' };
}

/** The row of one exported user. */
export async function reportRow(user: DirectoryUser, policy: ConsentPolicy): Promise<ReportRow> {
  const base = { user_id: String(user.user_id ?? ''), email: typeof user.email === 'string' ? user.email : '' };
  let read;
  try {
    read = await readUserConsent(user, policy);
  } catch {
    return { ...base, status: 'unreadable', policy_version: '', purposes: '', date: '', source: '' };
  }
  const { state } = read;
  if (!state.verified) {
    // A claim, or the user's own withdrawn copy without a record: the status only.
    return { ...base, status: state.status, policy_version: '', purposes: '', date: '', source: state.source ?? '' };
  }
  return {
    ...base,
    status: state.status,
    policy_version: state.policy === null ? '' : `${state.policy}@${state.version}`,
    purposes: state.accepted.join(' '),
    date: state.date ?? '',
    source: read.app ? 'app_metadata' : 'signup',
  };
}
