/** Builds the Auth0 post-login `event` for one Action. */
import type { EmulatorContext } from '../context.js';
import type { RequestInfo } from '../http/request-info.js';
import type { StoredUser } from '../store/types.js';
import { identityOf, pictureOf } from '../users.js';
import type { PostLoginAction, PostLoginEvent } from './types.js';

export interface EventInput {
  readonly user: StoredUser;
  readonly clientId: string;
  readonly connection: string;
  readonly info: RequestInfo;
  readonly protocol: PostLoginEvent['transaction']['protocol'];
  readonly scopes: readonly string[];
  readonly audience?: string | undefined;
  readonly redirectUri?: string | undefined;
  readonly responseMode?: string | undefined;
  readonly responseType?: readonly string[] | undefined;
  readonly state?: string | undefined;
  readonly uiLocales?: readonly string[] | undefined;
  /** When the user authenticated (ISO 8601). */
  readonly authenticatedAt: string;
}

/** Deep copy, so an Action mutating `event` cannot change the stored user. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

export function buildPostLoginEvent(ctx: EmulatorContext, input: EventInput, action: PostLoginAction): PostLoginEvent {
  const { user } = input;
  const client = ctx.client(input.clientId);
  const connection = ctx.connection(input.connection);
  const actionUser: PostLoginEvent['user'] = {
    user_id: user.user_id,
    email: user.email,
    email_verified: user.email_verified,
    name: user.name,
    nickname: user.nickname,
    picture: pictureOf(user, ctx.issuer),
    created_at: user.created_at,
    updated_at: user.updated_at,
    app_metadata: copy(user.app_metadata),
    user_metadata: copy(user.user_metadata),
    identities: [identityOf(user)],
  };
  if (user.username !== undefined) actionUser.username = user.username;
  if (user.given_name !== undefined) actionUser.given_name = user.given_name;
  if (user.family_name !== undefined) actionUser.family_name = user.family_name;
  if (user.last_login !== undefined) actionUser.last_login = user.last_login;

  const request: PostLoginEvent['request'] = {
    ip: input.info.ip,
    method: input.info.method,
    hostname: input.info.hostname,
    query: { ...input.info.query },
    body: copy({ ...input.info.body }),
    geoip: {},
  };
  if (input.info.userAgent !== undefined) request.user_agent = input.info.userAgent;
  if (input.info.language !== undefined) request.language = input.info.language;

  const transaction: PostLoginEvent['transaction'] = {
    protocol: input.protocol,
    requested_scopes: [...input.scopes],
    locale: input.uiLocales?.[0] ?? input.info.language?.split('-')[0] ?? 'en',
    ui_locales: [...(input.uiLocales ?? [])],
  };
  if (input.redirectUri !== undefined) transaction.redirect_uri = input.redirectUri;
  if (input.responseMode !== undefined) transaction.response_mode = input.responseMode;
  if (input.responseType !== undefined) transaction.response_type = [...input.responseType];
  if (input.state !== undefined) transaction.state = input.state;

  const event: PostLoginEvent = {
    user: actionUser,
    client: { client_id: input.clientId, name: client?.name ?? input.clientId, metadata: { ...(client?.client_metadata ?? {}) } },
    connection: {
      id: connection?.id ?? '',
      name: input.connection,
      strategy: connection?.strategy ?? 'auth0',
      metadata: { ...(connection?.metadata ?? {}) },
    },
    request,
    transaction,
    stats: { logins_count: user.logins_count },
    // Auth0 names a password login `pwd` and a social or enterprise one `federated`.
    authentication: { methods: [{ name: connection && connection.strategy !== 'auth0' ? 'federated' : 'pwd', timestamp: input.authenticatedAt }] },
    authorization: { roles: [] },
    tenant: { id: ctx.tenant.name },
    secrets: { ...(action.secrets ?? {}) },
  };
  if (input.audience !== undefined) event.resource_server = { identifier: input.audience };
  return event;
}
