// A digest of everything the store holds, read beside the running server (SQLite: a read-only
// connection, WAL lets it read while the server writes; PostgreSQL: the server's schema), so that
// a refused write can be shown to have changed nothing.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Backend } from './server-process.js';

export interface Fingerprinter {
  digest(): Promise<string>;
  close(): Promise<void>;
}

const replacer = (_: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v);

export async function fingerprinter(backend: Backend & { file?: string; url?: string; schema?: string }): Promise<Fingerprinter> {
  if (backend.kind === 'sqlite') {
    const db = new Database(backend.file!, { readonly: true, fileMustExist: true });
    db.defaultSafeIntegers(true);
    return {
      async digest() {
        const hash = createHash('sha256');
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
        for (const { name } of tables) {
          // Table names come from the schema itself.
          const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
          const lines = rows.map((r) => JSON.stringify(r, replacer)).sort();
          hash.update(`${name}\n${lines.join('\n')}\n`);
        }
        return hash.digest('hex');
      },
      async close() { db.close(); },
    };
  }
  const client = new pg.Client({ connectionString: backend.url! });
  await client.connect();
  return {
    async digest() {
      const hash = createHash('sha256');
      const tables = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [backend.schema!]);
      for (const { table_name: name } of tables.rows) {
        const rows = await client.query(`SELECT * FROM "${backend.schema!}"."${name.replace(/"/g, '""')}"`);
        const lines = rows.rows.map((r) => JSON.stringify(r, replacer)).sort();
        hash.update(`${name}\n${lines.join('\n')}\n`);
      }
      return hash.digest('hex');
    },
    async close() { await client.end(); },
  };
}
