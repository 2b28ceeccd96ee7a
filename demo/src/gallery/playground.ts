// The gallery's playground: one element, live, with a knob for each of its attributes, simple
// properties and CSS custom properties, all generated from custom-elements.json (a new attribute
// in the elements' JSDoc gets its knob without a change here), plus language and colour scheme.
// The HTML and CSS of what is shown are kept beside it, ready to copy.
import { SUPPORTED_LOCALES } from '@assent/core';
import { ACCOUNT_CARDS } from './account-states.js';
import { FOLLOWS_LANG, type CardSpec } from './card.js';
import { elements, isPublic, type ElementDeclaration, type ManifestEntry } from './manifest.js';
import { STATE_CARDS } from './states.js';

/** The state card each element starts from: the account elements need their stand-in consent client. */
const STARTING_CARD: Readonly<Record<string, string>> = {
  'assent-terms': 'terms-purposes',
  'assent-signup-form': 'signup-idle',
  'assent-consent-status': 'status-given',
  'assent-withdraw-button': 'withdraw-idle',
  'assent-reconsent': 'reconsent-offer',
};

/** One knob: a control and how its value reaches the element and the snippet. */
interface Knob {
  readonly entry: ManifestEntry;
  readonly kind: 'attribute' | 'property' | 'token';
  readonly control: HTMLInputElement | HTMLSelectElement;
}

const cards: readonly CardSpec[] = [...STATE_CARDS, ...ACCOUNT_CARDS];

/** The values a type or description names in backticks (`'a' | 'b'`, or "`metadata` (default)"). */
function choicesOf(entry: ManifestEntry): string[] {
  const fromType = [...(entry.type?.text ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  if (fromType.length > 0) return fromType;
  return [...new Set([...(entry.description ?? '').matchAll(/`([a-z][a-z-]*)`/g)].map((match) => match[1] ?? ''))];
}

function isBoolean(entry: ManifestEntry): boolean {
  return entry.type?.text === 'boolean';
}

/** Properties a knob can set: public, writable fields of a simple type that no attribute covers. */
function settableProperties(element: ElementDeclaration): ManifestEntry[] {
  const viaAttribute = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  return (element.members ?? []).filter((member) => member.kind === 'field' && isPublic(member) && !(member as { readonly?: boolean }).readonly && !viaAttribute.has(member.name) && isBoolean(member));
}

function control(entry: ManifestEntry, id: string, current: string | boolean): HTMLInputElement | HTMLSelectElement {
  if (isBoolean(entry)) {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, checked: current === true });
    return box;
  }
  const choices = choicesOf(entry);
  if (choices.length > 1) {
    const select = Object.assign(document.createElement('select'), { id });
    select.append(new Option('(not set)', ''), ...choices.map((choice) => new Option(choice, choice)));
    select.value = typeof current === 'string' ? current : '';
    return select;
  }
  return Object.assign(document.createElement('input'), {
    type: entry.type?.text?.includes('number') ? 'number' : 'text',
    id,
    value: typeof current === 'string' ? current : '',
    autocomplete: 'off',
    spellcheck: false,
  });
}

function valueOf(knob: Knob): string | boolean {
  return knob.control instanceof HTMLInputElement && knob.control.type === 'checkbox' ? knob.control.checked : knob.control.value.trim();
}

/** The HTML of the element as configured (attributes only: properties are set in code). */
function htmlOf(tag: string, knobs: readonly Knob[], lang: string): string {
  const attributes = knobs
    .filter((knob) => knob.kind === 'attribute' && valueOf(knob) !== '' && valueOf(knob) !== false)
    .map((knob) => (valueOf(knob) === true ? knob.entry.name : `${knob.entry.name}="${String(valueOf(knob)).replace(/"/g, '&quot;')}"`));
  const properties = knobs.filter((knob) => knob.kind === 'property' && valueOf(knob) === true).map((knob) => `element.${knob.entry.name} = true;`);
  const tokens = knobs.filter((knob) => knob.kind === 'token' && valueOf(knob) !== '').map((knob) => `  ${knob.entry.name}: ${String(valueOf(knob))};`);
  return [
    `<${tag}${[`lang="${lang}"`, ...attributes].map((attribute) => ` ${attribute}`).join('')}></${tag}>`,
    ...(properties.length ? ['', '<script type="module">', `  const element = document.querySelector('${tag}');`, ...properties.map((line) => `  ${line}`), '</script>'] : []),
    ...(tokens.length ? ['', '<style>', `  ${tag} {`, ...tokens.map((line) => `  ${line}`), '  }', '</style>'] : []),
  ].join('\n');
}

/** Fills the playground section: the element select, the generated knobs, the live element and its code. */
export function mountPlayground(root: HTMLElement): void {
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const elementSelect = find<HTMLSelectElement>('#playground-element');
  const langSelect = find<HTMLSelectElement>('#playground-lang');
  const schemeSelect = find<HTMLSelectElement>('#playground-scheme');
  const knobsBox = find<HTMLDivElement>('#playground-knobs');
  const stage = find<HTMLDivElement>('#playground-stage');
  const code = find<HTMLPreElement>('#playground-code');
  const copy = find<HTMLButtonElement>('#playground-copy');
  const copyStatus = find<HTMLSpanElement>('#playground-copy-status');

  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const locale of SUPPORTED_LOCALES) langSelect.append(new Option(`${names.of(locale) ?? locale} (${locale})`, locale));
  for (const element of elements) elementSelect.append(new Option(`<${element.tagName}>`, element.tagName));

  let knobs: Knob[] = [];
  let live: HTMLElement | null = null;
  let dispose: (() => void) | undefined;

  const apply = (): void => {
    if (!live) return;
    const lang = langSelect.value;
    live.setAttribute('lang', lang);
    for (const knob of knobs) {
      const value = valueOf(knob);
      if (knob.kind === 'attribute') {
        if (value === false || value === '') live.removeAttribute(knob.entry.name);
        else live.setAttribute(knob.entry.name, value === true ? '' : value);
      } else if (knob.kind === 'property') {
        (live as unknown as Record<string, unknown>)[knob.entry.name] = value;
      } else if (value === '') {
        live.style.removeProperty(knob.entry.name);
      } else {
        live.style.setProperty(knob.entry.name, String(value));
      }
    }
    stage.dataset.scheme = schemeSelect.value;
    code.textContent = htmlOf(live.localName, knobs, lang);
  };

  const group = (title: string, entries: readonly ManifestEntry[], kind: Knob['kind'], element: HTMLElement): void => {
    if (entries.length === 0) return;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'gallery-control-grid';
    fieldset.append(Object.assign(document.createElement('legend'), { textContent: title }));
    for (const entry of entries) {
      const id = `playground-${kind}-${entry.name.replace(/[^\w-]/g, '')}`;
      const current =
        kind === 'attribute'
          ? isBoolean(entry)
            ? element.hasAttribute(entry.name)
            : (element.getAttribute(entry.name) ?? '')
          : kind === 'property'
            ? (element as unknown as Record<string, unknown>)[entry.name] === true
            : '';
      const input = control(entry, id, current);
      const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: entry.name });
      if (entry.description) input.title = entry.description;
      fieldset.append(label, input);
      knobs.push({ entry, kind, control: input });
    }
    knobsBox.append(fieldset);
  };

  const show = (tag: string): void => {
    dispose?.();
    const declaration = elements.find((element) => element.tagName === tag);
    const spec = cards.find((card) => card.id === STARTING_CARD[tag]);
    if (!declaration || !spec) return;
    const built = spec.build();
    dispose = built.dispose;
    live = built.content.localName === tag ? built.content : built.content.querySelector<HTMLElement>(tag);
    // The playground's language knob decides, not the gallery's language control.
    live?.removeAttribute(FOLLOWS_LANG);
    stage.replaceChildren(built.content);
    void built.afterConnect?.();
    knobs = [];
    knobsBox.replaceChildren();
    const element = live ?? built.content;
    // lang has its own knob, above.
    group(
      'Attributes',
      (declaration.attributes ?? []).filter((attribute) => attribute.name !== 'lang'),
      'attribute',
      element,
    );
    group('Properties', settableProperties(declaration), 'property', element);
    group('Theme tokens (CSS custom properties; empty: the default)', declaration.cssProperties ?? [], 'token', element);
    apply();
  };

  elementSelect.addEventListener('change', () => show(elementSelect.value));
  knobsBox.addEventListener('input', apply);
  knobsBox.addEventListener('change', apply);
  langSelect.addEventListener('change', apply);
  schemeSelect.addEventListener('change', apply);
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent ?? '').then(
      () => (copyStatus.textContent = 'Copied.'),
      () => (copyStatus.textContent = 'The browser refused to copy: select the text instead.'),
    );
  });
  show(elementSelect.value);
}
