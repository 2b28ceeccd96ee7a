import type { LocaleMessages } from '../types.js';

/** Maltese (Malti). The documents follow a colon as a bare list (no article, which would assimilate after "u"); consents are phrased with nouns so no verb agrees with the controller. Wants review by a native speaker. */
const mt: LocaleMessages = {
  'purpose.terms': 'Naċċetta d-dokumenti li ġejjin: {documents}.',
  'purpose.privacy': 'Qrajt id-dokumenti li ġejjin: {documents}.',
  'purpose.marketing': 'Nixtieq nirċievi aħbarijiet u offerti mingħand {controller} bl-email.',
  'purpose.newsletter': 'Nixtieq nirċievi n-newsletter ta’ {controller} bl-email.',
  'purpose.analytics': 'Nagħti l-kunsens tiegħi lil {controller} għall-analiżi ta’ kif nuża s-servizz, sabiex dan jitjieb.',
  'purpose.personalization': 'Nagħti l-kunsens tiegħi lil {controller} għall-personalizzazzjoni tal-kontenut u tar-rakkomandazzjonijiet abbażi ta’ kif nuża s-servizz.',
  'purpose.profiling': 'Nagħti l-kunsens tiegħi lil {controller} għall-ħolqien ta’ profil tal-interessi tiegħi abbażi ta’ kif nuża s-servizz, sabiex l-offerti jiġu adattati għalija.',
  'purpose.third_party_sharing':
    'Nagħti l-kunsens tiegħi lil {controller} għall-kondiviżjoni ta’ ismi u tal-indirizz tal-email tiegħi ma’ sħab magħżula, sabiex dawn ikunu jistgħu jibagħtuli l-offerti tagħhom.',
  'purpose.research': 'Nagħti l-kunsens tiegħi lil {controller} biex jikkuntattjawni ħalli nieħu sehem fi stħarriġiet u f’riċerka dwar il-prodotti.',
  'document.terms': 'Termini tas-Servizz',
  'document.privacy': 'Politika tal-Privatezza',
  'document.cookies': 'Politika dwar il-Cookies',
  'document.dpa': 'Ftehim dwar l-Ipproċessar tad-Data',
  'document.eula': 'Ftehim ta’ Liċenzja għall-Utent Finali',
  'document.community': 'Linji Gwida tal-Komunità',
  'required.error': 'Biex tkompli, jekk jogħġbok aċċetta d-dokumenti li ġejjin: {documents}.',
  'optional.legend': 'Mhux obbligatorju',
  'optional.hint': 'Tista’ tirtira l-kunsens tiegħek fi kwalunkwe ħin.',
  'link.newTab': 'jinfetaħ f’tab ġdida',
  'policy.loading': 'Qed jitgħabbew it-termini…',
  'policy.error': 'It-termini ma setgħux jitgħabbew.',
};

export default mt;
