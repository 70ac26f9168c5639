// The store's schema: the ordered migrations both backends apply, recorded by version in
// schema_migrations. Versions 1-3 mean exactly what the hand-written SQL of each dialect meant
// before (test/store/legacy holds that SQL; the upgrade test proves the equivalence).
import type { Migration } from './model.js';
import { v1Initial } from './v1-initial.js';
import { v2Invitations } from './v2-invitations.js';
import { v3OutboxOAuth } from './v3-outbox-oauth.js';
import { v4Customers } from './v4-customers.js';
import { v5ClientLinks } from './v5-client-links.js';
import { v6Accounts } from './v6-accounts.js';
import { v7UserRoles } from './v7-user-roles.js';
import { v8PilotsNotifications } from './v8-pilots-notifications.js';
import { v9Sessions } from './v9-sessions.js';
import { v10SearchIndexes } from './v10-search-indexes.js';
import { v12PasswordResets } from './v12-password-resets.js';
import { v14AccessEpoch } from './v14-access-epoch.js';
import { v15CustomerFolds } from './v15-customer-folds.js';
import { v16CustomerMarketFolds } from './v16-customer-market-folds.js';
import { v17ManagerLinkIndexes } from './v17-manager-link-indexes.js';

export const MIGRATIONS: readonly Migration[] = [
  v1Initial, v2Invitations, v3OutboxOAuth, v4Customers, v5ClientLinks, v6Accounts, v7UserRoles, v8PilotsNotifications,
  v9Sessions, v10SearchIndexes, v12PasswordResets, v14AccessEpoch, v15CustomerFolds,
  v16CustomerMarketFolds, v17ManagerLinkIndexes,
];
