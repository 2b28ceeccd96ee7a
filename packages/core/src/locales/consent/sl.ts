import type { LocaleMessages } from '../types.js';

/** Slovenian (slovenščina). Formal "vi". Document titles in the accusative; no grammatical gender depends on the user or the controller. */
const sl: LocaleMessages = {
  'purpose.terms': 'Sprejemam {documents}.',
  'purpose.privacy': 'Jemljem na znanje {documents}.',
  'purpose.marketing': 'Želim od {controller} po e-pošti prejemati novice in ponudbe.',
  'purpose.newsletter': 'Želim od {controller} po e-pošti prejemati e-novice.',
  'purpose.analytics': 'Soglašam, da {controller} analizira, kako uporabljam storitev, z namenom njenega izboljšanja.',
  'purpose.personalization': 'Soglašam, da {controller} prilagaja vsebine in priporočila glede na to, kako uporabljam storitev.',
  'purpose.profiling': 'Soglašam, da {controller} na podlagi moje uporabe storitve oblikuje profil mojih interesov z namenom prilagajanja ponudb.',
  'purpose.third_party_sharing': 'Soglašam, da {controller} moje ime in e-poštni naslov posreduje izbranim partnerjem, da mi lahko pošiljajo svoje ponudbe.',
  'purpose.research': 'Soglašam, da me {controller} kontaktira zaradi sodelovanja v anketah in raziskavah izdelkov.',
  'document.terms': 'Pogoje uporabe',
  'document.privacy': 'Pravilnik o zasebnosti',
  'document.cookies': 'Pravilnik o piškotkih',
  'document.dpa': 'Pogodbo o obdelavi osebnih podatkov',
  'document.eula': 'Licenčno pogodbo za končnega uporabnika',
  'document.community': 'Smernice skupnosti',
  'required.error': 'Za nadaljevanje sprejmite {documents}.',
  'optional.legend': 'Neobvezno',
  'optional.hint': 'Privolitev lahko kadar koli prekličete.',
  'link.newTab': 'odpre se v novem zavihku',
  'policy.loading': 'Nalaganje pogojev …',
  'policy.error': 'Pogojev ni bilo mogoče naložiti.',
};

export default sl;
