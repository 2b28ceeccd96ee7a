/**
 * The Actions of a running emulator as the Management API sees them: a stable id per Action, a
 * draft (name and secrets) and immutable deployed versions. Logins and signups run the DEPLOYED
 * secrets: updating the draft changes nothing until `deploy`, as on Auth0. Secret values never
 * leave this module except to the Action itself (`event.secrets`).
 *
 * Each trigger runs the Actions bound to it, in binding order, as Auth0 does; the tenant file binds
 * every Action to the triggers it has handlers for, in file order, and the Management API can
 * change the bindings (`PATCH /api/v2/actions/triggers/{triggerId}/bindings`).
 *
 * In memory only: a restart, or `/__emulator/reset`, goes back to the tenant file's secrets and bindings.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EMULATED_TRIGGERS, type EmulatedTrigger } from './limits.js';
import type { PostLoginAction } from './types.js';

/** Where an Action comes from: a tenant file module (with its path and source) or `options.actions`. */
export interface ActionSource {
  readonly action: PostLoginAction;
  /** Absolute path of the module (tenant file Actions). */
  readonly module?: string;
  /** The module's source text, shown as `code`. */
  readonly code?: string;
}

/** A secret as a draft or version holds it. */
interface SecretState {
  readonly value: string;
  readonly updated_at: string;
}

type Secrets = ReadonlyMap<string, SecretState>;

/** An immutable deployed version. */
export interface VersionRecord {
  readonly id: string;
  readonly number: number;
  readonly secrets: Secrets;
  readonly created_at: string;
}

/** One Action: its draft and versions. */
export interface ActionRecord {
  readonly id: string;
  readonly source: ActionSource;
  readonly triggers: readonly EmulatedTrigger[];
  readonly created_at: string;
  name: string;
  updated_at: string;
  /** The draft's secrets, in the order they were given. */
  draft: Secrets;
  /** True once the draft was updated and not deployed since. */
  changed: boolean;
  /** Oldest first; the last one is deployed. */
  versions: VersionRecord[];
  /** What logins run: the source itself until a deploy or rename, then a view of it with the deployed secrets. */
  runtime: PostLoginAction;
}

/** One Action bound to a trigger. */
export interface BindingRecord {
  readonly id: string;
  readonly actionId: string;
  readonly displayName: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A secret in an update: a value sets it, no value keeps the draft's current value. */
export interface SecretUpdate {
  readonly name: string;
  readonly value?: string | undefined;
}

/** What `PATCH /api/v2/actions/actions/{id}` may change. */
export interface ActionUpdate {
  readonly name?: string | undefined;
  /** Replaces the draft's secrets: a name not listed is removed. */
  readonly secrets?: readonly SecretUpdate[] | undefined;
}

/** Auth0's default runtime for new Actions; the emulator runs every Action in its own Node process. */
export const ACTION_RUNTIME = 'node22';

/** Auth0 keeps at most 50 versions per Action and deletes the oldest beyond that. */
const MAX_VERSIONS = 50;

/** A stable UUID (RFC 9562 version 8, name-based) for an Action, from the tenant name and the Action's name. */
function stableId(tenant: string, key: string): string {
  const bytes = createHash('sha256').update(`assent-auth0-emulator:action\0${tenant}\0${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function triggersOf(action: PostLoginAction): EmulatedTrigger[] {
  const triggers: EmulatedTrigger[] = [];
  if (typeof action.onExecutePostLogin === 'function' || typeof action.onContinuePostLogin === 'function') triggers.push('post-login');
  if (typeof action.onExecutePreUserRegistration === 'function') triggers.push('pre-user-registration');
  return triggers;
}

function secretValues(secrets: Secrets): Record<string, string> {
  return Object.fromEntries([...secrets].map(([name, secret]) => [name, secret.value]));
}

/**
 * The source Action seen through another name and secrets. The prototype keeps its handlers (and
 * anything they read through `this`); the source object itself is never modified.
 */
function runtimeView(source: PostLoginAction, name: string, secrets: Secrets): PostLoginAction {
  return Object.create(source, {
    name: { value: name, enumerable: true },
    secrets: { value: secretValues(secrets), enumerable: true },
  }) as PostLoginAction;
}

export class ActionRegistry {
  private records: ActionRecord[] = [];
  private readonly byId = new Map<string, ActionRecord>();
  private bindings = new Map<EmulatedTrigger, BindingRecord[]>();

  constructor(
    private readonly tenant: string,
    private readonly sources: readonly ActionSource[],
    private readonly now: () => number,
  ) {
    this.reset();
  }

  /** Back to the tenant file: every Action at version 1 with its configured name and secrets. */
  reset(): void {
    const at = new Date(this.now()).toISOString();
    const seen = new Map<string, number>();
    this.byId.clear();
    this.records = this.sources.map((source, index) => {
      const name = source.action.name ?? `action-${index + 1}`;
      const occurrence = (seen.get(name) ?? 0) + 1;
      seen.set(name, occurrence);
      const secrets: Secrets = new Map(Object.entries(source.action.secrets ?? {}).map(([key, value]) => [key, { value, updated_at: at }]));
      const record: ActionRecord = {
        id: stableId(this.tenant, occurrence === 1 ? name : `${name}#${occurrence}`),
        source,
        triggers: triggersOf(source.action),
        created_at: at,
        name,
        updated_at: at,
        draft: secrets,
        changed: false,
        versions: [{ id: randomUUID(), number: 1, secrets, created_at: at }],
        runtime: source.action,
      };
      this.byId.set(record.id, record);
      return record;
    });
    this.bindings = new Map(
      (Object.keys(EMULATED_TRIGGERS) as EmulatedTrigger[]).map((trigger) => [
        trigger,
        this.records.filter((record) => record.triggers.includes(trigger)).map((record) => ({ id: randomUUID(), actionId: record.id, displayName: record.name, created_at: at, updated_at: at })),
      ]),
    );
  }

  /** The Actions a trigger runs: those bound to it, in binding order, with their deployed secrets. */
  runtimeFor(trigger: EmulatedTrigger): PostLoginAction[] {
    return this.bindingsOf(trigger).map((binding) => (this.byId.get(binding.actionId) as ActionRecord).runtime);
  }

  /** The bindings of a trigger, in the order they run. */
  bindingsOf(trigger: EmulatedTrigger): readonly BindingRecord[] {
    return this.bindings.get(trigger) ?? [];
  }

  /**
   * Replaces a trigger's bindings (checked by the caller: known Actions that support the trigger,
   * each once). A binding that stays keeps its id and creation time.
   */
  bind(trigger: EmulatedTrigger, next: readonly { actionId: string; displayName: string }[]): readonly BindingRecord[] {
    const at = new Date(this.now()).toISOString();
    const previous = new Map(this.bindingsOf(trigger).map((binding) => [binding.actionId, binding]));
    const bindings = next.map(({ actionId, displayName }): BindingRecord => {
      const kept = previous.get(actionId);
      return { id: kept?.id ?? randomUUID(), actionId, displayName, created_at: kept?.created_at ?? at, updated_at: at };
    });
    this.bindings.set(trigger, bindings);
    return bindings;
  }

  /** A binding as the Management API shows it. */
  bindingView(trigger: EmulatedTrigger, binding: BindingRecord): Record<string, unknown> {
    const record = this.byId.get(binding.actionId) as ActionRecord;
    return {
      id: binding.id,
      trigger_id: trigger,
      display_name: binding.displayName,
      action: this.actionBase(record),
      created_at: binding.created_at,
      updated_at: binding.updated_at,
    };
  }

  /** Every Action, in tenant order. */
  all(): readonly ActionRecord[] {
    return this.records;
  }

  get(id: string): ActionRecord | undefined {
    return this.byId.get(id);
  }

  /** Names of the secrets in an Action's draft. */
  draftSecretNames(id: string): ReadonlySet<string> {
    return new Set(this.byId.get(id)?.draft.keys() ?? []);
  }

  /** Whether another Action than `id` already has this name. */
  nameTaken(name: string, id: string): boolean {
    return this.records.some((record) => record.name === name && record.id !== id);
  }

  /** Applies a validated update to the draft. A rename applies at once (names are not versioned). */
  update(id: string, update: ActionUpdate): ActionRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    const at = new Date(this.now()).toISOString();
    if (update.name !== undefined && update.name !== record.name) {
      record.name = update.name;
      record.runtime = runtimeView(record.source.action, record.name, this.deployed(record).secrets);
    }
    if (update.secrets !== undefined) {
      const draft = new Map<string, SecretState>();
      for (const secret of update.secrets) {
        const previous = record.draft.get(secret.name);
        if (secret.value !== undefined) draft.set(secret.name, { value: secret.value, updated_at: at });
        else if (previous) draft.set(secret.name, previous);
      }
      record.draft = draft;
      record.changed = true;
    }
    record.updated_at = at;
    return record;
  }

  /** Makes the draft the deployed version: logins get its secrets from now on. */
  deploy(id: string): VersionRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    const at = new Date(this.now()).toISOString();
    const version: VersionRecord = { id: randomUUID(), number: this.deployed(record).number + 1, secrets: record.draft, created_at: at };
    record.versions.push(version);
    if (record.versions.length > MAX_VERSIONS) record.versions.shift();
    record.changed = false;
    record.updated_at = at;
    record.runtime = runtimeView(record.source.action, record.name, version.secrets);
    return version;
  }

  private deployed(record: ActionRecord): VersionRecord {
    return record.versions[record.versions.length - 1] as VersionRecord;
  }

  /** `GET /api/v2/actions/actions/{id}`: the draft, and the deployed version. Secret values are never shown. */
  actionView(record: ActionRecord): Record<string, unknown> {
    return {
      ...this.actionBase(record),
      ...(record.source.code === undefined ? {} : { code: record.source.code }),
      dependencies: [],
      runtime: ACTION_RUNTIME,
      secrets: secretsView(record.draft),
      deployed_version: this.versionView(record, this.deployed(record)),
      status: 'built',
      built_at: record.updated_at,
      modules: [],
    };
  }

  /** An action version (the answer of a deploy, and `deployed_version`). */
  versionView(record: ActionRecord, version: VersionRecord): Record<string, unknown> {
    return {
      id: version.id,
      action_id: record.id,
      ...(record.source.code === undefined ? {} : { code: record.source.code }),
      dependencies: [],
      deployed: version === this.deployed(record),
      runtime: ACTION_RUNTIME,
      secrets: secretsView(version.secrets),
      status: 'built',
      number: version.number,
      errors: [],
      action: this.actionBase(record),
      built_at: version.created_at,
      created_at: version.created_at,
      updated_at: version.created_at,
      supported_triggers: triggersView(record),
      modules: [],
    };
  }

  private actionBase(record: ActionRecord): Record<string, unknown> {
    return {
      id: record.id,
      name: record.name,
      supported_triggers: triggersView(record),
      all_changes_deployed: !record.changed,
      created_at: record.created_at,
      updated_at: record.updated_at,
    };
  }
}

function triggersView(record: ActionRecord): { id: EmulatedTrigger; version: string }[] {
  return record.triggers.map((id) => ({ id, version: EMULATED_TRIGGERS[id] }));
}

/** Names and update times only: Auth0 never returns a secret's value. */
function secretsView(secrets: Secrets): { name: string; updated_at: string }[] {
  return [...secrets].map(([name, secret]) => ({ name, updated_at: secret.updated_at }));
}
