/**
 * The hosted page of a Form rendered by a post-login Action, under a strict CSP: a nonce for the
 * page's one script, `'strict-dynamic'` so the scripts a custom field inserts (the single-file
 * `<assent-terms>`) may load, and nothing else (no `unsafe-inline`, no `unsafe-eval`: the custom
 * fields' code is part of the nonce'd script, never evaluated from a string). Without script the
 * Legal and Boolean fields still post natively to `/continue`.
 */
import { escapeHtml, page, type Page } from '../http/html.js';
import type { RenderedForm } from './answer.js';
import { hiddenValues } from './answer.js';
import { firstStep, type StoredForm } from './store.js';
import type { FormComponent } from './validate.js';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { width: min(30rem, 92vw); padding: 2rem; border: 1px solid GrayText; border-radius: 0.5rem; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .field { display: flex; gap: 0.5rem; align-items: flex-start; margin: 1rem 0; }
  .field input[type=checkbox] { flex: none; width: 24px; height: 24px; margin: 0; }
  .custom { margin: 1rem 0; }
  a { color: LinkText; }
  button { margin-top: 1rem; min-height: 2.75rem; width: 100%; font: inherit; font-weight: 600; cursor: pointer; }
  [hidden] { display: none !important; }
  :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .error { color: #b00020; font-weight: 600; }
  @media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
`;

/** `{{vars.x}}` and `{{fields.x}}` of a text, replaced by the rendered values (escaped when `html`). */
function interpolate(text: string, values: { vars: Record<string, unknown>; fields: Record<string, unknown> }, html: boolean): string {
  return text.replace(/\{\{\s*(vars|fields)\.([A-Za-z0-9_]+)\s*\}\}/g, (_, scope: 'vars' | 'fields', name: string) => {
    const value = values[scope][name];
    const textValue = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return html ? escapeHtml(textValue) : textValue;
  });
}

/** JSON inside a `<script>`: no `</script`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function componentHtml(component: FormComponent, values: { vars: Record<string, unknown>; fields: Record<string, unknown> }): string {
  const id = escapeHtml(component.id);
  const config = component.config;
  const required = component.required ? ' required' : '';
  switch (component.type) {
    case 'RICH_TEXT':
      // Rich text is the tenant's own HTML, as Auth0 renders it; the CSP keeps any script in it inert.
      return `<div class="rich" id="c-${id}">${interpolate(String(config.content ?? ''), values, true)}</div>`;
    case 'LEGAL':
      return `<div class="field"><input type="checkbox" id="f-${id}" name="${id}" value="true"${required}><label for="f-${id}">${interpolate(String(config.text ?? component.label ?? ''), values, true)}</label></div>`;
    case 'BOOLEAN':
      return `<div class="field"><input type="checkbox" id="f-${id}" name="${id}" value="true"${required}><label for="f-${id}">${escapeHtml(component.label ?? component.id)}</label></div>`;
    case 'CUSTOM':
      return `<div class="custom" data-custom-field="${id}"${component.label ? ` aria-label="${escapeHtml(component.label)}"` : ''}><input type="hidden" name="${id}" value=""><p class="error" role="alert" data-custom-error></p></div>`;
    case 'NEXT_BUTTON':
      return `<button type="submit">${escapeHtml(String(config.text ?? 'Continue'))}</button>`;
    default:
      return '';
  }
}

/** Mounts each custom field (`init()`), and on submit puts each `getValue()` into its hidden input. */
function customFieldsScript(components: readonly FormComponent[], values: { vars: Record<string, unknown>; fields: Record<string, unknown> }): string {
  const custom = components.filter((component) => component.type === 'CUSTOM');
  if (!custom.length) return '';
  const definitions = custom
    .map((component) => {
      const params = Object.fromEntries(Object.entries((component.config.params ?? {}) as Record<string, string>).map(([key, value]) => [key, interpolate(value, values, false)]));
      // The tenant's code as a function expression inside this nonce'd script (no eval). `</script` cannot end the element early.
      const code = String(component.config.code).replace(/<\/(script)/gi, '<\\/$1');
      return `[${scriptJson(component.id)}, (${code}), ${scriptJson(params)}]`;
    })
    .join(',\n');
  return `(() => {
  const form = document.querySelector('form');
  const mounted = [];
  for (const [id, factory, params] of [${definitions}]) {
    const host = document.querySelector('[data-custom-field="' + CSS.escape(id) + '"]');
    const error = host.querySelector('[data-custom-error]');
    try {
      const handlers = factory({ custom: { getParams: () => params } });
      const node = handlers.init ? handlers.init(params) : null;
      if (node instanceof Node) host.insertBefore(node, error);
      else if (typeof node === 'string') host.insertBefore(document.createTextNode(node), error);
      mounted.push({ id, host, error, handlers });
    } catch (failure) {
      console.error('custom field ' + id + ' failed', failure);
    }
  }
  form.addEventListener('submit', (event) => {
    for (const { id, host, error, handlers } of mounted) {
      let value = null;
      try {
        value = handlers.getValue ? handlers.getValue() : null;
        error.textContent = '';
      } catch (failure) {
        event.preventDefault();
        error.textContent = failure && failure.message ? failure.message : String(failure);
        return;
      }
      host.querySelector('input[type=hidden][name="' + CSS.escape(id) + '"]').value = value === null || value === undefined ? '' : JSON.stringify(value);
    }
    for (const { handlers } of mounted) if (handlers.block) handlers.block();
  });
})();`;
}

/**
 * The Form's page for the suspended login `state`. `redirectOrigin` is the app's (its redirect_uri):
 * /continue answers the post with a redirect there, which `form-action` must allow.
 */
export function formPage(form: StoredForm, rendered: RenderedForm, state: string, redirectOrigin: string, error?: string): Page {
  const components = firstStep(form)?.config.components ?? [];
  const values = { vars: rendered.vars, fields: { ...hiddenValues(form, rendered), ...rendered.fields } };
  const language = typeof form.languages?.primary === 'string' ? form.languages.primary : 'en';
  const css = components.map((component) => (component.type === 'CUSTOM' && typeof component.config.css === 'string' ? component.config.css : '')).join('\n');
  const script = customFieldsScript(components, values);
  return page({
    title: form.name,
    lang: language,
    formAction: [redirectOrigin],
    style: STYLE,
    ...(css ? { extraStyle: css.replace(/<\/(style)/gi, '<\\/$1') } : {}),
    ...(script ? { script, strictDynamic: true } : {}),
    body: `<main>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/continue">
<input type="hidden" name="state" value="${escapeHtml(state)}">
${components.map((component) => componentHtml(component, values)).join('\n')}
</form>
</main>`,
  });
}
