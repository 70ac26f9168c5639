// JSON columns (addresses, contact info, tax information, role account lists). bigint ids inside
// them are written as decimal strings and revived field by field on read, so they never pass
// through a JS number. Decoding picks the known fields only, so records keep their exact shape.
import type { AddressRecord, ContactInfoRecord, KeyValueRecord } from '../records.js';
import { checkedEnum } from '../enums.js';

type Json = Readonly<Record<string, unknown>>;

/** Distinct texts remembered at most, before the memo starts again. */
const PARSED_LIMIT = 1024;
const parsed = new Map<string, unknown>();

/**
 * JSON.parse, memoised by text: the same address or contact is read again and again (every call
 * reading an account decodes its address), and parsing costs more than finding the text in a map.
 * The parsed values are only read here, to build fresh records, so sharing them is safe.
 */
function parseJson(text: string): unknown {
  let v = parsed.get(text);
  if (v === undefined) {
    v = JSON.parse(text);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, v);
  }
  return v;
}

function parseObject(text: string, what: string): Json {
  const v = parseJson(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypeError(`store: ${what} is not a JSON object`);
  return v as Json;
}

function s(o: Json, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

function b(o: Json, key: string): boolean | null {
  const v = o[key];
  return typeof v === 'boolean' ? v : null;
}

function id(o: Json, key: string): bigint {
  const v = o[key];
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new TypeError(`store: JSON id ${key} is not a decimal string`);
  return BigInt(v);
}

function addressToJson(a: AddressRecord): Json {
  return {
    id: a.id.toString(), businessName: a.businessName, line1: a.line1, line2: a.line2, line3: a.line3,
    line4: a.line4, city: a.city, stateOrProvince: a.stateOrProvince, postalCode: a.postalCode,
    countryCode: a.countryCode,
  };
}

function addressFromJson(o: Json): AddressRecord {
  return {
    id: id(o, 'id'), businessName: s(o, 'businessName'), line1: s(o, 'line1'), line2: s(o, 'line2'),
    line3: s(o, 'line3'), line4: s(o, 'line4'), city: s(o, 'city'), stateOrProvince: s(o, 'stateOrProvince'),
    postalCode: s(o, 'postalCode'), countryCode: s(o, 'countryCode'),
  };
}

export function encodeAddress(a: AddressRecord | null): string | null {
  return a === null ? null : JSON.stringify(addressToJson(a));
}

export function decodeAddress(text: string | null): AddressRecord | null {
  return text === null ? null : addressFromJson(parseObject(text, 'address'));
}

export function encodeContactInfo(c: ContactInfoRecord | null): string | null {
  if (c === null) return null;
  return JSON.stringify({
    id: c.id.toString(), email: c.email, emailFormat: c.emailFormat, phone1: c.phone1, phone2: c.phone2,
    mobile: c.mobile, homePhone: c.homePhone, fax: c.fax, contactByPhone: c.contactByPhone,
    contactByPostalMail: c.contactByPostalMail, address: c.address === null ? null : addressToJson(c.address),
  });
}

function emailFormat(v: string | null): ContactInfoRecord['emailFormat'] {
  return v === null ? null : checkedEnum('EmailFormat', v, 'contact info emailFormat');
}

export function decodeContactInfo(text: string | null): ContactInfoRecord | null {
  if (text === null) return null;
  const o = parseObject(text, 'contact info');
  const address = o.address;
  return {
    id: id(o, 'id'), email: s(o, 'email'), emailFormat: emailFormat(s(o, 'emailFormat')), phone1: s(o, 'phone1'),
    phone2: s(o, 'phone2'), mobile: s(o, 'mobile'), homePhone: s(o, 'homePhone'), fax: s(o, 'fax'),
    contactByPhone: b(o, 'contactByPhone'), contactByPostalMail: b(o, 'contactByPostalMail'),
    address: typeof address === 'object' && address !== null ? addressFromJson(address as Json) : null,
  };
}

export function encodeKeyValues(list: KeyValueRecord[] | null): string | null {
  return list === null ? null : JSON.stringify(list.map((kv) => ({ key: kv.key, value: kv.value })));
}

export function decodeKeyValues(text: string | null): KeyValueRecord[] | null {
  if (text === null) return null;
  const v = parseJson(text);
  if (!Array.isArray(v)) throw new TypeError('store: tax information is not a JSON array');
  return v.map((item: unknown) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Json;
    return { key: s(o, 'key'), value: s(o, 'value') };
  });
}

export function encodeIdList(ids: readonly bigint[] | null): string | null {
  return ids === null ? null : JSON.stringify(ids.map((i) => i.toString()));
}

export function decodeIdList(text: string | null): bigint[] | null {
  if (text === null) return null;
  const v = parseJson(text);
  if (!Array.isArray(v)) throw new TypeError('store: id list is not a JSON array');
  return v.map((item: unknown, i) => id({ [i]: item }, String(i)));
}
