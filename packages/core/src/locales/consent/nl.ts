import type { LocaleMessages } from '../types.js';

/** Dutch (Nederlands). Formal "u". Document titles carry their article. */
const nl: LocaleMessages = {
  'purpose.terms': 'Ik ga akkoord met {documents}.',
  'purpose.privacy': 'Ik heb {documents} gelezen.',
  'purpose.marketing': 'Ik wil per e-mail nieuws en aanbiedingen van {controller} ontvangen.',
  'purpose.newsletter': 'Ik wil de nieuwsbrief van {controller} per e-mail ontvangen.',
  'purpose.analytics': 'Ik geef {controller} toestemming om te analyseren hoe ik de dienst gebruik, om deze te verbeteren.',
  'purpose.personalization': 'Ik geef {controller} toestemming om inhoud en aanbevelingen te personaliseren op basis van hoe ik de dienst gebruik.',
  'purpose.profiling': 'Ik geef {controller} toestemming om op basis van mijn gebruik van de dienst een profiel van mijn interesses op te stellen, om mij aanbiedingen op maat te doen.',
  'purpose.third_party_sharing': 'Ik geef {controller} toestemming om mijn naam en e-mailadres te delen met geselecteerde partners, zodat zij mij hun eigen aanbiedingen kunnen sturen.',
  'purpose.research': 'Ik geef {controller} toestemming om contact met mij op te nemen voor deelname aan enquêtes en productonderzoek.',
  'document.terms': 'de Gebruiksvoorwaarden',
  'document.privacy': 'het Privacybeleid',
  'document.cookies': 'het Cookiebeleid',
  'document.dpa': 'de Verwerkersovereenkomst',
  'document.eula': 'de Licentieovereenkomst voor eindgebruikers',
  'document.community': 'de Communityrichtlijnen',
  'required.error': 'Om verder te gaan, moet u akkoord gaan met {documents}.',
  'optional.legend': 'Optioneel',
  'optional.hint': 'U kunt uw toestemming op elk moment intrekken.',
  'link.newTab': 'opent in een nieuw tabblad',
  'policy.loading': 'De voorwaarden worden geladen…',
  'policy.error': 'De voorwaarden konden niet worden geladen.',
};

export default nl;
