/** Reads a tenant file from disk. */
import { readFile } from 'node:fs/promises';
import { TenantConfigError } from './errors.js';
import type { TenantConfig } from './types.js';
import { parseTenantConfig } from './validate.js';

/**
 * Reads and validates the tenant file at `path`.
 * @throws TenantConfigError when the file is missing, is not JSON or has an invalid field.
 */
export async function loadTenantFile(path: string): Promise<TenantConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TenantConfigError('$', `cannot read tenant file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantConfigError('$', `tenant file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseTenantConfig(json);
}
