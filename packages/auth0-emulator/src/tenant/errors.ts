/**
 * Thrown when a tenant file (or any configuration given to the emulator) is invalid.
 * `path` names the offending field the way it is written in JSON, e.g. `clients[1].callbacks[0]`.
 */
export class TenantConfigError extends Error {
  override readonly name = 'TenantConfigError';
  readonly code = 'invalid_tenant';

  constructor(
    /** JSON path of the field, `$` for the whole document. */
    readonly path: string,
    /** What is wrong with it. */
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
