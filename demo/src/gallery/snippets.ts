// Copy-paste snippets per element, for plain HTML and for React 19 (which passes properties and
// `on<event>` listeners to custom elements). Events come from the manifest; attributes are examples.
import type { ElementDeclaration } from './manifest.js';

/** Example attributes per tag: what a first use needs. */
const EXAMPLE_ATTRIBUTES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'assent-terms': [
    ['name', 'consent'],
    ['policy-src', '/policies/acme-signup.json'],
  ],
  'assent-signup-form': [
    ['domain', 'acme.eu.auth0.com'],
    ['client-id', 'YOUR_CLIENT_ID'],
    ['connection', 'Username-Password-Authentication'],
    ['policy-src', '/policies/acme-signup.json'],
  ],
};

/** Elements that need a consent client (a property): set in script, not in markup. */
const NEEDS_CLIENT = new Set(['assent-consent-status', 'assent-withdraw-button', 'assent-reconsent']);

function attributes(tag: string): string {
  return (EXAMPLE_ATTRIBUTES[tag] ?? []).map(([name, value]) => ` ${name}="${value}"`).join('');
}

/** A plain HTML page fragment using the element. */
export function htmlSnippet(element: ElementDeclaration): string {
  const tag = element.tagName;
  const lines = [`<script type="module">`, `  import '@assent/elements/define/${tag}.js';`];
  if (NEEDS_CLIENT.has(tag)) {
    lines.push(`  import { createConsentClient } from '@assent/core';`, `  document.querySelector('${tag}').client = createConsentClient({ domain, userId, getAccessToken, policy });`);
  }
  for (const event of element.events ?? []) lines.push(`  document.querySelector('${tag}').addEventListener('${event.name}', (event) => console.log(event.detail));`);
  lines.push(`</script>`, `<${tag}${attributes(tag)}></${tag}>`);
  return lines.join('\n');
}

/** A React 19 component using the element. */
export function reactSnippet(element: ElementDeclaration): string {
  const tag = element.tagName;
  const props = (EXAMPLE_ATTRIBUTES[tag] ?? []).map(([name, value]) => `${name}="${value}"`);
  if (NEEDS_CLIENT.has(tag)) props.push('client={client}');
  for (const event of element.events ?? []) props.push(`on${event.name}={(event) => console.log(event.detail)}`);
  const signature = NEEDS_CLIENT.has(tag) ? '{ client }' : '';
  return [`import '@assent/elements/define/${tag}.js';`, '', `export function Example(${signature}) {`, `  return <${tag}${props.map((prop) => `\n    ${prop}`).join('')}\n  />;`, '}'].join('\n');
}
