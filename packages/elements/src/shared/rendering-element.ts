import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { render, type RenderOptions } from 'lit-html';

/**
 * The base of Assent's elements: Lit's `ReactiveElement` (reactive properties, update cycle,
 * adopted styles, controllers) rendering a lit-html template, which is what `LitElement` is
 * minus its hydration and async-directive hooks, which these elements do not use; the difference
 * is about 170 bytes of every page's first download. Subclasses implement `render()`.
 */
export abstract class RenderingElement extends ReactiveElement {
  readonly #options: RenderOptions = { host: this };

  /** The template of the element's current state. */
  protected abstract render(): unknown;

  protected override update(changed: PropertyValues): void {
    // Rendered after super.update() has reflected attributes, as LitElement does.
    const value = this.render();
    super.update(changed);
    render(value, this.renderRoot, this.#options);
  }
}
