import type { LocaleMessages } from '../types.js';

/** Czech (čeština). Formal "vy". Document titles in the accusative; verbs in the future or with noun phrases so no grammatical gender depends on the user or the controller. */
const cs: LocaleMessages = {
  'purpose.terms': 'Přijímám {documents}.',
  'purpose.privacy': 'Beru na vědomí {documents}.',
  'purpose.marketing': 'Chci od {controller} dostávat e-mailem novinky a nabídky.',
  'purpose.newsletter': 'Chci od {controller} dostávat e-mailem newsletter.',
  'purpose.analytics': 'Souhlasím s tím, že {controller} bude analyzovat, jak používám službu, za účelem jejího zlepšování.',
  'purpose.personalization': 'Souhlasím s tím, že {controller} bude přizpůsobovat obsah a doporučení podle toho, jak používám službu.',
  'purpose.profiling': 'Souhlasím s tím, že {controller} bude na základě toho, jak používám službu, vytvářet profil mých zájmů za účelem přizpůsobení nabídek.',
  'purpose.third_party_sharing': 'Souhlasím s tím, že {controller} bude předávat mé jméno a e-mailovou adresu vybraným partnerům, aby mi mohli zasílat své vlastní nabídky.',
  'purpose.research': 'Souhlasím s tím, že mě {controller} bude kontaktovat ohledně účasti v průzkumech a výzkumu produktů.',
  'document.terms': 'Podmínky služby',
  'document.privacy': 'Zásady ochrany osobních údajů',
  'document.cookies': 'Zásady používání souborů cookie',
  'document.dpa': 'Smlouvu o zpracování osobních údajů',
  'document.eula': 'Licenční smlouvu s koncovým uživatelem',
  'document.community': 'Pravidla komunity',
  'required.error': 'Chcete-li pokračovat, přijměte {documents}.',
  'optional.legend': 'Nepovinné',
  'optional.hint': 'Svůj souhlas můžete kdykoli odvolat.',
  'link.newTab': 'otevře se na nové kartě',
  'policy.loading': 'Načítání podmínek…',
  'policy.error': 'Podmínky se nepodařilo načíst.',
};

export default cs;
