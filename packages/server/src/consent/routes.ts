/**
 * The consent API of a signed-in user (bearer token): read the state, record a decision, withdraw
 * (optionally flagging or deleting the account), export the consent record. Every route acts on
 * the token's `sub` and nothing else: no path, query or body field names a user.
 */
import {
  DecisionError,
  applyConsentEvent,
  giveEvent,
  nextEventTime,
  sha256Hex,
  toConsentRecord,
  toKantaraReceipt,
  withdrawEvent,
  type ConsentEvent,
  type ConsentObject,
  type ConsentState,
} from '@assent/core';
import { Hono, type Context } from 'hono';
import type { TokenVerifier } from '../auth/bearer.js';
import type { ResolvedOptions } from '../config.js';
import { ApiError, invalidRequest } from '../errors.js';
import { decisionField, onlyFields, optionalEventId, purposeList, readJsonObject } from '../http/body.js';
import type { DirectoryUser, UserDirectory } from '../management/directory.js';
import { checkDecision } from './check-decision.js';
import { isFlaggedDeleted, readUserConsent, type UserConsent } from './read.js';
import type { UserLocks } from './user-lock.js';
import { appendWithTimeout, type WithdrawalRecord } from './withdrawal-log.js';
import { writeAppConsent } from './write.js';

/** What the consent routes need. */
export interface ConsentRouteContext {
  readonly options: ResolvedOptions;
  readonly verify: TokenVerifier;
  readonly directory: UserDirectory;
  readonly locks: UserLocks;
}

/** The JSON answer of GET /consent (and of the writes). */
export interface ConsentStateBody extends Omit<ConsentState, 'pending'> {
  readonly user_id: string;
  /** The record, as stored in app_metadata. */
  readonly app_metadata: { readonly consent: ConsentObject | null; readonly deleted: boolean };
}

function stateBody(userId: string, state: ConsentState, app: ConsentObject | null, deleted: boolean): ConsentStateBody {
  const { pending: _pending, ...rest } = state;
  return { user_id: userId, ...rest, app_metadata: { consent: app, deleted } };
}

export function consentRoutes(ctx: ConsentRouteContext): Hono {
  const { options, verify, directory, locks } = ctx;
  const { withdrawalLog } = options;
  const { policy } = options;
  const app = new Hono();
  const subject = async (c: Context) => (await verify(c.req.header('authorization'))).sub;
  const read = (user: DirectoryUser) => readUserConsent(user, policy, options.now());

  const respond = async (c: Context, user: DirectoryUser, extra: Record<string, unknown> = {}) => {
    const { state, app: stored } = await read(user);
    return c.json({ ...stateBody(user.user_id, state, stored, isFlaggedDeleted(user)), ...extra });
  };

  /** Reads the user and first writes into the record what it lacks: a verified signup, the user's own withdrawals. */
  const load = async (sub: string): Promise<DirectoryUser> => {
    const user = await directory.getUser(sub);
    const { pending } = await read(user);
    return pending.length ? writeAppConsent(directory, user, pending, { now: options.now() }) : user;
  };

  /**
   * After a withdrawal by the server, the user's own copy says the same: the withdrawal is applied
   * to it, or, when it does not decode, it is replaced by the record (nothing of the record is lost:
   * the record is app_metadata). Signup fields are left as they were sent (the record outranks them).
   */
  const mirror = async (user: DirectoryUser, before: UserConsent, event: ConsentEvent, purposes: readonly string[] | undefined): Promise<DirectoryUser> => {
    let consent: ConsentObject | null = null;
    if (before.user && !before.fromSignup) {
      let own: ConsentEvent;
      try {
        own = { ...withdrawEvent(before.user, policy, { ...(purposes ? { purposes } : {}), id: event.id, at: event.at }), source: 'server' };
      } catch (error) {
        if (!(error instanceof DecisionError)) throw error;
        own = event;
      }
      consent = applyConsentEvent(before.user, own, { now: options.now() });
    } else if (before.unreadable?.path.startsWith('user_metadata.consent')) {
      consent = (await read(user)).state.record;
    }
    return consent ? directory.updateMetadata(user.user_id, { user_metadata: { consent } }) : user;
  };

  app.get('/consent', async (c) => {
    const sub = await subject(c);
    return locks.run(sub, async () => respond(c, await load(sub)));
  });

  app.post('/consent', async (c) => {
    const sub = await subject(c);
    const body = await readJsonObject(c.req.raw, options.maxBodyBytes);
    onlyFields(body, ['decision', 'eventId']);
    const decision = decisionField(body.decision);
    const eventId = optionalEventId(body.eventId) ?? crypto.randomUUID();
    await checkDecision(decision, policy);
    return locks.run(sub, async () => {
      const user = await directory.getUser(sub);
      if (isFlaggedDeleted(user)) throw new ApiError(403, 'account_deleted', 'This account was deleted: consent can no longer be recorded');
      const before = await read(user);
      // Server time, not the client's clock (and after every entry either copy holds, so it is the newest).
      const at = nextEventTime(options.now(), before.state.record, before.user);
      const event: ConsentEvent = { ...giveEvent(decision, policy, { id: eventId, at }), source: 'server' };
      return respond(c, await writeAppConsent(directory, user, [...before.pending, event], { now: options.now() }), { event_id: eventId });
    });
  });

  app.post('/consent/withdraw', async (c) => {
    const sub = await subject(c);
    const body = await readJsonObject(c.req.raw, options.maxBodyBytes);
    onlyFields(body, ['purposes', 'erase', 'eventId']);
    const purposes = body.purposes === undefined ? undefined : purposeList(body.purposes, 'purposes');
    const erase = body.erase;
    if (erase !== undefined && erase !== 'flag' && erase !== 'delete') throw invalidRequest('erase', 'must be "flag" or "delete" (or left out)');
    if (erase === 'delete' && !withdrawalLog) {
      throw new ApiError(501, 'erase_not_configured', 'erase: "delete" needs a withdrawal log on the server (option withdrawalLog), so the withdrawal stays on record', { field: 'erase' });
    }
    const eventId = optionalEventId(body.eventId) ?? crypto.randomUUID();

    return locks.run(
      sub,
      async () => {
        const user = await directory.getUser(sub);
        const before = await read(user);
        const { record } = before.state;
        // The record; without one, what the user's own copy says (a withdrawal then records that).
        const current = record ?? before.state.consent;
        const at = nextEventTime(options.now(), record, before.user);
        let event: ConsentEvent | undefined;
        if (current) {
          try {
            event = { ...withdrawEvent(current, policy, { ...(purposes ? { purposes } : {}), id: eventId, at }), source: 'server' };
          } catch (error) {
            if (error instanceof DecisionError) {
              const index = /purposes\[(\d+)\]/.exec(error.message)?.[1];
              throw invalidRequest(index === undefined ? 'purposes' : `purposes[${index}]`, error.message);
            }
            throw error;
          }
        } else if (!erase) {
          throw new ApiError(409, 'no_consent', 'There is no consent to withdraw');
        }

        if (erase === 'delete' && withdrawalLog) {
          // The record with this withdrawal: never the user's claim.
          const after = event ? applyConsentEvent(record ?? undefined, event, { now: options.now() }) : record;
          const entry: WithdrawalRecord = {
            type: 'assent-withdrawal',
            format: 1,
            event_id: eventId,
            at,
            user_id: user.user_id,
            email_sha256: user.email ? await sha256Hex(user.email.toLowerCase()) : null,
            erase: 'delete',
            purposes: event?.declined ?? [],
            policy: after ? `${after.policy}@${after.version}` : null,
            consent: after,
          };
          await appendWithTimeout(withdrawalLog, entry, options.withdrawalLogTimeoutMs);
          await directory.deleteUser(user.user_id);
          return c.json({ user_id: user.user_id, erased: 'delete', event_id: eventId, at });
        }

        const flag = erase === 'flag' ? { deleted: true, deleted_at: at } : {};
        const events = [...before.pending, ...(event ? [event] : [])];
        let written = events.length ? await writeAppConsent(directory, user, events, { extra: flag, now: options.now() }) : await directory.updateMetadata(user.user_id, { app_metadata: flag });
        if (event) written = await mirror(written, before, event, purposes);
        return respond(c, written, { event_id: eventId, ...(erase ? { erased: erase } : {}) });
      },
      { needsStore: erase === 'delete' },
    );
  });

  app.get('/consent/export', async (c) => {
    const sub = await subject(c);
    const format = c.req.query('format') ?? 'both';
    if (!['both', 'jsonld', 'kantara'].includes(format)) throw invalidRequest('format', 'must be "both", "jsonld" or "kantara"');
    const user = await locks.run(sub, () => load(sub));
    // The record only: a claim in the user's own metadata is no evidence.
    const consent = (await read(user)).state.record;
    if (!consent) throw new ApiError(404, 'no_consent', 'There is no consent on record for this user');
    const subjectInfo = { id: user.user_id, ...(user.email ? { email: user.email } : {}) };
    const origin = options.documentOrigin;
    const record = () => toConsentRecord(consent, policy, subjectInfo, origin ? { origin } : {});
    const receipt = () => toKantaraReceipt(consent, policy, subjectInfo, { ...(origin ? { origin } : {}), ...options.kantara });
    if (format === 'jsonld') return c.body(JSON.stringify(record()), 200, { 'Content-Type': 'application/ld+json; charset=utf-8' });
    if (format === 'kantara') return c.json(receipt());
    return c.json({ record: record(), receipt: receipt() });
  });

  return app;
}
