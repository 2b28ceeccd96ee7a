import type { LocaleMessages } from '../types.js';

/** Romanian (română). Formal "dumneavoastră". Document titles carry the enclitic article. */
const ro: LocaleMessages = {
  'purpose.terms': 'Accept {documents}.',
  'purpose.privacy': 'Am citit {documents}.',
  'purpose.marketing': 'Doresc să primesc prin e-mail noutăți și oferte de la {controller}.',
  'purpose.newsletter': 'Doresc să primesc prin e-mail newsletterul trimis de {controller}.',
  'purpose.analytics': 'Sunt de acord ca {controller} să analizeze modul în care utilizez serviciul, în vederea îmbunătățirii acestuia.',
  'purpose.personalization': 'Sunt de acord ca {controller} să personalizeze conținutul și recomandările pe baza modului în care utilizez serviciul.',
  'purpose.profiling': 'Sunt de acord ca {controller} să creeze un profil al intereselor mele pe baza modului în care utilizez serviciul, pentru a-mi propune oferte personalizate.',
  'purpose.third_party_sharing': 'Sunt de acord ca {controller} să transmită numele și adresa mea de e-mail unor parteneri selectați, pentru ca aceștia să îmi poată trimite propriile oferte.',
  'purpose.research': 'Sunt de acord ca {controller} să mă contacteze pentru a participa la sondaje și studii privind produsele.',
  'document.terms': 'Termenii de utilizare',
  'document.privacy': 'Politica de confidențialitate',
  'document.cookies': 'Politica privind modulele cookie',
  'document.dpa': 'Acordul de prelucrare a datelor',
  'document.eula': 'Acordul de licență pentru utilizatorul final',
  'document.community': 'Regulile comunității',
  'required.error': 'Pentru a continua, acceptați {documents}.',
  'optional.legend': 'Opțional',
  'optional.hint': 'Vă puteți retrage consimțământul în orice moment.',
  'link.newTab': 'se deschide într-o filă nouă',
  'policy.loading': 'Se încarcă termenii…',
  'policy.error': 'Termenii nu au putut fi încărcați.',
};

export default ro;
