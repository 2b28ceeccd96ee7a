import type { LocaleMessages } from '../types.js';

/** Portuguese (português, European usage). Formal third person. Document titles carry their article. */
const pt: LocaleMessages = {
  'purpose.terms': 'Aceito {documents}.',
  'purpose.privacy': 'Li {documents}.',
  'purpose.marketing': 'Pretendo receber por e-mail novidades e ofertas de {controller}.',
  'purpose.newsletter': 'Pretendo receber por e-mail a newsletter de {controller}.',
  'purpose.analytics': 'Aceito que {controller} analise a forma como utilizo o serviço para o melhorar.',
  'purpose.personalization': 'Aceito que {controller} personalize conteúdos e recomendações com base na forma como utilizo o serviço.',
  'purpose.profiling': 'Aceito que {controller} crie um perfil dos meus interesses com base na forma como utilizo o serviço, para me apresentar ofertas adaptadas.',
  'purpose.third_party_sharing': 'Aceito que {controller} partilhe o meu nome e endereço de e-mail com parceiros selecionados, para que estes me possam enviar as suas próprias ofertas.',
  'purpose.research': 'Aceito que {controller} me contacte para participar em inquéritos e estudos sobre produtos.',
  'document.terms': 'os Termos de Serviço',
  'document.privacy': 'a Política de Privacidade',
  'document.cookies': 'a Política de Cookies',
  'document.dpa': 'o Acordo de Tratamento de Dados',
  'document.eula': 'o Contrato de Licença de Utilizador Final',
  'document.community': 'as Diretrizes da Comunidade',
  'required.error': 'Para continuar, aceite {documents}.',
  'optional.legend': 'Opcional',
  'optional.hint': 'Pode retirar o seu consentimento a qualquer momento.',
  'link.newTab': 'abre num novo separador',
  'policy.loading': 'A carregar os termos…',
  'policy.error': 'Não foi possível carregar os termos.',
};

export default pt;
