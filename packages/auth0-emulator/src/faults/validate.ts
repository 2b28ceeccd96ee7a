/** Validation of fault configuration, from a tenant file or from the admin endpoint. */
import { array, isRecord, number, object, oneOf, optionalNumber, optionalString, string } from '../tenant/check.js';
import { TenantConfigError } from '../tenant/errors.js';
import type { FaultRule, FaultsConfig } from './types.js';

const RULE_FIELDS = ['path', 'method', 'latencyMs', 'kind', 'status', 'rate', 'times', 'retryAfterSeconds'] as const;

function latency(value: unknown, path: string): FaultRule['latencyMs'] {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return number(value, path, { min: 0, max: 600_000 });
  const range = object(value, path, ['min', 'max']);
  const min = number(range.min, `${path}.min`, { min: 0, max: 600_000 });
  const max = number(range.max, `${path}.max`, { min: 0, max: 600_000 });
  if (max < min) throw new TenantConfigError(`${path}.max`, 'must be >= min');
  return { min, max };
}

function rule(value: unknown, path: string): FaultRule {
  const raw = object(value, path, RULE_FIELDS);
  const routePath = string(raw.path, `${path}.path`);
  if (!routePath.startsWith('/')) throw new TenantConfigError(`${path}.path`, 'must start with "/"');
  const kind = raw.kind === undefined ? undefined : oneOf(raw.kind, `${path}.kind`, ['status', 'hang', 'reset'] as const);
  const status = optionalNumber(raw.status, `${path}.status`, { min: 400, max: 599, integer: true });
  if (status !== undefined && kind !== 'status') throw new TenantConfigError(`${path}.status`, 'is only used with kind "status"');
  const result: FaultRule = { path: routePath };
  const method = optionalString(raw.method, `${path}.method`);
  if (method !== undefined) result.method = method.toUpperCase();
  const latencyMs = latency(raw.latencyMs, `${path}.latencyMs`);
  if (latencyMs !== undefined) result.latencyMs = latencyMs;
  if (kind !== undefined) result.kind = kind;
  if (status !== undefined) result.status = status;
  const rate = optionalNumber(raw.rate, `${path}.rate`, { min: 0, max: 1 });
  if (rate !== undefined) result.rate = rate;
  const times = optionalNumber(raw.times, `${path}.times`, { min: 1, integer: true });
  if (times !== undefined) result.times = times;
  const retryAfterSeconds = optionalNumber(raw.retryAfterSeconds, `${path}.retryAfterSeconds`, { min: 0, integer: true });
  if (retryAfterSeconds !== undefined) result.retryAfterSeconds = retryAfterSeconds;
  if (result.kind === undefined && result.latencyMs === undefined) {
    throw new TenantConfigError(path, 'does nothing: give it a kind ("status", "hang", "reset") or latencyMs');
  }
  return result;
}

/** Parses `{ seed?, rules: [...] }`; `path` prefixes field names in errors. */
export function parseFaultsConfig(value: unknown, path = 'faults'): FaultsConfig {
  if (!isRecord(value)) throw new TenantConfigError(path, 'must be an object { seed?, rules: [...] }');
  const raw = object(value, path, ['seed', 'rules']);
  const config: FaultsConfig = { rules: array(raw.rules ?? [], `${path}.rules`, rule) };
  const seed = optionalNumber(raw.seed, `${path}.seed`, { integer: true });
  if (seed !== undefined) config.seed = seed;
  return config;
}
