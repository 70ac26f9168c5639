// An operator setting up the hierarchy (`adcenter customer create`): a new customer — optionally
// an agency — with its first account and its Super Admin, after the API's own field rules.
import { ApiError } from '../../contract/api-error.js';
import type { Store } from '../../store/store.js';
import { StoreConflict } from '../../store/store.js';
import { createTenant, type Tenant } from '../tenants/create-tenant.js';
import { email, INVITED_NAME_MAX, personName } from '../users/person-rules.js';
import { customerName } from './customer-rules.js';

export interface NewHierarchyCustomer {
  name: string;
  email: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  accountName?: string | undefined;
  isAgency: boolean;
  passwordHash: string;
}

/** Throws ApiError for a refused field or a user name (e-mail) already taken. */
export async function createHierarchyCustomer(store: Store, c: NewHierarchyCustomer): Promise<Tenant> {
  const name = customerName(c.name);
  const address = email(c.email.trim(), 'Email');
  const firstName = personName(c.firstName ?? 'Super', INVITED_NAME_MAX, 'FirstName');
  const lastName = personName(c.lastName ?? 'Admin', INVITED_NAME_MAX, 'LastName');
  try {
    return await createTenant(store, {
      customerName: name, accountName: c.accountName?.trim() || `${name} account`, userName: address, email: address,
      firstName, lastName, passwordHash: c.passwordHash, isAgency: c.isAgency,
    });
  } catch (err) {
    if (err instanceof StoreConflict && err.what === 'user_name') {
      throw new ApiError('InvalidParameter', `A user named ${address} already exists.`);
    }
    throw err;
  }
}
