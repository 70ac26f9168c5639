// Rows written straight into a store created by the legacy SQL (as the old code laid them out),
// and the records the current store must read back from them.
import type {
  AccessTokenRecord, AccountRecord, AuthorizationCodeRecord, ClientLinkRecord, CustomerRecord, DeveloperTokenRecord,
  OAuthClientRecord, OutboxMessageRecord, PaymentMethodRecord, RefreshTokenRecord, UserInvitationRecord, UserRecord,
  UserRoleRecord,
} from '../../../src/store/records.js';

export type RawValue = string | number | bigint | boolean | null;

/** Inserts one row and returns its generated id (null for tables without one). */
export type RawInsert = (table: string, values: Record<string, RawValue>) => Promise<bigint | null>;

export interface LegacyData {
  meta: [string, string];
  customer: CustomerRecord;
  paymentMethod: PaymentMethodRecord;
  account: AccountRecord;
  user: UserRecord;
  role: UserRoleRecord;
  invitation: UserInvitationRecord;
  link: ClientLinkRecord;
  developerToken: DeveloperTokenRecord;
  accessToken: AccessTokenRecord;
  client: OAuthClientRecord;
  code: AuthorizationCodeRecord;
  refreshToken: RefreshTokenRecord;
  message: OutboxMessageRecord;
}

const T0 = 1_700_000_000_000;
const at = (ms: number): Date => new Date(T0 + ms);

export async function writeLegacyRows(insert: RawInsert): Promise<LegacyData> {
  await insert('meta', { key: 'installation', value: 'legacy' });
  const customerId = (await insert('customers', {
    number: 'C1LEGACY', name: 'Contoso Légacy', industry: 'Other', market_country: 'US', market_language: 'English',
    financial_status: 'ClearFinancialStatus', life_cycle_status: 'Active', service_level: 'SelfServe',
    address: '{"id":"9007199254740993","businessName":"Contoso","line1":"1 Main St","line2":null,"line3":null,"line4":null,"city":"Redmond","stateOrProvince":"WA","postalCode":"98052","countryCode":"US"}',
    is_agency: true, version: 3n, created_time: T0, last_modified_time: T0 + 5, last_modified_by_user_id: null,
  }))!;
  const paymentMethodId = (await insert('payment_methods', { customer_id: customerId, type: 'CreditCard', created_time: T0 }))!;
  const userId = (await insert('users', {
    customer_id: customerId, user_name: 'Ada@Example.com', user_name_folded: 'ada@example.com', first_name: 'Ada',
    last_name: 'Lovelace', middle_initial: null, job_title: 'Analyst', lcid: 'EnglishUS',
    contact_info: '{"id":"42","email":"ada@example.com","emailFormat":"Html","phone1":"555","phone2":null,"mobile":null,"homePhone":null,"fax":null,"contactByPhone":true,"contactByPostalMail":false,"address":null}',
    life_cycle_status: 'Active', password_hash: 'scrypt$x$y', version: 2n, created_time: T0, last_modified_time: T0 + 1,
    last_modified_by_user_id: null,
  }))!;
  const accountId = (await insert('accounts', {
    customer_id: customerId, number: 'F1LEGACY', number_folded: 'f1legacy', name: 'Main Account', name_folded: 'main account',
    currency_code: 'EUR', financial_status: 'ClearFinancialStatus', language: 'German', life_cycle_status: 'Pause',
    pause_reason: 2, payment_method_id: paymentMethodId, bill_to_customer_id: customerId, primary_user_id: userId,
    time_zone: 'PacificTimeUSCanadaTijuana', auto_tag_type: 'Preserve', sales_house_customer_id: null,
    back_up_payment_instrument_id: null, billing_threshold_amount: '12345678901234567890.5',
    sold_to_payment_instrument_id: null, account_mode: 'Expert', business_address: null,
    tax_information: '[{"key":"VatNumber","value":"DE123"}]', version: 7n, created_time: T0, last_modified_time: T0 + 9,
    last_modified_by_user_id: userId,
  }))!;
  await insert('user_roles', { user_id: userId, customer_id: customerId, role_id: 41, account_ids: `["${accountId}"]` });
  const invitationId = (await insert('user_invitations', {
    customer_id: customerId, first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', role_id: 16,
    account_ids: null, lcid: 'FrenchFrance', expiration_date: T0 + 86_400_000, secret_hash: 'inv-hash', created_time: T0,
    created_by_user_id: userId, accepted_time: null, accepted_user_id: null,
  }))!;
  const linkId = (await insert('client_links', {
    type: 'AccountLink', client_entity_id: accountId, managing_customer_id: customerId, status: 'LinkPending', name: 'link',
    note: null, is_bill_to_client: false, start_date: T0, inviter_email: null, inviter_name: null, inviter_phone: null,
    customer_link_permission: null, suppress_notification: true, version: 1n, last_modified_time: T0,
    last_modified_by_user_id: null,
  }))!;
  const developerTokenId = (await insert('developer_tokens', {
    user_id: userId, token_hash: 'dev-hash', hint: 'abcd', created_time: T0, revoked_time: null,
  }))!;
  await insert('access_tokens', {
    token_hash: 'access-hash', user_id: userId, client_id: 'cli', scope: 'msads.manage', expires_at: T0 + 3_600_000,
    created_time: T0, revoked_time: null, grant_id: 'grant-1',
  });
  await insert('oauth_clients', {
    client_id: 'client-1', name: 'App', redirect_uris: '["https://app.example/cb"]', confidential: true,
    secret_hash: 'secret-hash', owner_user_id: userId, created_time: T0,
  });
  await insert('oauth_codes', {
    code_hash: 'code-hash', grant_id: 'grant-1', client_id: 'client-1', user_id: userId, redirect_uri: 'https://app.example/cb',
    scope: 'msads.manage', code_challenge: 'chal', code_challenge_method: 'S256', expires_at: T0 + 600_000,
    created_time: T0, used_time: T0 + 10,
  });
  await insert('refresh_tokens', {
    token_hash: 'refresh-hash', grant_id: 'grant-1', client_id: 'client-1', user_id: userId, scope: 'msads.manage',
    expires_at: T0 + 86_400_000, created_time: T0, revoked_time: null,
  });
  const messageId = (await insert('outbox_messages', {
    recipient: 'Grace@Example.com', recipient_folded: 'grace@example.com', subject: 'Invitation', body: 'Join us',
    created_time: T0,
  }))!;

  return {
    meta: ['installation', 'legacy'],
    customer: {
      id: customerId, number: 'C1LEGACY', name: 'Contoso Légacy', industry: 'Other', marketCountry: 'US',
      marketLanguage: 'English', financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active', serviceLevel: 'SelfServe',
      address: {
        id: 9007199254740993n, businessName: 'Contoso', line1: '1 Main St', line2: null, line3: null, line4: null,
        city: 'Redmond', stateOrProvince: 'WA', postalCode: '98052', countryCode: 'US',
      },
      isAgency: true, version: 3n, createdTime: at(0), lastModifiedTime: at(5), lastModifiedByUserId: null,
    },
    paymentMethod: { id: paymentMethodId, customerId, type: 'CreditCard', createdTime: at(0) },
    account: {
      id: accountId, customerId, number: 'F1LEGACY', name: 'Main Account', currencyCode: 'EUR',
      financialStatus: 'ClearFinancialStatus', language: 'German', lifeCycleStatus: 'Pause', pauseReason: 2,
      paymentMethodId, billToCustomerId: customerId, primaryUserId: userId, timeZone: 'PacificTimeUSCanadaTijuana',
      autoTagType: 'Preserve', salesHouseCustomerId: null, backUpPaymentInstrumentId: null,
      billingThresholdAmount: '12345678901234567890.5', soldToPaymentInstrumentId: null, accountMode: 'Expert',
      businessAddress: null, taxInformation: [{ key: 'VatNumber', value: 'DE123' }], version: 7n, createdTime: at(0),
      lastModifiedTime: at(9), lastModifiedByUserId: userId,
    },
    user: {
      id: userId, customerId, userName: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace', middleInitial: null,
      jobTitle: 'Analyst', lcid: 'EnglishUS',
      contactInfo: {
        id: 42n, email: 'ada@example.com', emailFormat: 'Html', phone1: '555', phone2: null, mobile: null, homePhone: null,
        fax: null, contactByPhone: true, contactByPostalMail: false, address: null,
      },
      lifeCycleStatus: 'Active', passwordHash: 'scrypt$x$y', version: 2n, createdTime: at(0), lastModifiedTime: at(1),
      lastModifiedByUserId: null,
    },
    role: { userId, customerId, roleId: 41, accountIds: [accountId] },
    invitation: {
      id: invitationId, customerId, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', roleId: 16,
      accountIds: null, lcid: 'FrenchFrance', expirationDate: at(86_400_000), secretHash: 'inv-hash', createdTime: at(0),
      createdByUserId: userId, acceptedTime: null, acceptedUserId: null,
    },
    link: {
      id: linkId, type: 'AccountLink', clientEntityId: accountId, managingCustomerId: customerId, status: 'LinkPending',
      name: 'link', note: null, isBillToClient: false, startDate: at(0), inviterEmail: null, inviterName: null,
      inviterPhone: null, customerLinkPermission: null, suppressNotification: true, version: 1n, lastModifiedTime: at(0),
      lastModifiedByUserId: null,
      // Version 5 columns, as a row of an earlier version reads back: not an aggregatee link,
      // created when it was last modified.
      aggregatee: false, createdTime: at(0),
    },
    developerToken: { id: developerTokenId, userId, tokenHash: 'dev-hash', hint: 'abcd', createdTime: at(0), revokedTime: null },
    accessToken: {
      tokenHash: 'access-hash', userId, clientId: 'cli', scope: 'msads.manage', expiresAt: at(3_600_000), createdTime: at(0),
      revokedTime: null, grantId: 'grant-1',
    },
    client: {
      clientId: 'client-1', name: 'App', redirectUris: ['https://app.example/cb'], confidential: true,
      secretHash: 'secret-hash', ownerUserId: userId, createdTime: at(0),
    },
    code: {
      codeHash: 'code-hash', grantId: 'grant-1', clientId: 'client-1', userId, redirectUri: 'https://app.example/cb',
      scope: 'msads.manage', codeChallenge: 'chal', codeChallengeMethod: 'S256', expiresAt: at(600_000), createdTime: at(0),
      usedTime: at(10),
    },
    refreshToken: {
      tokenHash: 'refresh-hash', grantId: 'grant-1', clientId: 'client-1', userId, scope: 'msads.manage',
      expiresAt: at(86_400_000), createdTime: at(0), revokedTime: null,
    },
    message: { id: messageId, to: 'Grace@Example.com', subject: 'Invitation', body: 'Join us', createdTime: at(0) },
  };
}
