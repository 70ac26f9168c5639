// The account list of a role (UpdateUserRoles, SendUserInvitation): accounts of that one customer.
import type { Store } from '../../store/store.js';
import { ApiError } from '../../contract/api-error.js';

/**
 * Checks that every id is an account of the customer and drops duplicates. An unknown id and an
 * account of another customer both give 2108, so the answer says nothing about other customers.
 * An empty list is "not set" (as an empty element is everywhere else) and comes back null.
 */
export async function accountsOfCustomer(
  store: Store, customerId: bigint, ids: readonly bigint[] | null | undefined, path: string,
): Promise<bigint[] | null> {
  if (!ids || ids.length === 0) return null;
  const unique = [...new Set(ids)];
  const found = await store.getAccounts(unique);
  const ours = new Set(found.filter((a) => a.customerId === customerId).map((a) => a.id));
  const stray = unique.find((id) => !ours.has(id));
  if (stray !== undefined) {
    throw new ApiError('AccountIdInvalid', `${path} contains ${stray}, which is not an account of customer ${customerId}.`);
  }
  return unique;
}
