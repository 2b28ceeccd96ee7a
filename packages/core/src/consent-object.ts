import { DecisionError, DecodeError } from './errors.js';
import { ID_PATTERN, LOCALE_PATTERN, MAX_PURPOSES, SHA256_PATTERN, VERSION_PATTERN } from './patterns.js';
import type { ConsentDecision, ConsentEventKind, ConsentHistoryEntry, ConsentObject, ConsentPolicy, ConsentSource } from './types.js';

/**
 * Byte limit (UTF-8 JSON) of the `history` array. The rest of the object is bounded by the policy
 * limits (ids, versions, at most 20 purposes, `text_details` <= 500 bytes) to about 1.5 KB, so a
 * consent object never exceeds `CONSENT_OBJECT_MAX_BYTES` and leaves most of Auth0's 10 KB profile
 * to the app. With typical ids an entry takes 150-250 bytes: 10 to 16 entries are kept.
 */
export const HISTORY_MAX_BYTES = 2500;
/** Byte limit (UTF-8 JSON) of a whole consent object: 4 KB. */
export const CONSENT_OBJECT_MAX_BYTES = 4096;
/** Byte limit of `text_details`. */
const TEXT_DETAILS_MAX_BYTES = 500;
/**
 * Byte limit (UTF-8 JSON) of `documents`. Typical policies need 30-60 bytes; a policy whose linked
 * documents would exceed it gets objects without `documents` (needsReconsent then asks again on any
 * policy version change).
 */
export const DOCUMENTS_MAX_BYTES = 300;

/**
 * How far in the future a history entry may be dated: 5 minutes. Entries are stamped with the
 * clock of whoever wrote them (a browser, the server, an Action), and clocks differ a little; an
 * entry dated further ahead is refused, since it would stay "the newest" and outrank every real
 * event until its date.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Options of the functions that read or build consent objects. */
export interface DecodeOptions {
  /** The clock (ms since the epoch) future dates are judged by; `Date.now()` by default. */
  readonly now?: number;
}

const EVENTS: readonly ConsentEventKind[] = ['given', 'withdrawn', 'updated'];
const SOURCES: readonly ConsentSource[] = ['signup', 'lock', 'browser', 'server', 'action'];
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;

/**
 * One change to a consent: a history entry plus what the state takes from it. Fields left out keep
 * the current object's values.
 */
export interface ConsentEvent extends ConsentHistoryEntry {
  /** Policy id; required when there is no current object. */
  readonly policy?: string;
  /** Hash of the statement shown (given, updated); required when there is no current object. */
  readonly hash?: string;
  /** Locale of the texts shown; required when there is no current object. */
  readonly locale?: string;
  /** Where the text can be read (`text_details`). */
  readonly textDetails?: string;
  /** Purposes offered but not accepted, recorded as `false` in `purposes`. */
  readonly declined?: readonly string[];
  /** Versions of the documents the consent refers to (`documents`); left out, the current object's stay. */
  readonly documents?: Readonly<Record<string, string>>;
  /**
   * Whether consent to the required purposes stands after the event. By default: true unless no
   * purpose at all remains accepted (withdrawing optional purposes keeps it).
   */
  readonly given?: boolean;
}

/** Options of `consentObjectFromDecision`. */
export interface ConsentObjectOptions {
  /** Where the decision was recorded from. */
  readonly source: ConsentSource;
  /** Id of the history entry; a fresh `crypto.randomUUID()` by default. Reuse it on retries so the event is recorded once. */
  readonly eventId?: string;
  /** `text_details`; by default the URL of the first document of the first required purpose. */
  readonly textDetails?: string;
  /** The clock the decision's date is checked against (see `DecodeOptions`). */
  readonly now?: number;
}

const utf8Bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** The newest history entry: history is never empty (decodeConsentObject guarantees it). */
export function newestEntry(consent: ConsentObject): ConsentHistoryEntry {
  return consent.history[consent.history.length - 1] as ConsentHistoryEntry;
}

/**
 * The time for a new event of a writer whose clock says `now`: `now`, or 1 ms after the newest entry
 * of `copies` when that is later (another writer's clock runs ahead, within `CLOCK_SKEW_MS`). An
 * event stamped so is the newest: it changes the state and the size cap never trims it.
 *
 * @example applyConsentEvent(record, { ...event, at: nextEventTime(Date.now(), record, userCopy) })
 */
export function nextEventTime(now: number, ...copies: readonly (ConsentObject | null | undefined)[]): string {
  const newest = Math.max(now, ...copies.map((copy) => (copy ? Date.parse(newestEntry(copy).at) + 1 : -Infinity)));
  return new Date(newest).toISOString();
}

/**
 * The one time order of history entries (and of events, `trimmed` marks and outbox records): by
 * time, then by id, so every writer sorts alike. Negative when `a` comes first.
 *
 * @example history.toSorted(compareHistoryEntries)
 */
export function compareHistoryEntries(a: { readonly at: string; readonly id: string }, b: { readonly at: string; readonly id: string }): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
const compare = compareHistoryEntries;

/**
 * The structured consent object (docs/architecture.md, "Data formats" 2) for a fresh decision: every purpose of
 * the policy with whether it was accepted, the proof (hash, locale, version) and a first `given`
 * history entry.
 *
 * @throws {DecisionError} `policy_mismatch` when the decision is for another policy or version;
 *   `invalid_event` when the options do not make a valid object.
 * @example user_metadata.consent = consentObjectFromDecision(decision, policy, { source: 'signup' });
 */
export function consentObjectFromDecision(decision: ConsentDecision, policy: ConsentPolicy, { source, eventId = crypto.randomUUID(), textDetails, now }: ConsentObjectOptions): ConsentObject {
  if (decision.policy !== policy.id || decision.version !== policy.version) {
    throw new DecisionError('policy_mismatch', `policy_mismatch: decision for ${decision.policy}@${decision.version}, policy ${policy.id}@${policy.version}`);
  }
  const firstRequired = policy.purposes.find((purpose) => purpose.required);
  const document = policy.documents.find((candidate) => candidate.id === firstRequired?.documents?.[0]) ?? policy.documents[0];
  return applyConsentEvent(
    undefined,
    {
      id: eventId,
      event: 'given',
      at: decision.at,
      version: decision.version,
      purposes: decision.purposes,
      declined: policy.purposes.map((purpose) => purpose.id).filter((id) => !decision.purposes.includes(id)),
      source,
      policy: decision.policy,
      hash: decision.hash,
      locale: decision.locale,
      textDetails: textDetails ?? document?.url ?? '',
      given: policy.purposes.every((purpose) => !purpose.required || decision.purposes.includes(purpose.id)),
      documents: acceptedDocuments(policy, decision.purposes),
    },
    now === undefined ? {} : { now },
  );
}

/**
 * The versions of the documents linked from `accepted` purposes (document id -> version), the
 * `documents` of a consent object; undefined when they would exceed `DOCUMENTS_MAX_BYTES`.
 *
 * @example acceptedDocuments(policy, ['terms']) // { terms: '3.1', privacy: '2.0' }
 */
export function acceptedDocuments(policy: ConsentPolicy, accepted: readonly string[]): Record<string, string> | undefined {
  const documents: Record<string, string> = {};
  for (const purpose of policy.purposes) {
    if (!accepted.includes(purpose.id)) continue;
    for (const id of purpose.documents ?? []) {
      const version = policy.documents.find((candidate) => candidate.id === id)?.version;
      if (version !== undefined) documents[id] = version;
    }
  }
  return utf8Bytes(documents) <= DOCUMENTS_MAX_BYTES ? documents : undefined;
}

/**
 * Applies one consent event (given, withdrawn, updated) to the current object, or starts one.
 * Idempotent by event id: an event already in the history, or older than what the size cap
 * trimmed, changes nothing. A late event (older than the newest entry) joins the history in time
 * order without changing the state, which always reflects the newest entry. The size cap trims
 * the oldest entries, never the newest: stamp an event after the newest entry (`nextEventTime`, as
 * the consent client and the server do) so it changes the state and is never the one trimmed.
 *
 * @throws {DecisionError} `invalid_event` naming the field when the event is incomplete or invalid,
 *   including an `at` more than `CLOCK_SKEW_MS` after `options.now`.
 * @example const next = applyConsentEvent(user.user_metadata.consent, {
 *   id: crypto.randomUUID(), event: 'withdrawn', at: new Date().toISOString(), version: policy.version,
 *   purposes: ['terms'], declined: ['marketing'], source: 'browser' });
 */
export function applyConsentEvent(current: ConsentObject | undefined, event: ConsentEvent, options: DecodeOptions = {}): ConsentObject {
  if (current && (current.history.some((entry) => entry.id === event.id) || (current.trimmed && compare(event, current.trimmed) <= 0))) return current;
  const purposes: Record<string, boolean> = {};
  for (const id of [...Object.keys(current?.purposes ?? {}), ...(event.declined ?? []), ...event.purposes]) purposes[id] = event.purposes.includes(id);
  const documents = event.documents ?? current?.documents;
  let single: ConsentObject;
  try {
    single = decodeConsentObject(
      {
        given: event.given ?? event.purposes.length > 0,
        date: event.at,
        text_details: event.textDetails ?? current?.text_details ?? '',
        policy: event.policy ?? current?.policy,
        version: event.version,
        purposes,
        hash: event.hash ?? current?.hash,
        locale: event.locale ?? current?.locale,
        ...(documents && { documents }),
        history: [{ id: event.id, event: event.event, at: event.at, version: event.version, purposes: event.purposes, source: event.source }],
      },
      options,
    );
  } catch (error) {
    if (error instanceof DecodeError) throw new DecisionError('invalid_event', 'invalid_event: ' + error.message);
    throw error;
  }
  return current ? mergeConsentObjects(current, single) : single;
}

/**
 * Merges two copies of one user's consent object, e.g. what a writer read and what is stored now,
 * so concurrent writers never lose each other's events: the histories are united by event id and
 * ordered by time then id; the state comes from the copy holding the newest entry; the size cap is
 * applied last. Commutative, associative and idempotent.
 *
 * @example const merged = mergeConsentObjects(stored, mine); // then write `merged` whole
 */
export function mergeConsentObjects(a: ConsentObject, b: ConsentObject): ConsentObject {
  const byId = new Map<string, ConsentHistoryEntry>();
  for (const entry of [...a.history, ...b.history]) {
    const seen = byId.get(entry.id);
    // Two different entries under one id should not exist; pick one the same way on every writer.
    if (!seen || JSON.stringify(entry) < JSON.stringify(seen)) byId.set(entry.id, entry);
  }
  const trimmed = [a.trimmed, b.trimmed].reduce((x, y) => (!x || (y && compare(y, x) > 0) ? y : x));
  const history = [...byId.values()].filter((entry) => !trimmed || compare(entry, trimmed) > 0).sort(compare);
  const order = compare(newestEntry(a), newestEntry(b));
  const { history: _history, trimmed: _trimmed, ...state } = order > 0 || (order === 0 && JSON.stringify(stateOf(a)) <= JSON.stringify(stateOf(b))) ? a : b;
  return cap({ ...state, history, ...(trimmed && { trimmed }) });
}

function stateOf({ history: _history, trimmed: _trimmed, ...state }: ConsentObject): Omit<ConsentObject, 'history' | 'trimmed'> {
  return state;
}

/** Trims the oldest history entries until the history fits `HISTORY_MAX_BYTES`; the newest entry always stays. */
function cap(object: ConsentObject): ConsentObject {
  let { history, trimmed } = object;
  for (const oldest of object.history) {
    if (history.length < 2 || utf8Bytes(history) <= HISTORY_MAX_BYTES) break;
    trimmed = { at: oldest.at, id: oldest.id };
    history = history.slice(1);
  }
  return deepFreeze({ ...object, history, ...(trimmed && { trimmed }) });
}

/**
 * Reads a consent object from metadata, checking every field: types, ids, versions, timestamps
 * (strict ISO 8601 UTC, none more than `CLOCK_SKEW_MS` after `options.now`), the event kinds and
 * sources (only the known ones), history order, the size limits, and that the state matches the
 * newest history entry (a state edited without its history is `tampered`).
 *
 * @throws {DecodeError} `malformed` (wrong type, syntax, order, unknown field or unknown `source`),
 *   `in_future` (an entry dated beyond the clock skew), `missing_field`, `too_large`, `tampered`;
 *   `path` names the field (`history[2].at`).
 * @example const consent = decodeConsentObject(user.app_metadata.consent);
 */
export function decodeConsentObject(value: unknown, { now = Date.now() }: DecodeOptions = {}): ConsentObject {
  const fail = (code: string, path: string, message: string): never => {
    throw new DecodeError(code, path, message);
  };
  // `fields` are required, `optional` allowed; `fields` null allows any key.
  const object = (input: unknown, path: string, fields: string | null, optional = ''): Record<string, unknown> => {
    if (!input || typeof input !== 'object' || Array.isArray(input)) fail('malformed', path, 'must be an object');
    const record = input as Record<string, unknown>;
    if (fields === null) return record;
    for (const key of Object.keys(record)) if (!`${fields} ${optional}`.split(' ').includes(key)) fail('malformed', `${path}${path && '.'}${key}`, 'is not a known field');
    for (const key of fields.split(' ')) if (record[key] === undefined) fail('missing_field', `${path}${path && '.'}${key}`, 'is missing');
    return record;
  };
  const text = (input: unknown, path: string, pattern: RegExp): string => (typeof input === 'string' && pattern.test(input) ? input : fail('malformed', path, `must be a string matching ${pattern}`));
  const oneOf = <T extends string>(input: unknown, path: string, values: readonly T[]): T =>
    values.includes(input as T) ? (input as T) : fail('malformed', path, `must be one of ${values.join(', ')}`);
  const ids = (input: unknown, path: string): string[] => {
    if (!Array.isArray(input) || input.length > MAX_PURPOSES) fail('malformed', path, `must be an array of at most ${MAX_PURPOSES} purpose ids`);
    const list = (input as unknown[]).map((id, i) => text(id, `${path}[${i}]`, ID_PATTERN));
    list.forEach((id, i) => list.indexOf(id) < i && fail('malformed', `${path}[${i}]`, 'is a duplicate'));
    if (list.join().length > 500) fail('too_large', path, 'ids exceed 500 characters');
    return list;
  };
  const timestamp = (input: unknown, path: string): string => {
    const at = text(input, path, ISO_UTC);
    return new Date(at).toISOString().slice(0, 19) === at.slice(0, 19) ? at : fail('malformed', path, 'is not a real date');
  };

  if (utf8Bytes(value ?? null) > CONSENT_OBJECT_MAX_BYTES) fail('too_large', '', `exceeds ${CONSENT_OBJECT_MAX_BYTES} bytes of JSON`);
  const input = object(value, '', 'given date text_details policy version purposes hash locale history', 'trimmed documents');
  if (typeof input.given !== 'boolean') fail('malformed', 'given', 'must be true or false');
  const textDetails = typeof input.text_details === 'string' ? input.text_details : fail('malformed', 'text_details', 'must be a string');
  if (utf8Bytes(textDetails) > TEXT_DETAILS_MAX_BYTES + 2) fail('too_large', 'text_details', `exceeds ${TEXT_DETAILS_MAX_BYTES} bytes`);
  const purposesInput = object(input.purposes, 'purposes', null);
  const purposes: Record<string, boolean> = {};
  ids(Object.keys(purposesInput), 'purposes').forEach((id) => {
    purposes[id] = typeof purposesInput[id] === 'boolean' ? (purposesInput[id] as boolean) : fail('malformed', `purposes.${id}`, 'must be true or false');
  });
  if (!Array.isArray(input.history) || !input.history.length) fail('malformed', 'history', 'must be a non-empty array');
  const history = (input.history as unknown[]).map((raw, i): ConsentHistoryEntry => {
    const path = `history[${i}]`;
    const entry = object(raw, path, 'id event at version purposes source');
    return {
      id: text(entry.id, path + '.id', EVENT_ID),
      event: oneOf(entry.event, path + '.event', EVENTS),
      at: timestamp(entry.at, path + '.at'),
      version: text(entry.version, path + '.version', VERSION_PATTERN),
      purposes: ids(entry.purposes, path + '.purposes'),
      source: oneOf(entry.source, path + '.source', SOURCES),
    };
  });
  history.reduce((previous, entry, i) => (compare(previous, entry) < 0 ? entry : fail('malformed', `history[${i}]`, 'is not after the entry before it (by time, then id)')));
  // History is in time order: the first entry dated too far ahead is the one to name.
  const ahead = history.findIndex((entry) => Date.parse(entry.at) > now + CLOCK_SKEW_MS);
  if (ahead >= 0) fail('in_future', `history[${ahead}].at`, `is dated more than ${CLOCK_SKEW_MS / 60000} minutes after now (${new Date(now).toISOString()})`);
  let trimmed: ConsentObject['trimmed'];
  if (input.trimmed !== undefined) {
    const mark = object(input.trimmed, 'trimmed', 'at id');
    trimmed = { at: timestamp(mark.at, 'trimmed.at'), id: text(mark.id, 'trimmed.id', EVENT_ID) };
    if (compare(trimmed, history[0] as ConsentHistoryEntry) >= 0) fail('malformed', 'trimmed', 'must be older than the first history entry');
  }
  if (utf8Bytes(history) > HISTORY_MAX_BYTES && history.length > 1) fail('too_large', 'history', `exceeds ${HISTORY_MAX_BYTES} bytes of JSON`);
  let documents: Record<string, string> | undefined;
  if (input.documents !== undefined) {
    const versions = object(input.documents, 'documents', null);
    documents = {};
    for (const id of Object.keys(versions)) documents[text(id, 'documents', ID_PATTERN)] = text(versions[id], `documents.${id}`, VERSION_PATTERN);
    if (utf8Bytes(documents) > DOCUMENTS_MAX_BYTES) fail('too_large', 'documents', `exceeds ${DOCUMENTS_MAX_BYTES} bytes of JSON`);
  }

  const consent: ConsentObject = {
    given: input.given as boolean,
    date: timestamp(input.date, 'date'),
    text_details: textDetails,
    policy: text(input.policy, 'policy', ID_PATTERN),
    version: text(input.version, 'version', VERSION_PATTERN),
    purposes,
    hash: text(input.hash, 'hash', SHA256_PATTERN),
    locale: text(input.locale, 'locale', LOCALE_PATTERN),
    ...(documents && { documents }),
    history,
    ...(trimmed && { trimmed }),
  };
  // The state is what the newest entry left: a state edited without its history was tampered with.
  const newest = newestEntry(consent);
  const accepted = Object.keys(purposes).filter((id) => purposes[id]);
  if (consent.date !== newest.at) fail('tampered', 'date', 'differs from the newest history entry');
  if (consent.version !== newest.version) fail('tampered', 'version', 'differs from the newest history entry');
  if (accepted.length !== newest.purposes.length || accepted.some((id) => !newest.purposes.includes(id))) fail('tampered', 'purposes', 'differ from the newest history entry');
  return deepFreeze(consent);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}
