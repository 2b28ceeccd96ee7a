// The parts of the Custom Elements Manifest (schema 2.x) the API tables read, typed, and the
// element declarations found in packages/elements/custom-elements.json.
import manifestJson from '@assent/elements/custom-elements.json';

/** A named entry of a declaration (attribute, member, event, slot, part, custom property). */
export interface ManifestEntry {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text?: string };
  readonly default?: string;
  readonly kind?: string;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly fieldName?: string;
}

/** A custom element's declaration. */
export interface ElementDeclaration {
  readonly tagName: string;
  readonly name: string;
  readonly summary?: string;
  readonly description?: string;
  readonly attributes?: readonly ManifestEntry[];
  readonly members?: readonly ManifestEntry[];
  readonly events?: readonly ManifestEntry[];
  readonly slots?: readonly ManifestEntry[];
  readonly cssParts?: readonly ManifestEntry[];
  readonly cssProperties?: readonly ManifestEntry[];
}

interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly (Partial<ElementDeclaration> & { customElement?: boolean })[] }[];
}

/** Every element with a tag name, in manifest order. */
export const elements: readonly ElementDeclaration[] = (manifestJson as Manifest).modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration): declaration is ElementDeclaration & { customElement?: boolean } => !!declaration.customElement && typeof declaration.tagName === 'string');

/** Public members only: what an app may use. */
export function isPublic(member: ManifestEntry): boolean {
  return !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');
}
