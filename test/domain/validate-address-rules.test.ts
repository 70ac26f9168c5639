// The ValidateAddress rule tables, one rule per test: required fields and lengths per country, ISO
// country codes, state/province codes, postal-code formats (US, CA, AU, IN, BR, MX, JP and the EU),
// normalisation, and the four statuses; plus validateBusinessAddress's faults.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/contract/api-error.js';
import { EU_COUNTRIES } from '../../src/domain/addresses/validate-address-countries.js';
import { POSTAL_FORMATS } from '../../src/domain/addresses/validate-address-postal-codes.js';
import { addressProblems, normaliseAddress, type Address } from '../../src/domain/addresses/validate-address-rules.js';
import { addressVerdict } from '../../src/domain/addresses/validate-address-status.js';
import { validateBusinessAddress } from '../../src/domain/addresses/validate-address-business.js';

const US: Address = { Line1: '1 Microsoft Way', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052', CountryCode: 'US' };
const status = (a: Address): string => addressVerdict(a).status;
const suggested = (a: Address): Address | null => addressVerdict(a).suggestion;

describe('ValidateAddress rules', () => {
  it('a complete, standard address is valid without suggestions', () => {
    assert.equal(status(US), 'AddressValidWithoutSuggestions');
    assert.equal(suggested(US), null);
  });

  it('Line1, City and CountryCode are required everywhere', () => {
    for (const f of ['Line1', 'City', 'CountryCode'] as const) {
      assert.equal(status({ ...US, [f]: null }), 'AddressInvalidWithoutSuggestions', f);
      assert.equal(status({ ...US, [f]: '   ' }), 'AddressInvalidWithoutSuggestions', `${f} blank`);
    }
  });

  it('PostalCode is required except where a country has no postal codes (HK, AE)', () => {
    assert.equal(status({ ...US, PostalCode: null }), 'AddressInvalidWithoutSuggestions');
    assert.equal(status({ Line1: '1 Queen\'s Rd Central', City: 'Hong Kong', CountryCode: 'HK' }), 'AddressValidWithoutSuggestions');
    assert.equal(status({ Line1: 'Sheikh Zayed Rd', City: 'Dubai', CountryCode: 'AE' }), 'AddressValidWithoutSuggestions');
  });

  it('StateOrProvince is required for US, CA, AU, IN, BR, MX and JP, and optional elsewhere', () => {
    for (const [country, state, postal] of [['US', 'WA', '98052'], ['CA', 'ON', 'M5V 3L9'], ['AU', 'NSW', '2000'], ['IN', 'KA', '560001'],
      ['BR', 'SP', '01310-100'], ['MX', 'CMX', '06000'], ['JP', '13', '100-0001']] as const) {
      const a: Address = { Line1: '1 Main St', City: 'City', StateOrProvince: state, PostalCode: postal, CountryCode: country };
      assert.equal(status(a), 'AddressValidWithoutSuggestions', country);
      assert.equal(status({ ...a, StateOrProvince: null }), 'AddressInvalidWithoutSuggestions', `${country} without a state`);
      assert.equal(status({ ...a, StateOrProvince: 'ZZZ' }), 'AddressInvalidWithoutSuggestions', `${country} unknown state`);
    }
    assert.equal(status({ Line1: 'Unter den Linden 1', City: 'Berlin', PostalCode: '10117', CountryCode: 'DE' }), 'AddressValidWithoutSuggestions');
  });

  it('the documented lengths: Line1–4 and City 35, PostalCode 10, BusinessName 100', () => {
    assert.equal(status({ ...US, City: 'x'.repeat(36) }), 'AddressInvalidWithoutSuggestions');
    assert.equal(status({ ...US, Line3: 'x'.repeat(36) }), 'AddressInvalidWithoutSuggestions');
    assert.equal(status({ ...US, BusinessName: 'x'.repeat(101) }), 'AddressInvalidWithoutSuggestions');
    assert.equal(status({ ...US, BusinessName: 'X'.repeat(100), City: 'Y'.repeat(35) }), 'AddressValidWithoutSuggestions');
    assert.equal(status({ Line1: 'a', City: 'b', PostalCode: '12345678901', CountryCode: 'AR' }), 'AddressInvalidWithoutSuggestions');
  });

  it('CountryCode must be an ISO 3166-1 alpha-2 code; a known alias is suggested as its code', () => {
    assert.equal(status({ ...US, CountryCode: 'XX' }), 'AddressInvalidWithoutSuggestions');
    assert.equal(status({ ...US, CountryCode: 'USA' }), 'AddressInvalidWithSuggestions');
    assert.equal(suggested({ ...US, CountryCode: 'USA' })?.CountryCode, 'US');
    assert.equal(status({ ...US, CountryCode: 'us' }), 'AddressValidWithSuggestions');
  });

  it('a state name or a prefixed code (US-WA) is invalid, with the code suggested, accents and case ignored', () => {
    assert.equal(status({ ...US, StateOrProvince: 'Washington' }), 'AddressInvalidWithSuggestions');
    assert.equal(suggested({ ...US, StateOrProvince: 'washington' })?.StateOrProvince, 'WA');
    assert.equal(suggested({ ...US, StateOrProvince: 'US-WA' })?.StateOrProvince, 'WA');
    const br: Address = { Line1: 'Av Paulista 1000', City: 'São Paulo', StateOrProvince: 'Sao Paulo', PostalCode: '01310-100', CountryCode: 'BR' };
    assert.equal(suggested(br)?.StateOrProvince, 'SP');
    assert.equal(suggested({ ...br, CountryCode: 'MX', StateOrProvince: 'Nuevo Leon', PostalCode: '64000' })?.StateOrProvince, 'NLE');
    assert.equal(suggested({ ...br, CountryCode: 'JP', StateOrProvince: 'Tokyo', PostalCode: '100-0001' })?.StateOrProvince, '13');
    assert.equal(suggested({ ...br, CountryCode: 'IN', StateOrProvince: 'Karnataka', PostalCode: '560001' })?.StateOrProvince, 'KA');
    assert.equal(suggested({ ...br, CountryCode: 'AU', StateOrProvince: 'Victoria', PostalCode: '3000' })?.StateOrProvince, 'VIC');
    assert.equal(suggested({ ...br, CountryCode: 'CA', StateOrProvince: 'Québec', PostalCode: 'H2X 1Y4' })?.StateOrProvince, 'QC');
  });

  it('a country without subdivisions (Singapore) takes no state; one sent is suggested away', () => {
    const sg: Address = { Line1: '1 Raffles Pl', City: 'Singapore', PostalCode: '048616', CountryCode: 'SG' };
    assert.equal(status(sg), 'AddressValidWithoutSuggestions');
    assert.equal(status({ ...sg, StateOrProvince: 'SG' }), 'AddressInvalidWithSuggestions');
    assert.equal(suggested({ ...sg, StateOrProvince: 'SG' })?.StateOrProvince, null);
  });

  it('postal codes of US, CA, AU, IN, BR, MX and JP: format checked, canonical writing suggested', () => {
    const cases: Array<[string, string, string, string | null]> = [
      // country, state, sent, suggested (null: already canonical)
      ['US', 'WA', '98052-6399', null], ['US', 'WA', '980526399', '98052-6399'], ['CA', 'ON', 'm5v3l9', 'M5V 3L9'],
      ['AU', 'NSW', '2000', null], ['IN', 'KA', '560 001', '560001'], ['BR', 'SP', '01310100', '01310-100'],
      ['MX', 'CMX', '06000', null], ['JP', '13', '1000001', '100-0001'],
    ];
    for (const [country, state, sent, canonical] of cases) {
      const a: Address = { Line1: '1 Main St', City: 'City', StateOrProvince: state, PostalCode: sent, CountryCode: country };
      assert.equal(status(a), canonical === null ? 'AddressValidWithoutSuggestions' : 'AddressValidWithSuggestions', `${country} ${sent}`);
      if (canonical !== null) assert.equal(suggested(a)?.PostalCode, canonical, `${country} ${sent}`);
    }
    for (const [country, state, bad] of [['US', 'WA', '9805'], ['CA', 'ON', '123456'], ['AU', 'NSW', '20000'], ['IN', 'KA', '56001'],
      ['BR', 'SP', '0131010'], ['MX', 'CMX', '0600'], ['JP', '13', '100-001']]) {
      const a: Address = { Line1: '1 Main St', City: 'City', StateOrProvince: state!, PostalCode: bad!, CountryCode: country! };
      assert.equal(status(a), 'AddressInvalidWithoutSuggestions', `${country} ${bad}`);
    }
  });

  it('every EU country has a postal-code format, and a wrong code is invalid', () => {
    const samples: Record<string, [good: string, canonical: string]> = {
      AT: ['1010', '1010'], BE: ['1000', '1000'], BG: ['1000', '1000'], HR: ['10000', '10000'], CY: ['1010', '1010'],
      CZ: ['11000', '110 00'], DK: ['1050', '1050'], EE: ['10111', '10111'], FI: ['00100', '00100'], FR: ['75001', '75001'],
      DE: ['10115', '10115'], GR: ['10431', '104 31'], HU: ['1011', '1011'], IE: ['d02x285', 'D02 X285'], IT: ['00118', '00118'],
      LV: ['1050', 'LV-1050'], LT: ['LT-01100', 'LT-01100'], LU: ['L-1111', '1111'], MT: ['vlt1117', 'VLT 1117'], NL: ['1012ab', '1012 AB'],
      PL: ['00950', '00-950'], PT: ['1000001', '1000-001'], RO: ['010011', '010011'], SK: ['81101', '811 01'], SI: ['1000', '1000'],
      ES: ['28001', '28001'], SE: ['11455', '114 55'],
    };
    assert.deepEqual(Object.keys(samples).sort(), [...EU_COUNTRIES].sort());
    for (const country of EU_COUNTRIES) {
      assert.ok(POSTAL_FORMATS[country], country);
      const [good, canonical] = samples[country]!;
      const a: Address = { Line1: 'Hauptstr 1', City: 'City', PostalCode: good, CountryCode: country };
      assert.equal(addressProblems(a).length, 0, `${country} ${good}`);
      assert.equal(normaliseAddress(a).PostalCode, canonical, country);
      assert.equal(status({ ...a, PostalCode: 'ABC' }), 'AddressInvalidWithoutSuggestions', `${country} ABC`);
    }
  });

  it('normalises whitespace, lower-case words and English street words (Street → St), valid with suggestions', () => {
    const a: Address = { Line1: '  1  main   street ', Line2: 'suite 200', City: 'redmond', StateOrProvince: 'wa', PostalCode: '98052', CountryCode: 'us', BusinessName: 'contoso ltd' };
    assert.equal(status(a), 'AddressValidWithSuggestions');
    const s = suggested(a)!;
    assert.deepEqual([s.Line1, s.Line2, s.City, s.StateOrProvince, s.CountryCode, s.BusinessName], ['1 Main St', 'Ste 200', 'Redmond', 'WA', 'US', 'Contoso Ltd']);
    assert.equal(suggested({ ...US, Line1: '500 Fifth Avenue' })?.Line1, '500 Fifth Ave');
    assert.equal(suggested({ ...US, Line1: '1 Main St.' })?.Line1, '1 Main St');
    // Names of places keep their words; German addresses are not abbreviated the English way.
    assert.equal(status({ ...US, City: 'Mount Vernon' }), 'AddressValidWithoutSuggestions');
    assert.equal(status({ Line1: 'Road Street 1', City: 'Berlin', PostalCode: '10115', CountryCode: 'DE' }), 'AddressValidWithoutSuggestions');
  });

  it('a line too long that abbreviation brings within 35 characters is invalid with suggestions', () => {
    const a: Address = { ...US, Line1: '12345 Extraordinarily Long Boulevard' };
    assert.equal(a.Line1!.length, 36);
    assert.equal(status(a), 'AddressInvalidWithSuggestions');
    assert.equal(suggested(a)?.Line1, '12345 Extraordinarily Long Blvd');
  });

  it('a suggestion keeps the address Id and has no TimeStamp', () => {
    const s = suggested({ ...US, Id: 42n, TimeStamp: new Uint8Array([1]), City: 'redmond' })!;
    assert.equal(s.Id, 42n);
    assert.equal(s.TimeStamp, null);
  });
});

describe('validateBusinessAddress (AddAccount, UpdateAccount, SignupCustomer, prepay accounts)', () => {
  const fault = (fn: () => void): [string, string | undefined] => {
    try { fn(); } catch (e) { assert.ok(e instanceof ApiError); return [e.fault, e.errors[0]!.details]; }
    return ['none', undefined];
  };

  it('a missing address is 1139 BusinessAddressRequired', () => {
    assert.deepEqual(fault(() => validateBusinessAddress(null, 'Account.BusinessAddress')), ['BusinessAddressRequired', 'Account.BusinessAddress is required.']);
  });

  it('BusinessName is required, and every ValidateAddress rule applies: 1140 naming the rule', () => {
    assert.equal(fault(() => validateBusinessAddress(US, 'A'))[0], 'BusinessAddressInvalid');
    assert.deepEqual(fault(() => validateBusinessAddress({ ...US, BusinessName: 'C', StateOrProvince: 'Washington' }, 'Account.BusinessAddress')),
      ['BusinessAddressInvalid', 'Account.BusinessAddress.StateOrProvince must be a state or province code of US (without the country prefix).']);
    assert.equal(fault(() => validateBusinessAddress({ ...US, BusinessName: 'C', PostalCode: '1' }, 'A'))[0], 'BusinessAddressInvalid');
  });

  it('a valid address passes, whatever its layout (case, spacing)', () => {
    assert.deepEqual(fault(() => validateBusinessAddress({ ...US, BusinessName: 'C', CountryCode: 'us', City: 'redmond' }, 'A')), ['none', undefined]);
  });
});
