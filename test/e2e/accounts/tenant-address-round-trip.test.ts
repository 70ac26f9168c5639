// A tenant created without an address of its own (web sign-up, `adcenter customer create`, the demo
// tenant) gets a placeholder business address in its country that passes ValidateAddress's rules:
// GetAccount → UpdateAccount with the account unchanged succeeds, over REST and SOAP, for every
// country the sign-up page offers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressProblems } from '../../../src/domain/addresses/validate-address-rules.js';
import { PLACEHOLDER_COUNTRIES, placeholderAddress } from '../../../src/domain/tenants/placeholder-addresses.js';
import { COUNTRIES } from '../../../src/web/fields.js';
import type { Store } from '../../../src/store/store.js';
import { ENT } from '../../support/clients.js';
import { faces, type Faces } from '../../support/faces.js';
import { createTestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

describe('placeholder business addresses of new tenants', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
  });
  after(async () => { await server?.stop(); });

  it('every country the sign-up page offers has a placeholder address that passes the address rules', () => {
    for (const [code] of COUNTRIES) {
      assert.ok(PLACEHOLDER_COUNTRIES.includes(code), `${code} has a placeholder`);
      assert.deepEqual(addressProblems(placeholderAddress(code, 'Business'), { requireBusinessName: true }), [], code);
    }
  });

  for (const country of ['CA', 'GB', 'JP', 'BR']) {
    it(`a tenant signed up in ${country}: GetAccount → UpdateAccount unchanged succeeds on both faces`, async () => {
      const tenant = await createTestTenant(store, 'sandbox', `Placeholder ${country}`, { country });
      assert.equal(tenant.account.businessAddress?.countryCode, country);

      const got = await call.rest('GetAccount', { AccountId: tenant.account.id.toString() }, tenant.token);
      assert.equal(got.status, 200, got.text);
      const put = await call.rest('UpdateAccount', { Account: got.body.Account }, tenant.token);
      assert.equal(put.status, 200, put.text);

      const soapGot = await call.soap('GetAccount', `<AccountId>${tenant.account.id}</AccountId>`, tenant.token);
      assert.equal(soapGot.status, 200, soapGot.text);
      const account = /<Account\b[\s\S]*<\/Account>/.exec(soapGot.text)![0]
        .replace(/^<Account\b[^>]*>/, `<Account xmlns:a="${ENT}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">`);
      const soapPut = await call.soap('UpdateAccount', account, tenant.token);
      assert.equal(soapPut.status, 200, soapPut.text);
      const stored = await store.getAccount(tenant.account.id);
      assert.deepEqual(stored?.businessAddress, tenant.account.businessAddress, 'the address is unchanged');
    });
  }
});
