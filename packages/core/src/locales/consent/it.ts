import type { LocaleMessages } from '../types.js';

/** Italian (italiano). Formal "Lei". Document titles carry their article. */
const it: LocaleMessages = {
  'purpose.terms': 'Accetto {documents}.',
  'purpose.privacy': 'Ho letto {documents}.',
  'purpose.marketing': 'Desidero ricevere via e-mail novità e offerte da {controller}.',
  'purpose.newsletter': 'Desidero ricevere via e-mail la newsletter di {controller}.',
  'purpose.analytics': 'Acconsento che {controller} analizzi il modo in cui utilizzo il servizio per migliorarlo.',
  'purpose.personalization': 'Acconsento che {controller} personalizzi contenuti e suggerimenti in base al modo in cui utilizzo il servizio.',
  'purpose.profiling': 'Acconsento che {controller} crei un profilo dei miei interessi in base al modo in cui utilizzo il servizio, per propormi offerte su misura.',
  'purpose.third_party_sharing': 'Acconsento che {controller} comunichi il mio nome e il mio indirizzo e-mail a partner selezionati, affinché possano inviarmi le proprie offerte.',
  'purpose.research': 'Acconsento che {controller} mi contatti per partecipare a sondaggi e ricerche sui prodotti.',
  'document.terms': 'i Termini di servizio',
  'document.privacy': "l'Informativa sulla privacy",
  'document.cookies': "l'Informativa sui cookie",
  'document.dpa': "l'Accordo sul trattamento dei dati",
  'document.eula': "il Contratto di licenza con l'utente finale",
  'document.community': 'le Linee guida della community',
  'required.error': 'Per continuare, accetti {documents}.',
  'optional.legend': 'Facoltativo',
  'optional.hint': 'Può revocare il Suo consenso in qualsiasi momento.',
  'link.newTab': 'si apre in una nuova scheda',
  'policy.loading': 'Caricamento delle condizioni…',
  'policy.error': 'Impossibile caricare le condizioni.',
};

export default it;
