/**
 * The public shapes of consent after signup: the state a signed-in user's consent is in, what
 * changed since they consented, the events waiting in the outbox, and the Management API transport
 * the client talks through. Pure types: importing this module costs no bytes.
 */
import type { HeadersLike } from '../signup/transport.js';
import type { ConsentHistoryEntry, ConsentObject } from '../types.js';

/**
 * Where a user's consent stands, by the trust rule (`app_metadata.consent` is the record).
 * - `given`: the record says consent to the policy's required purposes stands and nothing that
 *   needs asking again changed. Only ever from the record.
 * - `withdrawn`: the user withdrew, in the record or in their own copy (a withdrawal counts from
 *   any copy at once).
 * - `none`: no consent anywhere (no consent object, no signup fields).
 * - `outdated`: the record says given, but for another policy, or a document behind a required
 *   purpose changed version, or a required purpose is not accepted: ask again (`reconsent` says
 *   what changed). Only ever from the record.
 * - `claimed`: no record stands, but the user's own copy (`user_metadata.consent`, written with
 *   their token, or the signup fields) says given. Unverified: show it as the user's claim, never
 *   act on it as consent. It becomes the record once a backend verifies it (the server's
 *   `POST /consent`, the consent page, a verified signup).
 */
export type ConsentStatus = 'given' | 'withdrawn' | 'none' | 'outdated' | 'claimed';

/**
 * Which copy the state was read from: `app_metadata.consent` (the record, written by a backend),
 * `user_metadata.consent` (written with the user's token: a claim, or a withdrawal) or the flat
 * signup fields (`consent_*`, before their first conversion into a consent object: a claim).
 */
export type ConsentStateSource = 'app_metadata' | 'user_metadata' | 'signup';

/** A consent event the client has recorded but Auth0 has not confirmed yet (kept in the outbox). */
export interface PendingConsentEvent {
  /** Event id: the history entry it becomes, so it is stored once however often it is sent. */
  readonly id: string;
  readonly event: ConsentHistoryEntry['event'];
  /** When the user acted (ISO 8601 UTC). */
  readonly at: string;
  /** Accepted purposes after the event. */
  readonly purposes: readonly string[];
  /** Failed attempts so far. */
  readonly attempts: number;
  /** Earliest time of the next attempt (ms since the epoch); 0 when due now. */
  readonly nextAttemptAt: number;
  /** Code of the last failure (`network`, `timeout`, `rate_limited`, `server`, `conflict`...), if any. */
  readonly lastError?: string;
}

/** A document whose version differs from the one the standing consent refers to. */
export interface DocumentChange {
  /** Document id in the policy. */
  readonly id: string;
  /** Version the user agreed to; `null` when unknown (a new document, or a consent recorded without document versions). */
  readonly from: string | null;
  /** Version in the current policy. */
  readonly to: string;
  /** Whether a required purpose links it: then the user must be asked again. */
  readonly required: boolean;
  /** Purposes of the current policy that link it. */
  readonly purposes: readonly string[];
}

/**
 * Why the user should be asked again.
 * - `no_consent`: nothing is recorded.
 * - `other_policy`: the consent is for another policy id.
 * - `document_changed`: a document behind a required purpose has a new version (or is new).
 * - `documents_unknown`: the policy version changed and the consent does not say which document
 *   versions it covered (recorded before they were stored, or from an older signup): asked to be safe.
 * - `required_purpose`: a required purpose of the policy is not accepted (a new one, or one the
 *   user had declined or withdrawn while it was optional).
 */
export type ReconsentReason = 'no_consent' | 'other_policy' | 'document_changed' | 'documents_unknown' | 'required_purpose';

/** What `needsReconsent` found: whether to ask again, what to offer, and what changed. */
export interface ReconsentCheck {
  /** Ask again before going on: `reasons` is not empty. Never true for a withdrawn consent. */
  readonly required: boolean;
  readonly reasons: readonly ReconsentReason[];
  /** Optional purposes of the policy the user never decided on: offer them (unticked), never assume them. */
  readonly offer: readonly string[];
  /** Documents with another version than the one agreed to, required or not. */
  readonly documents: readonly DocumentChange[];
  /** Purposes of the policy the stored consent has no answer for (required and optional). */
  readonly newPurposes: readonly string[];
  /** Required purposes of the policy that are not accepted. */
  readonly missingRequired: readonly string[];
  /** Purposes the stored consent answers that the policy no longer has (nothing to ask for them). */
  readonly removedPurposes: readonly string[];
  /** `policy@version` the stored consent refers to, `null` when there is none. */
  readonly from: string | null;
  /** `policy@version` of the current policy. */
  readonly to: string;
}

/**
 * A user's consent as the client read it (see `getConsent`), by the trust rule. The fields from
 * `policy` to `consent` describe what `status` is about: the record, or, when the status is
 * `claimed`, the user's claim (`verified` false). Act on consent only when `verified` is true;
 * exports and reports use `record`.
 */
export interface ConsentState {
  readonly status: ConsentStatus;
  /** Which copy the state comes from; `null` when the status is `none`. */
  readonly source: ConsentStateSource | null;
  /** Whether the fields below come from the record (`app_metadata.consent`); false for a claim or the user's own withdrawn copy. */
  readonly verified: boolean;
  /** Policy id of the stored consent, `null` when none. */
  readonly policy: string | null;
  /** Policy version of the stored consent, `null` when none. */
  readonly version: string | null;
  /** Date of the newest event (ISO 8601 UTC), `null` when none. */
  readonly date: string | null;
  /** Every purpose the stored consent answers: true when accepted. */
  readonly purposes: Readonly<Record<string, boolean>>;
  /** Ids of the accepted purposes, in the current policy's order, then any others. */
  readonly accepted: readonly string[];
  /**
   * Every event in either copy, oldest first (the record's entry where both have one). Entries only
   * the user's copy holds are the user's own writes: shown, not proof.
   */
  readonly history: readonly ConsentHistoryEntry[];
  /** The stored consent object the fields above were read from (the record or the claim); `null` when none. */
  readonly consent: ConsentObject | null;
  /**
   * The record: `app_metadata.consent` with the user's withdrawals applied (`trustedConsent`);
   * `null` when no backend recorded one. What `toConsentRecord` / `toKantaraReceipt` export.
   */
  readonly record: ConsentObject | null;
  /** The user's unverified claim when their copy says more than the record (see `claimed`), else `null`. */
  readonly claim: ConsentObject | null;
  /** `needsReconsent(consent, policy)`: what changed since the user consented. */
  readonly reconsent: ReconsentCheck;
  /**
   * Events recorded on this device that Auth0 has not confirmed yet, oldest first. The status above
   * is what is stored: a pending event never changes it before Auth0 has it.
   */
  readonly pending: readonly PendingConsentEvent[];
}

/**
 * What `give` and `withdraw` resolve with: the state, and the history entry the call recorded.
 * Find `event.id` in `pending` to tell whether Auth0 has it yet.
 */
export interface ConsentChange extends ConsentState {
  /** The event recorded: its id, kind, time and the purposes accepted after it. */
  readonly event: ConsentHistoryEntry;
}

/** The part of a Management API user the consent client reads (Auth0's own snake_case names). */
export interface ManagementUser {
  readonly user_id: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/** One request of a `ManagementTransport`: the user it is about and how to authorise and cancel it. */
export interface ManagementRequest {
  /** Management API base URL without a trailing slash: `https://acme.eu.auth0.com/api/v2`. */
  readonly baseUrl: string;
  readonly userId: string;
  /** A Management API access token of this user (`read:current_user`, `update:current_user_metadata`). */
  readonly token: string;
  /** Aborts the request: the client combines its timeout with the caller's signal here. */
  readonly signal: AbortSignal;
}

/** An HTTP answer as a transport hands it over, whatever its status. */
export interface ManagementResponse {
  readonly status: number;
  /** At least Retry-After and X-RateLimit-Reset when the server sent (and CORS exposed) them. */
  readonly headers: HeadersLike;
  /** Parsed JSON; the text when the body is not JSON; undefined when empty. Auth0's own names, nothing renamed. */
  readonly body: unknown;
}

/**
 * How the consent client reaches the Management API. The contract (test/browser/suites/management-transport-suite.ts):
 * - resolve with the answer, whatever its status, with the body as Auth0 sent it (snake_case);
 * - reject only when no answer came: with `signal.reason` once `signal` aborts (and stop the
 *   request), otherwise with the underlying error (offline, refused, reset, CORS);
 * - send each request once: retrying is the client's job (it knows what is idempotent).
 *
 * `fetchManagementTransport()` is the default; `auth0JsManagementTransport()` (entry point
 * `@assent/core/state/auth0-js-management.js`) goes through auth0-js's `Management`.
 */
export interface ManagementTransport {
  /** GET {baseUrl}/users/{userId}. */
  getUser(request: ManagementRequest): Promise<ManagementResponse>;
  /** PATCH {baseUrl}/users/{userId} with `{ user_metadata: metadata }` (Auth0 merges its root keys and replaces nested objects). */
  patchUserMetadata(request: ManagementRequest, metadata: Readonly<Record<string, unknown>>): Promise<ManagementResponse>;
}

/**
 * Why a Management API request failed (`ManagementError#code`). `network`, `timeout`,
 * `rate_limited` and `server` are transient: the outbox keeps the event and retries.
 */
export type ManagementErrorCode = 'network' | 'timeout' | 'aborted' | 'rate_limited' | 'server' | 'unauthorized' | 'forbidden' | 'not_found' | 'bad_request' | 'invalid_response';
