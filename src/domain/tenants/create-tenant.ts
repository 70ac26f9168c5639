// Creating a customer with its first account and Super Admin user — the demo tenant of a fresh
// store, the web sign-up, `adcenter customer create` and test fixtures all go through here. The
// rows are written by one store transaction (TenantStore.createTenant): a tenant exists wholly or
// not at all, whatever races it.
import type { NewDeveloperToken, NewTenant as NewTenantRecord, TenantRecord } from '../../store/records.js';
import { checkedEnum } from '../../store/enums.js';
import { StoreConflict, type Store } from '../../store/store.js';
import { newAccountNumber, newCustomerNumber, newNestedId } from '../numbers.js';
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

export type Tenant = TenantRecord;

const NUMBER_ATTEMPTS = 5;

/** Throws StoreConflict('user_name') (nothing written) when the user name is taken. */
export async function createTenant(store: Store, t: NewTenant): Promise<Tenant> {
  const tenant = await writeTenant(store, t, {});
  if (tenant === null) throw new Error('store: a tenant without a claim was not written');
  return tenant;
}

/**
 * Creates the tenant only if `metaKey` is unclaimed, claiming it in the same transaction (the demo
 * tenant: of instances starting together exactly one creates it). Null when it was claimed already.
 */
export function claimTenant(
  store: Store, metaKey: string, t: NewTenant, developerToken?: Omit<NewDeveloperToken, 'userId'>,
): Promise<Tenant | null> {
  return writeTenant(store, t, { claimMetaKey: metaKey, ...(developerToken ? { developerToken } : {}) });
}

async function writeTenant(store: Store, t: NewTenant, extra: Pick<NewTenantRecord, 'claimMetaKey' | 'developerToken'>): Promise<Tenant | null> {
  // Numbers are random; a clash with an existing one (unique index) is retried with new numbers.
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.createTenant({ ...tenantRecord(t), ...extra });
    } catch (err) {
      const clash = err instanceof StoreConflict && (err.what === 'customer_number' || err.what === 'account_number');
      if (!clash || attempt >= NUMBER_ATTEMPTS) throw err;
    }
  }
}

function tenantRecord(t: NewTenant): NewTenantRecord {
  return {
    customer: {
      number: newCustomerNumber(), name: t.customerName, industry: 'Other', marketCountry: t.country ?? 'US',
      marketLanguage: 'English', financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active',
      serviceLevel: 'SelfServe', address: null, isAgency: t.isAgency ?? false, lastModifiedByUserId: null,
    },
    user: {
      userName: t.userName, firstName: t.firstName, lastName: t.lastName,
      middleInitial: null, jobTitle: null, lcid: 'EnglishUS', lifeCycleStatus: 'Active', passwordHash: t.passwordHash,
      contactInfo: {
        id: newNestedId(), email: t.email, emailFormat: 'Html', phone1: null, phone2: null, mobile: null,
        homePhone: null, fax: null, contactByPhone: false, contactByPostalMail: false, address: null,
      },
      lastModifiedByUserId: null,
    },
    roleId: Role.SuperAdmin,
    paymentMethodType: 'CreditCard',
    account: {
      number: newAccountNumber(), name: t.accountName, currencyCode: checkedEnum('CurrencyCode', t.currencyCode ?? 'USD', 'tenant currency'),
      financialStatus: 'ClearFinancialStatus', language: 'English', lifeCycleStatus: 'Active', pauseReason: null,
      timeZone: 'PacificTimeUSCanadaTijuana', autoTagType: 'Inactive', salesHouseCustomerId: null,
      backUpPaymentInstrumentId: null, billingThresholdAmount: null, soldToPaymentInstrumentId: null, accountMode: 'Expert',
      businessAddress: businessAddressRecord(placeholderAddress(t.country ?? 'US', t.customerName), newNestedId()),
      taxInformation: null,
    },
  };
}
