// Which aggregator manages an account. SignupCustomer, called by an aggregator, creates the client's
// account billed to the aggregator (BillToCustomerId: "either the aggregator that manages this
// account on behalf of the owner or the identifier of the customer that owns the account"). So an
// account is an aggregatee when it is billed to another customer that has an Aggregator (33) user.
import type { AccountRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { Role } from '../roles.js';

/** The aggregator customer managing the account, or null when it is managed by its owner. */
export async function managingAggregator(store: Store, account: AccountRecord, known?: Map<bigint, boolean>): Promise<bigint | null> {
  const billTo = account.billToCustomerId;
  if (billTo === null || billTo === account.customerId) return null;
  let isAggregator = known?.get(billTo);
  if (isAggregator === undefined) {
    isAggregator = (await store.listCustomerRoles(billTo)).some((r) => r.roleId === Role.Aggregator);
    known?.set(billTo, isAggregator);
  }
  return isAggregator ? billTo : null;
}
