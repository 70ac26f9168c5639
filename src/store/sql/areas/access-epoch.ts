// The access epoch (migration 14): one row, moved by triggers; read once per API request.
import type { AccessEpochStore } from '../../store.js';
import type { Sql } from '../sql.js';
import { big } from '../values.js';

export function accessEpochPart(sql: Sql): AccessEpochStore {
  return {
    async accessEpoch() {
      const row = await sql.one('SELECT epoch FROM access_epoch WHERE id = 1', []);
      if (row === null) throw new Error('store: the access epoch row is missing');
      return big(row, 'epoch');
    },
  };
}
