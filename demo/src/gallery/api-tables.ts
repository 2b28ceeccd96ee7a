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
    for (const column of columns) row.insertCell().textContent = column.value(entry);
  }
  return result;
}

function empty(caption: string): HTMLElement {
  const note = document.createElement('p');
  note.textContent = `${caption}: none.`;
  return note;
}

function snippet(title: string, code: string): HTMLElement {
  const figure = document.createElement('figure');
  const label = document.createElement('figcaption');
  label.textContent = title;
  const pre = document.createElement('pre');
  pre.className = 'demo-pre';
  pre.tabIndex = 0;
  pre.textContent = code;
  figure.append(label, pre);
  return figure;
}

function section(element: ElementDeclaration): HTMLElement {
  const result = document.createElement('section');
  result.className = 'gallery-api-element';
  result.id = `api-${element.tagName}`;
  const heading = document.createElement('h3');
  heading.textContent = `<${element.tagName}>`;
  const summary = document.createElement('p');
  summary.textContent = element.summary ?? element.description ?? '';
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
