// GetLinkedAccountsAndCustomersInfo: "the customer and account hierarchy under the specified
// customer". From the documented L1 → L2 → L3 example: AccountsInfo holds the customer's own
// accounts and the client accounts it manages through an Active account link; CustomersInfo the
// customers linked directly under it through an Active customer link (one level, never their
// accounts). OnlyParentAccounts limits the answer to the customer's own accounts.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { accountInfo } from './account-entity.js';

const ACTIVE = ['Active'];

export const getLinkedAccountsAndCustomersInfo: Handler<'GetLinkedAccountsAndCustomersInfo'> = async (ctx, request) => {
  const customerId = request.CustomerId ?? ctx.user.customerId;
  const access = await ctx.access();
  if (!access.touchesCustomer(customerId)) throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
  const linkedAccountIds: bigint[] = [];
  const linkedCustomerIds: bigint[] = [];
  if (!request.OnlyParentAccounts) {
    for (const link of await ctx.store.listClientLinksByManager([customerId], ACTIVE)) {
      (link.type === 'CustomerLink' ? linkedCustomerIds : linkedAccountIds).push(link.clientEntityId);
    }
  }
  const accounts = await ctx.store.queryAccountInfos({ scope: { customerIds: [customerId], accountIds: linkedAccountIds } });
  // The hierarchy below a customer is the business of those who hold the whole customer; a user
  // restricted to some of its accounts sees those accounts only.
  const wholeCustomer = access.customerRole(customerId) !== undefined;
  const customers = wholeCustomer ? await ctx.store.getCustomers(linkedCustomerIds) : [];
  return {
    AccountsInfo: accounts.filter((a) => access.canReadAccount(a)).map(accountInfo),
    CustomersInfo: customers.map((c) => ({ Id: c.id, Name: c.name })),
  };
};
