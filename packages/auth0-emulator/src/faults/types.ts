/** Faults injected on purpose, so clients can be tested against a misbehaving Auth0. */

/** What a matching request suffers besides latency. */
export type FaultKind = 'status' | 'hang' | 'reset';

/** One fault rule. A request is matched by path (and method), then the rule applies with probability `rate`. */
export interface FaultRule {
  /** Exact path or a glob where `*` matches any run of characters, e.g. `/api/v2/users/*`. */
  path: string;
  /** HTTP method to match; default any. */
  method?: string;
  /** Added delay in ms before the request is handled: a number or a uniform range. */
  latencyMs?: number | { min: number; max: number };
  /** `status`: answer with `status`; `hang`: never answer (until the emulator stops); `reset`: destroy the socket. Omitted: latency only. */
  kind?: FaultKind;
  /** For `kind: "status"`: 429, 500, 503 or any 4xx/5xx. Default 500. */
  status?: number;
  /** Probability in [0, 1] that the rule applies to a matching request. Default 1. */
  rate?: number;
  /** Stop applying after this many injections. Default unlimited. */
  times?: number;
  /** For 429: the Retry-After value in seconds. Default 1. */
  retryAfterSeconds?: number;
}

/** The fault configuration: a seed for repeatable runs and the rules, first match wins. */
export interface FaultsConfig {
  /** Seed of the pseudo-random generator deciding `rate` and latency ranges. Default 1. */
  seed?: number;
  rules: FaultRule[];
}
