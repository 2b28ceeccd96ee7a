import type { LocaleMessages } from '../types.js';

/** French (français). Formal "vous". Document titles carry their article; the controller is a direct object ("J'autorise {controller} à …") so no elision depends on its name. */
const fr: LocaleMessages = {
  'purpose.terms': "J'accepte {documents}.",
  'purpose.privacy': "J'ai lu {documents}.",
  'purpose.marketing': "J'autorise {controller} à m'envoyer par e-mail des actualités et des offres.",
  'purpose.newsletter': "J'autorise {controller} à m'envoyer sa newsletter par e-mail.",
  'purpose.analytics': "J'autorise {controller} à analyser mon utilisation du service afin de l'améliorer.",
  'purpose.personalization': "J'autorise {controller} à personnaliser les contenus et les recommandations en fonction de mon utilisation du service.",
  'purpose.profiling': "J'autorise {controller} à établir un profil de mes centres d'intérêt à partir de mon utilisation du service afin de me proposer des offres adaptées.",
  'purpose.third_party_sharing': "J'autorise {controller} à communiquer mon nom et mon adresse e-mail à des partenaires sélectionnés afin qu'ils puissent m'envoyer leurs propres offres.",
  'purpose.research': "J'autorise {controller} à me contacter pour participer à des enquêtes et à des études sur ses produits.",
  'document.terms': "les Conditions d'utilisation",
  'document.privacy': 'la Politique de confidentialité',
  'document.cookies': 'la Politique relative aux cookies',
  'document.dpa': "l'Accord de traitement des données",
  'document.eula': 'le Contrat de licence utilisateur final',
  'document.community': 'les Règles de la communauté',
  'required.error': 'Veuillez accepter {documents} pour continuer.',
  'optional.legend': 'Facultatif',
  'optional.hint': 'Vous pouvez retirer votre consentement à tout moment.',
  'link.newTab': "s'ouvre dans un nouvel onglet",
  'policy.loading': 'Chargement des conditions…',
  'policy.error': "Les conditions n'ont pas pu être chargées.",
};

export default fr;
