/**
 * The consent Form's button label in each of Assent's built-in languages. Core's texts have no
 * button (the element and the partials sit inside a form whose button is the page's own), while an
 * Auth0 Form brings its own NEXT_BUTTON, whose text Auth0 shows as it is stored.
 */
export const FORM_CONTINUE_LABELS: Readonly<Record<string, string>> = {
  en: 'Continue',
  ar: 'متابعة',
  bg: 'Продължи',
  cs: 'Pokračovat',
  da: 'Fortsæt',
  de: 'Weiter',
  el: 'Συνέχεια',
  es: 'Continuar',
  et: 'Jätka',
  fi: 'Jatka',
  fr: 'Continuer',
  ga: 'Lean ar aghaidh',
  he: 'המשך',
  hr: 'Nastavi',
  hu: 'Tovább',
  it: 'Continua',
  lt: 'Tęsti',
  lv: 'Turpināt',
  mt: 'Kompli',
  nl: 'Doorgaan',
  pl: 'Dalej',
  pt: 'Continuar',
  ro: 'Continuă',
  sk: 'Pokračovať',
  sl: 'Nadaljuj',
  sv: 'Fortsätt',
};
