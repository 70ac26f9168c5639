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
import { addClientLinks } from './client-links/add-client-links.js';
import { searchClientLinks } from './client-links/search-client-links.js';
import { updateClientLinks } from './client-links/update-client-links.js';
import { signupCustomer } from './customers/signup-customer.js';
import { searchUserInvitations } from './invitations/search-user-invitations.js';
import { sendUserInvitation } from './invitations/send-user-invitation.js';
import { deleteUser } from './users/delete-user.js';
import { getCurrentUser, getUser } from './users/get-user.js';
import { getUserMFAStatus } from './users/get-user-mfa-status.js';
import { getUsersInfo } from './users/get-users-info.js';
import { updateUser } from './users/update-user.js';
import { updateUserRoles } from './users/update-user-roles.js';

export const handlers: { readonly [O in OperationName]?: Handler<O> } = {
  AddAccount: addAccount,
  AddClientLinks: addClientLinks,
  DeleteUser: deleteUser,
  FindAccounts: findAccounts,
  GetAccount: getAccount,
  GetAccountsInfo: getAccountsInfo,
  GetCurrentUser: getCurrentUser,
  GetUser: getUser,
  GetUserMFAStatus: getUserMFAStatus,
  GetUsersInfo: getUsersInfo,
  SearchAccounts: searchAccounts,
  SearchClientLinks: searchClientLinks,
  SearchUserInvitations: searchUserInvitations,
  SendUserInvitation: sendUserInvitation,
  SignupCustomer: signupCustomer,
  UpdateAccount: updateAccount,
  UpdateClientLinks: updateClientLinks,
  UpdateUser: updateUser,
  UpdateUserRoles: updateUserRoles,
};

export const implementedOperations = Object.keys(handlers) as OperationName[];
