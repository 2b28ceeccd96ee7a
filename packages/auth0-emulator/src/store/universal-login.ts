/**
 * The tenant's Universal Login customisation as the Management API sets it: the page template,
 * the partials of each prompt, the custom texts of each prompt and language, and the prompt
 * settings (identifier first), and each screen's rendering configuration (ACUL). Persisted with the rest of the state.
 */
import { isRecord } from '../tenant/check.js';
import { isScreenRendering, STANDARD_RENDERING, type ScreenRendering } from '../universal-login/rendering.js';

/** Screen -> entry point -> HTML/Liquid. */
export type PromptPartials = Record<string, Record<string, string>>;
/** Screen -> key -> text. */
export type PromptTexts = Record<string, Record<string, string>>;

/** The persisted document (`universal_login` in the state file). */
export interface StoredUniversalLogin {
  template?: string;
  /** Prompt -> its partials. */
  partials: Record<string, PromptPartials>;
  /** Prompt -> language -> its texts. */
  custom_text: Record<string, Record<string, PromptTexts>>;
  /** Set by `PATCH /api/v2/prompts`; absent means the tenant file's setting. */
  identifier_first?: boolean;
  /** Prompt -> screen -> rendering configuration; absent screens render in standard mode. */
  rendering?: Record<string, Record<string, ScreenRendering>>;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** `record` without `key`, or with `key` set to `value` (no `delete` of a computed key). */
function withEntry<T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  const rest = Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
  return value === undefined ? rest : { ...rest, [key]: value };
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

function isNestedStringMap(value: unknown): value is Record<string, Record<string, string>> {
  return isRecord(value) && Object.values(value).every(isStringMap);
}

/** The problem with a stored `universal_login` value, or undefined when it is usable. */
export function universalLoginProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'is not an object';
  if (value.template !== undefined && typeof value.template !== 'string') return 'template is not a string';
  if (!isRecord(value.partials) || !Object.values(value.partials).every(isNestedStringMap)) return 'partials is not prompt -> screen -> entry point -> text';
  if (!isRecord(value.custom_text) || !Object.values(value.custom_text).every((languages) => isRecord(languages) && Object.values(languages).every(isNestedStringMap))) {
    return 'custom_text is not prompt -> language -> screen -> key -> text';
  }
  if (value.identifier_first !== undefined && typeof value.identifier_first !== 'boolean') return 'identifier_first is not a boolean';
  if (value.rendering !== undefined && !(isRecord(value.rendering) && Object.values(value.rendering).every((screens) => isRecord(screens) && Object.values(screens).every(isScreenRendering)))) {
    return 'rendering is not prompt -> screen -> rendering configuration';
  }
  return undefined;
}

export class UniversalLoginStore {
  private state: StoredUniversalLogin;

  constructor(stored?: StoredUniversalLogin) {
    this.state = stored ? copy(stored) : { partials: {}, custom_text: {} };
  }

  get template(): string | undefined {
    return this.state.template;
  }

  setTemplate(template: string | undefined): void {
    if (template === undefined) delete this.state.template;
    else this.state.template = template;
  }

  partials(prompt: string): PromptPartials {
    return copy(this.state.partials[prompt] ?? {});
  }

  /** Replaces every partial of the prompt (Auth0's PUT semantics: screens not sent are removed). */
  setPartials(prompt: string, partials: PromptPartials): void {
    this.state.partials = withEntry(this.state.partials, prompt, Object.keys(partials).length === 0 ? undefined : copy(partials));
  }

  customText(prompt: string, language: string): PromptTexts {
    return copy(this.state.custom_text[prompt]?.[language] ?? {});
  }

  /** Replaces the prompt's texts in one language ("Existing texts will be overwritten"). */
  setCustomText(prompt: string, language: string, texts: PromptTexts): void {
    const languages = withEntry(this.state.custom_text[prompt] ?? {}, language, Object.keys(texts).length === 0 ? undefined : copy(texts));
    this.state.custom_text = withEntry(this.state.custom_text, prompt, Object.keys(languages).length === 0 ? undefined : languages);
  }

  get identifierFirst(): boolean | undefined {
    return this.state.identifier_first;
  }

  setIdentifierFirst(value: boolean): void {
    this.state.identifier_first = value;
  }

  /** The screen's rendering configuration; standard mode when it was never set. */
  rendering(prompt: string, screen: string): ScreenRendering {
    return copy(this.state.rendering?.[prompt]?.[screen] ?? STANDARD_RENDERING);
  }

  setRendering(prompt: string, screen: string, rendering: ScreenRendering): void {
    const screens = { ...(this.state.rendering?.[prompt] ?? {}), [screen]: copy(rendering) };
    this.state.rendering = { ...(this.state.rendering ?? {}), [prompt]: screens };
  }

  /** Puts back a snapshot (a change that could not be saved is undone). */
  restore(snapshot: StoredUniversalLogin): void {
    this.state = copy(snapshot);
  }

  /** Forgets every customisation (reset). */
  clear(): void {
    this.state = { partials: {}, custom_text: {} };
  }

  snapshot(): StoredUniversalLogin {
    return copy(this.state);
  }
}
