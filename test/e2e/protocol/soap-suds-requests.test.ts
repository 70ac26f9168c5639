// What the official Python SDK (suds) sends (client-notes.md): every unset field as an empty element.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { envelope, type SoapCredentials } from '../../support/clients.js';
import type { ElementDef } from '../../../src/contract/model.js';
import { types } from '../../../src/contract/types.js';
import {
  childEl, expectFault, expectOk, itLeaksNoStackTrace, useSoapProtocolWorld, type SoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { post, call, unique, accountNamed, addAccountBody } = world;
let store: Store;
let admin: SoapCredentials;
let demo: SoapProtocolWorld['demo'];
before(async () => { await world.started(); ({ store, admin, demo } = world); });

describe('what the official Python SDK (suds) sends (client-notes.md)', () => {
  it('AddAccount with every unset field as an empty element succeeds and stores the set fields', async () => {
    const name = unique('Suds Style');
    const set: Record<string, string> = {
      CurrencyCode: 'USD', Name: name, ParentCustomerId: String(demo.customerId), PaymentMethodId: String(demo.paymentMethodId),
      BusinessAddress: '<e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Id/><e:Line1>1 Microsoft Way</e:Line1><e:Line2/><e:Line3/><e:Line4/>'
        + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:TimeStamp/><e:BusinessName>Contoso</e:BusinessName>',
      TaxCertificate: '<e:TaxCertificateBlobContainerName/><e:TaxCertificates/><e:Status/>',
    };
    const fields = (types.AdvertiserAccount.fields as readonly ElementDef[]).map((f) => f.name);
    const account = fields.map((n) => (set[n] === undefined ? `<e:${n}/>` : `<e:${n}>${set[n]}</e:${n}>`)).join('');
    assert.ok(account.includes('<e:TaxCertificate><e:TaxCertificateBlobContainerName/><e:TaxCertificates/><e:Status/></e:TaxCertificate>'));
    assert.ok(account.includes('<e:TimeZone/>') && account.includes('<e:AutoTagType/>') && account.includes('<e:Language/>'));
    // suds quotes SOAPAction and prefixes the body with its own namespace alias.
    const xml = envelope('AddAccount', `<Account>${account}</Account>`, admin);
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = (await store.getAccount(BigInt(childEl(res, 'AccountId')!.text)))!;
    assert.equal(rec.name, name);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(rec.autoTagType, 'Inactive');
    assert.equal(rec.businessAddress?.line2, null);
    assert.equal(rec.businessAddress?.city, 'Redmond');
    assert.equal(rec.taxInformation, null);
  });

  it('an empty <BusinessAddress/> is a missing business address (1139)', async () => {
    const name = unique('Suds Empty Address');
    const body = addAccountBody(name).replace(/<e:BusinessAddress>[\s\S]*<\/e:BusinessAddress>/, '<e:BusinessAddress/>');
    expectFault(await call('AddAccount', body, admin), 1139, 'ApiFault');
    assert.equal(await accountNamed(name), false);
  });
});

itLeaksNoStackTrace(world, 2);
