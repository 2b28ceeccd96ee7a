import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import { passwordRules, type PasswordPolicyLevel, type PasswordRule } from '@assent/core';
import { PASSWORD_LEVELS } from './password-levels.js';
import type { Problem } from './problems.js';
import { ruleText } from './rule-text.js';
import type { FormUiMessages } from './ui-messages.js';

/** What the password field reads of its form. */
export interface PasswordFieldHost extends ReactiveControllerHost {
  readonly passwordPolicy: PasswordPolicyLevel | null;
  readonly passwordMinLength: number | null;
}

/**
 * The password input of `<assent-signup-form>`: the show/hide toggle, the connection's rules
 * (`password-policy`) as a live checklist of what is typed, and the input's validity, which blocks
 * a password that misses one of them. It reads the input again after every update of the form.
 */
export class PasswordField implements ReactiveController {
  readonly #host: PasswordFieldHost;
  readonly #input: () => HTMLInputElement | null;
  readonly #weakText: () => string;
  #shown = false;
  #typed = '';

  /** `input` finds the rendered password input; `weakText` is the message of a password that misses a rule. */
  constructor(host: PasswordFieldHost, input: () => HTMLInputElement | null, weakText: () => string) {
    this.#host = host;
    this.#input = input;
    this.#weakText = weakText;
    host.addController(this);
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Reads the password for the live checklist and blocks the input while a rule of `password-policy` is unmet. */
  sync(): void {
    const input = this.#input();
    if (!input) return;
    this.#typed = input.value;
    input.setCustomValidity(this.#rules()?.some((rule) => !rule.verified) ? this.#weakText() : '');
  }

  /** The field: label, input, toggle, the checklist and the message of `problem`, with ids from `id`. */
  render(id: string, m: FormUiMessages, problem: Problem | undefined): TemplateResult {
    const rules = this.#rules();
    const describedBy = [rules && `${id}-rules`, problem && `${id}-error`].filter(Boolean).join(' ');
    return html`<div class="assent-field">
      <label for=${id}>${m['signup.password']}</label>
      <div class="assent-password">
        <input id=${id} class="assent-input" name="password" type=${this.#shown ? 'text' : 'password'} autocomplete="new-password" required
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
        <button type="button" class="assent-toggle" aria-controls=${id} aria-pressed=${String(this.#shown)} @click=${this.#toggle}>${m['signup.showPassword']}</button>
      </div>
      ${
        rules
          ? html`<div id="${id}-rules" class="assent-rules-box">
            <p class="assent-rules-title">${m['signup.rules']}</p>
            <ul class="assent-rules">${rules.map((rule) => this.#rule(rule, m))}</ul>
          </div>`
          : nothing
      }
      ${
        problem
          ? html`<div id="${id}-error" class="assent-error">
            <p>${problem.text}</p>
            ${problem.rules?.length ? html`<ul>${problem.rules.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}
          </div>`
          : nothing
      }
    </div>`;
  }

  readonly #toggle = (): void => {
    this.#shown = !this.#shown;
    this.#host.requestUpdate();
  };

  #rule(rule: PasswordRule, m: FormUiMessages): TemplateResult {
    return html`<li class=${rule.verified ? 'assent-met' : ''}>
      ${ruleText(rule, m)}<span class="assent-vh"> ${m[rule.verified ? 'signup.ruleMet' : 'signup.ruleUnmet']}</span>
      ${rule.items ? html`<ul>${rule.items.map((item) => this.#rule(item, m))}</ul>` : nothing}
    </li>`;
  }

  /** The rules of `password-policy` for what is typed now, or null without a (valid) policy. */
  #rules(): PasswordRule[] | null {
    const { passwordPolicy: level, passwordMinLength: minLength } = this.#host;
    if (!level || !PASSWORD_LEVELS.includes(level)) return null;
    return passwordRules(level, this.#typed, minLength ? { minLength } : {});
  }
}
