// The JSON typing the official REST SDKs require (api-reference Appendix B + §7, client-notes):
// longs as strings, ints as numbers, plain arrays, nulls left out, no unknown members.
import assert from 'node:assert/strict';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// ------------------------------------------------------------------------------------------------
// JSON shapes (api-reference Appendix B + §7): what the Python REST SDK validates.
export type Shape = 'long' | 'int' | 'decimal' | 'string' | 'boolean' | 'dateTime' | 'base64'
  | { enum: readonly string[] } | { list: Shape } | { fields: Readonly<Record<string, Shape>> };

const LIFE_CYCLE = { enum: ['Draft', 'Active', 'Inactive', 'Pause', 'Pending', 'Suspended'] } as const;
const ADDRESS_SHAPE: Shape = {
  fields: {
    City: 'string', CountryCode: 'string', Id: 'long', Line1: 'string', Line2: 'string', Line3: 'string',
    Line4: 'string', PostalCode: 'string', StateOrProvince: 'string', TimeStamp: 'base64', BusinessName: 'string',
  },
};
// client-notes: the REST SDK's KeyValuePair objects use Key/Value.
const KEY_VALUE: Shape = { fields: { Key: 'string', Value: 'string' } };
export const ACCOUNT_INFO: Shape = {
  fields: { Id: 'long', Name: 'string', Number: 'string', AccountLifeCycleStatus: LIFE_CYCLE, PauseReason: 'int' },
};
export const ADVERTISER_ACCOUNT: Shape = {
  fields: {
    BillToCustomerId: 'long', CurrencyCode: 'string', AccountFinancialStatus: {
      enum: ['Proposed', 'PendingCreditCheck', 'ClearFinancialStatus', 'SoldToOnly', 'CreditWarning', 'Hold', 'WriteOff', 'TaxOnHold', 'UserHold'],
    },
    Id: 'long', Language: 'string', LastModifiedByUserId: 'long', LastModifiedTime: 'dateTime', Name: 'string',
    Number: 'string', ParentCustomerId: 'long', PaymentMethodId: 'long', PaymentMethodType: 'string',
    PrimaryUserId: 'long', AccountLifeCycleStatus: LIFE_CYCLE, TimeStamp: 'base64', TimeZone: 'string',
    PauseReason: 'int', ForwardCompatibilityMap: { list: KEY_VALUE }, LinkedAgencies: { list: { fields: { Id: 'long', Name: 'string' } } },
    SalesHouseCustomerId: 'long', TaxInformation: { list: KEY_VALUE }, BackUpPaymentInstrumentId: 'long',
    BillingThresholdAmount: 'decimal', BusinessAddress: ADDRESS_SHAPE, AutoTagType: { enum: ['Inactive', 'Preserve', 'Replace'] },
    SoldToPaymentInstrumentId: 'long',
    TaxCertificate: { fields: { TaxCertificateBlobContainerName: 'string', TaxCertificates: { list: { fields: { Key: 'string', Value: 'base64' } } }, Status: { enum: ['Valid', 'Invalid', 'Pending'] } } },
    AccountMode: 'string',
  },
};
export const USER: Shape = {
  fields: {
    ContactInfo: {
      fields: {
        Address: ADDRESS_SHAPE, ContactByPhone: 'boolean', ContactByPostalMail: 'boolean', Email: 'string',
        EmailFormat: { enum: ['Html', 'Text'] }, Fax: 'string', HomePhone: 'string', Id: 'long', Mobile: 'string',
        Phone1: 'string', Phone2: 'string',
      },
    },
    CustomerId: 'long', Id: 'long', JobTitle: 'string', LastModifiedByUserId: 'long', LastModifiedTime: 'dateTime',
    Lcid: 'string', Name: { fields: { FirstName: 'string', LastName: 'string', MiddleInitial: 'string' } },
    // Password is never returned (user.md: "GetUser never returns it"), so it is not a member here.
    SecretAnswer: 'string', SecretQuestion: 'string', UserLifeCycleStatus: { enum: ['Pending', 'Active', 'Inactive', 'Deleted'] },
    TimeStamp: 'base64', UserName: 'string', ForwardCompatibilityMap: { list: KEY_VALUE },
  },
};
export const CUSTOMER_ROLE: Shape = {
  fields: { RoleId: 'int', CustomerId: 'long', AccountIds: { list: 'long' }, LinkedAccountIds: { list: 'long' }, CustomerLinkPermission: 'string' },
};

/** Asserts the JSON value has exactly the REST SDK's typing: no nulls, no unknown members. */
export function conform(value: unknown, shape: Shape, path: string): void {
  assert.notEqual(value, null, `${path} is null: nulls must be left out of REST responses`);
  assert.notEqual(value, undefined, `${path} is undefined`);
  if (typeof shape === 'string') {
    switch (shape) {
      case 'long':
        assert.equal(typeof value, 'string', `${path} is an xs:long and must be a JSON string, got ${JSON.stringify(value)}`);
        assert.match(value as string, /^-?\d{1,19}$/, `${path} is a decimal integer`);
        return;
      case 'int':
        assert.ok(typeof value === 'number' && Number.isInteger(value), `${path} must be a JSON integer number, got ${JSON.stringify(value)}`);
        return;
      case 'decimal':
        assert.equal(typeof value, 'number', `${path} must be a JSON number`);
        return;
      case 'boolean':
        assert.equal(typeof value, 'boolean', `${path} must be a JSON boolean`);
        return;
      case 'string':
        assert.equal(typeof value, 'string', `${path} must be a JSON string`);
        return;
      case 'dateTime':
        assert.equal(typeof value, 'string', `${path} must be an ISO date string`);
        assert.match(value as string, ISO, `${path} is ISO-8601 UTC`);
        assert.ok(!Number.isNaN(Date.parse(value as string)), `${path} parses as a date`);
        return;
      case 'base64':
        assert.equal(typeof value, 'string', `${path} must be a base64 string`);
        assert.match(value as string, BASE64, `${path} is base64`);
        return;
    }
  }
  if ('enum' in shape) {
    assert.ok(typeof value === 'string' && shape.enum.includes(value), `${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join('|')}`);
    return;
  }
  if ('list' in shape) {
    assert.ok(Array.isArray(value), `${path} must be a plain JSON array (no ArrayOf… wrapper), got ${JSON.stringify(value)?.slice(0, 80)}`);
    (value as unknown[]).forEach((v, i) => conform(v, shape.list, `${path}[${i}]`));
    return;
  }
  assert.ok(typeof value === 'object' && !Array.isArray(value), `${path} must be a JSON object`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    assert.ok(Object.hasOwn(shape.fields, k), `${path}.${k} is not a member of this object`);
    conform(v, shape.fields[k]!, `${path}.${k}`);
  }
}
