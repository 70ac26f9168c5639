// ValidateAddress end to end, over REST and SOAP: the four documented statuses, OriginalAddress
// always echoed, SuggestedAddresses nil unless a suggestion exists, and the fault for no address.
// (The rule tables themselves are tested one rule each in test/domain/validate-address-rules.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressXml, type Fields } from '../../support/account-xml.js';
import { ENT } from '../../support/clients.js';
import { faces, type Faces } from '../../support/faces.js';
import { createTestTenant } from '../../support/fixtures.js';
import { expectRestFault } from '../../support/rest-assert.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { assertNilsAndNamespaces, childEl, expectFault, expectOk, must, NIL, value } from '../../support/soap-assert.js';

const VALID: Fields = { City: 'Redmond', CountryCode: 'US', Line1: '1 Microsoft Way', PostalCode: '98052', StateOrProvince: 'WA' };

describe('ValidateAddress over REST and SOAP', () => {
  let server: RunningServer;
  let call: Faces;
  let token: string;

  before(async () => {
    server = await startServer();
    call = faces(server);
    token = (await createTestTenant(await server.store(), 'sandbox', 'Addr')).token;
  });
  after(async () => { await server?.stop(); });

  /** Both faces; returns [REST body, SOAP response element]. */
  async function both(address: Fields): Promise<[Record<string, unknown>, ReturnType<typeof expectOk>]> {
    const r = await call.rest('ValidateAddress', { Address: address }, token);
    assert.equal(r.status, 200, r.text);
    const s = expectOk(await call.soap('ValidateAddress', `<Address>${addressXml(address)}</Address>`, token), 'ValidateAddress');
    return [r.body, s];
  }

  it('a valid, standard address: AddressValidWithoutSuggestions, OriginalAddress echoed, SuggestedAddresses nil', async () => {
    const [r, s] = await both({ ...VALID, BusinessName: 'Contoso' });
    assert.deepEqual(r, { OriginalAddress: { ...VALID, BusinessName: 'Contoso' }, Status: 'AddressValidWithoutSuggestions' });
    assert.deepEqual(s.children.map((c) => c.local), ['OriginalAddress', 'Status', 'SuggestedAddresses']);
    assert.equal(value(s, 'Status'), 'AddressValidWithoutSuggestions');
    assert.equal(must(childEl(s, 'SuggestedAddresses'), 'SuggestedAddresses').attributes.get(NIL), 'true');
    const original = must(childEl(s, 'OriginalAddress'), 'OriginalAddress');
    assert.deepEqual(original.children.map((c) => c.local), ['City', 'CountryCode', 'Id', 'Line1', 'Line2', 'Line3', 'Line4', 'PostalCode', 'StateOrProvince', 'TimeStamp', 'BusinessName']);
    assertNilsAndNamespaces(original, ENT);
    assert.equal(value(original, 'Line1'), '1 Microsoft Way');
    assert.equal(value(original, 'Line2'), null);
  });

  it('a valid address written loosely: AddressValidWithSuggestions with the normalised address', async () => {
    const sent = { ...VALID, Line1: '1 microsoft   way', City: 'redmond', StateOrProvince: 'wa', CountryCode: 'us', PostalCode: '980526399' };
    const [r, s] = await both(sent);
    assert.equal(r.Status, 'AddressValidWithSuggestions');
    assert.deepEqual(r.OriginalAddress, sent, 'the address is passed back as sent');
    assert.deepEqual(r.SuggestedAddresses, [{ ...VALID, Line1: '1 Microsoft Way', PostalCode: '98052-6399' }]);
    assert.equal(value(s, 'Status'), 'AddressValidWithSuggestions');
    const suggestions = must(childEl(s, 'SuggestedAddresses'), 'SuggestedAddresses').children;
    assert.deepEqual(suggestions.map((c) => [c.local, c.uri]), [['Address', ENT]]);
    assert.deepEqual(['City', 'StateOrProvince', 'CountryCode', 'PostalCode'].map((f) => value(suggestions[0]!, f)), ['Redmond', 'WA', 'US', '98052-6399']);
  });

  it('an invalid address the normalisation repairs (state name, Street too long): AddressInvalidWithSuggestions', async () => {
    const [r, s] = await both({ ...VALID, StateOrProvince: 'Washington', Line1: '12345 Extraordinarily Long Boulevard' });
    assert.equal(r.Status, 'AddressInvalidWithSuggestions');
    assert.deepEqual(r.SuggestedAddresses, [{ ...VALID, Line1: '12345 Extraordinarily Long Blvd' }]);
    assert.equal(value(s, 'Status'), 'AddressInvalidWithSuggestions');
  });

  it('an invalid address nothing can repair (unknown state, bad postal code, missing city): AddressInvalidWithoutSuggestions', async () => {
    for (const bad of [{ ...VALID, StateOrProvince: 'ZZ' }, { ...VALID, PostalCode: '9805' }, { ...VALID, City: undefined }, { ...VALID, CountryCode: 'XX' }]) {
      const [r, s] = await both(bad);
      assert.equal(r.Status, 'AddressInvalidWithoutSuggestions', JSON.stringify(bad));
      assert.equal(r.SuggestedAddresses, undefined, 'nil: left out of the JSON');
      assert.equal(value(s, 'Status'), 'AddressInvalidWithoutSuggestions');
      assert.equal(must(childEl(s, 'SuggestedAddresses'), 'SuggestedAddresses').attributes.get(NIL), 'true');
    }
  });

  it('country rules apply over the wire too: Canada, Brazil, Japan, Germany', async () => {
    const cases: Array<[Fields, string]> = [
      [{ City: 'Toronto', CountryCode: 'CA', Line1: '1 King St W', PostalCode: 'M5H 1A1', StateOrProvince: 'ON' }, 'AddressValidWithoutSuggestions'],
      [{ City: 'São Paulo', CountryCode: 'BR', Line1: 'Av Paulista 1000', PostalCode: '01310100', StateOrProvince: 'SP' }, 'AddressValidWithSuggestions'],
      [{ City: 'Chiyoda', CountryCode: 'JP', Line1: '1-1 Chiyoda', PostalCode: '100-0001', StateOrProvince: 'Tokyo' }, 'AddressInvalidWithSuggestions'],
      [{ City: 'Berlin', CountryCode: 'DE', Line1: 'Unter den Linden 1', PostalCode: '1011' }, 'AddressInvalidWithoutSuggestions'],
    ];
    for (const [address, expected] of cases) {
      const [r, s] = await both(address);
      assert.equal(r.Status, expected, address.CountryCode);
      assert.equal(value(s, 'Status'), expected, address.CountryCode);
    }
  });

  it('no Address (absent, null, or an empty element as suds sends it) → 203 NullParameter on both faces', async () => {
    for (const body of [{}, { Address: null }]) {
      expectRestFault(await call.rest('ValidateAddress', body, token), 400, 'ApiFault', 203);
    }
    expectFault(await call.soap('ValidateAddress', '', token), 203, 'ApiFault');
    expectFault(await call.soap('ValidateAddress', '<Address/>', token), 203, 'ApiFault');
  });

  it('needs a signed-in caller (105 without credentials)', async () => {
    expectRestFault(await call.rest('ValidateAddress', { Address: VALID }, 'not-a-token'), 401, 'AdApiFaultDetail', 105);
  });
});
