/* Assent pre-user-registration Action (Auth0 trigger "Sign Up / Pre User Registration"), Node 18 or later.
 * Built from @assent/server src/actions/pre-user-registration.ts and @assent/core; do not edit: rebuild with
 * `node scripts/check-actions.mjs --write`. Secrets and deployment: @assent/server README, "The Actions". */
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/actions/node18-webcrypto.ts
var import_node_crypto, assentWebCrypto, init_node18_webcrypto = __esm({
  "src/actions/node18-webcrypto.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto"), assentWebCrypto = Reflect.get(globalThis, "crypto") ?? import_node_crypto.webcrypto;
  }
});

// ../core/src/locales/ar.ts
var ar_exports = {};
__export(ar_exports, {
  default: () => ar_default
});
var ar, ar_default, init_ar = __esm({
  "../core/src/locales/ar.ts"() {
    "use strict";
    init_node18_webcrypto();
    ar = {
      "purpose.terms": "أوافق على {documents}.",
      "purpose.privacy": "اطّلعت على {documents}.",
      "purpose.marketing": "أرغب في تلقي الأخبار والعروض من {controller} عبر البريد الإلكتروني.",
      "purpose.newsletter": "أرغب في تلقي النشرة الإخبارية من {controller} عبر البريد الإلكتروني.",
      "purpose.analytics": "أوافق على قيام {controller} بتحليل طريقة استخدامي للخدمة بهدف تحسينها.",
      "purpose.personalization": "أوافق على قيام {controller} بتخصيص المحتوى والتوصيات بناءً على طريقة استخدامي للخدمة.",
      "purpose.profiling": "أوافق على قيام {controller} بإنشاء ملف تعريفي لاهتماماتي بناءً على طريقة استخدامي للخدمة، بهدف تقديم عروض مناسبة لي.",
      "purpose.third_party_sharing": "أوافق على قيام {controller} بمشاركة اسمي وعنوان بريدي الإلكتروني مع شركاء مختارين ليتمكنوا من إرسال عروضهم الخاصة إليّ.",
      "purpose.research": "أوافق على قيام {controller} بالتواصل معي للمشاركة في الاستطلاعات وأبحاث المنتجات.",
      "document.terms": "شروط الخدمة",
      "document.privacy": "سياسة الخصوصية",
      "document.cookies": "سياسة ملفات تعريف الارتباط",
      "document.dpa": "اتفاقية معالجة البيانات",
      "document.eula": "اتفاقية ترخيص المستخدم النهائي",
      "document.community": "إرشادات المجتمع",
      "required.error": "يُرجى الموافقة على {documents} للمتابعة.",
      "optional.legend": "اختياري",
      "optional.hint": "يمكنك سحب موافقتك في أي وقت.",
      "link.newTab": "يُفتح في علامة تبويب جديدة",
      "policy.loading": "جارٍ تحميل الشروط…",
      "policy.error": "تعذّر تحميل الشروط."
    }, ar_default = ar;
  }
});

// ../core/src/locales/bg.ts
var bg_exports = {};
__export(bg_exports, {
  default: () => bg_default
});
var bg, bg_default, init_bg = __esm({
  "../core/src/locales/bg.ts"() {
    "use strict";
    init_node18_webcrypto();
    bg = {
      "purpose.terms": "Приемам {documents}.",
      "purpose.privacy": "Запознах се с {documents}.",
      "purpose.marketing": "Желая да получавам по имейл новини и оферти от {controller}.",
      "purpose.newsletter": "Желая да получавам по имейл бюлетина на {controller}.",
      "purpose.analytics": "Давам съгласие {controller} да анализира как използвам услугата с цел нейното подобряване.",
      "purpose.personalization": "Давам съгласие {controller} да персонализира съдържанието и препоръките въз основа на начина, по който използвам услугата.",
      "purpose.profiling": "Давам съгласие {controller} да създаде профил на интересите ми въз основа на начина, по който използвам услугата, с цел да ми предлага подходящи оферти.",
      "purpose.third_party_sharing": "Давам съгласие {controller} да предостави името и имейл адреса ми на избрани партньори, за да могат те да ми изпращат свои оферти.",
      "purpose.research": "Давам съгласие {controller} да се свързва с мен за участие в анкети и проучвания на продукти.",
      "document.terms": "Условията за ползване",
      "document.privacy": "Политиката за поверителност",
      "document.cookies": "Политиката за бисквитките",
      "document.dpa": "Споразумението за обработване на данни",
      "document.eula": "Лицензионното споразумение с краен потребител",
      "document.community": "Правилата на общността",
      "required.error": "За да продължите, приемете {documents}.",
      "optional.legend": "Незадължително",
      "optional.hint": "Можете да оттеглите съгласието си по всяко време.",
      "link.newTab": "отваря се в нов раздел",
      "policy.loading": "Условията се зареждат…",
      "policy.error": "Условията не можаха да бъдат заредени."
    }, bg_default = bg;
  }
});

// ../core/src/locales/cs.ts
var cs_exports = {};
__export(cs_exports, {
  default: () => cs_default
});
var cs, cs_default, init_cs = __esm({
  "../core/src/locales/cs.ts"() {
    "use strict";
    init_node18_webcrypto();
    cs = {
      "purpose.terms": "Přijímám {documents}.",
      "purpose.privacy": "Beru na vědomí {documents}.",
      "purpose.marketing": "Chci od {controller} dostávat e-mailem novinky a nabídky.",
      "purpose.newsletter": "Chci od {controller} dostávat e-mailem newsletter.",
      "purpose.analytics": "Souhlasím s tím, že {controller} bude analyzovat, jak používám službu, za účelem jejího zlepšování.",
      "purpose.personalization": "Souhlasím s tím, že {controller} bude přizpůsobovat obsah a doporučení podle toho, jak používám službu.",
      "purpose.profiling": "Souhlasím s tím, že {controller} bude na základě toho, jak používám službu, vytvářet profil mých zájmů za účelem přizpůsobení nabídek.",
      "purpose.third_party_sharing": "Souhlasím s tím, že {controller} bude předávat mé jméno a e-mailovou adresu vybraným partnerům, aby mi mohli zasílat své vlastní nabídky.",
      "purpose.research": "Souhlasím s tím, že mě {controller} bude kontaktovat ohledně účasti v průzkumech a výzkumu produktů.",
      "document.terms": "Podmínky služby",
      "document.privacy": "Zásady ochrany osobních údajů",
      "document.cookies": "Zásady používání souborů cookie",
      "document.dpa": "Smlouvu o zpracování osobních údajů",
      "document.eula": "Licenční smlouvu s koncovým uživatelem",
      "document.community": "Pravidla komunity",
      "required.error": "Chcete-li pokračovat, přijměte {documents}.",
      "optional.legend": "Nepovinné",
      "optional.hint": "Svůj souhlas můžete kdykoli odvolat.",
      "link.newTab": "otevře se na nové kartě",
      "policy.loading": "Načítání podmínek…",
      "policy.error": "Podmínky se nepodařilo načíst."
    }, cs_default = cs;
  }
});

// ../core/src/locales/da.ts
var da_exports = {};
__export(da_exports, {
  default: () => da_default
});
var da, da_default, init_da = __esm({
  "../core/src/locales/da.ts"() {
    "use strict";
    init_node18_webcrypto();
    da = {
      "purpose.terms": "Jeg accepterer {documents}.",
      "purpose.privacy": "Jeg har læst {documents}.",
      "purpose.marketing": "Jeg vil gerne modtage nyheder og tilbud fra {controller} via e-mail.",
      "purpose.newsletter": "Jeg vil gerne modtage nyhedsbrevet fra {controller} via e-mail.",
      "purpose.analytics": "Jeg giver samtykke til, at {controller} analyserer, hvordan jeg bruger tjenesten, for at forbedre den.",
      "purpose.personalization": "Jeg giver samtykke til, at {controller} tilpasser indhold og anbefalinger ud fra, hvordan jeg bruger tjenesten.",
      "purpose.profiling": "Jeg giver samtykke til, at {controller} opretter en profil over mine interesser ud fra, hvordan jeg bruger tjenesten, for at give mig målrettede tilbud.",
      "purpose.third_party_sharing": "Jeg giver samtykke til, at {controller} deler mit navn og min e-mailadresse med udvalgte partnere, så de kan sende mig deres egne tilbud.",
      "purpose.research": "Jeg giver samtykke til, at {controller} kontakter mig med henblik på deltagelse i spørgeundersøgelser og produktundersøgelser.",
      "document.terms": "servicevilkårene",
      "document.privacy": "privatlivspolitikken",
      "document.cookies": "cookiepolitikken",
      "document.dpa": "databehandleraftalen",
      "document.eula": "slutbrugerlicensaftalen",
      "document.community": "retningslinjerne for fællesskabet",
      "required.error": "Accepter {documents} for at fortsætte.",
      "optional.legend": "Valgfrit",
      "optional.hint": "Du kan til enhver tid trække dit samtykke tilbage.",
      "link.newTab": "åbner i en ny fane",
      "policy.loading": "Indlæser vilkårene…",
      "policy.error": "Vilkårene kunne ikke indlæses."
    }, da_default = da;
  }
});

// ../core/src/locales/de.ts
var de_exports = {};
__export(de_exports, {
  default: () => de_default
});
var de, de_default, init_de = __esm({
  "../core/src/locales/de.ts"() {
    "use strict";
    init_node18_webcrypto();
    de = {
      "purpose.terms": "Ich akzeptiere {documents}.",
      "purpose.privacy": "Ich habe {documents} zur Kenntnis genommen.",
      "purpose.marketing": "Ich möchte Neuigkeiten und Angebote von {controller} per E-Mail erhalten.",
      "purpose.newsletter": "Ich möchte den Newsletter von {controller} per E-Mail erhalten.",
      "purpose.analytics": "Ich willige ein, dass {controller} meine Nutzung des Dienstes analysiert, um ihn zu verbessern.",
      "purpose.personalization": "Ich willige ein, dass {controller} Inhalte und Empfehlungen auf Grundlage meiner Nutzung des Dienstes personalisiert.",
      "purpose.profiling": "Ich willige ein, dass {controller} aus meiner Nutzung des Dienstes ein Profil meiner Interessen erstellt, um mir passende Angebote zu machen.",
      "purpose.third_party_sharing": "Ich willige ein, dass {controller} meinen Namen und meine E-Mail-Adresse an ausgewählte Partner weitergibt, damit diese mir eigene Angebote senden können.",
      "purpose.research": "Ich willige ein, dass {controller} mich zur Teilnahme an Umfragen und Produktstudien kontaktiert.",
      "document.terms": "die Nutzungsbedingungen",
      "document.privacy": "die Datenschutzerklärung",
      "document.cookies": "die Cookie-Richtlinie",
      "document.dpa": "den Auftragsverarbeitungsvertrag",
      "document.eula": "den Endbenutzer-Lizenzvertrag",
      "document.community": "die Community-Richtlinien",
      "required.error": "Bitte akzeptieren Sie {documents}, um fortzufahren.",
      "optional.legend": "Optional",
      "optional.hint": "Sie können Ihre Einwilligung jederzeit widerrufen.",
      "link.newTab": "öffnet in einem neuen Tab",
      "policy.loading": "Die Bedingungen werden geladen…",
      "policy.error": "Die Bedingungen konnten nicht geladen werden."
    }, de_default = de;
  }
});

// ../core/src/locales/el.ts
var el_exports = {};
__export(el_exports, {
  default: () => el_default
});
var el, el_default, init_el = __esm({
  "../core/src/locales/el.ts"() {
    "use strict";
    init_node18_webcrypto();
    el = {
      "purpose.terms": "Αποδέχομαι {documents}.",
      "purpose.privacy": "Έχω διαβάσει {documents}.",
      "purpose.marketing": "Επιθυμώ να λαμβάνω μέσω email νέα και προσφορές από {controller}.",
      "purpose.newsletter": "Επιθυμώ να λαμβάνω μέσω email το ενημερωτικό δελτίο που αποστέλλει {controller}.",
      "purpose.analytics": "Συναινώ ώστε {controller} να αναλύει τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία, με σκοπό τη βελτίωσή της.",
      "purpose.personalization": "Συναινώ ώστε {controller} να εξατομικεύει το περιεχόμενο και τις προτάσεις με βάση τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία.",
      "purpose.profiling": "Συναινώ ώστε {controller} να δημιουργεί προφίλ των ενδιαφερόντων μου με βάση τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία, προκειμένου να μου προτείνει εξατομικευμένες προσφορές.",
      "purpose.third_party_sharing": "Συναινώ ώστε {controller} να κοινοποιεί το όνομα και τη διεύθυνση email μου σε επιλεγμένους συνεργάτες, ώστε να μου αποστέλλουν τις δικές τους προσφορές.",
      "purpose.research": "Συναινώ ώστε {controller} να επικοινωνεί μαζί μου για συμμετοχή σε έρευνες και μελέτες προϊόντων.",
      "document.terms": "τους Όρους Χρήσης",
      "document.privacy": "την Πολιτική Απορρήτου",
      "document.cookies": "την Πολιτική Cookies",
      "document.dpa": "τη Σύμβαση Επεξεργασίας Δεδομένων",
      "document.eula": "τη Σύμβαση Άδειας Χρήσης Τελικού Χρήστη",
      "document.community": "τις Κατευθυντήριες Γραμμές της Κοινότητας",
      "required.error": "Για να συνεχίσετε, αποδεχθείτε {documents}.",
      "optional.legend": "Προαιρετικό",
      "optional.hint": "Μπορείτε να ανακαλέσετε τη συγκατάθεσή σας ανά πάσα στιγμή.",
      "link.newTab": "ανοίγει σε νέα καρτέλα",
      "policy.loading": "Φόρτωση όρων…",
      "policy.error": "Δεν ήταν δυνατή η φόρτωση των όρων."
    }, el_default = el;
  }
});

// ../core/src/locales/es.ts
var es_exports = {};
__export(es_exports, {
  default: () => es_default
});
var es, es_default, init_es = __esm({
  "../core/src/locales/es.ts"() {
    "use strict";
    init_node18_webcrypto();
    es = {
      "purpose.terms": "Acepto {documents}.",
      "purpose.privacy": "He leído {documents}.",
      "purpose.marketing": "Deseo recibir por correo electrónico novedades y ofertas de {controller}.",
      "purpose.newsletter": "Deseo recibir por correo electrónico el boletín de {controller}.",
      "purpose.analytics": "Acepto que {controller} analice cómo utilizo el servicio para mejorarlo.",
      "purpose.personalization": "Acepto que {controller} personalice contenidos y recomendaciones en función de cómo utilizo el servicio.",
      "purpose.profiling": "Acepto que {controller} elabore un perfil de mis intereses a partir de cómo utilizo el servicio para enviarme ofertas personalizadas.",
      "purpose.third_party_sharing": "Acepto que {controller} comunique mi nombre y mi dirección de correo electrónico a socios seleccionados para que puedan enviarme sus propias ofertas.",
      "purpose.research": "Acepto que {controller} se ponga en contacto conmigo para participar en encuestas y estudios sobre sus productos.",
      "document.terms": "los Términos del servicio",
      "document.privacy": "la Política de privacidad",
      "document.cookies": "la Política de cookies",
      "document.dpa": "el Contrato de encargo del tratamiento",
      "document.eula": "el Contrato de licencia de usuario final",
      "document.community": "las Normas de la comunidad",
      "required.error": "Para continuar, acepte {documents}.",
      "optional.legend": "Opcional",
      "optional.hint": "Puede retirar su consentimiento en cualquier momento.",
      "link.newTab": "se abre en una pestaña nueva",
      "policy.loading": "Cargando las condiciones…",
      "policy.error": "No se han podido cargar las condiciones."
    }, es_default = es;
  }
});

// ../core/src/locales/et.ts
var et_exports = {};
__export(et_exports, {
  default: () => et_default
});
var et, et_default, init_et = __esm({
  "../core/src/locales/et.ts"() {
    "use strict";
    init_node18_webcrypto();
    et = {
      "purpose.terms": "Nõustun järgmisega: {documents}.",
      "purpose.privacy": "Olen tutvunud järgmisega: {documents}.",
      "purpose.marketing": "Luban, et {controller} saadab mulle e-posti teel uudiseid ja pakkumisi.",
      "purpose.newsletter": "Luban, et {controller} saadab mulle e-posti teel uudiskirja.",
      "purpose.analytics": "Luban, et {controller} analüüsib, kuidas ma teenust kasutan, et teenust paremaks muuta.",
      "purpose.personalization": "Luban, et {controller} isikupärastab sisu ja soovitusi selle põhjal, kuidas ma teenust kasutan.",
      "purpose.profiling": "Luban, et {controller} koostab selle põhjal, kuidas ma teenust kasutan, minu huvide profiili, et pakkuda mulle sobivaid pakkumisi.",
      "purpose.third_party_sharing": "Luban, et {controller} edastab minu nime ja e-posti aadressi valitud partneritele, et nad saaksid mulle oma pakkumisi saata.",
      "purpose.research": "Luban, et {controller} võtab minuga ühendust, et kutsuda mind osalema küsitlustes ja tooteuuringutes.",
      "document.terms": "kasutustingimused",
      "document.privacy": "privaatsuspoliitika",
      "document.cookies": "küpsiste kasutamise põhimõtted",
      "document.dpa": "andmetöötlusleping",
      "document.eula": "lõppkasutaja litsentsileping",
      "document.community": "kogukonna reeglid",
      "required.error": "Jätkamiseks nõustuge järgmisega: {documents}.",
      "optional.legend": "Valikuline",
      "optional.hint": "Võite oma nõusoleku igal ajal tagasi võtta.",
      "link.newTab": "avaneb uuel vahelehel",
      "policy.loading": "Tingimuste laadimine…",
      "policy.error": "Tingimusi ei õnnestunud laadida."
    }, et_default = et;
  }
});

// ../core/src/locales/fi.ts
var fi_exports = {};
__export(fi_exports, {
  default: () => fi_default
});
var fi, fi_default, init_fi = __esm({
  "../core/src/locales/fi.ts"() {
    "use strict";
    init_node18_webcrypto();
    fi = {
      "purpose.terms": "Hyväksyn {documents}.",
      "purpose.privacy": "Olen lukenut {documents}.",
      "purpose.marketing": "Annan suostumukseni siihen, että {controller} lähettää minulle sähköpostitse uutisia ja tarjouksia.",
      "purpose.newsletter": "Annan suostumukseni siihen, että {controller} lähettää minulle uutiskirjeensä sähköpostitse.",
      "purpose.analytics": "Annan suostumukseni siihen, että {controller} analysoi, miten käytän palvelua, palvelun parantamiseksi.",
      "purpose.personalization": "Annan suostumukseni siihen, että {controller} mukauttaa sisältöä ja suosituksia sen perusteella, miten käytän palvelua.",
      "purpose.profiling": "Annan suostumukseni siihen, että {controller} muodostaa palvelun käytöstäni profiilin kiinnostuksen kohteistani kohdentaakseen minulle tarjouksia.",
      "purpose.third_party_sharing": "Annan suostumukseni siihen, että {controller} luovuttaa nimeni ja sähköpostiosoitteeni valituille kumppaneille, jotta ne voivat lähettää minulle omia tarjouksiaan.",
      "purpose.research": "Annan suostumukseni siihen, että {controller} ottaa minuun yhteyttä kyselyihin ja tuotetutkimuksiin osallistumista varten.",
      "document.terms": "käyttöehdot",
      "document.privacy": "tietosuojaselosteen",
      "document.cookies": "evästekäytännön",
      "document.dpa": "tietojenkäsittelysopimuksen",
      "document.eula": "loppukäyttäjän lisenssisopimuksen",
      "document.community": "yhteisön säännöt",
      "required.error": "Voit jatkaa, kun olet hyväksynyt {documents}.",
      "optional.legend": "Valinnainen",
      "optional.hint": "Voit peruuttaa suostumuksesi milloin tahansa.",
      "link.newTab": "avautuu uudelle välilehdelle",
      "policy.loading": "Ehtoja ladataan…",
      "policy.error": "Ehtoja ei voitu ladata."
    }, fi_default = fi;
  }
});

// ../core/src/locales/fr.ts
var fr_exports = {};
__export(fr_exports, {
  default: () => fr_default
});
var fr, fr_default, init_fr = __esm({
  "../core/src/locales/fr.ts"() {
    "use strict";
    init_node18_webcrypto();
    fr = {
      "purpose.terms": "J'accepte {documents}.",
      "purpose.privacy": "J'ai lu {documents}.",
      "purpose.marketing": "J'autorise {controller} à m'envoyer par e-mail des actualités et des offres.",
      "purpose.newsletter": "J'autorise {controller} à m'envoyer sa newsletter par e-mail.",
      "purpose.analytics": "J'autorise {controller} à analyser mon utilisation du service afin de l'améliorer.",
      "purpose.personalization": "J'autorise {controller} à personnaliser les contenus et les recommandations en fonction de mon utilisation du service.",
      "purpose.profiling": "J'autorise {controller} à établir un profil de mes centres d'intérêt à partir de mon utilisation du service afin de me proposer des offres adaptées.",
      "purpose.third_party_sharing": "J'autorise {controller} à communiquer mon nom et mon adresse e-mail à des partenaires sélectionnés afin qu'ils puissent m'envoyer leurs propres offres.",
      "purpose.research": "J'autorise {controller} à me contacter pour participer à des enquêtes et à des études sur ses produits.",
      "document.terms": "les Conditions d'utilisation",
      "document.privacy": "la Politique de confidentialité",
      "document.cookies": "la Politique relative aux cookies",
      "document.dpa": "l'Accord de traitement des données",
      "document.eula": "le Contrat de licence utilisateur final",
      "document.community": "les Règles de la communauté",
      "required.error": "Veuillez accepter {documents} pour continuer.",
      "optional.legend": "Facultatif",
      "optional.hint": "Vous pouvez retirer votre consentement à tout moment.",
      "link.newTab": "s'ouvre dans un nouvel onglet",
      "policy.loading": "Chargement des conditions…",
      "policy.error": "Les conditions n'ont pas pu être chargées."
    }, fr_default = fr;
  }
});

// ../core/src/locales/ga.ts
var ga_exports = {};
__export(ga_exports, {
  default: () => ga_default
});
var ga, ga_default, init_ga = __esm({
  "../core/src/locales/ga.ts"() {
    "use strict";
    init_node18_webcrypto();
    ga = {
      "purpose.terms": "Glacaim leis na doiciméid seo a leanas: {documents}.",
      "purpose.privacy": "Léigh mé na doiciméid seo a leanas: {documents}.",
      "purpose.marketing": "Ba mhaith liom nuacht agus tairiscintí a fháil ó {controller} trí ríomhphost.",
      "purpose.newsletter": "Ba mhaith liom nuachtlitir {controller} a fháil trí ríomhphost.",
      "purpose.analytics": "Toilím go ndéanfaidh {controller} anailís ar an gcaoi a n-úsáidim an tseirbhís chun í a fheabhsú.",
      "purpose.personalization": "Toilím go ndéanfaidh {controller} ábhar agus moltaí a phearsantú bunaithe ar an gcaoi a n-úsáidim an tseirbhís.",
      "purpose.profiling": "Toilím go gcruthóidh {controller} próifíl de mo chuid spéiseanna bunaithe ar an gcaoi a n-úsáidim an tseirbhís, chun tairiscintí oiriúnacha a chur ar fáil dom.",
      "purpose.third_party_sharing": "Toilím go roinnfidh {controller} m’ainm agus mo sheoladh ríomhphoist le comhpháirtithe roghnaithe ionas gur féidir leo a dtairiscintí féin a sheoladh chugam.",
      "purpose.research": "Toilím go ndéanfaidh {controller} teagmháil liom chun páirt a ghlacadh i suirbhéanna agus i dtaighde ar tháirgí.",
      "document.terms": "Téarmaí Seirbhíse",
      "document.privacy": "Beartas Príobháideachais",
      "document.cookies": "Beartas Fianán",
      "document.dpa": "Comhaontú Próiseála Sonraí",
      "document.eula": "Comhaontú Ceadúnais Úsáideora Deiridh",
      "document.community": "Treoirlínte an Phobail",
      "required.error": "Chun leanúint ar aghaidh, glac leis na doiciméid seo a leanas: {documents}.",
      "optional.legend": "Roghnach",
      "optional.hint": "Is féidir leat do thoiliú a tharraingt siar am ar bith.",
      "link.newTab": "osclaítear i gcluaisín nua é",
      "policy.loading": "Na téarmaí á lódáil…",
      "policy.error": "Níorbh fhéidir na téarmaí a lódáil."
    }, ga_default = ga;
  }
});

// ../core/src/locales/he.ts
var he_exports = {};
__export(he_exports, {
  default: () => he_default
});
var he, he_default, init_he = __esm({
  "../core/src/locales/he.ts"() {
    "use strict";
    init_node18_webcrypto();
    he = {
      "purpose.terms": "קראתי ואישרתי את {documents}.",
      "purpose.privacy": "קראתי את {documents}.",
      "purpose.marketing": "ברצוני לקבל מ-{controller} חדשות והצעות בדוא״ל.",
      "purpose.newsletter": "ברצוני לקבל את הניוזלטר של {controller} בדוא״ל.",
      "purpose.analytics": "אני מסכים/ה ש-{controller} ינתח את אופן השימוש שלי בשירות לצורך שיפורו.",
      "purpose.personalization": "אני מסכים/ה ש-{controller} יתאים אישית תוכן והמלצות על סמך אופן השימוש שלי בשירות.",
      "purpose.profiling": "אני מסכים/ה ש-{controller} ייצור פרופיל של תחומי העניין שלי על סמך אופן השימוש שלי בשירות, כדי להציע לי הצעות מותאמות.",
      "purpose.third_party_sharing": "אני מסכים/ה ש-{controller} ישתף את שמי ואת כתובת הדוא״ל שלי עם שותפים נבחרים, כדי שיוכלו לשלוח לי הצעות משלהם.",
      "purpose.research": "אני מסכים/ה ש-{controller} ייצור איתי קשר לצורך השתתפות בסקרים ובמחקרי מוצר.",
      "document.terms": "תנאי השימוש",
      "document.privacy": "מדיניות הפרטיות",
      "document.cookies": "מדיניות העוגיות",
      "document.dpa": "הסכם עיבוד הנתונים",
      "document.eula": "הסכם רישיון משתמש הקצה",
      "document.community": "הנחיות הקהילה",
      "required.error": "כדי להמשיך יש לאשר את {documents}.",
      "optional.legend": "רשות",
      "optional.hint": "ניתן לבטל את ההסכמה בכל עת.",
      "link.newTab": "נפתח בכרטיסייה חדשה",
      "policy.loading": "התנאים נטענים…",
      "policy.error": "לא ניתן היה לטעון את התנאים."
    }, he_default = he;
  }
});

// ../core/src/locales/hr.ts
var hr_exports = {};
__export(hr_exports, {
  default: () => hr_default
});
var hr, hr_default, init_hr = __esm({
  "../core/src/locales/hr.ts"() {
    "use strict";
    init_node18_webcrypto();
    hr = {
      "purpose.terms": "Prihvaćam {documents}.",
      "purpose.privacy": "Primam na znanje {documents}.",
      "purpose.marketing": "Želim od {controller} e-poštom primati novosti i ponude.",
      "purpose.newsletter": "Želim od {controller} e-poštom primati newsletter.",
      "purpose.analytics": "Pristajem da {controller} analizira kako koristim uslugu radi njezina poboljšanja.",
      "purpose.personalization": "Pristajem da {controller} prilagođava sadržaj i preporuke na temelju toga kako koristim uslugu.",
      "purpose.profiling": "Pristajem da {controller} na temelju mojeg korištenja usluge izradi profil mojih interesa radi prilagodbe ponuda.",
      "purpose.third_party_sharing": "Pristajem da {controller} moje ime i adresu e-pošte podijeli s odabranim partnerima kako bi mi mogli slati vlastite ponude.",
      "purpose.research": "Pristajem da me {controller} kontaktira radi sudjelovanja u anketama i istraživanjima proizvoda.",
      "document.terms": "Uvjete korištenja",
      "document.privacy": "Pravila o privatnosti",
      "document.cookies": "Pravila o kolačićima",
      "document.dpa": "Ugovor o obradi podataka",
      "document.eula": "Licencni ugovor s krajnjim korisnikom",
      "document.community": "Smjernice zajednice",
      "required.error": "Za nastavak prihvatite {documents}.",
      "optional.legend": "Neobavezno",
      "optional.hint": "Privolu možete povući u bilo kojem trenutku.",
      "link.newTab": "otvara se u novoj kartici",
      "policy.loading": "Učitavanje uvjeta…",
      "policy.error": "Uvjete nije bilo moguće učitati."
    }, hr_default = hr;
  }
});

// ../core/src/locales/hu.ts
var hu_exports = {};
__export(hu_exports, {
  default: () => hu_default
});
var hu, hu_default, init_hu = __esm({
  "../core/src/locales/hu.ts"() {
    "use strict";
    init_node18_webcrypto();
    hu = {
      "purpose.terms": "Elfogadom {documents}.",
      "purpose.privacy": "Elolvastam {documents}.",
      "purpose.marketing": "Hozzájárulok, hogy {controller} e-mailben híreket és ajánlatokat küldjön nekem.",
      "purpose.newsletter": "Hozzájárulok, hogy {controller} e-mailben hírlevelet küldjön nekem.",
      "purpose.analytics": "Hozzájárulok, hogy {controller} elemezze, hogyan használom a szolgáltatást, annak fejlesztése érdekében.",
      "purpose.personalization": "Hozzájárulok, hogy {controller} a szolgáltatás használata alapján személyre szabja a tartalmakat és az ajánlásokat.",
      "purpose.profiling": "Hozzájárulok, hogy {controller} a szolgáltatás használata alapján profilt készítsen az érdeklődési körömről, hogy személyre szabott ajánlatokat kínálhasson nekem.",
      "purpose.third_party_sharing": "Hozzájárulok, hogy {controller} a nevemet és az e-mail-címemet átadja kiválasztott partnereinek, hogy azok saját ajánlataikat küldhessék nekem.",
      "purpose.research": "Hozzájárulok, hogy {controller} felvegye velem a kapcsolatot felmérésekben és termékkutatásokban való részvétel céljából.",
      "document.terms": "a Felhasználási feltételeket",
      "document.privacy": "az Adatvédelmi tájékoztatót",
      "document.cookies": "a Cookie-szabályzatot",
      "document.dpa": "az Adatfeldolgozási megállapodást",
      "document.eula": "a Végfelhasználói licencszerződést",
      "document.community": "a Közösségi irányelveket",
      "required.error": "A folytatáshoz fogadja el {documents}.",
      "optional.legend": "Nem kötelező",
      "optional.hint": "Hozzájárulását bármikor visszavonhatja.",
      "link.newTab": "új lapon nyílik meg",
      "policy.loading": "A feltételek betöltése…",
      "policy.error": "A feltételeket nem sikerült betölteni."
    }, hu_default = hu;
  }
});

// ../core/src/locales/it.ts
var it_exports = {};
__export(it_exports, {
  default: () => it_default
});
var it, it_default, init_it = __esm({
  "../core/src/locales/it.ts"() {
    "use strict";
    init_node18_webcrypto();
    it = {
      "purpose.terms": "Accetto {documents}.",
      "purpose.privacy": "Ho letto {documents}.",
      "purpose.marketing": "Desidero ricevere via e-mail novità e offerte da {controller}.",
      "purpose.newsletter": "Desidero ricevere via e-mail la newsletter di {controller}.",
      "purpose.analytics": "Acconsento che {controller} analizzi il modo in cui utilizzo il servizio per migliorarlo.",
      "purpose.personalization": "Acconsento che {controller} personalizzi contenuti e suggerimenti in base al modo in cui utilizzo il servizio.",
      "purpose.profiling": "Acconsento che {controller} crei un profilo dei miei interessi in base al modo in cui utilizzo il servizio, per propormi offerte su misura.",
      "purpose.third_party_sharing": "Acconsento che {controller} comunichi il mio nome e il mio indirizzo e-mail a partner selezionati, affinché possano inviarmi le proprie offerte.",
      "purpose.research": "Acconsento che {controller} mi contatti per partecipare a sondaggi e ricerche sui prodotti.",
      "document.terms": "i Termini di servizio",
      "document.privacy": "l'Informativa sulla privacy",
      "document.cookies": "l'Informativa sui cookie",
      "document.dpa": "l'Accordo sul trattamento dei dati",
      "document.eula": "il Contratto di licenza con l'utente finale",
      "document.community": "le Linee guida della community",
      "required.error": "Per continuare, accetti {documents}.",
      "optional.legend": "Facoltativo",
      "optional.hint": "Può revocare il Suo consenso in qualsiasi momento.",
      "link.newTab": "si apre in una nuova scheda",
      "policy.loading": "Caricamento delle condizioni…",
      "policy.error": "Impossibile caricare le condizioni."
    }, it_default = it;
  }
});

// ../core/src/locales/lt.ts
var lt_exports = {};
__export(lt_exports, {
  default: () => lt_default
});
var lt, lt_default, init_lt = __esm({
  "../core/src/locales/lt.ts"() {
    "use strict";
    init_node18_webcrypto();
    lt = {
      "purpose.terms": "Priimu {documents}.",
      "purpose.privacy": "Perskaičiau {documents}.",
      "purpose.marketing": "Noriu el. paštu gauti naujienas ir pasiūlymus iš {controller}.",
      "purpose.newsletter": "Noriu el. paštu gauti naujienlaiškį iš {controller}.",
      "purpose.analytics": "Sutinku, kad {controller} analizuotų, kaip naudojuosi paslauga, jos tobulinimo tikslais.",
      "purpose.personalization": "Sutinku, kad {controller} suasmenintų turinį ir rekomendacijas pagal tai, kaip naudojuosi paslauga.",
      "purpose.profiling": "Sutinku, kad {controller} pagal tai, kaip naudojuosi paslauga, sudarytų mano pomėgių profilį, kad galėtų pateikti man pritaikytus pasiūlymus.",
      "purpose.third_party_sharing": "Sutinku, kad {controller} perduotų mano vardą, pavardę ir el. pašto adresą atrinktiems partneriams, kad jie galėtų man siųsti savo pasiūlymus.",
      "purpose.research": "Sutinku, kad {controller} susisiektų su manimi dėl dalyvavimo apklausose ir produktų tyrimuose.",
      "document.terms": "Naudojimo sąlygas",
      "document.privacy": "Privatumo politiką",
      "document.cookies": "Slapukų politiką",
      "document.dpa": "Duomenų tvarkymo sutartį",
      "document.eula": "Galutinio naudotojo licencijos sutartį",
      "document.community": "Bendruomenės taisykles",
      "required.error": "Norėdami tęsti, priimkite {documents}.",
      "optional.legend": "Neprivaloma",
      "optional.hint": "Savo sutikimą galite bet kada atšaukti.",
      "link.newTab": "atidaroma naujame skirtuke",
      "policy.loading": "Įkeliamos sąlygos…",
      "policy.error": "Nepavyko įkelti sąlygų."
    }, lt_default = lt;
  }
});

// ../core/src/locales/lv.ts
var lv_exports = {};
__export(lv_exports, {
  default: () => lv_default
});
var lv, lv_default, init_lv = __esm({
  "../core/src/locales/lv.ts"() {
    "use strict";
    init_node18_webcrypto();
    lv = {
      "purpose.terms": "Pieņemu {documents}.",
      "purpose.privacy": "Ņemu vērā {documents}.",
      "purpose.marketing": "Vēlos saņemt e-pastā jaunumus un piedāvājumus no {controller}.",
      "purpose.newsletter": "Vēlos saņemt e-pastā jaunumu vēstuli no {controller}.",
      "purpose.analytics": "Piekrītu, ka {controller} analizē, kā es izmantoju pakalpojumu, lai to uzlabotu.",
      "purpose.personalization": "Piekrītu, ka {controller} personalizē saturu un ieteikumus, pamatojoties uz to, kā es izmantoju pakalpojumu.",
      "purpose.profiling": "Piekrītu, ka {controller}, pamatojoties uz to, kā es izmantoju pakalpojumu, izveido manu interešu profilu, lai pielāgotu man piedāvājumus.",
      "purpose.third_party_sharing": "Piekrītu, ka {controller} nodod manu vārdu un e-pasta adresi izraudzītiem partneriem, lai tie varētu man sūtīt savus piedāvājumus.",
      "purpose.research": "Piekrītu, ka {controller} sazinās ar mani, lai aicinātu piedalīties aptaujās un produktu pētījumos.",
      "document.terms": "Lietošanas noteikumus",
      "document.privacy": "Privātuma politiku",
      "document.cookies": "Sīkdatņu politiku",
      "document.dpa": "Datu apstrādes līgumu",
      "document.eula": "Galalietotāja licences līgumu",
      "document.community": "Kopienas vadlīnijas",
      "required.error": "Lai turpinātu, lūdzu, pieņemiet {documents}.",
      "optional.legend": "Neobligāti",
      "optional.hint": "Jūs jebkurā laikā varat atsaukt savu piekrišanu.",
      "link.newTab": "atveras jaunā cilnē",
      "policy.loading": "Notiek noteikumu ielāde…",
      "policy.error": "Noteikumus neizdevās ielādēt."
    }, lv_default = lv;
  }
});

// ../core/src/locales/mt.ts
var mt_exports = {};
__export(mt_exports, {
  default: () => mt_default
});
var mt, mt_default, init_mt = __esm({
  "../core/src/locales/mt.ts"() {
    "use strict";
    init_node18_webcrypto();
    mt = {
      "purpose.terms": "Naċċetta d-dokumenti li ġejjin: {documents}.",
      "purpose.privacy": "Qrajt id-dokumenti li ġejjin: {documents}.",
      "purpose.marketing": "Nixtieq nirċievi aħbarijiet u offerti mingħand {controller} bl-email.",
      "purpose.newsletter": "Nixtieq nirċievi n-newsletter ta’ {controller} bl-email.",
      "purpose.analytics": "Nagħti l-kunsens tiegħi lil {controller} għall-analiżi ta’ kif nuża s-servizz, sabiex dan jitjieb.",
      "purpose.personalization": "Nagħti l-kunsens tiegħi lil {controller} għall-personalizzazzjoni tal-kontenut u tar-rakkomandazzjonijiet abbażi ta’ kif nuża s-servizz.",
      "purpose.profiling": "Nagħti l-kunsens tiegħi lil {controller} għall-ħolqien ta’ profil tal-interessi tiegħi abbażi ta’ kif nuża s-servizz, sabiex l-offerti jiġu adattati għalija.",
      "purpose.third_party_sharing": "Nagħti l-kunsens tiegħi lil {controller} għall-kondiviżjoni ta’ ismi u tal-indirizz tal-email tiegħi ma’ sħab magħżula, sabiex dawn ikunu jistgħu jibagħtuli l-offerti tagħhom.",
      "purpose.research": "Nagħti l-kunsens tiegħi lil {controller} biex jikkuntattjawni ħalli nieħu sehem fi stħarriġiet u f’riċerka dwar il-prodotti.",
      "document.terms": "Termini tas-Servizz",
      "document.privacy": "Politika tal-Privatezza",
      "document.cookies": "Politika dwar il-Cookies",
      "document.dpa": "Ftehim dwar l-Ipproċessar tad-Data",
      "document.eula": "Ftehim ta’ Liċenzja għall-Utent Finali",
      "document.community": "Linji Gwida tal-Komunità",
      "required.error": "Biex tkompli, jekk jogħġbok aċċetta d-dokumenti li ġejjin: {documents}.",
      "optional.legend": "Mhux obbligatorju",
      "optional.hint": "Tista’ tirtira l-kunsens tiegħek fi kwalunkwe ħin.",
      "link.newTab": "jinfetaħ f’tab ġdida",
      "policy.loading": "Qed jitgħabbew it-termini…",
      "policy.error": "It-termini ma setgħux jitgħabbew."
    }, mt_default = mt;
  }
});

// ../core/src/locales/nl.ts
var nl_exports = {};
__export(nl_exports, {
  default: () => nl_default
});
var nl, nl_default, init_nl = __esm({
  "../core/src/locales/nl.ts"() {
    "use strict";
    init_node18_webcrypto();
    nl = {
      "purpose.terms": "Ik ga akkoord met {documents}.",
      "purpose.privacy": "Ik heb {documents} gelezen.",
      "purpose.marketing": "Ik wil per e-mail nieuws en aanbiedingen van {controller} ontvangen.",
      "purpose.newsletter": "Ik wil de nieuwsbrief van {controller} per e-mail ontvangen.",
      "purpose.analytics": "Ik geef {controller} toestemming om te analyseren hoe ik de dienst gebruik, om deze te verbeteren.",
      "purpose.personalization": "Ik geef {controller} toestemming om inhoud en aanbevelingen te personaliseren op basis van hoe ik de dienst gebruik.",
      "purpose.profiling": "Ik geef {controller} toestemming om op basis van mijn gebruik van de dienst een profiel van mijn interesses op te stellen, om mij aanbiedingen op maat te doen.",
      "purpose.third_party_sharing": "Ik geef {controller} toestemming om mijn naam en e-mailadres te delen met geselecteerde partners, zodat zij mij hun eigen aanbiedingen kunnen sturen.",
      "purpose.research": "Ik geef {controller} toestemming om contact met mij op te nemen voor deelname aan enquêtes en productonderzoek.",
      "document.terms": "de Gebruiksvoorwaarden",
      "document.privacy": "het Privacybeleid",
      "document.cookies": "het Cookiebeleid",
      "document.dpa": "de Verwerkersovereenkomst",
      "document.eula": "de Licentieovereenkomst voor eindgebruikers",
      "document.community": "de Communityrichtlijnen",
      "required.error": "Om verder te gaan, moet u akkoord gaan met {documents}.",
      "optional.legend": "Optioneel",
      "optional.hint": "U kunt uw toestemming op elk moment intrekken.",
      "link.newTab": "opent in een nieuw tabblad",
      "policy.loading": "De voorwaarden worden geladen…",
      "policy.error": "De voorwaarden konden niet worden geladen."
    }, nl_default = nl;
  }
});

// ../core/src/locales/pl.ts
var pl_exports = {};
__export(pl_exports, {
  default: () => pl_default
});
var pl, pl_default, init_pl = __esm({
  "../core/src/locales/pl.ts"() {
    "use strict";
    init_node18_webcrypto();
    pl = {
      "purpose.terms": "Akceptuję {documents}.",
      "purpose.privacy": "Przyjmuję do wiadomości {documents}.",
      "purpose.marketing": "Chcę otrzymywać od {controller} wiadomości e-mail z nowościami i ofertami.",
      "purpose.newsletter": "Chcę otrzymywać e-mailem newsletter od {controller}.",
      "purpose.analytics": "Wyrażam zgodę na analizowanie przez {controller} sposobu, w jaki korzystam z usługi, w celu jej ulepszania.",
      "purpose.personalization": "Wyrażam zgodę na personalizowanie przez {controller} treści i rekomendacji na podstawie sposobu, w jaki korzystam z usługi.",
      "purpose.profiling": "Wyrażam zgodę na tworzenie przez {controller} profilu moich zainteresowań na podstawie sposobu, w jaki korzystam z usługi, w celu dopasowania ofert do moich potrzeb.",
      "purpose.third_party_sharing": "Wyrażam zgodę na przekazanie przez {controller} mojego imienia i nazwiska oraz adresu e-mail wybranym partnerom w celu przesyłania mi ich własnych ofert.",
      "purpose.research": "Wyrażam zgodę na kontaktowanie się ze mną przez {controller} w celu udziału w ankietach i badaniach produktów.",
      "document.terms": "Regulamin",
      "document.privacy": "Politykę prywatności",
      "document.cookies": "Politykę plików cookie",
      "document.dpa": "Umowę powierzenia przetwarzania danych",
      "document.eula": "Umowę licencyjną użytkownika końcowego",
      "document.community": "Zasady społeczności",
      "required.error": "Aby kontynuować, należy zaakceptować {documents}.",
      "optional.legend": "Opcjonalne",
      "optional.hint": "Zgodę można w każdej chwili wycofać.",
      "link.newTab": "otwiera się w nowej karcie",
      "policy.loading": "Wczytywanie warunków…",
      "policy.error": "Nie udało się wczytać warunków."
    }, pl_default = pl;
  }
});

// ../core/src/locales/pt.ts
var pt_exports = {};
__export(pt_exports, {
  default: () => pt_default
});
var pt, pt_default, init_pt = __esm({
  "../core/src/locales/pt.ts"() {
    "use strict";
    init_node18_webcrypto();
    pt = {
      "purpose.terms": "Aceito {documents}.",
      "purpose.privacy": "Li {documents}.",
      "purpose.marketing": "Pretendo receber por e-mail novidades e ofertas de {controller}.",
      "purpose.newsletter": "Pretendo receber por e-mail a newsletter de {controller}.",
      "purpose.analytics": "Aceito que {controller} analise a forma como utilizo o serviço para o melhorar.",
      "purpose.personalization": "Aceito que {controller} personalize conteúdos e recomendações com base na forma como utilizo o serviço.",
      "purpose.profiling": "Aceito que {controller} crie um perfil dos meus interesses com base na forma como utilizo o serviço, para me apresentar ofertas adaptadas.",
      "purpose.third_party_sharing": "Aceito que {controller} partilhe o meu nome e endereço de e-mail com parceiros selecionados, para que estes me possam enviar as suas próprias ofertas.",
      "purpose.research": "Aceito que {controller} me contacte para participar em inquéritos e estudos sobre produtos.",
      "document.terms": "os Termos de Serviço",
      "document.privacy": "a Política de Privacidade",
      "document.cookies": "a Política de Cookies",
      "document.dpa": "o Acordo de Tratamento de Dados",
      "document.eula": "o Contrato de Licença de Utilizador Final",
      "document.community": "as Diretrizes da Comunidade",
      "required.error": "Para continuar, aceite {documents}.",
      "optional.legend": "Opcional",
      "optional.hint": "Pode retirar o seu consentimento a qualquer momento.",
      "link.newTab": "abre num novo separador",
      "policy.loading": "A carregar os termos…",
      "policy.error": "Não foi possível carregar os termos."
    }, pt_default = pt;
  }
});

// ../core/src/locales/ro.ts
var ro_exports = {};
__export(ro_exports, {
  default: () => ro_default
});
var ro, ro_default, init_ro = __esm({
  "../core/src/locales/ro.ts"() {
    "use strict";
    init_node18_webcrypto();
    ro = {
      "purpose.terms": "Accept {documents}.",
      "purpose.privacy": "Am citit {documents}.",
      "purpose.marketing": "Doresc să primesc prin e-mail noutăți și oferte de la {controller}.",
      "purpose.newsletter": "Doresc să primesc prin e-mail newsletterul trimis de {controller}.",
      "purpose.analytics": "Sunt de acord ca {controller} să analizeze modul în care utilizez serviciul, în vederea îmbunătățirii acestuia.",
      "purpose.personalization": "Sunt de acord ca {controller} să personalizeze conținutul și recomandările pe baza modului în care utilizez serviciul.",
      "purpose.profiling": "Sunt de acord ca {controller} să creeze un profil al intereselor mele pe baza modului în care utilizez serviciul, pentru a-mi propune oferte personalizate.",
      "purpose.third_party_sharing": "Sunt de acord ca {controller} să transmită numele și adresa mea de e-mail unor parteneri selectați, pentru ca aceștia să îmi poată trimite propriile oferte.",
      "purpose.research": "Sunt de acord ca {controller} să mă contacteze pentru a participa la sondaje și studii privind produsele.",
      "document.terms": "Termenii de utilizare",
      "document.privacy": "Politica de confidențialitate",
      "document.cookies": "Politica privind modulele cookie",
      "document.dpa": "Acordul de prelucrare a datelor",
      "document.eula": "Acordul de licență pentru utilizatorul final",
      "document.community": "Regulile comunității",
      "required.error": "Pentru a continua, acceptați {documents}.",
      "optional.legend": "Opțional",
      "optional.hint": "Vă puteți retrage consimțământul în orice moment.",
      "link.newTab": "se deschide într-o filă nouă",
      "policy.loading": "Se încarcă termenii…",
      "policy.error": "Termenii nu au putut fi încărcați."
    }, ro_default = ro;
  }
});

// ../core/src/locales/sk.ts
var sk_exports = {};
__export(sk_exports, {
  default: () => sk_default
});
var sk, sk_default, init_sk = __esm({
  "../core/src/locales/sk.ts"() {
    "use strict";
    init_node18_webcrypto();
    sk = {
      "purpose.terms": "Prijímam {documents}.",
      "purpose.privacy": "Beriem na vedomie {documents}.",
      "purpose.marketing": "Chcem od {controller} dostávať e-mailom novinky a ponuky.",
      "purpose.newsletter": "Chcem od {controller} dostávať e-mailom newsletter.",
      "purpose.analytics": "Súhlasím s tým, že {controller} bude analyzovať, ako používam službu, s cieľom zlepšovať ju.",
      "purpose.personalization": "Súhlasím s tým, že {controller} bude prispôsobovať obsah a odporúčania podľa toho, ako používam službu.",
      "purpose.profiling": "Súhlasím s tým, že {controller} bude na základe toho, ako používam službu, vytvárať profil mojich záujmov s cieľom prispôsobiť mi ponuky.",
      "purpose.third_party_sharing": "Súhlasím s tým, že {controller} poskytne moje meno a e-mailovú adresu vybraným partnerom, aby mi mohli posielať svoje vlastné ponuky.",
      "purpose.research": "Súhlasím s tým, že ma {controller} bude kontaktovať ohľadom účasti v prieskumoch a výskume produktov.",
      "document.terms": "Podmienky služby",
      "document.privacy": "Zásady ochrany osobných údajov",
      "document.cookies": "Zásady používania súborov cookie",
      "document.dpa": "Zmluvu o spracúvaní osobných údajov",
      "document.eula": "Licenčnú zmluvu s koncovým používateľom",
      "document.community": "Pravidlá komunity",
      "required.error": "Ak chcete pokračovať, prijmite {documents}.",
      "optional.legend": "Nepovinné",
      "optional.hint": "Svoj súhlas môžete kedykoľvek odvolať.",
      "link.newTab": "otvorí sa na novej karte",
      "policy.loading": "Načítavajú sa podmienky…",
      "policy.error": "Podmienky sa nepodarilo načítať."
    }, sk_default = sk;
  }
});

// ../core/src/locales/sl.ts
var sl_exports = {};
__export(sl_exports, {
  default: () => sl_default
});
var sl, sl_default, init_sl = __esm({
  "../core/src/locales/sl.ts"() {
    "use strict";
    init_node18_webcrypto();
    sl = {
      "purpose.terms": "Sprejemam {documents}.",
      "purpose.privacy": "Jemljem na znanje {documents}.",
      "purpose.marketing": "Želim od {controller} po e-pošti prejemati novice in ponudbe.",
      "purpose.newsletter": "Želim od {controller} po e-pošti prejemati e-novice.",
      "purpose.analytics": "Soglašam, da {controller} analizira, kako uporabljam storitev, z namenom njenega izboljšanja.",
      "purpose.personalization": "Soglašam, da {controller} prilagaja vsebine in priporočila glede na to, kako uporabljam storitev.",
      "purpose.profiling": "Soglašam, da {controller} na podlagi moje uporabe storitve oblikuje profil mojih interesov z namenom prilagajanja ponudb.",
      "purpose.third_party_sharing": "Soglašam, da {controller} moje ime in e-poštni naslov posreduje izbranim partnerjem, da mi lahko pošiljajo svoje ponudbe.",
      "purpose.research": "Soglašam, da me {controller} kontaktira zaradi sodelovanja v anketah in raziskavah izdelkov.",
      "document.terms": "Pogoje uporabe",
      "document.privacy": "Pravilnik o zasebnosti",
      "document.cookies": "Pravilnik o piškotkih",
      "document.dpa": "Pogodbo o obdelavi osebnih podatkov",
      "document.eula": "Licenčno pogodbo za končnega uporabnika",
      "document.community": "Smernice skupnosti",
      "required.error": "Za nadaljevanje sprejmite {documents}.",
      "optional.legend": "Neobvezno",
      "optional.hint": "Privolitev lahko kadar koli prekličete.",
      "link.newTab": "odpre se v novem zavihku",
      "policy.loading": "Nalaganje pogojev …",
      "policy.error": "Pogojev ni bilo mogoče naložiti."
    }, sl_default = sl;
  }
});

// ../core/src/locales/sv.ts
var sv_exports = {};
__export(sv_exports, {
  default: () => sv_default
});
var sv, sv_default, init_sv = __esm({
  "../core/src/locales/sv.ts"() {
    "use strict";
    init_node18_webcrypto();
    sv = {
      "purpose.terms": "Jag godkänner {documents}.",
      "purpose.privacy": "Jag har läst {documents}.",
      "purpose.marketing": "Jag vill få nyheter och erbjudanden från {controller} via e-post.",
      "purpose.newsletter": "Jag vill få nyhetsbrevet från {controller} via e-post.",
      "purpose.analytics": "Jag samtycker till att {controller} analyserar hur jag använder tjänsten för att förbättra den.",
      "purpose.personalization": "Jag samtycker till att {controller} anpassar innehåll och rekommendationer utifrån hur jag använder tjänsten.",
      "purpose.profiling": "Jag samtycker till att {controller} skapar en profil över mina intressen utifrån hur jag använder tjänsten för att kunna ge mig anpassade erbjudanden.",
      "purpose.third_party_sharing": "Jag samtycker till att {controller} delar mitt namn och min e-postadress med utvalda partner så att de kan skicka mig sina egna erbjudanden.",
      "purpose.research": "Jag samtycker till att {controller} kontaktar mig för att delta i enkäter och produktundersökningar.",
      "document.terms": "användarvillkoren",
      "document.privacy": "integritetspolicyn",
      "document.cookies": "cookiepolicyn",
      "document.dpa": "personuppgiftsbiträdesavtalet",
      "document.eula": "licensavtalet för slutanvändare",
      "document.community": "communityriktlinjerna",
      "required.error": "Godkänn {documents} för att fortsätta.",
      "optional.legend": "Valfritt",
      "optional.hint": "Du kan när som helst återkalla ditt samtycke.",
      "link.newTab": "öppnas i en ny flik",
      "policy.loading": "Villkoren läses in…",
      "policy.error": "Villkoren kunde inte läsas in."
    }, sv_default = sv;
  }
});

// src/actions/pre-user-registration.ts
var pre_user_registration_exports = {};
__export(pre_user_registration_exports, {
  onExecutePreUserRegistration: () => onExecutePreUserRegistration
});
module.exports = __toCommonJS(pre_user_registration_exports);
init_node18_webcrypto();

// ../core/src/errors.ts
init_node18_webcrypto();
var AssentError = class extends Error {
  constructor(code, message) {
    super(message), this.code = code;
  }
  get name() {
    return "AssentError";
  }
}, PolicyError = class extends AssentError {
  constructor(issues) {
    super("invalid_policy", `Invalid consent policy:
` + issues.map((i) => `- ${i.path || "(root)"}: ${i.message}`).join(`
`)), this.issues = issues;
  }
  get name() {
    return "PolicyError";
  }
};
var DecodeError = class extends AssentError {
  constructor(code, path, message) {
    super(code, `${path || "(root)"}: ${message}`), this.path = path;
  }
  get name() {
    return "DecodeError";
  }
}, DecisionError = class extends AssentError {
  get name() {
    return "DecisionError";
  }
};

// ../core/src/safe-url.ts
init_node18_webcrypto();
var HIDDEN = /[\s\0-\x1f\x7f-\x9f\\\u200b-\u200f\u202a-\u202e\u2060-\u2069]/;
function safeUrl(url) {
  if (typeof url != "string" || HIDDEN.test(url)) return null;
  if (/^\/(?!\/)/.test(url)) return url;
  if (!/^https?:\/\/[^/]/i.test(url)) return null;
  try {
    let parsed = new URL(url);
    return parsed.hostname && !parsed.username && !parsed.password ? url : null;
  } catch {
    return null;
  }
}

// ../core/src/policy.ts
init_node18_webcrypto();

// ../core/src/policy-checks.prod.ts
init_node18_webcrypto();
var describeIssue = (code) => `is invalid (${code})`;

// ../core/src/messages.ts
init_node18_webcrypto();
var en = {
  "purpose.terms": "I agree to the {documents}.",
  "purpose.privacy": "I have read the {documents}.",
  "purpose.marketing": "Email me news and offers from {controller}.",
  "purpose.newsletter": "Email me the {controller} newsletter.",
  "purpose.analytics": "{controller} may analyze how I use the service to improve it.",
  "purpose.personalization": "{controller} may personalize content and recommendations based on how I use the service.",
  "purpose.profiling": "{controller} may profile my interests from how I use the service to tailor offers to me.",
  "purpose.third_party_sharing": "{controller} may share my name and email address with selected partners for their own offers.",
  "purpose.research": "{controller} may contact me for surveys and product research.",
  "document.terms": "Terms of Service",
  "document.privacy": "Privacy Policy",
  "document.cookies": "Cookie Policy",
  "document.dpa": "Data Processing Agreement",
  "document.eula": "End User License Agreement",
  "document.community": "Community Guidelines",
  "required.error": "Please accept the {documents} to continue.",
  "optional.legend": "Optional",
  "optional.hint": "You can withdraw your consent at any time.",
  "link.newTab": "opens in a new tab",
  "policy.loading": "Loading the terms…",
  "policy.error": "The terms could not be loaded."
}, LOADERS = {
  ar: () => Promise.resolve().then(() => (init_ar(), ar_exports)),
  bg: () => Promise.resolve().then(() => (init_bg(), bg_exports)),
  cs: () => Promise.resolve().then(() => (init_cs(), cs_exports)),
  da: () => Promise.resolve().then(() => (init_da(), da_exports)),
  de: () => Promise.resolve().then(() => (init_de(), de_exports)),
  el: () => Promise.resolve().then(() => (init_el(), el_exports)),
  es: () => Promise.resolve().then(() => (init_es(), es_exports)),
  et: () => Promise.resolve().then(() => (init_et(), et_exports)),
  fi: () => Promise.resolve().then(() => (init_fi(), fi_exports)),
  fr: () => Promise.resolve().then(() => (init_fr(), fr_exports)),
  ga: () => Promise.resolve().then(() => (init_ga(), ga_exports)),
  he: () => Promise.resolve().then(() => (init_he(), he_exports)),
  hr: () => Promise.resolve().then(() => (init_hr(), hr_exports)),
  hu: () => Promise.resolve().then(() => (init_hu(), hu_exports)),
  it: () => Promise.resolve().then(() => (init_it(), it_exports)),
  lt: () => Promise.resolve().then(() => (init_lt(), lt_exports)),
  lv: () => Promise.resolve().then(() => (init_lv(), lv_exports)),
  mt: () => Promise.resolve().then(() => (init_mt(), mt_exports)),
  nl: () => Promise.resolve().then(() => (init_nl(), nl_exports)),
  pl: () => Promise.resolve().then(() => (init_pl(), pl_exports)),
  pt: () => Promise.resolve().then(() => (init_pt(), pt_exports)),
  ro: () => Promise.resolve().then(() => (init_ro(), ro_exports)),
  sk: () => Promise.resolve().then(() => (init_sk(), sk_exports)),
  sl: () => Promise.resolve().then(() => (init_sl(), sl_exports)),
  sv: () => Promise.resolve().then(() => (init_sv(), sv_exports))
}, SUPPORTED_LOCALES = [
  "en",
  "ar",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "es",
  "et",
  "fi",
  "fr",
  "ga",
  "he",
  "hr",
  "hu",
  "it",
  "lt",
  "lv",
  "mt",
  "nl",
  "pl",
  "pt",
  "ro",
  "sk",
  "sl",
  "sv"
];
function resolveLocale(...candidates) {
  for (let candidate of candidates) {
    let tag = candidate?.trim().toLowerCase().replace(/_/g, "-");
    if (!tag) continue;
    if (SUPPORTED_LOCALES.includes(tag)) return tag;
    let base = tag.replace(/-.*/, "");
    if (SUPPORTED_LOCALES.includes(base)) return base;
  }
  return "en";
}
async function loadMessages(locale) {
  let load = LOADERS[resolveLocale(locale)];
  return load ? (await load()).default : en;
}
function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (match, name) => Object.hasOwn(params, name) ? String(params[name]) : match);
}

// ../core/src/policy.ts
var ID_SYNTAX = "(?!__proto__(?![a-z0-9_-]))[a-z0-9_-]{1,64}", ID_PATTERN = RegExp(`^${ID_SYNTAX}$`), VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/, LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/, SHA256_PATTERN = /^[0-9a-f]{64}$/, MAX_PURPOSES = 20, BASES = ["consent", "contract", "legal_obligation", "legitimate_interest"], PRESET = /default|check|select|tick|accept|value|initial|enabled|opt_?in/i;
function parsePolicy(input) {
  let issues = [], fail = (path, code, detail) => (issues.push({ path, message: describeIssue(code, detail) }), !1), isObject = (value, path, fields) => {
    if (!value || typeof value != "object" || Array.isArray(value)) return fail(path, "object");
    for (let key in value)
      fields && !fields.split(" ").includes(key) && fail(path + (path && ".") + key, PRESET.test(key) && path[0] == "p" ? "preticked" : "field");
    return !0;
  }, isArray = (value, path) => Array.isArray(value) || fail(path, "array"), check = (value, path, pattern, code = "pattern") => {
    (typeof value != "string" || (pattern ? !pattern.test(value) : !safeUrl(value))) && fail(path, code, pattern);
  }, checkUrl = (value, path) => check(value, path, null, "url"), policy;
  try {
    policy = JSON.parse(JSON.stringify(input) ?? "0");
  } catch {
  }
  if (!isObject(policy, "", "$schema id version controller documents purposes withdrawal messages")) throw new PolicyError(issues);
  let { controller, documents, purposes, withdrawal, messages } = policy;
  check(policy.id, "id", ID_PATTERN), check(policy.version, "version", VERSION_PATTERN), isObject(controller, "controller", "name contact") && (check(controller.name, "controller.name", /\S/, "nonEmpty"), controller.contact !== void 0 && check(controller.contact, "controller.contact", /\S/, "nonEmpty")), withdrawal !== void 0 && isObject(withdrawal, "withdrawal", "url") && checkUrl(withdrawal.url, "withdrawal.url");
  let english = { ...en };
  if (messages !== void 0 && isObject(messages, "messages"))
    for (let [locale, texts] of Object.entries(messages)) {
      let path = "messages." + locale;
      if (LOCALE_PATTERN.test(locale) || fail(path, "locale"), isObject(texts, path))
        for (let [key, text] of Object.entries(texts))
          typeof text != "string" ? fail(`${path}["${key}"]`, "string") : locale == "en" && (english[key] = text);
    }
  let englishText = (id, kind, path) => ID_PATTERN.test(id) ? String(english[kind + id] ?? fail(path, "noText", kind + id)) : "", documentIds = [];
  if (isArray(documents, "documents") && documents.forEach((document, i) => {
    let path = `documents[${i}]`;
    isObject(document, path, "id url version sha256") && (check(document.id, path + ".id", ID_PATTERN), documentIds.includes(document.id) && fail(path + ".id", "duplicate"), documentIds.push(document.id), checkUrl(document.url, path + ".url"), check(document.version, path + ".version", VERSION_PATTERN), document.sha256 !== void 0 && check(document.sha256, path + ".sha256", SHA256_PATTERN), englishText(document.id, "document.", path + ".id"));
  }), isArray(purposes, "purposes")) {
    let ids = [];
    purposes.length > MAX_PURPOSES && fail("purposes", "tooMany", MAX_PURPOSES), purposes.forEach((purpose, i) => {
      let path = `purposes[${i}]`;
      if (!isObject(purpose, path, "id required basis documents")) return;
      let { id, required, basis, documents: linked = [] } = purpose, text = englishText(id, "purpose.", path + ".id");
      check(id, path + ".id", ID_PATTERN), ids.includes(id) && fail(path + ".id", "duplicate"), ids.push(id), typeof required != "boolean" && fail(path + ".required", "boolean"), BASES.includes(basis) ? (required ? basis == "consent" : basis != "consent") && fail(path + ".basis", required ? "requiredConsent" : "optionalNotConsent") : fail(path + ".basis", "basis", BASES), isArray(linked, path + ".documents") && (linked.forEach((ref, j) => {
        (!documentIds.includes(ref) || linked.indexOf(ref) < j) && fail(`${path}.documents[${j}]`, "documentRef");
      }), required && !linked.length && fail(path + ".documents", "noDocuments"), !linked.length && text.includes("{documents}") && fail(path + ".documents", "documentsPlaceholder"));
    }), purposes.some((purpose) => purpose?.required === !0) || fail("purposes", "noRequired"), ids.join().length > 500 && fail("purposes", "idsTooLong");
  }
  if (issues.length) throw new PolicyError(issues);
  return deepFreeze(policy);
}
function deepFreeze(value) {
  return value && typeof value == "object" && Object.values(value).forEach(deepFreeze), Object.freeze(value);
}

// ../core/src/consent-text.ts
init_node18_webcrypto();
function resolveMessage(policy, locale, builtIn, key) {
  let own = policy.messages ?? {};
  return own[locale]?.[key] ?? own[locale.replace(/-.*/, "")]?.[key] ?? builtIn[key] ?? own.en?.[key] ?? en[key] ?? key;
}
function documentLinks(policy, documentIds, locale, builtIn) {
  let documents = documentIds.flatMap((id) => policy.documents.filter((document) => document.id === id)), list2;
  try {
    list2 = new Intl.ListFormat(locale, { type: "conjunction" });
  } catch {
    list2 = new Intl.ListFormat("en", { type: "conjunction" });
  }
  let next = 0;
  return list2.formatToParts(documents.map((document) => resolveMessage(policy, locale, builtIn, `document.${document.id}`))).map((part) => {
    let document = part.type == "element" ? documents[next++] : void 0;
    if (!document) return { text: part.value };
    let href = safeUrl(document.url);
    return href ? { text: part.value, href, document: document.id } : { text: part.value, document: document.id };
  });
}
function purposeText(policy, purposeId, locale, builtIn) {
  let purpose = policy.purposes.find((candidate) => candidate.id === purposeId);
  if (!purpose) throw new DecisionError("unknown_purpose", "unknown_purpose: " + purposeId);
  let links = documentLinks(policy, purpose.documents ?? [], locale, builtIn), pieces = resolveMessage(policy, locale, builtIn, `purpose.${purposeId}`).split("{documents}");
  pieces.length < 2 && links.length && (pieces.push(""), links.unshift({ text: " (" }), links.push({ text: ")" }));
  let parts = [];
  return pieces.forEach((piece, i) => {
    i && parts.push(...links), piece && parts.push({ text: piece.replaceAll("{controller}", () => policy.controller.name) });
  }), parts;
}
function plainText(parts) {
  return parts.map((part) => part.text).join("");
}
function shownText(policy, locale, builtIn) {
  return policy.purposes.map((purpose) => plainText(purposeText(policy, purpose.id, locale, builtIn))).join(`
`);
}

// ../core/src/statement.ts
init_node18_webcrypto();
function canonicalStatement(policy, accepted, locale, text) {
  return [
    "assent-statement/1",
    `policy ${policy.id}@${policy.version}`,
    ...policy.documents.map((d) => `document ${d.id}@${d.version}${d.sha256 ? " sha256:" + d.sha256 : ""}`),
    "accepted " + policy.purposes.filter((p) => accepted.includes(p.id)).map((p) => p.id).join(","),
    "locale " + locale,
    "text",
    text
  ].join(`
`);
}
async function sha256Hex(text) {
  let subtle = assentWebCrypto?.subtle;
  if (!subtle) throw new AssentError("no_webcrypto", "crypto.subtle needs https or localhost");
  let digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// ../core/src/decision.ts
init_node18_webcrypto();
async function createDecision(policy, { accepted, locale, messages, at = /* @__PURE__ */ new Date() }) {
  let fail = (code, detail) => {
    throw new DecisionError(code, `${code}: ${detail}`);
  };
  accepted.forEach((id, i) => {
    policy.purposes.some((purpose) => purpose.id === id) || fail("unknown_purpose", id), accepted.indexOf(id) < i && fail("duplicate_purpose", id);
  });
  for (let purpose of policy.purposes) purpose.required && !accepted.includes(purpose.id) && fail("required_purpose_missing", purpose.id);
  LOCALE_PATTERN.test(locale) || fail("invalid_locale", locale), (!(at instanceof Date) || !(Math.abs(at.getUTCFullYear() - 5e3) < 5e3)) && fail("invalid_date", String(at));
  let purposes = policy.purposes.filter((purpose) => accepted.includes(purpose.id)).map((purpose) => purpose.id);
  return Object.freeze({
    policy: policy.id,
    version: policy.version,
    purposes: Object.freeze(purposes),
    locale,
    at: at.toISOString(),
    hash: await sha256Hex(canonicalStatement(policy, purposes, locale, shownText(policy, locale, messages)))
  });
}

// ../core/src/wire.ts
init_node18_webcrypto();
var SIGNUP_LIMITS = {
  /** Properties in `user_metadata`, the app's own included. */
  maxProperties: 10,
  /** Characters of a property name. */
  maxNameLength: 100,
  /** Characters of a property value (strings only). */
  maxValueLength: 500
}, ID = ID_SYNTAX, WIRE_FIELDS = {
  policy: RegExp(`^${ID}@[A-Za-z0-9._-]{1,64}$`),
  purposes: RegExp(`^${ID}(,${ID})*$`),
  at: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/,
  locale: LOCALE_PATTERN,
  hash: SHA256_PATTERN
};
function invalidField(fields, count) {
  let purposes = fields.purposes.split(",");
  return Object.keys(WIRE_FIELDS).find((name) => !WIRE_FIELDS[name].test(fields[name])) ?? (new Set(purposes).size != (count ?? purposes.length) ? "purposes" : void 0) ?? // The round trip through Date catches impossible dates such as February 30th.
  (new Date(fields.at).toISOString().slice(0, 19) != fields.at.slice(0, 19) ? "at" : void 0);
}
function decodeSignupFields(metadata, { prefix = "consent_" } = {}) {
  if (!metadata || typeof metadata != "object") throw new DecodeError("malformed", "", "user_metadata must be an object");
  let read = (field) => {
    let name = prefix + field, value = Object.hasOwn(metadata, name) ? metadata[name] : void 0;
    if (value === void 0) throw new DecodeError("missing_field", name, "is missing");
    if (typeof value != "string") throw new DecodeError("malformed", name, `must be a string, not ${value === null ? "null" : typeof value}`);
    if (value.length > SIGNUP_LIMITS.maxValueLength) throw new DecodeError("too_large", name, `has ${value.length} characters; at most ${SIGNUP_LIMITS.maxValueLength} are possible`);
    return value;
  }, fields = { policy: read("policy"), purposes: read("purposes"), at: read("at"), locale: read("locale"), hash: read("hash") };
  fields.purposes.split(",").some((entry) => entry.endsWith("?")) && Object.assign(fields, readLockChoices(fields.purposes, fields.hash, prefix, read));
  let invalid = invalidField(fields);
  if (invalid) throw new DecodeError("malformed", prefix + invalid, invalid == "at" ? "must be an ISO 8601 UTC timestamp" : `is not valid ${invalid} syntax`);
  let [policy, version] = fields.policy.split("@");
  return Object.freeze({ policy, version, purposes: Object.freeze(fields.purposes.split(",")), at: fields.at, locale: fields.locale, hash: fields.hash });
}
var LOCK_MAX_OPTIONAL_PURPOSES = 3;
var BASE64URL_SHA256 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
function base64urlToHex(text) {
  let binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=");
  return Array.from(binary, (char) => char.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}
function readLockChoices(listed, hashes, prefix, read) {
  let entries = listed.split(",").map((entry) => ({ id: entry.replace(/\?$/, ""), optional: entry.endsWith("?") })), optional = entries.filter((entry) => entry.optional);
  if (optional.length > LOCK_MAX_OPTIONAL_PURPOSES || !entries.every((entry) => WIRE_FIELDS.purposes.test(entry.id)) || new Set(entries.map((entry) => entry.id)).size != entries.length)
    throw new DecodeError("malformed", prefix + "purposes", "is not valid purposes syntax");
  let answers = 0;
  optional.forEach((entry, bit) => {
    let name = `p_${entry.id}`, answer = read(name);
    if (answer != "true" && answer != "false") throw new DecodeError("malformed", prefix + name, 'must be "true" or "false"');
    answer == "true" && (answers |= 1 << bit);
  });
  let list2 = hashes.split(",");
  if (list2.length != 2 ** optional.length || !list2.every((hash) => BASE64URL_SHA256.test(hash)))
    throw new DecodeError("malformed", prefix + "hash", `must hold ${2 ** optional.length} base64url SHA-256 hashes, one per possible answer`);
  let accepted = (entry) => !entry.optional || (answers & 1 << optional.indexOf(entry)) != 0;
  return {
    purposes: entries.filter(accepted).map((entry) => entry.id).join(","),
    hash: base64urlToHex(list2[answers] ?? "")
  };
}

// ../core/src/consent-object.ts
init_node18_webcrypto();
var HISTORY_MAX_BYTES = 2500, CONSENT_OBJECT_MAX_BYTES = 4096, TEXT_DETAILS_MAX_BYTES = 500, DOCUMENTS_MAX_BYTES = 300, EVENTS = ["given", "withdrawn", "updated"], SOURCES = ["signup", "lock", "browser", "server", "action"], EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/, ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/, utf8Bytes = (value) => new TextEncoder().encode(JSON.stringify(value)).length;
function newestEntry(consent) {
  return consent.history[consent.history.length - 1];
}
function compare(a, b) {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function consentObjectFromDecision(decision, policy, { source, eventId = assentWebCrypto.randomUUID(), textDetails }) {
  if (decision.policy !== policy.id || decision.version !== policy.version)
    throw new DecisionError("policy_mismatch", `policy_mismatch: decision for ${decision.policy}@${decision.version}, policy ${policy.id}@${policy.version}`);
  let firstRequired = policy.purposes.find((purpose) => purpose.required), document = policy.documents.find((candidate) => candidate.id === firstRequired?.documents?.[0]) ?? policy.documents[0];
  return applyConsentEvent(void 0, {
    id: eventId,
    event: "given",
    at: decision.at,
    version: decision.version,
    purposes: decision.purposes,
    declined: policy.purposes.map((purpose) => purpose.id).filter((id) => !decision.purposes.includes(id)),
    source,
    policy: decision.policy,
    hash: decision.hash,
    locale: decision.locale,
    textDetails: textDetails ?? document?.url ?? "",
    given: policy.purposes.every((purpose) => !purpose.required || decision.purposes.includes(purpose.id)),
    documents: acceptedDocuments(policy, decision.purposes)
  });
}
function acceptedDocuments(policy, accepted) {
  let documents = {};
  for (let purpose of policy.purposes)
    if (accepted.includes(purpose.id))
      for (let id of purpose.documents ?? []) {
        let version = policy.documents.find((candidate) => candidate.id === id)?.version;
        version !== void 0 && (documents[id] = version);
      }
  return utf8Bytes(documents) <= DOCUMENTS_MAX_BYTES ? documents : void 0;
}
function applyConsentEvent(current, event) {
  if (current && (current.history.some((entry) => entry.id === event.id) || current.trimmed && compare(event, current.trimmed) <= 0)) return current;
  let purposes = {};
  for (let id of [...Object.keys(current?.purposes ?? {}), ...event.declined ?? [], ...event.purposes]) purposes[id] = event.purposes.includes(id);
  let documents = event.documents ?? current?.documents, single;
  try {
    single = decodeConsentObject({
      given: event.given ?? event.purposes.length > 0,
      date: event.at,
      text_details: event.textDetails ?? current?.text_details ?? "",
      policy: event.policy ?? current?.policy,
      version: event.version,
      purposes,
      hash: event.hash ?? current?.hash,
      locale: event.locale ?? current?.locale,
      ...documents && { documents },
      history: [{ id: event.id, event: event.event, at: event.at, version: event.version, purposes: event.purposes, source: event.source }]
    });
  } catch (error) {
    throw error instanceof DecodeError ? new DecisionError("invalid_event", "invalid_event: " + error.message) : error;
  }
  return current ? mergeConsentObjects(current, single) : single;
}
function mergeConsentObjects(a, b) {
  let byId = /* @__PURE__ */ new Map();
  for (let entry of [...a.history, ...b.history]) {
    let seen = byId.get(entry.id);
    (!seen || JSON.stringify(entry) < JSON.stringify(seen)) && byId.set(entry.id, entry);
  }
  let trimmed = [a.trimmed, b.trimmed].reduce((x, y) => !x || y && compare(y, x) > 0 ? y : x), history = [...byId.values()].filter((entry) => !trimmed || compare(entry, trimmed) > 0).sort(compare), order = compare(newestEntry(a), newestEntry(b)), { history: _history, trimmed: _trimmed, ...state } = order > 0 || order == 0 && JSON.stringify(stateOf(a)) <= JSON.stringify(stateOf(b)) ? a : b;
  return cap({ ...state, history, ...trimmed && { trimmed } });
}
function stateOf({ history: _history, trimmed: _trimmed, ...state }) {
  return state;
}
function cap(object) {
  let { history, trimmed } = object;
  for (let oldest of object.history) {
    if (history.length < 2 || utf8Bytes(history) <= HISTORY_MAX_BYTES) break;
    trimmed = { at: oldest.at, id: oldest.id }, history = history.slice(1);
  }
  return deepFreeze2({ ...object, history, ...trimmed && { trimmed } });
}
function decodeConsentObject(value) {
  let fail = (code, path, message) => {
    throw new DecodeError(code, path, message);
  }, object = (input2, path, fields, optional = "") => {
    (!input2 || typeof input2 != "object" || Array.isArray(input2)) && fail("malformed", path, "must be an object");
    let record = input2;
    if (fields === null) return record;
    for (let key of Object.keys(record)) `${fields} ${optional}`.split(" ").includes(key) || fail("malformed", `${path}${path && "."}${key}`, "is not a known field");
    for (let key of fields.split(" ")) record[key] === void 0 && fail("missing_field", `${path}${path && "."}${key}`, "is missing");
    return record;
  }, text = (input2, path, pattern) => typeof input2 == "string" && pattern.test(input2) ? input2 : fail("malformed", path, `must be a string matching ${pattern}`), oneOf = (input2, path, values) => values.includes(input2) ? input2 : fail("malformed", path, `must be one of ${values.join(", ")}`), ids = (input2, path) => {
    (!Array.isArray(input2) || input2.length > MAX_PURPOSES) && fail("malformed", path, `must be an array of at most ${MAX_PURPOSES} purpose ids`);
    let list2 = input2.map((id, i) => text(id, `${path}[${i}]`, ID_PATTERN));
    return list2.forEach((id, i) => list2.indexOf(id) < i && fail("malformed", `${path}[${i}]`, "is a duplicate")), list2.join().length > 500 && fail("too_large", path, "ids exceed 500 characters"), list2;
  }, timestamp = (input2, path) => {
    let at = text(input2, path, ISO_UTC);
    return new Date(at).toISOString().slice(0, 19) == at.slice(0, 19) ? at : fail("malformed", path, "is not a real date");
  };
  utf8Bytes(value ?? null) > CONSENT_OBJECT_MAX_BYTES && fail("too_large", "", `exceeds ${CONSENT_OBJECT_MAX_BYTES} bytes of JSON`);
  let input = object(value, "", "given date text_details policy version purposes hash locale history", "trimmed documents");
  typeof input.given != "boolean" && fail("malformed", "given", "must be true or false");
  let textDetails = typeof input.text_details == "string" ? input.text_details : fail("malformed", "text_details", "must be a string");
  utf8Bytes(textDetails) > TEXT_DETAILS_MAX_BYTES + 2 && fail("too_large", "text_details", `exceeds ${TEXT_DETAILS_MAX_BYTES} bytes`);
  let purposesInput = object(input.purposes, "purposes", null), purposes = {};
  ids(Object.keys(purposesInput), "purposes").forEach((id) => {
    purposes[id] = typeof purposesInput[id] == "boolean" ? purposesInput[id] : fail("malformed", `purposes.${id}`, "must be true or false");
  }), (!Array.isArray(input.history) || !input.history.length) && fail("malformed", "history", "must be a non-empty array");
  let history = input.history.map((raw, i) => {
    let path = `history[${i}]`, entry = object(raw, path, "id event at version purposes source");
    return {
      id: text(entry.id, path + ".id", EVENT_ID),
      event: oneOf(entry.event, path + ".event", EVENTS),
      at: timestamp(entry.at, path + ".at"),
      version: text(entry.version, path + ".version", VERSION_PATTERN),
      purposes: ids(entry.purposes, path + ".purposes"),
      source: oneOf(entry.source, path + ".source", SOURCES)
    };
  });
  history.reduce((previous, entry, i) => compare(previous, entry) < 0 ? entry : fail("malformed", `history[${i}]`, "is not after the entry before it (by time, then id)"));
  let trimmed;
  if (input.trimmed !== void 0) {
    let mark = object(input.trimmed, "trimmed", "at id");
    trimmed = { at: timestamp(mark.at, "trimmed.at"), id: text(mark.id, "trimmed.id", EVENT_ID) }, compare(trimmed, history[0]) >= 0 && fail("malformed", "trimmed", "must be older than the first history entry");
  }
  utf8Bytes(history) > HISTORY_MAX_BYTES && history.length > 1 && fail("too_large", "history", `exceeds ${HISTORY_MAX_BYTES} bytes of JSON`);
  let documents;
  if (input.documents !== void 0) {
    let versions = object(input.documents, "documents", null);
    documents = {};
    for (let id of Object.keys(versions)) documents[text(id, "documents", ID_PATTERN)] = text(versions[id], `documents.${id}`, VERSION_PATTERN);
    utf8Bytes(documents) > DOCUMENTS_MAX_BYTES && fail("too_large", "documents", `exceeds ${DOCUMENTS_MAX_BYTES} bytes of JSON`);
  }
  let consent = {
    given: input.given,
    date: timestamp(input.date, "date"),
    text_details: textDetails,
    policy: text(input.policy, "policy", ID_PATTERN),
    version: text(input.version, "version", VERSION_PATTERN),
    purposes,
    hash: text(input.hash, "hash", SHA256_PATTERN),
    locale: text(input.locale, "locale", LOCALE_PATTERN),
    ...documents && { documents },
    history,
    ...trimmed && { trimmed }
  }, newest = newestEntry(consent), accepted = Object.keys(purposes).filter((id) => purposes[id]);
  return consent.date !== newest.at && fail("tampered", "date", "differs from the newest history entry"), consent.version !== newest.version && fail("tampered", "version", "differs from the newest history entry"), (accepted.length !== newest.purposes.length || accepted.some((id) => !newest.purposes.includes(id))) && fail("tampered", "purposes", "differ from the newest history entry"), deepFreeze2(consent);
}
function deepFreeze2(value) {
  return value && typeof value == "object" && Object.values(value).forEach(deepFreeze2), Object.freeze(value);
}

// ../core/src/universal-login.ts
init_node18_webcrypto();
var UNIVERSAL_LOGIN_PREFIX = "ulp-consent_", UniversalLoginError = class extends AssentError {
  constructor(code, message, locale) {
    super(code, message), this.locale = locale;
  }
  get name() {
    return "UniversalLoginError";
  }
};
function universalLoginFieldNames({ prefix = UNIVERSAL_LOGIN_PREFIX } = {}) {
  return checkPrefix(prefix), {
    policy: prefix + "policy",
    locale: prefix + "locale",
    required: prefix + "required",
    optional: (purposeId) => `${prefix}p_${purposeId}`
  };
}
function checkPrefix(prefix) {
  if (!/^ulp-[A-Za-z0-9_-]{0,60}$/.test(prefix)) throw new AssentError("invalid_prefix", `invalid_prefix: "${prefix}" must start with "ulp-" and hold only A-Z a-z 0-9 _ -`);
}
function readUniversalLoginFields(body, { prefix = UNIVERSAL_LOGIN_PREFIX } = {}) {
  let names = universalLoginFieldNames({ prefix });
  if (!body || typeof body != "object" || Array.isArray(body)) return null;
  let fields = body;
  if (!Object.hasOwn(fields, names.policy)) return null;
  if (Object.hasOwn(fields, prefix + "purposes")) {
    let decision = decodeSignupFields(fields, { prefix });
    return { variant: "element", policy: decision.policy, version: decision.version, locale: decision.locale, required: decision.purposes.length > 0, accepted: decision.purposes, clientHash: decision.hash };
  }
  let text = (name, pattern) => {
    let value = fields[name];
    if (value === void 0) throw new DecodeError("missing_field", name, "is missing");
    if (typeof value != "string") throw new DecodeError("malformed", name, "must be a string");
    if (value.length > 500) throw new DecodeError("too_large", name, "exceeds 500 characters");
    if (!pattern.test(value)) throw new DecodeError("malformed", name, `must match ${pattern}`);
    return value;
  }, policy = text(names.policy, RegExp(`^${ID_PATTERN.source.slice(1, -1)}@${VERSION_PATTERN.source.slice(1, -1)}$`)), at = policy.indexOf("@"), locale = text(names.locale, LOCALE_PATTERN), ticked = (name) => fields[name] !== void 0 && text(name, /^(true|on)$/) !== "", optionalPrefix = prefix + "p_", accepted = [];
  for (let name of Object.keys(fields)) {
    if (!name.startsWith(optionalPrefix)) continue;
    let id = name.slice(optionalPrefix.length);
    if (!ID_PATTERN.test(id)) throw new DecodeError("malformed", name, "names no valid purpose id");
    ticked(name) && accepted.push(id);
  }
  return { variant: "native", policy: policy.slice(0, at), version: policy.slice(at + 1), locale, required: ticked(names.required), accepted };
}
async function universalLoginDecision(claim, policy, { now = /* @__PURE__ */ new Date(), messagesFor = loadMessages } = {}) {
  let answerIn = resolveLocale(claim.locale), fail = (code, detail) => {
    throw new UniversalLoginError(code, `${code}: ${detail}`, answerIn);
  };
  (claim.policy !== policy.id || claim.version !== policy.version) && fail("policy_outdated", `${claim.policy}@${claim.version} instead of ${policy.id}@${policy.version}`), SUPPORTED_LOCALES.includes(claim.locale) || fail("unsupported_locale", claim.locale);
  let required = policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id), unknown = claim.accepted.find((id) => !policy.purposes.some((purpose) => purpose.id === id));
  unknown && fail("unknown_purpose", unknown);
  let accepted;
  if (claim.variant === "native") {
    claim.required || fail("required_purpose_missing", required.join(","));
    let requiredTicked = claim.accepted.find((id) => required.includes(id));
    requiredTicked && fail("unknown_purpose", `${requiredTicked} is required and has no box of its own`), accepted = [...required, ...claim.accepted];
  } else {
    let missing = required.find((id) => !claim.accepted.includes(id));
    missing && fail("required_purpose_missing", missing), accepted = [...claim.accepted];
  }
  let decision;
  try {
    decision = await createDecision(policy, { accepted, locale: claim.locale, messages: await messagesFor(claim.locale), at: now });
  } catch (error) {
    if (error instanceof DecisionError) return fail(error.code, error.message);
    throw error;
  }
  return claim.clientHash !== void 0 && claim.clientHash !== decision.hash && fail("hash_mismatch", "the page showed another text than the policy gives for " + claim.locale), decision;
}
async function universalLoginRefusal(error, policy, messagesFor = loadMessages) {
  let locale = error.locale, messages = await messagesFor(locale), t = (key) => resolveMessage(policy, locale, messages, key);
  if (error.code !== "required_purpose_missing") return t("policy.error");
  let titles = policy.purposes.filter((purpose) => purpose.required).flatMap((purpose) => purposeText(policy, purpose.id, locale, messages)).filter((part) => part.document).map((part) => part.text);
  return format(t("required.error"), { documents: new Intl.ListFormat(locale, { type: "conjunction" }).format([...new Set(titles)]) });
}

// ../core/src/state/signup-consent.ts
init_node18_webcrypto();
async function signupEventId(metadata, { prefix = "consent_" } = {}) {
  let fields = ["policy", "purposes", "at", "locale", "hash"].map((field) => String(metadata[prefix + field]));
  return "signup-" + (await sha256Hex(fields.join(`
`))).slice(0, 32);
}
function signupSource(metadata, { prefix = "consent_" } = {}) {
  return String(metadata[prefix + "purposes"]).includes("?") ? "lock" : "signup";
}

// src/actions/config.ts
init_node18_webcrypto();
var list = (value) => String(value ?? "").split(",").map((item) => item.trim()).filter(Boolean);
function readActionConfig(secrets) {
  let policy = String(secrets.ASSENT_POLICY ?? ""), at = policy.indexOf("@"), policyId = policy.slice(0, at), version = policy.slice(at + 1);
  if (at < 0 || !ID_PATTERN.test(policyId) || !VERSION_PATTERN.test(version)) throw new Error('Assent: secret ASSENT_POLICY must be "<policy id>@<version>"');
  let required = list(secrets.ASSENT_REQUIRED_PURPOSES);
  if (required.length === 0 || !required.every((id) => ID_PATTERN.test(id))) throw new Error("Assent: secret ASSENT_REQUIRED_PURPOSES must list the required purpose ids");
  let optional = list(secrets.ASSENT_OPTIONAL_PURPOSES);
  if (!optional.every((id) => ID_PATTERN.test(id))) throw new Error("Assent: secret ASSENT_OPTIONAL_PURPOSES must list purpose ids");
  let documents = null;
  if (secrets.ASSENT_REQUIRED_DOCUMENTS) {
    documents = {};
    for (let item of list(secrets.ASSENT_REQUIRED_DOCUMENTS)) {
      let [id = "", documentVersion = ""] = item.split("@");
      if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(documentVersion)) throw new Error('Assent: secret ASSENT_REQUIRED_DOCUMENTS must be "<document id>@<version>,..."');
      documents[id] = documentVersion;
    }
  }
  return {
    policyId,
    version,
    policy,
    required,
    optional,
    documents,
    consentUrl: secrets.ASSENT_CONSENT_URL ?? "",
    sessionSecret: secrets.ASSENT_SESSION_SECRET ?? "",
    prefix: secrets.ASSENT_FIELD_PREFIX || "consent_",
    textDetails: String(secrets.ASSENT_TEXT_DETAILS ?? "").slice(0, 500)
  };
}

// src/actions/signup-claim.ts
init_node18_webcrypto();
async function readSignupClaim(event, config, sources) {
  let source = sources.find((candidate) => candidate.present(event, config));
  return source ? source.read(event, config) : null;
}

// src/actions/signup-fields.ts
init_node18_webcrypto();
var userMetadataFields = {
  present: (event, config) => (event.user.user_metadata ?? {})[config.prefix + "policy"] !== void 0,
  async read(event, config) {
    let metadata = event.user.user_metadata ?? {}, options = { prefix: config.prefix };
    return { decision: decodeSignupFields(metadata, options), eventId: await signupEventId(metadata, options), source: signupSource(metadata, options) };
  }
};

// src/actions/universal-login.ts
init_node18_webcrypto();
var POLICY_JSON_SECRET = "ASSENT_POLICY_JSON", ULP_PREFIX_SECRET = "ASSENT_ULP_PREFIX";
function policyFromSecrets(secrets) {
  let json = secrets[POLICY_JSON_SECRET] ?? "";
  for (let part = 2; secrets[`${POLICY_JSON_SECRET}_${part}`] !== void 0; part++) json += secrets[`${POLICY_JSON_SECRET}_${part}`];
  try {
    return parsePolicy(JSON.parse(json));
  } catch (error) {
    throw new Error(`Assent: secret ${POLICY_JSON_SECRET} must hold the consent policy JSON (${error.message.split(`
`)[0]})`);
  }
}
var MALFORMED = "Please accept the terms to sign up.";
async function universalLoginConsent(event, secrets, now = /* @__PURE__ */ new Date()) {
  let prefix = secrets[ULP_PREFIX_SECRET] || UNIVERSAL_LOGIN_PREFIX, claim;
  try {
    claim = readUniversalLoginFields(event.request?.body, { prefix });
  } catch (error) {
    if (error instanceof DecodeError) return { kind: "refused", code: "consent_malformed", message: MALFORMED };
    throw error;
  }
  if (!claim) return { kind: "absent" };
  let policy = policyFromSecrets(secrets);
  try {
    let decision = await universalLoginDecision(claim, policy, { now });
    return { kind: "recorded", consent: consentObjectFromDecision(decision, policy, { source: "signup", eventId: `ulp-${decision.hash.slice(0, 32)}-${now.getTime()}` }) };
  } catch (error) {
    if (error instanceof UniversalLoginError) return { kind: "refused", code: `consent_${error.code}`, message: await universalLoginRefusal(error, policy) };
    throw error;
  }
}

// src/actions/pre-user-registration.ts
var MISSING = "Please accept the terms to sign up.", CHANGED = "The terms have changed: please reload the page and accept them again.", SIGNUP_SOURCES = [userMetadataFields];
async function problem(event, config) {
  let claim;
  try {
    claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return [`consent_${error.code === "missing_field" ? "missing" : "malformed"}: ${error.path}`, MISSING];
  }
  if (!claim) return [`consent_missing: ${config.prefix}policy`, MISSING];
  let { decision } = claim, policy = `${decision.policy}@${decision.version}`;
  if (policy !== config.policy) return [`consent_outdated: ${policy} instead of ${config.policy}`, CHANGED];
  let missing = config.required.find((id) => !decision.purposes.includes(id));
  return missing ? [`consent_missing: required purpose ${missing}`, MISSING] : null;
}
var onExecutePreUserRegistration = async (event, api) => {
  let ulp = await universalLoginConsent(event, event.secrets ?? {});
  if (ulp.kind === "refused") {
    api.validation ? api.validation.error(ulp.code, ulp.message) : api.access.deny(ulp.code, ulp.message);
    return;
  }
  if (ulp.kind === "recorded") {
    if (!api.user) throw new Error('Assent: api.user is missing; this Action must run on the "Sign Up / Pre User Registration" trigger');
    api.user.setAppMetadata("consent", ulp.consent), api.user.setUserMetadata("consent", ulp.consent);
    return;
  }
  let refused = await problem(event, readActionConfig(event.secrets ?? {}));
  refused && api.access.deny(...refused);
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  onExecutePreUserRegistration
});
