// The operations this server implements: contract name → domain function. An operation of the
// contract without an entry here is answered with OperationNotSupported and left out of the WSDL.
import type { OperationName } from '../contract/values.js';
import type { Handler } from './context.js';
import { addAccount } from './accounts/add-account.js';
import { findAccounts } from './accounts/find-accounts.js';
import { getAccount } from './accounts/get-account.js';
import { getAccountsInfo } from './accounts/get-accounts-info.js';
import { searchAccounts } from './accounts/search-accounts.js';
import { updateAccount } from './accounts/update-account.js';
import { getCurrentUser, getUser } from './users/get-user.js';

export const handlers: { readonly [O in OperationName]?: Handler<O> } = {
  AddAccount: addAccount,
  FindAccounts: findAccounts,
  GetAccount: getAccount,
  GetAccountsInfo: getAccountsInfo,
  GetCurrentUser: getCurrentUser,
  GetUser: getUser,
  SearchAccounts: searchAccounts,
  UpdateAccount: updateAccount,
};

export const implementedOperations = Object.keys(handlers) as OperationName[];
