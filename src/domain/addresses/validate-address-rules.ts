// The address rules ValidateAddress applies and AddAccount/UpdateAccount/SignupCustomer share:
// required fields and lengths, ISO country codes, state/province codes where a country has them,
// postal-code formats — and the normalised address to suggest (whitespace, case, state names to
// codes, canonical postal codes, street abbreviations). Rule tables live in validate-address-*.ts.
import type { Entity } from '../../contract/values.js';
import { ADDRESS_MAX_LENGTH } from '../addresses.js';
import { ABBREVIATION_COUNTRIES, STREET_ABBREVIATIONS } from './validate-address-abbreviations.js';
import { COUNTRY_ALIASES, COUNTRY_CODES } from './validate-address-countries.js';
import { compactPostalCode, NO_POSTAL_CODE, POSTAL_FORMATS } from './validate-address-postal-codes.js';
import { NO_SUBDIVISIONS, SUBDIVISIONS } from './validate-address-subdivisions.js';

export type Address = Entity<'Address'>;
type TextField = 'BusinessName' | 'Line1' | 'Line2' | 'Line3' | 'Line4' | 'City' | 'StateOrProvince' | 'PostalCode' | 'CountryCode';
const TEXT_FIELDS: readonly TextField[] = ['BusinessName', 'Line1', 'Line2', 'Line3', 'Line4', 'City', 'StateOrProvince', 'PostalCode', 'CountryCode'];
const LINES = ['Line1', 'Line2', 'Line3', 'Line4'] as const;

/** One broken rule: the field and what is wrong with it. */
export interface AddressProblem {
  readonly field: TextField;
  readonly message: string;
}

const value = (a: Address, f: TextField): string | null => {
  const v = a[f];
  return v === undefined || v === null || v.trim() === '' ? null : v;
};

/** What is wrong with the address as given (trimmed, case-insensitive codes). */
export function addressProblems(address: Address, options: { requireBusinessName?: boolean } = {}): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const required: TextField[] = ['Line1', 'City', 'CountryCode'];
  if (options.requireBusinessName) required.unshift('BusinessName');
  const country = value(address, 'CountryCode')?.trim().toUpperCase() ?? null;
  if (country !== null && !NO_POSTAL_CODE.has(country)) required.push('PostalCode');
  if (country !== null && country in SUBDIVISIONS) required.push('StateOrProvince');
  for (const f of required) if (value(address, f) === null) problems.push({ field: f, message: `${f} is required.` });

  for (const f of TEXT_FIELDS) {
    const max = (ADDRESS_MAX_LENGTH as Partial<Record<TextField, number>>)[f];
    const v = value(address, f)?.trim();
    if (max !== undefined && v !== undefined && v.length > max) problems.push({ field: f, message: `${f} must be at most ${max} characters.` });
  }
  if (country === null) return problems;
  if (!COUNTRY_CODES.has(country)) {
    problems.push({ field: 'CountryCode', message: 'CountryCode must be an ISO 3166-1 two-letter country code.' });
    return problems;
  }
  const state = value(address, 'StateOrProvince')?.trim().toUpperCase() ?? null;
  const states = SUBDIVISIONS[country];
  if (state !== null && states && !(state in states)) {
    problems.push({ field: 'StateOrProvince', message: `StateOrProvince must be a state or province code of ${country} (without the country prefix).` });
  }
  if (state !== null && NO_SUBDIVISIONS.includes(country)) {
    problems.push({ field: 'StateOrProvince', message: `StateOrProvince must be empty for ${country}, which has no states or provinces.` });
  }
  const postal = value(address, 'PostalCode');
  const format = POSTAL_FORMATS[country];
  if (postal !== null && format && !(/^[\p{L}\d\s-]+$/u.test(postal) && format.compact.test(compactPostalCode(postal, format)))) {
    problems.push({ field: 'PostalCode', message: `PostalCode is not a postal code of ${country}.` });
  }
  return problems;
}

/** The address written the standard way; fields it cannot improve are kept as they are. */
export function normaliseAddress(address: Address): Address {
  const out: Address = { ...address };
  for (const f of TEXT_FIELDS) {
    const v = address[f];
    if (v === undefined || v === null) continue;
    const tidy = v.trim().replace(/\s+/g, ' ');
    out[f] = tidy === '' ? null : tidy;
  }
  const rawCountry = out.CountryCode?.toUpperCase() ?? null;
  const country = rawCountry === null ? null : (COUNTRY_ALIASES[rawCountry] ?? rawCountry);
  out.CountryCode = country;
  for (const f of ['BusinessName', 'City', ...LINES] as const) {
    const v = out[f];
    if (v) out[f] = titleCaseIfLower(v);
  }
  if (country !== null && ABBREVIATION_COUNTRIES.has(country)) {
    for (const f of LINES) {
      const v = out[f];
      if (v) out[f] = abbreviate(v);
    }
  }
  if (country !== null && out.StateOrProvince) out.StateOrProvince = stateCode(country, out.StateOrProvince);
  if (country !== null && NO_SUBDIVISIONS.includes(country)) out.StateOrProvince = null;
  if (country !== null && out.PostalCode) {
    const format = POSTAL_FORMATS[country];
    const compact = compactPostalCode(out.PostalCode, format);
    out.PostalCode = format?.compact.test(compact) ? format.format(compact) : out.PostalCode.toUpperCase();
  }
  return out;
}

/** Whether two addresses say the same thing (Id and TimeStamp aside). */
export function sameAddress(a: Address, b: Address): boolean {
  return TEXT_FIELDS.every((f) => (value(a, f) ?? null) === (value(b, f) ?? null));
}

function titleCaseIfLower(v: string): string {
  if (v !== v.toLowerCase() || v === v.toUpperCase()) return v;
  return v.replace(/(^|[\s\-/])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function abbreviate(line: string): string {
  const known = new Set(Object.values(STREET_ABBREVIATIONS).map((s) => s.toLowerCase()));
  return line.split(' ').map((word) => {
    const m = /^([\p{L}]+)(\.?)([,;]?)$/u.exec(word);
    if (!m) return word;
    const lower = m[1]!.toLowerCase();
    const short = STREET_ABBREVIATIONS[lower];
    if (short && m[2] === '') return short + m[3]!;
    // "St." → "St": the standard forms carry no period.
    if (known.has(lower) && m[2] === '.') return (Object.values(STREET_ABBREVIATIONS).find((s) => s.toLowerCase() === lower) ?? m[1]!) + m[3]!;
    return word;
  }).join(' ');
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** A state written as its code (any case), its name, or with the country prefix (US-WA) → the code. */
function stateCode(country: string, state: string): string {
  const states = SUBDIVISIONS[country];
  const upper = state.toUpperCase();
  if (!states) return state;
  if (upper in states) return upper;
  const unprefixed = upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
  if (unprefixed in states) return unprefixed;
  const byName = Object.entries(states).find(([, name]) => fold(name) === fold(state));
  return byName ? byName[0] : state;
}
