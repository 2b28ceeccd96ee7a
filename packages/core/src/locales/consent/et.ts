import type { LocaleMessages } from '../types.js';

/** Estonian (eesti). Formal "Teie". The documents follow a colon in the nominative, so no case ending depends on the titles; the controller is always the subject. */
const et: LocaleMessages = {
  'purpose.terms': 'Nõustun järgmisega: {documents}.',
  'purpose.privacy': 'Olen tutvunud järgmisega: {documents}.',
  'purpose.marketing': 'Luban, et {controller} saadab mulle e-posti teel uudiseid ja pakkumisi.',
  'purpose.newsletter': 'Luban, et {controller} saadab mulle e-posti teel uudiskirja.',
  'purpose.analytics': 'Luban, et {controller} analüüsib, kuidas ma teenust kasutan, et teenust paremaks muuta.',
  'purpose.personalization': 'Luban, et {controller} isikupärastab sisu ja soovitusi selle põhjal, kuidas ma teenust kasutan.',
  'purpose.profiling': 'Luban, et {controller} koostab selle põhjal, kuidas ma teenust kasutan, minu huvide profiili, et pakkuda mulle sobivaid pakkumisi.',
  'purpose.third_party_sharing': 'Luban, et {controller} edastab minu nime ja e-posti aadressi valitud partneritele, et nad saaksid mulle oma pakkumisi saata.',
  'purpose.research': 'Luban, et {controller} võtab minuga ühendust, et kutsuda mind osalema küsitlustes ja tooteuuringutes.',
  'document.terms': 'kasutustingimused',
  'document.privacy': 'privaatsuspoliitika',
  'document.cookies': 'küpsiste kasutamise põhimõtted',
  'document.dpa': 'andmetöötlusleping',
  'document.eula': 'lõppkasutaja litsentsileping',
  'document.community': 'kogukonna reeglid',
  'required.error': 'Jätkamiseks nõustuge järgmisega: {documents}.',
  'optional.legend': 'Valikuline',
  'optional.hint': 'Võite oma nõusoleku igal ajal tagasi võtta.',
  'link.newTab': 'avaneb uuel vahelehel',
  'policy.loading': 'Tingimuste laadimine…',
  'policy.error': 'Tingimusi ei õnnestunud laadida.',
};

export default et;
