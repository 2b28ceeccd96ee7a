import type { LocaleMessages } from '../types.js';

/** Finnish (suomi). "sinä", as customary in Finnish interfaces. Document titles in the accusative (total object); the controller is always the subject, so its name is never inflected. */
const fi: LocaleMessages = {
  'purpose.terms': 'Hyväksyn {documents}.',
  'purpose.privacy': 'Olen lukenut {documents}.',
  'purpose.marketing': 'Annan suostumukseni siihen, että {controller} lähettää minulle sähköpostitse uutisia ja tarjouksia.',
  'purpose.newsletter': 'Annan suostumukseni siihen, että {controller} lähettää minulle uutiskirjeensä sähköpostitse.',
  'purpose.analytics': 'Annan suostumukseni siihen, että {controller} analysoi, miten käytän palvelua, palvelun parantamiseksi.',
  'purpose.personalization': 'Annan suostumukseni siihen, että {controller} mukauttaa sisältöä ja suosituksia sen perusteella, miten käytän palvelua.',
  'purpose.profiling': 'Annan suostumukseni siihen, että {controller} muodostaa palvelun käytöstäni profiilin kiinnostuksen kohteistani kohdentaakseen minulle tarjouksia.',
  'purpose.third_party_sharing': 'Annan suostumukseni siihen, että {controller} luovuttaa nimeni ja sähköpostiosoitteeni valituille kumppaneille, jotta ne voivat lähettää minulle omia tarjouksiaan.',
  'purpose.research': 'Annan suostumukseni siihen, että {controller} ottaa minuun yhteyttä kyselyihin ja tuotetutkimuksiin osallistumista varten.',
  'document.terms': 'käyttöehdot',
  'document.privacy': 'tietosuojaselosteen',
  'document.cookies': 'evästekäytännön',
  'document.dpa': 'tietojenkäsittelysopimuksen',
  'document.eula': 'loppukäyttäjän lisenssisopimuksen',
  'document.community': 'yhteisön säännöt',
  'required.error': 'Voit jatkaa, kun olet hyväksynyt {documents}.',
  'optional.legend': 'Valinnainen',
  'optional.hint': 'Voit peruuttaa suostumuksesi milloin tahansa.',
  'link.newTab': 'avautuu uudelle välilehdelle',
  'policy.loading': 'Ehtoja ladataan…',
  'policy.error': 'Ehtoja ei voitu ladata.',
};

export default fi;
