/**
 * The consent API of a signed-in user (bearer token): read the state, record a decision, withdraw
 * (optionally flagging or deleting the account), export the consent record. Every route acts on
 * the token's `sub` and nothing else: no path, query or body field names a user.
 */
import {
  DecisionError,
  applyConsentEvent,
  giveEvent,
  mergeConsentObjects,
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
import { isFlaggedDeleted, readUserConsent } from './read.js';
import type { UserLocks } from './user-lock.js';
import type { WithdrawalRecord } from './withdrawal-log.js';
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
  /** The authoritative copy, as stored in app_metadata. */
  readonly app_metadata: { readonly consent: ConsentObject | null; readonly deleted: boolean };
}

function stateBody(userId: string, state: ConsentState, app: ConsentObject | null, deleted: boolean): ConsentStateBody {
  const { pending: _pending, ...rest } = state;
  return { user_id: userId, ...rest, app_metadata: { consent: app, deleted } };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The whole evidence: both copies' histories, the state of the newest. */
function evidence(app: ConsentObject | null, user: ConsentObject | null): ConsentObject | null {
  return app && user ? mergeConsentObjects(app, user) : (app ?? user);
}

export function consentRoutes(ctx: ConsentRouteContext): Hono {
  const { options, verify, directory, locks } = ctx;
  const { withdrawalLog } = options;
  const { policy } = options;
  const app = new Hono();
  const serverTime = () => new Date(options.now()).toISOString();
  const subject = async (c: Context) => (await verify(c.req.header('authorization'))).sub;

  const respond = async (c: Context, user: DirectoryUser, extra: Record<string, unknown> = {}) => {
    const read = await readUserConsent(user, policy);
    return c.json({ ...stateBody(user.user_id, read.state, read.app, isFlaggedDeleted(user)), ...extra });
  };

  app.get('/consent', async (c) => {
    const sub = await subject(c);
    return respond(c, await directory.getUser(sub));
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
      // Server time, not the client's clock: the authoritative copy says when the server recorded it.
      const event: ConsentEvent = { ...giveEvent(decision, policy, { id: eventId, at: serverTime() }), source: 'server' };
      return respond(c, await writeAppConsent(directory, user, event), { event_id: eventId });
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

    return locks.run(sub, async () => {
      const user = await directory.getUser(sub);
      const read = await readUserConsent(user, policy);
      const current = read.state.consent;
      const at = serverTime();
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
        const after = event ? applyConsentEvent(evidence(read.app, read.user) ?? undefined, event) : null;
        const record: WithdrawalRecord = {
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
        try {
          await withdrawalLog.append(record);
        } catch (error) {
          throw new ApiError(500, 'withdrawal_log_failed', 'The withdrawal could not be recorded, so the account was not deleted', { cause: error });
        }
        await directory.deleteUser(user.user_id);
        return c.json({ user_id: user.user_id, erased: 'delete', event_id: eventId, at });
      }

      const flag = erase === 'flag' ? { deleted: true, deleted_at: at } : {};
      const written = event ? await writeAppConsent(directory, user, event, { extra: flag }) : await directory.updateMetadata(user.user_id, { app_metadata: flag });
      return respond(c, written, { event_id: eventId, ...(erase ? { erased: erase } : {}) });
    });
  });

  app.get('/consent/export', async (c) => {
    const sub = await subject(c);
    const format = c.req.query('format') ?? 'both';
    if (!['both', 'jsonld', 'kantara'].includes(format)) throw invalidRequest('format', 'must be "both", "jsonld" or "kantara"');
    const user = await directory.getUser(sub);
    const read = await readUserConsent(user, policy);
    const consent = evidence(read.app, read.user);
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
