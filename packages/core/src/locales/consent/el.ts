import type { LocaleMessages } from '../types.js';

/** Greek (ελληνικά). Formal plural. Document titles carry their article in the accusative. */
const el: LocaleMessages = {
  'purpose.terms': 'Αποδέχομαι {documents}.',
  'purpose.privacy': 'Έχω διαβάσει {documents}.',
  'purpose.marketing': 'Επιθυμώ να λαμβάνω μέσω email νέα και προσφορές από {controller}.',
  'purpose.newsletter': 'Επιθυμώ να λαμβάνω μέσω email το ενημερωτικό δελτίο που αποστέλλει {controller}.',
  'purpose.analytics': 'Συναινώ ώστε {controller} να αναλύει τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία, με σκοπό τη βελτίωσή της.',
  'purpose.personalization': 'Συναινώ ώστε {controller} να εξατομικεύει το περιεχόμενο και τις προτάσεις με βάση τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία.',
  'purpose.profiling':
    'Συναινώ ώστε {controller} να δημιουργεί προφίλ των ενδιαφερόντων μου με βάση τον τρόπο με τον οποίο χρησιμοποιώ την υπηρεσία, προκειμένου να μου προτείνει εξατομικευμένες προσφορές.',
  'purpose.third_party_sharing': 'Συναινώ ώστε {controller} να κοινοποιεί το όνομα και τη διεύθυνση email μου σε επιλεγμένους συνεργάτες, ώστε να μου αποστέλλουν τις δικές τους προσφορές.',
  'purpose.research': 'Συναινώ ώστε {controller} να επικοινωνεί μαζί μου για συμμετοχή σε έρευνες και μελέτες προϊόντων.',
  'document.terms': 'τους Όρους Χρήσης',
  'document.privacy': 'την Πολιτική Απορρήτου',
  'document.cookies': 'την Πολιτική Cookies',
  'document.dpa': 'τη Σύμβαση Επεξεργασίας Δεδομένων',
  'document.eula': 'τη Σύμβαση Άδειας Χρήσης Τελικού Χρήστη',
  'document.community': 'τις Κατευθυντήριες Γραμμές της Κοινότητας',
  'required.error': 'Για να συνεχίσετε, αποδεχθείτε {documents}.',
  'optional.legend': 'Προαιρετικό',
  'optional.hint': 'Μπορείτε να ανακαλέσετε τη συγκατάθεσή σας ανά πάσα στιγμή.',
  'link.newTab': 'ανοίγει σε νέα καρτέλα',
  'policy.loading': 'Φόρτωση όρων…',
  'policy.error': 'Δεν ήταν δυνατή η φόρτωση των όρων.',
};

export default el;
