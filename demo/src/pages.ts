// Every page of the demo site, in the order of its navigation (site-nav.ts). The tests that check
// every page (test/e2e/demo-pages.test.ts) read this list too, so a new page is checked once listed.

/** A page of the demo site. */
export interface DemoPage {
  readonly path: string;
  readonly title: string;
  /** Needs the demo server (`npm start`): the emulator, the recording proxy, the consent server. */
  readonly needsServer: boolean;
  /** An element that is there once the page is ready to use. */
  readonly ready: string;
}

export const DEMO_PAGES: readonly DemoPage[] = [
  { path: '/', title: 'Home', needsServer: false, ready: 'assent-terms #required' },
  { path: '/universal-login.html', title: 'Universal Login', needsServer: true, ready: '#deploy-status:not(:empty)' },
  { path: '/acul.html', title: 'ACUL signup', needsServer: true, ready: '#acul-status:not(:empty)' },
  { path: '/signup.html', title: 'Signup form', needsServer: true, ready: 'assent-terms #required' },
  { path: '/lock.html', title: 'Auth0 Lock', needsServer: true, ready: 'assent-lock input[name="email"]' },
  { path: '/account.html', title: 'Account', needsServer: true, ready: '#publish [role="status"]:not(:empty)' },
  { path: '/social.html', title: 'Social login', needsServer: true, ready: '#publish [role="status"]:not(:empty)' },
  { path: '/forms.html', title: 'Social login (Form)', needsServer: true, ready: '#deploy-status:not(:empty)' },
  { path: '/gallery.html', title: 'Gallery', needsServer: false, ready: 'html[data-gallery-ready="true"]' },
];
