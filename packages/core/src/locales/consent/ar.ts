import type { LocaleMessages } from '../types.js';

/** Arabic (العربية), right to left. Formal register; consents use a verbal noun ("قيام … بـ") so no verb agrees with the controller. */
const ar: LocaleMessages = {
  'purpose.terms': 'أوافق على {documents}.',
  'purpose.privacy': 'اطّلعت على {documents}.',
  'purpose.marketing': 'أرغب في تلقي الأخبار والعروض من {controller} عبر البريد الإلكتروني.',
  'purpose.newsletter': 'أرغب في تلقي النشرة الإخبارية من {controller} عبر البريد الإلكتروني.',
  'purpose.analytics': 'أوافق على قيام {controller} بتحليل طريقة استخدامي للخدمة بهدف تحسينها.',
  'purpose.personalization': 'أوافق على قيام {controller} بتخصيص المحتوى والتوصيات بناءً على طريقة استخدامي للخدمة.',
  'purpose.profiling': 'أوافق على قيام {controller} بإنشاء ملف تعريفي لاهتماماتي بناءً على طريقة استخدامي للخدمة، بهدف تقديم عروض مناسبة لي.',
  'purpose.third_party_sharing': 'أوافق على قيام {controller} بمشاركة اسمي وعنوان بريدي الإلكتروني مع شركاء مختارين ليتمكنوا من إرسال عروضهم الخاصة إليّ.',
  'purpose.research': 'أوافق على قيام {controller} بالتواصل معي للمشاركة في الاستطلاعات وأبحاث المنتجات.',
  'document.terms': 'شروط الخدمة',
  'document.privacy': 'سياسة الخصوصية',
  'document.cookies': 'سياسة ملفات تعريف الارتباط',
  'document.dpa': 'اتفاقية معالجة البيانات',
  'document.eula': 'اتفاقية ترخيص المستخدم النهائي',
  'document.community': 'إرشادات المجتمع',
  'required.error': 'يُرجى الموافقة على {documents} للمتابعة.',
  'optional.legend': 'اختياري',
  'optional.hint': 'يمكنك سحب موافقتك في أي وقت.',
  'link.newTab': 'يُفتح في علامة تبويب جديدة',
  'policy.loading': 'جارٍ تحميل الشروط…',
  'policy.error': 'تعذّر تحميل الشروط.',
};

export default ar;
