// What the store keeps: plain records, independent of SOAP/REST shapes. Ids are 64-bit and stay
// bigint from SQL to the wire. `version` is the row version behind the API's TimeStamp: it
// grows on every write, so a TimeStamp read earlier no longer matches after any change. Fields
// holding a contract enumeration have its type; the row mappers check the text they read against
// the enumeration's values (enums.ts), so a record never carries a value the wire cannot say.
import type { EnumValue } from './enums.js';

export interface AddressRecord {
  id: bigint;
  businessName: string | null;
  line1: string | null;
  line2: string | null;
  line3: string | null;
  line4: string | null;
  city: string | null;
  stateOrProvince: string | null;
  postalCode: string | null;
  countryCode: string | null;
}

export interface KeyValueRecord {
  key: string | null;
  value: string | null;
}

export interface CustomerRecord {
  id: bigint;
  number: string;
  name: string;
  industry: EnumValue<'Industry'> | null;
  marketCountry: string | null;
  marketLanguage: EnumValue<'LanguageType'> | null;
  financialStatus: EnumValue<'CustomerFinancialStatus'> | null;
  lifeCycleStatus: EnumValue<'CustomerLifeCycleStatus'>;
  serviceLevel: EnumValue<'ServiceLevel'> | null;
  address: AddressRecord | null;
  /** An agency customer may manage other customers' accounts through client links. */
  isAgency: boolean;
  version: bigint;
  createdTime: Date;
  lastModifiedTime: Date;
  lastModifiedByUserId: bigint | null;
}
export type NewCustomer = Omit<CustomerRecord, 'id' | 'version' | 'createdTime' | 'lastModifiedTime'>;
/** What UpdateCustomer overwrites; everything else of a customer is read-only. */
export type CustomerChanges = Pick<CustomerRecord, 'name' | 'industry' | 'lastModifiedByUserId'>;

/** The external id a customer is mapped to (MapCustomerIdToExternalCustomerId). */
export interface CustomerExternalIdRecord {
  customerId: bigint;
  externalCustomerId: string;
  lastModifiedTime: Date;
  lastModifiedByUserId: bigint | null;
}

export interface AccountRecord {
  id: bigint;
  customerId: bigint;
  number: string;
  name: string;
  currencyCode: EnumValue<'CurrencyCode'>;
  financialStatus: EnumValue<'AccountFinancialStatus'> | null;
  language: EnumValue<'LanguageType'> | null;
  lifeCycleStatus: EnumValue<'AccountLifeCycleStatus'>;
  pauseReason: number | null;
  paymentMethodId: bigint | null;
  billToCustomerId: bigint | null;
  primaryUserId: bigint | null;
  timeZone: EnumValue<'TimeZoneType'> | null;
  autoTagType: EnumValue<'AutoTagType'> | null;
  salesHouseCustomerId: bigint | null;
  backUpPaymentInstrumentId: bigint | null;
  /** Decimal text, so no precision is lost. */
  billingThresholdAmount: string | null;
  soldToPaymentInstrumentId: bigint | null;
  accountMode: string | null;
  businessAddress: AddressRecord | null;
  taxInformation: KeyValueRecord[] | null;
  version: bigint;
  createdTime: Date;
  lastModifiedTime: Date;
  lastModifiedByUserId: bigint | null;
}
/**
 * What a list of accounts as AccountInfo needs (and customerId, for the caller's access checks):
 * a search answering only these reads only their columns (Store.queryAccountInfos).
 */
export type AccountInfoRecord = Pick<AccountRecord, 'id' | 'customerId' | 'number' | 'name' | 'lifeCycleStatus' | 'pauseReason'>;
export type NewAccount = Omit<AccountRecord, 'id' | 'version' | 'createdTime' | 'lastModifiedTime'>;
/** Fields an update may change (everything but identity, owner, number, currency and audit fields). */
export type AccountChanges = Omit<AccountRecord, 'id' | 'customerId' | 'number' | 'currencyCode' | 'version' | 'createdTime'>;

export interface PaymentMethodRecord {
  id: bigint;
  customerId: bigint;
  type: EnumValue<'PaymentMethodType'>;
  createdTime: Date;
}

export interface ContactInfoRecord {
  id: bigint;
  email: string | null;
  emailFormat: EnumValue<'EmailFormat'> | null;
  phone1: string | null;
  phone2: string | null;
  mobile: string | null;
  homePhone: string | null;
  fax: string | null;
  contactByPhone: boolean | null;
  contactByPostalMail: boolean | null;
  address: AddressRecord | null;
}

export interface UserRecord {
  id: bigint;
  /** The customer the user was created in (User.CustomerId). Access comes from roles. */
  customerId: bigint;
  /** Sign-in name; unique across the store. */
  userName: string;
  firstName: string | null;
  lastName: string | null;
  middleInitial: string | null;
  jobTitle: string | null;
  lcid: EnumValue<'LCID'> | null;
  contactInfo: ContactInfoRecord | null;
  lifeCycleStatus: EnumValue<'UserLifeCycleStatus'>;
  /** A KDF hash (see auth/passwords); never returned by the API. */
  passwordHash: string | null;
  version: bigint;
  createdTime: Date;
  lastModifiedTime: Date;
  lastModifiedByUserId: bigint | null;
}
export type NewUser = Omit<UserRecord, 'id' | 'version' | 'createdTime' | 'lastModifiedTime'>;
export type UserChanges = Omit<UserRecord, 'id' | 'customerId' | 'userName' | 'passwordHash' | 'version' | 'createdTime'>;

/** A role of a user on a customer: over the whole customer (accountIds null) or some accounts. */
export interface UserRoleRecord {
  userId: bigint;
  customerId: bigint;
  roleId: number;
  accountIds: bigint[] | null;
}

/**
 * An invitation to sign up under a customer with a role (SendUserInvitation). Pending until
 * accepted; an expired one stays pending (SearchUserInvitations lists it) but cannot be accepted.
 */
export interface UserInvitationRecord {
  id: bigint;
  customerId: bigint;
  firstName: string;
  lastName: string;
  email: string;
  roleId: number;
  /** The accounts the invitee will reach; null = the whole customer (current and future accounts). */
  accountIds: bigint[] | null;
  lcid: EnumValue<'LCID'>;
  expirationDate: Date;
  /** SHA-256 of the acceptance secret sent to the invitee; the secret itself is never stored. */
  secretHash: string;
  createdTime: Date;
  createdByUserId: bigint;
  acceptedTime: Date | null;
  /** The user created by accepting it. */
  acceptedUserId: bigint | null;
}
export type NewUserInvitation = Omit<UserInvitationRecord, 'id' | 'createdTime' | 'acceptedTime' | 'acceptedUserId'>;

/** A user's role on one customer, without the user (the user does not exist yet, or is implied). */
export type RoleGrant = Omit<UserRoleRecord, 'userId'>;
/** Which role of a user: the customer and the role id (a user may hold several roles on one customer). */
export type RoleKey = Pick<UserRoleRecord, 'customerId' | 'roleId'>;

/** An agency's management of a client account or customer (the data behind ClientLink). */
export interface ClientLinkRecord {
  id: bigint;
  type: 'AccountLink' | 'CustomerLink';
  clientEntityId: bigint;
  managingCustomerId: bigint;
  status: EnumValue<'ClientLinkStatus'>;
  name: string | null;
  note: string | null;
  isBillToClient: boolean | null;
  startDate: Date | null;
  inviterEmail: string | null;
  inviterName: string | null;
  inviterPhone: string | null;
  customerLinkPermission: string | null;
  suppressNotification: boolean;
  /**
   * SignupCustomer's link from the aggregator to the account it created: it grants access like an
   * Active AccountLink, but no ClientLink operation shows or changes it ("you cannot delink them").
   */
  aggregatee: boolean;
  version: bigint;
  /** When the link was requested (LinkPending expires 30 days later). */
  createdTime: Date;
  lastModifiedTime: Date;
  lastModifiedByUserId: bigint | null;
}
/** `aggregatee` defaults to false, `createdTime` to the time of the insert. */
export type NewClientLink = Omit<ClientLinkRecord, 'id' | 'version' | 'lastModifiedTime' | 'createdTime' | 'aggregatee'>
  & { aggregatee?: boolean; createdTime?: Date };
/** What UpdateClientLinks may change. */
export type ClientLinkChanges = Pick<ClientLinkRecord, 'status' | 'note' | 'lastModifiedByUserId'>;

/**
 * SignupCustomer's new tenant, written in one transaction: the customer, the payment method its
 * account is billed through, the account, the managing customer's aggregatee link to it, and the
 * roles of existing users on the new customer.
 */
export interface NewCustomerSignup {
  customer: NewCustomer;
  paymentMethodType: EnumValue<'PaymentMethodType'>;
  account: Omit<NewAccount, 'customerId' | 'paymentMethodId'>;
  aggregatee: Omit<NewClientLink, 'clientEntityId' | 'aggregatee'>;
  roles: ReadonlyArray<{ userId: bigint; roleId: number }>;
}
export interface CustomerSignupRecord {
  customer: CustomerRecord;
  paymentMethod: PaymentMethodRecord;
  account: AccountRecord;
  link: ClientLinkRecord;
}

/**
 * A new tenant: a customer with its first user (holding `roleId` on it), a payment method and an
 * account billed to the customer through that payment method, whose primary user (and last
 * modifier) is the new user. Written together or not at all (TenantStore.createTenant).
 */
export interface NewTenant {
  customer: NewCustomer;
  user: Omit<NewUser, 'customerId'>;
  roleId: number;
  paymentMethodType: EnumValue<'PaymentMethodType'>;
  account: Omit<NewAccount, 'customerId' | 'paymentMethodId' | 'billToCustomerId' | 'primaryUserId' | 'lastModifiedByUserId'>;
  /** A developer token of the new user (its hash and hint), issued in the same transaction. */
  developerToken?: Omit<NewDeveloperToken, 'userId'>;
  /**
   * A meta key the tenant claims (the demo tenant's): inserted if absent, its value the new user's
   * id. When another transaction holds or held it, nothing is written.
   */
  claimMetaKey?: string;
}
export interface TenantRecord {
  customer: CustomerRecord;
  user: UserRecord;
  paymentMethod: PaymentMethodRecord;
  account: AccountRecord;
}

export interface DeveloperTokenRecord {
  id: bigint;
  userId: bigint;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: string;
  /** The last four characters, to tell tokens apart in listings. */
  hint: string;
  createdTime: Date;
  revokedTime: Date | null;
}
export type NewDeveloperToken = Omit<DeveloperTokenRecord, 'id' | 'createdTime' | 'revokedTime'>;

export interface AccessTokenRecord {
  /** SHA-256 of the bearer token. */
  tokenHash: string;
  userId: bigint;
  clientId: string;
  scope: string;
  expiresAt: Date;
  createdTime: Date;
  revokedTime: Date | null;
  /** The OAuth grant (authorization code and its refresh chain) the token was issued under; null otherwise. */
  grantId: string | null;
}
/** `grantId` is optional on insert: tokens not born of an OAuth grant (CLI, demo tenant) have none. */
export type NewAccessToken = Omit<AccessTokenRecord, 'createdTime' | 'revokedTime' | 'grantId'> & { grantId?: string | null };

/**
 * A message the server "sent" (invitation links, sign-up confirmations). There is no mail
 * server here: messages are kept in this outbox, where tests and operators read them.
 */
export interface OutboxMessageRecord {
  id: bigint;
  /** The recipient's address as given; matched case-insensitively by listOutboxMessages. */
  to: string;
  subject: string;
  body: string;
  createdTime: Date;
}
export type NewOutboxMessage = Omit<OutboxMessageRecord, 'id'>;

/** An application registered to use the OAuth authorization server (Azure's "app registration"). */
export interface OAuthClientRecord {
  /** Random, GUID-shaped, public. */
  clientId: string;
  name: string;
  /** Registered redirect URIs, in registration order (see auth/oauth/redirect-uris for matching). */
  redirectUris: string[];
  /** A confidential ("web") client authenticates with its secret at the token endpoint. */
  confidential: boolean;
  /** SHA-256 of the client secret (confidential clients only); the secret is shown once. */
  secretHash: string | null;
  ownerUserId: bigint;
  createdTime: Date;
}
export type NewOAuthClient = Omit<OAuthClientRecord, 'createdTime'>;

export type PkceMethod = 'S256' | 'plain';

/** An authorization code: single use, short-lived, bound to client, user, redirect URI and PKCE challenge. */
export interface AuthorizationCodeRecord {
  /** SHA-256 of the code. */
  codeHash: string;
  /** Names the consent this code came from; every token issued from it carries the same id. */
  grantId: string;
  clientId: string;
  userId: bigint;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: PkceMethod | null;
  expiresAt: Date;
  createdTime: Date;
  /** Set once, atomically, when the code is redeemed. */
  usedTime: Date | null;
}
export type NewAuthorizationCode = Omit<AuthorizationCodeRecord, 'createdTime' | 'usedTime'>;

/** A refresh token: rotated on every use (the presented one is revoked as the next is issued). */
export interface RefreshTokenRecord {
  /** SHA-256 of the token. */
  tokenHash: string;
  grantId: string;
  clientId: string;
  userId: bigint;
  scope: string;
  expiresAt: Date;
  createdTime: Date;
  revokedTime: Date | null;
}
export type NewRefreshToken = Omit<RefreshTokenRecord, 'createdTime' | 'revokedTime'>;

/** A signed-in browser session of the web application (the cookie names it; revoking it signs out). */
export interface WebSessionRecord {
  /** SHA-256 of the random session id the cookie carries. */
  sessionHash: string;
  userId: bigint;
  /** Echoed in every form of the session, so a cross-site POST cannot act for the user. */
  csrf: string;
  createdTime: Date;
  expiresAt: Date;
  revokedTime: Date | null;
}
export type NewWebSession = Omit<WebSessionRecord, 'createdTime' | 'revokedTime'>;

/** A "forgot password" link: used once, before it expires. */
export interface PasswordResetRecord {
  /** SHA-256 of the random token the e-mailed link carries. */
  tokenHash: string;
  userId: bigint;
  createdTime: Date;
  expiresAt: Date;
  usedTime: Date | null;
}
export type NewPasswordReset = Omit<PasswordResetRecord, 'usedTime'>;

/** How FindAccounts and SearchAccounts ask for accounts; every condition is AND-ed. */
/**
 * Whose accounts: listed customers (every account they own) and listed accounts; a user's reach,
 * resolved by the store with a join over their roles and the active client links at `at` (the
 * same rule as domain/access.ts, without binding every id); or a customer's own accounts and, with
 * `withClients`, those of its active client links (GetAccountsInfo).
 */
export type AccountScope =
  | { customerIds: readonly bigint[]; accountIds: readonly bigint[] }
  | { userId: bigint; at: Date }
  | { customerId: bigint; withClients: boolean; at: Date };

/**
 * Customers a user reaches at `at` (listReachableCustomers' set) that meet every condition, in
 * `orderBy` order (default Id ascending; Name and Number by the folded text in code point order,
 * ties by id in the same direction), paged inside the query.
 */
export interface CustomerQuery {
  userId: bigint;
  at: Date;
  /** One of these (an empty list matches nothing). */
  ids?: readonly bigint[];
  /** Case-insensitive (sql.ts fold): begins with, equals, contains. */
  namePrefix?: string;
  nameEquals?: string;
  nameContains?: string;
  /** Case-insensitive (sql.ts fold): this market country and this market language. */
  market?: { country: string; language: string };
  /** Created at or after / strictly before. */
  createdFrom?: Date;
  createdBefore?: Date;
  orderBy?: { field: 'Id' | 'Name' | 'Number'; descending: boolean };
  offset?: number;
  limit?: number;
}

/**
 * The newest link of each (type, client entity, manager) among the links a SearchClientLinks
 * predicate names, aggregatee links left out, ordered by the client entity's id, the link's
 * folded name or the managing customer's number (`descending` reverses the key), then link id
 * ascending; paged inside the query.
 */
export interface ClientLinkSearch {
  of:
    /** Links of the type to these client entities (of that manager only, when given). */
    | { type: 'AccountLink' | 'CustomerLink'; clientIds: readonly bigint[]; managerId?: bigint }
    /** Every link the customer manages. */
    | { managerId: bigint }
    /** Every account link to an account the customer has a (non-aggregatee) account link row to. */
    | { accountsLinkedBy: bigint };
  orderBy: { field: 'Id' | 'Name' | 'Number'; descending: boolean };
  offset?: number;
  limit?: number;
}

export interface AccountQuery {
  /** Only accounts visible to the caller. */
  scope: AccountScope;
  ids?: readonly bigint[];
  customerId?: bigint;
  /** Owned by one of these customers (an empty list matches nothing). */
  customerIds?: readonly bigint[];
  /** A second visibility scope the account must also fall in (another user's reach). */
  within?: AccountScope;
  /** Case-insensitive comparisons; `prefix` is begins-with on the name or the number. */
  nameEquals?: string;
  nameContains?: string;
  numberEquals?: readonly string[];
  numberContains?: string;
  /**
   * With a prefix the order is by the text matched, then id (orderBy is not allowed): on the name
   * or the number alone, by that; on either, the name matches by name and the number-only
   * matches by number, merged (the name when both match).
   */
  prefix?: { value: string; on: 'nameOrNumber' | 'number' | 'name' };
  /** OR-ed: an account matches one entry (status, and pause reason when given). */
  lifeCycle?: ReadonlyArray<{ status: string; pauseReasons?: readonly number[] }>;
  orderBy?: { field: 'Id' | 'Name' | 'Number' | 'LifeCycleStatus'; descending: boolean };
  offset?: number;
  limit?: number;
}
