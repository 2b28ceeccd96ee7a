/** One part of the built-in texts (a folder under src/locales). */
export interface LocalePart {
  readonly dir: string;
  /** The type of its language modules (locales/types.ts). */
  readonly type: string;
  readonly what: string;
  /** The core function that loads its table. */
  readonly loadedBy: string;
}

export const PARTS: readonly LocalePart[];
/** The tags of SUPPORTED_LOCALES in `root`/supported.ts (default: core's src/locales). */
export function supportedLocales(root?: string): string[];
export function tableSource(part: LocalePart, tags: readonly string[]): string;
export function localeTables(root?: string, tags?: readonly string[]): { part: LocalePart; path: string; source: string }[];
/** What disagrees with the list under `root`, one sentence each; empty when the tree is whole. */
export function treeProblems(root?: string): string[];
