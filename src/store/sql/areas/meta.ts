// Meta: a small key/value table for facts about the installation itself.
import type { MetaStore } from '../../store.js';
import type { Sql } from '../sql.js';
import { str } from '../values.js';

export function metaPart(sql: Sql): MetaStore {
  return {
    async getMeta(key) {
      const p = sql.params();
      const row = await sql.one(`SELECT value FROM meta WHERE key = ${p.add(key)}`, p.values);
      return row === null ? null : str(row, 'value');
    },

    async ping() {
      // Reads a table (not SELECT 1), so a lost schema fails as surely as a lost connection.
      const p = sql.params();
      await sql.one(`SELECT key FROM meta WHERE key = ${p.add('environment')}`, p.values);
    },

    async setMeta(key, value) {
      const p = sql.params();
      await sql.run(
        `INSERT INTO meta (key, value) VALUES (${p.add(key)}, ${p.add(value)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        p.values,
      );
    },

    async claimMeta(key, value) {
      const p = sql.params();
      await sql.run(`INSERT INTO meta (key, value) VALUES (${p.add(key)}, ${p.add(value)}) ON CONFLICT (key) DO NOTHING`, p.values);
      const q = sql.params();
      const row = await sql.one(`SELECT value FROM meta WHERE key = ${q.add(key)}`, q.values);
      if (row === null) throw new Error(`store: meta ${key} vanished after its claim`);
      return str(row, 'value');
    },
  };
}
