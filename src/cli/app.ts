// `adcenter app register`: an OAuth client application, as an app registration in the Azure
// portal would create. Prints the client id as the last line of stdout — preceded by the client
// secret for a confidential app, which is shown only this once (only its hash is stored).
import { ClientRegistrationError, registerClientApp } from '../auth/oauth/clients.js';
import { withStore, type StoreOptions } from './store-options.js';
import { userOrDemo } from './demo-tenant.js';

export interface AppRegisterOptions extends StoreOptions {
  name: string;
  redirectUri: string[];
  confidential?: boolean | undefined;
  user?: string | undefined;
}

export function registerApp(options: AppRegisterOptions): Promise<void> {
  return withStore(options, async (store, environment) => {
    const owner = await userOrDemo(store, environment, options.user);
    const registered = await registerClientApp(store, {
      ownerUserId: owner.id, name: options.name, redirectUris: options.redirectUri, confidential: options.confidential ?? false,
    }).catch((err: unknown) => {
      throw err instanceof ClientRegistrationError ? new Error(err.message) : err;
    });
    process.stderr.write(`Registered "${options.name.trim()}" (${options.confidential ? 'confidential' : 'public'} client, ${environment}) for ${owner.userName}.\n`);
    if (registered.clientSecret !== undefined) {
      process.stderr.write('client_secret (shown once, store it now):\n');
      process.stdout.write(`client_secret=${registered.clientSecret}\n`);
    }
    process.stdout.write(`client_id=${registered.clientId}\n`);
  });
}
