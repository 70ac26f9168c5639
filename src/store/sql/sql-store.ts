// The Store on top of a minimal SQL driver, composed of one part per area. Both backends share
// every part, so they share every statement's meaning; only placeholders, list parameters and a
// few functions differ (Dialect). Each method is one statement, hence atomic without an explicit
// transaction — except the few that change several rows together (deleteUser, updateUserRoles,
// acceptUserInvitation, createTenant, signupCustomer, refresh-token rotation, revocations): those hand the driver a fixed list
// of statements to run as one transaction, with no await of the domain in between.
import type { Store } from '../store.js';
import { accountPart } from './areas/accounts.js';
import { clientLinkPart } from './areas/client-links.js';
import { customerPart } from './areas/customers.js';
import { customerSignupPart } from './areas/customer-signup.js';
import { userInvitationPart } from './areas/invitations.js';
import { metaPart } from './areas/meta.js';
import { notificationPart } from './areas/notifications.js';
import { pilotFeaturePart } from './areas/pilot-features.js';
import { prepayAccountPart } from './areas/prepay-accounts.js';
import { oauthPart } from './areas/oauth.js';
import { outboxPart } from './areas/outbox.js';
import { passwordPart } from './areas/passwords.js';
import { tenantPart } from './areas/tenants.js';
import { statePart } from './areas/state.js';
import { tokenPart } from './areas/tokens.js';
import { userPart } from './areas/users.js';
import { webSessionPart } from './areas/web-sessions.js';
import { bulkPart } from './areas/bulk.js';
import { accessEpochPart } from './areas/access-epoch.js';
import type { Dialect } from './dialect.js';
import type { SqlDriver } from './driver.js';
import { Sql } from './sql.js';

export function sqlStore(backend: Store['backend'], driver: SqlDriver, dialect: Dialect): Store {
  const sql = new Sql(driver, dialect);
  return {
    backend,
    close: () => driver.close(),
    ...metaPart(sql),
    ...customerPart(sql),
    ...accountPart(sql),
    ...userPart(sql),
    ...userInvitationPart(sql),
    ...clientLinkPart(sql),
    ...tokenPart(sql),
    ...oauthPart(sql),
    ...outboxPart(sql),
    ...customerSignupPart(sql),
    ...tenantPart(sql),
    ...pilotFeaturePart(sql),
    ...notificationPart(sql),
    ...prepayAccountPart(sql),
    ...webSessionPart(sql),
    ...passwordPart(sql),
    ...statePart(sql, backend),
    ...bulkPart(sql),
    ...accessEpochPart(sql),
  };
}
