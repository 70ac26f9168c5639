// MapCustomerIdToExternalCustomerId (undocumented; WSDL only): stores the external id a customer is
// known by elsewhere, replacing an earlier one. Super Admin or Aggregator of the customer (directly
// or through an agency's customer link), as for UpdateCustomer.
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { canChangeCustomer } from './customer-rules.js';
import { customerRoleOf, reachableCustomer, requireActive } from './reach.js';

/** The longest external id kept (no documented limit; bounded so a row stays small). */
export const EXTERNAL_CUSTOMER_ID_MAX_LENGTH = 100;

export const mapCustomerIdToExternalCustomerId: Handler<'MapCustomerIdToExternalCustomerId'> = async (ctx, request) => {
  const customer = await reachableCustomer(ctx, request.CustomerId);
  if (!canChangeCustomer(await customerRoleOf(ctx, customer))) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin or Aggregator of the customer can map it.');
  }
  requireActive(customer);
  const external = request.ExternalCustomerId?.trim() ?? '';
  if (external === '') throw new ApiError('NullParameter', 'ExternalCustomerId is required.');
  if (external.length > EXTERNAL_CUSTOMER_ID_MAX_LENGTH) {
    throw new ApiError('InvalidParameter', `ExternalCustomerId must be at most ${EXTERNAL_CUSTOMER_ID_MAX_LENGTH} characters.`);
  }
  await ctx.store.putCustomerExternalId(customer.id, external, ctx.user.id);
  return {};
};
