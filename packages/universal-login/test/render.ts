/** Renders a generated partial as Auth0 would: Liquid (a real engine) with the screen's custom texts of one language. */
import { Liquid } from 'liquidjs';
import { liquidTextName, type SignupPrompt, type UniversalLoginContent } from '../src/index.js';

const liquid = new Liquid({ strictFilters: true });

export async function renderPartial(content: UniversalLoginContent, prompt: SignupPrompt, language: string, entryPoint = 'form-content-end'): Promise<string> {
  const html = content.partials[prompt][prompt]?.[entryPoint];
  if (html === undefined) throw new Error(`no partial at ${prompt}/${entryPoint}`);
  const stored = content.customTexts[prompt][language]?.[prompt] ?? {};
  const texts = Object.fromEntries(Object.entries(stored).map(([key, value]) => [liquidTextName(key), value]));
  return liquid.parseAndRender(html, { locale: language, prompt: { name: prompt, screen: { name: prompt, texts } } });
}
