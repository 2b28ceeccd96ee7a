/**
 * Finishing an interactive login once the user is known (login page, session, login ticket) or
 * resumed (/continue): run the post-login Actions, then answer the client with a code or tokens.
 */
import { randomBytes } from 'node:crypto';
import { buildPostLoginEvent } from '../actions/event.js';
import { runPostLoginActions, type CollectedClaims } from '../actions/runner.js';
import type { AuthorizationRequest, EmulatorContext } from '../context.js';
import type { RequestInfo } from '../http/request-info.js';
import { mergeMetadata } from '../metadata.js';
import type { StoredUser } from '../store/types.js';
import { authorizationError, authorizationResponse } from './authorization-response.js';
import { issueUserTokens } from './issue.js';
import { grantedUserScopes } from './scopes.js';

/** A random URL-safe id (codes, tickets, states, sessions). */
export function randomId(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export interface FinishLogin {
  readonly request: AuthorizationRequest;
  readonly info: RequestInfo;
  readonly userId: string;
  readonly sessionId: string;
  /** Set when resuming at /continue. */
  readonly resume?: {
    readonly state: string;
    readonly actionIndex: number;
    readonly claims: CollectedClaims;
    readonly params: Record<string, string>;
    /** The answer of the Form the Action rendered (`event.prompt`). */
    readonly prompt?: { readonly id: string; readonly fields: Record<string, unknown>; readonly vars: Record<string, unknown> };
  };
  /** Headers for the final response (e.g. the session cookie). */
  readonly headers?: Record<string, string>;
}

/** Applies Action metadata changes to the stored user and saves them. */
export async function applyActionMetadata(ctx: EmulatorContext, userId: string, changes: { app_metadata: Record<string, unknown>; user_metadata: Record<string, unknown> }): Promise<void> {
  const user = ctx.store.users.get(userId);
  if (!user) return;
  const withoutUndefined = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === undefined ? null : value]));
  const merge = (current: Record<string, unknown>, patch: Record<string, unknown>) => (Object.keys(patch).length === 0 ? current : mergeMetadata(current, withoutUndefined(patch)));
  const updated: StoredUser = {
    ...user,
    app_metadata: merge(user.app_metadata, changes.app_metadata),
    user_metadata: merge(user.user_metadata, changes.user_metadata),
    updated_at: new Date(ctx.now()).toISOString(),
  };
  await ctx.store.replaceUser(updated);
}

export async function finishLogin(ctx: EmulatorContext, finish: FinishLogin): Promise<Response> {
  const { request, info } = finish;
  const user = ctx.store.users.get(finish.userId);
  if (!user) return authorizationError(request.redirectUri, request.responseMode, 'access_denied', 'The user no longer exists', request.state);
  const state = finish.resume?.state ?? randomId();
  const claims: CollectedClaims = finish.resume?.claims ?? { idToken: {}, accessToken: {} };
  const authenticatedAt = new Date(ctx.now()).toISOString();
  const implicit = request.responseType.some((t) => t !== 'code');

  const outcome = await runPostLoginActions({
    actions: ctx.actionsFor('post-login'),
    startIndex: finish.resume?.actionIndex ?? 0,
    resume: finish.resume !== undefined,
    event: (action) =>
      buildPostLoginEvent(
        ctx,
        {
          user: ctx.store.users.get(finish.userId) ?? user,
          clientId: request.clientId,
          connection: request.connection,
          info,
          protocol: implicit ? 'oidc-implicit-profile' : 'oidc-basic-profile',
          scopes: request.scopes,
          audience: request.audience,
          redirectUri: request.redirectUri,
          responseMode: request.responseMode,
          responseType: request.responseType,
          state: request.state,
          uiLocales: request.uiLocales,
          authenticatedAt,
        },
        action,
      ),
    applyMetadata: (changes) => applyActionMetadata(ctx, finish.userId, changes),
    claims,
    state,
    redirectAllowed: request.prompt !== 'none',
    continueParams: finish.resume?.params ?? {},
    prompt: finish.resume?.prompt,
    nowSeconds: () => Math.floor(ctx.now() / 1000),
    domain: ctx.tenant.domain,
    userId: finish.userId,
    ip: info.ip,
  });

  const headers = finish.headers ?? {};
  switch (outcome.type) {
    case 'denied':
      return authorizationError(request.redirectUri, request.responseMode, 'access_denied', outcome.reason, request.state, headers);
    case 'failed':
      return authorizationError(request.redirectUri, request.responseMode, outcome.error, outcome.description, request.state, headers);
    case 'redirect':
      ctx.suspended.set(state, { request, info, userId: finish.userId, sessionId: finish.sessionId, actionIndex: outcome.actionIndex, claims });
      return new Response(null, { status: 302, headers: { Location: outcome.url, 'Cache-Control': 'no-store', ...headers } });
    case 'prompt': {
      if (!ctx.forms.get(outcome.formId)) {
        return authorizationError(request.redirectUri, request.responseMode, 'access_denied', `Action rendered the Form ${outcome.formId}, which does not exist`, request.state, headers);
      }
      const prompt = { formId: outcome.formId, vars: outcome.vars, fields: outcome.fields };
      ctx.suspended.set(state, { request, info, userId: finish.userId, sessionId: finish.sessionId, actionIndex: outcome.actionIndex, claims, prompt });
      const location = `/u/forms/${encodeURIComponent(outcome.formId)}?state=${encodeURIComponent(state)}`;
      return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
    }
    case 'completed':
      break;
  }

  const current = ctx.store.users.get(finish.userId) ?? user;
  const scopes = grantedUserScopes(ctx, request.scopes, request.audience);
  if (request.responseType.includes('code')) {
    const code = randomId();
    ctx.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      userId: current.user_id,
      scopes,
      audience: request.audience,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
      claims,
      sessionId: finish.sessionId,
    });
    return authorizationResponse(request.redirectUri, request.responseMode, { code, state: request.state }, headers);
  }
  const tokens = await issueUserTokens(ctx, {
    user: current,
    clientId: request.clientId,
    scopes,
    audience: request.audience,
    nonce: request.nonce,
    claims,
    sessionId: finish.sessionId,
    accessToken: request.responseType.includes('token'),
    idToken: request.responseType.includes('id_token'),
  });
  const params: Record<string, string | undefined> = {
    access_token: tokens.access_token,
    id_token: tokens.id_token,
    scope: tokens.access_token ? tokens.scope : undefined,
    expires_in: tokens.access_token ? String(tokens.expires_in) : undefined,
    token_type: tokens.access_token ? 'Bearer' : undefined,
    state: request.state,
  };
  return authorizationResponse(request.redirectUri, request.responseMode, params, headers);
}
