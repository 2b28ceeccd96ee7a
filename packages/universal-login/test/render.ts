/** Renders a generated partial as Auth0 would: Liquid (a real engine) with the screen's custom texts of one language. */
import { Liquid } from 'liquidjs';
import type { SignupPrompt, UniversalLoginContent } from '../src/index.js';

const liquid = new Liquid({ strictFilters: true });

export async function renderPartial(content: UniversalLoginContent, prompt: SignupPrompt, language: string, entryPoint = 'form-content-end'): Promise<string> {
  const html = content.partials[prompt][prompt]?.[entryPoint];
  if (html === undefined) throw new Error(`no partial at ${prompt}/${entryPoint}`);
  const texts = content.customTexts[prompt][language]?.[prompt] ?? {};
  return liquid.parseAndRender(html, { locale: language, prompt: { name: prompt, screen: { name: prompt, texts } } });
}
