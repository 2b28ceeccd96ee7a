import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { format } from '@assent/core';
import type { FormUiMessages } from './ui-messages.js';

/** `count` seconds as words of `locale` ("30 seconds"). */
export function seconds(locale: string, count: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.max(count, 0));
}

/**
 * The wait Auth0 asks for after too many attempts (`rate_limited`): counts the seconds down, once a
 * second, while the host is connected, and then says the user can try again. `announcement` is
 * what a screen reader hears (once at the start and once at the end, not every second).
 */
export class RetryCountdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #texts: () => readonly [string, FormUiMessages];
  #until = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The message for screen readers: the wait when it starts, "try again now" when it is over. */
  announcement = '';

  /** `texts` gives the host's current locale and texts. */
  constructor(host: ReactiveControllerHost, texts: () => readonly [string, FormUiMessages]) {
    this.#host = host;
    this.#texts = texts;
    host.addController(this);
  }

  /** Whether the user must still wait. */
  get waiting(): boolean {
    return this.#until > 0;
  }

  /** The seconds left, in words ("You can try again in 12 seconds."). */
  text(): string {
    const [locale, m] = this.#texts();
    return format(m['signup.retryIn'], { time: seconds(locale, Math.ceil((this.#until - Date.now()) / 1000)) });
  }

  /** Starts a wait of `ms` milliseconds. */
  start(ms: number): void {
    this.#until = Date.now() + ms;
    this.announcement = this.text();
    this.#step();
  }

  /** Forgets the last announcement (a new submit starts). */
  clear(): void {
    this.announcement = '';
  }

  hostConnected(): void {
    if (this.#until) this.#step();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** One step: redraws the seconds left, and says when the wait is over. */
  #step(): void {
    clearTimeout(this.#timer);
    const left = this.#until - Date.now();
    if (left <= 0) {
      this.#until = 0;
      this.announcement = this.#texts()[1]['signup.retryNow'];
    } else {
      this.#timer = setTimeout(() => this.#step(), left % 1000 || 1000);
    }
    this.#host.requestUpdate();
  }
}
