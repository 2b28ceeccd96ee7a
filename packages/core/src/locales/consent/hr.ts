import type { LocaleMessages } from '../types.js';

/** Croatian (hrvatski). Formal "Vi". Document titles in the accusative; no grammatical gender depends on the user or the controller. */
const hr: LocaleMessages = {
  'purpose.terms': 'Prihvaćam {documents}.',
  'purpose.privacy': 'Primam na znanje {documents}.',
  'purpose.marketing': 'Želim od {controller} e-poštom primati novosti i ponude.',
  'purpose.newsletter': 'Želim od {controller} e-poštom primati newsletter.',
  'purpose.analytics': 'Pristajem da {controller} analizira kako koristim uslugu radi njezina poboljšanja.',
  'purpose.personalization': 'Pristajem da {controller} prilagođava sadržaj i preporuke na temelju toga kako koristim uslugu.',
  'purpose.profiling': 'Pristajem da {controller} na temelju mojeg korištenja usluge izradi profil mojih interesa radi prilagodbe ponuda.',
  'purpose.third_party_sharing': 'Pristajem da {controller} moje ime i adresu e-pošte podijeli s odabranim partnerima kako bi mi mogli slati vlastite ponude.',
  'purpose.research': 'Pristajem da me {controller} kontaktira radi sudjelovanja u anketama i istraživanjima proizvoda.',
  'document.terms': 'Uvjete korištenja',
  'document.privacy': 'Pravila o privatnosti',
  'document.cookies': 'Pravila o kolačićima',
  'document.dpa': 'Ugovor o obradi podataka',
  'document.eula': 'Licencni ugovor s krajnjim korisnikom',
  'document.community': 'Smjernice zajednice',
  'required.error': 'Za nastavak prihvatite {documents}.',
  'optional.legend': 'Neobavezno',
  'optional.hint': 'Privolu možete povući u bilo kojem trenutku.',
  'link.newTab': 'otvara se u novoj kartici',
  'policy.loading': 'Učitavanje uvjeta…',
  'policy.error': 'Uvjete nije bilo moguće učitati.',
};

export default hr;
