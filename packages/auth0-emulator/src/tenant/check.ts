/**
 * Small checkers for configuration read from JSON. Each returns the typed value or throws a
 * TenantConfigError naming the field, so a typo in a tenant file is reported where it is.
 */
import { TenantConfigError } from './errors.js';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are all in `allowed` (unknown keys are refused: they are usually typos). */
export function object(value: unknown, path: string, allowed: readonly string[]): Json {
  if (!isRecord(value)) throw new TenantConfigError(path, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new TenantConfigError(`${path}.${key}`, `unknown field (known: ${allowed.join(', ')})`);
    }
  }
  return value;
}

export function string(value: unknown, path: string, options: { nonEmpty?: boolean; max?: number } = {}): string {
  if (typeof value !== 'string') throw new TenantConfigError(path, 'must be a string');
  if ((options.nonEmpty ?? true) && value.length === 0) throw new TenantConfigError(path, 'must not be empty');
  if (options.max !== undefined && value.length > options.max) {
    throw new TenantConfigError(path, `must be at most ${options.max} characters`);
  }
  return value;
}

export function optionalString(value: unknown, path: string, options?: { nonEmpty?: boolean; max?: number }): string | undefined {
  return value === undefined ? undefined : string(value, path, options);
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new TenantConfigError(path, 'must be true or false');
  return value;
}

export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  return value === undefined ? undefined : boolean(value, path);
}

export function number(value: unknown, path: string, range: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TenantConfigError(path, 'must be a finite number');
  if (range.integer && !Number.isInteger(value)) throw new TenantConfigError(path, 'must be an integer');
  if (range.min !== undefined && value < range.min) throw new TenantConfigError(path, `must be >= ${range.min}`);
  if (range.max !== undefined && value > range.max) throw new TenantConfigError(path, `must be <= ${range.max}`);
  return value;
}

export function optionalNumber(value: unknown, path: string, range?: { min?: number; max?: number; integer?: boolean }): number | undefined {
  return value === undefined ? undefined : number(value, path, range);
}

export function array<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new TenantConfigError(path, 'must be an array');
  return value.map((entry, index) => item(entry, `${path}[${index}]`));
}

export function optionalArray<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] | undefined {
  return value === undefined ? undefined : array(value, path, item);
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TenantConfigError(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

/** An absolute http(s) URL. */
export function httpUrl(value: unknown, path: string): string {
  const text = string(value, path);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TenantConfigError(path, `must be an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TenantConfigError(path, `must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  return text;
}

/** An origin: scheme, host and optional port, no path. */
export function origin(value: unknown, path: string): string {
  const text = httpUrl(value, path);
  const url = new URL(text);
  if (url.origin !== text.replace(/\/$/, '')) {
    throw new TenantConfigError(path, `must be an origin such as "http://localhost:5173" (no path), got ${JSON.stringify(text)}`);
  }
  return url.origin;
}

/** A flat record of strings (Auth0's client and connection metadata). */
export function stringRecord(value: unknown, path: string): Record<string, string> {
  if (!isRecord(value)) throw new TenantConfigError(path, 'must be an object of strings');
  for (const [key, entry] of Object.entries(value)) string(entry, `${path}.${key}`, { nonEmpty: false });
  return value as Record<string, string>;
}

/** A JSON object (metadata). */
export function jsonObject(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new TenantConfigError(path, 'must be an object');
  return value;
}

/** Refuses duplicates of `key` among `items`. */
export function unique<T>(items: readonly T[], path: string, key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) throw new TenantConfigError(`${path}[${index}]`, `duplicate ${what} ${JSON.stringify(value)}`);
    seen.add(value);
  });
}
