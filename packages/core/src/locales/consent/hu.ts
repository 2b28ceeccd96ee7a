import type { LocaleMessages } from '../types.js';

/** Hungarian (magyar). Formal "Ön". Document titles carry their article and the accusative ending; the controller is a bare subject, so no a/az article depends on its name. */
const hu: LocaleMessages = {
  'purpose.terms': 'Elfogadom {documents}.',
  'purpose.privacy': 'Elolvastam {documents}.',
  'purpose.marketing': 'Hozzájárulok, hogy {controller} e-mailben híreket és ajánlatokat küldjön nekem.',
  'purpose.newsletter': 'Hozzájárulok, hogy {controller} e-mailben hírlevelet küldjön nekem.',
  'purpose.analytics': 'Hozzájárulok, hogy {controller} elemezze, hogyan használom a szolgáltatást, annak fejlesztése érdekében.',
  'purpose.personalization': 'Hozzájárulok, hogy {controller} a szolgáltatás használata alapján személyre szabja a tartalmakat és az ajánlásokat.',
  'purpose.profiling': 'Hozzájárulok, hogy {controller} a szolgáltatás használata alapján profilt készítsen az érdeklődési körömről, hogy személyre szabott ajánlatokat kínálhasson nekem.',
  'purpose.third_party_sharing': 'Hozzájárulok, hogy {controller} a nevemet és az e-mail-címemet átadja kiválasztott partnereinek, hogy azok saját ajánlataikat küldhessék nekem.',
  'purpose.research': 'Hozzájárulok, hogy {controller} felvegye velem a kapcsolatot felmérésekben és termékkutatásokban való részvétel céljából.',
  'document.terms': 'a Felhasználási feltételeket',
  'document.privacy': 'az Adatvédelmi tájékoztatót',
  'document.cookies': 'a Cookie-szabályzatot',
  'document.dpa': 'az Adatfeldolgozási megállapodást',
  'document.eula': 'a Végfelhasználói licencszerződést',
  'document.community': 'a Közösségi irányelveket',
  'required.error': 'A folytatáshoz fogadja el {documents}.',
  'optional.legend': 'Nem kötelező',
  'optional.hint': 'Hozzájárulását bármikor visszavonhatja.',
  'link.newTab': 'új lapon nyílik meg',
  'policy.loading': 'A feltételek betöltése…',
  'policy.error': 'A feltételeket nem sikerült betölteni.',
};

export default hu;
