/**
 * What every element needs to speak the page's language: the `lang` chain it lives in, and a cache
 * of texts per locale that loads each language once for all instances.
 */

/** `lang` of the element and of every ancestor (across shadow roots), nearest first. */
export function languages(element: Element): string[] {
  const found: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null) {
    const lang = node.getAttribute('lang');
    if (lang) found.push(lang);
  }
  return found;
}

/**
 * Texts of one locale, or: `undefined` while they load (`whenLoaded` is called once they are
 * there), `null` when they could not be loaded (the caller shows English rather than nothing).
 */
export type MessagesFor<T> = (locale: string, whenLoaded: () => void) => T | null | undefined;

/**
 * A per-locale cache of texts shared by every instance of an element: each language is loaded at
 * most once, and a failed load is logged (after `logPrefix`, e.g. `<assent-terms>:`) and remembered as `null`.
 */
export function messageCache<T>(english: T, load: (locale: string) => Promise<T>, logPrefix: string): MessagesFor<T> {
  // Texts, null for a failed language, or the promise of a load under way.
  const cache = new Map<string, T | null | Promise<unknown>>([['en', english]]);
  return (locale, whenLoaded) => {
    let entry = cache.get(locale);
    if (entry === undefined) {
      entry = load(locale).then(
        (messages) => cache.set(locale, messages),
        (error: unknown) => {
          console.error(`${logPrefix} "${locale}" texts failed to load; showing English.`, error);
          cache.set(locale, null);
        },
      );
      cache.set(locale, entry);
    }
    if (!(entry instanceof Promise)) return entry;
    void entry.then(whenLoaded);
    return undefined;
  };
}
