// One state card of the gallery: what it shows, and how to build a fresh copy of it (the
// all-widths mode shows the same state three times).

/** Elements that follow the language control carry this attribute; the RTL card keeps its own. */
export const FOLLOWS_LANG = 'data-follows-lang';

/** A built card: its element(s), and what to run once it is in the page. */
export interface BuiltCard {
  readonly content: HTMLElement;
  /** Runs once the card is in the page (e.g. reportValidity, which needs a connected element). */
  readonly afterConnect?: () => Promise<void> | void;
  /** Stops what the card started (a consent client's background retries) when the stage is rebuilt. */
  readonly dispose?: () => void;
}

/** A state of an element, by id (also the card's element id) and title. */
export interface CardSpec {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly build: () => BuiltCard;
}
