import type { LocaleMessages } from '../types.js';

/** Slovak (slovenčina). Formal "vy". Document titles in the accusative; no grammatical gender depends on the user or the controller. */
const sk: LocaleMessages = {
  'purpose.terms': 'Prijímam {documents}.',
  'purpose.privacy': 'Beriem na vedomie {documents}.',
  'purpose.marketing': 'Chcem od {controller} dostávať e-mailom novinky a ponuky.',
  'purpose.newsletter': 'Chcem od {controller} dostávať e-mailom newsletter.',
  'purpose.analytics': 'Súhlasím s tým, že {controller} bude analyzovať, ako používam službu, s cieľom zlepšovať ju.',
  'purpose.personalization': 'Súhlasím s tým, že {controller} bude prispôsobovať obsah a odporúčania podľa toho, ako používam službu.',
  'purpose.profiling': 'Súhlasím s tým, že {controller} bude na základe toho, ako používam službu, vytvárať profil mojich záujmov s cieľom prispôsobiť mi ponuky.',
  'purpose.third_party_sharing': 'Súhlasím s tým, že {controller} poskytne moje meno a e-mailovú adresu vybraným partnerom, aby mi mohli posielať svoje vlastné ponuky.',
  'purpose.research': 'Súhlasím s tým, že ma {controller} bude kontaktovať ohľadom účasti v prieskumoch a výskume produktov.',
  'document.terms': 'Podmienky služby',
  'document.privacy': 'Zásady ochrany osobných údajov',
  'document.cookies': 'Zásady používania súborov cookie',
  'document.dpa': 'Zmluvu o spracúvaní osobných údajov',
  'document.eula': 'Licenčnú zmluvu s koncovým používateľom',
  'document.community': 'Pravidlá komunity',
  'required.error': 'Ak chcete pokračovať, prijmite {documents}.',
  'optional.legend': 'Nepovinné',
  'optional.hint': 'Svoj súhlas môžete kedykoľvek odvolať.',
  'link.newTab': 'otvorí sa na novej karte',
  'policy.loading': 'Načítavajú sa podmienky…',
  'policy.error': 'Podmienky sa nepodarilo načítať.',
};

export default sk;
