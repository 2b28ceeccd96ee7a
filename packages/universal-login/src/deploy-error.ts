/**
 * The error of a deployment and the two helpers every deployment shares: one Management API call
 * whose refusal becomes a DeployError, and the stable JSON the diffs compare.
 */
import { AssentError } from '@assent/core';
import { ManagementError } from 'auth0';

/**
 * A deployment cannot go on. Codes: `no_page_template` (the tenant has none and no `template` was
 * given), `template_missing_tags` (the tenant's template lacks `{%- auth0:head -%}` or
 * `{%- auth0:widget -%}`), `no_action` (no Action of that name and no `actionCode` to create it),
 * `management_api_error` (Auth0 refused a call: `statusCode` and `body` are Auth0's; every write
 * before it had succeeded, none after it was tried).
 */
export class DeployError extends AssentError {
  readonly statusCode?: number;
  readonly body?: unknown;
  constructor(code: string, message: string, details: { statusCode?: number; body?: unknown; cause?: unknown } = {}) {
    super(code, message);
    if (details.statusCode !== undefined) this.statusCode = details.statusCode;
    if (details.body !== undefined) this.body = details.body;
    if (details.cause !== undefined) this.cause = details.cause;
  }
  override get name(): string {
    return 'DeployError';
  }
}

/** JSON with sorted keys, one key per line: diffs of texts and partials read line by line. */
export function stable(value: unknown): string {
  const sort = (input: unknown): unknown =>
    input && typeof input === 'object' && !Array.isArray(input)
      ? Object.fromEntries(
          Object.entries(input as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, item]) => [key, sort(item)]),
        )
      : input;
  return JSON.stringify(sort(value), null, 2);
}

/** Runs one Management API call; Auth0's refusal becomes a DeployError naming the call. */
export async function call<T>(description: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ManagementError) {
      const body = error.body as { message?: string } | undefined;
      throw new DeployError('management_api_error', `${description}: ${error.statusCode ?? ''} ${body?.message ?? error.message}`.trim(), {
        statusCode: error.statusCode,
        body: error.body,
        cause: error,
      });
    }
    throw error;
  }
}
