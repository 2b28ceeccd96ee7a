/**
 * Decides, per request, which fault applies: the first rule matching the method and path, applied
 * with its probability, at most `times` times. Draws come from one seeded generator, so the same
 * sequence of requests with the same seed suffers the same faults.
 */
import { mulberry32 } from './prng.js';
import type { FaultKind, FaultRule, FaultsConfig } from './types.js';

/** What happens to one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly kind?: FaultKind;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  /** Index of the rule in the configuration. */
  readonly rule: number;
}

function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

export class FaultEngine {
  private rules: { rule: FaultRule; pattern: RegExp; applied: number }[] = [];
  private random: () => number = Math.random;
  private current: FaultsConfig = { rules: [] };

  constructor(config?: FaultsConfig) {
    this.configure(config ?? { rules: [] });
  }

  /** The active configuration. */
  get config(): FaultsConfig {
    return this.current;
  }

  /** Replaces the configuration; restarts the generator from the seed and the `times` counters. */
  configure(config: FaultsConfig): void {
    this.current = config;
    this.random = mulberry32(config.seed ?? 1);
    this.rules = config.rules.map((rule) => ({ rule, pattern: globToRegExp(rule.path), applied: 0 }));
  }

  /** The fault for a request, or undefined when none applies. */
  decide(method: string, path: string): FaultDecision | undefined {
    for (const [index, entry] of this.rules.entries()) {
      const { rule } = entry;
      if (rule.method !== undefined && rule.method !== method.toUpperCase()) continue;
      if (!entry.pattern.test(path)) continue;
      if (rule.times !== undefined && entry.applied >= rule.times) continue;
      if (this.random() >= (rule.rate ?? 1)) return undefined;
      entry.applied += 1;
      return {
        rule: index,
        latencyMs: this.latency(rule.latencyMs),
        ...(rule.kind === undefined ? {} : { kind: rule.kind }),
        ...(rule.kind === 'status' ? { status: rule.status ?? 500 } : {}),
        ...(rule.kind === 'status' && (rule.status ?? 500) === 429 ? { retryAfterSeconds: rule.retryAfterSeconds ?? 1 } : {}),
      };
    }
    return undefined;
  }

  private latency(value: FaultRule['latencyMs']): number {
    if (value === undefined) return 0;
    if (typeof value === 'number') return value;
    return Math.round(value.min + (value.max - value.min) * this.random());
  }
}
