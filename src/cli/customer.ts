// `adcenter customer create`: an operator sets up the hierarchy — a customer (optionally an agency)
// with its first account and its Super Admin. Prints the ids as key=value lines on stdout, the
// password among them, shown only this once (only its hash is stored).
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords.js';
import { ApiError } from '../contract/api-error.js';
import { createHierarchyCustomer } from '../domain/customers/create-customer.js';
import { withStore, type StoreOptions } from './store-options.js';

export interface CustomerCreateOptions extends StoreOptions {
  name: string;
  email: string;
  agency?: boolean | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  accountName?: string | undefined;
}

export function createCustomer(options: CustomerCreateOptions): Promise<void> {
  return withStore(options, async (store, environment) => {
    const password = randomBytes(12).toString('base64url');
    const tenant = await createHierarchyCustomer(store, {
      name: options.name, email: options.email, firstName: options.firstName, lastName: options.lastName,
      accountName: options.accountName, isAgency: options.agency ?? false, passwordHash: await hashPassword(password),
    }).catch((err: unknown) => {
      throw err instanceof ApiError ? new Error(err.errors[0]?.details ?? err.message) : err;
    });
    process.stderr.write(`Created ${tenant.customer.isAgency ? 'agency ' : ''}customer "${tenant.customer.name}" (${environment}); the password is shown only now.\n`);
    process.stdout.write([
      `customer_id=${tenant.customer.id}`,
      `customer_number=${tenant.customer.number}`,
      `agency=${tenant.customer.isAgency}`,
      `account_id=${tenant.account.id}`,
      `account_number=${tenant.account.number}`,
      `user_id=${tenant.user.id}`,
      `user_name=${tenant.user.userName}`,
      `password=${password}`,
      '',
    ].join('\n'));
  });
}
