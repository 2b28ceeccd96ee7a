import type { ConsumerApp } from '../harness.js';

/**
 * A behaviour check of a consumer app, run after it built: `checks/<app name>.ts` exports one as
 * its default. `run` throws (an assertion) when the app does not behave.
 */
export interface ConsumerCheck {
  /** The test's name: what a user of the app sees. */
  readonly title: string;
  run(app: ConsumerApp): Promise<void>;
}
