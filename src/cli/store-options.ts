// Where the data lives: SQLite in the data folder by default, PostgreSQL when a URL is given
// (--database-url or ADCENTER_DATABASE_URL), so that several instances can share it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { Environment } from '../contract/environment.js';

export interface StoreOptions {
  data: string;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
}

export const DEFAULT_DATA_DIR = './data';

export async function openConfiguredStore(options: StoreOptions, sqliteCacheMiB?: number): Promise<Store> {
  const url = options.databaseUrl ?? process.env.ADCENTER_DATABASE_URL;
  if (url) {
    const schema = options.databaseSchema ?? process.env.ADCENTER_DATABASE_SCHEMA;
    return openStore(schema ? { backend: 'postgres', url, schema } : { backend: 'postgres', url });
  }
  const dir = resolve(options.data);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'adcenter.sqlite');
  return openStore(sqliteCacheMiB === undefined ? { backend: 'sqlite', file } : { backend: 'sqlite', file, cacheMiB: sqliteCacheMiB });
}

/**
 * A store belongs to one environment for life: sandbox and production never share data or
 * credentials. Returns the store's environment, claiming it for `wanted` when new.
 */
export async function bindEnvironment(store: Store, wanted: Environment | undefined): Promise<Environment> {
  const current = await store.getMeta('environment');
  if (current === 'sandbox' || current === 'production') {
    if (wanted && wanted !== current) {
      throw new Error(`This store holds ${current} data; it cannot be served as ${wanted}. Use another --data folder or database for ${wanted}.`);
    }
    return current;
  }
  const environment = wanted ?? 'sandbox';
  await store.setMeta('environment', environment);
  return environment;
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
