// Which customers a caller reaches: those they hold a role on (over the whole customer or some of
// its accounts) and, for roles over a whole agency customer, the client customers of its active
// customer links (Access). An account link reaches the account, not the customer that owns it.
import { ApiError } from '../../contract/api-error.js';
import type { CustomerRecord } from '../../store/records.js';
import type { Context } from '../context.js';

/** The customer, when the caller reaches it; 106 otherwise — for unknown ids too, to leak nothing. */
export async function reachableCustomer(ctx: Context, id: bigint | null | undefined): Promise<CustomerRecord> {
  const access = await ctx.access();
  const customer = id === undefined || id === null ? null : await ctx.store.getCustomer(id);
  if (!customer || !access.touchesCustomer(customer.id)) {
    throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
  }
  return customer;
}

/** The role that lets the caller change a customer: direct, or through an agency's customer link. */
export async function customerRoleOf(ctx: Context, customer: CustomerRecord): Promise<number | undefined> {
  return (await ctx.access()).customerRole(customer.id);
}

/** Writes to a deleted customer: "The entity does not exist." */
export function requireActive(customer: CustomerRecord): void {
  if (customer.lifeCycleStatus !== 'Active') {
    throw new ApiError('EntityNotExistent', `Customer ${customer.id} was deleted.`);
  }
}
