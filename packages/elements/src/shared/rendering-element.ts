import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { render, type RenderOptions } from 'lit-html';

/**
 * The base of Assent's elements: Lit's `ReactiveElement` (reactive properties, update cycle,
 * adopted styles, controllers) rendering a lit-html template, which is what `LitElement` is
 * minus its hydration and async-directive hooks, which these elements do not use; the difference
 * is about 170 bytes of every page's first download. Subclasses implement `render()`.
 *
 * The texts of these elements follow the `lang` chain (the element's own `lang`, else the closest
 * `[lang]` ancestor's, see `languages()`): a change of the element's own `lang` attribute updates it.
 */
export abstract class RenderingElement extends ReactiveElement {
  readonly #options: RenderOptions = { host: this };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The template of the element's current state. */
  protected abstract render(): unknown;

  protected override update(changed: PropertyValues): void {
    // Rendered after super.update() has reflected attributes, as LitElement does.
    const value = this.render();
    super.update(changed);
    render(value, this.renderRoot, this.#options);
  }
}
