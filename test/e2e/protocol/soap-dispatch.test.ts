// SOAP dispatch: the operation is taken from the body element (SOAPAction optional; alone it names
// the operation only to fault a body without its wrapper); unknown actions are ActionNotSupported.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CM, ENT, envelope, find, type SoapCredentials } from '../../support/clients.js';
import { parseXml as parseScoped, resolveQName, clark } from '../../support/xml-tree.js';
import {
  ADDRESSING_NONE, expectFault, expectOk, findScoped, itLeaksNoStackTrace, must, SOAP_ENV, useSoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { post } = world;
let admin: SoapCredentials;
before(async () => { await world.started(); ({ admin } = world); });

describe('SOAP dispatch', () => {
  it('takes the operation from the body element, with or without SOAPAction', async () => {
    const xml = envelope('GetCurrentUser', '', admin);
    for (const action of [undefined, 'GetCurrentUser', 'https://bingads.microsoft.com/Customer/v13/ICustomerManagementService/GetCurrentUser']) {
      const res = expectOk(await post(xml, action), 'GetCurrentUser');
      assert.equal(find(res, 'UserName', ENT)?.text, 'admin@adcenter.local');
    }
    // An empty Body is not an empty request: SOAPAction finds the operation, whose wrapper is
    // missing — 100 NullRequest, as WCF cannot read such a body (issue 9; docs/errors.md).
    const empty = `<s:Envelope xmlns:s="${SOAP_ENV}"><s:Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></s:Header><s:Body/></s:Envelope>`;
    expectFault(await post(empty, 'GetCurrentUser'), 100, 'AdApiFaultDetail');
  });

  it('answers an operation the contract does not have with an ActionNotSupported fault (HTTP 500)', async () => {
    const r = await post(envelope('FrobnicateAccounts', '', admin), 'FrobnicateAccounts');
    assert.equal(r.status, 500);
    const doc = parseScoped(r.text);
    const faultcode = must(findScoped(doc, 'faultcode'), 'faultcode');
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(ADDRESSING_NONE, 'ActionNotSupported'));
    assert.match(findScoped(doc, 'faultstring')?.text ?? '', /FrobnicateAccounts/);
    // No body and an unknown SOAPAction: the same.
    const empty = `<s:Envelope xmlns:s="${SOAP_ENV}"><s:Body/></s:Envelope>`;
    const r2 = await post(empty, 'NoSuchThing');
    assert.equal(r2.status, 500);
    const fc2 = must(findScoped(parseScoped(r2.text), 'faultcode'), 'faultcode');
    assert.equal(resolveQName(fc2, fc2.text.trim()), clark(ADDRESSING_NONE, 'ActionNotSupported'));
  });

});

itLeaksNoStackTrace(world, 6);
