/** Loads the Action modules a tenant file names (ES modules or CommonJS `exports.onExecutePostLogin` / `exports.onExecutePreUserRegistration`). */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TenantConfigError } from '../tenant/errors.js';
import type { ActionReference } from '../tenant/types.js';
import type { PostLoginAction } from './types.js';

function pick<Name extends 'onExecutePostLogin' | 'onContinuePostLogin' | 'onExecutePreUserRegistration'>(namespace: Record<string, unknown>, name: Name): PostLoginAction[Name] | undefined {
  const direct = namespace[name];
  if (typeof direct === 'function') return direct as PostLoginAction[Name];
  const fallback = (namespace.default as Record<string, unknown> | undefined)?.[name];
  return typeof fallback === 'function' ? (fallback as PostLoginAction[Name]) : undefined;
}

/** An Action loaded from a tenant file, with where it came from (for the Management API's views). */
export interface LoadedAction {
  readonly action: PostLoginAction;
  /** Absolute path of the module. */
  readonly module: string;
  /** The module's source text (the Management API's `code`). */
  readonly code: string;
}

/**
 * Imports each referenced module, relative to `baseDir` (the tenant file's directory), and reads
 * its source text.
 * @throws TenantConfigError when a module cannot be loaded or exports no post-login handler.
 */
export async function loadActionModules(references: readonly ActionReference[], baseDir: string): Promise<LoadedAction[]> {
  const actions: LoadedAction[] = [];
  for (const [index, reference] of references.entries()) {
    const path = isAbsolute(reference.module) ? reference.module : resolve(baseDir, reference.module);
    let namespace: Record<string, unknown>;
    let code: string;
    try {
      namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      code = await readFile(path, 'utf8');
    } catch (error) {
      throw new TenantConfigError(`actions[${index}].module`, `cannot be loaded from ${path}: ${(error as Error).message}`);
    }
    const onExecutePostLogin = pick(namespace, 'onExecutePostLogin');
    const onContinuePostLogin = pick(namespace, 'onContinuePostLogin');
    const onExecutePreUserRegistration = pick(namespace, 'onExecutePreUserRegistration');
    if (!onExecutePostLogin && !onContinuePostLogin && !onExecutePreUserRegistration) {
      throw new TenantConfigError(`actions[${index}].module`, `${path} exports none of onExecutePostLogin, onContinuePostLogin, onExecutePreUserRegistration`);
    }
    const action: PostLoginAction = {
      name: reference.name ?? reference.module,
      secrets: reference.secrets ?? {},
      ...(onExecutePostLogin ? { onExecutePostLogin } : {}),
      ...(onContinuePostLogin ? { onContinuePostLogin } : {}),
      ...(onExecutePreUserRegistration ? { onExecutePreUserRegistration } : {}),
    };
    actions.push({ action, module: path, code });
  }
  return actions;
}
