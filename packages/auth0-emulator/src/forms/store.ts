/**
 * The Forms of a running emulator, as `POST/GET/PATCH/DELETE /api/v2/forms` manage them. In memory
 * only: a restart or `/__emulator/reset` forgets them (deploy them again, as the demo does at start).
 */
import { randomBytes } from 'node:crypto';
import type { FormContent, FormStep } from './validate.js';

/** A stored Form, as `GET /api/v2/forms/{id}` answers. */
export interface StoredForm extends FormContent {
  readonly id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id in Auth0's form-id shape: `ap_` and 22 letters and digits. */
function formId(): string {
  return 'ap_' + Array.from(randomBytes(22), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export class FormStore {
  private readonly forms = new Map<string, StoredForm>();

  constructor(private readonly now: () => number) {}

  all(): StoredForm[] {
    return [...this.forms.values()];
  }

  get(id: string): StoredForm | undefined {
    return this.forms.get(id);
  }

  create(content: FormContent & { name: string }): StoredForm {
    const at = new Date(this.now()).toISOString();
    const form: StoredForm = { ...structuredClone(content), id: formId(), created_at: at, updated_at: at };
    this.forms.set(form.id, form);
    return form;
  }

  /** Replaces each top-level property the update holds, as Auth0's PATCH does. */
  update(id: string, content: FormContent): StoredForm | undefined {
    const form = this.forms.get(id);
    if (!form) return undefined;
    Object.assign(form, structuredClone(content), { updated_at: new Date(this.now()).toISOString() });
    return form;
  }

  delete(id: string): boolean {
    return this.forms.delete(id);
  }

  clear(): void {
    this.forms.clear();
  }
}

/** The first step a Form shows: the start's `next_node`, else the first node. */
export function firstStep(form: StoredForm): FormStep | undefined {
  const nodes = form.nodes ?? [];
  return nodes.find((node) => node.id === form.start?.next_node) ?? nodes[0];
}
