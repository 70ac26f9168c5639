// The operations this server implements: contract name → domain function. An operation of the
// contract without an entry here is answered with OperationNotSupported and left out of the WSDL.
import type { OperationName } from '../contract/values.js';
import type { Handler } from './context.js';
import { addAccount } from './accounts/add-account.js';
import { addPrepayAccount } from './accounts/add-prepay-account.js';
import { updatePrepayAccount } from './accounts/update-prepay-account.js';
import { validateAddress } from './addresses/validate-address.js';
import { dismissNotifications } from './notifications/dismiss-notifications.js';
import { getNotifications } from './notifications/get-notifications.js';
import { getAccountPilotFeatures } from './pilot-features/get-account-pilot-features.js';
import { getCustomerPilotFeatures } from './pilot-features/get-customer-pilot-features.js';
import { getPilotFeaturesCountries } from './pilot-features/get-pilot-features-countries.js';
import { deleteAccount } from './accounts/delete-account.js';
import { findAccounts } from './accounts/find-accounts.js';
import { findAccountsOrCustomersInfo } from './accounts/find-accounts-or-customers-info.js';
import { getAccount } from './accounts/get-account.js';
import { getAccountsInfo } from './accounts/get-accounts-info.js';
import { getLinkedAccountsAndCustomersInfo } from './accounts/get-linked-accounts-and-customers-info.js';
import { mapAccountIdToExternalAccountIds } from './accounts/map-account-id-to-external-account-ids.js';
import { searchAccounts } from './accounts/search-accounts.js';
import { updateAccount } from './accounts/update-account.js';
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
  DeleteAccount: deleteAccount,
  DeleteUser: deleteUser,
  FindAccounts: findAccounts,
  FindAccountsOrCustomersInfo: findAccountsOrCustomersInfo,
  GetAccount: getAccount,
  GetAccountsInfo: getAccountsInfo,
  GetLinkedAccountsAndCustomersInfo: getLinkedAccountsAndCustomersInfo,
  GetCurrentUser: getCurrentUser,
  GetUser: getUser,
  GetUserMFAStatus: getUserMFAStatus,
  GetUsersInfo: getUsersInfo,
  MapAccountIdToExternalAccountIds: mapAccountIdToExternalAccountIds,
  SearchAccounts: searchAccounts,
  SearchUserInvitations: searchUserInvitations,
  SendUserInvitation: sendUserInvitation,
  UpdateAccount: updateAccount,
  UpdateUser: updateUser,
  UpdateUserRoles: updateUserRoles,
  // Issue 8: pilot features, notifications, address validation, prepay accounts.
  AddPrepayAccount: addPrepayAccount,
  DismissNotifications: dismissNotifications,
  GetAccountPilotFeatures: getAccountPilotFeatures,
  GetCustomerPilotFeatures: getCustomerPilotFeatures,
  GetNotifications: getNotifications,
  GetPilotFeaturesCountries: getPilotFeaturesCountries,
  UpdatePrepayAccount: updatePrepayAccount,
  ValidateAddress: validateAddress,
};

export const implementedOperations = Object.keys(handlers) as OperationName[];
