/** Loads the Action modules a tenant file names (ES modules or CommonJS `exports.onExecutePostLogin`). */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TenantConfigError } from '../tenant/errors.js';
import type { ActionReference } from '../tenant/types.js';
import type { PostLoginAction } from './types.js';

type Handler = PostLoginAction['onExecutePostLogin'];

function pick(namespace: Record<string, unknown>, name: string): Handler | undefined {
  const direct = namespace[name];
  if (typeof direct === 'function') return direct as Handler;
  const fallback = (namespace.default as Record<string, unknown> | undefined)?.[name];
  return typeof fallback === 'function' ? (fallback as Handler) : undefined;
}

/**
 * Imports each referenced module, relative to `baseDir` (the tenant file's directory).
 * @throws TenantConfigError when a module cannot be loaded or exports no post-login handler.
 */
export async function loadActions(references: readonly ActionReference[], baseDir: string): Promise<PostLoginAction[]> {
  const actions: PostLoginAction[] = [];
  for (const [index, reference] of references.entries()) {
    const path = isAbsolute(reference.module) ? reference.module : resolve(baseDir, reference.module);
    let namespace: Record<string, unknown>;
    try {
      namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      throw new TenantConfigError(`actions[${index}].module`, `cannot be loaded from ${path}: ${(error as Error).message}`);
    }
    const onExecutePostLogin = pick(namespace, 'onExecutePostLogin');
    const onContinuePostLogin = pick(namespace, 'onContinuePostLogin');
    if (!onExecutePostLogin && !onContinuePostLogin) {
      throw new TenantConfigError(`actions[${index}].module`, `${path} exports neither onExecutePostLogin nor onContinuePostLogin`);
    }
    actions.push({
      name: reference.name ?? reference.module,
      secrets: reference.secrets ?? {},
      ...(onExecutePostLogin ? { onExecutePostLogin } : {}),
      ...(onContinuePostLogin ? { onContinuePostLogin } : {}),
    });
  }
  return actions;
}
