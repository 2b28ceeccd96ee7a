/**
 * Pre-user-registration Actions at database signup, with Auth0's semantics: they run in order
 * before the user exists; `api.access.deny(reason, userMessage)` refuses the signup and stops the
 * rest; `api.validation.error(code, message)` refuses it with a message for the signup prompt and
 * stops the rest; metadata set through `api.user` is stored with the new user and seen by the next Actions.
 * An Action that throws refuses the signup too.
 */
import type { EmulatorContext } from '../context.js';
import type { RequestInfo } from '../http/request-info.js';
import type { PostLoginAction, PreUserRegistrationApi, PreUserRegistrationEvent } from './types.js';

/** The signup as the Actions see it. */
export interface RegistrationInput {
  readonly clientId: string;
  readonly connection: string;
  readonly info: RequestInfo;
  readonly user: PreUserRegistrationEvent['user'];
  /** The page language of a hosted signup (else the request's Accept-Language). */
  readonly locale?: string | undefined;
}

export type RegistrationOutcome =
  | { readonly type: 'allowed'; readonly user_metadata: Record<string, unknown>; readonly app_metadata: Record<string, unknown> }
  | { readonly type: 'denied'; readonly reason: string; readonly userMessage?: string | undefined }
  | { readonly type: 'invalid'; readonly code: string; readonly message: string };

/** Root merge as Auth0 applies `setUserMetadata` / `setAppMetadata`: `null` / `undefined` delete the key. */
function setKey(target: Map<string, unknown>, name: string, value: unknown): void {
  if (value === null || value === undefined) target.delete(name);
  else target.set(name, structuredClone(value));
}

/** Runs every Action's `onExecutePreUserRegistration` for one signup. */
export async function runPreUserRegistration(
  ctx: EmulatorContext,
  input: RegistrationInput,
  actions: readonly PostLoginAction[] = ctx.actionsFor('pre-user-registration'),
): Promise<RegistrationOutcome> {
  const userMetadata = new Map(Object.entries(structuredClone(input.user.user_metadata)));
  const appMetadata = new Map(Object.entries(structuredClone(input.user.app_metadata)));
  const client = ctx.client(input.clientId);
  const connection = ctx.connection(input.connection);
  for (const [index, action] of actions.entries()) {
    const handler = action.onExecutePreUserRegistration;
    if (typeof handler !== 'function') continue;
    let denied: { reason: string; userMessage?: string | undefined } | undefined;
    let invalid: { code: string; message: string } | undefined;
    const api: PreUserRegistrationApi = {
      access: {
        deny(reason, userMessage) {
          denied = { reason: String(reason), ...(userMessage === undefined ? {} : { userMessage: String(userMessage) }) };
          return api;
        },
      },
      validation: {
        error(code, message) {
          invalid = { code: String(code), message: String(message) };
          return api;
        },
      },
      user: {
        setUserMetadata(name, value) {
          setKey(userMetadata, name, value);
          return api;
        },
        setAppMetadata(name, value) {
          setKey(appMetadata, name, value);
          return api;
        },
      },
    };
    const event: PreUserRegistrationEvent = {
      user: { ...structuredClone(input.user), user_metadata: structuredClone(Object.fromEntries(userMetadata)), app_metadata: structuredClone(Object.fromEntries(appMetadata)) },
      client: { client_id: input.clientId, name: client?.name ?? input.clientId, metadata: { ...(client?.client_metadata ?? {}) } },
      connection: { id: connection?.id ?? '', name: input.connection, strategy: connection?.strategy ?? 'auth0', metadata: { ...(connection?.metadata ?? {}) } },
      request: {
        ip: input.info.ip,
        method: input.info.method,
        hostname: input.info.hostname,
        query: { ...input.info.query },
        body: structuredClone({ ...input.info.body }),
        geoip: {},
        ...(input.info.userAgent === undefined ? {} : { user_agent: input.info.userAgent }),
        ...(input.info.language === undefined ? {} : { language: input.info.language }),
      },
      transaction: { locale: input.locale ?? input.info.language?.split('-')[0] ?? 'en' },
      tenant: { id: ctx.tenant.name },
      secrets: { ...(action.secrets ?? {}) },
    };
    try {
      await handler.call(action, event, api);
    } catch (error) {
      return { type: 'denied', reason: `Action ${action.name ?? index} failed: ${(error as Error)?.message ?? String(error)}` };
    }
    if (denied) return { type: 'denied', ...denied };
    if (invalid) return { type: 'invalid', ...invalid };
  }
  return { type: 'allowed', user_metadata: Object.fromEntries(userMetadata), app_metadata: Object.fromEntries(appMetadata) };
}
