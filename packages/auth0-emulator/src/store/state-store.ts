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
