// The AdvertiserAccount over SOAP, as the contract (WSDL) orders it: request fields written in
// element order, and the returned account checked element by element against the store.
import assert from 'node:assert/strict';
import type { ElementDef } from '../../src/contract/model.js';
import { types } from '../../src/contract/types.js';
import type { AccountRecord } from '../../src/store/records.js';
import { ENT } from './clients.js';
import { assertNilsAndNamespaces, childEl, must, NIL, timeStampVersion, value, WCF_DATE_TIME, type XmlElement } from './soap-assert.js';

export const ROLE = { SuperAdmin: 41, Viewer: 100, StandardUser: 203 } as const;
export const ACCOUNT_FIELDS = types.AdvertiserAccount.fields as readonly ElementDef[];
export const ADDRESS_FIELDS = types.Address.fields as readonly ElementDef[];
export const USER_FIELDS = types.User.fields as readonly ElementDef[];

export type Fields = Record<string, string | undefined>;
/** Elements in the contract's (WSDL) order, entities prefixed e: (declared by envelope()). */
export function orderedXml(defs: readonly ElementDef[], fields: Fields): string {
  const names = defs.map((d) => d.name);
  for (const k of Object.keys(fields)) assert.ok(names.includes(k), `unknown field ${k}`);
  return names.filter((n) => fields[n] !== undefined).map((n) => `<e:${n}>${fields[n]}</e:${n}>`).join('');
}
export const accountXml = (fields: Fields): string => `<Account>${orderedXml(ACCOUNT_FIELDS, fields)}</Account>`;
export const addressXml = (fields: Fields): string => orderedXml(ADDRESS_FIELDS, fields);
export const ADDRESS: Fields = {
  City: 'Redmond', CountryCode: 'US', Line1: '1 Microsoft Way', PostalCode: '98052', StateOrProvince: 'WA', BusinessName: 'Contoso',
};

/**
 * The children of a returned AdvertiserAccount are exactly the contract's fields in WSDL order,
 * without the EmitDefaultValue=false members unless requested (and present), every element in
 * the Entities namespace, and every empty value written as i:nil="true".
 */
export function assertAdvertiserAccountShape(account: XmlElement, requested: readonly string[] = []): void {
  // TaxCertificate is requested in some calls, but no account here has one: a null
  // EmitDefaultValue=false member is left out even when requested.
  const expected = ACCOUNT_FIELDS
    .filter((f) => f.opts.emitDefault !== false || (requested.includes(f.name) && f.name !== 'TaxCertificate'))
    .map((f) => f.name);
  assert.deepEqual(account.children.map((c) => c.local), expected);
  assertNilsAndNamespaces(account, ENT);
}


/** The returned account carries what the store holds. */
export function assertAccountMatches(el: XmlElement, rec: AccountRecord): void {
  const opt = (v: bigint | string | number | null): string | null => (v === null ? null : String(v));
  assert.equal(value(el, 'Id'), String(rec.id));
  assert.equal(value(el, 'Name'), rec.name);
  assert.equal(value(el, 'Number'), rec.number);
  assert.equal(value(el, 'ParentCustomerId'), String(rec.customerId));
  assert.equal(value(el, 'CurrencyCode'), rec.currencyCode);
  assert.equal(value(el, 'AccountLifeCycleStatus'), rec.lifeCycleStatus);
  assert.equal(value(el, 'AccountFinancialStatus'), rec.financialStatus);
  assert.equal(value(el, 'BillToCustomerId'), opt(rec.billToCustomerId));
  assert.equal(value(el, 'PaymentMethodId'), opt(rec.paymentMethodId));
  assert.equal(value(el, 'PaymentMethodType'), null, 'PaymentMethodType is always nil on GetAccount/SearchAccounts');
  assert.equal(value(el, 'PrimaryUserId'), opt(rec.primaryUserId));
  assert.equal(value(el, 'Language'), rec.language);
  assert.equal(value(el, 'TimeZone'), rec.timeZone);
  assert.equal(value(el, 'AutoTagType'), rec.autoTagType);
  assert.equal(value(el, 'PauseReason'), opt(rec.pauseReason));
  assert.equal(value(el, 'LastModifiedByUserId'), opt(rec.lastModifiedByUserId));
  const modified = value(el, 'LastModifiedTime');
  assert.match(modified ?? '', WCF_DATE_TIME);
  assert.equal(Date.parse(modified!), rec.lastModifiedTime.getTime());
  assert.equal(timeStampVersion(value(el, 'TimeStamp')!), rec.version);
  const address = childEl(el, 'BusinessAddress')!;
  if (rec.businessAddress === null) {
    assert.equal(address.attributes.get(NIL), 'true');
  } else {
    assert.deepEqual(address.children.map((c) => c.local), ADDRESS_FIELDS.map((f) => f.name));
    assertNilsAndNamespaces(address, ENT);
    const a = rec.businessAddress;
    assert.equal(value(address, 'Id'), String(a.id));
    assert.equal(value(address, 'City'), a.city);
    assert.equal(value(address, 'Line1'), a.line1);
    assert.equal(value(address, 'CountryCode'), a.countryCode);
    assert.equal(value(address, 'BusinessName'), a.businessName);
    assert.equal(value(address, 'PostalCode'), a.postalCode);
    assert.equal(value(address, 'StateOrProvince'), a.stateOrProvince);
  }
}

export function accountInfoIds(response: XmlElement): bigint[] {
  const list = must(childEl(response, 'AccountsInfo'), 'AccountsInfo');
  return list.children.map((info) => {
    assert.equal(info.local, 'AccountInfo');
    assert.deepEqual(info.children.map((c) => c.local), ['Id', 'Name', 'Number', 'AccountLifeCycleStatus', 'PauseReason']);
    return BigInt(value(info, 'Id')!);
  });
}
export const sortIds = (ids: readonly bigint[]): bigint[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
