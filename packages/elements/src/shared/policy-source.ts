import type { ReactiveControllerHost } from '@lit/reactive-element';
import { validatePolicy, type ConsentPolicy } from '@assent/core';

/** The `policy-src` of an element, as {@link policySource} loads it. */
export interface PolicySource {
  /** The loaded policy; undefined while none is asked for and while it loads, null when it could not be used. */
  readonly policy: ConsentPolicy | null | undefined;
  /** Forgets the current policy and loads `src` (nothing for an empty one); the host updates when it is done. */
  load(src: string | null): Promise<void>;
}

/**
 * Loads the `policy-src` of an element (`<assent-terms>`, `<assent-signup-form>`): the policy JSON
 * fetched and checked with core's `validatePolicy`, then the host updated, also after a failure,
 * which is logged after `log`. A newer URL wins over a load still under way.
 */
export function policySource(host: Pick<ReactiveControllerHost, 'requestUpdate'>, log: string): PolicySource {
  let loads = 0;
  const source: { policy: ConsentPolicy | null | undefined; load(src: string | null): Promise<void> } = {
    policy: undefined,
    async load(src) {
      const load = ++loads;
      source.policy = undefined;
      if (!src) return;
      let policy: ConsentPolicy | null = null;
      try {
        const response = await fetch(src);
        // A string rather than an Error: it is only logged, and a few bytes less on every page.
        if (!response.ok) throw `HTTP ${response.status}`;
        policy = validatePolicy(await response.json());
      } catch (error) {
        if (load === loads) console.error(log, `unusable policy-src "${src}"`, error);
      }
      if (load !== loads) return;
      source.policy = policy;
      host.requestUpdate();
    },
  };
  return source;
}
