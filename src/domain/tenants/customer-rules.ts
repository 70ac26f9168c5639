// The rules of a new customer's name, for whoever creates a tenant with one (the web sign-up).
import { ApiError } from '../../contract/api-error.js';

export const CUSTOMER_NAME_MAX = 100;

/** Required, at most 100 characters; returns the name. */
export function customerName(value: string, path: string): string {
  if (!value) throw new ApiError('NullParameter', `${path} is required.`);
  if (value.length > CUSTOMER_NAME_MAX) throw new ApiError('NameTooLong', `${path} must be at most ${CUSTOMER_NAME_MAX} characters.`);
  return value;
}
