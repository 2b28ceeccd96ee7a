/**
 * The single-file `<assent-terms>` for Universal Login (built into `dist/cdn/assent-terms.js`): defines
 * the element and lets it take over the partial's native boxes. The native boxes stay in charge
 * unless everything needed is there: the policy loads from `data-assent-policy-src`, it is the
 * version the page was generated for, and the user has not ticked a native box yet. Then the element
 * goes in their place with `field-prefix` set to the partial's prefix, and the native inputs are
 * disabled (disabled inputs are never submitted), so the form posts one set of `ulp-` fields.
 */
import '@assent/elements/define/assent-terms.js';
import { parsePolicy, type ConsentPolicy } from '@assent/core';

/** Takes over one consent block of a partial; resolves to whether it did. */
export async function takeOver(block: HTMLElement): Promise<boolean> {
  const prefix = block.dataset.assentPrefix ?? 'ulp-consent_';
  const source = block.dataset.assentPolicySrc;
  const field = (name: string) => block.querySelector<HTMLInputElement>(`input[name="${CSS.escape(prefix + name)}"]`);
  const answered = () => block.querySelector('input[type="checkbox"]:checked') !== null;
  if (!source || answered()) return false;
  let policy: ConsentPolicy;
  try {
    const response = await fetch(source, { credentials: 'omit' });
    if (!response.ok) return false;
    policy = parsePolicy(await response.json());
  } catch {
    return false;
  }
  if (`${policy.id}@${policy.version}` !== field('policy')?.value || answered()) return false;
  const element = document.createElement('assent-terms');
  element.setAttribute('field-prefix', prefix);
  element.lang = field('locale')?.value || 'en';
  element.policy = policy;
  block.before(element);
  await element.updateComplete;
  if (answered()) {
    element.remove();
    return false;
  }
  for (const input of block.querySelectorAll('input')) input.disabled = true;
  block.hidden = true;
  // Until the element carries a decision it posts nothing: the partial's hidden policy and locale
  // then go alone, so the Action can still answer "please accept the terms" in the right language.
  // Once it does, they are disabled, so no field is ever posted twice.
  const hidden = [field('policy'), field('locale')];
  const sync = () => hidden.forEach((input) => input && (input.disabled = element.decision !== null));
  element.addEventListener('assent-change', sync);
  sync();
  return true;
}

for (const block of document.querySelectorAll<HTMLElement>('[data-assent-ulp]')) void takeOver(block);
