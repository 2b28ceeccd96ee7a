/**
 * The durable part of the emulator: users, the signing key and the Universal Login customisation. In memory by default; with a data
 * file, loaded at start and saved atomically after every change, before the change is acknowledged.
 */
import { readFile } from 'node:fs/promises';
import { generateSigningKey, importSigningKey, type SigningKey } from '../keys.js';
import { isRecord } from '../tenant/check.js';
import { AtomicJsonFile } from './atomic-file.js';
import type { StateFile, StoredKey, StoredUser } from './types.js';
import { UniversalLoginStore, universalLoginProblem } from './universal-login.js';
import { UserStore } from './users.js';

/** The state file exists but cannot be used; the emulator refuses to start rather than overwrite it. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
  readonly code = 'invalid_state_file';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

function parseState(path: string, text: string): StateFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `is not valid JSON (${(error as Error).message}); move it away to start with a fresh state`);
  }
  if (!isRecord(json) || json.format !== 'assent-auth0-emulator-state') throw new StateFileError(path, 'is not an emulator state file (format)');
  if (json.version !== 1) throw new StateFileError(path, `has unsupported version ${JSON.stringify(json.version)}`);
  if (!isRecord(json.key) || typeof json.key.kid !== 'string' || !isRecord(json.key.privateJwk) || !isRecord(json.key.publicJwk)) {
    throw new StateFileError(path, 'has no usable signing key (key)');
  }
  if (!Array.isArray(json.users)) throw new StateFileError(path, 'has no users array (users)');
  json.users.forEach((user, index) => {
    if (!isRecord(user) || typeof user.user_id !== 'string' || typeof user.email !== 'string' || typeof user.password_hash !== 'string') {
      throw new StateFileError(path, `users[${index}] is not a stored user`);
    }
  });
  if (json.universal_login !== undefined) {
    const problem = universalLoginProblem(json.universal_login);
    if (problem) throw new StateFileError(path, `universal_login ${problem}`);
  }
  return json as unknown as StateFile;
}

export interface OpenStateOptions {
  /** Where to persist; undefined keeps everything in memory. */
  readonly dataFile?: string | undefined;
  readonly tenantName: string;
}

export class StateStore {
  private file: AtomicJsonFile | undefined;

  private constructor(
    readonly users: UserStore,
    /** The Universal Login page template, partials, custom texts and prompt settings. */
    readonly universalLogin: UniversalLoginStore,
    readonly key: SigningKey,
    private readonly tenantName: string,
    /** True when no previous state existed: seed users must be created. */
    readonly fresh: boolean,
  ) {}

  /**
   * Loads the state file (or starts empty with a new key).
   * @throws StateFileError when the file exists but is unusable.
   */
  static async open(options: OpenStateOptions): Promise<StateStore> {
    let state: StateFile | undefined;
    if (options.dataFile !== undefined) {
      let text: string | undefined;
      try {
        text = await readFile(options.dataFile, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new StateFileError(options.dataFile, `cannot be read: ${(error as Error).message}`);
        }
      }
      if (text !== undefined) state = parseState(options.dataFile, text);
    }
    const key = state ? await importSigningKey(state.key as StoredKey) : await generateSigningKey();
    const store = new StateStore(new UserStore(state?.users ?? []), new UniversalLoginStore(state?.universal_login), key, options.tenantName, state === undefined);
    if (options.dataFile !== undefined) {
      store.file = new AtomicJsonFile(options.dataFile, () => store.snapshot());
      await store.file.removeStaleTemporaries();
    }
    return store;
  }

  /** Whether changes go to a file. */
  get persistent(): boolean {
    return this.file !== undefined;
  }

  /** The document written to the data file. Passwords appear only as scrypt hashes. */
  snapshot(): StateFile {
    return {
      format: 'assent-auth0-emulator-state',
      version: 1,
      tenant: this.tenantName,
      key: this.key.stored,
      users: this.users.all(),
      universal_login: this.universalLogin.snapshot(),
    };
  }

  /** Makes every change so far durable; resolves when it is on disk (immediately without a file). */
  async persist(): Promise<void> {
    await this.file?.save();
  }

  /**
   * Adds a user and makes it durable; resolves only once it is on disk, so a route acknowledges it
   * only then. When the write fails the user is forgotten again (not durable, so not acknowledged)
   * and the error is thrown.
   */
  async insertUser(user: StoredUser): Promise<void> {
    this.users.insert(user);
    await this.persistOrUndo(user.user_id, user, () => this.users.delete(user.user_id));
  }

  /**
   * Replaces a user (same id) and makes the change durable. When the write fails the previous
   * version comes back, so an error answer never leaves the change applied, and the error is thrown.
   */
  async replaceUser(user: StoredUser): Promise<void> {
    const previous = this.users.get(user.user_id);
    this.users.replace(user);
    await this.persistOrUndo(user.user_id, user, () => {
      if (!previous) this.users.delete(user.user_id);
      else if (this.loginsFree(previous)) this.users.replace(previous);
    });
  }

  /**
   * Deletes a user and makes that durable; false when there is no such user. When the write fails
   * the user comes back and the error is thrown.
   */
  async deleteUser(userId: string): Promise<boolean> {
    const previous = this.users.get(userId);
    if (!previous) return false;
    this.users.delete(userId);
    await this.persistOrUndo(userId, undefined, () => {
      if (this.loginsFree(previous)) this.users.insert(previous);
    });
    return true;
  }

  /** Whether no other user holds this user's email or username in its connection (so it can come back). */
  private loginsFree(user: StoredUser): boolean {
    const holder = (login: string | undefined) => (login ? this.users.findByLogin(user.connection, login)?.user_id : undefined);
    return [holder(user.email), holder(user.username)].every((id) => id === undefined || id === user.user_id);
  }

  /**
   * Persists; on failure runs `undo`, but only while the user is still as this change left it (a
   * later change of the same user is not undone by an earlier one's failure), then rethrows.
   */
  private async persistOrUndo(userId: string, expected: StoredUser | undefined, undo: () => void): Promise<void> {
    try {
      await this.persist();
    } catch (error) {
      if (this.users.get(userId) === expected) undo();
      throw error;
    }
  }

  /** Waits for writes in progress. */
  async flush(): Promise<void> {
    await this.file?.flush();
  }

  /** Replaces all users (reset to the seed). */
  replaceUsers(users: readonly StoredUser[]): void {
    this.users.clear();
    for (const user of users) this.users.insert(user);
  }
}
