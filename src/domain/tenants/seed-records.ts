// The rows `adcenter seed --accounts N` writes, made by the rules the API applies to the same
// entities: generated customer and account numbers (numbers.ts), names checked like
// SignupCustomer's and AddAccount's, a business address that passes ValidateAddress's rules, the
// defaults AddAccount gives an account paid by the customer's payment method, and Active customer
// links as an accepted AddClientLinks request leaves them. Records only: the CLI batches them into
// the store's bulk insert.
import type { Entity } from '../../contract/values.js';
import type { NewAccount, NewClientLink, NewCustomer, NewUser } from '../../store/records.js';
import { businessAddressRecord } from '../addresses.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { accountName, DEFAULT_AUTO_TAG, DEFAULT_TIME_ZONE } from '../accounts/account-rules.js';
import { customerName } from '../customers/customer-rules.js';
import { newAccountNumber, newCustomerNumber, newNestedId } from '../numbers.js';
import { personName } from '../users/person-rules.js';
import { placeholderAddress } from './placeholder-addresses.js';

// Business words the names are made of, so prefix searches (FindAccounts' AccountFilter) find a
// realistic spread: each word starts roughly 1/40 of the names.
const WORDS = [
  'Acme', 'Alpine', 'Apex', 'Aurora', 'Beacon', 'Blue', 'Bright', 'Cedar', 'Coastal', 'Contoso', 'Crest',
  'Delta', 'Eagle', 'Evergreen', 'Fabrikam', 'Falcon', 'Frontier', 'Golden', 'Granite', 'Harbor', 'Horizon',
  'Iron', 'Lakeside', 'Liberty', 'Maple', 'Meridian', 'Metro', 'Northwind', 'Oak', 'Pacific', 'Pinnacle',
  'Prairie', 'Quantum', 'Redwood', 'Riverside', 'Summit', 'Sunrise', 'Tailspin', 'Vertex', 'Woodgrove',
];
const TRADES = ['Shoes', 'Travel', 'Bikes', 'Coffee', 'Dental', 'Garden', 'Hotels', 'Insurance', 'Motors', 'Outdoor', 'Pets', 'Tech'];
const FIRST = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn'];
const LAST = ['Smith', 'García', 'Müller', 'Nguyen', 'Rossi', 'Dubois', 'Kowalski', 'Silva', 'Tanaka', 'Øyen'];

export const SEED_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU'] as const;

/** A unique, readable name from a running number (name i never repeats within one run). */
export function seededName(i: number, suffix: string): string {
  return `${WORDS[i % WORDS.length]!} ${TRADES[Math.floor(i / WORDS.length) % TRADES.length]!} ${suffix}${i + 1}`;
}

export function seededCustomer(i: number, tag: string, isAgency: boolean): NewCustomer {
  const country = SEED_COUNTRIES[i % SEED_COUNTRIES.length]!;
  const name = customerName(isAgency ? `${WORDS[i % WORDS.length]!} Agency ${tag}` : seededName(i, `${tag}-`));
  return {
    number: newCustomerNumber(), name, industry: 'Other', marketCountry: country, marketLanguage: 'English',
    financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active', serviceLevel: 'SelfServe', address: null,
    isAgency, lastModifiedByUserId: null,
  };
}

/** A customer's Super Admin; the user name is unique per run (`tag`) and customer. */
export function seededUser(i: number, tag: string, customerId: bigint, label: string): NewUser {
  const userName = `seed-${tag}-${label}@example.com`;
  return {
    customerId, userName, firstName: personName(FIRST[i % FIRST.length], 100, 'FirstName'),
    lastName: personName(LAST[i % LAST.length], 100, 'LastName'), middleInitial: null, jobTitle: null, lcid: 'EnglishUS',
    lifeCycleStatus: 'Active', passwordHash: null,
    contactInfo: {
      id: newNestedId(), email: userName, emailFormat: 'Html', phone1: null, phone2: null, mobile: null,
      homePhone: null, fax: null, contactByPhone: false, contactByPostalMail: false, address: null,
    },
    lastModifiedByUserId: null,
  };
}

/** The address of a customer's accounts: checked once per customer by ValidateAddress's rules. */
export function seededBusinessAddress(customer: NewCustomer): Entity<'Address'> {
  const address = placeholderAddress(customer.marketCountry ?? 'US', customer.name);
  validateBusinessAddress(address, 'Account.BusinessAddress');
  return address;
}

/** An account as AddAccount writes one paid by the customer's payment method (Active). */
export function seededAccount(
  i: number, customerId: bigint, paymentMethodId: bigint, primaryUserId: bigint, address: Entity<'Address'>,
): NewAccount {
  const name = accountName({ Name: seededName(i, '') } as Entity<'AdvertiserAccount'>);
  return {
    customerId, number: newAccountNumber(), name, currencyCode: 'USD', financialStatus: 'ClearFinancialStatus',
    language: null, lifeCycleStatus: 'Active', pauseReason: null, paymentMethodId, billToCustomerId: customerId,
    primaryUserId, timeZone: DEFAULT_TIME_ZONE, autoTagType: DEFAULT_AUTO_TAG, salesHouseCustomerId: null,
    backUpPaymentInstrumentId: null, billingThresholdAmount: null, soldToPaymentInstrumentId: null,
    accountMode: 'Expert', businessAddress: businessAddressRecord(address, newNestedId()), taxInformation: null,
    lastModifiedByUserId: primaryUserId,
  };
}

/** An agency's Active customer link to a client, as an accepted AddClientLinks request leaves it. */
export function seededCustomerLink(agencyId: bigint, clientId: bigint, byUserId: bigint, at: Date): NewClientLink {
  return {
    type: 'CustomerLink', clientEntityId: clientId, managingCustomerId: agencyId, status: 'Active', name: null,
    note: null, isBillToClient: false, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
    customerLinkPermission: 'Standard', suppressNotification: true, lastModifiedByUserId: byUserId, createdTime: at,
  };
}
