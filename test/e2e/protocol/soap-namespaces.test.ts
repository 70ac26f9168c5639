// SOAP namespaces, not prefixes, decide: any prefixes, default namespaces, mixed styles, a BOM,
// pretty-printed envelopes with comments and processing instructions; a field in the wrong namespace is not read.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { CM, ENT, XSI, type SoapCredentials } from '../../support/clients.js';
import {
  ADDRESS_XML, childEl, expectFault, expectOk, itLeaksNoStackTrace, must, SOAP_ENV, useSoapProtocolWorld, type SoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { post, call, unique, accountNamed, addAccountBody } = world;
let store: Store;
let admin: SoapCredentials;
let demo: SoapProtocolWorld['demo'];
before(async () => { await world.started(); ({ store, admin, demo } = world); });

describe('SOAP namespaces', () => {
  it('accepts any prefixes: soapenv:/ns1:/ns2:', async () => {
    const name = unique('Prefixed');
    const xml = `<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:ns1="${CM}" xmlns:ns2="${ENT}" xmlns:xsi="${XSI}">`
      + `<soapenv:Header><ns1:AuthenticationToken>${admin.token}</ns1:AuthenticationToken><ns1:DeveloperToken>${admin.developerToken}</ns1:DeveloperToken></soapenv:Header>`
      + `<soapenv:Body><ns1:AddAccountRequest><ns1:Account><ns2:CurrencyCode>USD</ns2:CurrencyCode><ns2:Name>${name}</ns2:Name>`
      + `<ns2:ParentCustomerId>${demo.customerId}</ns2:ParentCustomerId><ns2:PaymentMethodId>${demo.paymentMethodId}</ns2:PaymentMethodId>`
      + `<ns2:BusinessAddress>${ADDRESS_XML.replace(/e:/g, 'ns2:')}</ns2:BusinessAddress></ns1:Account></ns1:AddAccountRequest></soapenv:Body></soapenv:Envelope>`;
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = await store.getAccount(BigInt(childEl(res, 'AccountId')!.text));
    assert.equal(rec?.name, name);
  });

  it('accepts default namespaces only (no prefixes at all), and a BOM', async () => {
    const xml = `\uFEFF<?xml version="1.0"?><Envelope xmlns="${SOAP_ENV}"><Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></Header>`
      + `<Body><GetUserRequest xmlns="${CM}"><UserId xmlns:x="${XSI}" x:nil="true"/></GetUserRequest></Body></Envelope>`;
    const res = expectOk(await post(xml), 'GetUser');
    assert.equal(childEl(must(childEl(res, 'User'), 'User'), 'Id')?.text, String(demo.userId));
  });

  it('accepts mixed styles: prefixed envelope, default-namespace entities redeclared per element', async () => {
    const name = unique('Mixed');
    const xml = `<S:Envelope xmlns:S="${SOAP_ENV}"><S:Header><h:AuthenticationToken xmlns:h="${CM}">${admin.token}</h:AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></S:Header>`
      + `<S:Body><q:AddAccountRequest xmlns:q="${CM}"><q:Account>`
      + `<CurrencyCode xmlns="${ENT}">USD</CurrencyCode><z:Name xmlns:z="${ENT}">${name}</z:Name>`
      + `<ParentCustomerId xmlns="${ENT}">${demo.customerId}</ParentCustomerId><PaymentMethodId xmlns="${ENT}">${demo.paymentMethodId}</PaymentMethodId>`
      + `<BusinessAddress xmlns="${ENT}">${ADDRESS_XML.replace(/e:/g, '')}</BusinessAddress></q:Account></q:AddAccountRequest></S:Body></S:Envelope>`;
    expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    assert.ok(await accountNamed(name));
  });

  it('namespaces, not prefixes, decide: an entity field in the wrong namespace is not read', async () => {
    const name = unique('Wrong Namespace');
    // Name in the message namespace instead of Entities: the account has no Name.
    const body = addAccountBody(name).replace(`<e:Name>${name}</e:Name>`, `<Name>${name}</Name>`);
    const r = await call('AddAccount', body, admin);
    expectFault(r, 203, 'ApiFault');
    assert.equal(await accountNamed(name), false);
  });

  it('accepts a pretty-printed envelope with comments and processing instructions', async () => {
    const name = unique('Pretty Printed');
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- sent by a human -->
<s:Envelope xmlns:s="${SOAP_ENV}" xmlns:i="${XSI}">
  <s:Header xmlns="${CM}">
    <Action mustUnderstand="1">AddAccount</Action>
    <AuthenticationToken i:nil="false">${admin.token}</AuthenticationToken>
    <DeveloperToken i:nil="false">${admin.developerToken}</DeveloperToken>
  </s:Header>
  <s:Body>
    <?some-pi data?>
    <AddAccountRequest xmlns="${CM}">
      <Account xmlns:e="${ENT}" i:nil="false">
        <e:CurrencyCode i:nil="false">USD</e:CurrencyCode>
        <!-- the name -->
        <e:Name i:nil="false"><![CDATA[${name}]]></e:Name>
        <e:ParentCustomerId>${demo.customerId}</e:ParentCustomerId>
        <e:PaymentMethodId i:nil="false">
          ${demo.paymentMethodId}
        </e:PaymentMethodId>
        <e:BusinessAddress i:nil="false">
          ${ADDRESS_XML.replace(/></g, '>\n          <')}
        </e:BusinessAddress>
      </Account>
    </AddAccountRequest>
  </s:Body>
</s:Envelope>
`;
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = (await store.getAccount(BigInt(childEl(res, 'AccountId')!.text)))!;
    assert.equal(rec.name, name);
    assert.equal(rec.paymentMethodId, demo.paymentMethodId);
    assert.equal(rec.businessAddress?.city, 'Redmond');
  });
});

itLeaksNoStackTrace(world, 5);
