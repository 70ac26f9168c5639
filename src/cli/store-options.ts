// Where the data lives: SQLite in the data folder by default, PostgreSQL when a URL is given
// (--database-url or ADCENTER_DATABASE_URL), so that several instances can share it. A store that
// cannot be opened is told in one line with its own exit code (exit-codes.ts).
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { Environment } from '../contract/environment.js';
import { EXIT, StartupFailure, errorCode } from './exit-codes.js';

export interface StoreOptions {
  data: string;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
}

export const DEFAULT_DATA_DIR = './data';
export const STORE_FILE = 'adcenter.sqlite';

export async function openConfiguredStore(options: StoreOptions, sqliteCacheMiB?: number): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.databaseSchema);
  const file = join(prepareDataFolder(options.data), STORE_FILE);
  try {
    return await openStore(sqliteCacheMiB === undefined ? { backend: 'sqlite', file } : { backend: 'sqlite', file, cacheMiB: sqliteCacheMiB });
  } catch (err) {
    // SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR…: the file, not the code.
    if (errorCode(err)?.startsWith('SQLITE_')) {
      throw new StartupFailure(EXIT.dataFolder, `${file} is not a usable adcenter store (${(err as Error).message}). Choose another --data folder.`, { cause: err });
    }
    throw err;
  }
}

/**
 * Makes the data folder (and its missing parents) and checks it can be written; returns its
 * absolute path. Not mkdirSync(…, { recursive: true }): on Node 20 that never returns for a path
 * under a pseudo file system such as /proc, where mkdir answers ENOENT although the parent exists
 * and the recursion retries for ever. Here each missing folder is made once, from the top.
 */
export function prepareDataFolder(data: string): string {
  const dir = resolve(data);
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const cannot = (why: string, cause?: unknown): StartupFailure =>
    new StartupFailure(EXIT.dataFolder, `Cannot use the data folder ${dir}: ${why}. Choose another with --data.`, { cause });
  if (!statSync(existing).isDirectory()) throw cannot(`${existing} is a file, not a folder`);
  try {
    for (const folder of missing) mkdirSync(folder);
    accessSync(dir, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw cannot(fileSystemReason(err), err);
  }
  return dir;
}

function fileSystemReason(err: unknown): string {
  switch (errorCode(err)) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOENT': return 'a folder cannot be created there';
    case 'ENOTDIR': return 'a part of the path is a file';
    case 'ENOSPC': return 'no space left on the device';
    default: return err instanceof Error ? err.message : String(err);
  }
}

/** Opens the PostgreSQL store; a URL that is not one, or a database that cannot be used, fails in one line. */
async function openPostgres(url: string, schema: string | undefined): Promise<Store> {
  const where = describeDatabaseUrl(url);
  try {
    return await openStore(schema ? { backend: 'postgres', url, schema } : { backend: 'postgres', url });
  } catch (err) {
    throw new StartupFailure(EXIT.database, `Cannot use the PostgreSQL database ${where}: ${databaseReason(err, url)}.`, { cause: err });
  }
}

/**
 * The URL as it may be shown (never its password); throws when it is not a PostgreSQL URL, so
 * that `--database-url base` is not taken for a host named "base".
 */
export function describeDatabaseUrl(value: string): string {
  let url: URL;
  try { url = new URL(value); } catch {
    throw new StartupFailure(EXIT.database, '--database-url is not a URL; expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StartupFailure(EXIT.database, `--database-url must be a postgres:// URL, not ${url.protocol}//…`);
  }
  url.password = '';
  url.search = '';
  return url.toString();
}

function databaseReason(err: unknown, url: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const { hostname, port } = new URL(url);
  switch (errorCode(err)) {
    case 'ENOTFOUND': case 'EAI_AGAIN': return `the host ${hostname} is not known`;
    case 'ECONNREFUSED': return `nothing answers at ${hostname}:${port || 5432} (is PostgreSQL running?)`;
    case 'ETIMEDOUT': case 'EHOSTUNREACH': case 'ENETUNREACH': return `${hostname} cannot be reached`;
    case '28P01': case '28000': return `the login is refused (${message})`;
    case '3D000': return message; // database "x" does not exist
    default: return message;
  }
}

/**
 * A store belongs to one environment for life: sandbox and production never share data or
 * credentials. Returns the store's environment, claiming it for `wanted` when new.
 */
export async function bindEnvironment(store: Store, wanted: Environment | undefined): Promise<Environment> {
  const current = await store.getMeta('environment');
  if (current === 'sandbox' || current === 'production') {
    if (wanted && wanted !== current) {
      throw new StartupFailure(EXIT.environment, `This store holds ${current} data; it cannot be served as ${wanted}. Use another --data folder or database for ${wanted}.`);
    }
    return current;
  }
  // Claimed, not overwritten: of instances starting together on a new store the first one binds it.
  const bound = await store.claimMeta('environment', wanted ?? 'sandbox');
  if (bound !== 'sandbox' && bound !== 'production') throw new Error(`This store's environment ${bound} is unknown.`);
  if (wanted && wanted !== bound) {
    throw new Error(`This store holds ${bound} data; it cannot be served as ${wanted}. Use another --data folder or database for ${wanted}.`);
  }
  return bound;
}

/** Runs a one-shot command against the configured store, bound to its environment, then closes it. */
export async function withStore<T>(
  options: StoreOptions, run: (store: Store, environment: Environment) => Promise<T>, sqliteCacheMiB?: number,
): Promise<T> {
  const store = await openConfiguredStore(options, sqliteCacheMiB);
  try {
    return await run(store, await bindEnvironment(store, undefined));
  } finally {
    await store.close();
  }
}

/** The store options as they would be typed on a command line (for the `token` hint in the banner). */
export function storeArguments(options: StoreOptions): string[] {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    url.password = ''; // never printed
    return ['--database-url', url.toString(), ...(options.databaseSchema ? ['--database-schema', options.databaseSchema] : [])];
  }
  return ['--data', resolve(options.data)];
}
