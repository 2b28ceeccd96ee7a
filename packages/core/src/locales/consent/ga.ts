import type { LocaleMessages } from '../types.js';

/** Irish (Gaeilge). The documents follow a colon, so no initial mutation depends on the titles. Wants review by a native speaker. */
const ga: LocaleMessages = {
  'purpose.terms': 'Glacaim leis na doiciméid seo a leanas: {documents}.',
  'purpose.privacy': 'Léigh mé na doiciméid seo a leanas: {documents}.',
  'purpose.marketing': 'Ba mhaith liom nuacht agus tairiscintí a fháil ó {controller} trí ríomhphost.',
  'purpose.newsletter': 'Ba mhaith liom nuachtlitir {controller} a fháil trí ríomhphost.',
  'purpose.analytics': 'Toilím go ndéanfaidh {controller} anailís ar an gcaoi a n-úsáidim an tseirbhís chun í a fheabhsú.',
  'purpose.personalization': 'Toilím go ndéanfaidh {controller} ábhar agus moltaí a phearsantú bunaithe ar an gcaoi a n-úsáidim an tseirbhís.',
  'purpose.profiling': 'Toilím go gcruthóidh {controller} próifíl de mo chuid spéiseanna bunaithe ar an gcaoi a n-úsáidim an tseirbhís, chun tairiscintí oiriúnacha a chur ar fáil dom.',
  'purpose.third_party_sharing': 'Toilím go roinnfidh {controller} m’ainm agus mo sheoladh ríomhphoist le comhpháirtithe roghnaithe ionas gur féidir leo a dtairiscintí féin a sheoladh chugam.',
  'purpose.research': 'Toilím go ndéanfaidh {controller} teagmháil liom chun páirt a ghlacadh i suirbhéanna agus i dtaighde ar tháirgí.',
  'document.terms': 'Téarmaí Seirbhíse',
  'document.privacy': 'Beartas Príobháideachais',
  'document.cookies': 'Beartas Fianán',
  'document.dpa': 'Comhaontú Próiseála Sonraí',
  'document.eula': 'Comhaontú Ceadúnais Úsáideora Deiridh',
  'document.community': 'Treoirlínte an Phobail',
  'required.error': 'Chun leanúint ar aghaidh, glac leis na doiciméid seo a leanas: {documents}.',
  'optional.legend': 'Roghnach',
  'optional.hint': 'Is féidir leat do thoiliú a tharraingt siar am ar bith.',
  'link.newTab': 'osclaítear i gcluaisín nua é',
  'policy.loading': 'Na téarmaí á lódáil…',
  'policy.error': 'Níorbh fhéidir na téarmaí a lódáil.',
};

export default ga;
