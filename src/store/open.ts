// Opens the configured backend, migrated and ready. Backends are imported lazily so a SQLite
// deployment never loads pg, and a PostgreSQL one never loads the native SQLite module.
import type { Store } from './store.js';

export type StoreOptions =
  | { backend: 'sqlite'; file: string }
  | { backend: 'postgres'; url: string; schema?: string };

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.backend === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
    return openSqliteStore(opts.file);
  }
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  return openPostgresStore({ url: opts.url, schema: opts.schema });
}
