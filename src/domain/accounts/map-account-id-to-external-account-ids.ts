// MapAccountIdToExternalAccountIds (undocumented; request AccountId and ExternalAccountIds, empty
// response): records the identifiers another system uses for the account. The list replaces the
// previous one; nil or empty clears it. Mapping changes the account's settings in the caller's
// eyes, so it needs the roles that may update the account (Super Admin, Standard, Aggregator).
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { canUpdateAccounts } from '../roles.js';

export const MAX_EXTERNAL_IDS = 100;
export const EXTERNAL_ID_MAX_LENGTH = 100;

export const mapAccountIdToExternalAccountIds: Handler<'MapAccountIdToExternalAccountIds'> = async (ctx, request) => {
  const id = request.AccountId;
  if (id === undefined || id <= 0n) throw new ApiError('AccountIdInvalid', 'AccountId is required.');
  const account = await ctx.store.getAccount(id);
  if (!account) throw new ApiError('AccountIdInvalid', `AccountId ${id} is not a valid account identifier.`);
  if (!canUpdateAccounts((await ctx.access()).accountRole(account))) {
    throw new ApiError('UserIsNotAuthorized', 'The user may not change this account.');
  }
  const ids = externalIds(request.ExternalAccountIds);
  if (!(await ctx.store.setAccountExternalIds(account.id, ids))) {
    throw new ApiError('AccountIdInvalid', `AccountId ${id} is not a valid account identifier.`);
  }
  return {};
};

/** Trimmed, empty ones and duplicates dropped (first kept), each at most 100 characters, at most 100 of them. */
function externalIds(list: ReadonlyArray<string | null> | null | undefined): string[] {
  const out: string[] = [];
  for (const raw of list ?? []) {
    const value = (raw ?? '').trim();
    // An empty item is "not set", as an empty element is everywhere (suds sends <string/>).
    if (value === '') continue;
    if (value.length > EXTERNAL_ID_MAX_LENGTH) {
      throw new ApiError('InvalidParameter', `An external account identifier must be at most ${EXTERNAL_ID_MAX_LENGTH} characters.`);
    }
    if (!out.includes(value)) out.push(value);
  }
  if (out.length > MAX_EXTERNAL_IDS) throw new ApiError('InvalidParameter', `ExternalAccountIds takes at most ${MAX_EXTERNAL_IDS} identifiers.`);
  return out;
}
