/**
 * The Liquid engine of the hosted pages (liquidjs, the Shopify-compatible engine): page templates
 * and partials are Liquid, as on Auth0. Locked down for content that comes over the Management
 * API: no file access (`include`, `render` and `layout` refuse), own properties only, bounded
 * parse size, render time and memory, so a hostile template cannot read files or hang the emulator.
 * Values in the scope (custom texts, names) are data and are never parsed as Liquid.
 */
import { Context, Liquid, type Tag, type TagToken, type Template } from 'liquidjs';

/** The HTML the `{%- auth0:head -%}` and `{%- auth0:widget -%}` tags stand for in one render. */
export interface PageSlots {
  readonly head: string;
  readonly widget: string;
}

/** A template or partial that is not valid Liquid, with liquidjs' message (line and column). */
export class LiquidSyntaxError extends Error {
  override readonly name = 'LiquidSyntaxError';
}

const SLOTS = 'auth0-slots';
const REFUSED_TAGS = ['include', 'render', 'layout'];

const engine = new Liquid({
  strictFilters: true,
  ownPropertyOnly: true,
  cache: false,
  // 1 MB of source is far above what Auth0 stores (10,000 characters per partial).
  parseLimit: 1_000_000,
  // Milliseconds and bytes of output per render: a loop over a huge range fails instead of hanging.
  renderLimit: 1_000,
  memoryLimit: 20_000_000,
});

engine.registerTag('auth0', {
  parse(this: Tag & { slot?: string }, token: TagToken) {
    // `auth0:head` tokenises as the tag `auth0` with the arguments `:head`.
    const slot = token.args.trim();
    if (slot !== ':head' && slot !== ':widget') throw new Error(`unknown tag auth0${slot} (Auth0 has auth0:head and auth0:widget)`);
    this.slot = slot.slice(1);
  },
  render(this: Tag & { slot?: string }, ctx: Context) {
    const slots = ctx.getRegister<PageSlots | undefined>(SLOTS);
    if (!slots) return '';
    return this.slot === 'head' ? slots.head : slots.widget;
  },
});

for (const name of REFUSED_TAGS) {
  engine.registerTag(name, {
    parse() {
      throw new Error(`{% ${name} %} is not available: Universal Login templates and partials cannot load other files`);
    },
    render: () => '',
  });
}

/** Parses Liquid. @throws LiquidSyntaxError naming the line and column. */
export function parseLiquid(source: string): Template[] {
  try {
    return engine.parse(source);
  } catch (error) {
    throw new LiquidSyntaxError((error as Error).message.split('\n')[0] ?? String(error));
  }
}

/**
 * Renders Liquid with `scope`; `slots` fill the `auth0:head` / `auth0:widget` tags of a page template.
 * @throws LiquidSyntaxError for invalid Liquid; render errors (limits) are thrown as they are.
 */
export async function renderLiquid(source: string, scope: Record<string, unknown>, slots?: PageSlots): Promise<string> {
  const templates = parseLiquid(source);
  const context = new Context(scope, engine.options, {}, { liquid: engine });
  if (slots) context.setRegister(SLOTS, slots);
  return (await engine.render(templates, context)) as string;
}
