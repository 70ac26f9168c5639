// Turning command-line values into request fields: JSON bodies (inline or @file), an address
// from its parts, and lists of ids.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import type { Address } from 'adcenter-client';

/** `--body '{"UserId":null}'` or `--body @request.json` (`@-` reads stdin). */
export function jsonArgument(value: string): Record<string, unknown> {
  const text = value.startsWith('@') ? readFileSync(value === '@-' ? 0 : value.slice(1), 'utf8') : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`not JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function idArgument(value: string): string {
  if (!/^\d{1,19}$/.test(value)) throw new InvalidArgumentError('must be a numeric id');
  return value;
}

export interface AddressOptions {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  businessName?: string;
}

export const ADDRESS_OPTIONS: ReadonlyArray<[flag: string, description: string]> = [
  ['--line1 <text>', 'business address, first line'],
  ['--line2 <text>', 'business address, second line'],
  ['--city <text>', 'business address city'],
  ['--state <code>', 'business address state or province'],
  ['--postal-code <code>', 'business address postal code'],
  ['--country <code>', 'business address country code (default US)'],
  ['--business-name <text>', 'business name on the address'],
];

export function addressOf(o: AddressOptions): Address | undefined {
  if (o.line1 === undefined && o.city === undefined) return undefined;
  const address: Address = { CountryCode: o.country ?? 'US' };
  if (o.line1 !== undefined) address.Line1 = o.line1;
  if (o.line2 !== undefined) address.Line2 = o.line2;
  if (o.city !== undefined) address.City = o.city;
  if (o.state !== undefined) address.StateOrProvince = o.state;
  if (o.postalCode !== undefined) address.PostalCode = o.postalCode;
  if (o.businessName !== undefined) address.BusinessName = o.businessName;
  return address;
}
