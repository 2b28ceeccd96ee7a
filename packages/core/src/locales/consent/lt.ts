import type { LocaleMessages } from '../types.js';

/** Lithuanian (lietuvių). Formal "Jūs". Document titles in the accusative; no grammatical gender depends on the user or the controller. */
const lt: LocaleMessages = {
  'purpose.terms': 'Priimu {documents}.',
  'purpose.privacy': 'Perskaičiau {documents}.',
  'purpose.marketing': 'Noriu el. paštu gauti naujienas ir pasiūlymus iš {controller}.',
  'purpose.newsletter': 'Noriu el. paštu gauti naujienlaiškį iš {controller}.',
  'purpose.analytics': 'Sutinku, kad {controller} analizuotų, kaip naudojuosi paslauga, jos tobulinimo tikslais.',
  'purpose.personalization': 'Sutinku, kad {controller} suasmenintų turinį ir rekomendacijas pagal tai, kaip naudojuosi paslauga.',
  'purpose.profiling': 'Sutinku, kad {controller} pagal tai, kaip naudojuosi paslauga, sudarytų mano pomėgių profilį, kad galėtų pateikti man pritaikytus pasiūlymus.',
  'purpose.third_party_sharing': 'Sutinku, kad {controller} perduotų mano vardą, pavardę ir el. pašto adresą atrinktiems partneriams, kad jie galėtų man siųsti savo pasiūlymus.',
  'purpose.research': 'Sutinku, kad {controller} susisiektų su manimi dėl dalyvavimo apklausose ir produktų tyrimuose.',
  'document.terms': 'Naudojimo sąlygas',
  'document.privacy': 'Privatumo politiką',
  'document.cookies': 'Slapukų politiką',
  'document.dpa': 'Duomenų tvarkymo sutartį',
  'document.eula': 'Galutinio naudotojo licencijos sutartį',
  'document.community': 'Bendruomenės taisykles',
  'required.error': 'Norėdami tęsti, priimkite {documents}.',
  'optional.legend': 'Neprivaloma',
  'optional.hint': 'Savo sutikimą galite bet kada atšaukti.',
  'link.newTab': 'atidaroma naujame skirtuke',
  'policy.loading': 'Įkeliamos sąlygos…',
  'policy.error': 'Nepavyko įkelti sąlygų.',
};

export default lt;
