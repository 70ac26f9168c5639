// The rules of a customer's writable fields and of who may change a customer (customer.md,
// updatecustomer.md, guides/account-hierarchy-permissions.md).
import { ApiError } from '../../contract/api-error.js';
import { Role } from '../roles.js';
import { typeLimits } from '../../contract/limits.js';

/** customer.md: "The name can contain a maximum of 90 characters." */
export const CUSTOMER_NAME_MAX_LENGTH = typeLimits.Customer!.Name!.maxLength!;

/**
 * "Only a user with Super Admin credentials can update customers"; an Aggregator may do every
 * write but DeleteCustomer, so it may too.
 */
export function canChangeCustomer(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.Aggregator;
}

/**
 * The one rule of a customer's name, for SignupCustomer, UpdateCustomer, `adcenter customer create`
 * and the web sign-up: required, trimmed, at most 90 characters (203 / 211); returns the name.
 */
export function customerName(value: string | null | undefined, path = 'Customer.Name'): string {
  const name = value?.trim() ?? '';
  if (name === '') throw new ApiError('NullParameter', `${path} is required.`);
  if (name.length > CUSTOMER_NAME_MAX_LENGTH) {
    throw new ApiError('NameTooLong', `${path} must be at most ${CUSTOMER_NAME_MAX_LENGTH} characters.`);
  }
  return name;
}
