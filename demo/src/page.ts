// What every demo page does the same way: find its elements, read the demo server's environment,
// and offer the language select whose choice survives a reload (the `lang` URL parameter).
import { SUPPORTED_LOCALES } from '@assent/core';

/** `/assent-env.json`, served by the demo server (demo/server/env-route.ts). */
export interface DemoEnv {
  readonly emulatorUrl: string;
  /** The demo server's recording proxy in front of the emulator, so the inspector sees the requests. */
  readonly auth0Url: string;
  /** The demo app's API: the audience of the user's token for the consent server. */
  readonly apiAudience: string;
  /** Where @assent/server's handler answers on this origin. */
  readonly serverUrl: string;
  readonly clientId: string;
  /** The database connection. */
  readonly connection: string;
  /** The simulated Google connection. */
  readonly socialConnection: string;
}

/** An element of the page; a page and its script ship together, so a missing one is a bug. */
export function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`${location.pathname} has no ${selector}`);
  return found;
}

/** Says at the top of the page that it needs the demo server, which did not answer. */
function showNeedsServer(): void {
  const note = document.createElement('p');
  note.className = 'demo-note';
  note.setAttribute('role', 'alert');
  note.textContent = 'This page needs the demo server (the embedded Auth0 emulator and the consent server): run npm start in a clone of the repository and open the address it prints.';
  document.querySelector('.demo-header')?.append(note);
}

/** The demo server's environment (the flow pages need `npm start`: the static build has none). */
export async function loadDemoEnv(): Promise<DemoEnv> {
  const response = await fetch('/assent-env.json').catch(() => null);
  const type = response?.headers.get('content-type') ?? '';
  // A static host answers 404, or its index page for any path.
  if (!response?.ok || !type.includes('json')) {
    showNeedsServer();
    throw new Error(`/assent-env.json answered ${response?.status ?? 'nothing'}: start the demo with npm start`);
  }
  return (await response.json()) as DemoEnv;
}

/**
 * Fills `select` with every built-in language, selects the `lang` URL parameter (default English),
 * calls `apply` with it now and on every change, and keeps the choice in the URL.
 */
export function languageSelect(select: HTMLSelectElement, apply: (lang: string) => void): string {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const locale of SUPPORTED_LOCALES) select.append(new Option(`${names.of(locale) ?? locale} (${locale})`, locale));
  select.value = new URLSearchParams(location.search).get('lang') ?? 'en';
  apply(select.value);
  select.addEventListener('change', () => {
    apply(select.value);
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    history.replaceState(null, '', url);
  });
  return select.value;
}
