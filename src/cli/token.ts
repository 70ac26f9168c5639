import { issueAccessToken } from '../auth/issue-tokens.js';
import { withStore, type StoreOptions } from './store-options.js';
import { userOrDemo } from './demo-tenant.js';

export interface TokenOptions extends StoreOptions {
  user?: string | undefined;
  lifetime?: number | undefined;
}

/** Prints a fresh OAuth access token for the user as the last line of stdout. */
export function token(options: TokenOptions): Promise<void> {
  return withStore(options, async (store, environment) => {
    const user = await userOrDemo(store, environment, options.user);
    const issued = await issueAccessToken(store, environment, user.id, options.lifetime ? { lifetimeSeconds: options.lifetime } : {});
    process.stderr.write(`Access token for ${user.userName} (${environment}), valid ${issued.expiresIn} s:\n`);
    process.stdout.write(`${issued.accessToken}\n`);
  });
}
