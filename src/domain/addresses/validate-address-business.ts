// The one BusinessAddress check for AddAccount, UpdateAccount, SignupCustomer and the prepay
// operations: the ValidateAddress rules plus a required BusinessName. Throws 1139 when the address
// is missing and 1140 naming the first broken rule.
import type { Entity } from '../../contract/values.js';
import { ApiError } from '../../contract/api-error.js';
import { addressProblems } from './validate-address-rules.js';

export function validateBusinessAddress(address: Entity<'Address'> | null | undefined, path: string): asserts address is Entity<'Address'> {
  if (!address) throw new ApiError('BusinessAddressRequired', `${path} is required.`);
  const [first] = addressProblems(address, { requireBusinessName: true });
  if (first) throw new ApiError('BusinessAddressInvalid', `${path}.${first.message}`);
}
