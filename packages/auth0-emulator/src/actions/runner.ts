/**
 * Runs the post-login Actions of a login, in order, with Auth0's semantics: `api.access.deny`
 * stops the login; metadata set through `api.user` is saved after the Action returns and is seen by
 * the next Actions; `api.redirect.sendUserTo` suspends the login after the current Action, which
 * resumes at `/continue` with that Action's `onContinuePostLogin`, then runs the remaining ones.
 * `api.prompt.render` suspends it the same way, for a Form: once per Action, never together with a
 * redirect (Auth0: "one form per Action", and a redirect and a form cannot be mixed).
 */
import { decodeSessionToken, encodeSessionToken } from './session-token.js';
import type { PostLoginAction, PostLoginApi, PostLoginEvent, RenderOptions } from './types.js';

/** Custom claims collected from every Action, kept across a suspension. */
export interface CollectedClaims {
  idToken: Record<string, unknown>;
  accessToken: Record<string, unknown>;
}

/** Metadata set by one Action (`null` / `undefined` values delete the key). */
export interface MetadataChanges {
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
}

export type ActionOutcome =
  | { readonly type: 'completed' }
  | { readonly type: 'denied'; readonly reason: string }
  | { readonly type: 'redirect'; readonly url: string; readonly actionIndex: number }
  | { readonly type: 'prompt'; readonly formId: string; readonly vars: Record<string, unknown>; readonly fields: Record<string, unknown>; readonly actionIndex: number }
  | { readonly type: 'failed'; readonly error: 'access_denied' | 'interaction_required'; readonly description: string };

export interface ActionRun {
  readonly actions: readonly PostLoginAction[];
  /** Index of the first Action to run. */
  readonly startIndex: number;
  /** When resuming from /continue: the Action at startIndex runs `onContinuePostLogin`. */
  readonly resume: boolean;
  /** A fresh event for an Action (reflects metadata saved by the previous ones). */
  readonly event: (action: PostLoginAction) => PostLoginEvent;
  /** Saves one Action's metadata changes. */
  readonly applyMetadata: (changes: MetadataChanges) => Promise<void>;
  /** Claims accumulated so far; Actions add to it. */
  readonly claims: CollectedClaims;
  /** The suspended-login id, carried as `state` to the redirect target and in session tokens. */
  readonly state: string;
  /** False for flows that cannot redirect (password grant, prompt=none). */
  readonly redirectAllowed: boolean;
  /** Parameters of the /continue request (for validateToken). */
  readonly continueParams: Readonly<Record<string, string>>;
  /** When resuming after `api.prompt.render`: `event.prompt` of the Action at startIndex. */
  readonly prompt?: { readonly id: string; readonly fields: Record<string, unknown>; readonly vars: Record<string, unknown> } | undefined;
  readonly nowSeconds: () => number;
  /** `iss` of session tokens: the tenant domain. */
  readonly domain: string;
  readonly userId: string;
  readonly ip: string;
}

function redirectUrl(target: string, query: Record<string, string> | undefined, state: string): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('state', state);
  return url.toString();
}

/** Runs the Actions of `run` and tells how the login goes on. */
export async function runPostLoginActions(run: ActionRun): Promise<ActionOutcome> {
  for (let index = run.startIndex; index < run.actions.length; index += 1) {
    const action = run.actions[index] as PostLoginAction;
    const resuming = run.resume && index === run.startIndex;
    const handler = resuming ? action.onContinuePostLogin : action.onExecutePostLogin;
    if (typeof handler !== 'function') continue;

    let denied: string | undefined;
    let redirect: { url: string; query?: Record<string, string> } | undefined;
    let prompt: { formId: string; options: RenderOptions } | undefined;
    const changes: MetadataChanges = { app_metadata: {}, user_metadata: {} };
    const api: PostLoginApi = {
      access: {
        deny(reason) {
          denied = String(reason);
          return api;
        },
      },
      user: {
        setAppMetadata(name, value) {
          changes.app_metadata[name] = value;
          return api;
        },
        setUserMetadata(name, value) {
          changes.user_metadata[name] = value;
          return api;
        },
      },
      idToken: {
        setCustomClaim(name, value) {
          run.claims.idToken[name] = value;
          return api;
        },
      },
      accessToken: {
        setCustomClaim(name, value) {
          run.claims.accessToken[name] = value;
          return api;
        },
      },
      prompt: {
        render(formId, options) {
          if (prompt) throw new Error('api.prompt.render: an Action renders one Form');
          if (redirect) throw new Error('api.prompt.render: this Action already called api.redirect.sendUserTo; a redirect and a Form cannot be mixed');
          if (typeof formId !== 'string' || !formId) throw new Error('api.prompt.render: formId must be the id of a Form');
          prompt = { formId, options: options ?? {} };
          return api;
        },
      },
      redirect: {
        sendUserTo(url, options) {
          if (prompt) throw new Error('api.redirect.sendUserTo: this Action already rendered a Form; a redirect and a Form cannot be mixed');
          redirect = { url, ...(options?.query ? { query: options.query } : {}) };
          return api;
        },
        encodeToken({ secret, expiresInSeconds, payload }) {
          const iat = run.nowSeconds();
          return encodeSessionToken({ ...payload, iss: run.domain, sub: run.userId, ip: run.ip, iat, exp: iat + (expiresInSeconds ?? 900), state: run.state }, secret);
        },
        validateToken({ secret, tokenParameterName }) {
          if (!resuming) throw new Error('validateToken is only available in onContinuePostLogin');
          const name = tokenParameterName ?? 'session_token';
          const token = run.continueParams[name];
          if (!token) throw new Error(`validateToken: no "${name}" parameter in the /continue request`);
          return decodeSessionToken(token, secret, { state: run.state, nowSeconds: run.nowSeconds(), sub: run.userId });
        },
      },
    };

    try {
      const event = run.event(action);
      if (resuming && run.prompt) event.prompt = structuredClone({ id: run.prompt.id, fields: run.prompt.fields, vars: run.prompt.vars });
      await handler.call(action, event, api);
    } catch (error) {
      return { type: 'failed', error: 'access_denied', description: `Action ${action.name ?? index} failed: ${(error as Error)?.message ?? String(error)}` };
    }
    if (Object.keys(changes.app_metadata).length > 0 || Object.keys(changes.user_metadata).length > 0) await run.applyMetadata(changes);
    if (denied !== undefined) return { type: 'denied', reason: denied };
    if (prompt) {
      if (!run.redirectAllowed) return { type: 'failed', error: 'interaction_required', description: 'A post-login Action rendered a Form, which this flow cannot show' };
      return { type: 'prompt', formId: prompt.formId, vars: { ...(prompt.options.vars ?? {}) }, fields: { ...(prompt.options.fields ?? {}) }, actionIndex: index };
    }
    if (redirect) {
      if (!run.redirectAllowed) {
        return { type: 'failed', error: 'interaction_required', description: 'A post-login Action redirected, which this flow cannot do' };
      }
      try {
        return { type: 'redirect', url: redirectUrl(redirect.url, redirect.query, run.state), actionIndex: index };
      } catch {
        return { type: 'failed', error: 'access_denied', description: `Action ${action.name ?? index} redirected to an invalid URL: ${redirect.url}` };
      }
    }
  }
  return { type: 'completed' };
}
