// The demo tenant a fresh store starts with, so that the README's first command leads straight
// to a working API call.
import { hashPassword } from '../auth/passwords.js';
import { issueDeveloperToken } from '../domain/developer-tokens/issue-developer-token.js';
import { UNIVERSAL_SANDBOX_DEVELOPER_TOKEN } from '../auth/scopes.js';
import type { Environment } from '../contract/environment.js';
import { createTenant } from '../domain/tenants/create-tenant.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { random } from '../contract/ambient.js';

export const DEMO_USER_KEY = 'demo_user_id';
export const DEMO_USER_NAME = 'admin@adcenter.local';

/** Creates the demo tenant once; returns the lines to print, or null when the store already had it. */
export async function ensureDemoTenant(store: Store, environment: Environment): Promise<string[] | null> {
  if (await store.getMeta(DEMO_USER_KEY)) return null;
  const password = random().bytes(12).toString('base64url');
  const tenant = await createTenant(store, {
    customerName: 'Demo Customer', accountName: 'Demo Account', userName: DEMO_USER_NAME, email: DEMO_USER_NAME,
    firstName: 'Demo', lastName: 'Admin', passwordHash: await hashPassword(password),
  });
  await store.setMeta(DEMO_USER_KEY, tenant.user.id.toString());
  const developerToken = environment === 'sandbox' ? UNIVERSAL_SANDBOX_DEVELOPER_TOKEN : await issueDeveloperToken(store, tenant.user.id);
  return [
    'Created the demo tenant:',
    `  customer  ${tenant.customer.name}  id ${tenant.customer.id}  number ${tenant.customer.number}`,
    `  account   ${tenant.account.name}  id ${tenant.account.id}  number ${tenant.account.number}  (Active, payment method ${tenant.paymentMethod.id})`,
    `  user      ${tenant.user.userName}  id ${tenant.user.id}  role Super Admin  password ${password}`,
    `  developer token  ${developerToken}${environment === 'sandbox' ? '  (the universal sandbox token)' : '  (shown only now)'}`,
    'Get an OAuth access token with:  npx adcenter token',
  ];
}

/** The user a CLI command acts for: the one named, or the demo Super Admin (created if need be). */
export async function userOrDemo(store: Store, environment: Environment, userName: string | undefined): Promise<UserRecord> {
  await ensureDemoTenant(store, environment);
  const user = userName
    ? await store.getUserByName(userName)
    : await store.getUser(BigInt((await store.getMeta(DEMO_USER_KEY)) ?? '0'));
  if (!user) throw new Error(`No user named ${userName ?? 'demo'} in this store.`);
  return user;
}
