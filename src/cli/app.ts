// `adcenter app register`: an OAuth client application, as an app registration in the Azure
// portal would create. Prints the client id as the last line of stdout — preceded by the client
// secret for a confidential app, which is shown only this once (only its hash is stored).
import { ClientRegistrationError, registerClientApp } from '../auth/oauth/clients.js';
import { bindEnvironment, openConfiguredStore, type StoreOptions } from './store-options.js';
import { DEMO_USER_KEY, ensureDemoTenant } from './demo-tenant.js';

export interface AppRegisterOptions extends StoreOptions {
  name: string;
  redirectUri: string[];
  confidential?: boolean | undefined;
  user?: string | undefined;
}

export async function registerApp(options: AppRegisterOptions): Promise<void> {
  const store = await openConfiguredStore(options);
  try {
    const environment = await bindEnvironment(store, undefined);
    await ensureDemoTenant(store, environment);
    const owner = options.user
      ? await store.getUserByName(options.user)
      : await store.getUser(BigInt((await store.getMeta(DEMO_USER_KEY)) ?? '0'));
    if (!owner) throw new Error(`No user named ${options.user ?? 'demo'} in this store.`);
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
  } finally {
    await store.close();
  }
}
