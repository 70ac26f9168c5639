// Tokens are issued only to users who are still active (a deleted user's grants were revoked,
// but a grant must not outlive a suspension either).
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { oauthErrors } from './errors.js';

export async function activeUser(store: Store, userId: bigint): Promise<UserRecord> {
  const user = await store.getUser(userId);
  if (!user || user.lifeCycleStatus !== 'Active') throw oauthErrors.userDisabled();
  return user;
}
