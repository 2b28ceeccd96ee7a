/**
 * The consent page of the social-login flow. A post-login Action sends a user without a current
 * consent to `GET {basePath}/consent/page?session_token=…&state=…`; the page shows `<assent-terms>`;
 * the user's answer goes to `POST {basePath}/consent/page/decision`, which checks the session token
 * and the decision (core's `verifyDecision`: what the policy shows with exactly these purposes)
 * and answers with a signed return token; the page then posts `state` and that token to
 * Auth0's `/continue` (`consentPage.continueUrl`), where the Action's `onContinuePostLogin` validates it and records
 * the consent, or denies the login when the user declined.
 */
import { LOCALE_PATTERN, acceptedDocuments, resolveLocale } from '@assent/core';
import { Hono, type Context } from 'hono';
import type { ConsentPageAssets, ConsentPageTexts, ResolvedOptions } from '../config.js';
import { ApiError, invalidRequest } from '../errors.js';
import { decisionField, onlyFields, readJsonObject } from '../http/body.js';
import { checkDecision } from '../consent/check-decision.js';
import { DEFAULT_PAGE_TEXTS, consentPage, expiredPage } from './html.js';
import { SessionTokenError, signReturnToken, verifySessionToken, type ConsentAnswer } from './session.js';

/** The continue endpoint of the tenant: `consentPage.continueUrl`, else `https://{auth0.domain}/continue`. */
function continueUrl(options: ResolvedOptions): string {
  return options.consentPage?.continueUrl ?? `https://${options.auth0.domain}/continue`;
}

export function consentPageRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  const page = options.consentPage;
  if (!page) return app;
  const texts: ConsentPageTexts = { ...DEFAULT_PAGE_TEXTS, ...page.texts };
  const { policy } = options;
  const current = `${policy.id}@${policy.version}`;
  const scriptUrl = page.scriptUrl ?? `${options.basePath}/consent/page/consent-page.js`;
  let assets: Promise<ConsentPageAssets> | undefined;

  app.get('/consent/page', async (c) => {
    const state = c.req.query('state') ?? '';
    const sessionToken = c.req.query('session_token') ?? '';
    let claims;
    try {
      claims = await verifySessionToken(sessionToken, state, page.sessionSecret, options.now());
    } catch (error) {
      if (!(error instanceof SessionTokenError)) throw error;
      const rendered = expiredPage(texts, error.message);
      return c.body(rendered.html, 400, rendered.headers);
    }
    const locale = claims.locale && LOCALE_PATTERN.test(claims.locale) ? resolveLocale(claims.locale) : 'en';
    const rendered = consentPage({
      policy,
      texts,
      locale,
      changed: claims.reason === 'outdated',
      state,
      sessionToken,
      scriptUrl,
      decisionUrl: `${options.basePath}/consent/page/decision`,
      auth0Origin: new URL(continueUrl(options)).origin,
      ...(page.applicationName ? { applicationName: page.applicationName } : {}),
    });
    return c.body(rendered.html, 200, rendered.headers);
  });

  // After GET /consent/page: Hono's `/*` also matches the bare path.
  app.get('/consent/page/*', async (c) => {
    if (!page.assets) return c.notFound();
    // Built or read once; a failure is retried on the next request.
    assets ??= Promise.resolve(page.assets()).catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    const name = c.req.path.slice(c.req.path.indexOf('/consent/page/') + '/consent/page/'.length);
    const files = await assets;
    if (!Object.hasOwn(files, name)) return c.notFound();
    return c.body(files[name] as string, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  });

  app.post('/consent/page/decision', async (c: Context) => {
    const body = await readJsonObject(c.req.raw, options.maxBodyBytes);
    onlyFields(body, ['state', 'session_token', 'outcome', 'decision']);
    const state = typeof body.state === 'string' ? body.state : '';
    if (!state || state.length > 2048) throw invalidRequest('state', 'must be the state of the login (from the page URL)');
    if (typeof body.session_token !== 'string') throw invalidRequest('session_token', 'must be the session token of the page URL');
    let claims;
    try {
      claims = await verifySessionToken(body.session_token, state, page.sessionSecret, options.now());
    } catch (error) {
      if (error instanceof SessionTokenError) throw new ApiError(401, 'invalid_token', `${error.message}: sign in again`, { field: 'session_token' });
      throw error;
    }
    if (claims.policy !== undefined && claims.policy !== current) {
      throw new ApiError(409, 'policy_mismatch', `The login asks consent to ${claims.policy} but this server has ${current}: deploy the Action secrets and the server policy together`);
    }
    let answer: ConsentAnswer;
    if (body.outcome === 'declined') {
      if (body.decision !== undefined) throw invalidRequest('decision', 'must be left out when the outcome is "declined"');
      answer = { outcome: 'declined' };
    } else if (body.outcome === 'accepted') {
      const decision = decisionField(body.decision);
      await checkDecision(decision, policy);
      const documents = acceptedDocuments(policy, decision.purposes);
      const firstRequired = policy.purposes.find((purpose) => purpose.required);
      const textDocument = policy.documents.find((document) => document.id === firstRequired?.documents?.[0]) ?? policy.documents[0];
      answer = {
        outcome: 'accepted',
        event_id: crypto.randomUUID(),
        decision: { policy: decision.policy, version: decision.version, purposes: decision.purposes, locale: decision.locale, hash: decision.hash },
        declined: policy.purposes.map((purpose) => purpose.id).filter((id) => !decision.purposes.includes(id)),
        ...(documents ? { documents } : {}),
        // As core's consentObjectFromDecision: the first document of the first required purpose.
        text_details: textDocument?.url ?? '',
      };
    } else {
      throw invalidRequest('outcome', 'must be "accepted" or "declined"');
    }
    const token = await signReturnToken({
      // The configured origin: the request's URL is built from its Host header, which the client writes.
      issuer: page.publicOrigin,
      sub: claims.sub,
      state,
      answer,
      secret: page.sessionSecret,
      nowMs: options.now(),
      lifetimeSeconds: page.returnTokenSeconds ?? 300,
    });
    return c.json({ action: continueUrl(options), fields: { state, session_token: token } });
  });

  return app;
}
