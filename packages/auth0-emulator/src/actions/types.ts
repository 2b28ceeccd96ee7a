/**
 * The post-login Action extension point: the shapes of Auth0's `event` and `api` objects for the
 * fields the emulator fills. An Action written for Auth0 (`exports.onExecutePostLogin = async
 * (event, api) => {...}`) runs here unchanged as long as it sticks to these.
 */

/** One identity of the user (`event.user.identities[]`). */
export interface ActionIdentity {
  connection: string;
  provider: string;
  user_id: string;
  isSocial: boolean;
}

/** `event.user`. */
export interface ActionUser {
  user_id: string;
  email: string;
  email_verified: boolean;
  username?: string;
  name: string;
  nickname: string;
  picture: string;
  given_name?: string;
  family_name?: string;
  created_at: string;
  updated_at: string;
  last_login?: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  identities: ActionIdentity[];
}

/** The Auth0 post-login event (documented shape, fields the emulator fills). */
export interface PostLoginEvent {
  user: ActionUser;
  client: { client_id: string; name: string; metadata: Record<string, string> };
  connection: { id: string; name: string; strategy: string; metadata: Record<string, string> };
  request: {
    ip: string;
    method: string;
    hostname: string;
    user_agent?: string;
    language?: string;
    query: Record<string, string>;
    body: Record<string, unknown>;
    geoip: Record<string, unknown>;
  };
  transaction: {
    protocol: 'oidc-basic-profile' | 'oidc-implicit-profile' | 'oauth2-password';
    requested_scopes: string[];
    redirect_uri?: string;
    response_mode?: string;
    response_type?: string[];
    state?: string;
    locale: string;
    ui_locales: string[];
  };
  stats: { logins_count: number };
  authentication: { methods: { name: string; timestamp: string }[] };
  authorization: { roles: string[] };
  resource_server?: { identifier: string };
  tenant: { id: string };
  secrets: Record<string, string>;
  /** In `onContinuePostLogin` after `api.prompt.render`: the Form and what the user answered. */
  prompt?: { id: string; fields: Record<string, unknown>; vars: Record<string, unknown> };
}

/** Options of `api.prompt.render`. */
export interface RenderOptions {
  /** Values the Form shows as `{{vars.<name>}}` (in texts and custom field params). */
  vars?: Record<string, unknown>;
  /** Values of the Form's fields, hidden fields included, before the user answers. */
  fields?: Record<string, unknown>;
}

/** Options of `api.redirect.encodeToken`. */
export interface EncodeTokenOptions {
  secret: string;
  /** Default 900. */
  expiresInSeconds?: number;
  payload: Record<string, unknown>;
}

/** Options of `api.redirect.validateToken`. */
export interface ValidateTokenOptions {
  secret: string;
  /** Request parameter carrying the token back to /continue; default `session_token`. */
  tokenParameterName?: string;
}

/** The `api` object of a post-login Action (the methods the emulator implements). */
export interface PostLoginApi {
  access: { deny(reason: string): PostLoginApi };
  user: {
    setAppMetadata(name: string, value: unknown): PostLoginApi;
    setUserMetadata(name: string, value: unknown): PostLoginApi;
  };
  idToken: { setCustomClaim(name: string, value: unknown): PostLoginApi };
  accessToken: { setCustomClaim(name: string, value: unknown): PostLoginApi };
  /** Forms for Actions: renders a Form after this Action; the login resumes in its `onContinuePostLogin`. */
  prompt: { render(formId: string, options?: RenderOptions): PostLoginApi };
  redirect: {
    sendUserTo(url: string, options?: { query?: Record<string, string> }): PostLoginApi;
    encodeToken(options: EncodeTokenOptions): string;
    validateToken(options: ValidateTokenOptions): Record<string, unknown>;
  };
}

/** The Auth0 pre-user-registration event (documented shape, fields the emulator fills at database signup). */
export interface PreUserRegistrationEvent {
  /** The user about to be created: what the signup request carries, never the password. */
  user: {
    email: string;
    username?: string;
    name?: string;
    nickname?: string;
    given_name?: string;
    family_name?: string;
    picture?: string;
    user_metadata: Record<string, unknown>;
    app_metadata: Record<string, unknown>;
  };
  client: { client_id: string; name: string; metadata: Record<string, string> };
  connection: { id: string; name: string; strategy: string; metadata: Record<string, string> };
  request: PostLoginEvent['request'];
  transaction: { locale: string };
  tenant: { id: string };
  secrets: Record<string, string>;
}

/** The `api` object of a pre-user-registration Action (the methods the emulator implements). */
export interface PreUserRegistrationApi {
  access: {
    /** Refuses the signup: `reason` is for logs, `userMessage` is what the signup answer shows. */
    deny(reason: string, userMessage?: string): PreUserRegistrationApi;
  };
  validation: {
    /** Refuses the signup with `message` shown in the signup prompt (Universal Login) and `code` for the application. */
    error(code: string, message: string): PreUserRegistrationApi;
  };
  user: {
    setUserMetadata(name: string, value: unknown): PreUserRegistrationApi;
    setAppMetadata(name: string, value: unknown): PreUserRegistrationApi;
  };
}

/**
 * An Action module: Auth0's post-login entry points and, for database signups, the
 * pre-user-registration one. A module may export any of them.
 */
export interface PostLoginAction {
  /** For logs and errors. */
  name?: string;
  /** Given as `event.secrets`. */
  secrets?: Record<string, string>;
  onExecutePostLogin?(event: PostLoginEvent, api: PostLoginApi): unknown;
  onContinuePostLogin?(event: PostLoginEvent, api: PostLoginApi): unknown;
  /** Runs before a database signup creates the user; may deny it or set metadata. */
  onExecutePreUserRegistration?(event: PreUserRegistrationEvent, api: PreUserRegistrationApi): unknown;
}
