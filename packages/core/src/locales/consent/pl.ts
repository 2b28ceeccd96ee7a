import type { LocaleMessages } from '../types.js';

/** Polish (polski). Impersonal formal register. Document titles in the accusative; "przyjmuję do wiadomości" keeps the acknowledgement free of grammatical gender. */
const pl: LocaleMessages = {
  'purpose.terms': 'Akceptuję {documents}.',
  'purpose.privacy': 'Przyjmuję do wiadomości {documents}.',
  'purpose.marketing': 'Chcę otrzymywać od {controller} wiadomości e-mail z nowościami i ofertami.',
  'purpose.newsletter': 'Chcę otrzymywać e-mailem newsletter od {controller}.',
  'purpose.analytics': 'Wyrażam zgodę na analizowanie przez {controller} sposobu, w jaki korzystam z usługi, w celu jej ulepszania.',
  'purpose.personalization': 'Wyrażam zgodę na personalizowanie przez {controller} treści i rekomendacji na podstawie sposobu, w jaki korzystam z usługi.',
  'purpose.profiling': 'Wyrażam zgodę na tworzenie przez {controller} profilu moich zainteresowań na podstawie sposobu, w jaki korzystam z usługi, w celu dopasowania ofert do moich potrzeb.',
  'purpose.third_party_sharing': 'Wyrażam zgodę na przekazanie przez {controller} mojego imienia i nazwiska oraz adresu e-mail wybranym partnerom w celu przesyłania mi ich własnych ofert.',
  'purpose.research': 'Wyrażam zgodę na kontaktowanie się ze mną przez {controller} w celu udziału w ankietach i badaniach produktów.',
  'document.terms': 'Regulamin',
  'document.privacy': 'Politykę prywatności',
  'document.cookies': 'Politykę plików cookie',
  'document.dpa': 'Umowę powierzenia przetwarzania danych',
  'document.eula': 'Umowę licencyjną użytkownika końcowego',
  'document.community': 'Zasady społeczności',
  'required.error': 'Aby kontynuować, należy zaakceptować {documents}.',
  'optional.legend': 'Opcjonalne',
  'optional.hint': 'Zgodę można w każdej chwili wycofać.',
  'link.newTab': 'otwiera się w nowej karcie',
  'policy.loading': 'Wczytywanie warunków…',
  'policy.error': 'Nie udało się wczytać warunków.',
};

export default pl;
