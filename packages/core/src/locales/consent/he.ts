import type { LocaleMessages } from '../types.js';

/** Hebrew (עברית), right to left. Past-tense and impersonal forms where Hebrew allows; consents use the customary "מסכים/ה". */
const he: LocaleMessages = {
  'purpose.terms': 'קראתי ואישרתי את {documents}.',
  'purpose.privacy': 'קראתי את {documents}.',
  'purpose.marketing': 'ברצוני לקבל מ-{controller} חדשות והצעות בדוא״ל.',
  'purpose.newsletter': 'ברצוני לקבל את הניוזלטר של {controller} בדוא״ל.',
  'purpose.analytics': 'אני מסכים/ה ש-{controller} ינתח את אופן השימוש שלי בשירות לצורך שיפורו.',
  'purpose.personalization': 'אני מסכים/ה ש-{controller} יתאים אישית תוכן והמלצות על סמך אופן השימוש שלי בשירות.',
  'purpose.profiling': 'אני מסכים/ה ש-{controller} ייצור פרופיל של תחומי העניין שלי על סמך אופן השימוש שלי בשירות, כדי להציע לי הצעות מותאמות.',
  'purpose.third_party_sharing': 'אני מסכים/ה ש-{controller} ישתף את שמי ואת כתובת הדוא״ל שלי עם שותפים נבחרים, כדי שיוכלו לשלוח לי הצעות משלהם.',
  'purpose.research': 'אני מסכים/ה ש-{controller} ייצור איתי קשר לצורך השתתפות בסקרים ובמחקרי מוצר.',
  'document.terms': 'תנאי השימוש',
  'document.privacy': 'מדיניות הפרטיות',
  'document.cookies': 'מדיניות העוגיות',
  'document.dpa': 'הסכם עיבוד הנתונים',
  'document.eula': 'הסכם רישיון משתמש הקצה',
  'document.community': 'הנחיות הקהילה',
  'required.error': 'כדי להמשיך יש לאשר את {documents}.',
  'optional.legend': 'רשות',
  'optional.hint': 'ניתן לבטל את ההסכמה בכל עת.',
  'link.newTab': 'נפתח בכרטיסייה חדשה',
  'policy.loading': 'התנאים נטענים…',
  'policy.error': 'לא ניתן היה לטעון את התנאים.',
};

export default he;
