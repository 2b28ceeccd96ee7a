/**
 * Validation of /authorize parameters, in Auth0's order: the client and the redirect URI first
 * (errors shown on a page, since nothing can be sent back), then everything else (errors sent back
 * to the redirect URI with `error` and `error_description`).
 */
import type { AuthorizationRequest, EmulatorContext, ResponseMode } from '../context.js';
import { errorPage, type Page } from '../http/html.js';
import { knownAudience, parseScope } from './scopes.js';

export type ParsedAuthorization =
  | { readonly kind: 'ok'; readonly request: AuthorizationRequest }
  | { readonly kind: 'page'; readonly status: number; readonly page: Page }
  | {
      readonly kind: 'error';
      readonly redirectUri: string;
      readonly responseMode: ResponseMode;
      readonly state?: string | undefined;
      readonly error: string;
      readonly description: string;
    };

const RESPONSE_TYPES = ['code', 'token', 'id_token'];
const RESPONSE_MODES: readonly ResponseMode[] = ['query', 'fragment', 'form_post'];

/** Parses and validates /authorize parameters. */
export function parseAuthorizationRequest(ctx: EmulatorContext, params: Readonly<Record<string, string>>): ParsedAuthorization {
  const clientId = params.client_id;
  const client = clientId === undefined ? undefined : ctx.client(clientId);
  if (!client) {
    return { kind: 'page', status: 400, page: errorPage('Unknown client', `Unknown client: ${clientId ?? '(missing client_id)'}`) };
  }
  const redirectUri = params.redirect_uri ?? client.callbacks[0];
  if (redirectUri === undefined) {
    return { kind: 'page', status: 400, page: errorPage('Callback URL mismatch', 'No redirect_uri was given and the client has no allowed callback URLs.') };
  }
  if (!client.callbacks.includes(redirectUri)) {
    return {
      kind: 'page',
      status: 400,
      page: errorPage('Callback URL mismatch', `Callback URL mismatch. ${redirectUri} is not in the list of allowed callback URLs of client ${client.client_id}.`),
    };
  }

  const state = params.state;
  const responseType = [...new Set(parseScope(params.response_type))].sort();
  const implicit = responseType.some((t) => t !== 'code');
  const defaultMode: ResponseMode = implicit ? 'fragment' : 'query';
  const requestedMode = params.response_mode;
  const responseMode = (RESPONSE_MODES as readonly string[]).includes(requestedMode ?? '') ? (requestedMode as ResponseMode) : defaultMode;
  const fail = (error: string, description: string): ParsedAuthorization => ({ kind: 'error', redirectUri, responseMode, state, error, description });

  if (responseType.length === 0 || responseType.some((t) => !RESPONSE_TYPES.includes(t)) || (responseType.includes('code') && implicit)) {
    return fail('unsupported_response_type', `Unsupported response type: ${params.response_type ?? '(missing)'}`);
  }
  if (requestedMode !== undefined && !(RESPONSE_MODES as readonly string[]).includes(requestedMode)) {
    return fail('invalid_request', `Unsupported response_mode: ${requestedMode}`);
  }
  if (responseMode === 'query' && implicit) {
    return fail('invalid_request', 'response_mode=query is not allowed for response types that return tokens');
  }
  if (implicit && !client.grant_types.includes('implicit')) return fail('unauthorized_client', "Grant type 'implicit' not allowed for the client.");
  if (!implicit && !client.grant_types.includes('authorization_code')) {
    return fail('unauthorized_client', "Grant type 'authorization_code' not allowed for the client.");
  }
  if (responseType.includes('id_token') && !params.nonce) return fail('invalid_request', 'Nonce is required when response_type includes id_token');

  let codeChallengeMethod: 'S256' | 'plain' | undefined;
  if (params.code_challenge !== undefined) {
    codeChallengeMethod = (params.code_challenge_method ?? 'plain') as 'S256' | 'plain';
    if (codeChallengeMethod !== 'S256' && codeChallengeMethod !== 'plain') {
      return fail('invalid_request', `Unsupported code_challenge_method: ${params.code_challenge_method}`);
    }
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(params.code_challenge)) return fail('invalid_request', 'code_challenge must be 43 to 128 characters of [A-Za-z0-9._~-]');
  } else if (params.code_challenge_method !== undefined) {
    return fail('invalid_request', 'code_challenge_method was given without code_challenge');
  }

  const audience = params.audience || undefined;
  if (audience !== undefined && !knownAudience(ctx, audience)) return fail('access_denied', `Service not found: ${audience}`);

  const enabled = ctx.tenant.connections.filter((c) => c.enabled_clients.includes(client.client_id));
  // Without a named connection Auth0 shows the login form, i.e. a database connection.
  const connectionName = params.connection ?? params.realm ?? (enabled.find((c) => c.strategy === 'auth0') ?? enabled[0])?.name;
  const connection = connectionName === undefined ? undefined : ctx.connection(connectionName);
  if (!connection) return fail('invalid_request', `the connection was not found: ${connectionName ?? '(none enabled for this client)'}`);
  if (!connection.enabled_clients.includes(client.client_id)) {
    return fail('invalid_request', `the connection is not enabled for this client: ${connection.name}`);
  }

  return {
    kind: 'ok',
    request: {
      clientId: client.client_id,
      redirectUri,
      responseType,
      responseMode,
      state,
      nonce: params.nonce,
      scopes: parseScope(params.scope ?? 'openid'),
      audience,
      codeChallenge: params.code_challenge,
      codeChallengeMethod,
      connection: connection.name,
      prompt: params.prompt,
      uiLocales: parseScope(params.ui_locales),
    },
  };
}
