// `adcenter user account-manager`: designates (or, with --revoke, undesignates) an internal account
// manager — the only kind of user DeleteCustomer accepts ("Only internal account managers can
// delete customers"). Operators only: the API has no way to grant it.
import { withStore, type StoreOptions } from './store-options.js';

export interface AccountManagerOptions extends StoreOptions {
  revoke?: boolean | undefined;
}

export function accountManager(userName: string, options: AccountManagerOptions): Promise<void> {
  return withStore(options, async (store) => {
    const user = await store.getUserByName(userName);
    if (!user) throw new Error(`No user named ${userName} in this store.`);
    await store.setAccountManager(user.id, options.revoke !== true);
    process.stderr.write(options.revoke
      ? `${user.userName} is no longer an internal account manager.\n`
      : `${user.userName} is an internal account manager: they may delete any customer.\n`);
    process.stdout.write(`user_id=${user.id}\naccount_manager=${options.revoke !== true}\n`);
  });
}
