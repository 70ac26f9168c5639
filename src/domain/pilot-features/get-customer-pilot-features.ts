// GetCustomerPilotFeatures: the pilots on for a customer the caller has a footing in.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { customerFlags } from './effective-flags.js';

export const getCustomerPilotFeatures: Handler<'GetCustomerPilotFeatures'> = async (ctx, { CustomerId: customerId }) => {
  if (customerId === undefined) throw new ApiError('NullParameter', 'CustomerId is required.');
  // An unknown customer and one out of reach answer alike (106), so ids cannot be probed.
  const customer = customerId > 0n ? await ctx.store.getCustomer(customerId) : null;
  if (!customer || !(await ctx.access()).touchesCustomer(customer.id)) {
    throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
  }
  return { FeaturePilotFlags: await customerFlags(ctx.store, customer.id, customer.marketCountry) };
};
