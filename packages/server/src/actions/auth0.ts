/**
 * The parts of Auth0's Action `event` and `api` objects that the Assent Actions use (Auth0 publishes
 * no types for them). Only what the Actions read or call is declared, so a field Auth0 may leave out
 * is optional here.
 */

/** Metadata objects as Auth0 passes them: anything the user, the app or a backend stored. */
export type Metadata = Readonly<Record<string, unknown>>;

/** `event.user` of both triggers. */
export interface ActionUser {
  readonly user_id?: string;
  readonly app_metadata?: Metadata;
  readonly user_metadata?: Metadata;
}

/** `event.request` of both triggers: the HTTP request that started the transaction. */
export interface ActionRequest {
  /** The parsed body of a form or JSON request (Universal Login signup prompts post their fields here). */
  readonly body?: Metadata;
}

/** The "Login / Post Login" event. */
export interface PostLoginEvent {
  readonly user: ActionUser & { readonly user_id: string };
  readonly secrets?: Readonly<Record<string, string | undefined>>;
  readonly request?: ActionRequest;
  readonly transaction?: { readonly protocol?: string; readonly locale?: string };
  /** In `onContinuePostLogin` after `api.prompt.render`: the Form's answer. */
  readonly prompt?: { readonly id?: string; readonly fields?: Metadata; readonly vars?: Metadata };
}

/** The "Login / Post Login" api. */
export interface PostLoginApi {
  readonly access: { deny(reason: string): unknown };
  readonly user: { setAppMetadata(name: string, value: unknown): unknown };
  readonly idToken: { setCustomClaim(name: string, value: unknown): unknown };
  readonly accessToken: { setCustomClaim(name: string, value: unknown): unknown };
  /** Forms for Actions: renders a Form; the login resumes in `onContinuePostLogin` with `event.prompt.fields`. */
  readonly prompt?: { render(formId: string, options?: { vars?: Record<string, unknown>; fields?: Record<string, unknown> }): unknown };
  readonly redirect: {
    sendUserTo(url: string, options?: { query?: Record<string, string> }): unknown;
    encodeToken(options: { secret: string; expiresInSeconds?: number; payload: Record<string, unknown> }): string;
    validateToken(options: { secret: string; tokenParameterName?: string }): Record<string, unknown>;
  };
}

/** The "Sign Up / Pre User Registration" event. */
export interface PreUserRegistrationEvent {
  readonly user: ActionUser;
  readonly secrets?: Readonly<Record<string, string | undefined>>;
  readonly request?: ActionRequest;
}

/** The "Sign Up / Pre User Registration" api. */
export interface PreUserRegistrationApi {
  /** Refuses the signup: `reason` goes to the tenant logs, `userMessage` to the user. */
  readonly access: { deny(reason: string, userMessage?: string): unknown };
  /** Refuses the signup with `message` shown in the Universal Login prompt, which stays open. */
  readonly validation?: { error(code: string, message: string): unknown };
  /** Stores metadata with the user about to be created. */
  readonly user?: { setAppMetadata(name: string, value: unknown): unknown; setUserMetadata(name: string, value: unknown): unknown };
}
