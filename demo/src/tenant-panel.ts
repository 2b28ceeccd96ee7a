// What the flow pages that change the demo tenant share (universal-login.html, acul.html,
// forms.html): JSON calls to the demo server's routes, a card's status lines and the details output
// of what the tenant holds, and the deploy card ("Deploy to the demo tenant", the dry run, the
// changes as the CLI prints them).
import { find } from './page.js';

/** The message of a failure, for a status line. */
export function problemText(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}

/** Shows a failure in `target`, after `prefix` ("The deployment failed: …"). */
export function reportTo(target: HTMLElement, prefix: string): (problem: unknown) => void {
  return (problem) => {
    target.textContent = `${prefix}: ${problemText(problem)}`;
  };
}

/** The JSON answer of a demo server route; its `message` when it refused. */
export async function readAnswer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `the demo server answered ${response.status}`);
  return body;
}

/** Sends `body` as JSON to a demo server route and reads the answer. */
export async function sendJson<T>(method: 'POST' | 'PUT', url: string, body: unknown): Promise<T> {
  return readAnswer<T>(await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** A card's outputs: the buttons, a status line, an error line and the details output. */
export interface StatusPanel {
  readonly buttons: readonly HTMLButtonElement[];
  readonly status: HTMLParagraphElement;
  readonly error: HTMLParagraphElement;
  readonly details: HTMLPreElement;
}

/** What {@link mountStatusPanel} builds. */
export interface StatusPanelOptions {
  /** Id prefix: `<prefix>-status`, `<prefix>-error`. */
  readonly prefix: string;
  readonly buttons: readonly { readonly id: string; readonly label: string }[];
  /** The details output: its id, what its summary says, what it shows before anything is read. */
  readonly details: { readonly id: string; readonly summary: string; readonly placeholder: string };
}

/**
 * Appends to `section` (its heading and description stay in the page) the buttons, the status
 * (role=status), the error (role=alert) and a `<details>` with a focusable output named by its summary.
 */
export function mountStatusPanel(section: Element, { prefix, buttons, details }: StatusPanelOptions): StatusPanel {
  const actions = document.createElement('div');
  actions.className = 'demo-actions';
  const made = buttons.map(({ id, label }) => {
    const button = document.createElement('button');
    Object.assign(button, { type: 'button', id, textContent: label });
    return button;
  });
  actions.append(...made);
  const line = (id: string, role: string): HTMLParagraphElement => {
    const paragraph = document.createElement('p');
    Object.assign(paragraph, { id, className: 'demo-status' });
    paragraph.setAttribute('role', role);
    return paragraph;
  };
  const status = line(`${prefix}-status`, 'status');
  const error = line(`${prefix}-error`, 'alert');
  const box = document.createElement('details');
  box.className = 'demo-details';
  const summary = document.createElement('summary');
  summary.textContent = details.summary;
  const output = document.createElement('pre');
  Object.assign(output, { id: details.id, className: 'demo-pre', tabIndex: 0, textContent: details.placeholder });
  output.setAttribute('aria-label', details.summary);
  box.append(summary, output);
  section.append(...(made.length ? [actions] : []), status, error, box);
  return { buttons: made, status, error, details: output };
}

/** A deployment as the demo server answers it (`DeployResult` of @assent/universal-login, and the CLI's text). */
export interface Deployment {
  readonly policy: string;
  readonly applied: boolean;
  readonly changes: readonly { readonly kind: string; readonly target: string; readonly call: string }[];
  readonly summary: string;
}

/** One line for the status: what was (or would be) changed. */
export function describeDeployment(deployment: Deployment): string {
  const count = deployment.changes.length;
  if (!count) return `${deployment.policy}: no changes, the tenant is up to date.`;
  const kinds = [...new Set(deployment.changes.map((change) => change.kind))].join(', ');
  const resources = `${count} ${count === 1 ? 'resource' : 'resources'} (${kinds})`;
  return deployment.applied ? `Deployed ${deployment.policy}: ${resources} changed.` : `${deployment.policy}: ${resources} differ from the tenant; "Deploy" writes them.`;
}

/** The deploy card of a page. */
export interface DeployPanel {
  /** Deploys (or, with `dryRun`, compares); resolves with the deployment shown. */
  deploy(dryRun: boolean): Promise<Deployment | undefined>;
}

/**
 * Fills `section` with "Deploy to the demo tenant", "Show the changes (dry run)", the status
 * (`#deploy-status`), the error (`#deploy-error`) and the changes as the CLI prints them
 * (`#deploy-changes`). `route` answers `GET` with `{ pending }` (a dry run, shown as the page loads)
 * and `POST <route>/deploy` with `{ dryRun }`. `onDeployed` runs after each deployment that wrote.
 */
export function mountDeployPanel(section: Element, route: string, onDeployed: (deployment: Deployment) => void = () => {}): DeployPanel {
  const { buttons, status, error, details } = mountStatusPanel(section, {
    prefix: 'deploy',
    buttons: [
      { id: 'deploy', label: 'Deploy to the demo tenant' },
      { id: 'dry-run', label: 'Show the changes (dry run)' },
    ],
    details: { id: 'deploy-changes', summary: 'Changes, as the CLI prints them', placeholder: 'nothing deployed from this page yet' },
  });
  const show = (deployment: Deployment): Deployment => {
    status.textContent = describeDeployment(deployment);
    details.textContent = deployment.summary;
    return deployment;
  };
  const panel: DeployPanel = {
    async deploy(dryRun) {
      for (const button of buttons) button.disabled = true;
      error.textContent = '';
      status.textContent = dryRun ? 'Comparing with the tenant…' : 'Deploying through the Management API…';
      try {
        const deployment = show(await sendJson<Deployment>('POST', `${route}/deploy`, { dryRun }));
        if (deployment.applied) onDeployed(deployment);
        return deployment;
      } catch (problem) {
        status.textContent = '';
        reportTo(error, 'The deployment failed')(problem);
        return undefined;
      } finally {
        for (const button of buttons) button.disabled = false;
      }
    },
  };
  const [deployButton, dryRunButton] = buttons;
  deployButton?.addEventListener('click', () => void panel.deploy(false));
  dryRunButton?.addEventListener('click', () => void panel.deploy(true));
  // What a deployment would change now (nothing once deployed, until new terms are published).
  fetch(route)
    .then((response) => readAnswer<{ pending: Deployment }>(response))
    .then(({ pending }) => show(pending))
    .catch(reportTo(error, 'The demo server could not compare the tenant'));
  return panel;
}

/** The page's `<select>` of signup screens (universal-login.html, acul.html); the `screens` URL parameter preselects. */
export type Screens = 'signup' | 'identifier-first';

/** The form post that carries the consent: the one screen, or signup-password after signup-id. */
export const FINAL_POST: Readonly<Record<Screens, string>> = { signup: '/u/signup', 'identifier-first': '/u/signup/password' };

/**
 * Fills the page's `<div id="screens-control">` with the "Signup screens" select (one screen, or
 * identifier first), preselected from the `screens` URL parameter; returns what it reads.
 */
export function screensSelect(): () => Screens {
  const control = find<HTMLDivElement>('#screens-control');
  const label = document.createElement('label');
  Object.assign(label, { htmlFor: 'screens-select', textContent: 'Signup screens' });
  const select = document.createElement('select');
  select.id = 'screens-select';
  select.append(new Option('one screen (signup)', 'signup'), new Option('identifier first (signup-id, then signup-password)', 'identifier-first'));
  control.append(label, select);
  const chosen = new URLSearchParams(location.search).get('screens');
  if (chosen === 'signup' || chosen === 'identifier-first') select.value = chosen;
  return () => select.value as Screens;
}

/** Sets the tenant's identifier-first switch for `screens` (PUT /assent-demo/universal-login/settings). */
export async function useScreens(screens: Screens): Promise<void> {
  await sendJson('PUT', '/assent-demo/universal-login/settings', { identifierFirst: screens === 'identifier-first' });
}
