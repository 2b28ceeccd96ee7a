import { html, nothing, type TemplateResult } from 'lit-html';
import type { Problem } from './problems.js';
import type { FormUiMessages } from './ui-messages.js';

/**
 * One of the form's own text inputs (`email`, `username`, `given_name`, `family_name`) with its
 * label and, after a failed submit, its message tied to it; the input's id is `id`.
 */
export function textField(id: string, name: string, label: string, type: string, autocomplete: string, required: boolean, problem: Problem | undefined): TemplateResult {
  return html`<div class="assent-field">
    <label for=${id}>${label}</label>
    <input id=${id} class="assent-input" name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
      maxlength=${type === 'text' ? 150 : nothing} spellcheck=${type === 'email' ? 'false' : nothing} autocapitalize=${type === 'email' ? 'none' : nothing}
      aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? `${id}-error` : nothing} />
    ${problem ? html`<p id="${id}-error" class="assent-error">${problem.text}</p>` : nothing}
  </div>`;
}

/**
 * The error summary after a failed submit: every problem, each linking to its control (`control`
 * finds it; a click focuses it), in a live region; focusable, as the form moves focus to it.
 */
export function errorSummary(id: string, problems: readonly Problem[], m: FormUiMessages, control: (field: string) => HTMLElement | null): TemplateResult {
  const focus = (event: Event, target: HTMLElement) => {
    event.preventDefault();
    target.focus();
  };
  return html`<div id=${id} class="assent-summary" tabindex="-1" ?hidden=${!problems.length}>
    <div role="alert">
      ${
        problems.length
          ? html`<p class="assent-summary-title">${m['signup.summary']}</p>
            <ul>
              ${problems.map((problem) => {
                const target = problem.field ? control(problem.field) : null;
                return html`<li>${target ? html`<a href="#${target.id}" @click=${(event: Event) => focus(event, target)}>${problem.text}</a>` : problem.text}</li>`;
              })}
            </ul>`
          : nothing
      }
    </div>
  </div>`;
}
