import type { LocaleMessages } from '../types.js';

/** Spanish (español). Formal "usted". Document titles carry their article. */
const es: LocaleMessages = {
  'purpose.terms': 'Acepto {documents}.',
  'purpose.privacy': 'He leído {documents}.',
  'purpose.marketing': 'Deseo recibir por correo electrónico novedades y ofertas de {controller}.',
  'purpose.newsletter': 'Deseo recibir por correo electrónico el boletín de {controller}.',
  'purpose.analytics': 'Acepto que {controller} analice cómo utilizo el servicio para mejorarlo.',
  'purpose.personalization': 'Acepto que {controller} personalice contenidos y recomendaciones en función de cómo utilizo el servicio.',
  'purpose.profiling': 'Acepto que {controller} elabore un perfil de mis intereses a partir de cómo utilizo el servicio para enviarme ofertas personalizadas.',
  'purpose.third_party_sharing': 'Acepto que {controller} comunique mi nombre y mi dirección de correo electrónico a socios seleccionados para que puedan enviarme sus propias ofertas.',
  'purpose.research': 'Acepto que {controller} se ponga en contacto conmigo para participar en encuestas y estudios sobre sus productos.',
  'document.terms': 'los Términos del servicio',
  'document.privacy': 'la Política de privacidad',
  'document.cookies': 'la Política de cookies',
  'document.dpa': 'el Contrato de encargo del tratamiento',
  'document.eula': 'el Contrato de licencia de usuario final',
  'document.community': 'las Normas de la comunidad',
  'required.error': 'Para continuar, acepte {documents}.',
  'optional.legend': 'Opcional',
  'optional.hint': 'Puede retirar su consentimiento en cualquier momento.',
  'link.newTab': 'se abre en una pestaña nueva',
  'policy.loading': 'Cargando las condiciones…',
  'policy.error': 'No se han podido cargar las condiciones.',
};

export default es;
