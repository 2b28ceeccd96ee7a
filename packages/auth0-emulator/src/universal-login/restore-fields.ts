/**
 * Puts what the user posted back into the `ulp-` fields of rendered partials, so a screen shown
 * again after an error keeps the user's answers without JavaScript. The partial is parsed and
 * serialised with parse5 (the WHATWG HTML parser), so values are written as escaped attribute
 * values and text, never spliced into markup. Password and hidden fields are left as rendered.
 */
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const UNTOUCHED_TYPES = new Set(['password', 'hidden', 'submit', 'button', 'reset', 'image', 'file']);

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function setAttribute(element: Element, name: string, value: string | undefined): void {
  element.attrs = element.attrs.filter((attr) => attr.name !== name);
  if (value !== undefined) element.attrs.push({ name, value });
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function restoreInput(input: Element, posted: string | undefined): void {
  const type = (attribute(input, 'type') ?? 'text').toLowerCase();
  if (UNTOUCHED_TYPES.has(type)) return;
  if (type === 'checkbox' || type === 'radio') {
    setAttribute(input, 'checked', posted !== undefined && posted === (attribute(input, 'value') ?? 'on') ? '' : undefined);
    return;
  }
  setAttribute(input, 'value', posted ?? '');
}

function restoreSelect(select: Element, posted: string | undefined): void {
  const visit = (node: Node) => {
    if (!isElement(node)) return;
    if (node.tagName === 'option') {
      const value =
        attribute(node, 'value') ??
        node.childNodes
          .map((child) => ('value' in child && child.nodeName === '#text' ? child.value : ''))
          .join('')
          .trim();
      setAttribute(node, 'selected', posted !== undefined && value === posted ? '' : undefined);
    }
    node.childNodes.forEach(visit);
  };
  select.childNodes.forEach(visit);
}

function restoreTextarea(textarea: Element, posted: string | undefined): void {
  textarea.childNodes = posted ? [{ nodeName: '#text', value: posted, parentNode: textarea }] : [];
}

function walk(parent: ParentNode, fields: Readonly<Record<string, string>>, prefix: string): void {
  for (const node of parent.childNodes) {
    if (!isElement(node)) continue;
    const name = attribute(node, 'name');
    if (name?.startsWith(prefix)) {
      if (node.tagName === 'input') restoreInput(node, fields[name]);
      else if (node.tagName === 'select') restoreSelect(node, fields[name]);
      else if (node.tagName === 'textarea') restoreTextarea(node, fields[name]);
    }
    walk(node, fields, prefix);
    if ('content' in node) walk(node.content, fields, prefix);
  }
}

/** `html` with its `ulp-` inputs, selects and textareas showing `fields` (absent names show unticked or empty). */
export function restoreFields(html: string, fields: Readonly<Record<string, string>>, prefix = 'ulp-'): string {
  const fragment = parseFragment(html);
  walk(fragment, fields, prefix);
  return serialize(fragment);
}
