// The demo tenant a fresh store starts with, so that the README's first command leads straight
// to a working API call. Whichever command creates it prints it (its password — and in production
// its developer token — is shown only then): `serve` in its banner, every other command on stderr
// (so stdout of `token` stays the token alone).
import { hashPassword } from '../auth/passwords.js';
import { UNIVERSAL_SANDBOX_DEVELOPER_TOKEN } from '../auth/scopes.js';
import type { Environment } from '../contract/environment.js';
import { hashSecret, newDeveloperToken } from '../domain/credentials.js';
import { claimTenant } from '../domain/tenants/create-tenant.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { random } from '../contract/ambient.js';

export const DEMO_USER_KEY = 'demo_user_id';
export const DEMO_USER_NAME = 'admin@adcenter.local';

/**
 * Creates the demo tenant once; returns the lines to print, or null when the store already had it.
 * The tenant, its developer token and the store's claim on it are one transaction, so of any
 * number of instances starting together on one new database exactly one creates it.
 */
export async function ensureDemoTenant(store: Store, environment: Environment): Promise<string[] | null> {
  if (await store.getMeta(DEMO_USER_KEY)) return null;
  const password = random().bytes(12).toString('base64url');
  const developerToken = environment === 'sandbox' ? UNIVERSAL_SANDBOX_DEVELOPER_TOKEN : newDeveloperToken();
  const tenant = await claimTenant(store, DEMO_USER_KEY, {
    customerName: 'Demo Customer', accountName: 'Demo Account', userName: DEMO_USER_NAME, email: DEMO_USER_NAME,
    firstName: 'Demo', lastName: 'Admin', passwordHash: await hashPassword(password),
  }, environment === 'sandbox' ? undefined : { tokenHash: hashSecret(developerToken), hint: developerToken.slice(-4) });
  if (tenant === null) return null; // another instance created it meanwhile (and printed it)
  return [
    'Created the demo tenant:',
    `  customer  ${tenant.customer.name}  id ${tenant.customer.id}  number ${tenant.customer.number}`,
    `  account   ${tenant.account.name}  id ${tenant.account.id}  number ${tenant.account.number}  (Active, payment method ${tenant.paymentMethod.id})`,
    `  user      ${tenant.user.userName}  id ${tenant.user.id}  role Super Admin  password ${password}`,
    `  developer token  ${developerToken}${environment === 'sandbox' ? '  (the universal sandbox token)' : '  (shown only now)'}`,
    'Get an OAuth access token with:  npx adcenter token',
    `Lost the password? Set a new one with:  npx adcenter user password ${DEMO_USER_NAME}`,
  ];
}

/** For commands other than `serve`: creates the demo tenant if need be and prints it on stderr. */
export async function ensureDemoTenantPrinted(store: Store, environment: Environment): Promise<void> {
  const created = await ensureDemoTenant(store, environment);
  if (created) process.stderr.write(`${created.join('\n')}\n`);
}

/**
 * `serve` prints the demo tenant in its banner, once it listens. Should start-up fail before that
 * (a busy port), the lines go to stderr as the process exits; call the returned function once shown.
 */
export function showDemoTenantIfStartFails(created: string[] | null): () => void {
  if (created === null) return () => {};
  const onExit = (): void => { process.stderr.write(`${created.join('\n')}\n`); };
  process.once('exit', onExit);
  return () => { process.off('exit', onExit); };
}

/** The user a CLI command acts for: the one named, or the demo Super Admin (created if need be). */
export async function userOrDemo(store: Store, environment: Environment, userName: string | undefined): Promise<UserRecord> {
  await ensureDemoTenantPrinted(store, environment);
  const user = userName
    ? await store.getUserByName(userName)
    : await store.getUser(BigInt((await store.getMeta(DEMO_USER_KEY)) || '0'));
  if (!user) throw new Error(`No user named ${userName ?? 'demo'} in this store.`);
  return user;
}
