// DeleteCustomer: "Only internal account managers can delete customers." Every customer role
// gets 106; an operator-designated account manager (`adcenter user account-manager`) may delete
// any customer with its current TimeStamp. The customer and its accounts become Inactive and stay
// readable; users keep their roles (docs/behaviour.md "Customers").
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { checkTimeStamp, requireTimeStamp } from '../timestamps.js';
import { requireActive } from './reach.js';

export const deleteCustomer: Handler<'DeleteCustomer'> = async (ctx, request) => {
  if (!(await ctx.store.isAccountManager(ctx.user.id))) {
    throw new ApiError('UserIsNotAuthorized', 'Only internal account managers can delete customers.');
  }
  const current = request.CustomerId === undefined ? null : await ctx.store.getCustomer(request.CustomerId);
  if (!current) throw new ApiError('EntityNotExistent', `Customer ${request.CustomerId ?? ''} does not exist.`);
  requireActive(current);
  requireTimeStamp(request.TimeStamp, 'TimeStamp');
  const expected = checkTimeStamp(request.TimeStamp, current.version, 'TimeStamp', 'customer');
  const deleted = await ctx.store.deleteCustomer(current.id, expected, ctx.user.id);
  if (!deleted) throw new ApiError('TimestampNotMatch', 'The customer was changed by another request; get the customer again.');
  return {};
};
