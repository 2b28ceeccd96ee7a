import type { LocaleMessages } from '../types.js';

/** Bulgarian (български). Formal "Вие". Document titles carry the definite article; past forms keep the user's gender out. */
const bg: LocaleMessages = {
  'purpose.terms': 'Приемам {documents}.',
  'purpose.privacy': 'Запознах се с {documents}.',
  'purpose.marketing': 'Желая да получавам по имейл новини и оферти от {controller}.',
  'purpose.newsletter': 'Желая да получавам по имейл бюлетина на {controller}.',
  'purpose.analytics': 'Давам съгласие {controller} да анализира как използвам услугата с цел нейното подобряване.',
  'purpose.personalization': 'Давам съгласие {controller} да персонализира съдържанието и препоръките въз основа на начина, по който използвам услугата.',
  'purpose.profiling': 'Давам съгласие {controller} да създаде профил на интересите ми въз основа на начина, по който използвам услугата, с цел да ми предлага подходящи оферти.',
  'purpose.third_party_sharing': 'Давам съгласие {controller} да предостави името и имейл адреса ми на избрани партньори, за да могат те да ми изпращат свои оферти.',
  'purpose.research': 'Давам съгласие {controller} да се свързва с мен за участие в анкети и проучвания на продукти.',
  'document.terms': 'Условията за ползване',
  'document.privacy': 'Политиката за поверителност',
  'document.cookies': 'Политиката за бисквитките',
  'document.dpa': 'Споразумението за обработване на данни',
  'document.eula': 'Лицензионното споразумение с краен потребител',
  'document.community': 'Правилата на общността',
  'required.error': 'За да продължите, приемете {documents}.',
  'optional.legend': 'Незадължително',
  'optional.hint': 'Можете да оттеглите съгласието си по всяко време.',
  'link.newTab': 'отваря се в нов раздел',
  'policy.loading': 'Условията се зареждат…',
  'policy.error': 'Условията не можаха да бъдат заредени.',
};

export default bg;
