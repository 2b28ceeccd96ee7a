import type { LocaleMessages } from '../types.js';

/** Danish (dansk). "du", as customary in Danish interfaces. Document titles in the definite form. */
const da: LocaleMessages = {
  'purpose.terms': 'Jeg accepterer {documents}.',
  'purpose.privacy': 'Jeg har læst {documents}.',
  'purpose.marketing': 'Jeg vil gerne modtage nyheder og tilbud fra {controller} via e-mail.',
  'purpose.newsletter': 'Jeg vil gerne modtage nyhedsbrevet fra {controller} via e-mail.',
  'purpose.analytics': 'Jeg giver samtykke til, at {controller} analyserer, hvordan jeg bruger tjenesten, for at forbedre den.',
  'purpose.personalization': 'Jeg giver samtykke til, at {controller} tilpasser indhold og anbefalinger ud fra, hvordan jeg bruger tjenesten.',
  'purpose.profiling': 'Jeg giver samtykke til, at {controller} opretter en profil over mine interesser ud fra, hvordan jeg bruger tjenesten, for at give mig målrettede tilbud.',
  'purpose.third_party_sharing': 'Jeg giver samtykke til, at {controller} deler mit navn og min e-mailadresse med udvalgte partnere, så de kan sende mig deres egne tilbud.',
  'purpose.research': 'Jeg giver samtykke til, at {controller} kontakter mig med henblik på deltagelse i spørgeundersøgelser og produktundersøgelser.',
  'document.terms': 'servicevilkårene',
  'document.privacy': 'privatlivspolitikken',
  'document.cookies': 'cookiepolitikken',
  'document.dpa': 'databehandleraftalen',
  'document.eula': 'slutbrugerlicensaftalen',
  'document.community': 'retningslinjerne for fællesskabet',
  'required.error': 'Accepter {documents} for at fortsætte.',
  'optional.legend': 'Valgfrit',
  'optional.hint': 'Du kan til enhver tid trække dit samtykke tilbage.',
  'link.newTab': 'åbner i en ny fane',
  'policy.loading': 'Indlæser vilkårene…',
  'policy.error': 'Vilkårene kunne ikke indlæses.',
};

export default da;
