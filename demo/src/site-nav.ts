/// <reference types="vite/client" />
// The navigation of every demo page: one list, shown in each page's header, the current page
// marked. The static build (`pnpm demo:build`) holds only the pages that work without the demo
// server; there the others are named with what they need instead of linked.
import { DEMO_PAGES } from './pages.js';

/** Whether this page was served by the demo server (`npm start`), not from the static build. */
export const SERVED = import.meta.env.DEV;

function isCurrent(path: string): boolean {
  const here = location.pathname.replace(/index\.html$/, '');
  return here === path || (path === '/' && here === '');
}

/** The `<nav>` of the demo pages. */
export function siteNav(): HTMLElement {
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Demo pages');
  const list = document.createElement('ul');
  list.className = 'demo-nav';
  for (const page of DEMO_PAGES) {
    const item = document.createElement('li');
    if (!SERVED && page.needsServer) {
      item.textContent = `${page.title} `;
      const note = document.createElement('span');
      note.className = 'demo-needs-server';
      note.textContent = '(needs npm start)';
      item.append(note);
    } else {
      const link = document.createElement('a');
      link.href = page.path;
      link.textContent = page.title;
      if (isCurrent(page.path)) link.setAttribute('aria-current', 'page');
      item.append(link);
    }
    list.append(item);
  }
  nav.append(list);
  return nav;
}

document.querySelector('.demo-header')?.append(siteNav());
