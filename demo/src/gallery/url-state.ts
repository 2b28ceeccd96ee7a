// The gallery's controls as an address: every control is a query parameter, so a reload or a
// shared link shows the same language, scheme, width and theme.
import { SUPPORTED_LOCALES } from '@assent/core';
import { THEME_TOKENS } from './theme.js';

/** Light or dark stage. */
export type Scheme = 'light' | 'dark';
/** Width of each state's card; `all`: one state at the three widths side by side. */
export type Width = 'phone' | 'tablet' | 'desktop' | 'all';

/** Everything the gallery's controls decide. */
export interface GalleryState {
  readonly lang: string;
  readonly scheme: Scheme;
  readonly width: Width;
  /** The state shown at the three widths when `width` is `all` (a card id; checked by the caller). */
  readonly card: string;
  /** Raw token values by token key (checked later: a bad one is reported, not applied). */
  readonly tokens: ReadonlyMap<string, string>;
}

const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const WIDTHS: readonly Width[] = ['phone', 'tablet', 'desktop', 'all'];
/** The state the all-widths mode starts with. */
export const DEFAULT_CARD = 'terms-purposes';

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The state in `search` (`location.search`); unknown or missing values fall back to the defaults. */
export function readState(search: string): GalleryState {
  const params = new URLSearchParams(search);
  const tokens = new Map<string, string>();
  for (const token of THEME_TOKENS) {
    const value = params.get(token.key)?.trim();
    if (value) tokens.set(token.key, value);
  }
  return {
    lang: oneOf(params.get('lang'), SUPPORTED_LOCALES, 'en'),
    scheme: oneOf(params.get('scheme'), SCHEMES, 'light'),
    width: oneOf(params.get('width'), WIDTHS, 'phone'),
    card: params.get('card') ?? DEFAULT_CARD,
    tokens,
  };
}

/** The query string of `state`, leaving out defaults so a plain gallery keeps a plain address. */
export function writeState(state: GalleryState): string {
  const params = new URLSearchParams();
  if (state.lang !== 'en') params.set('lang', state.lang);
  if (state.scheme !== 'light') params.set('scheme', state.scheme);
  if (state.width !== 'phone') params.set('width', state.width);
  if (state.width === 'all' && state.card !== DEFAULT_CARD) params.set('card', state.card);
  for (const token of THEME_TOKENS) {
    const value = state.tokens.get(token.key);
    if (value) params.set(token.key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
