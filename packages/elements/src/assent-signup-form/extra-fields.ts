/** A native control the app put inside the form. */
export type ExtraControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const BUTTONS = new Set(['submit', 'reset', 'button', 'image', 'file']);

/** The named, enabled native controls inside `container`, buttons left out. */
export function extraControls(container: Element | null | undefined): ExtraControl[] {
  if (!container) return [];
  return [...container.querySelectorAll<ExtraControl>('input[name], select[name], textarea[name]')].filter((control) => !control.disabled && !BUTTONS.has(control.type));
}
