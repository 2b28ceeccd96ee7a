/**
 * The public data shapes of Assent. Pure types: importing this module costs no bytes.
 * The JSON formats are described in docs/policy.md and docs/architecture.md; these types are their contract.
 */

/** Lawful basis of a purpose (GDPR Art. 6(1)). Only `consent` purposes can be withdrawn. */
export type LegalBasis = 'consent' | 'contract' | 'legal_obligation' | 'legitimate_interest';

/** A document the user is asked to accept or read (terms, privacy notice...). */
export interface PolicyDocument {
  /** Stable id, `[a-z0-9_-]`, unique among documents. Also the message key `document.<id>`. */
  readonly id: string;
  /** Where the document is published: http(s) or a same-origin path starting with `/`. */
  readonly url: string;
  /** Version of the document text; changing it on a required purpose means asking again. */
  readonly version: string;
  /** Optional SHA-256 (hex) of the published document, included in the consent hash. */
  readonly sha256?: string;
}

/** One matter the user decides on. Required purposes gate the signup; optional ones are offered, never pre-ticked. */
export interface Purpose {
  /** Stable id, `[a-z0-9_-]`, unique among purposes. Also the message key `purpose.<id>`. */
  readonly id: string;
  /** Whether signup is impossible without it. Exactly the purposes marked required are gated. */
  readonly required: boolean;
  readonly basis: LegalBasis;
  /** Ids of the documents linked from this purpose's sentence. */
  readonly documents?: readonly string[];
}

/** Texts of one locale: message key -> text. Keys are listed in `MessageKey` of messages.ts. */
export type Messages = Readonly<Record<string, string>>;

/** The consent policy document (docs/policy.md). Validated by `parsePolicy`. */
export interface ConsentPolicy {
  /** Stable name, `[a-z0-9_-]`. */
  readonly id: string;
  /** Bumped when anything the user agrees to changes. */
  readonly version: string;
  readonly controller: { readonly name: string; readonly contact?: string };
  readonly documents: readonly PolicyDocument[];
  readonly purposes: readonly Purpose[];
  readonly withdrawal?: { readonly url: string };
  /** Per-locale overrides of the built-in texts, e.g. `{ de: { 'purpose.marketing': '...' } }`. */
  readonly messages?: Readonly<Record<string, Messages>>;
}

/**
 * What one user decided, with what they were shown: the proof of consent (GDPR Art. 7(1)).
 * `hash` is the SHA-256 of the canonical statement (policy id+version, document ids+versions(+sha256),
 * accepted purposes, locale and the exact rendered consent text).
 */
export interface ConsentDecision {
  /** Policy id. */
  readonly policy: string;
  /** Policy version. */
  readonly version: string;
  /** Ids of the accepted purposes, in policy order. Always includes every required purpose. */
  readonly purposes: readonly string[];
  /** Locale of the texts shown (BCP 47). */
  readonly locale: string;
  /** When the user decided: ISO 8601 UTC, client clock. */
  readonly at: string;
  /** SHA-256 hex (64 lowercase chars) of the canonical statement. */
  readonly hash: string;
}

/** Kind of an entry in the consent history. */
export type ConsentEventKind = 'given' | 'withdrawn' | 'updated';

/** Where a consent event was recorded from. */
export type ConsentSource = 'signup' | 'lock' | 'browser' | 'server' | 'action';

/** One entry of the consent history. `id` makes writes idempotent: an event is applied once. */
export interface ConsentHistoryEntry {
  readonly id: string;
  readonly event: ConsentEventKind;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** Policy version the event refers to. */
  readonly version: string;
  /** Accepted purposes after the event. */
  readonly purposes: readonly string[];
  readonly source: ConsentSource;
}

/**
 * The structured `user_metadata.consent` / `app_metadata.consent` object. Compatible with the
 * shape of Auth0's GDPR guide (`given`, `date`, `text_details`), plus the proof and the history.
 */
export interface ConsentObject {
  /** Auth0 GDPR guide: whether consent (to the required purposes) currently stands. */
  readonly given: boolean;
  /** Auth0 GDPR guide: ISO 8601 UTC of the latest event. */
  readonly date: string;
  /** Auth0 GDPR guide: where the text shown can be read (the first linked document's URL). */
  readonly text_details: string;
  readonly policy: string;
  readonly version: string;
  /** Every purpose of the policy at `version`: true when accepted. */
  readonly purposes: Readonly<Record<string, boolean>>;
  readonly hash: string;
  readonly locale: string;
  /**
   * Versions of the documents the standing consent refers to (document id -> version): those linked
   * from the purposes accepted at the newest `given` / `updated` event. `needsReconsent` compares
   * them with the policy to say which document changed. Absent in objects written before it existed
   * and when it would exceed `DOCUMENTS_MAX_BYTES` (then a changed policy version means asking again).
   */
  readonly documents?: Readonly<Record<string, string>>;
  /** Oldest first; capped (see consent-object.ts), never losing the latest state. */
  readonly history: readonly ConsentHistoryEntry[];
  /**
   * Present once the size cap has trimmed history: the newest entry trimmed. Merges drop entries
   * at or before it, so concurrent writers agree on what was trimmed.
   */
  readonly trimmed?: { readonly at: string; readonly id: string };
}
