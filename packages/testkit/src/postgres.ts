/**
 * A real PostgreSQL server for a test run or a benchmark: `initdb` into a temporary directory, the
 * server on a free loopback port (and a Unix socket in that directory), stopped and removed by
 * `stop()`. It uses the PostgreSQL binaries of the machine: ASSENT_PG_BIN if set, else Debian's
 * /usr/lib/postgresql/<newest>/bin, else `initdb` on the PATH (`npm test` installs Debian's
 * `postgresql` package through apt-get when it runs as root on a machine without one). PostgreSQL
 * refuses to run as root: as root the server runs as the `postgres` user the package creates.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running server. */
export interface RunningPostgres {
  /** `postgres://assent@127.0.0.1:PORT/postgres`. */
  readonly url: string;
  readonly port: number;
  /** A URL of a database that does not answer (a closed port): for "unreachable" tests. */
  readonly deadUrl: string;
  /** Makes a fresh empty database and returns its URL (tests that must not see each other's rows). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

/** Options of `startPostgres`. */
export interface StartPostgresOptions {
  /** Sync every commit to disk (benchmarks). Default false: tests trade crash safety of the test server for speed. */
  readonly durable?: boolean;
}

/** Where initdb and postgres are, or a message saying how to get them. */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.ASSENT_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const isRoot = process.getuid?.() === 0;

/** The command prefix that runs a PostgreSQL binary as a user it accepts. */
function asServerUser(): { prefix: string[]; uid?: number; gid?: number } {
  if (!isRoot) return { prefix: [] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('PostgreSQL refuses to run as root and there is no "postgres" user: install Debian\'s postgresql package (apt-get install postgresql), or run the tests as another user');
  }
  // setpriv execs the binary itself (no extra process in between), so signals reach the server.
  return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--'], uid, gid };
}

/** Starts a server; throws an error saying what is missing when PostgreSQL is not installed. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: `npm test` installs it through apt-get when run as root; otherwise install it (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or set ASSENT_PG_BIN to the folder holding initdb and postgres',
    );
  const user = asServerUser();
  const dir = await mkdtemp(join(tmpdir(), 'assent-pg-'));
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const [cmd, ...rest] = [...user.prefix, join(bin, command), ...args];
    execFileSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  };
  let child: ChildProcess | undefined;
  const cleanup = () => child?.kill('SIGKILL');
  try {
    run('initdb', ['-D', data, '-U', 'assent', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const settings = [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=32MB',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ];
    const [cmd, ...rest] = [...user.prefix, join(bin, 'postgres'), '-D', data, '-p', String(port), ...settings];
    child = spawn(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
    process.once('exit', cleanup);
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 30 s:\n${log}`)), 30_000);
      child!.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (/ready to accept connections/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${code}) before it was ready:\n${log}`));
      });
    });
    child.stderr!.resume();
    const url = `postgres://assent@127.0.0.1:${port}/postgres`;
    const deadPort = await freePort();
    const server = child;
    return {
      url,
      port,
      deadUrl: `postgres://assent@127.0.0.1:${deadPort}/postgres`,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be a plain identifier`);
        run('psql', ['-h', dir, '-p', String(port), '-U', 'assent', '-d', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
        return `postgres://assent@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.off('exit', cleanup);
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((resolve) => server.once('exit', resolve));
          server.kill('SIGINT');
          await exited;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    cleanup();
    process.off('exit', cleanup);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
