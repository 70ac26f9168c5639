// AddPrepayAccount (undocumented by Microsoft): AddAccount for a prepaid account — same request,
// rules, faults and response — with the business address held to the ValidateAddress rules, and
// the account marked prepaid (funds are added before its ads run; see docs/behaviour.md).
import type { Handler } from '../context.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { canAddAccounts } from '../roles.js';
import { addAccountWith } from './add-account.js';

export const addPrepayAccount: Handler<'AddPrepayAccount'> = async (ctx, request) => {
  const account = request.Account;
  const customerId = account?.ParentCustomerId;
  // Only once AddAccount's authorisation would pass, so a caller who may not add accounts still
  // learns nothing but 106 (AddAccount itself then checks everything else, in its order).
  if (account && customerId !== undefined && customerId > 0n
    && await ctx.store.getCustomer(customerId) && canAddAccounts((await ctx.access()).directCustomerRole(customerId))) {
    validateBusinessAddress(account.BusinessAddress, 'Account.BusinessAddress');
  }
  return addAccountWith(ctx, { Account: account ?? null }, { prepaid: true });
};
