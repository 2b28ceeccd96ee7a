// The inspector panel beside each flow page: every request that reached Auth0 (through the demo
// server's recording proxy) or the consent server, newest first; the newest that sent something in
// full (passwords masked); and the stored user record as the Management API returns it (read by the
// demo server with its machine client: no secret reaches the browser).

/** One request as `GET /assent-inspector/requests` lists it (see demo/server/recording-proxy.ts). */
export interface InspectedRequest {
  readonly at: string;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** The panel's two outputs: the request and the stored record. */
export interface Inspector {
  /**
   * Lists the recorded requests, shows the newest that sent something (or the newest to `path`,
   * e.g. `/continue`) in full, and the stored
   * record of `email` (default: the `email` its body names, if any). Resolves with that record
   * (`null` when there is none, `undefined` when no address is known or the demo server failed).
   */
  refresh(email?: string, options?: { readonly path?: string }): Promise<unknown>;
}

/** How many requests the list shows. */
const LOG_LENGTH = 25;

/** A request that changes something (the reads are listed, not shown in full). */
function sendsSomething(request: InspectedRequest): boolean {
  return !['GET', 'HEAD'].includes(request.method);
}

function emailOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const email = (body as Record<string, unknown>).email;
  return typeof email === 'string' ? email : undefined;
}

async function readJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Appends `<h3>` + `<pre>` (a scrollable, focusable output named by its heading) to `panel`. */
function output(panel: Element, id: string, title: string, placeholder: string): HTMLPreElement {
  const heading = document.createElement('h3');
  heading.id = `${id}-title`;
  heading.textContent = title;
  const pre = document.createElement('pre');
  Object.assign(pre, { id, className: 'demo-pre', tabIndex: 0, textContent: placeholder });
  pre.setAttribute('aria-labelledby', heading.id);
  panel.append(heading, pre);
  return pre;
}

/**
 * Fills the page's `<section id="inspector">` (its heading and the page's own description stay in
 * the page) with a Refresh button and the two outputs: `#inspector-request`, `#inspector-user`.
 */
export function mountInspector(root: ParentNode = document): Inspector {
  const panel = root.querySelector('#inspector');
  if (!panel) throw new Error('the page has no <section id="inspector">');
  const actions = document.createElement('div');
  actions.className = 'demo-actions';
  const refreshButton = document.createElement('button');
  Object.assign(refreshButton, { type: 'button', id: 'inspector-refresh', textContent: 'Refresh' });
  actions.append(refreshButton);
  panel.append(actions);
  const logHeading = document.createElement('h3');
  logHeading.id = 'inspector-log-title';
  logHeading.textContent = `Requests to Auth0 and the consent server (the newest ${LOG_LENGTH}, newest first)`;
  const log = document.createElement('ol');
  Object.assign(log, { id: 'inspector-log', className: 'demo-inspector-log' });
  log.setAttribute('aria-labelledby', logHeading.id);
  panel.append(logHeading, log);
  const requestOut = output(panel, 'inspector-request', 'Newest request with a body', 'no request yet');
  const userOut = output(panel, 'inspector-user', 'Stored user (Management API)', 'no user yet');
  let shownEmail: string | undefined;
  const inspector: Inspector = {
    async refresh(knownEmail?: string, options = {}) {
      try {
        const requests = (await readJson('/assent-inspector/requests')) as InspectedRequest[];
        const { path } = options;
        showLog(requests);
        const last = path ? requests.findLast((request) => new URL(request.url).pathname === path) : requests.findLast(sendsSomething);
        if (last) requestOut.textContent = `${last.method} ${last.url}\n\n${JSON.stringify(last.body, null, 2)}`;
        const email = knownEmail ?? emailOf(last?.body) ?? shownEmail;
        shownEmail = email;
        if (!email) return undefined;
        const user = await readJson(`/assent-inspector/user?email=${encodeURIComponent(email)}`);
        userOut.textContent = user === null ? `no stored user for ${email}` : JSON.stringify(user, null, 2);
        return user;
      } catch (error) {
        userOut.textContent = `The inspector could not read the demo server: ${String(error)}`;
        return undefined;
      }
    },
  };
  const showLog = (requests: readonly InspectedRequest[]): void => {
    log.replaceChildren(
      ...requests
        .slice(-LOG_LENGTH)
        .toReversed()
        .map((request) => {
          const item = document.createElement('li');
          const time = document.createElement('time');
          time.dateTime = request.at;
          time.textContent = new Date(request.at).toLocaleTimeString('en-GB');
          item.append(time, `${request.method} ${request.url}`);
          return item;
        }),
    );
  };
  refreshButton.addEventListener('click', () => void inspector.refresh());
  // The requests a page makes as it loads (Lock's client configuration, the consent client's read).
  void readJson('/assent-inspector/requests').then(
    (requests) => showLog(requests as InspectedRequest[]),
    () => {},
  );
  return inspector;
}
