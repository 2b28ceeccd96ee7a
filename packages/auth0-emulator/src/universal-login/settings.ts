/** The tenant's Universal Login settings as they are now, and durable changes to its customisation. */
import type { EmulatorContext } from '../context.js';
import type { UniversalLoginStore } from '../store/universal-login.js';

/** Identifier First: set through `PATCH /api/v2/prompts`, else the tenant file's `settings.identifier_first`. */
export function identifierFirst(ctx: EmulatorContext): boolean {
  return ctx.store.universalLogin.identifierFirst ?? ctx.tenant.settings.identifier_first;
}

/**
 * Applies a change and waits until it is on disk; a change that cannot be saved is undone, so an
 * answer of 500 never leaves the change in place.
 */
export async function changeUniversalLogin(ctx: EmulatorContext, change: (store: UniversalLoginStore) => void): Promise<void> {
  const before = ctx.store.universalLogin.snapshot();
  change(ctx.store.universalLogin);
  try {
    await ctx.store.persist();
  } catch (error) {
    ctx.store.universalLogin.restore(before);
    throw error;
  }
}
