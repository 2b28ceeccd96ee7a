import { plainText, purposeText } from './consent-text.js';
import { newestEntry } from './consent-object.js';
import { en } from './locales/consent/en.js';
import type { ConsentHistoryEntry, ConsentObject, ConsentPolicy, ConsentSource, LegalBasis } from './types.js';

/** Who the record is about. */
export interface RecordSubject {
  /** The Auth0 user id (`auth0|…`). */
  readonly id: string;
  readonly email?: string;
}

/** Options of `toConsentRecord`. */
export interface ConsentRecordOptions {
  /** Absolute origin to resolve same-origin document paths (`/privacy`) against, so every notice has an absolute IRI. */
  readonly origin?: string;
}

/** Plain JSON-LD: what `JSON.stringify` writes. */
export type JsonLd = { readonly [key: string]: unknown };

// W3C DPV (https://w3id.org/dpv) purposes and legal bases for the built-in purpose ids.
const DPV_PURPOSE: Readonly<Record<string, string>> = {
  terms: 'dpv:ServiceProvision',
  privacy: 'dpv:LegalCompliance',
  marketing: 'dpv:DirectMarketing',
  newsletter: 'dpv:DirectMarketing',
  analytics: 'dpv:ServiceUsageAnalytics',
  personalization: 'dpv:ServicePersonalisation',
  profiling: 'dpv:PersonalisedAdvertising',
  third_party_sharing: 'dpv:Marketing',
  research: 'dpv:ResearchAndDevelopment',
};
const DPV_BASIS: Readonly<Record<LegalBasis, string>> = {
  consent: 'dpv:Consent',
  contract: 'dpv:Contract',
  legal_obligation: 'dpv:LegalObligation',
  legitimate_interest: 'dpv:LegitimateInterest',
};
const INDICATION: Readonly<Record<ConsentSource, string>> = {
  signup: 'Unticked checkbox in the signup form, ticked by the user',
  lock: 'Unticked checkbox in the Auth0 Lock signup form, ticked by the user',
  browser: "Consent settings in the user's browser session",
  server: 'Request to the controller’s server on the user’s behalf',
  action: 'Consent page shown during login, answered by the user',
};

/** The English sentence of a purpose as the user saw it in English; the id for purposes the policy no longer has. */
function describe(policy: ConsentPolicy, id: string): string {
  return policy.purposes.some((purpose) => purpose.id === id) ? plainText(purposeText(policy, id, 'en', en)) : id;
}

/** Per purpose: accepted now, whether it ever was, and when and how its current state began. */
function purposeStates(consent: ConsentObject): Map<string, { accepted: boolean; everAccepted: boolean; entry: ConsentHistoryEntry }> {
  const states = new Map<string, { accepted: boolean; everAccepted: boolean; entry: ConsentHistoryEntry }>();
  for (const entry of consent.history) {
    for (const id of new Set([...states.keys(), ...entry.purposes, ...Object.keys(consent.purposes)])) {
      const accepted = entry.purposes.includes(id);
      const state = states.get(id);
      if (!state || state.accepted !== accepted) states.set(id, { accepted, everAccepted: accepted || !!state?.everAccepted, entry });
    }
  }
  return states;
}

/** Ids of the consent's purposes: the policy's order first, then any the policy no longer has. */
function purposeIds(consent: ConsentObject, policy: ConsentPolicy): string[] {
  const ids = Object.keys(consent.purposes);
  return [...policy.purposes.map((purpose) => purpose.id).filter((id) => ids.includes(id)), ...ids.filter((id) => !policy.purposes.some((purpose) => purpose.id === id))];
}

/**
 * The consent as an ISO/IEC TS 27560 consent record in JSON-LD with the W3C Data Privacy
 * Vocabulary (DPV): a `dpv:ConsentRecord` with the data subject, the controller, the notice shown
 * (identified by the SHA-256 of the canonical statement: the evidence of what the user saw), and
 * one `dpv:Process` per purpose with its DPV purpose, legal basis and, for consent-based purposes,
 * its `dpv:hasConsentStatus` (`dpv:ConsentGiven` + `dpv:ExpressedConsent`, `dpv:ConsentWithdrawn`
 * or `dpv:ConsentRefused`) with `dpv:isIndicatedAtTime`, `dpv:isIndicatedBy` and
 * `dpv:hasIndicationMethod`. `policy` gives the texts and documents; pass the version the consent
 * refers to.
 *
 * @example const record = toConsentRecord(consent, policy, { id: user.user_id, email: user.email });
 */
export function toConsentRecord(consent: ConsentObject, policy: ConsentPolicy, subject: RecordSubject, { origin }: ConsentRecordOptions = {}): JsonLd {
  const states = purposeStates(consent);
  const withdrawal = policy.withdrawal?.url;
  return {
    '@context': {
      dpv: 'https://w3id.org/dpv#',
      dct: 'http://purl.org/dc/terms/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      'dct:created': { '@type': 'xsd:dateTime' },
      'dct:modified': { '@type': 'xsd:dateTime' },
      'dct:dateAccepted': { '@type': 'xsd:dateTime' },
      'dpv:isIndicatedAtTime': { '@type': 'xsd:dateTime' },
      'dpv:hasLegalBasis': { '@type': '@id' },
      'dpv:isIndicatedBy': { '@type': '@id' },
      'dpv:hasRecipient': { '@type': '@id' },
    },
    '@type': 'dpv:ConsentRecord',
    'dct:conformsTo': 'ISO/IEC TS 27560:2023',
    'dct:identifier': newestEntry(consent).id,
    'dct:created': consent.history[0]?.at ?? consent.date,
    'dct:modified': consent.date,
    'dpv:hasDataSubject': {
      '@type': 'dpv:DataSubject',
      'dct:identifier': subject.id,
      ...(subject.email && { 'dpv:hasContact': 'mailto:' + subject.email }),
    },
    'dpv:hasDataController': {
      '@type': 'dpv:DataController',
      'dpv:hasName': policy.controller.name,
      ...(policy.controller.contact && { 'dpv:hasContact': policy.controller.contact }),
    },
    'dpv:hasNotice': [
      {
        '@type': 'dpv:ConsentNotice',
        'dct:identifier': 'urn:sha256:' + consent.hash,
        'dct:description': 'SHA-256 of the canonical statement shown to the data subject (Assent statement format 1): policy, documents, accepted purposes, locale and the exact text.',
        'dct:isVersionOf': consent.policy,
        'dct:hasVersion': consent.version,
        'dct:language': consent.locale,
      },
      ...policy.documents.map((document) => ({
        // A same-origin path without `origin` stays out of @id (it would resolve against wherever the record is read).
        ...(origin || document.url[0] !== '/' ? { '@id': new URL(document.url, origin).href } : { 'dct:source': document.url }),
        '@type': document.id === 'privacy' ? 'dpv:PrivacyNotice' : 'dpv:Notice',
        'dct:identifier': document.sha256 ? [document.id, 'urn:sha256:' + document.sha256] : document.id,
        'dct:hasVersion': document.version,
      })),
    ],
    'dpv:hasProcess': purposeIds(consent, policy).map((id) => {
      const purpose = policy.purposes.find((candidate) => candidate.id === id);
      const basis = purpose?.basis ?? 'consent';
      const state = states.get(id);
      const indication = state && {
        'dpv:isIndicatedAtTime': state.entry.at,
        'dpv:isIndicatedBy': 'dpv:DataSubject',
        'dpv:hasIndicationMethod': INDICATION[state.entry.source],
      };
      return {
        '@type': 'dpv:Process',
        'dpv:hasPurpose': {
          '@type': ['dpv:Purpose', DPV_PURPOSE[id] ?? 'dpv:Purpose'].filter((type, i, all) => all.indexOf(type) === i),
          'dct:identifier': id,
          'dct:description': describe(policy, id),
        },
        'dpv:hasLegalBasis': DPV_BASIS[basis],
        ...(id === 'third_party_sharing' && { 'dpv:hasRecipient': 'dpv:ThirdParty' }),
        ...(basis === 'consent'
          ? {
              'dpv:hasConsentStatus': [
                {
                  '@type': consent.purposes[id] ? ['dpv:ConsentGiven', 'dpv:ExpressedConsent'] : [state?.everAccepted ? 'dpv:ConsentWithdrawn' : 'dpv:ConsentRefused'],
                  ...indication,
                  ...(consent.purposes[id] && withdrawal && { 'dpv:isExercisedAt': withdrawal }),
                },
              ],
            }
          : consent.purposes[id] && state && { 'dct:dateAccepted': state.entry.at }),
      };
    }),
  };
}

/** A purpose in a Kantara consent receipt. */
export interface KantaraPurpose {
  readonly purpose: string;
  readonly purposeCategory: readonly string[];
  readonly consentType: string;
  readonly piiCategory: readonly string[];
  readonly primaryPurpose: boolean;
  readonly termination: string;
  readonly thirdPartyDisclosure: boolean;
  readonly thirdPartyName?: string;
}

/** A Kantara Consent Receipt v1.1 (KI-CR-v1.1.0), with the fields and types of the specification. */
export interface KantaraReceipt {
  readonly version: 'KI-CR-v1.1.0';
  readonly jurisdiction: string;
  /** Seconds since the epoch. */
  readonly consentTimestamp: number;
  readonly collectionMethod: string;
  readonly consentReceiptID: string;
  readonly publicKey?: string;
  readonly language: string;
  readonly piiPrincipalId: string;
  readonly piiControllers: readonly {
    readonly piiController: string;
    readonly onBehalf?: boolean;
    readonly contact: string;
    readonly address: Readonly<Record<string, string>>;
    readonly email: string;
    readonly phone: string;
    readonly piiControllerUrl?: string;
  }[];
  readonly policyUrl: string;
  readonly services: readonly { readonly service: string; readonly purposes: readonly KantaraPurpose[] }[];
  readonly sensitive: boolean;
  readonly spiCat: readonly string[];
}

/** What a Kantara receipt needs that the policy does not say. */
export interface KantaraOptions {
  /** Jurisdiction(s) of the processing; `EU` by default. */
  readonly jurisdiction?: string;
  /** Controller details the receipt requires (the policy has only name and contact). */
  readonly controller?: { readonly address?: Readonly<Record<string, string>>; readonly email?: string; readonly phone?: string; readonly url?: string };
  /** Name of the service; the controller's name by default. */
  readonly service?: string;
  /** Absolute origin to resolve same-origin document paths (`/privacy`) against. */
  readonly origin?: string;
  /** Kantara PII categories per purpose id; `['2 - Contact']` (the email address of the signup) by default. */
  readonly piiCategories?: Readonly<Record<string, readonly string[]>>;
  /** Kantara purpose categories per purpose id, overriding the built-in mapping. */
  readonly purposeCategories?: Readonly<Record<string, readonly string[]>>;
  /** Names of the third parties a `third_party_sharing` purpose discloses to. */
  readonly thirdPartyName?: string;
}

const KANTARA_CATEGORY: Readonly<Record<string, string>> = {
  terms: '2 - Contracted Service',
  privacy: '1 - Core Function',
  marketing: '6 - Marketing',
  newsletter: '6 - Marketing',
  analytics: '16 - Improve Performance',
  personalization: '5 - Personalize Experience',
  profiling: '6 - Marketing',
  third_party_sharing: '9 - Sharing for Marketing',
  research: '16 - Improve Performance',
  contract: '2 - Contracted Service',
  legal_obligation: '12 - Legally Required Data Retention',
  legitimate_interest: '15 - Protecting Our Interests',
  consent: '6 - Marketing',
};
const COLLECTION: Readonly<Record<ConsentSource, string>> = {
  signup: 'Web signup form with unticked opt-in checkboxes',
  lock: 'Auth0 Lock signup form with unticked opt-in checkboxes',
  browser: 'Web consent settings',
  server: 'Server request on behalf of the user',
  action: 'Web consent page during login',
};

/**
 * The consent as a Kantara Consent Receipt v1.1 for the purposes currently accepted: one service
 * (the policy's controller) with one receipt purpose per accepted purpose (the English sentence,
 * Kantara purpose category, explicit consent type, PII categories, primary purpose = required,
 * termination, third-party disclosure). The receipt id is the id of the newest history entry.
 *
 * @example const receipt = toKantaraReceipt(consent, policy, { id: user.user_id, email: user.email }, { origin: 'https://acme.example' });
 */
export function toKantaraReceipt(consent: ConsentObject, policy: ConsentPolicy, subject: RecordSubject, options: KantaraOptions = {}): KantaraReceipt {
  const newest = newestEntry(consent);
  const absolute = (url: string): string => (options.origin ? new URL(url, options.origin).href : url);
  const contact = policy.controller.contact;
  const privacy = policy.documents.find((document) => document.id === 'privacy') ?? policy.documents[0];
  const withdrawal = policy.withdrawal?.url;
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: options.jurisdiction ?? 'EU',
    consentTimestamp: Math.floor(Date.parse(consent.date) / 1000),
    collectionMethod: COLLECTION[newest.source],
    consentReceiptID: newest.id,
    language: consent.locale,
    piiPrincipalId: subject.email ?? subject.id,
    piiControllers: [
      {
        piiController: policy.controller.name,
        contact: contact ?? policy.controller.name,
        address: options.controller?.address ?? {},
        email: options.controller?.email ?? (contact?.includes('@') ? contact.replace(/^mailto:/, '') : ''),
        phone: options.controller?.phone ?? '',
        ...(options.controller?.url && { piiControllerUrl: options.controller.url }),
      },
    ],
    policyUrl: privacy ? absolute(privacy.url) : '',
    services: [
      {
        service: options.service ?? policy.controller.name,
        purposes: purposeIds(consent, policy)
          .filter((id) => consent.purposes[id])
          .map((id): KantaraPurpose => {
            const purpose = policy.purposes.find((candidate) => candidate.id === id);
            const basis = purpose?.basis ?? 'consent';
            return {
              purpose: describe(policy, id),
              purposeCategory: options.purposeCategories?.[id] ?? [KANTARA_CATEGORY[id] ?? KANTARA_CATEGORY[basis] ?? ''],
              consentType: 'EXPLICIT',
              piiCategory: options.piiCategories?.[id] ?? ['2 - Contact'],
              primaryPurpose: purpose?.required ?? false,
              termination: basis === 'consent' ? `When the consent is withdrawn${withdrawal ? ' at ' + absolute(withdrawal) : ''}` : 'When the account is deleted',
              thirdPartyDisclosure: id === 'third_party_sharing',
              ...(id === 'third_party_sharing' && options.thirdPartyName && { thirdPartyName: options.thirdPartyName }),
            };
          }),
      },
    ],
    sensitive: false,
    spiCat: [],
  };
}
