// SignupCustomer: an aggregator creates a new customer with one account that rolls up to it
// (signupcustomer.md; spec §1.3). "The Aggregator user role is required for SignupCustomer": the
// caller must hold role 33 on ParentCustomerId — a Super Admin of the aggregator "won't be able to
// call SignupCustomer". The tenant (customer, invoice payment method, account, the aggregator's
// aggregatee link, an existing user's Super Admin role) is written in one store transaction; an
// optional UserInvitation is then sent as SendUserInvitation sends one.
import type { Entity } from '../../contract/values.js';
import type { NewAccount, NewCustomer, UserInvitationRecord } from '../../store/records.js';
import { StoreConflict } from '../../store/store.js';
import type { Context, Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { businessAddressRecord } from '../addresses.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { accountName, DEFAULT_AUTO_TAG, DEFAULT_TIME_ZONE, taxInformation } from '../accounts/account-rules.js';
import { LINK_NAME_MAX } from '../client-links/add-client-links.js';
import { hashSecret, newInvitationSecret } from '../credentials.js';
import { INVITATION_LIFETIME_MS } from '../invitations/create-invitation.js';
import { invitationMessage } from '../invitations/invitation-message.js';
import { newAccountNumber, newCustomerNumber, newNestedId } from '../numbers.js';
import { Role } from '../roles.js';
import { customerName } from './customer-rules.js';
import { email, INVITED_NAME_MAX, personName } from '../users/person-rules.js';

/** "The role ID must be set to 41 or 203." */
const INVITATION_ROLES: readonly number[] = [Role.SuperAdmin, Role.StandardUser];
const NUMBER_ATTEMPTS = 5;

type Invitee = Omit<UserInvitationRecord, 'id' | 'customerId' | 'secretHash' | 'createdTime' | 'createdByUserId' | 'acceptedTime' | 'acceptedUserId'>;

export const signupCustomer: Handler<'SignupCustomer'> = async (ctx, request) => {
  const parentId = request.ParentCustomerId;
  if (parentId === undefined || parentId === null) throw new ApiError('NullParameter', 'ParentCustomerId is required.');
  const access = await ctx.access();
  if (!access.directCustomerRoles(parentId).includes(Role.Aggregator)) {
    throw new ApiError('UserIsNotAuthorized', 'The Aggregator user role on ParentCustomerId is required for SignupCustomer.');
  }
  if (!request.Customer) throw new ApiError('CustomerNull');
  if (!request.Account) throw new ApiError('NullParameter', 'Account is required.');
  const customer = newCustomer(request.Customer, ctx.user.id);
  const account = newAccount(request.Account, customer.name, parentId, ctx.user.id);
  if (request.User) throw new ApiError('InvalidParameter', 'User is available only in the Unified smart campaigns pilot, which this server does not run.');
  if (request.UserInvitation && request.UserId !== undefined && request.UserId !== null) {
    throw new ApiError('InvalidParameter', 'Set either UserInvitation or UserId, not both.');
  }
  const invitee = request.UserInvitation ? inviteeOf(request.UserInvitation, ctx.now()) : null;
  const roles = request.UserId === undefined || request.UserId === null
    ? [] : [{ userId: await existingUser(ctx, request.UserId, parentId), roleId: Role.SuperAdmin }];

  const created = await withFreshNumbers(() => ctx.store.signupCustomer({
    customer: { ...customer, number: newCustomerNumber() },
    paymentMethodType: 'Invoice',
    account: { ...account, number: newAccountNumber() },
    aggregatee: {
      type: 'AccountLink', managingCustomerId: parentId, status: 'Active', name: account.name.slice(0, LINK_NAME_MAX),
      note: null, isBillToClient: false, startDate: ctx.now(), inviterEmail: null, inviterName: null, inviterPhone: null,
      customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: ctx.user.id, createdTime: ctx.now(),
    },
    roles,
  }));
  if (invitee) {
    const secret = newInvitationSecret();
    // After the tenant (the message names the new customer's id), with its e-mail in one transaction.
    const invitation = { ...invitee, customerId: created.customer.id, secretHash: hashSecret(secret), createdByUserId: ctx.user.id };
    await ctx.store.insertUserInvitation(invitation, [await invitationMessage(ctx, invitation, secret)]);
  }
  return {
    CustomerId: created.customer.id, CustomerNumber: created.customer.number,
    AccountId: created.account.id, AccountNumber: created.account.number, CreateTime: created.customer.createdTime,
  };
};

/** Customer (customer.md, Add): Name, Industry, MarketCountry, MarketLanguage required; ServiceLevel must not be set; the rest is read-only. */
function newCustomer(input: Entity<'Customer'>, userId: bigint): Omit<NewCustomer, 'number'> {
  const name = customerName(input.Name);
  if (!input.Industry) throw new ApiError('NullParameter', 'Customer.Industry is required.');
  const country = input.MarketCountry?.trim();
  if (!country) throw new ApiError('NullParameter', 'Customer.MarketCountry is required.');
  if (!/^[A-Za-z]{2}$/.test(country)) throw new ApiError('InvalidParameter', 'Customer.MarketCountry must be a two-letter country code.');
  if (!input.MarketLanguage) throw new ApiError('NullParameter', 'Customer.MarketLanguage is required.');
  // "If this element is set when calling SignupCustomer an error will be returned."
  if (input.ServiceLevel) throw new ApiError('InvalidParameter', 'Customer.ServiceLevel cannot be set by SignupCustomer.');
  return {
    name, industry: input.Industry, marketCountry: country.toUpperCase(), marketLanguage: input.MarketLanguage,
    financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active', serviceLevel: 'SelfServe', address: null,
    isAgency: false, lastModifiedByUserId: userId,
  };
}

/**
 * The account: Name and CurrencyCode required, PaymentMethodId "set … to NULL" (the service bills
 * the aggregator's invoice), BusinessAddress required — its BusinessName defaults to the customer
 * name, since the official examples send none. Billed to the aggregator; primary user the caller.
 */
function newAccount(
  input: Entity<'AdvertiserAccount'>, customer: string, parentId: bigint, userId: bigint,
): Omit<NewAccount, 'customerId' | 'paymentMethodId' | 'number'> {
  const name = accountName(input);
  if (!input.CurrencyCode) throw new ApiError('NullParameter', 'Account.CurrencyCode is required.');
  if (input.PaymentMethodId !== undefined && input.PaymentMethodId !== null) {
    throw new ApiError('InvalidParameter', 'Account.PaymentMethodId must be null: the account is billed through the aggregator.');
  }
  const address = input.BusinessAddress
    ? { ...input.BusinessAddress, BusinessName: input.BusinessAddress.BusinessName || customer }
    : input.BusinessAddress;
  validateBusinessAddress(address, 'Account.BusinessAddress');
  return {
    name, currencyCode: input.CurrencyCode, financialStatus: 'ClearFinancialStatus', language: input.Language ?? null,
    lifeCycleStatus: 'Active', pauseReason: null, billToCustomerId: parentId, primaryUserId: userId,
    timeZone: input.TimeZone ?? DEFAULT_TIME_ZONE, autoTagType: input.AutoTagType ?? DEFAULT_AUTO_TAG,
    salesHouseCustomerId: null, backUpPaymentInstrumentId: null, billingThresholdAmount: null,
    soldToPaymentInstrumentId: null, accountMode: 'Expert',
    businessAddress: businessAddressRecord(address, newNestedId()),
    taxInformation: taxInformation(input), lastModifiedByUserId: userId,
  };
}

/** UserInvitation in the Signup context: Email, FirstName, LastName (≤ 40), RoleId 41 or 203; CustomerId read-only. */
function inviteeOf(input: Entity<'UserInvitation'>, now: Date): Invitee {
  const firstName = personName(input.FirstName, INVITED_NAME_MAX, 'UserInvitation.FirstName');
  const lastName = personName(input.LastName, INVITED_NAME_MAX, 'UserInvitation.LastName');
  const address = email(input.Email, 'UserInvitation.Email');
  if (input.RoleId === undefined) throw new ApiError('NullParameter', 'UserInvitation.RoleId is required.');
  if (!INVITATION_ROLES.includes(input.RoleId)) {
    throw new ApiError('InvalidParameter', 'UserInvitation.RoleId must be 41 (Super Admin) or 203 (Standard User).');
  }
  return {
    firstName, lastName, email: address, roleId: input.RoleId, accountIds: null, lcid: input.Lcid ?? 'EnglishUS',
    expirationDate: new Date(now.getTime() + INVITATION_LIFETIME_MS),
  };
}

/** "An existing user who will be added as Super Admin in the new customer": a user of the aggregator. */
async function existingUser(ctx: Context, userId: bigint, parentId: bigint): Promise<bigint> {
  const user = await ctx.store.getUser(userId);
  const roles = user ? await ctx.store.listUserRoles(user.id) : [];
  if (!user || user.lifeCycleStatus !== 'Active' || (user.customerId !== parentId && !roles.some((r) => r.customerId === parentId))) {
    throw new ApiError('UserIsNotAuthorized', 'UserId must be an active user of the parent customer.');
  }
  return user.id;
}

/** Numbers are random; a clash with an existing one (unique index) is retried with new numbers. */
async function withFreshNumbers<T>(signup: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signup();
    } catch (err) {
      const clash = err instanceof StoreConflict && (err.what === 'customer_number' || err.what === 'account_number');
      if (!clash || attempt >= NUMBER_ATTEMPTS) throw err;
    }
  }
}
