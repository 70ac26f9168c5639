// Creating a customer with its first account and Super Admin user — the demo tenant of a fresh
// store, the web sign-up, and test fixtures all go through here.
import type { AccountRecord, CustomerRecord, PaymentMethodRecord, UserRecord } from '../../store/records.js';
import { checkedEnum } from '../../store/enums.js';
import type { Store } from '../../store/store.js';
import { newAccountNumber, newCustomerNumber, newNestedId, retryOnNumber } from '../numbers.js';
import { Role } from '../roles.js';
import { businessAddressRecord } from '../addresses.js';
import { placeholderAddress } from './placeholder-addresses.js';

export interface NewTenant {
  customerName: string;
  accountName: string;
  userName: string;
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string | null;
  currencyCode?: string;
  country?: string;
  /** An agency customer (sign-up's and `adcenter customer create`'s option); default false. */
  isAgency?: boolean;
}

export interface Tenant {
  customer: CustomerRecord;
  user: UserRecord;
  paymentMethod: PaymentMethodRecord;
  account: AccountRecord;
}

export async function createTenant(store: Store, t: NewTenant): Promise<Tenant> {
  const customer = await retryOnNumber('customer_number', () => store.insertCustomer({
    number: newCustomerNumber(), name: t.customerName, industry: 'Other', marketCountry: t.country ?? 'US',
    marketLanguage: 'English', financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active',
    serviceLevel: 'SelfServe', address: null, isAgency: t.isAgency ?? false, lastModifiedByUserId: null,
  }));
  const user = await store.insertUser({
    customerId: customer.id, userName: t.userName, firstName: t.firstName, lastName: t.lastName,
    middleInitial: null, jobTitle: null, lcid: 'EnglishUS', lifeCycleStatus: 'Active', passwordHash: t.passwordHash,
    contactInfo: {
      id: newNestedId(), email: t.email, emailFormat: 'Html', phone1: null, phone2: null, mobile: null,
      homePhone: null, fax: null, contactByPhone: false, contactByPostalMail: false, address: null,
    },
    lastModifiedByUserId: null,
  });
  await store.putUserRole({ userId: user.id, customerId: customer.id, roleId: Role.SuperAdmin, accountIds: null });
  const paymentMethod = await store.insertPaymentMethod(customer.id, 'CreditCard');
  const account = await retryOnNumber('account_number', () => store.insertAccount({
    customerId: customer.id, number: newAccountNumber(), name: t.accountName, currencyCode: checkedEnum('CurrencyCode', t.currencyCode ?? 'USD', 'tenant currency'),
    financialStatus: 'ClearFinancialStatus', language: 'English', lifeCycleStatus: 'Active', pauseReason: null,
    paymentMethodId: paymentMethod.id, billToCustomerId: customer.id, primaryUserId: user.id,
    timeZone: 'PacificTimeUSCanadaTijuana', autoTagType: 'Inactive', salesHouseCustomerId: null,
    backUpPaymentInstrumentId: null, billingThresholdAmount: null, soldToPaymentInstrumentId: null, accountMode: 'Expert',
    businessAddress: businessAddressRecord(placeholderAddress(t.country ?? 'US', t.customerName), newNestedId()),
    taxInformation: null, lastModifiedByUserId: user.id,
  }));
  return { customer, user, paymentMethod, account };
}
