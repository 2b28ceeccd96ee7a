/**
 * A screen's rendering configuration (Advanced Customizations for Universal Login), as
 * `PATCH /api/v2/prompts/{prompt}/screen/{screen}/rendering` sets it: the rendering mode, the head
 * tags that load the team's own screen, and the context data sent to the browser. The body rules
 * follow Auth0's API reference (the `auth0` SDK 7.x types `UpdateAculRequestContent`, `AculHeadTag`,
 * `AculContextEnum`) and its "ACUL rendering configuration reference": `advanced` needs head tags
 * with at least one script and a context configuration; script and stylesheet tags need an SRI
 * `integrity`.
 */
import { invalidBody, typeName } from '../http/management-body.js';
import { isRecord } from '../tenant/check.js';

/** One element Auth0 puts into the page's `<head>`. */
export interface HeadTag {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  readonly content?: string;
}

/** What is stored per screen. */
export interface ScreenRendering {
  rendering_mode: 'advanced' | 'standard';
  context_configuration: string[] | null;
  default_head_tags_disabled: boolean;
  use_page_template: boolean;
  head_tags: HeadTag[] | null;
}

/** A screen that was never configured renders in standard mode. */
export const STANDARD_RENDERING: Readonly<ScreenRendering> = Object.freeze({
  rendering_mode: 'standard',
  context_configuration: null,
  default_head_tags_disabled: false,
  use_page_template: false,
  head_tags: null,
});

const BODY_FIELDS = ['rendering_mode', 'context_configuration', 'default_head_tags_disabled', 'use_page_template', 'head_tags', 'filters'];

/** Auth0's static context values (`AculContextEnum`). */
export const CONTEXT_VALUES = [
  'branding.settings',
  'branding.themes.default',
  'country_codes',
  'client.logo_uri',
  'client.description',
  'organization.display_name',
  'organization.branding',
  'screen.texts',
  'tenant.name',
  'tenant.friendly_name',
  'tenant.logo_url',
  'tenant.enabled_locales',
  'untrusted_data.submitted_form_data',
  'untrusted_data.authorization_params.login_hint',
  'untrusted_data.authorization_params.screen_hint',
  'untrusted_data.authorization_params.ui_locales',
  'user.organizations',
  'transaction.custom_domain.domain',
  'experiment',
] as const;

/** The dynamic context values: a metadata key of the client, organization or connection, or an `ext-` authorization parameter. */
const DYNAMIC_CONTEXT = /^(client\.metadata|organization\.metadata|transaction\.connection\.metadata)\.[A-Za-z0-9_-]{1,255}$|^untrusted_data\.authorization_params\.ext-[A-Za-z0-9_-]{1,255}$/;

/** Elements valid in a document's `<head>`. */
const HEAD_ELEMENTS = ['base', 'link', 'meta', 'noscript', 'script', 'style', 'title'];
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
/** An SRI hash (Subresource Integrity: sha256/384/512, base64). */
const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

function problem(message: string) {
  return invalidBody(message);
}

function readHeadTag(value: unknown, index: number): HeadTag {
  const where = `head_tags[${index}]`;
  if (!isRecord(value)) throw problem(`'Expected type object but found type ${typeName(value)}' on property ${where}.`);
  for (const key of Object.keys(value)) if (!['tag', 'attributes', 'content'].includes(key)) throw problem(`'Additional properties not allowed: ${key}' on property ${where}.`);
  const tag = value.tag;
  if (typeof tag !== 'string') throw problem(`'Expected type string but found type ${typeName(tag)}' on property ${where}.tag.`);
  if (!HEAD_ELEMENTS.includes(tag)) throw problem(`'${JSON.stringify(tag)} is not an element of the head (one of: ${HEAD_ELEMENTS.join(', ')})' on property ${where}.tag.`);
  const attributes = value.attributes ?? {};
  if (!isRecord(attributes)) throw problem(`'Expected type object but found type ${typeName(attributes)}' on property ${where}.attributes.`);
  const read: Record<string, string | number | boolean | readonly string[]> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name) || /^on/.test(name)) throw problem(`'Invalid attribute name ${JSON.stringify(name)}' on property ${where}.attributes (event handler attributes are not allowed).`);
    if (name === 'integrity') {
      if (!Array.isArray(attribute) || attribute.length === 0 || !attribute.every((hash) => typeof hash === 'string' && SRI.test(hash))) {
        throw problem(`'integrity must be an array of SRI hashes (sha256-, sha384- or sha512- and base64)' on property ${where}.attributes.integrity.`);
      }
      read[name] = [...(attribute as string[])];
    } else if (typeof attribute === 'string' || typeof attribute === 'boolean' || (typeof attribute === 'number' && Number.isFinite(attribute))) {
      read[name] = attribute;
    } else {
      throw problem(`'Expected type string, number or boolean but found type ${typeName(attribute)}' on property ${where}.attributes.${name}.`);
    }
  }
  for (const name of ['src', 'href']) {
    const url = read[name];
    if (url === undefined) continue;
    if (typeof url !== 'string' || !isAssetUrl(url)) throw problem(`'${name} must be an https URL (or http on localhost for the emulator)' on property ${where}.attributes.${name}.`);
  }
  const external = (tag === 'script' && read.src !== undefined) || (tag === 'link' && typeof read.rel === 'string' && read.rel.split(/\s+/).includes('stylesheet'));
  if (external && read.integrity === undefined) throw problem(`'integrity is required for script and stylesheet tags' on property ${where}.attributes.`);
  const content = value.content;
  if (content !== undefined) {
    if (typeof content !== 'string') throw problem(`'Expected type string but found type ${typeName(content)}' on property ${where}.content.`);
    // The content is written raw between the tags: a closing tag inside would end the element early.
    if (/<\//.test(content)) throw problem(`'content must not contain "</"' on property ${where}.content.`);
  }
  return content === undefined ? { tag, attributes: read } : { tag, attributes: read, content };
}

/** Auth0 wants assets on a public CDN (https); the emulator also takes http on loopback, where tests and the demo serve them. */
function isAssetUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

function readContext(value: unknown): string[] | null {
  if (value === null) return null;
  if (!Array.isArray(value)) throw problem(`'Expected type array but found type ${typeName(value)}' on property context_configuration.`);
  return value.map((item, index) => {
    if (typeof item !== 'string') throw problem(`'Expected type string but found type ${typeName(item)}' on property context_configuration[${index}].`);
    if (!(CONTEXT_VALUES as readonly string[]).includes(item) && !DYNAMIC_CONTEXT.test(item)) {
      throw problem(
        `'No enum match for: ${JSON.stringify(item)}' on property context_configuration[${index}] (one of: ${CONTEXT_VALUES.join(', ')}, or client.metadata.<key>, organization.metadata.<key>, transaction.connection.metadata.<key>, untrusted_data.authorization_params.ext-<key>).`,
      );
    }
    return item;
  });
}

function readFlag(body: Record<string, unknown>, name: 'default_head_tags_disabled' | 'use_page_template', current: boolean): boolean {
  const value = body[name];
  if (value === undefined) return current;
  if (value === null) return false;
  if (typeof value !== 'boolean') throw problem(`'Expected type boolean but found type ${typeName(value)}' on property ${name}.`);
  return value;
}

/**
 * The configuration after a PATCH: the fields sent replace the stored ones, the others stay (null
 * resets one). Throws Auth0's 400 `invalid_body` naming the property at fault.
 */
export function patchRendering(current: Readonly<ScreenRendering>, body: Record<string, unknown>): ScreenRendering {
  for (const key of Object.keys(body)) if (!BODY_FIELDS.includes(key)) throw problem(`'Additional properties not allowed: ${key}'.`);
  if (body.filters !== undefined && body.filters !== null) {
    throw problem('the emulator renders a screen the same for every application, organization and domain: filters must be null.');
  }
  const mode = body.rendering_mode ?? current.rendering_mode;
  if (mode !== 'advanced' && mode !== 'standard') throw problem(`'No enum match for: ${JSON.stringify(mode)}' on property rendering_mode (one of: advanced, standard).`);
  let headTags = current.head_tags;
  if (body.head_tags !== undefined) {
    if (body.head_tags !== null && !Array.isArray(body.head_tags)) throw problem(`'Expected type array but found type ${typeName(body.head_tags)}' on property head_tags.`);
    headTags = body.head_tags === null ? null : body.head_tags.map(readHeadTag);
  }
  const context = body.context_configuration === undefined ? current.context_configuration : readContext(body.context_configuration);
  const next: ScreenRendering = {
    rendering_mode: mode,
    context_configuration: context,
    default_head_tags_disabled: readFlag(body, 'default_head_tags_disabled', current.default_head_tags_disabled),
    use_page_template: readFlag(body, 'use_page_template', current.use_page_template),
    head_tags: headTags,
  };
  if (next.use_page_template) throw problem('the emulator renders advanced screens without the page template: use_page_template must be false.');
  if (mode === 'advanced') {
    if (!next.head_tags?.some((tag) => tag.tag === 'script')) throw problem("'head_tags is required when rendering_mode is advanced and must include at least one script tag'.");
    if (!next.context_configuration) throw problem("'context_configuration is required when rendering_mode is advanced'.");
  }
  return next;
}

/** Whether a stored value is a usable configuration (the state file is checked when it is read). */
export function isScreenRendering(value: unknown): value is ScreenRendering {
  if (!isRecord(value)) return false;
  try {
    patchRendering(STANDARD_RENDERING, value);
    return true;
  } catch {
    return false;
  }
}
