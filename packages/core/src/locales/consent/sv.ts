import type { LocaleMessages } from '../types.js';

/** Swedish (svenska). "du", as customary in Swedish interfaces. Document titles in the definite form. */
const sv: LocaleMessages = {
  'purpose.terms': 'Jag godkänner {documents}.',
  'purpose.privacy': 'Jag har läst {documents}.',
  'purpose.marketing': 'Jag vill få nyheter och erbjudanden från {controller} via e-post.',
  'purpose.newsletter': 'Jag vill få nyhetsbrevet från {controller} via e-post.',
  'purpose.analytics': 'Jag samtycker till att {controller} analyserar hur jag använder tjänsten för att förbättra den.',
  'purpose.personalization': 'Jag samtycker till att {controller} anpassar innehåll och rekommendationer utifrån hur jag använder tjänsten.',
  'purpose.profiling': 'Jag samtycker till att {controller} skapar en profil över mina intressen utifrån hur jag använder tjänsten för att kunna ge mig anpassade erbjudanden.',
  'purpose.third_party_sharing': 'Jag samtycker till att {controller} delar mitt namn och min e-postadress med utvalda partner så att de kan skicka mig sina egna erbjudanden.',
  'purpose.research': 'Jag samtycker till att {controller} kontaktar mig för att delta i enkäter och produktundersökningar.',
  'document.terms': 'användarvillkoren',
  'document.privacy': 'integritetspolicyn',
  'document.cookies': 'cookiepolicyn',
  'document.dpa': 'personuppgiftsbiträdesavtalet',
  'document.eula': 'licensavtalet för slutanvändare',
  'document.community': 'communityriktlinjerna',
  'required.error': 'Godkänn {documents} för att fortsätta.',
  'optional.legend': 'Valfritt',
  'optional.hint': 'Du kan när som helst återkalla ditt samtycke.',
  'link.newTab': 'öppnas i en ny flik',
  'policy.loading': 'Villkoren läses in…',
  'policy.error': 'Villkoren kunde inte läsas in.',
};

export default sv;
