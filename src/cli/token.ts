import { issueAccessToken } from '../auth/issue-tokens.js';
import { bindEnvironment, openConfiguredStore, type StoreOptions } from './store-options.js';
import { DEMO_USER_KEY, ensureDemoTenant } from './demo-tenant.js';

export interface TokenOptions extends StoreOptions {
  user?: string | undefined;
  lifetime?: number | undefined;
}

/** Prints a fresh OAuth access token for the user as the last line of stdout. */
export async function token(options: TokenOptions): Promise<void> {
  const store = await openConfiguredStore(options);
  try {
    const environment = await bindEnvironment(store, undefined);
    await ensureDemoTenant(store, environment);
    const user = options.user
      ? await store.getUserByName(options.user)
      : await store.getUser(BigInt((await store.getMeta(DEMO_USER_KEY)) ?? '0'));
    if (!user) throw new Error(`No user named ${options.user ?? 'demo'} in this store.`);
    const issued = await issueAccessToken(store, environment, user.id, options.lifetime ? { lifetimeSeconds: options.lifetime } : {});
    process.stderr.write(`Access token for ${user.userName} (${environment}), valid ${issued.expiresIn} s:\n`);
    process.stdout.write(`${issued.accessToken}\n`);
  } finally {
    await store.close();
  }
}
