/** The checks every store makes before it writes a record: the columns it indexes must be there. */
import { WithdrawalStoreError, type WithdrawalRecord } from '../consent/withdrawal-log.js';

/** @throws WithdrawalStoreError `invalid_record` naming the field. */
export function checkRecord(record: WithdrawalRecord, backend: string): void {
  for (const field of ['event_id', 'user_id', 'at'] as const) {
    if (typeof record?.[field] !== 'string' || record[field] === '') throw new WithdrawalStoreError(backend, 'invalid_record', `${field} must be a non-empty string`);
  }
}
