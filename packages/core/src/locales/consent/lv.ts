import type { LocaleMessages } from '../types.js';

/** Latvian (latviešu). Formal "Jūs". Document titles in the accusative; present-tense verbs keep the user's gender out. */
const lv: LocaleMessages = {
  'purpose.terms': 'Pieņemu {documents}.',
  'purpose.privacy': 'Ņemu vērā {documents}.',
  'purpose.marketing': 'Vēlos saņemt e-pastā jaunumus un piedāvājumus no {controller}.',
  'purpose.newsletter': 'Vēlos saņemt e-pastā jaunumu vēstuli no {controller}.',
  'purpose.analytics': 'Piekrītu, ka {controller} analizē, kā es izmantoju pakalpojumu, lai to uzlabotu.',
  'purpose.personalization': 'Piekrītu, ka {controller} personalizē saturu un ieteikumus, pamatojoties uz to, kā es izmantoju pakalpojumu.',
  'purpose.profiling': 'Piekrītu, ka {controller}, pamatojoties uz to, kā es izmantoju pakalpojumu, izveido manu interešu profilu, lai pielāgotu man piedāvājumus.',
  'purpose.third_party_sharing': 'Piekrītu, ka {controller} nodod manu vārdu un e-pasta adresi izraudzītiem partneriem, lai tie varētu man sūtīt savus piedāvājumus.',
  'purpose.research': 'Piekrītu, ka {controller} sazinās ar mani, lai aicinātu piedalīties aptaujās un produktu pētījumos.',
  'document.terms': 'Lietošanas noteikumus',
  'document.privacy': 'Privātuma politiku',
  'document.cookies': 'Sīkdatņu politiku',
  'document.dpa': 'Datu apstrādes līgumu',
  'document.eula': 'Galalietotāja licences līgumu',
  'document.community': 'Kopienas vadlīnijas',
  'required.error': 'Lai turpinātu, lūdzu, pieņemiet {documents}.',
  'optional.legend': 'Neobligāti',
  'optional.hint': 'Jūs jebkurā laikā varat atsaukt savu piekrišanu.',
  'link.newTab': 'atveras jaunā cilnē',
  'policy.loading': 'Notiek noteikumu ielāde…',
  'policy.error': 'Noteikumus neizdevās ielādēt.',
};

export default lv;
