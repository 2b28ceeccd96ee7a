import { validatePolicy as selected } from '#policy-guard';
import type { ConsentPolicy } from './types.js';

/**
 * How browser code checks a policy it is about to show: the full `parsePolicy` in development
 * builds (the `development` export condition, as Vite's dev server and test runners set it), and
 * `guardPolicy`, the checks that protect users, in production builds, where the diagnostics
 * would only cost bytes. Servers (and build steps) should call `parsePolicy`.
 *
 * @throws {PolicyError} listing every issue found.
 * @example const policy = validatePolicy(await (await fetch(src)).json());
 */
export const validatePolicy: (input: unknown) => ConsentPolicy = selected;
