/**
 * The body of `POST /api/v2/forms` and `PATCH /api/v2/forms/{id}`, checked the way Auth0 checks it
 * (a 400 `invalid_body` naming the property), for the part of Forms the emulator renders: STEP
 * node holding RICH_TEXT and NEXT_BUTTON blocks and LEGAL, BOOLEAN and CUSTOM fields, hidden
 * fields, and an ending that resumes the login. Any other node or component type (Flows, Routers,
 * widgets, other fields, a second step) is refused with a 400 that names it: the emulator could not render it.
 */
import type { HttpError } from '../errors.js';
import { invalidBody, typeName } from '../http/management-body.js';
import { isRecord } from '../tenant/check.js';

/** Node types the emulator renders. */
export const SUPPORTED_NODE_TYPES = ['STEP'] as const;
/** `category/type` of the components the emulator renders. */
export const SUPPORTED_COMPONENTS = ['BLOCK/RICH_TEXT', 'BLOCK/NEXT_BUTTON', 'FIELD/LEGAL', 'FIELD/BOOLEAN', 'FIELD/CUSTOM'] as const;
const KNOWN_NODE_TYPES = ['STEP', 'FLOW', 'ROUTER'];
const KNOWN_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  BLOCK: ['DIVIDER', 'HTML', 'IMAGE', 'JUMP_BUTTON', 'RESEND_BUTTON', 'NEXT_BUTTON', 'PREVIOUS_BUTTON', 'RICH_TEXT'],
  WIDGET: ['AUTH0_VERIFIABLE_CREDENTIALS', 'GMAPS_ADDRESS', 'RECAPTCHA'],
  FIELD: ['BOOLEAN', 'CARDS', 'CHOICE', 'CUSTOM', 'DATE', 'DROPDOWN', 'EMAIL', 'FILE', 'LEGAL', 'NUMBER', 'PASSWORD', 'PAYMENT', 'SOCIAL', 'TEL', 'TEXT', 'URL'],
};
const FORM_FIELDS = ['name', 'messages', 'languages', 'translations', 'nodes', 'start', 'ending', 'style'];
/** Ids of nodes and components (Auth0's editor allows letters, digits and underscores). */
const ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_NAME = 150;
/** Largest custom field code the emulator accepts (Auth0 documents no limit; this keeps pages small). */
const MAX_CODE = 100_000;

/** A stored component. */
export interface FormComponent {
  readonly id: string;
  readonly category: string;
  readonly type: string;
  readonly label?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly config: Readonly<Record<string, unknown>>;
}

/** A stored STEP node. */
export interface FormStep {
  readonly id: string;
  readonly type: 'STEP';
  readonly alias?: string;
  readonly coordinates?: { readonly x: number; readonly y: number };
  readonly config: { readonly components: readonly FormComponent[]; readonly next_node: string };
}

/** What a create or update may set. */
export interface FormContent {
  name?: string;
  messages?: Record<string, unknown>;
  languages?: Record<string, unknown>;
  translations?: Record<string, unknown>;
  nodes?: FormStep[];
  start?: { hidden_fields?: { key: string; value?: string }[]; next_node?: string; coordinates?: { x: number; y: number } };
  ending?: Record<string, unknown>;
  style?: Record<string, unknown>;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw invalidBody(message);
}

function typeError(expected: string, value: unknown, path: string): HttpError {
  return invalidBody(`'Expected type ${expected} but found type ${typeName(value)}' on property ${path}.`);
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw typeError('object', value, path);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw typeError('string', value, path);
  return value;
}

function optionalString(record: Record<string, unknown>, key: string, path: string): void {
  if (record[key] !== undefined) string(record[key], `${path}.${key}`);
}

function component(value: unknown, path: string, ids: Set<string>): FormComponent {
  const record = object(value, path);
  const id = string(record.id, `${path}.id`);
  expect(ID.test(id), `'String does not match pattern ${ID.source}' on property ${path}.id.`);
  expect(!ids.has(id), `'Duplicate component id: ${id}' on property ${path}.id.`);
  ids.add(id);
  const category = string(record.category, `${path}.category`);
  const type = string(record.type, `${path}.type`);
  const known = KNOWN_COMPONENTS[category];
  if (!known) throw invalidBody(`'No enum match for: ${JSON.stringify(category)}' on property ${path}.category (one of: ${Object.keys(KNOWN_COMPONENTS).join(', ')}).`);
  expect(known.includes(type), `'No enum match for: ${JSON.stringify(type)}' on property ${path}.type (one of: ${known.join(', ')}).`);
  const kind = `${category}/${type}`;
  expect((SUPPORTED_COMPONENTS as readonly string[]).includes(kind), `'Component ${kind} is not supported by the emulator' on property ${path} (supported: ${SUPPORTED_COMPONENTS.join(', ')}).`);
  optionalString(record, 'label', path);
  optionalString(record, 'hint', path);
  if (record.required !== undefined && typeof record.required !== 'boolean') throw typeError('boolean', record.required, `${path}.required`);
  const config = record.config === undefined ? {} : object(record.config, `${path}.config`);
  if (type === 'RICH_TEXT') optionalString(config, 'content', `${path}.config`);
  if (type === 'NEXT_BUTTON') string(config.text, `${path}.config.text`);
  if (type === 'LEGAL') optionalString(config, 'text', `${path}.config`);
  if (type === 'CUSTOM') {
    const code = string(config.code, `${path}.config.code`);
    expect(code.length <= MAX_CODE, `'String is too long (${code.length} chars), maximum ${MAX_CODE}' on property ${path}.config.code.`);
    object(config.schema, `${path}.config.schema`);
    if (config.params !== undefined) {
      const params = object(config.params, `${path}.config.params`);
      for (const [key, param] of Object.entries(params)) string(param, `${path}.config.params.${key}`);
    }
    optionalString(config, 'css', `${path}.config`);
  }
  return { ...(record as object), id, category, type, config } as FormComponent;
}

function step(value: unknown, path: string, componentIds: Set<string>): FormStep {
  const record = object(value, path);
  const id = string(record.id, `${path}.id`);
  expect(ID.test(id), `'String does not match pattern ${ID.source}' on property ${path}.id.`);
  const type = string(record.type, `${path}.type`);
  expect(KNOWN_NODE_TYPES.includes(type), `'No enum match for: ${JSON.stringify(type)}' on property ${path}.type (one of: ${KNOWN_NODE_TYPES.join(', ')}).`);
  expect((SUPPORTED_NODE_TYPES as readonly string[]).includes(type), `'Node type ${type} is not supported by the emulator' on property ${path}.type (supported: ${SUPPORTED_NODE_TYPES.join(', ')}).`);
  const config = object(record.config ?? {}, `${path}.config`);
  const list = config.components ?? [];
  if (!Array.isArray(list)) throw typeError('array', list, `${path}.config.components`);
  const components = list.map((item, index) => component(item, `${path}.config.components[${index}]`, componentIds));
  const next = config.next_node === undefined ? '$ending' : string(config.next_node, `${path}.config.next_node`);
  return { ...(record as object), id, type: 'STEP', config: { components, next_node: next } } as FormStep;
}

/**
 * Checks a create (`partial` false: `name` required) or update body.
 * @throws HttpError 400 `invalid_body` naming the property.
 */
export function parseFormContent(body: Record<string, unknown>, partial: boolean): FormContent {
  for (const key of Object.keys(body)) expect(FORM_FIELDS.includes(key), `'Additional properties not allowed: ${key}'.`);
  const content: FormContent = {};
  if (body.name !== undefined || !partial) {
    const name = string(body.name, 'name');
    expect(name.length >= 1 && name.length <= MAX_NAME, `'String length must be between 1 and ${MAX_NAME}' on property name.`);
    content.name = name;
  }
  for (const key of ['messages', 'languages', 'translations', 'ending', 'style'] as const) {
    if (body[key] !== undefined && body[key] !== null) content[key] = object(body[key], key);
  }
  if (body.nodes !== undefined && body.nodes !== null) {
    if (!Array.isArray(body.nodes)) throw typeError('array', body.nodes, 'nodes');
    const componentIds = new Set<string>();
    const nodes = body.nodes.map((node, index) => step(node, `nodes[${index}]`, componentIds));
    expect(nodes.length <= 1, `'A Form of ${nodes.length} steps is not supported by the emulator' on property nodes (it renders one STEP).`);
    const ids = new Set(nodes.map((node) => node.id));
    expect(ids.size === nodes.length, `'Duplicate node id' on property nodes.`);
    nodes.forEach((node, index) =>
      expect(node.config.next_node === '$ending' || ids.has(node.config.next_node), `'Unknown node: ${node.config.next_node}' on property nodes[${index}].config.next_node.`),
    );
    content.nodes = nodes;
  }
  if (body.start !== undefined && body.start !== null) {
    const start = object(body.start, 'start');
    const hidden = start.hidden_fields ?? [];
    if (!Array.isArray(hidden)) throw typeError('array', hidden, 'start.hidden_fields');
    const hiddenFields = hidden.map((field, index) => {
      const record = object(field, `start.hidden_fields[${index}]`);
      const key = string(record.key, `start.hidden_fields[${index}].key`);
      expect(ID.test(key), `'String does not match pattern ${ID.source}' on property start.hidden_fields[${index}].key.`);
      if (record.value !== undefined) string(record.value, `start.hidden_fields[${index}].value`);
      return { key, ...(record.value === undefined ? {} : { value: record.value as string }) };
    });
    if (start.next_node !== undefined) string(start.next_node, 'start.next_node');
    content.start = { ...(start as object), hidden_fields: hiddenFields } as FormContent['start'];
  }
  return content;
}
