// Theme tokens of the gallery: which `--assent-*` tokens a designer can set, how a value is checked
// before it reaches a stylesheet, and the CSS that applies them (adopted, never a style attribute).

/** What kind of CSS value a token takes, which decides how it is checked. */
export type TokenKind = 'color' | 'length' | 'font';

/** One `--assent-*` token the gallery lets a designer set. */
export interface ThemeToken {
  /** Key in the address (`?accent=...`). */
  readonly key: string;
  /** The custom property, e.g. `--assent-accent`. */
  readonly property: string;
  readonly label: string;
  readonly kind: TokenKind;
  /** A value to suggest in the empty field. */
  readonly example: string;
}

/** The shared tokens every element falls back to (see each element's custom properties). */
export const THEME_TOKENS: readonly ThemeToken[] = [
  { key: 'color', property: '--assent-color', label: 'Text colour', kind: 'color', example: '#1b1b1f' },
  { key: 'accent', property: '--assent-accent', label: 'Accent colour', kind: 'color', example: '#0b57d0' },
  { key: 'link', property: '--assent-link-color', label: 'Link colour', kind: 'color', example: '#0b57d0' },
  { key: 'error', property: '--assent-error-color', label: 'Error colour', kind: 'color', example: '#b3261e' },
  { key: 'surface', property: '--assent-surface', label: 'Surface colour', kind: 'color', example: '#ffffff' },
  { key: 'radius', property: '--assent-radius', label: 'Corner radius', kind: 'length', example: '0.5rem' },
  { key: 'spacing', property: '--assent-spacing', label: 'Spacing', kind: 'length', example: '0.75rem' },
  { key: 'font', property: '--assent-font', label: 'Font family', kind: 'font', example: 'Georgia, serif' },
];

const PROBE: Record<TokenKind, string> = { color: 'color', length: 'padding-top', font: 'font-family' };

/**
 * Why `value` cannot be used for `token`, or null when it can. A value ends up inside a stylesheet,
 * so anything that could close the declaration or the rule is refused before CSS even parses it.
 */
export function tokenProblem(token: ThemeToken, value: string): string | null {
  if (/[;{}<>\\]/.test(value)) return `${token.label}: "${value}" contains a character a CSS value may not have here`;
  if (!CSS.supports(PROBE[token.kind], value)) return `${token.label}: "${value}" is not a valid ${token.kind === 'length' ? 'length' : token.kind === 'font' ? 'font family' : 'colour'}`;
  return null;
}

/** Token values that passed {@link tokenProblem}, by token key. */
export type ThemeValues = ReadonlyMap<string, string>;

/** The declarations of the set tokens, one per line, indented by `indent`. */
function declarations(values: ThemeValues, indent: string): string {
  return THEME_TOKENS.filter((token) => values.has(token.key))
    .map((token) => `${indent}${token.property}: ${values.get(token.key)};`)
    .join('\n');
}

/** The CSS a designer copies into an app: the set tokens on `:root`. */
export function themeCss(values: ThemeValues): string {
  if (values.size === 0) return '/* No token set: the elements use their built-in defaults. */';
  return `:root {\n${declarations(values, '  ')}\n}`;
}

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** Applies the tokens to everything under `selector` through the gallery's adopted stylesheet. */
export function applyTheme(selector: string, values: ThemeValues): void {
  sheet.replaceSync(values.size === 0 ? '' : `${selector} {\n${declarations(values, '  ')}\n}`);
}
