// Every operation of the contract → its domain function. The map is total: an operation added to
// the contract without a domain function does not compile, so none answers OperationNotSupported.
import type { OperationName } from '../contract/values.js';
import type { Handler } from './context.js';
import { addAccount } from './accounts/add-account.js';
import { addPrepayAccount } from './accounts/add-prepay-account.js';
import { deleteAccount } from './accounts/delete-account.js';
import { findAccountsOrCustomersInfo } from './accounts/find-accounts-or-customers-info.js';
import { findAccounts } from './accounts/find-accounts.js';
import { getAccount } from './accounts/get-account.js';
import { getAccountsInfo } from './accounts/get-accounts-info.js';
import { getLinkedAccountsAndCustomersInfo } from './accounts/get-linked-accounts-and-customers-info.js';
import { mapAccountIdToExternalAccountIds } from './accounts/map-account-id-to-external-account-ids.js';
import { searchAccounts } from './accounts/search-accounts.js';
import { updateAccount } from './accounts/update-account.js';
import { updatePrepayAccount } from './accounts/update-prepay-account.js';
import { validateAddress } from './addresses/validate-address.js';
import { addClientLinks } from './client-links/add-client-links.js';
import { searchClientLinks } from './client-links/search-client-links.js';
import { updateClientLinks } from './client-links/update-client-links.js';
import { deleteCustomer } from './customers/delete-customer.js';
import { getAccessibleCustomer } from './customers/get-accessible-customer.js';
import { getCustomer } from './customers/get-customer.js';
import { getCustomersInfo } from './customers/get-customers-info.js';
import { mapCustomerIdToExternalCustomerId } from './customers/map-customer-id.js';
import { searchCustomers } from './customers/search-customers.js';
import { signupCustomer } from './customers/signup-customer.js';
import { updateCustomer } from './customers/update-customer.js';
import { upgradeCustomerToAgency } from './customers/upgrade-customer-to-agency.js';
import { searchUserInvitations } from './invitations/search-user-invitations.js';
import { sendUserInvitation } from './invitations/send-user-invitation.js';
import { dismissNotifications } from './notifications/dismiss-notifications.js';
import { getNotifications } from './notifications/get-notifications.js';
import { getAccountPilotFeatures } from './pilot-features/get-account-pilot-features.js';
import { getCustomerPilotFeatures } from './pilot-features/get-customer-pilot-features.js';
import { getPilotFeaturesCountries } from './pilot-features/get-pilot-features-countries.js';
import { deleteUser } from './users/delete-user.js';
import { getUserMFAStatus } from './users/get-user-mfa-status.js';
import { getCurrentUser, getUser } from './users/get-user.js';
import { getUsersInfo } from './users/get-users-info.js';
import { updateUserRoles } from './users/update-user-roles.js';
import { updateUser } from './users/update-user.js';

export const handlers: { readonly [O in OperationName]: Handler<O> } = {
  AddAccount: addAccount,
  AddClientLinks: addClientLinks,
  AddPrepayAccount: addPrepayAccount,
  DeleteAccount: deleteAccount,
  DeleteCustomer: deleteCustomer,
  DeleteUser: deleteUser,
  DismissNotifications: dismissNotifications,
  FindAccounts: findAccounts,
  FindAccountsOrCustomersInfo: findAccountsOrCustomersInfo,
  GetAccessibleCustomer: getAccessibleCustomer,
  GetAccount: getAccount,
  GetAccountPilotFeatures: getAccountPilotFeatures,
  GetAccountsInfo: getAccountsInfo,
  GetCurrentUser: getCurrentUser,
  GetCustomer: getCustomer,
  GetCustomerPilotFeatures: getCustomerPilotFeatures,
  GetCustomersInfo: getCustomersInfo,
  GetLinkedAccountsAndCustomersInfo: getLinkedAccountsAndCustomersInfo,
  GetNotifications: getNotifications,
  GetPilotFeaturesCountries: getPilotFeaturesCountries,
  GetUser: getUser,
  GetUserMFAStatus: getUserMFAStatus,
  GetUsersInfo: getUsersInfo,
  MapAccountIdToExternalAccountIds: mapAccountIdToExternalAccountIds,
  MapCustomerIdToExternalCustomerId: mapCustomerIdToExternalCustomerId,
  SearchAccounts: searchAccounts,
  SearchClientLinks: searchClientLinks,
  SearchCustomers: searchCustomers,
  SearchUserInvitations: searchUserInvitations,
  SendUserInvitation: sendUserInvitation,
  SignupCustomer: signupCustomer,
  UpdateAccount: updateAccount,
  UpdateClientLinks: updateClientLinks,
  UpdateCustomer: updateCustomer,
  UpdatePrepayAccount: updatePrepayAccount,
  UpdateUser: updateUser,
  UpdateUserRoles: updateUserRoles,
  UpgradeCustomerToAgency: upgradeCustomerToAgency,
  ValidateAddress: validateAddress,
};

export const implementedOperations = Object.keys(handlers) as OperationName[];
