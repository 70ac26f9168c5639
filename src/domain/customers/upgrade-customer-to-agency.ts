// UpgradeCustomerToAgency (undocumented; WSDL only): the customer's Super Admin marks it an agency.
// Upgrading a customer that already is one changes nothing and succeeds (idempotent), so a retried
// call is harmless. Client links do not depend on the flag (the docs never say they do).
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { Role } from '../roles.js';
import { reachableCustomer, requireActive } from './reach.js';

export const upgradeCustomerToAgency: Handler<'UpgradeCustomerToAgency'> = async (ctx, request) => {
  const customer = await reachableCustomer(ctx, request.CustomerId);
  // Directly: an agency's Super Admin does not turn its clients into agencies.
  if ((await ctx.access()).directCustomerRole(customer.id) !== Role.SuperAdmin) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin of the customer can upgrade it to an agency.');
  }
  requireActive(customer);
  if (!customer.isAgency) await ctx.store.markCustomerAgency(customer.id, ctx.user.id);
  return {};
};
