// UpdatePrepayAccount (undocumented by Microsoft): UpdateAccount — full overwrite guarded by the
// TimeStamp — for an account created with AddPrepayAccount; the business address, when sent, is
// held to the ValidateAddress rules. A postpaid account is refused (201).
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { canUpdateAccounts, canUpdateAutoTagOnly } from '../roles.js';
import { updateAccount } from './update-account.js';

export const updatePrepayAccount: Handler<'UpdatePrepayAccount'> = async (ctx, request) => {
  const account = request.Account;
  const id = account?.Id;
  const current = id === undefined || id === null ? null : await ctx.store.getAccount(id);
  // Unknown ids, missing fields and callers without rights get UpdateAccount's own answers.
  if (current) {
    const role = (await ctx.access()).accountRole(current);
    if (canUpdateAccounts(role) || canUpdateAutoTagOnly(role)) {
      if (!(await ctx.store.isPrepayAccount(current.id))) {
        throw new ApiError('InvalidParameter', `Account ${current.id} is not a prepay account; update it with UpdateAccount.`);
      }
      if (account?.BusinessAddress) validateBusinessAddress(account.BusinessAddress, 'Account.BusinessAddress');
    }
  }
  return updateAccount(ctx, { Account: account ?? null });
};
