// The designers' gallery (gallery.html): the controls, kept in the address, applied to the state
// cards; and the API reference.
import { SUPPORTED_LOCALES } from '@assent/core';
import { renderApiTables } from './api-tables.js';
import { mountPlayground } from './playground.js';
import { STATE_CARDS, renderStates, setLanguage } from './states.js';
import { THEME_TOKENS, applyTheme, themeCss, tokenProblem } from './theme.js';
import { DEFAULT_CARD, readState, writeState, type GalleryState, type Scheme, type Width } from './url-state.js';

/** An element of gallery.html; the page and this script ship together. */
function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`gallery.html has no ${selector}`);
  return found;
}

const controls = find<HTMLFormElement>('#controls');
const langSelect = find<HTMLSelectElement>('#control-lang');
const schemeSelect = find<HTMLSelectElement>('#control-scheme');
const widthSelect = find<HTMLSelectElement>('#control-width');
const cardSelect = find<HTMLSelectElement>('#control-card');
const tokenFields = find<HTMLDivElement>('#token-fields');
const problems = find<HTMLParagraphElement>('#token-problems');
const cssBlock = find<HTMLPreElement>('#theme-css');
const copyButton = find<HTMLButtonElement>('#copy-css');
const copyStatus = find<HTMLSpanElement>('#copy-status');
const stage = find<HTMLDivElement>('#stage');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const locale of SUPPORTED_LOCALES) langSelect.append(new Option(`${languageNames.of(locale) ?? locale} (${locale})`, locale));

for (const card of STATE_CARDS) cardSelect.append(new Option(card.title, card.id));

const tokenInputs = new Map<string, HTMLInputElement>();
for (const token of THEME_TOKENS) {
  const label = document.createElement('label');
  label.htmlFor = `token-${token.key}`;
  label.textContent = `${token.label} (${token.property})`;
  const input = document.createElement('input');
  input.id = `token-${token.key}`;
  input.name = token.key;
  input.type = 'text';
  input.placeholder = token.example;
  input.autocomplete = 'off';
  input.spellcheck = false;
  tokenFields.append(label, input);
  tokenInputs.set(token.key, input);
}

/** Shows `state` in the controls. */
function fillControls(state: GalleryState): void {
  langSelect.value = state.lang;
  schemeSelect.value = state.scheme;
  widthSelect.value = state.width;
  cardSelect.value = STATE_CARDS.some((card) => card.id === state.card) ? state.card : DEFAULT_CARD;
  for (const [key, input] of tokenInputs) input.value = state.tokens.get(key) ?? '';
}

/** The state the controls show now. */
function stateOfControls(): GalleryState {
  const tokens = new Map<string, string>();
  for (const [key, input] of tokenInputs) if (input.value.trim()) tokens.set(key, input.value.trim());
  return { lang: langSelect.value, scheme: schemeSelect.value as Scheme, width: widthSelect.value as Width, card: cardSelect.value, tokens };
}

/** What the stage holds now: every card (null) or one card's id at the three widths. */
let layout: string | null | undefined;
let rendering: Promise<void> = Promise.resolve();

/** Rebuilds the stage when the layout changes; the page is marked ready again once it is set up. */
function layOut(sideBySide: string | null): void {
  if (sideBySide === layout) return;
  layout = sideBySide;
  document.documentElement.dataset['galleryReady'] = 'false';
  const done = renderStates(stage, sideBySide);
  rendering = done.then(() => {
    if (layout === sideBySide) document.documentElement.dataset['galleryReady'] = 'true';
  });
}

/** Applies `state` to the stage; a token value that is not valid CSS is reported and left out. */
function apply(state: GalleryState): void {
  stage.dataset['scheme'] = state.scheme;
  stage.dataset['width'] = state.width;
  cardSelect.disabled = state.width !== 'all';
  layOut(state.width === 'all' ? cardSelect.value : null);
  setLanguage(stage, state.lang);
  const valid = new Map<string, string>();
  const found: string[] = [];
  for (const token of THEME_TOKENS) {
    const value = state.tokens.get(token.key);
    if (value === undefined) continue;
    const problem = tokenProblem(token, value);
    if (problem) found.push(problem);
    else valid.set(token.key, value);
    tokenInputs.get(token.key)?.setAttribute('aria-invalid', String(!!problem));
  }
  for (const [key, input] of tokenInputs) if (!state.tokens.has(key)) input.removeAttribute('aria-invalid');
  problems.textContent = found.length > 0 ? `Not applied: ${found.join('; ')}.` : '';
  applyTheme('.gallery-stage', valid);
  cssBlock.textContent = themeCss(valid);
}

function update(): void {
  const state = stateOfControls();
  history.replaceState(null, '', `${location.pathname}${writeState(state)}${location.hash}`);
  apply(state);
}

controls.addEventListener('input', update);
controls.addEventListener('change', update);
controls.addEventListener('submit', (event) => event.preventDefault());
controls.addEventListener('reset', (event) => {
  event.preventDefault();
  fillControls(readState(''));
  update();
});
copyButton.addEventListener('click', () => {
  navigator.clipboard.writeText(cssBlock.textContent ?? '').then(
    () => (copyStatus.textContent = 'Copied.'),
    () => (copyStatus.textContent = 'The browser refused the clipboard: select the CSS above and copy it.'),
  );
});

const initial = readState(location.search);
fillControls(initial);
renderApiTables(find<HTMLDivElement>('#api'));
mountPlayground(find<HTMLElement>('#playground'));
apply(initial);
await rendering;
