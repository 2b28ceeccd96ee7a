import type { LocaleMessages } from '../types.js';

/** German (Deutsch). Formal "Sie". Document titles carry their article in the accusative. */
const de: LocaleMessages = {
  'purpose.terms': 'Ich akzeptiere {documents}.',
  'purpose.privacy': 'Ich habe {documents} zur Kenntnis genommen.',
  'purpose.marketing': 'Ich möchte Neuigkeiten und Angebote von {controller} per E-Mail erhalten.',
  'purpose.newsletter': 'Ich möchte den Newsletter von {controller} per E-Mail erhalten.',
  'purpose.analytics': 'Ich willige ein, dass {controller} meine Nutzung des Dienstes analysiert, um ihn zu verbessern.',
  'purpose.personalization': 'Ich willige ein, dass {controller} Inhalte und Empfehlungen auf Grundlage meiner Nutzung des Dienstes personalisiert.',
  'purpose.profiling': 'Ich willige ein, dass {controller} aus meiner Nutzung des Dienstes ein Profil meiner Interessen erstellt, um mir passende Angebote zu machen.',
  'purpose.third_party_sharing': 'Ich willige ein, dass {controller} meinen Namen und meine E-Mail-Adresse an ausgewählte Partner weitergibt, damit diese mir eigene Angebote senden können.',
  'purpose.research': 'Ich willige ein, dass {controller} mich zur Teilnahme an Umfragen und Produktstudien kontaktiert.',
  'document.terms': 'die Nutzungsbedingungen',
  'document.privacy': 'die Datenschutzerklärung',
  'document.cookies': 'die Cookie-Richtlinie',
  'document.dpa': 'den Auftragsverarbeitungsvertrag',
  'document.eula': 'den Endbenutzer-Lizenzvertrag',
  'document.community': 'die Community-Richtlinien',
  'required.error': 'Bitte akzeptieren Sie {documents}, um fortzufahren.',
  'optional.legend': 'Optional',
  'optional.hint': 'Sie können Ihre Einwilligung jederzeit widerrufen.',
  'link.newTab': 'öffnet in einem neuen Tab',
  'policy.loading': 'Die Bedingungen werden geladen…',
  'policy.error': 'Die Bedingungen konnten nicht geladen werden.',
};

export default de;
