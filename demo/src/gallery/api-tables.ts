// The API reference of every element, built from custom-elements.json with DOM calls (text only,
// never HTML strings), plus the copy-paste snippets.
import { elements, isPublic, type ElementDeclaration, type ManifestEntry } from './manifest.js';
import { htmlSnippet, reactSnippet } from './snippets.js';

interface Column {
  readonly header: string;
  readonly value: (entry: ManifestEntry) => string;
}

const NAME: Column = { header: 'Name', value: (entry) => entry.name || '(default)' };
const TYPE: Column = { header: 'Type', value: (entry) => entry.type?.text ?? '' };
const DEFAULT: Column = { header: 'Default', value: (entry) => entry.default ?? '' };
const DESCRIPTION: Column = { header: 'Description', value: (entry) => entry.description ?? '' };

/** Text with its `code` spans (the JSDoc's Markdown backticks) as <code> elements, never as HTML. */
export function withCode(text: string): Node[] {
  return text.split('`').map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

function table(caption: string, entries: readonly ManifestEntry[], columns: readonly Column[]): HTMLElement {
  const result = document.createElement('table');
  result.createCaption().textContent = caption;
  const head = result.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column.header;
    head.append(cell);
  }
  const body = result.createTBody();
  for (const entry of entries) {
    const row = body.insertRow();
    for (const column of columns) {
      const value = column.value(entry);
      const cell = row.insertCell();
      // Names and types are code; descriptions are prose with code spans.
      if (column === DESCRIPTION) cell.append(...withCode(value));
      else if (value) cell.append(Object.assign(document.createElement('code'), { textContent: value }));
    }
  }
  return result;
}

function empty(caption: string): HTMLElement {
  const note = document.createElement('p');
  note.textContent = `${caption}: none.`;
  return note;
}

let snippetCount = 0;

/** A snippet shown whole (it wraps rather than scrolls), with a button that copies it. */
function snippet(title: string, code: string): HTMLElement {
  const id = `snippet-${(snippetCount += 1)}`;
  const figure = document.createElement('figure');
  figure.className = 'gallery-snippet';
  const label = document.createElement('figcaption');
  label.id = `${id}-title`;
  label.textContent = title;
  const pre = document.createElement('pre');
  pre.className = 'demo-pre gallery-snippet-code';
  pre.id = id;
  pre.textContent = code;
  const copy = document.createElement('button');
  Object.assign(copy, { type: 'button', className: 'demo-button', textContent: 'Copy' });
  copy.setAttribute('aria-describedby', label.id);
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code).then(
      () => (status.textContent = 'Copied.'),
      () => (status.textContent = 'The browser refused to copy: select the text instead.'),
    );
  });
  const actions = document.createElement('div');
  actions.className = 'demo-actions';
  actions.append(copy, status);
  figure.append(label, pre, actions);
  return figure;
}

function section(element: ElementDeclaration): HTMLElement {
  const result = document.createElement('section');
  result.className = 'gallery-api-element';
  result.id = `api-${element.tagName}`;
  const heading = document.createElement('h3');
  heading.textContent = `<${element.tagName}>`;
  const summary = document.createElement('p');
  summary.append(...withCode(element.summary ?? element.description ?? ''));
  result.append(heading, summary);

  const members = (element.members ?? []).filter(isPublic);
  const groups: [string, readonly ManifestEntry[], readonly Column[]][] = [
    ['Attributes', element.attributes ?? [], [NAME, { header: 'Property', value: (entry) => entry.fieldName ?? '' }, TYPE, DEFAULT, DESCRIPTION]],
    ['Properties', members.filter((member) => member.kind === 'field'), [NAME, TYPE, DEFAULT, DESCRIPTION]],
    ['Methods', members.filter((member) => member.kind === 'method'), [NAME, DESCRIPTION]],
    ['Events', element.events ?? [], [NAME, TYPE, DESCRIPTION]],
    ['Slots', element.slots ?? [], [NAME, DESCRIPTION]],
    ['CSS parts', element.cssParts ?? [], [NAME, DESCRIPTION]],
    ['CSS custom properties', element.cssProperties ?? [], [NAME, DESCRIPTION]],
  ];
  for (const [caption, entries, columns] of groups) result.append(entries.length > 0 ? table(`${caption} of <${element.tagName}>`, entries, columns) : empty(caption));

  const snippets = document.createElement('div');
  snippets.className = 'gallery-snippets';
  snippets.append(snippet('Plain HTML', htmlSnippet(element)), snippet('React 19', reactSnippet(element)));
  result.append(snippets);
  return result;
}

/** Fills `container` with one section per element of the manifest. */
export function renderApiTables(container: HTMLElement): void {
  container.append(...elements.map(section));
}
