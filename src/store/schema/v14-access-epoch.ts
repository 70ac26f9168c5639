// Migration 14: the access epoch — one counter that every change to what authentication and
// access depend on (access and developer tokens revoked or deleted, users changed or deleted,
// roles and client links written) moves, by trigger, in the change's own transaction. A server
// caches a caller's credentials and access beside the epoch it read them at and reuses them only
// while one cheap read of the counter still gives that value, so a revoked token, a changed role
// or a deleted user takes effect at once, on every instance sharing the database.
import { bigint, countChanges, createTable, insertRow, int, type Migration } from './model.js';

const counter = { table: 'access_epoch', column: 'epoch' };

export const v14AccessEpoch: Migration = {
  version: 14,
  name: 'access epoch',
  steps: [
    createTable({ name: 'access_epoch', columns: [int('id'), bigint('epoch')], primaryKey: { columns: ['id'] } }),
    insertRow('access_epoch', { id: 1, epoch: 0 }),
    // A new token or user changes no one's cached access; revoking, changing or deleting one does.
    countChanges('access_tokens', ['UPDATE', 'DELETE'], counter),
    countChanges('developer_tokens', ['UPDATE', 'DELETE'], counter),
    countChanges('users', ['UPDATE', 'DELETE'], counter),
    countChanges('user_roles', ['INSERT', 'UPDATE', 'DELETE'], counter),
    countChanges('client_links', ['INSERT', 'UPDATE', 'DELETE'], counter),
  ],
};
