// UpdateCustomer: a full overwrite of the customer's writable fields (Name, Industry), guarded by
// its TimeStamp. MarketCountry, MarketLanguage and every other read-only field are kept whatever
// is sent; ServiceLevel "will be ignored"; CustomerAddress is "not used" and kept as stored.
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { checkTimeStamp, requireTimeStamp } from '../timestamps.js';
import { canChangeCustomer, customerName } from './customer-rules.js';
import { customerRoleOf, reachableCustomer, requireActive } from './reach.js';

export const updateCustomer: Handler<'UpdateCustomer'> = async (ctx, { Customer: customer }) => {
  if (!customer) throw new ApiError('CustomerNull', 'Customer is required.');
  if (customer.Id === undefined || customer.Id === null) throw new ApiError('NullParameter', 'Customer.Id is required.');
  // Authorisation before validation: nothing is said about a customer the caller may not change.
  const current = await reachableCustomer(ctx, customer.Id);
  if (!canChangeCustomer(await customerRoleOf(ctx, current))) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin or Aggregator of the customer can update it.');
  }
  requireActive(current);
  requireTimeStamp(customer.TimeStamp, 'Customer.TimeStamp');
  const expected = checkTimeStamp(customer.TimeStamp, current.version, 'Customer.TimeStamp', 'customer');
  const name = customerName(customer.Name);
  if (!customer.Industry) throw new ApiError('NullParameter', 'Customer.Industry is required.');

  const updated = await ctx.store.updateCustomer(current.id, expected, {
    name, industry: customer.Industry, lastModifiedByUserId: ctx.user.id,
  });
  if (!updated) throw new ApiError('TimestampNotMatch', 'The customer was changed by another request; get the customer again.');
  return { LastModifiedTime: updated.lastModifiedTime };
};
