// Opens the configured backend, migrated and ready. Backends are imported lazily so a SQLite
// deployment never loads pg, and a PostgreSQL one never loads the native SQLite module.
import type { Store } from './store.js';

export type StoreOptions =
  /** cacheMiB: SQLite page cache (default 64 MiB); bulk seeding asks for more. */
  | { backend: 'sqlite'; file: string; cacheMiB?: number }
  | { backend: 'postgres'; url: string; schema?: string };

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.backend === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
    return openSqliteStore(opts.file, opts.cacheMiB);
  }
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  return openPostgresStore({ url: opts.url, schema: opts.schema });
}
